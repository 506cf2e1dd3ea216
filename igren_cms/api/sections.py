"""Section pages (events, salons, projects) and the site-wide root fields: `page(path:)`,
`redirect(path:)`, `redirects` and `navigation`."""

import graphene

from pages import inputs, previews, routing
from pages.models import EventIndexPage, EventPage, ProjectIndexPage, SalonIndexPage
from pages.request_state import state_of
from pages.rich_text import public_html

from .common import FeedLinks, feeds_of
from .context import audience, locale_args
from .events import events_field
from .nodes import load_specific
from .page_types import PAGE_INTERFACES, Page, PageLink, register
from .projects import projects_field
from .salons import salons_field
from .scalars import or_none


def introduction_html(page, info):
    return or_none(public_html(page.introduction, info.context, absolute=True))


@register(EventIndexPage)
class EventIndex(graphene.ObjectType):
    """The events section, with its list: one request renders the page."""

    class Meta:
        interfaces = PAGE_INTERFACES

    introduction = graphene.String(description="Introduction as HTML.")
    events = events_field(
        "The public events of this section, with the arguments of the root field `events`."
    )
    feeds = graphene.Field(FeedLinks, required=True, description="The feeds of every event.")
    resolve_introduction = staticmethod(introduction_html)
    resolve_feeds = feeds_of()


@register(SalonIndexPage)
class SalonIndex(graphene.ObjectType):
    """The regional salons section, with its list."""

    class Meta:
        interfaces = PAGE_INTERFACES

    introduction = graphene.String(description="Introduction as HTML.")
    salons = salons_field("The public salons of this section, as the root field `salons`.")
    resolve_introduction = staticmethod(introduction_html)


@register(ProjectIndexPage)
class ProjectIndex(graphene.ObjectType):
    """The projects section, with its list."""

    class Meta:
        interfaces = PAGE_INTERFACES

    introduction = graphene.String(description="Introduction as HTML.")
    projects = projects_field(
        "The public projects of this section, with the arguments of the root field `projects`."
    )
    resolve_introduction = staticmethod(introduction_html)


class Redirect(graphene.ObjectType):
    """A redirect an editor set up in Wagtail (Settings → Redirects)."""

    old_path = graphene.String(required=True, description="The path that redirects, e.g. /old/.")
    location = graphene.String(required=True, description="Absolute URL to send the visitor to.")
    is_permanent = graphene.Boolean(
        required=True, description="True for a permanent (301/308) redirect, else temporary."
    )


MAX_REDIRECTS = 1000


class SiteQueries(graphene.ObjectType):
    page = graphene.Field(
        Page,
        path=graphene.String(
            required=True,
            description="A path of the site, e.g. /events/japan-korea-seminar/ (trailing slash "
            "optional, percent-encoded or plain Japanese, a full URL's path is used).",
        ),
        description="The public page served at this path, or null.",
    )
    redirect = graphene.Field(
        Redirect,
        path=graphene.String(required=True, description="The path a visitor asked for."),
        description="The redirect for this path, or null. Ask it when `page(path:)` is null.",
    )
    redirects = graphene.List(
        graphene.NonNull(Redirect),
        description=f"Every redirect of the site (at most {MAX_REDIRECTS}), for frontends that "
        "load them when they build.",
    )
    navigation = graphene.List(
        graphene.NonNull(PageLink),
        description="The main menu: public pages under the root marked 'show in menus', in "
        "menu order, in the language asked for.",
        **locale_args(),
    )

    preview = graphene.Field(
        Page,
        token=graphene.String(
            required=True, description="The `token` the admin's preview sent to the frontend."
        ),
        description="The page as it stands in the editor (drafts and unsaved changes "
        "included), through the same types as live pages. Errors PREVIEW_TOKEN_INVALID and "
        "PREVIEW_TOKEN_EXPIRED (IGREN_PREVIEW_MAX_AGE, default one hour). Never cached.",
    )

    @staticmethod
    def resolve_preview(root, info, token):
        state_of(info.context).set("private", True)  # never cached, by this server or a CDN
        page = previews.load(inputs.text(token, "token", max_length=4000))
        if isinstance(page, EventPage):
            previews.attach_relations(page, audience(info))
        return page

    @staticmethod
    def resolve_page(root, info, path):
        page = routing.page_for_path(info.context, path)
        return load_specific(page, info) if page is not None else None

    @staticmethod
    def resolve_redirect(root, info, path):
        return routing.redirect_for_path(info.context, path)

    @staticmethod
    def resolve_redirects(root, info):
        return routing.all_redirects(info.context, MAX_REDIRECTS)

    @staticmethod
    def resolve_navigation(root, info, locale=None, fallback=None):
        return routing.navigation(info.context, audience(info, None, locale, fallback))
