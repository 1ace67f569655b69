"""HTTP Range for audio: iPhones will not play audio from a server that ignores Range."""

from __future__ import annotations

import re

from django.http import HttpResponse, StreamingHttpResponse

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 64 * 1024


def parse(header: str, size: int) -> tuple[int, int] | None | str:
    """(start, end) inclusive; None to serve the whole file; "unsatisfiable" for a 416.

    Several ranges in one header are allowed to be answered with the whole file (RFC 9110).
    """
    match = RANGE.match(header.strip())
    if not match:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # a suffix: the last N bytes
        length = int(last)
        if length == 0:
            return "unsatisfiable"
        return max(0, size - length), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or (last and int(last) < start):
        return "unsatisfiable"
    return start, end


def _stream(handle, start: int, length: int):
    with handle:
        handle.seek(start)
        remaining = length
        while remaining > 0:
            chunk = handle.read(min(CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk


def file_response(request, handle, size: int, content_type: str) -> HttpResponse:
    wanted = parse(request.headers.get("Range", ""), size) if "Range" in request.headers else None
    if wanted == "unsatisfiable":
        handle.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        # Whether a range fits depends on the request, not on the file: never keep the refusal.
        response["Cache-Control"] = "no-store"
        return response
    start, end = wanted if wanted else (0, size - 1)
    length = end - start + 1
    body = _stream(handle, start, length) if request.method != "HEAD" else iter(())
    if request.method == "HEAD":
        handle.close()
    response = StreamingHttpResponse(body, status=206 if wanted else 200, content_type=content_type)
    response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    if wanted:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    return response
