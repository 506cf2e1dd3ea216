"""The public GraphQL schema served at /graphql/: the hand-written contract only.

wagtail-grapple's generated root fields and page types are not part of it: they return drafts
through `search`, `snippets`, foreign keys and `parent`, expose revision and lock fields, and
accept any ORM path in `order` (see ../shared/CONVENTIONS.md). Every field here reads through
`pages.visibility`.
"""

import graphene

from .events import EventQueries
from .history import HistoryQueries
from .home import HomeQueries
from .projects import ProjectQueries
from .salons import SalonQueries


class Query(EventQueries, ProjectQueries, SalonQueries, HistoryQueries, HomeQueries):
    """Igren's public, read-only content API."""


schema = graphene.Schema(query=Query, auto_camelcase=True)
