"""Debian's chromium, as the browser tests and the cluster's administrator drive it (Playwright,
never a downloaded browser)."""

CHROMIUM = "/usr/bin/chromium"
# Without the networking flags Chromium reaches out to Google's hosts, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
