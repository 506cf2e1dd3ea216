"""A frontend builds the whole site from the API: every path the served site links to resolves
through `page(path:)` to the same page; redirects, the menu, breadcrumbs, SEO fields and the
sitemap come from the same visibility gate."""

import re
from datetime import timedelta
from html.parser import HTMLParser
from urllib.parse import quote, urlsplit
from xml.etree import ElementTree

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from pages.models import EventPage, SalonPage

PAGE = """query($path: String!) { page(path: $path) { __typename id title path url
  seoTitle searchDescription lastPublishedAt breadcrumbs { title path } } }"""


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.h1, self._in_h1 = [], [], False

    def handle_starttag(self, tag, attrs):
        if tag == "a" and dict(attrs).get("href"):
            self.hrefs.append(dict(attrs)["href"])
        self._in_h1 = self._in_h1 or tag == "h1"

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1 and data.strip():
            self.h1.append(data.strip())


SKIP = re.compile(r"^/(feeds|embed|media|static|admin|django-admin|graphql|documents)/")


def crawl(client):
    """{path: the served page's <title>} for every page reachable by links from /."""
    seen, queue, titles = set(), ["/"], {}
    while queue and len(seen) < 200:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        titles[path] = re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()
        parser = Links()
        parser.feed(html)
        for href in parser.hrefs:
            parts = urlsplit(href)
            if parts.netloc not in ("", "testserver") or not parts.path.startswith("/"):
                continue
            if not SKIP.match(parts.path) and parts.path not in seen:
                queue.append(parts.path)
    return titles


def test_every_linked_page_resolves_through_page_path(gql):
    titles = crawl(Client())
    assert len(titles) >= 20  # home, 4 sections, salons, projects, events
    for path, served_title in titles.items():
        page = gql(PAGE, {"path": path})["data"]["page"]
        assert page is not None, path
        assert page["title"] in served_title, (path, page["title"], served_title)
        assert page["path"] == path
        assert page["url"] == f"http://testserver{path}"
    kinds = {gql(PAGE, {"path": p})["data"]["page"]["__typename"] for p in titles}
    assert {"Home", "EventIndex", "SalonIndex", "ProjectIndex", "History"} <= kinds
    assert {"Event", "Salon", "Project"} <= kinds


def test_paths_are_forgiving_about_slashes_encoding_and_full_urls(gql, make_event):
    make_event("日本語スラッグの催し", slug="日韓セミナー")
    for path in (
        "/events/日韓セミナー/",
        "/events/日韓セミナー",
        "events/" + quote("日韓セミナー"),
        "https://www.example.jp/events/" + quote("日韓セミナー") + "/?utm=1#top",
    ):
        page = gql(PAGE, {"path": path})["data"]["page"]
        assert page is not None and page["title"] == "日本語スラッグの催し", path
        assert page["path"] == "/events/日韓セミナー/"


@pytest.mark.parametrize("path", ["/events/no-such/", "/nope/", "/events/../salons/"])
def test_unknown_paths_are_null_or_a_clear_error(gql, path):
    body = gql(PAGE, {"path": path})
    assert body["data"]["page"] is None
    if "errors" in body:
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_hidden_pages_do_not_resolve(gql, make_event):
    make_event("下書きの催し", slug="draft-route", publish=False)
    later = make_event("未来の催し", slug="future-route")
    later.go_live_at = timezone.now() + timedelta(days=1)
    later.save()
    expired = make_event("終わった催し", slug="expired-route")
    expired.expire_at = timezone.now() - timedelta(minutes=1)
    expired.save()
    for slug in ("draft-route", "future-route", "expired-route"):
        assert gql(PAGE, {"path": f"/events/{slug}/"})["data"]["page"] is None


def test_breadcrumbs_seo_and_dates(gql):
    event = EventPage.objects.get(slug="japan-korea-seminar")
    event.seo_title = "日韓商談セミナー｜イグレン"
    event.search_description = "日本と韓国の企業が出会う商談会です。"
    event.save_revision().publish()
    page = gql(PAGE, {"path": "/events/japan-korea-seminar/"})["data"]["page"]
    assert page["__typename"] == "Event"
    assert page["seoTitle"] == "日韓商談セミナー｜イグレン"
    assert page["searchDescription"] == "日本と韓国の企業が出会う商談会です。"
    assert page["lastPublishedAt"].endswith("+09:00")
    assert [b["path"] for b in page["breadcrumbs"]] == ["/events/"]
    salons = gql(PAGE, {"path": "/salons/"})["data"]["page"]
    assert salons["seoTitle"] is None and salons["searchDescription"] is None  # never ""
    assert salons["breadcrumbs"] == []


def test_section_pages_carry_their_introduction(gql):
    body = gql('{ page(path: "/salons/") { ... on SalonIndex { title introduction } } }')
    section = body["data"]["page"]
    assert section["title"] and "<p>" in section["introduction"]


