"""Optional middleware for host sites (the standalone site uses both).

`ResponseCacheMiddleware`, first in MIDDLEWARE, answers repeats of cached public responses
(GraphQL GETs, feeds, embed, sitemap) before the rest of the stack runs; see its docstring.

`ExactVary` must come before django.middleware.locale.LocaleMiddleware in MIDDLEWARE (so it
sees the response after it): LocaleMiddleware adds `Vary: Accept-Language` to every response,
but the API, feeds and embed bodies do not depend on the visitor's language, and a needless
Vary splits a CDN's cache per browser language.
"""

import re

# Header list separators (Django's own `cc_delim_re` is gone in Django 6.1).
DELIMITER = re.compile(r"\s*,\s*")

MARK = "_igren_vary"


def exact_vary(response, *headers):
    """Mark a response whose Vary should be exactly `headers`."""
    setattr(response, MARK, headers)
    response["Vary"] = ", ".join(headers)
    return response


class ExactVary:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        wanted = getattr(response, MARK, None)
        if wanted is not None and response.has_header("Vary"):
            present = [h for h in DELIMITER.split(response["Vary"]) if h]
            response["Vary"] = ", ".join(h for h in present if h in wanted)
        return response


class ResponseCacheMiddleware:
    """Serve kept public responses from the top of the middleware stack.

    `delivery.cached_public` already answers repeats without a query, but only after every
    middleware's request phase, URL resolution and the rate limiter have run, which costs more
    than the lookup itself (make bench: about 500 cached GETs a second through gunicorn). Placed
    first in MIDDLEWARE, this keeps each such response as it finally left the stack (every
    security header included) under the content version, the host, the path, the query string
    and Accept, and answers the next identical GET, or its conditional revalidation (304), with
    one cache round trip and nothing else.

    It looks up only paths that have produced a cacheable response in this process (so admin
    and HTML pages never pay a lookup), never serves a request the stack would redirect to
    HTTPS, and lets an unknown Host fall through to Django's own 400. The per-client rate limit
    of the endpoint's group still applies to every request it answers. A publish retires its
    entries at once, as it does the view-level ones.
    """

    MAX_PATHS = 20_000

    def __init__(self, get_response):
        self.get_response = get_response
        self.paths: dict[str, str] = {}  # path -> endpoint group (graphql, feeds, embed, …)

    def _key(self, request):
        from django.conf import settings
        from django.core.exceptions import DisallowedHost

        from igren_cms import delivery

        if request.method != "GET" or request.path not in self.paths:
            return None
        if getattr(settings, "SECURE_SSL_REDIRECT", False) and not request.is_secure():
            return None
        try:
            host = request.get_host()
        except DisallowedHost:
            return None
        query = request.META.get("QUERY_STRING", "")
        return delivery.response_key(
            "final", host, request.path, query, request.headers.get("Accept", "")
        )

    def __call__(self, request):
        from igren_cms import delivery, ratelimit

        key = self._key(request)
        if key is not None:
            group = self.paths[request.path]
            refused = ratelimit.refusal(request, group, as_graphql=group == "graphql")
            if refused is not None:
                return refused
            _version, entry = delivery.lookup(key)
            if entry is not None:
                return delivery.replay(request, entry, entry["etag"])
        response = self.get_response(request)
        kept = getattr(response, "igren_kept", None)
        if kept is not None and request.method == "GET" and response.status_code == 200:
            if len(self.paths) < self.MAX_PATHS:
                self.paths[request.path] = kept["kind"]
            key = key or self._key(request)
            if key is not None:
                self._keep(key, delivery.content_version(), kept, response)
        return response

    @staticmethod
    def _keep(key, version, kept, response):
        from django.core.cache import cache

        from igren_cms import delivery

        if kept.get("version") != version:
            return  # made under a version a publish has since retired
        skipped = {"content-encoding", "content-length", "etag"}
        headers = {k: v for k, v in response.items() if k.lower() not in skipped}
        entry = {
            "version": version,
            "body": kept["body"],
            "gzip": kept.get("gzip"),
            "etag": kept["etag"],
            "headers": headers,
        }
        cache.set(key, entry, delivery.RESPONSE_CACHE_SECONDS)
