"""Content in Japanese and English through the API: pages by locale and path, lists with and
without fallback (each item saying its locale), translations and hreflang alternates, the gate
per locale, and a third language (Korean) added by settings alone.

The demo has English versions of the home page, the events and projects sections, the
international projects and their two coming events (igren_cms/demo/facts.py ENGLISH)."""

import pytest
from django.test import override_settings
from wagtail.models import Locale, PageViewRestriction

from pages.models import EventPage, ProjectPage

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def english_demo(module_data):
    """The demo's English versions (the shared demo leaves them out), once for the module."""
    from igren_cms.demo.loader import DemoLoader
    from pages.models import HomePage
    from snippets.models import Category, Organisation, Venue

    with module_data() as later:
        home = HomePage.objects.get(locale__language_code="ja")
        DemoLoader(meeting_rules=False).english(home)
        for model in (Venue, Organisation, Category):  # the English snippets, after the pages
            later(model.objects.exclude(locale__language_code="ja").delete)


PAGE = """query($path: String!) { page(path: $path) {
  __typename id title locale path url
  translations { locale title path url }
  seo { alternates { locale url } }
} }"""

EVENTS = """query($locale: String, $fallback: Boolean) {
  events(locale: $locale, fallback: $fallback, perPage: 100) { items { id title locale path } }
}"""


def english(page):
    return page.get_translations().get(locale__language_code="en").specific


def test_an_english_path_gives_the_english_page_with_its_translations_and_alternates(gql):
    page = gql(PAGE, {"path": "/en/events/japan-korea-seminar/"})["data"]["page"]
    assert page["__typename"] == "Event" and page["locale"] == "en"
    assert page["title"] == "Japan–Korea Business Council: Business Meeting Seminar"
    assert page["path"] == "/en/events/japan-korea-seminar/"
    assert page["url"] == "http://testserver/en/events/japan-korea-seminar/"
    assert page["translations"] == [
        {
            "locale": "ja",
            "title": "日韓ビジネス協議会 商談セミナー",
            "path": "/events/japan-korea-seminar/",
            "url": "http://testserver/events/japan-korea-seminar/",
        }
    ]
    assert page["seo"]["alternates"] == [
        {"locale": "ja", "url": "http://testserver/events/japan-korea-seminar/"},
        {"locale": "en", "url": "http://testserver/en/events/japan-korea-seminar/"},
        {"locale": "x-default", "url": "http://testserver/events/japan-korea-seminar/"},
    ]
    # The Japanese path is still the Japanese page, which names its English version.
    japanese = gql(PAGE, {"path": "/events/japan-korea-seminar/"})["data"]["page"]
    assert japanese["locale"] == "ja" and japanese["title"] == "日韓ビジネス協議会 商談セミナー"
    assert [t["path"] for t in japanese["translations"]] == ["/en/events/japan-korea-seminar/"]
    # node(id:) gives the English page back by its own id.
    node = gql('query($id: ID!) { node(id: $id) { ... on Event { title locale } } }',
               {"id": page["id"]})["data"]["node"]  # fmt: skip
    assert node == {"title": page["title"], "locale": "en"}


def test_an_english_list_falls_back_to_japanese_unless_told_not_to(gql):
    japanese = gql(EVENTS)["data"]["events"]["items"]
    assert {item["locale"] for item in japanese} == {"ja"}
    with_fallback = gql(EVENTS, {"locale": "en"})["data"]["events"]["items"]
    # As many events as in Japanese: each once, in English where translated.
    assert len(with_fallback) == len(japanese)
    by_locale = {item["locale"] for item in with_fallback}
    assert by_locale == {"ja", "en"}
    titles = [item["title"] for item in with_fallback]
    assert "Japan–Korea Business Council: Business Meeting Seminar" in titles
    assert "日韓ビジネス協議会 商談セミナー" not in titles  # its English version stands in
    assert [item["path"].removeprefix("/en") for item in with_fallback] == [
        item["path"] for item in japanese
    ]  # the same order as the Japanese list
    only_english = gql(EVENTS, {"locale": "en", "fallback": False})["data"]["events"]["items"]
    assert {item["locale"] for item in only_english} == {"en"}
    assert [item["title"] for item in only_english] == [
        item["title"] for item in with_fallback if item["locale"] == "en"
    ]


