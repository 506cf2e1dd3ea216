"""RSS 2.0 and Atom 1.0 of events, written by Django's syndication feed generators."""

from django.utils import feedgenerator
from django.utils.html import escape

from igren_cms.conf import association_name
from pages.locales import stable_id
from pages.plain_text import clean_text

GENERATORS = {"rss": feedgenerator.Rss201rev2Feed, "atom": feedgenerator.Atom1Feed}
LABELS = {"ja": ("日時", "場所"), "en": ("When", "Where")}


def item_html(event, text, lang="ja") -> str:
    when_label, where_label = LABELS[lang]
    parts = [f"<p>{when_label}: {escape(event.presented(lang).when_with_holiday)}</p>"]
    if text.location:
        parts.append(f"<p>{where_label}: {escape(text.location)}</p>")
    if text.summary:
        parts.append(f"<p>{escape(text.summary)}</p>")
    if text.body_html:
        parts.append(text.body_html)
    return clean_text("\n".join(parts))


def enclosures(text) -> list:
    """The event's image as an RSS <enclosure> and an Atom link rel="enclosure"."""
    image = text.image
    if image is None:
        return []
    return [feedgenerator.Enclosure(image.url, str(image.length), image.mime_type)]


def build(kind, items, *, title, link, feed_url, description, uid_domain, lang="ja") -> bytes:
    """The feed of [(event, EventText)] as UTF-8 XML. The association is the feed's author
    (RFC 4287 §4.1.1: an Atom feed whose entries name none must have one)."""
    feed = GENERATORS[kind](
        title=title,
        link=link,
        description=description,
        feed_url=feed_url,
        language=lang,
        feed_guid=f"tag:{uid_domain},1984:events",
        author_name=association_name(),
        author_link=link,
    )
    for event, text in items:
        feed.add_item(
            title=text.display_title,
            link=text.url or link,
            description=item_html(event, text, lang),
            unique_id=f"tag:{uid_domain},1984:event-{stable_id(event)}",
            unique_id_is_permalink=False,
            pubdate=event.first_published_at,
            updateddate=event.last_published_at,
            categories=text.categories,
            enclosures=enclosures(text),
        )
    return feed.writeString("utf-8").encode("utf-8")
