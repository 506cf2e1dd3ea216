"""A kept response answered again, fresh or from the cache alike.

`entry_of` records a response as it stands; `replay` answers a request from such a record:
304 to a matching conditional request, else the body (the gzip kept with it when the client
takes gzip, with a weak ETag as Django's GZipMiddleware gives) with every header the response
had. The first answer goes through `replay` too, so a fresh response and a replayed one carry
exactly the same headers, at both cache layers.
"""

import re

from django.http import HttpResponse, HttpResponseNotModified
from django.utils.text import compress_string

from .conditional import unchanged

ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Headers the replay writes itself for each answer.
OWN_HEADERS = {"content-encoding", "content-length", "etag"}
NOT_ON_304 = {"content-type", "content-encoding", "content-length"}
GZIP_FROM = 200  # bytes: smaller bodies are sent as they are


def accepts_gzip(request) -> bool:
    """The client takes gzip."""
    return bool(ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")))


def entry_of(response, version: str, etag: str, compress: bool = True) -> dict:
    """What is kept of a response: its body (and gzip, unless `compress` is off), its headers,
    whether it may be framed."""
    entry = {
        "version": version,
        "etag": etag,
        "body": response.content,
        "headers": {k: v for k, v in response.items() if k.lower() not in OWN_HEADERS},
        "frameable": bool(getattr(response, "xframe_options_exempt", False)),
    }
    if compress and "Content-Encoding" not in response and len(response.content) >= GZIP_FROM:
        entry["gzip"] = compress_string(response.content)
    return entry


def replay(request, entry: dict):
    """The response to `request` from a kept entry (see the module's docstring)."""
    etag = entry["etag"]
    if unchanged(request, etag, entry["headers"]):
        response = HttpResponseNotModified()
        for header, value in entry["headers"].items():
            if header.lower() not in NOT_ON_304:
                response[header] = value
        response["ETag"] = etag
    else:
        gzipped = entry.get("gzip") if accepts_gzip(request) else None
        response = HttpResponse(gzipped or entry["body"])
        for header, value in entry["headers"].items():
            response[header] = value
        response["ETag"] = f"W/{etag}" if gzipped else etag
        if gzipped:
            response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(response.content))
    # Django's clickjacking middleware reads this flag, not a header: keep it with the entry.
    response.xframe_options_exempt = entry.get("frameable", False)
    return response
