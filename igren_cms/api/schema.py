"""The GraphQL schema served at /graphql/.

Built from grapple's query mixins, minus the root fields that would widen what the public sees:
grapple's `search` returns drafts and private pages, `snippets` returns every snippet row, and
`redirects`, `sites`, `settings`, `collections`, `documents` and `tags` expose administrative
data that a content frontend has no use for.
"""

import graphene
from grapple.registry import registry
from grapple.settings import grapple_settings
from wagtail import hooks

UNSAFE_ROOT_FIELDS = frozenset(
    {
        "search",
        "snippets",
        "redirects",
        "sites",
        "site",
        "settings",
        "setting",
        "collections",
        "documents",
        "document",
        "tags",
        "tag",
    }
)


def _root_fields(mixin) -> set[str]:
    return {name for name in vars(mixin) if not name.startswith("_")}


def _safe_mixins():
    mixins = []
    for fn in hooks.get_hooks("register_schema_query"):
        fn(mixins)
    return [
        m
        for m in mixins
        if m is not graphene.ObjectType and not (_root_fields(m) & UNSAFE_ROOT_FIELDS)
    ]


def build_schema() -> graphene.Schema:
    query = type("Query", (*_safe_mixins(), graphene.ObjectType), {})
    return graphene.Schema(
        query=query,
        types=list(registry.models.values()),
        auto_camelcase=grapple_settings.AUTO_CAMELCASE,
    )


schema = build_schema()
