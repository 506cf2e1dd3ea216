"""Page URLs for every output (templates, API, feeds, embed): the one rule for headless mode.

With IGREN_FRONTEND_URL set, a page's URL points at the external frontend, never at this host.
"""

from wagtail.models import Page

from igren_cms.conf import frontend_url


def with_frontend(parts):
    """Wagtail's (site_id, root_url, path) with the root replaced in headless mode."""
    frontend = frontend_url()
    if frontend and parts and parts[2] is not None:
        return (parts[0], frontend, parts[2])
    return parts


def absolute_url(page, request) -> str | None:
    """Absolute URL of any Page instance (also the light ones of `event_relations`).

    Uses only the site root paths Wagtail caches, not a Site lookup per page.
    """
    parts = with_frontend(Page.get_url_parts(page, request=request))
    if not parts or parts[2] is None:
        return None
    if frontend_url():
        return parts[1] + parts[2]
    return request.build_absolute_uri(parts[2])


def page_href(page, request) -> str | None:
    """A link to any Page instance as a served page would write it: relative on this site,
    the frontend's absolute URL in headless mode."""
    if frontend_url():
        return absolute_url(page, request)
    return Page.get_url(page, request=request)
