"""Rich text for the public: Wagtail's rewriting, with every link and embed through the gate.

Wagtail's own handlers check nothing: `expand_db_html` writes the href of any linked page
(drafts, private pages) and the rendition of any embedded image (restricted collections too).
Here a link to a page the `Audience` does not allow keeps its text and loses its href, so does
a link to a document in a restricted collection, and an image from a restricted collection is
left out (no rendition of it is made). External, e-mail and anchor links and media embeds are
Wagtail's as usual.

Listing outputs expand every body of the list in one call, so links cost the same for 1 or 100
bodies: one query per kind of entity (pages, documents, images) for the whole list. The bodies
are joined with a separator no content can contain (a fresh random token), expanded, then split.
"""

import secrets

from django.forms.utils import flatatt
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.formats import get_image_format
from wagtail.models import Page
from wagtail.rich_text import features
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter, MultiRuleRewriter

from pages.page_urls import absolute_url, page_href
from pages.request_state import state_of
from pages.visibility import Audience, audience_for

EMPTY_LINK = "<a>"


def _by_id(queryset, attrs_list):
    ids = [attrs.get("id") for attrs in attrs_list]
    valid = {int(i) for i in ids if isinstance(i, str) and i.isascii() and i.isdecimal()}
    found = {str(obj.pk): obj for obj in queryset.filter(pk__in=valid)} if valid else {}
    return [found.get(str(i)) for i in ids]


class PublicRichText:
    """Expands stored rich text for one request's audience."""

    def __init__(self, audience: Audience, request=None, absolute: bool = False):
        self.audience = audience
        self.request = request
        # Headless outputs (the API) need absolute links and image sources: the frontend's
        # origin for pages, this host's (or the media host's) for files.
        self.absolute = absolute and request is not None

    def file_url(self, url: str) -> str:
        return self.request.build_absolute_uri(url) if self.absolute else url

    def page_link(self, page) -> str | None:
        if self.absolute:
            return absolute_url(page, self.request)
        return page_href(page, self.request)

    # -- handlers, each given every tag of its kind in the document at once ------------------
    def page_links(self, attrs_list):
        pages = _by_id(
            Page.objects.only(
                "id", "path", "depth", "url_path", "live", "go_live_at", "expire_at", "locale_id"
            ),
            attrs_list,
        )
        hrefs = [
            self.page_link(page) if self.audience.allows_page(page) else None for page in pages
        ]
        return [f'<a href="{escape(href)}">' if href else EMPTY_LINK for href in hrefs]

    def document_links(self, attrs_list):
        documents = _by_id(get_document_model().objects.select_related("collection"), attrs_list)
        return [
            f'<a href="{escape(self.file_url(document.url))}">'
            if document is not None and self.audience.allows_collection(document.collection)
            else EMPTY_LINK
            for document in documents
        ]

    def image_embeds(self, attrs_list):
        images = _by_id(get_image_model().objects.select_related("collection"), attrs_list)
        tags = []
        for attrs, image in zip(attrs_list, images, strict=True):
            if image is None or not self.audience.allows_collection(image.collection):
                tags.append("")  # left out: no rendition, no alt text hinting at it
                continue
            image_format = get_image_format(attrs.get("format", "fullwidth"))
            if not self.absolute:
                tags.append(image_format.image_to_html(image, attrs.get("alt", "")))
                continue
            rendition = image.get_rendition(image_format.filter_spec)
            img = {
                "src": self.file_url(rendition.url),
                "width": rendition.width,
                "height": rendition.height,
                "alt": attrs.get("alt", ""),
            }
            if image_format.classname:
                img["class"] = image_format.classname
            tags.append(f"<img{flatatt(img)}>")
        return tags

    def rewriter(self):
        link_rules = {
            linktype: handler.expand_db_attributes_many
            for linktype, handler in features.get_link_types().items()
        }
        link_rules.update(page=self.page_links, document=self.document_links)
        embed_rules = {
            embedtype: handler.expand_db_attributes_many
            for embedtype, handler in features.get_embed_types().items()
        }
        embed_rules["image"] = self.image_embeds
        return MultiRuleRewriter(
            [LinkRewriter(bulk_rules=link_rules), EmbedRewriter(bulk_rules=embed_rules)]
        )

    # -- entry points ---------------------------------------------------------------------------
    def expand(self, html: str | None) -> str:
        return self.rewriter()(html) if html else ""

    def expand_many(self, bodies: list[str]) -> list[str]:
        if len(bodies) <= 1:
            return [self.expand(body) for body in bodies]
        separator = f"<!--igren-body-{secrets.token_hex(16)}-->"
        parts = self.expand(separator.join(body or "" for body in bodies)).split(separator)
        if len(parts) != len(bodies):  # never expected; fall back to one call per body
            return [self.expand(body) for body in bodies]
        return parts


def public_html(html: str | None, request, absolute: bool = False) -> str:
    """One rich-text value (introduction, history entry, …) as the request's audience sees it;
    `absolute` for headless outputs (every link and image source an absolute URL)."""
    return PublicRichText(audience_for(request), request, absolute).expand(html)


def expanded_body(page, request, listing=None, absolute: bool = False) -> str:
    """`page.body` for the public; the first call for a page of `listing` expands the whole
    list. The results are kept for the request (by object: a preview's draft and the live page
    share an id)."""
    kept = state_of(request).keep("expanded_bodies", dict) if request is not None else {}
    if (id(page), absolute) not in kept:
        group = listing or [page]
        expander = PublicRichText(audience_for(request), request, absolute)
        for member, html in zip(group, expander.expand_many([m.body for m in group]), strict=True):
            kept[(id(member), absolute)] = (member, html)  # the member keeps its id unique
    return kept[(id(page), absolute)][1]
