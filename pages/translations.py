"""A page's versions in the other languages, as the public may see them: for the API's
`translations`, SEO's `alternates` and the served site's hreflang links.

The versions of every page of a list are loaded together, in one query (`loaded_with`).
"""

from wagtail.models import Page

from igren_cms.conf import i18n_enabled
from pages.request_state import state_of
from pages.visibility import audience_for

FIELDS = ("id", "title", "slug", "path", "url_path", "locale_id", "translation_key", "live")


def versions_of(page, request) -> list:
    """Every public version of the page (itself included when public), in locale order."""
    if not i18n_enabled() or page.pk is None:
        return []
    memo = state_of(request).keep("translations", dict)
    if page.translation_key not in memo:
        group = page.loaded_with() if hasattr(page, "loaded_with") else [page]
        keys = {p.translation_key for p in group} | {page.translation_key}
        for key in keys:
            memo.setdefault(key, [])
        found = Page.objects.filter(translation_key__in=keys).only(*FIELDS, "go_live_at")
        found = audience_for(request).any_locale().filter(found).order_by("locale_id")
        for version in found:
            memo[version.translation_key].append(version)
    return memo[page.translation_key]


def translations_of(page, request) -> list:
    """The page's public versions in the other languages."""
    return [version for version in versions_of(page, request) if version.pk != page.pk]
