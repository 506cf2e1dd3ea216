"""From a URL path to a public page, and the site's structure around a page: its path within
the site, its breadcrumbs, the navigation menu and the redirects. Every answer goes through the
request's `Audience` (pages.visibility), so a frontend can route exactly what the site serves.
"""

from urllib.parse import unquote, urlsplit

from django.apps import apps
from wagtail.models import Page

from igren_cms.conf import i18n_enabled
from pages import inputs, locales
from pages.page_urls import absolute_url
from pages.request_state import state_of
from pages.sites import site_for, site_root_path, site_root_paths
from pages.visibility import audience_for

MAX_PATH = 2000
STEPLEN = Page.steplen


def depth_of(url_path: str) -> int:
    """Tree depth from a url_path: "/" is the root (1), "/home/" its child (2)."""
    return url_path.count("/")


def normalise_path(path: str) -> str:
    """A client's path as Wagtail routes it: a full URL's path part, percent-decoded, with one
    leading and one trailing slash ("events/日韓" -> "/events/日韓/")."""
    inputs.text(path, "path", MAX_PATH)
    text = urlsplit(path.strip()).path if "://" in path else path.strip().split("?")[0]
    try:
        text = unquote(text.split("#")[0], errors="strict")
    except UnicodeDecodeError:
        raise inputs.BadInput("path must be percent-encoded UTF-8.") from None
    parts = [part for part in text.split("/") if part]
    if any(part in (".", "..") for part in parts):
        raise inputs.BadInput("path must not contain . or .. segments.")
    return "/" + "".join(f"{part}/" for part in parts)


def site_path(page, request) -> str | None:
    """The page's path within its site ("/events/japan-korea-seminar/", in English
    "/en/events/…"): what `page_for_path` takes back, and what a frontend's catch-all route
    sees."""
    language = locales.language_of(page.locale_id, request) if i18n_enabled() else None
    roots = page._get_site_root_paths(request)
    for root in sorted(roots, key=lambda root: root.language_code != language):
        if page.url_path.startswith(root.root_path):
            prefix = locales.path_prefix(language) if language else ""
            return prefix + "/" + page.url_path[len(root.root_path) :]
    return None


def page_for_path(request, path: str):
    """The public page served at `path` on the request's site (a plain `Page`: the caller loads
    the specific page with whatever its type needs), or None. "/en/…" is the English tree."""
    language, relative = locales.split_path(normalise_path(path))
    root_path = site_root_path(request, language)
    if root_path is None:
        return None
    pages = Page.objects.filter(url_path=root_path + relative.lstrip("/"))
    if i18n_enabled():
        pages = pages.filter(locale_id=locales.locale_ids(request).get(language))
    return audience_for(request).any_locale().filter(pages).first()


def breadcrumbs(page, request) -> list:
    """The page's public ancestors below the site root, outermost first. Pages that share a
    parent (an event list) share one query."""
    parent_path = page.path[:-STEPLEN]
    memo = state_of(request).keep("breadcrumbs", dict)
    if parent_path not in memo:
        root_path = site_root_path(request)
        root_depth = depth_of(root_path) if root_path else 1
        paths = [parent_path[:end] for end in range(STEPLEN, len(parent_path) + 1, STEPLEN)]
        ancestors = Page.objects.filter(path__in=paths, depth__gt=root_depth).order_by("depth")
        memo[parent_path] = list(audience_for(request).any_locale().filter(ancestors))
    return memo[parent_path]


def navigation(request, audience=None) -> list:
    """The public pages under the site root marked "show in menus", in menu (tree) order, in
    the audience's language (the request's by default)."""
    audience = audience or audience_for(request)
    menu = Page.objects.none()
    for root_path in site_root_paths(request):
        menu |= Page.objects.filter(
            url_path__startswith=root_path, depth=depth_of(root_path) + 1, show_in_menus=True
        )
    return list(locales.in_source_order(audience.filter(menu), request))


# -- redirects (wagtail.contrib.redirects, when the host has it installed) ----------------------


class PublicRedirect:
    """A redirect as the public sees it: where it goes and whether it is permanent."""

    def __init__(self, old_path: str, location: str, is_permanent: bool):
        self.old_path = old_path
        self.location = location
        self.is_permanent = is_permanent


def _redirects_enabled() -> bool:
    return apps.is_installed("wagtail.contrib.redirects")


def _public(redirect, request) -> PublicRedirect | None:
    if redirect.redirect_page_id is not None:
        page = redirect.redirect_page
        if not audience_for(request).allows_page(page):
            return None  # a redirect to a hidden page would reveal where it is
        location = absolute_url(page, request)
    else:
        location = redirect.redirect_link
    if not location:
        return None
    return PublicRedirect(redirect.old_path, location, redirect.is_permanent)


def redirect_for_path(request, path: str) -> PublicRedirect | None:
    if not _redirects_enabled():
        return None
    # wagtail.contrib.redirects is optional for a host: imported only when it is installed.
    from wagtail.contrib.redirects.models import Redirect

    old_path = Redirect.normalise_path(normalise_path(path))
    found = (
        Redirect.get_for_site(site_for(request))
        .filter(old_path=old_path)
        .select_related("redirect_page")
        .first()
    )
    return _public(found, request) if found else None


def all_redirects(request, limit: int) -> list[PublicRedirect]:
    if not _redirects_enabled():
        return []
    # wagtail.contrib.redirects is optional for a host: imported only when it is installed.
    from wagtail.contrib.redirects.models import Redirect

    found = (
        Redirect.get_for_site(site_for(request))
        .select_related("redirect_page")
        .order_by("old_path")[:limit]
    )
    return [r for r in (_public(redirect, request) for redirect in found) if r is not None]
