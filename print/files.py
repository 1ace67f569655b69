from pathlib import Path


def write_atomically(out: Path, data: bytes):
    """A failed run never leaves a half-written file behind: write aside, then rename."""
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    partial.write_bytes(data)
    partial.replace(out)
