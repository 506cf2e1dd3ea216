"""Per-client rate limits for the public endpoints, with django-ratelimit's counters.

`IGREN_API["RATE_LIMIT"]` (e.g. "600/m"; None turns it off) is read at request time. Counters
live in Django's default cache: Redis in production (shared by every worker and instance), the
database cache by default. The client is its address as igren_cms.client_ip decides it (behind
a trusted proxy, the address the proxy saw). Each endpoint group counts separately: a partner's
calendar app polling the feeds does not use up its frontend's GraphQL budget.
"""

import json
import logging
from functools import wraps

from django.http import HttpResponse
from django_ratelimit.core import get_usage

from igren_cms.client_ip import ratelimit_key
from igren_cms.conf import api_setting

logger = logging.getLogger("igren_cms.ratelimit")


def too_many_requests(request, seconds: int, as_graphql: bool, message: str = "") -> HttpResponse:
    """The 429 of every limit (the request rate here, the query cost budget in the API)."""
    message = message or f"Too many requests from this address; try again in {seconds} seconds."
    if as_graphql:
        error = {"message": message, "extensions": {"code": "RATE_LIMITED"}}
        body = json.dumps({"errors": [error]}, ensure_ascii=False)
        response = HttpResponse(body, status=429, content_type="application/json; charset=utf-8")
    else:
        response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(seconds)
    response["Access-Control-Allow-Origin"] = "*"  # so a browser client can read the 429
    response["Cache-Control"] = "no-store"
    return response


def seconds_until_allowed(request, group: str, rate: str) -> int | None:
    """Seconds until this client's window resets when it is over the rate, else None."""
    try:
        usage = get_usage(
            request, group=f"igren:{group}", key=ratelimit_key, rate=rate, increment=True
        )
    except Exception as error:  # the cache (Redis) is down: serve rather than fail
        logger.warning("rate limit not checked, cache unavailable: %s", str(error)[:200])
        return None
    if usage is None or not usage["should_limit"]:
        return None
    if usage["limit"] == 0:  # django-ratelimit's answer when the cache gave no count
        logger.warning("rate limit not checked, the cache returned no count")
        return None
    return max(1, usage["time_left"])


def refusal(request, group: str, as_graphql: bool = False) -> HttpResponse | None:
    """Count this request against its group; the 429 to send when it is over the rate."""
    rate = api_setting("RATE_LIMIT")
    if not rate or request.method == "OPTIONS":
        return None
    seconds = seconds_until_allowed(request, group, rate)
    return None if seconds is None else too_many_requests(request, seconds, as_graphql)


def rate_limited(group: str, as_graphql: bool = False):
    """Decorate a view: over the configured rate, a 429 with Retry-After instead."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            refused = refusal(request, group, as_graphql)
            return refused if refused is not None else view(request, *args, **kwargs)

        return wrapped

    return decorator
