"""The leak sweep, in bodies: rich text that links to or embeds hidden things shows none of them.

A public event, project, salon, the home page's introduction and a history entry each carry a
body that links to every kind of hidden page (draft, password, login section, expired, not yet
live), to a document in a restricted collection, and embeds an image from a restricted
collection. No output (GraphQL, the four feeds, the embed page, the served HTML pages) may show
a hidden target's URL or file name; the link texts stay; no rendition of the hidden image is
made by any public request.
"""

import datetime

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from pages.models import EventIndexPage, EventPage, HistoryPage, ProjectPage, SalonPage

pytestmark = pytest.mark.django_db
NOW = timezone.now()
SECRET = "zz-secret"  # in every hidden target's slug or file name, nowhere else


@pytest.fixture
def bodies(make_event, home, event_index):
    """Hidden targets, and public pages whose bodies point at all of them."""
    # Wagtail caches renditions by image id; ids come back after a rolled-back test.
    caches["default"].clear()
    targets = []

    def hidden_event(kind, **fields):
        page = make_event(f"隠れた{kind}", f"{SECRET}-{kind}", **fields)
        targets.append(page)
        return page

    hidden_event("draft", publish=False)
    PageViewRestriction.objects.create(
        page=hidden_event("password"), restriction_type="password", password="x"
    )
    hidden_event("expired", expire_at=NOW - datetime.timedelta(minutes=1))
    hidden_event("not-yet", go_live_at=NOW + datetime.timedelta(days=1))
    section = EventIndexPage(title="会員専用", slug=f"{SECRET}-members")
    home.add_child(instance=section)
    section.save_revision().publish()
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    child = EventPage(
        title="会員向け",
        slug=f"{SECRET}-child",
        start=NOW + datetime.timedelta(days=2),
        end=NOW + datetime.timedelta(days=3),
        venue=event_index.get_children().first().specific.venue,
    )
    section.add_child(instance=child)
    child.save_revision().publish()
    targets.append(child)

    private = Collection.get_first_root_node().add_child(name="内部資料")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    image = Image.objects.create(
        title="内部画像",
        file=get_test_image_file(filename=f"{SECRET}-image.png"),
        collection=private,
    )
    document = Document.objects.create(
        title="内部文書",
        file=ContentFile(b"%PDF-1.4 secret", name=f"{SECRET}-minutes.pdf"),
        collection=private,
    )
    public_image = Image.objects.create(
        title="公開画像", file=get_test_image_file(filename="public-photo.png")
    )

    links = "".join(
        f'<a linktype="page" id="{page.pk}">リンク{n}</a> ' for n, page in enumerate(targets)
    )
    body = (
        f'<p>{links}<a linktype="document" id="{document.pk}">議事録</a> '
        f'<a linktype="page" id="{home.pk}">トップページ</a> '
        f'<a href="https://www.example.jp/">外部</a></p>'
        f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="内部の写真"/>'
        f'<embed embedtype="image" id="{public_image.pk}" format="fullwidth" alt="公開の写真"/>'
    )
    event = make_event("本文にリンクのある公開イベント", "links-in-body", body=body, summary="")
    project = ProjectPage.objects.get(slug="kamaishi")
    project.body = body
    project.save_revision().publish()
    salon = SalonPage.objects.get(slug="kawasaki")
    salon.body = body
    salon.save_revision().publish()
    home.introduction = body
    home.save_revision().publish()
    history = HistoryPage.objects.get()
    history.introduction = body
    entry = history.entries.first()
    entry.body = body
    history.save_revision().publish()
    return {"image": image, "public_image": public_image, "event": event}


def assert_clean(text, where):
    assert SECRET not in text, f"a hidden target leaked through {where}"
    assert "LEAK" not in text


API_QUERIES = {
    "events": "{ events(perPage: 100) { items { body jsonLd } } }",
    "event": '{ event(slug: "links-in-body") { body jsonLd } }',
    "projects": "{ projects(perPage: 100) { items { body } } }",
    "project": '{ project(slug: "kamaishi") { body } }',
    "salon": '{ salon(slug: "kawasaki") { body } }',
    "home": "{ home { introduction } }",
    "history": "{ history { introduction entries { body } } }",
}


def test_no_hidden_target_in_any_graphql_body(gql, bodies):
    for name, query in API_QUERIES.items():
        body = gql(query)
        assert "errors" not in body, body
        assert_clean(str(body), name)
    event_body = gql(API_QUERIES["event"])["data"]["event"]["body"]
    # The link texts stay, without an href; public targets keep theirs.
    assert "<a>リンク0</a>" in event_body
    assert "<a>議事録</a>" in event_body
    assert '<a href="http://testserver/">トップページ</a>' in event_body
    assert '<a href="https://www.example.jp/">外部</a>' in event_body
    assert 'alt="公開の写真"' in event_body
    assert "内部の写真" not in event_body


@pytest.mark.parametrize(
    "path",
    [
        "/feeds/events.ics",
        "/feeds/events.rss",
        "/feeds/events.atom",
        "/feeds/events.json",
        "/embed/events/",
        "/",
        "/events/",
        "/events/links-in-body/",
        "/projects/kamaishi/",
        "/salons/kawasaki/",
        "/history/",
    ],
)
def test_no_hidden_target_in_feeds_embed_or_pages(client, bodies, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_clean(response.content.decode(), path)


def test_no_rendition_of_a_hidden_image_is_made(client, gql, bodies):
    gql(API_QUERIES["event"])
    client.get("/events/links-in-body/")
    client.get("/feeds/events.rss")
    assert not bodies["image"].renditions.exists()
    assert bodies["public_image"].renditions.exists()  # the same requests do render public ones
