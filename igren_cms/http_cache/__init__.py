"""HTTP caching of public responses, in one place.

- `version`: the content version every kept response is keyed by, and the signals that retire it;
- `conditional`: the one check of If-None-Match and If-Modified-Since;
- `store`: keys, and the kept entries in the shared Django cache;
- `replay`: a kept entry answered again (200 or 304) with exactly the headers a fresh answer has;
- `views`: `cached_public`, the view decorator for public GET endpoints;
- `middleware`: `ResponseCacheMiddleware`, the same entries answered first in the stack.

The ETag of a public response is derived from its cache key and the content version (never
from its body), so a repeat or a revalidation is answered without running the view.
"""
