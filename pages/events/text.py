"""An event as plain text: the same words in the calendar, the feeds, JSON-LD and the embed."""

import logging
import mimetypes
import re
from dataclasses import dataclass, field

from django.urls import reverse

from pages.page_urls import absolute_url
from pages.plain_text import clean_text, html_to_text, one_line
from pages.renditions import prefetch_renditions
from pages.rich_text import expanded_body
from pages.visibility import audience_for

from .relations import EventRelations

logger = logging.getLogger(__name__)
# The copy of an event's image every feed and JSON-LD carries: wide enough for Google's and
# the share cards' 1200 pixels, one file per image.
IMAGE_SPEC = "width-1280"


@dataclass(frozen=True)
class ImageFile:
    """A public image as feeds carry it (RSS and Atom enclosures need its type and length)."""

    url: str
    width: int
    height: int
    mime_type: str
    length: int


def image_file(image, request, loaded_with=()) -> ImageFile | None:
    """An image's shared copy (feeds, JSON-LD, og:image), when its collection is public and the
    file readable. `loaded_with`: the images of the same list, whose renditions are loaded
    together with this one's (one query for a feed, not one per event)."""
    if image is None or not audience_for(request).allows_collection(image.collection):
        return None
    prefetch_renditions([image, *loaded_with])
    try:
        rendition = image.get_rendition(IMAGE_SPEC)
        length = rendition.file.size
    except OSError:
        logger.warning("Image %s: original file %s is unreadable", image.pk, image.file.name)
        return None
    mime_type = mimetypes.guess_type(rendition.file.name)[0] or "application/octet-stream"
    return ImageFile(
        url=request.build_absolute_uri(rendition.url),
        width=rendition.width,
        height=rendition.height,
        mime_type=mime_type,
        length=length,
    )


# Between two speakers: 、 , ，, ・ (not inside brackets, where a company name may have one),
# ／ or a new line.
SPEAKER_SEPARATORS = re.compile(r"[、,，／/\n]|・(?![^（(]*[)）])")


def speakers_of(text: str) -> list[str]:
    """The speakers an editor listed, one name (with its affiliation) each."""
    names = (one_line(part) for part in SPEAKER_SEPARATORS.split(clean_text(text or "")))
    return [name for name in names if name]


@dataclass
class EventText:
    title: str
    status_label: str
    url: str | None
    ics_url: str
    summary: str
    body_html: str
    body_text: str
    location: str
    categories: list[str] = field(default_factory=list)
    organisers: list[str] = field(default_factory=list)
    relations: EventRelations | None = field(default=None, repr=False)
    # The organising salon's and project's public URLs, by page id (JSON-LD organizer.url).
    organiser_urls: dict = field(default_factory=dict)
    image: ImageFile | None = None
    speakers: list[str] = field(default_factory=list)

    @property
    def display_title(self) -> str:
        """The title with 【中止】 or 【延期】 in front, for readers that ignore the status."""
        return f"【{self.status_label}】{self.title}" if self.status_label else self.title

    @property
    def description(self) -> str:
        parts = [self.summary, self.body_text, self.url or ""]
        return "\n\n".join(part for part in parts if part)


def describe(event, request, lang: str = "ja") -> EventText:
    """Plain, control-character-free text of one event, as the request's audience sees it."""
    relations = event.related(audience_for(request))
    shown = event.presented(lang)
    body_html = clean_text(expanded_body(event, request, relations.listing)) if event.body else ""
    organisers = [page.title for page in (relations.salon, relations.project) if page]
    organisers += [o["name"] for o in relations.organisations]
    return EventText(
        title=one_line(event.title),
        status_label=shown.status_label,
        url=absolute_url(event, request),
        ics_url=request.build_absolute_uri(reverse("igren:event_ics", args=[event.pk])),
        summary=clean_text(event.summary).strip(),
        body_html=body_html,
        body_text=html_to_text(body_html),
        location=shown.full_location,
        categories=[one_line(c["name"]) for c in relations.categories],
        organisers=[one_line(name) for name in organisers],
        relations=relations,
        organiser_urls={
            page.pk: absolute_url(page, request)
            for page in (relations.salon, relations.project)
            if page
        },
        image=image_file(event.image, request, [e.image for e in relations.listing])
        if event.image_id
        else None,
        speakers=speakers_of(event.speakers),
    )
