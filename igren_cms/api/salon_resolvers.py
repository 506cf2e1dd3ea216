"""The salons' root fields as plain functions: public salons, each with its upcoming events."""

from pages import inputs
from pages.models import SalonPage

from .context import audience, for_lookup
from .enums import stored
from .pagination import lookup, under

MAX_UPCOMING = 20
DEFAULT_UPCOMING = 5


def public_salons(info, who=None):
    """The salons the audience (the request's) may see, in order of opening, with every salon's
    upcoming events in one query and their relations in one pass (a listing)."""
    who = who or audience(info)
    return (
        SalonPage.objects.visible_to(who)
        .in_opening_order()
        .select_related("venue", "image__collection")
        .prefetch_related("host_organisations")
        .with_upcoming_events(who)
        .loaded_together()
    )


def resolve_salons(root, info, order_by="opening", locale=None, fallback=None):
    salons = under(public_salons(info, audience(info, root, locale, fallback)), root)
    return salons.in_reading_order() if stored(order_by) == "reading" else salons


def resolve_salon(root, info, slug=None, id=None):
    return lookup(public_salons(info, for_lookup(info, id)), slug, id, "salon")


def resolve_upcoming_events(salon, info, limit=DEFAULT_UPCOMING):
    """The first `limit` of the salon's upcoming events (an explicit null: the default)."""
    limit = DEFAULT_UPCOMING if limit is None else limit
    if not 1 <= limit <= MAX_UPCOMING:
        raise inputs.BadInput(f"limit must be between 1 and {MAX_UPCOMING}.")
    return salon.upcoming[:limit]
