"""When the database cannot be reached, say so: 503 with Retry-After, not a 500 or a 200.

Monitoring that watches status codes then sees an outage as one, clients back off, and CDNs keep
serving what they have. The plugin's own views are wrapped (`survives_outage`; the GraphQL view
also checks the errors its resolvers raised); `DatabaseOutageMiddleware` does the same for any
other view of a site (Wagtail's pages, the admin), and is in the standalone site's settings.
Nothing is restarted: Django's next connection attempt succeeds as soon as the server is back.
"""

import logging
from functools import wraps

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse

logger = logging.getLogger("igren_cms.outage")

RETRY_AFTER = 5  # seconds
OUTAGE_ERRORS = (OperationalError, InterfaceError)
MESSAGE = "The service is temporarily unavailable (database unreachable). Please retry shortly."


def is_outage(error) -> bool:
    return isinstance(error, OUTAGE_ERRORS)


def unavailable(as_graphql: bool = False) -> HttpResponse:
    if as_graphql:
        body = (
            '{"errors":[{"message":"%s","extensions":{"code":"SERVICE_UNAVAILABLE"}}]}'  # noqa: UP031
            % MESSAGE
        )
        response = HttpResponse(body, status=503, content_type="application/json; charset=utf-8")
    else:
        response = HttpResponse(MESSAGE, status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def log_outage(error) -> None:
    # One line, no traceback: the cause is outside this process and says what it is.
    logger.warning("database unreachable: %s", str(error).strip().splitlines()[0][:200])


def survives_outage(as_graphql: bool = False):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except OUTAGE_ERRORS as error:
                log_outage(error)
                return unavailable(as_graphql)

        return wrapped

    return decorator


class DatabaseOutageMiddleware:
    """Any view that hits an unreachable database answers 503 with Retry-After."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_outage(exception):
            log_outage(exception)
            return unavailable()
        return None
