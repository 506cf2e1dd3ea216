"""The request's Wagtail site and its roots: which part of the page tree a request may reach.

Kept apart from `pages.routing` so that the visibility rule (`pages.visibility`) can scope every
output to the request's site without importing routing, which itself reads through that rule.
With content in several languages a site has a root per language (the home page and its
translations); without, one.
"""

from wagtail.models import Page, Site

from pages.request_state import state_of


def site_for(request) -> Site | None:
    """The Wagtail site the request is for, else the default site (cached on the request)."""
    return state_of(request).keep("site", lambda: _find_site(request))


def _find_site(request) -> Site | None:
    site = Site.find_for_request(request)
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site


def site_roots(request) -> list:
    """Wagtail's SiteRootPath entries (site_id, root_path, root_url, language_code) of the
    request's site, from the site root paths Wagtail caches (the same lookup every page URL
    uses), so no query for the root pages themselves."""
    roots = Page._get_site_root_paths(Page, request)
    if len({root.site_id for root in roots}) == 1:
        # One site (the usual install): it is the request's, or the default the request gets.
        return list(roots)
    site = site_for(request)
    return [root for root in roots if site is not None and root.site_id == site.pk]


def site_root_paths(request) -> tuple[str, ...]:
    """The url_paths of the request's site root and its translations."""
    return tuple(dict.fromkeys(root.root_path for root in site_roots(request)))


def site_root_path(request, language: str | None = None) -> str | None:
    """The url_path of the request's site root in `language` ("/igren/"), else the first."""
    roots = site_roots(request)
    for root in roots:
        if language is None or root.language_code == language:
            return root.root_path
    return roots[0].root_path if roots else None
