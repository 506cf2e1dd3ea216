"""Slugs of new events from their date and title (2027-04-15-横浜サロン-例会), made unique among
their siblings: a copied event, a half-filled autosaved draft or a rule's meetings never clash."""

import datetime

from django.utils.text import slugify

MAX_LENGTH = 255


def date_slug(parent, day: datetime.date, title: str, exclude_pk=None) -> str:
    """`YYYY-MM-DD-title`, with -2, -3 … when a sibling under `parent` already has it."""
    base = f"{day:%Y-%m-%d}"
    words = slugify(title or "", allow_unicode=True)
    if words:
        base = f"{base}-{words}"[: MAX_LENGTH - 4]
    taken = set(
        parent.get_children()
        .filter(slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug
