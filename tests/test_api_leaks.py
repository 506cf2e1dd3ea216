"""The leak sweep: plant unique markers in every kind of hidden content, then ask broadly."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from pages.models import EventIndexPage, EventPage, ProjectPage, SalonPage

pytestmark = pytest.mark.django_db
NOW = timezone.now()
# From last month, two years long: every planted event falls inside it (they start within days).
WINDOW = f'month: "{(NOW - datetime.timedelta(days=31)):%Y-%m}", months: 24'


def marker(kind):
    return f"LEAK-{kind}-Ω"


@pytest.fixture
def hidden(make_event, home, event_index):
    """Every kind of hidden content, each carrying its own marker; returns the markers."""
    from wagtail.images.models import Image

    markers = {}

    def plant(kind, **fields):
        markers[kind] = marker(kind)
        return make_event(
            f"{markers[kind]} title",
            f"leak-{kind.lower()}",
            summary=f"{markers[kind]} summary",
            **fields,
        )

    plant("DRAFT", publish=False)
    live = make_event("公開中のイベント", "leak-unpublished-changes")
    live.title = "changed " + marker("DRAFT-TITLE")
    live.summary = marker("DRAFT-TITLE")
    live.save_revision()
    markers["DRAFT-TITLE"] = marker("DRAFT-TITLE")
    restricted = plant("PASSWORD")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    grouped = plant("GROUPS")
    group_restriction = PageViewRestriction.objects.create(page=grouped, restriction_type="groups")
    group_restriction.groups.add(Group.objects.create(name="members"))
    plant("EXPIRED", expire_at=NOW - datetime.timedelta(minutes=1))
    plant("NOT-YET", go_live_at=NOW + datetime.timedelta(days=1))

    # A restricted section: everything below a login-only index is private too.
    section = EventIndexPage(title="会員専用", slug="members-only")
    home.add_child(instance=section)
    section.save_revision().publish()
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    markers["DESCENDANT"] = marker("DESCENDANT")
    child = EventPage(
        title=markers["DESCENDANT"],
        slug="leak-descendant",
        start=NOW + datetime.timedelta(days=2),
        end=NOW + datetime.timedelta(days=3),
        venue=live.venue,
    )
    section.add_child(instance=child)
    child.save_revision().publish()

    # A public event pointing at a hidden salon, a hidden project and a restricted image.
    salon = SalonPage.objects.get(slug="seisho")
    salon.title = marker("SALON")
    salon.save_revision().publish()
    salon.unpublish()
    markers["SALON"] = marker("SALON")
    project = ProjectPage.objects.get(slug="kamaishi")
    project.title = marker("PROJECT")
    project.save_revision().publish()
    PageViewRestriction.objects.create(page=project, restriction_type="login")
    markers["PROJECT"] = marker("PROJECT")
    private = Collection.get_first_root_node().add_child(name="内部資料")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    image = Image.objects.create(
        title=marker("IMAGE"), file=get_test_image_file(), collection=private
    )
    markers["IMAGE"] = marker("IMAGE")
    make_event(
        "公開イベント", "public-with-hidden-links", salon=salon, project=project, image=image
    )
    return markers


QUERIES = [
    f"{{ events({WINDOW}, perPage: 100) {{ items {{ title summary body url salon {{ title }} "
    "project { title } image { title url } } } }",
    "{ events(perPage: 100) { items { title summary salon { title } project { title } } } }",
    f'{{ events({WINDOW}, searchQuery: "LEAK", perPage: 100) {{ items {{ title }} }} }}',
    '{ event(slug: "public-with-hidden-links") { title salon { title } project { title } '
    "image { title } } }",
    "{ projects(perPage: 100) { items { title summary } } }",
    '{ projects(searchQuery: "LEAK") { items { title } } }',
    '{ project(slug: "kamaishi") { title } }',
    "{ salons { title upcomingEvents(limit: 20) { title salon { title } project { title } } } }",
    '{ salon(slug: "seisho") { title } }',
    "{ history { title entries { title } } home { title } }",
    # Contract 1.1: SEO fallbacks, index lists, links' pages and the menu's pages.
    f'{{ page(path: "/events/") {{ seo {{ title description image {{ title }} }} '
    f"... on EventIndex {{ events({WINDOW}, perPage: 100) {{ items {{ title "
    "seo { title description image { title url } } salon { page { __typename id "
    "... on Salon { title summary } } } project { page { id ... on Project { title } } } "
    "image { title } } } } } }",
    '{ page(path: "/salons/") { ... on SalonIndex { salons { title seo { description } } } } }',
    '{ page(path: "/projects/") { ... on ProjectIndex { projects(perPage: 100) '
    "{ items { title seo { description } } } } } }",
    "{ navigation { title page { title seo { title description } } } }",
] + [
    f'{{ event(slug: "leak-{kind}") {{ title summary }} }}'
    for kind in (
        "draft",
        "unpublished-changes",
        "password",
        "groups",
        "expired",
        "not-yet",
        "descendant",
    )
]


def test_no_hidden_marker_leaves_the_api(gql, hidden):
    assert len(hidden) == 10
    for query in QUERIES:
        body = gql(query)
        text = str(body)
        leaked = [kind for kind, mark in hidden.items() if mark in text]
        assert not leaked, f"{leaked} leaked through {query}"
    # node(id:) for every hidden page and the restricted image: null, never the object.
    from wagtail.images.models import Image

    hidden_ids = [
        str(pk) for pk in Page.objects.filter(title__contains="LEAK-").values_list("pk", flat=True)
    ]
    hidden_ids += [
        f"Image:{pk}"
        for pk in Image.objects.filter(title__contains="LEAK-").values_list("pk", flat=True)
    ]
    assert len(hidden_ids) >= 9
    aliases = " ".join(
        f'n{i}: node(id: "{key}") {{ id ... on Page {{ title }} }}'
        for i, key in enumerate(hidden_ids)
    )
    body = gql("{ " + aliases + " }")
    assert set(body["data"].values()) == {None}, body


def test_no_hidden_marker_on_the_served_site(client, hidden):
    for path in (
        "/",
        "/events/",
        "/salons/",
        "/projects/",
        "/history/",
        "/events/public-with-hidden-links/",
    ):
        html = client.get(path).content.decode()
        leaked = [kind for kind, mark in hidden.items() if mark in html]
        assert not leaked, f"{leaked} leaked on {path}"


def test_the_public_event_itself_is_still_there(gql, hidden):
    body = gql(
        '{ event(slug: "public-with-hidden-links") { title salon { title } '
        "project { title } image { title } } }"
    )
    assert body["data"]["event"] == {
        "title": "公開イベント",
        "salon": None,
        "project": None,
        "image": None,
    }


def test_revision_and_lock_fields_are_not_in_the_schema(gql):
    for field in (
        "draftTitle",
        "hasUnpublishedChanges",
        "latestRevisionCreatedAt",
        "lockedAt",
        "goLiveAt",
        "expireAt",
        "live",
    ):
        body = gql(f'{{ event(slug: "kenou-regular") {{ {field} }} }}', status=400)
        assert "Cannot query field" in body["errors"][0]["message"]


@pytest.fixture
def hidden_translations(make_event, home):
    """English versions hidden in every way while their Japanese sources are public: a draft
    change, a translation never published, a password, an expiry; returns the markers."""
    from wagtail.models import Locale

    from igren_cms.demo.loader import DemoLoader

    DemoLoader(meeting_rules=False).english(home)  # the English home, sections and events
    english = Locale.objects.get(language_code="en")
    markers = {kind: marker(kind) for kind in ("EN-DRAFT", "EN-NEVER", "EN-PASSWORD", "EN-EXPIRED")}

    seminar = EventPage.objects.get(slug="japan-korea-seminar", locale=english)
    seminar.title = markers["EN-DRAFT"]
    seminar.summary = markers["EN-DRAFT"]
    seminar.save_revision()  # a change not published

    def translated(kind, publish=True, **fields):
        source = make_event(f"公開中 {kind}", f"leak-source-{kind.lower()}")
        version = source.copy_for_translation(english)
        version.title, version.summary = markers[kind], f"{markers[kind]} summary"
        for name, value in fields.items():
            setattr(version, name, value)
        version.save()  # a draft (live=False) carrying the marker in its own row
        if publish:
            version.save_revision().publish()
        return version

    translated("EN-NEVER", publish=False)
    restricted = translated("EN-PASSWORD")
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")
    translated("EN-EXPIRED", expire_at=NOW - datetime.timedelta(minutes=1))
    return markers


EN_QUERIES = (
    [
        f'{{ events({WINDOW}, locale: "en", perPage: 100) {{ items {{ title summary body locale '
        "translations { title path } seo { title description alternates { url } } } } }",
        f'{{ events({WINDOW}, locale: "en", fallback: false, perPage: 100) '
        "{ items { title } } }",
        f'{{ eventMonths({WINDOW}, locale: "en") {{ events {{ title }} }} }}',
        '{ search(query: "LEAK", locale: "en") { items { title path } } }',
        '{ search(query: "summary", locale: "en", perPage: 100) { items { title path } } }',
        '{ navigation(locale: "en") { title page { title } } }',
        f'{{ page(path: "/en/events/") {{ title ... on EventIndex {{ '
        f"events({WINDOW}, perPage: 100) {{ items {{ title translations {{ title }} }} }} }} }} }}",
        '{ page(path: "/events/japan-korea-seminar/") { translations { title path } '
        "seo { alternates { locale url } } } }",
        '{ page(path: "/en/events/japan-korea-seminar/") { title ... on Event { summary } } }',
    ]
    + [
        f'{{ page(path: "/en/events/leak-source-{kind}/") {{ title }} }}'
        for kind in ("en-never", "en-password", "en-expired")
    ]
    + [
        f'{{ page(path: "/events/leak-source-{kind}/") {{ title translations {{ title }} '
        "seo { alternates { url } } } }"
        for kind in ("en-never", "en-password", "en-expired")
    ]
)


def test_no_hidden_translation_leaves_any_output(gql, client, hidden_translations):
    """The leak sweep in English: a translation hidden in any way (draft change, never
    published, password, expired) shows in no API list, lookup, alternate, feed, embed, served
    page or sitemap, while its public Japanese source stays listed."""
    markers = hidden_translations
    for query in EN_QUERIES:
        text = str(gql(query))
        leaked = [kind for kind, mark in markers.items() if mark in text]
        assert not leaked, f"{leaked} leaked through {query}"
    hidden_ids = Page.objects.filter(
        slug__startswith="leak-source-", locale__language_code="en"
    ).values_list("pk", flat=True)
    assert len(hidden_ids) == 3
    aliases = " ".join(f'n{pk}: node(id: "{pk}") {{ id }}' for pk in hidden_ids)
    assert set(gql("{ " + aliases + " }")["data"].values()) == {None}
    paths = ["/en/", "/en/events/", "/sitemap.xml", "/embed/events/?lang=en&months=2"]
    paths += [f"/feeds/events.{kind}?lang=en" for kind in ("ics", "rss", "atom", "json")]
    paths += [f"/en/events/leak-source-{kind}/" for kind in ("en-never", "en-password")]
    paths += ["/en/events/leak-source-en-expired/", "/events/leak-source-en-never/"]
    for path in paths:
        response = client.get(path)
        text = response.content.decode()
        leaked = [kind for kind, mark in markers.items() if mark in text]
        assert not leaked, f"{leaked} leaked on {path}"
    # The sources are public and listed (in Japanese, by fallback) in the English list.
    listed = gql(EN_QUERIES[0])["data"]["events"]["items"]
    titles = {item["title"] for item in listed}
    assert {"公開中 EN-NEVER", "公開中 EN-PASSWORD", "公開中 EN-EXPIRED"} <= titles
    assert "Japan–Korea Business Council: Business Meeting Seminar" in titles
