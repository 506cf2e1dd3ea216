"""Slugs of new events from their date and title (2027-04-15-横浜サロン-例会), made unique among
their siblings: a copied event, a half-filled autosaved draft or a rule's meetings never clash."""

import datetime

from django.utils.text import slugify

MAX_LENGTH = 255


def date_slug(parent, day: datetime.date | None, title: str, exclude_pk=None) -> str:
    """`YYYY-MM-DD-title` (the title alone without a day), with -2, -3 … when a sibling under
    `parent` already has it."""
    words = slugify(title or "", allow_unicode=True)
    parts = [f"{day:%Y-%m-%d}" if day else "", words]
    base = "-".join(part for part in parts if part)[: MAX_LENGTH - 4] or "event"
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
