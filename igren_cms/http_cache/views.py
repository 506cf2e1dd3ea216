"""`cached_public`: the view decorator for public GET endpoints (GraphQL GETs, feeds, embed,
sitemap)."""

from functools import wraps

from pages.request_state import state_of

from . import store
from .replay import entry_of, replay
from .vary import exact_vary


def kept_for(request) -> dict | None:
    """The entry `cached_public` kept (or replayed) for this request, with its endpoint group,
    for `ResponseCacheMiddleware`."""
    return state_of(request).get("kept_response")


def cached_public(kind: str, vary: tuple[str, ...] = ("Accept-Encoding",)):
    """A 200 response the view marks `Cache-Control: public` is kept under the content version
    and the request, with an ETag derived from that key; a repeat is served from the cache and
    a conditional request (If-None-Match, or If-Modified-Since against the kept Last-Modified)
    is answered 304, both without any query or rendering. The body is also kept gzipped, so
    a repeat to a client that takes gzip costs no compression either (without the random
    padding Django's GZipMiddleware adds against BREACH: these public bodies hold no secret).
    Other responses (errors, previews, `no-store`) pass through untouched. `vary` is exactly
    what changes the body."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            key = store.response_key(
                kind,
                request.get_host(),  # absolute URLs in the body are built from it
                request.path,
                request.META.get("QUERY_STRING", ""),
                repr(sorted(kwargs.items())),
                request.headers.get("Accept", ""),
            )
            version, entry = store.lookup(key)
            if entry is None:
                response = view(request, *args, **kwargs)
                if getattr(response, "is_rendered", True) is False:
                    response.render()  # a TemplateResponse (the sitemap)
                if (
                    response.status_code != 200
                    or response.streaming
                    or "public" not in response.get("Cache-Control", "")
                ):
                    return response
                exact_vary(request, response, *vary)
                entry = entry_of(response, version, store.etag_for(key, version))
                store.keep(key, entry)
            state_of(request).set("kept_response", {**entry, "kind": kind})
            # Fresh or kept, the answer is the replay of the entry: the same headers either way.
            return exact_vary(request, replay(request, entry), *vary)

        return wrapped

    return decorate
