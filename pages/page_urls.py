"""Absolute URLs of pages, for every output (API, feeds, embed): one rule for headless mode."""

from django.conf import settings
from wagtail.models import Page


def absolute_url(page, request) -> str | None:
    """The external frontend's URL in headless mode (IGREN_FRONTEND_URL), else this host's.

    Works for any Page instance (also the light ones of `event_relations`) and uses only the
    site root paths Wagtail caches, not a Site lookup per page.
    """
    parts = Page.get_url_parts(page, request=request)
    if not parts or parts[2] is None:
        return None
    frontend = getattr(settings, "IGREN_FRONTEND_URL", "")
    if frontend:
        return frontend.rstrip("/") + parts[2]
    return request.build_absolute_uri(parts[2])
