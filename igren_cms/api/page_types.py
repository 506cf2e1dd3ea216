"""The `Page` interface every page type implements, and the light `PageLink`.

`Page` carries what a frontend needs to route, title and describe any page: its path within
the site (what `page(path:)` takes), its absolute URL, SEO fields and breadcrumbs. Types
register their model in `PAGE_TYPES`; a page of any other type (a host's own) is `GenericPage`.
"""

import graphene
from wagtail.models import Page as WagtailPage

from pages import locales, previews, routing, seo, translations
from pages.events.windows import tokyo
from pages.page_urls import absolute_url

from . import images
from .nodes import PAGE_LOADERS, PAGE_TYPES, Node, page_type_of
from .scalars import attr_or_none


def page_url(page, info):
    """Absolute URL of a page: the frontend's in headless mode (see pages.page_urls)."""
    return absolute_url(page, info.context)


def page_path(page, info):
    return routing.site_path(page, info.context)


class Translation(graphene.ObjectType):
    """A page's version in another language, for a language switcher and hreflang links."""

    locale = graphene.String(required=True, description="Its language, a BCP 47 code (en).")
    title = graphene.String(required=True, description="Its title, in its language.")
    path = graphene.String(required=True, description="Its path (/en/events/…).")
    url = graphene.String(required=True, description="Its absolute public URL.")

    resolve_locale = staticmethod(
        lambda page, info: locales.language_of(page.locale_id, info.context)
    )
    resolve_path = staticmethod(lambda page, info: page_path(page, info))
    resolve_url = staticmethod(lambda page, info: page_url(page, info))


class Alternate(graphene.ObjectType):
    """One <link rel="alternate" hreflang> of a page."""

    locale = graphene.String(
        required=True, description="A BCP 47 code (ja, en), or x-default: the default language's."
    )
    url = graphene.String(required=True, description="The absolute URL in that language.")


class Seo(graphene.ObjectType):
    """What a page says in <head> and on a share card (Open Graph), fallbacks applied."""

    title = graphene.String(
        required=True,
        description="For <title> and og:title: the editor's SEO title, else 「page title | site "
        "name」 (the home page: the site name).",
    )
    description = graphene.String(
        description="For the meta description and og:description: the editor's search "
        "description, else the summary, else the body's plain text cut at about 120 "
        "characters (…); null for a page with no text at all."
    )
    canonical = graphene.String(
        description="For <link rel=canonical> and og:url: the page's absolute public URL."
    )
    image = graphene.Field(
        images.Image,
        description="For og:image: the page's image, else the site's image for sharing (the "
        "home page's); null when neither is set and public.",
    )
    alternates = graphene.List(
        graphene.NonNull(Alternate),
        required=True,
        description="For <link rel=alternate hreflang>: every public version of the page, this "
        "one included, and x-default (the default language's version); empty when the page "
        "exists in one language only.",
    )


class PageLink(graphene.ObjectType):
    """A short reference to another public page (menus, breadcrumbs, an event's organiser).

    A link is not an object of its own: normalized caches should keep it inside its parent
    (urql: `keys: { PageLink: () => null }`) and key the page itself through `page`.
    """

    id = graphene.ID(
        required=True,
        description="The linked page's id.",
        deprecation_reason="Select `page { id }`: the linked page keyed as itself.",
    )
    page = graphene.Field(
        lambda: Page,
        required=True,
        description="The linked page itself, of its own type (Salon, Project, …), keyed by its "
        "id as everywhere else.",
    )
    title = graphene.String(required=True, description="Page title.")
    slug = graphene.String(required=True, description="Page slug.")
    url = graphene.String(required=True, description="Absolute public URL of the page.")
    path = graphene.String(
        required=True, description="Path within the site, e.g. /salons/kawasaki/."
    )

    resolve_url = staticmethod(page_url)
    resolve_path = staticmethod(page_path)
    # Links are light pages (id, title, path …): the specific page is made from them without a
    # query, its other fields loaded when asked for.
    resolve_page = staticmethod(lambda link, info: link.specific_deferred)


class Page(graphene.Interface):
    """Any public page of the site: what a frontend needs to route, title and describe it."""

    id = graphene.ID(required=True, description="Page id.")
    title = graphene.String(required=True, description="Page title.")
    slug = graphene.String(required=True, description="Page slug.")
    url = graphene.String(
        required=True, description="Absolute public URL (the frontend's in headless mode)."
    )
    path = graphene.String(
        required=True,
        description="Path within the site, e.g. /events/japan-korea-seminar/: what "
        "`page(path:)` takes back. Every page the API gives is on the request's site; a "
        "preview of a page not saved yet has the path it will get.",
    )
    seo_title = graphene.String(
        description="The editor's SEO title, when set (`seo.title` has the fallback)."
    )
    search_description = graphene.String(
        description="The editor's meta description, when set (`seo.description` has the fallback)."
    )
    seo = graphene.Field(
        Seo, required=True, description="Title, description, canonical URL and share image."
    )
    locale = graphene.String(
        required=True,
        description="The page's language, a BCP 47 code (ja, en): in a list asked in English "
        "with fallback, the untranslated items say ja.",
    )
    translations = graphene.List(
        graphene.NonNull(Translation),
        required=True,
        description="The page's public versions in the other languages.",
    )
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

    resolve_seo = staticmethod(lambda page, info: seo.seo_for(page, info.context))
    resolve_locale = staticmethod(
        lambda page, info: (
            locales.language_of(page.locale_id, info.context)
            if page.locale_id
            else locales.default_language()
        )
    )
    resolve_translations = staticmethod(
        lambda page, info: translations.translations_of(page, info.context)
    )

    @classmethod
    def resolve_type(cls, instance, info):
        return page_type_of(instance) or GenericPage


# Every page type implements both: `Page` for routing and SEO, `Node` for its key.
PAGE_INTERFACES = (Page, Node)


class GenericPage(graphene.ObjectType):
    """A public page of a type the contract does not describe (e.g. a host site's own)."""

    class Meta:
        interfaces = PAGE_INTERFACES


PAGE_TYPES[WagtailPage] = GenericPage


def register(model, loader=None):
    """Class decorator: the graphene type that presents `model` pages, and optionally the
    queryset function that loads them with their relations."""

    def wrap(graphene_type):
        PAGE_TYPES[model] = graphene_type
        previews.TYPE_NAMES[model] = graphene_type._meta.name
        if loader is not None:
            PAGE_LOADERS[model] = loader
        return graphene_type

    return wrap
