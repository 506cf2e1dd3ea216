"""The `Page` interface every page type implements, and the light `PageLink`.

`Page` carries what a frontend needs to route, title and describe any page: its path within
the site (what `page(path:)` takes), its absolute URL, SEO fields and breadcrumbs. Types
register their model in `PAGE_TYPES`; a page of any other type (a host's own) is `GenericPage`.
"""

import graphene
from wagtail.models import Page as WagtailPage

from pages import routing
from pages.events.windows import tokyo
from pages.page_urls import absolute_url

from .scalars import attr_or_none

PAGE_TYPES: dict[type, type] = {}
# model -> function(info) returning the public queryset that loads what its type presents
# (relations joined or prefetched), used when a page is reached by path rather than by list.
PAGE_LOADERS: dict[type, object] = {}


def page_url(page, info):
    """Absolute URL of a page: the frontend's in headless mode (see pages.page_urls)."""
    return absolute_url(page, info.context)


def page_path(page, info):
    return routing.site_path(page, info.context)


class PageLink(graphene.ObjectType):
    """A short reference to another public page (menus, breadcrumbs, an event's organiser)."""

    id = graphene.ID(required=True, description="Page id.")
    title = graphene.String(required=True, description="Page title.")
    slug = graphene.String(required=True, description="Page slug.")
    url = graphene.String(description="Absolute public URL of the page.")
    path = graphene.String(description="Path within the site, e.g. /salons/kawasaki/.")

    resolve_url = staticmethod(page_url)
    resolve_path = staticmethod(page_path)


class Page(graphene.Interface):
    """Any public page of the site: what a frontend needs to route, title and describe it."""

    id = graphene.ID(required=True, description="Page id.")
    title = graphene.String(required=True, description="Page title.")
    slug = graphene.String(required=True, description="Page slug.")
    url = graphene.String(
        description="Absolute public URL (the frontend's in headless mode); null if unrouted."
    )
    path = graphene.String(
        description="Path within the site, e.g. /events/japan-korea-seminar/: what "
        "`page(path:)` takes back. Null for a page outside every site."
    )
    seo_title = graphene.String(description="Title for <title> and search engines, when set.")
    search_description = graphene.String(description="Meta description, when set.")
    last_published_at = graphene.DateTime(description="When the page was last published.")
    breadcrumbs = graphene.List(
        graphene.NonNull(PageLink),
        required=True,
        description="Public ancestors below the site root, outermost first.",
    )

    resolve_url = staticmethod(page_url)
    resolve_path = staticmethod(page_path)
    resolve_seo_title = attr_or_none("seo_title")
    resolve_search_description = attr_or_none("search_description")
    resolve_last_published_at = staticmethod(lambda page, info: tokyo(page.last_published_at))
    resolve_breadcrumbs = staticmethod(lambda page, info: routing.breadcrumbs(page, info.context))

    @classmethod
    def resolve_type(cls, instance, info):
        for model in type(instance).__mro__:
            if model in PAGE_TYPES:
                return PAGE_TYPES[model]
        return GenericPage


class GenericPage(graphene.ObjectType):
    """A public page of a type the contract does not describe (e.g. a host site's own)."""

    class Meta:
        interfaces = (Page,)


PAGE_TYPES[WagtailPage] = GenericPage


def register(model, loader=None):
    """Class decorator: the graphene type that presents `model` pages, and optionally the
    queryset function that loads them with their relations."""

    def wrap(graphene_type):
        PAGE_TYPES[model] = graphene_type
        if loader is not None:
            PAGE_LOADERS[model] = loader
        return graphene_type

    return wrap


def load_specific(page, info):
    """The specific page for a plain `Page`, through its type's loader when it has one."""
    model = page.specific_class
    loader = PAGE_LOADERS.get(model)
    if loader is None:
        return page.specific
    return loader(info).filter(pk=page.pk).first()
