"""The request's Wagtail site and its root: which part of the page tree a request may reach.

Kept apart from `pages.routing` so that the visibility rule (`pages.visibility`) can scope every
output to the request's site without importing routing, which itself reads through that rule.
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


def site_root_path(request) -> str | None:
    """The url_path of the request's site root ("/home/"), from the site root paths Wagtail
    caches (the same lookup every page URL uses), so no query for the root page itself."""
    roots = Page._get_site_root_paths(Page, request)
    if len(roots) == 1:
        # One site (the usual install): it is the request's, or the default the request gets.
        return roots[0].root_path
    site = site_for(request)
    if site is None:
        return None
    for root in roots:
        if root.site_id == site.pk:
            return root.root_path
    return None
