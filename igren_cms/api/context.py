"""Per-request state for resolvers: one visibility snapshot shared by every resolver."""

from pages.visibility import Audience, audience_for


def audience(info) -> Audience:
    return audience_for(info.context)
