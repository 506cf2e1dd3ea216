"""The shared helpers of every root field: page-numbered lists (`items` plus a `pagination`
block, perPage capped) and `lookup`, one object by slug or id."""

import math
from functools import cached_property

import graphene
from wagtail.models import Page as WagtailPage

from igren_cms.conf import api_setting
from pages import inputs
from pages.inputs import BadInput

DEFAULT_PER_PAGE = 20
MAX_PAGE = 100_000  # an OFFSET past any real list, small enough for every database


def max_per_page() -> int:
    return api_setting("MAX_PER_PAGE")


class Pagination(graphene.ObjectType):
    """Where this page sits in the whole list."""

    total = graphene.Int(required=True, description="Number of items in the whole list.")
    count = graphene.Int(required=True, description="Number of items on this page.")
    per_page = graphene.Int(required=True, description="Items per page, as requested.")
    current_page = graphene.Int(required=True, description="This page's number, from 1.")
    prev_page = graphene.Int(
        description="The previous page's number (the last page when asked past it), or null "
        "on the first."
    )
    next_page = graphene.Int(description="The next page's number, or null on the last.")
    total_pages = graphene.Int(required=True, description="Number of pages (at least 1).")


class PageOfList:
    """Where one page sits in the whole list; the total is counted only if a client asks."""

    def __init__(self, queryset, page: int, per_page: int, count: int):
        self._queryset = queryset
        self.current_page = page
        self.per_page = per_page
        self.count = count

    @cached_property
    def total(self) -> int:
        return self._queryset.count()

    @property
    def total_pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def prev_page(self) -> int | None:
        # Never outside 1..total_pages: past the end, "previous" is the last page.
        return min(self.current_page - 1, self.total_pages) if self.current_page > 1 else None

    @property
    def next_page(self) -> int | None:
        return self.current_page + 1 if self.current_page < self.total_pages else None


def paginate(queryset, page: int | None, per_page: int | None):
    """(items, PageOfList) for 1-based `page`; past the last page gives an empty list."""
    page = 1 if page is None else page
    per_page = DEFAULT_PER_PAGE if per_page is None else per_page
    limit = max_per_page()
    if not 1 <= per_page <= limit:
        raise BadInput(f"perPage must be between 1 and {limit}.")
    if not 1 <= page <= MAX_PAGE:
        raise BadInput(f"page must be between 1 and {MAX_PAGE}.")
    offset = (page - 1) * per_page
    items = list(queryset[offset : offset + per_page])
    return items, PageOfList(queryset, page, per_page, len(items))


def lookup(queryset, slug, id, label):
    """One public page by slug or id; null when there is none (or it is not public)."""
    if (slug is None) == (id is None):
        raise BadInput(f"Give exactly one of slug or id to look up a {label}.")
    if id is not None:
        return queryset.filter(pk=inputs.whole_number(id, "id", 1, 2**63 - 1)).first()
    return queryset.filter(slug=inputs.text(slug, "slug")).first()


def under(queryset, root):
    """A list asked of an index page (`EventIndex.events`) holds the pages below that index; at
    the root (`Query.events`), every public one."""
    return queryset.descendant_of(root) if isinstance(root, WagtailPage) else queryset
