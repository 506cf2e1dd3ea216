"""The plugin's middleware under the names host settings use (see README): the response
cache answered first in the stack, and exact Vary headers. Both live in igren_cms.http_cache."""

from igren_cms.http_cache.middleware import ResponseCacheMiddleware
from igren_cms.http_cache.vary import ExactVary

__all__ = ["ExactVary", "ResponseCacheMiddleware"]
