"""Per-request state for resolvers: one visibility snapshot shared by every resolver."""

from pages.visibility import Audience


def audience(info) -> Audience:
    request = info.context
    found = getattr(request, "_igren_audience", None)
    if found is None:
        found = Audience()
        request._igren_audience = found
    return found
