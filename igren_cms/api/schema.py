"""The public GraphQL schema served at /graphql/: the hand-written contract only.

wagtail-grapple's generated root fields and page types are not part of it: they return drafts
through `search`, `snippets`, foreign keys and `parent`, expose revision and lock fields, and
accept any ORM path in `order` (see docs/decisions.md). Every field here reads through
`pages.visibility`.
"""

import graphene

from .events import EventQueries
from .history import HistoryQueries
from .home import HomeQueries
from .nodes import NodeQueries
from .nulls import restore_defaults
from .page_types import GenericPage
from .projects import ProjectQueries
from .reports import ReportQueries
from .salons import SalonQueries
from .scalars import specify_scalars
from .search import SearchQueries
from .sections import EventIndex, ProjectIndex, SalonIndex, SiteQueries


class Query(
    NodeQueries,
    SiteQueries,
    SearchQueries,
    EventQueries,
    ProjectQueries,
    SalonQueries,
    HistoryQueries,
    HomeQueries,
    ReportQueries,
):
    """Igren's public, read-only content API."""


schema = graphene.Schema(
    query=Query,
    types=[EventIndex, SalonIndex, ProjectIndex, GenericPage],
    auto_camelcase=True,
)
restore_defaults(schema.graphql_schema)
specify_scalars(schema.graphql_schema)
