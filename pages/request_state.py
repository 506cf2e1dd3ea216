"""Everything Igren keeps for one request, in one object owned by this module.

Outputs share work within a request: one visibility snapshot (`Audience`), the request's
Wagtail site, breadcrumbs of sibling pages, image rendition batches, the GraphQL deadline and
whether the answer must stay private. Each is a named part of the request's `RequestState`
(made on first use), never an attribute of its own set on the request by whichever module
needed it first.
"""

from typing import Any

ATTRIBUTE = "igren_state"


class RequestState:
    """Named values kept for the lifetime of one request."""

    def __init__(self):
        self._parts: dict[str, Any] = {}

    def keep(self, name: str, make):
        """The part called `name`, made by `make()` the first time it is asked for."""
        if name not in self._parts:
            self._parts[name] = make()
        return self._parts[name]

    def get(self, name: str, default=None):
        return self._parts.get(name, default)

    def set(self, name: str, value) -> None:
        self._parts[name] = value


def state_of(request) -> RequestState:
    """The request's state (requests are Django's or graphene's context objects)."""
    found = request.__dict__.get(ATTRIBUTE)
    if found is None:
        found = RequestState()
        request.__dict__[ATTRIBUTE] = found
    return found
