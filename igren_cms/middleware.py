"""Optional middleware for host sites (the standalone site uses it).

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
