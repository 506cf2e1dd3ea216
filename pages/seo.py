"""What a page says to search engines and to a share card (Open Graph), with its fallbacks.

One rule for the served site's <head> and the API's `Page.seo`:

- title: the editor's SEO title as written, else "page title | site name" (the home page: the
  site name alone);
- description: the editor's search description, else the page's summary, else the plain text
  of its body or introduction as the public sees it, cut at about 120 characters (…);
- canonical: the page's absolute public URL (the frontend's, in headless mode);
- image: the page's own image when public, else the home page's image for sharing.
"""

from dataclasses import dataclass

from igren_cms.conf import association_name
from pages.locales import default_language, language_of
from pages.page_urls import absolute_url
from pages.plain_text import html_to_text, one_line
from pages.request_state import state_of
from pages.rich_text import expanded_body, public_html
from pages.sites import site_root_path
from pages.translations import versions_of
from pages.visibility import audience_for

DESCRIPTION_LENGTH = 120
TITLE_SEPARATOR = " | "


@dataclass
class Alternate:
    locale: str
    url: str


@dataclass
class Seo:
    title: str
    description: str | None
    canonical: str | None
    image: object | None  # a Wagtail image in an unrestricted collection
    alternates: list[Alternate]


def cut(text: str, length: int = DESCRIPTION_LENGTH) -> str:
    """At most `length` characters, cut at a word or sentence end when one is near (…)."""
    text = one_line(text)
    if len(text) <= length:
        return text
    head = text[: length - 1]
    for stop in ("。", "、", " "):
        at = head.rfind(stop)
        if at >= length * 2 // 3:
            head = head[: at + (1 if stop != " " else 0)]
            break
    return head.rstrip() + "…"


def description_of(page, request) -> str | None:
    written = one_line(getattr(page, "search_description", ""))
    if written:
        return written
    summary = one_line(getattr(page, "summary", ""))
    if summary:
        return cut(summary)
    if getattr(page, "body", None):
        # The body as the page's list expands it: once for the whole list, not once a page.
        text = html_to_text(expanded_body(page, request, body_group(page, request)))
        if text:
            return cut(text)
    if getattr(page, "introduction", None):
        text = html_to_text(public_html(page.introduction, request))
        if text:
            return cut(text)
    return None


def body_group(page, request) -> list:
    """The pages loaded together with this one, whose bodies are expanded together: an event's
    listing, else the page's list (`IgrenPage.loaded_with`)."""
    if hasattr(page, "related"):
        return page.related(audience_for(request)).listing
    return page.loaded_with() if hasattr(page, "loaded_with") else [page]


def site_home(request):
    """The request's site root as a specific page, once per request (None outside a site)."""

    def find():
        from pages.models import HomePage

        root_path = site_root_path(request)
        if root_path is None:
            return None
        home = HomePage.objects.filter(url_path=root_path).select_related("share_image__collection")
        return home.visible_to(audience_for(request)).first()

    return state_of(request).keep("seo_site_home", find) if request is not None else find()


def image_of(page, request):
    audience = audience_for(request)
    for candidate in (getattr(page, "image", None), _share_image(request)):
        if candidate is not None and audience.allows_collection(candidate.collection):
            return candidate
    return None


def _share_image(request):
    home = site_home(request)
    return home.share_image if home is not None else None


def title_of(page, request) -> str:
    written = one_line(getattr(page, "seo_title", ""))
    if written:
        return written
    site = association_name()
    title = one_line(page.title)
    home = site_home(request)
    if (home is not None and home.pk == page.pk) or title == site:
        return site
    return f"{title}{TITLE_SEPARATOR}{site}"


def seo_for(page, request) -> Seo:
    return Seo(
        title=title_of(page, request),
        description=description_of(page, request),
        canonical=absolute_url(page, request),
        image=image_of(page, request),
        alternates=alternates_of(page, request),
    )


def alternates_of(page, request) -> list[Alternate]:
    """hreflang links: each public version of the page, and x-default for the default
    language's; none for a page in one language only."""
    return hreflang_set(
        [
            (language_of(version.locale_id, request), absolute_url(version, request))
            for version in versions_of(page, request)
        ]
    )


def hreflang_set(versions: list[tuple[str, str]]) -> list[Alternate]:
    """The hreflang set of a page's (language, url) versions: each, and x-default for the
    default language's; none for a page in one language only (the served <head>, the API's
    `seo.alternates` and the sitemap)."""
    if len(versions) < 2:
        return []
    found = [Alternate(code, url) for code, url in versions if url]
    default = [a.url for a in found if a.locale == default_language()]
    return [*found, Alternate("x-default", default[0])] if default else found
