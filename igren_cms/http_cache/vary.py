"""`Vary` exactly as a response needs it.

`ExactVary` must come before django.middleware.locale.LocaleMiddleware in MIDDLEWARE (so it
sees the response after it): LocaleMiddleware adds `Vary: Accept-Language` to every response,
but the API, feeds and embed bodies do not depend on the visitor's language, and a needless
Vary splits a CDN's cache per browser language. The Vary of a response marked by `exact_vary`
keeps only the headers it names; the mark is kept in the request's state.
"""

import re

from pages.request_state import state_of

# Header list separators (Django's own `cc_delim_re` is gone in Django 6.1).
DELIMITER = re.compile(r"\s*,\s*")


def exact_vary(request, response, *headers):
    """Set the response's Vary to exactly `headers`, and keep it so."""
    response["Vary"] = ", ".join(headers)
    state_of(request).set("exact_vary", set(headers))
    return response


class ExactVary:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        wanted = state_of(request).get("exact_vary")
        if wanted is not None and response.has_header("Vary"):
            present = [h for h in DELIMITER.split(response["Vary"]) if h]
            response["Vary"] = ", ".join(h for h in present if h in wanted)
        return response
