"""`ResponseCacheMiddleware`: kept public responses answered from the top of the stack.

`cached_public` already answers repeats without a query, but only after every middleware's
request phase, URL resolution and the rate limiter have run, which costs more than the lookup
itself (make bench: about 500 cached GETs a second through gunicorn). Placed first in
MIDDLEWARE, this keeps each such response as it finally left the stack (every security header
included) under the content version, the host, the path, the query string and Accept, and
answers the next identical GET, or its conditional revalidation (304), with one cache round
trip and nothing else, through the same `replay` as the view-level cache.

It looks up only paths that have produced a cacheable response in this process (so admin and
HTML pages never pay a lookup), never serves a request the stack would redirect to HTTPS, and
lets an unknown Host fall through to Django's own 400. The per-client rate limit of the
endpoint's group still applies to every request it answers. A publish retires its entries at
once, as it does the view-level ones.
"""

from django.core.exceptions import DisallowedHost

from igren_cms import ratelimit
from igren_cms.conf import https_required

from . import store
from .replay import entry_of, replay
from .version import content_version
from .views import kept_for


class ResponseCacheMiddleware:
    MAX_PATHS = 20_000

    def __init__(self, get_response):
        self.get_response = get_response
        self.paths: dict[str, str] = {}  # path -> endpoint group (graphql, feeds, embed, …)

    def _key(self, request):
        if request.method != "GET" or request.path not in self.paths:
            return None
        if https_required() and not request.is_secure():
            return None
        try:
            host = request.get_host()
        except DisallowedHost:
            return None
        query = request.META.get("QUERY_STRING", "")
        return store.response_key(
            "final", host, request.path, query, request.headers.get("Accept", "")
        )

    def __call__(self, request):
        key = self._key(request)
        if key is not None:
            group = self.paths[request.path]
            refused = ratelimit.refusal(request, group, as_graphql=group == "graphql")
            if refused is not None:
                return refused
            _version, entry = store.lookup(key)
            if entry is not None:
                return replay(request, entry)
        response = self.get_response(request)
        kept = kept_for(request)
        if kept is not None and request.method == "GET" and response.status_code in (200, 304):
            if len(self.paths) < self.MAX_PATHS:
                self.paths[request.path] = kept["kind"]
            key = key or self._key(request)
            if key is not None and response.status_code == 200:
                self._keep(key, kept, response)
        return response

    @staticmethod
    def _keep(key, kept, response):
        version = content_version()
        if kept["version"] != version:
            return  # made under a version a publish has since retired
        # The response as it left the stack (security headers included), with the body kept
        # by the view (this one may be the gzipped copy).
        entry = entry_of(response, version, kept["etag"], compress=False)
        entry.update(body=kept["body"], gzip=kept.get("gzip"))
        store.keep(key, entry)
