"""The one conditional-request check (RFC 9110 §13): If-None-Match first, else
If-Modified-Since against the response's Last-Modified."""

from django.utils.http import parse_http_date_safe


def etag_matches(request, etag: str) -> bool:
    """If-None-Match names this ETag (weak comparison) or is `*`."""
    given = request.headers.get("If-None-Match", "")
    if given.strip() == "*":
        return True
    return any(tag.strip().removeprefix("W/") == etag for tag in given.split(","))


def not_modified_since(request, last_modified: str | None) -> bool:
    """If-Modified-Since (only when no If-None-Match) is not before `last_modified`."""
    since = request.headers.get("If-Modified-Since")
    if not since or "If-None-Match" in request.headers or not last_modified:
        return False
    since, changed = parse_http_date_safe(since), parse_http_date_safe(last_modified)
    return since is not None and changed is not None and changed <= since


def unchanged(request, etag: str, headers) -> bool:
    """The client's copy is current: answer 304 (GET and HEAD only)."""
    if request.method not in ("GET", "HEAD"):
        return False
    return etag_matches(request, etag) or not_modified_since(request, headers.get("Last-Modified"))