def test_lists_menus_and_search_take_the_locale(gql):
    data = gql("""{
      projects(locale: "en", fallback: false, perPage: 50) { items { title locale } }
      salons(locale: "en") { title locale }
      navigation(locale: "en") { title path }
      jaMenu: navigation { path }
      search(query: "KOREA", locale: "en") { items { title path } }
      ja: search(query: "korea") { items { title } }
    }""")["data"]  # fmt: skip
    assert [p["title"] for p in data["projects"]["items"]] == [
        english(p).title
        for p in ProjectPage.objects.live().order_by("path")
        if p.get_translations().filter(locale__language_code="en").exists()
    ]
    assert {s["locale"] for s in data["salons"]} == {"ja"}  # none translated: all fall back
    # The Japanese menu's order, English where the section is translated.
    translated = {"/events/", "/projects/"}
    assert [m["path"] for m in data["navigation"]] == [
        f"/en{m['path']}" if m["path"] in translated else m["path"] for m in data["jaMenu"]
    ]
    assert "Events this month and next" in [m["title"] for m in data["navigation"]]
    found = [hit["title"] for hit in data["search"]["items"]]  # English words, any case
    assert "Japan–Korea Business Council" in found
    assert all(hit["path"].startswith("/en/") for hit in data["search"]["items"])
    assert data["ja"]["items"] == []  # the Japanese pages do not say "korea"


def test_an_index_page_lists_in_its_own_language(gql):
    query = '{ page(path: "/en/events/") { locale ... on EventIndex { events(perPage: 100) {'
    query += " items { locale title } } } } }"
    page = gql(query)["data"]["page"]
    assert page["locale"] == "en"
    assert "en" in {item["locale"] for item in page["events"]["items"]}


@pytest.mark.parametrize("locale", ["fr", "EN ", "x" * 30])
def test_an_unknown_locale_is_a_clear_error(gql, locale):
    body = gql(EVENTS, {"locale": locale})
    assert body["data"]["events"] is None
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "locale" in body["errors"][0]["message"]


def test_a_hidden_translation_stays_hidden_while_its_source_is_live(gql):
    """Unpublished or restricted in English: the English path is null and the English list
    shows the Japanese event in its place; the reverse holds for a hidden source."""
    source = EventPage.objects.get(slug="japan-korea-seminar", locale__language_code="ja")
    translation = english(source)
    translation.unpublish()
    assert gql(PAGE, {"path": "/en/events/japan-korea-seminar/"})["data"]["page"] is None
    listed = gql(EVENTS, {"locale": "en"})["data"]["events"]["items"]
    assert "日韓ビジネス協議会 商談セミナー" in [item["title"] for item in listed]
    japanese = gql(PAGE, {"path": "/events/japan-korea-seminar/"})["data"]["page"]
    assert japanese["translations"] == [] and japanese["seo"]["alternates"] == []
    hidden_id = str(translation.pk)
    assert (
        gql("query($id: ID!) { node(id: $id) { id } }", {"id": hidden_id})["data"]["node"] is None
    )

    translation.save_revision().publish()
    PageViewRestriction.objects.create(page=translation, restriction_type="login")
    assert gql(PAGE, {"path": "/en/events/japan-korea-seminar/"})["data"]["page"] is None
    searched = gql(
        '{ search(query: "Business Meeting Seminar", locale: "en") { items { title } } }'
    )
    assert searched["data"]["search"]["items"] == []

    PageViewRestriction.objects.filter(page=translation).delete()
    source.unpublish()  # the reverse: the English version lives on its own
    assert gql(PAGE, {"path": "/events/japan-korea-seminar/"})["data"]["page"] is None
    english_page = gql(PAGE, {"path": "/en/events/japan-korea-seminar/"})["data"]["page"]
    assert english_page["translations"] == []
    japanese_list = [item["title"] for item in gql(EVENTS)["data"]["events"]["items"]]
    assert "日韓ビジネス協議会 商談セミナー" not in japanese_list
    assert translation.title not in japanese_list


