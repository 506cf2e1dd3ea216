"""Rich text of many pages expanded in one pass, so links cost the same for 1 or 100 bodies.

Wagtail's `expand_db_html` looks up the pages and documents a body links to, one batch per
call. Listing outputs expand every body of the list in a single call: the bodies are joined
with a separator no content can contain (a fresh random token), expanded, then split again.
"""

import secrets

from wagtail.rich_text import expand_db_html


def expand_many(bodies: list[str]) -> list[str]:
    if len(bodies) <= 1:
        return [expand_db_html(body) if body else "" for body in bodies]
    separator = f"<!--igren-body-{secrets.token_hex(16)}-->"
    expanded = expand_db_html(separator.join(body or "" for body in bodies))
    parts = expanded.split(separator)
    if len(parts) != len(bodies):  # never expected; fall back to one call per body
        return [expand_db_html(body) if body else "" for body in bodies]
    return parts


def expanded_body(page, listing=None) -> str:
    """`page.body` expanded; the first call for a page of `listing` expands the whole list."""
    if getattr(page, "_expanded_body", None) is None:
        group = listing or [page]
        for member, html in zip(group, expand_many([m.body for m in group]), strict=True):
            member._expanded_body = html
    return page._expanded_body