def test_navigation_is_the_public_menu_in_order(gql):
    menu = gql("{ navigation { title path } }")["data"]["navigation"]
    paths = [item["path"] for item in menu]
    assert {"/events/", "/salons/", "/projects/", "/history/"} <= set(paths)
    SalonPage.objects.get(slug="kawasaki").get_parent().specific.unpublish()
    menu = gql("{ navigation { path } }")["data"]["navigation"]
    assert "/salons/" not in [item["path"] for item in menu]


def test_redirects_answer_only_for_public_targets(gql, make_event):
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    public = EventPage.objects.get(slug="japan-korea-seminar")
    draft = make_event("下書き", slug="redirect-draft", publish=False)
    Redirect.objects.create(old_path="/old-seminar", redirect_page=public, site=site)
    Redirect.objects.create(old_path="/old-draft", redirect_page=draft, site=site)
    Redirect.objects.create(
        old_path="/igren-old", redirect_link="https://example.jp/", is_permanent=False
    )
    found = gql('{ redirect(path: "/old-seminar/") { location isPermanent } }')["data"]
    assert found["redirect"] == {
        "location": "http://testserver/events/japan-korea-seminar/",
        "isPermanent": True,
    }
    assert gql('{ redirect(path: "/old-draft") { location } }')["data"]["redirect"] is None
    listed = gql("{ redirects { oldPath location isPermanent } }")["data"]["redirects"]
    assert {r["oldPath"] for r in listed} == {"/old-seminar", "/igren-old"}


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    tree = ElementTree.fromstring(response.content)  # noqa: S314 (our own response)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return [loc.text for loc in tree.findall("s:url/s:loc", ns)]


def test_the_sitemap_lists_exactly_the_public_pages(client, make_event, gql):
    hidden = make_event("下書き", slug="sitemap-draft", publish=False)
    expired = make_event("期限切れ", slug="sitemap-expired")
    expired.expire_at = timezone.now() - timedelta(minutes=1)
    expired.save()
    # Locations are the Wagtail Site's canonical URLs (its hostname, here localhost).
    paths = [urlsplit(location).path for location in sitemap_locations(client)]
    assert "/" in paths and "/events/japan-korea-seminar/" in paths
    locations = sitemap_locations(client)
    assert not any(s in loc for loc in locations for s in (hidden.slug, expired.slug))
    for location in locations:  # every entry is a page the API routes
        assert gql(PAGE, {"path": location})["data"]["page"] is not None, location


def test_the_sitemap_points_at_the_frontend_in_headless_mode(client, db):
    with override_settings(IGREN_FRONTEND_URL="https://www.igren.example"):
        locations = sitemap_locations(client)
    assert locations and all(loc.startswith("https://www.igren.example/") for loc in locations)


def test_each_site_lists_only_its_own_pages_with_paths_it_routes(make_event, home, settings):
    """With a second site in the tree, no output of one site shows the other's pages, so every
    path a list gives is one `page(path:)` on that site takes back (path and url are non-null)."""
    from wagtail.models import Page, Site

    from pages.models import EventIndexPage

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "sister.example.jp"]
    other_home = Page.get_first_root_node().add_child(
        instance=Page(title="姉妹サイト", slug="sister")
    )
    Site.objects.create(hostname="sister.example.jp", port=80, root_page=other_home)
    other_index = other_home.add_child(instance=EventIndexPage(title="催し", slug="events"))
    theirs = make_event("姉妹サイトの催し", "sister-event", parent=other_index)
    ours = make_event("本サイトの催し", "our-event")
    query = """query($id: ID!) { events(perPage: 100) { items { id title path url } }
      search(query: "サイトの催し") { items { title path } }
      node(id: $id) { id } event(id: $id) { id } }"""

    def ask(host, event):
        response = Client(HTTP_HOST=host).post(
            "/graphql/", {"query": query, "variables": {"id": str(event.pk)}},
            content_type="application/json",
        )  # fmt: skip
        body = response.json()
        assert "errors" not in body, body
        return body["data"]

    mine = ask("localhost", theirs)
    titles = {item["title"] for item in mine["events"]["items"]}
    assert ours.title in titles and theirs.title not in titles
    assert [hit["title"] for hit in mine["search"]["items"]] == [ours.title]
    assert mine["node"] is None and mine["event"] is None
    for item in mine["events"]["items"]:
        assert item["path"] and item["url"].endswith(item["path"])
    sister = ask("sister.example.jp", ours)
    assert [item["path"] for item in sister["events"]["items"]] == ["/events/sister-event/"]
    assert sister["node"] is None and sister["event"] is None
    feed = Client(HTTP_HOST="sister.example.jp").get("/feeds/events.ics").content.decode()
    assert "姉妹サイトの催し" in feed and "本サイトの催し" not in feed