def test_a_third_language_is_a_settings_change(gql):
    languages = [("ja", "Japanese"), ("en", "English"), ("ko", "Korean")]
    with override_settings(LANGUAGES=languages, WAGTAIL_CONTENT_LANGUAGES=languages):
        from pages.locales import ensure_locales

        ensure_locales()  # what migrate's post-migrate hook does
        korean = Locale.objects.get(language_code="ko")
        project = ProjectPage.objects.get(slug="gyeonggi-exchange", locale__language_code="ja")
        translated = project.copy_for_translation(korean, copy_parents=True)
        translated.title = "한국 경기도 교류"
        translated.save_revision().publish()
        page = gql(PAGE, {"path": "/ko/projects/gyeonggi-exchange/"})["data"]["page"]
        assert page["title"] == "한국 경기도 교류" and page["locale"] == "ko"
        assert {t["locale"] for t in page["translations"]} == {"ja", "en"}
        home = gql(PAGE, {"path": "/ko/"})["data"]["page"]  # its parents copied along with it
        assert home["locale"] == "ko" and home["__typename"] == "Home"
        listed = gql('{ projects(locale: "ko", fallback: false) { items { title } } }')
        assert listed["data"]["projects"]["items"] == [{"title": "한국 경기도 교류"}]
    assert gql(EVENTS, {"locale": "ko"})["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


SEMINAR = """query($path: String!, $lang: Language) { page(path: $path) { ... on Event {
  locale statusLabel location when previousWhen lang: statusLabel(lang: $lang)
  venue { id name address locale }
  categories { name slug locale }
  organisations { name locale }
} } }"""


def test_an_english_event_names_english_venues_and_categories_in_english_words(gql):
    """The English version of an event names the English versions of its venue, organisations
    and categories, and its generated words (status, place, when) are English unless asked
    otherwise; the Japanese event keeps Japanese ones and its Japanese snippets."""
    en = gql(SEMINAR, {"path": "/en/events/japan-korea-seminar/"})["data"]["page"]
    assert en["venue"]["name"] == "Kanagawa Inter-Industry Exchange Center"
    assert en["venue"]["locale"] == "en" and "Yokohama" in en["venue"]["address"]
    assert en["location"] == "Kanagawa Inter-Industry Exchange Center"
    assert en["statusLabel"] == "Rescheduled" and en["previousWhen"].startswith("Originally ")
    assert "," in en["when"] and "年" not in en["when"]
    assert en["lang"] == "Rescheduled"  # an explicit null is the default too
    assert {c["slug"]: (c["name"], c["locale"]) for c in en["categories"]} == {
        "international": ("International exchange", "en"),
        "business": ("Business development", "en"),
    }
    ja = gql(SEMINAR, {"path": "/events/japan-korea-seminar/"})["data"]["page"]
    assert ja["venue"]["name"] == "かながわ異業種交流センター" and ja["venue"]["locale"] == "ja"
    assert ja["statusLabel"] == "日程変更" and "年" in ja["when"]
    assert {c["locale"] for c in ja["categories"]} == {"ja"}
    asked = gql(SEMINAR, {"path": "/en/events/japan-korea-seminar/", "lang": "JA"})
    assert asked["data"]["page"]["lang"] == "日程変更"
    # The English venue is its own node, and the Japanese one is still there.
    node = gql('query($id: ID!) { node(id: $id) { ... on Venue { name locale } } }',
               {"id": en["venue"]["id"]})["data"]["node"]  # fmt: skip
    assert node == {"name": "Kanagawa Inter-Industry Exchange Center", "locale": "en"}


def test_a_snippet_name_is_unique_within_one_language_only(admin_client):
    """The English category may share its Japanese version's slug; a second Japanese category
    of the same name is refused in the form, in Japanese, not by the database."""
    from snippets.models import Category

    japanese = Category.objects.get(slug="international", locale__language_code="ja")
    english_version = japanese.get_translation(Locale.objects.get(language_code="en"))
    assert english_version.slug == japanese.slug and english_version.pk != japanese.pk
    response = admin_client.post(
        "/admin/snippets/igren_snippets/category/add/?locale=ja",
        {"name": japanese.name, "reading": "", "slug": "another-slug"},
    )
    assert response.status_code == 200  # the form again, with the error
    assert "この言語の" in response.content.decode()
    assert Category.objects.filter(name=japanese.name).count() == 1


def test_the_feeds_in_english_carry_english_content_and_keep_each_events_uid(client):
    """/feeds/events.*?lang=en: English titles and calendar name where translated, the rest in
    Japanese (fallback); every event keeps the UID (and feed id) it has in Japanese."""
    import feedparser
    import icalendar

    def calendar(path):
        parsed = icalendar.Calendar.from_ical(client.get(path).content)
        return parsed, {str(e["UID"]): str(e["SUMMARY"]) for e in parsed.walk("VEVENT")}

    _, ja_events = calendar("/feeds/events.ics")
    en_calendar, en_events = calendar("/feeds/events.ics?lang=en")
    assert set(en_events) == set(ja_events)  # the same events, the same UIDs
    seminar = EventPage.objects.get(slug="japan-korea-seminar", locale__language_code="ja")
    uid = next(u for u in ja_events if u.startswith(f"event-{seminar.pk}@"))
    assert ja_events[uid].endswith("日韓ビジネス協議会 商談セミナー")  # after its status mark
    assert en_events[uid].endswith("Japan–Korea Business Council: Business Meeting Seminar")
    assert str(en_calendar["X-WR-CALNAME"]) == "Kanagawa Inter-Industry Cooperation Council events"
    untranslated = [u for u in ja_events if ja_events[u] == en_events[u]]
    assert untranslated  # Japanese where there is no English version
    for path in ("/feeds/events.rss?lang=en", "/feeds/events.atom?lang=en"):
        feed = feedparser.parse(client.get(path).content)
        titles = [entry.title for entry in feed.entries]
        assert any("Japan–Korea Business Council" in t for t in titles), path
        ids = {entry.id for entry in feed.entries}
        ja_ids = {e.id for e in feedparser.parse(client.get(path[:-8]).content).entries}
        assert ids == ja_ids, path
    json_feed = client.get("/feeds/events.json?lang=en").json()
    assert any("Japan–Korea" in i["title"] for i in json_feed["items"])
    embed = client.get("/embed/events/?lang=en&months=2").content.decode()
    assert "Japan–Korea Business Council: Business Meeting Seminar" in embed
    one = client.get(f"/feeds/events/{english(seminar).pk}.ics")
    assert one.status_code == 200 and f"UID:event-{seminar.pk}@".encode() in one.content


def test_the_served_english_page_says_its_language_and_links_its_versions(client):
    from html.parser import HTMLParser

    class Head(HTMLParser):
        def __init__(self):
            super().__init__()
            self.lang, self.alternates, self.switch = None, {}, {}

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "html":
                self.lang = attrs.get("lang")
            if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
                self.alternates[attrs["hreflang"]] = attrs["href"]
            if tag == "a" and "hreflang" in attrs:
                self.switch[attrs["hreflang"]] = attrs["href"]

    english_page = client.get("/en/projects/japan-korea-business/")
    assert english_page.status_code == 200
    head = Head()
    head.feed(english_page.content.decode())
    assert head.lang == "en"
    assert head.alternates == {
        "ja": "http://testserver/projects/japan-korea-business/",
        "en": "http://testserver/en/projects/japan-korea-business/",
        "x-default": "http://testserver/projects/japan-korea-business/",
    }
    assert head.switch == {"ja": "/projects/japan-korea-business/"}
    body = english_page.content.decode()
    assert "Japan–Korea Business Council" in body
    assert 'lang="ja">地域サロン</a>' in body  # the untranslated menu item says it is Japanese
    japanese = client.get("/projects/japan-korea-business/").content.decode()
    assert '<html lang="ja">' in japanese and 'hreflang="en"' in japanese
    events = client.get("/en/events/").content.decode()  # the index lists in English
    assert "Japan–Korea Business Council: Business Meeting Seminar" in events


def test_the_sitemap_lists_both_languages_with_their_alternates(client):
    """sitemap.xml has the English pages too, and each page with versions names them all with
    hreflang (x-default: the Japanese one); a page in one language has none."""
    from xml.etree import ElementTree

    response = client.get("/sitemap.xml")
    tree = ElementTree.fromstring(response.content)  # noqa: S314 (our own response)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = {
        url.find("s:loc", ns).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in tree.findall("s:url", ns)
    }
    ja = "http://localhost/events/japan-korea-seminar/"
    en = "http://localhost/en/events/japan-korea-seminar/"
    assert ja in entries and en in entries
    expected = {"ja": ja, "en": en, "x-default": ja}
    assert entries[ja] == expected and entries[en] == expected
    only_japanese = [loc for loc in entries if loc.endswith("/salons/kawasaki/")]
    assert only_japanese and entries[only_japanese[0]] == {}
