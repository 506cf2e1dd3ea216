"""Page-numbered lists: `items` plus a `pagination` block, perPage capped."""

import math

import graphene
from django.conf import settings
from graphql import GraphQLError

DEFAULT_PER_PAGE = 20


def max_per_page() -> int:
    return getattr(settings, "IGREN_API", {}).get("MAX_PER_PAGE", 100)


class Pagination(graphene.ObjectType):
    """Where this page sits in the whole list."""

    total = graphene.Int(required=True, description="Number of items in the whole list.")
    count = graphene.Int(required=True, description="Number of items on this page.")
    per_page = graphene.Int(required=True, description="Items per page, as requested.")
    current_page = graphene.Int(required=True, description="This page's number, from 1.")
    prev_page = graphene.Int(description="The previous page's number, or null on the first.")
    next_page = graphene.Int(description="The next page's number, or null on the last.")
    total_pages = graphene.Int(required=True, description="Number of pages (at least 1).")


def paginate(queryset, page: int | None, per_page: int | None):
    """(items, Pagination) for 1-based `page`; past the last page gives an empty list."""
    page = 1 if page is None else page
    per_page = DEFAULT_PER_PAGE if per_page is None else per_page
    limit = max_per_page()
    if not 1 <= per_page <= limit:
        raise GraphQLError(f"perPage must be between 1 and {limit}.")
    if page < 1:
        raise GraphQLError("page must be 1 or more.")
    total = queryset.count()
    total_pages = max(1, math.ceil(total / per_page))
    offset = (page - 1) * per_page
    items = list(queryset[offset : offset + per_page]) if offset < total else []
    return items, Pagination(
        total=total,
        count=len(items),
        per_page=per_page,
        current_page=page,
        prev_page=page - 1 if page > 1 else None,
        next_page=page + 1 if page < total_pages else None,
        total_pages=total_pages,
    )
