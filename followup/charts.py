"""A bar chart drawn on the server as SVG: no chart library, no JavaScript."""

from __future__ import annotations

from django.utils.html import escape

# One per event, so that no two events in a bar share a colour.
COLOURS = [
    "#1d3557",
    "#b5451b",
    "#2a9d8f",
    "#e9c46a",
    "#6d597a",
    "#8d99ae",
    "#5f0f40",
    "#90be6d",
    "#f4a261",
]


def stacked_bars(series: dict[str, dict[str, int]], labels: dict[str, str], title: str) -> str:
    """One stacked bar per period (x), one colour per key; labelled for screen readers."""
    periods = list(series)
    keys = sorted({key for values in series.values() for key in values})
    width, height, left, bottom, top = 640, 280, 48, 36, 16
    peak = max((sum(values.values()) for values in series.values()), default=0) or 1
    bar = (width - left - 8) / max(1, len(periods))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height + 44}" '
        f'role="img" aria-label="{escape(title)}" class="indicator-chart">',  # room for the legend
        f"<title>{escape(title)}</title>",
        f'<line x1="{left}" y1="{height - bottom}" x2="{width}" y2="{height - bottom}" '
        'stroke="#555"/>',
        f'<text x="{left - 6}" y="{top + 4}" text-anchor="end" font-size="11">{peak}</text>',
        f'<text x="{left - 6}" y="{height - bottom}" text-anchor="end" font-size="11">0</text>',
    ]
    scale = (height - bottom - top) / peak
    for index, period in enumerate(periods):
        x = left + index * bar + 2
        y = height - bottom
        for key in keys:
            value = series[period].get(key, 0)
            if not value:
                continue
            h = value * scale
            y -= h
            colour = COLOURS[keys.index(key) % len(COLOURS)]
            parts.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(1, bar - 4):.1f}" height="{h:.1f}" '
                f'fill="{colour}"><title>{escape(period)}: {escape(labels.get(key, key))} '
                f"{value}</title></rect>"
            )
        parts.append(
            f'<text x="{x + bar / 2 - 2:.1f}" y="{height - bottom + 14}" text-anchor="middle" '
            f'font-size="10">{escape(period)}</text>'
        )
    per_row = 3  # legend entries per row, so long labels never run off the chart
    for index, key in enumerate(keys):
        x = left + (index % per_row) * 190
        y = height + 8 + (index // per_row) * 16
        parts.append(
            f'<rect x="{x}" y="{y}" width="10" height="10" fill="{COLOURS[index % len(COLOURS)]}"/>'
            f'<text x="{x + 14}" y="{y + 9}" font-size="11">{escape(labels.get(key, key))}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
