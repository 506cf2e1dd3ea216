"""A key for every stored object: the `Node` interface and the root field `node(id:)`.

Normalized caches (urql's graphcache, Apollo's InMemoryCache) key an object by `__typename`
and `id`. Every type that stands for stored content implements `Node`, and its `id` is unique
across the whole schema:

- a page's id is its page number, as it always was (`"12"`): pages share one table, so the
  number alone names one page, whatever its type;
- every other object's id is its type and number: `"Venue:3"`, `"Organisation:5"`,
  `"Category:2"`, `"Image:7"`, `"Rendition:41"`, `"HistoryEntry:9"`.

`node(id:)` gives the object back through the same gate as every other field: a page only when
public, an image or rendition only in an unrestricted collection, a history entry only on a
public history page, and a venue, organisation or category only when a public page names it.
"""

import graphene
from wagtail.models import Page as WagtailPage

from pages import inputs
from pages.inputs import BadInput

from .context import any_locale, audience

# GraphQL type name -> (model, graphene type, function(audience) giving the public queryset).
KINDS: dict[str, tuple] = {}
# Page model -> the graphene type that presents it (filled by page_types.register). A loader is
# `(info, audience) -> queryset`; pages reached by id or path are in any language.
PAGE_TYPES: dict[type, type] = {}
# Page model -> function(info) returning the public queryset that loads what its type presents
# (relations joined or prefetched), used when a page is reached by path or id, not by list.
PAGE_LOADERS: dict[type, object] = {}
MAX_PK = 2**63 - 1


class Node(graphene.Interface):
    """An object with a key unique across the schema, that `node(id:)` gives back."""

    id = graphene.ID(
        required=True,
        description='Unique across the schema: a page\'s number ("12"), else type and number '
        '("Venue:3").',
    )

    @classmethod
    def resolve_type(cls, instance, info):
        for model, graphene_type, _ in KINDS.values():
            if isinstance(instance, model):
                return graphene_type
        return page_type_of(instance)


def page_type_of(page):
    """The graphene type of a page instance: its model's, else the nearest registered ancestor
    model's (every page is at least a Wagtail Page: GenericPage)."""
    for model in type(page).__mro__:
        if model in PAGE_TYPES:
            return PAGE_TYPES[model]
    return None


def load_specific(page, info):
    """The specific page for a plain `Page`, through its type's loader when it has one."""
    model = page.specific_class
    loader = PAGE_LOADERS.get(model)
    if loader is None:
        return page.specific
    return loader(info, any_locale(info)).filter(pk=page.pk).first()


def keyed(type_name):
    """The `id` resolver of a non-page type: "Type:number", from a model instance or from the
    value dicts event listings load (their `object_id`)."""

    def resolve_id(obj, info):
        number = obj["object_id"] if isinstance(obj, dict) else obj.pk
        return f"{type_name}:{number}"

    return staticmethod(resolve_id)


def register_kind(model, public):
    """Class decorator: `model` instances are of this Node type; `public(audience)` is the
    queryset of those the public may fetch by id."""

    def wrap(graphene_type):
        KINDS[graphene_type._meta.name] = (model, graphene_type, public)
        return graphene_type

    return wrap


def parse(value: str) -> tuple[str | None, int]:
    """("Venue", 3) for "Venue:3", (None, 12) for a page's "12"; BadInput for anything else."""
    text = inputs.text(value, "id", max_length=120)
    type_name, _, number = text.rpartition(":")
    if type_name and type_name not in KINDS:
        known = ", ".join(sorted(KINDS))
        raise BadInput(
            f"id {text!r} names no known type: a page's id is a number, any other object's "
            f"one of {known}, a colon and a number (Venue:3)."
        )
    return (type_name or None), inputs.whole_number(number, "id", 1, MAX_PK)


def resolve_node(root, info, id):
    type_name, number = parse(id)
    if type_name is None:
        page = any_locale(info).filter(WagtailPage.objects.all()).filter(pk=number).first()
        return load_specific(page, info) if page is not None else None
    _, _, public = KINDS[type_name]
    return public(audience(info)).filter(pk=number).first()


class NodeQueries(graphene.ObjectType):
    node = graphene.Field(
        Node,
        id=graphene.ID(required=True, description="An `id` the API gave out."),
        description="The public object with this id (any page, venue, organisation, category, "
        "image, rendition or history entry), or null when there is none or it is not public: "
        "what a normalized cache refetches by key.",
        resolver=resolve_node,
    )
