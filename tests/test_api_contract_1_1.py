"""Contract 1.1: a key for every object, one request per page, SEO with fallbacks, and the
schema changed from 1.0 only by additions and deprecations."""

import json
import subprocess
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.test import Client
from graphql import build_schema, find_breaking_changes
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from igren_cms.api.schema import schema
from pages.models import EventPage, HistoryPage, SalonPage
from snippets.models import Venue
from tests.outside_tools import JS_DIR, node_with

pytestmark = pytest.mark.django_db
CONTRACT = Path(__file__).resolve().parent.parent / "docs" / "contract"
PAGE_DOCUMENT = (CONTRACT / "page.graphql").read_text()


def page(gql, path):
    result = gql(PAGE_DOCUMENT, {"path": path})
    assert "errors" not in result, result
    return result["data"]["page"]


def test_the_schema_changed_from_1_0_only_by_additions_and_deprecations():
    old = build_schema((CONTRACT / "schema-1.0.graphql").read_text())
    new = build_schema(str(schema))
    assert find_breaking_changes(old, new) == []


def test_every_id_names_one_object_and_node_gives_it_back(gql):
    """Walk every page of the demo with the one page document: no id is used by two types, and
    node(id:) returns each object under the type it was seen as."""
    paths = ["/", "/events/", "/salons/", "/projects/", "/history/"]
    paths += [e.url_path.removeprefix("/igren") for e in EventPage.objects.live()[:3]]
    paths += [s.url_path.removeprefix("/igren") for s in SalonPage.objects.live()[:2]]
    seen: dict[str, str] = {}

    def collect(value):
        if isinstance(value, dict):
            if "id" in value and "__typename" in value:
                assert seen.setdefault(value["id"], value["__typename"]) == value["__typename"]
            for child in value.values():
                collect(child)
        elif isinstance(value, list):
            for child in value:
                collect(child)

    typed = PAGE_DOCUMENT.replace("id\n", "id __typename\n").replace(" id ", " id __typename ")
    for path in paths:
        result = gql(typed, {"path": path})
        assert result["data"]["page"] is not None, path
        collect(result["data"])
    kinds = set(seen.values())
    for kind in ("Event", "Salon", "Venue", "Organisation", "Category", "HistoryEntry", "Home"):
        assert kind in kinds, kind
    assert "PageLink" not in kinds and "EventLink" not in kinds  # a link is keyed as its page
    aliases = "\n".join(
        f'n{i}: node(id: "{key}") {{ id __typename }}' for i, key in enumerate(list(seen)[:30])
    )
    back = gql("{" + aliases + "}")["data"]
    assert {v["id"]: v["__typename"] for v in back.values()} == dict(list(seen.items())[:30])


def test_node_keeps_hidden_objects_hidden(gql, make_event, home):
    draft_venue = Venue.objects.create(name="非公開イベントだけの会場")
    make_event("下書き", "draft-only-venue", publish=False, venue=draft_venue)
    private = make_event("限定公開", "private-event")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    root = Collection.get_first_root_node()
    hidden = root.add_child(name="会員限定")
    CollectionViewRestriction.objects.create(collection=hidden, restriction_type="login")
    from wagtail.images.models import Image

    secret = Image.objects.create(title="会員写真", file=get_test_image_file(), collection=hidden)
    shown = Image.objects.create(title="公開写真", file=get_test_image_file(), collection=root)
    result = gql(
        "query($v: ID!, $p: ID!, $s: ID!, $i: ID!) { v: node(id: $v) { id } p: node(id: $p) "
        "{ id } s: node(id: $s) { id } i: node(id: $i) { id ... on Image { title } } }",
        {
            "v": f"Venue:{draft_venue.pk}",
            "p": str(private.pk),
            "s": f"Image:{secret.pk}",
            "i": f"Image:{shown.pk}",
        },
    )
    assert result["data"] == {
        "v": None,
        "p": None,
        "s": None,
        "i": {"id": f"Image:{shown.pk}", "title": "公開写真"},
    }
    wrong = gql('{ node(id: "Secret:1") { id } }')
    assert wrong["data"]["node"] is None
    assert wrong["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "Traceback" not in json.dumps(wrong)


def test_index_pages_carry_their_lists_in_one_request(gql):
    events = page(gql, "/events/")
    assert events["__typename"] == "EventIndex"
    assert events["events"]["items"] and events["events"]["pagination"]["total"] >= 1
    assert events["feeds"]["webcal"].startswith("webcal://")
    root_list = gql("{ events(perPage: 20) { items { id } } }")["data"]["events"]["items"]
    assert [e["id"] for e in events["events"]["items"]] == [e["id"] for e in root_list]
    salons = page(gql, "/salons/")
    assert len(salons["salons"]) == SalonPage.objects.live().count()
    assert page(gql, "/projects/")["projects"]["items"]


def test_an_index_list_costs_what_the_root_list_costs(gql):
    nested = (
        '{ page(path: "/events/") { ... on EventIndex { events(perPage: 100) '
        "{ items { jsonLd body } } } } }"
    )
    root = "{ events(perPage: 100) { items { jsonLd body } } }"
    cost = lambda q: gql(q)["extensions"]["cost"]["requested"]  # noqa: E731
    assert cost(nested) >= cost(root)


def test_seo_falls_back_to_the_summary_the_body_and_the_share_image(gql, make_event, home):
    from wagtail.images.models import Image

    share = Image.objects.create(title="イグレン", file=get_test_image_file(size=(1280, 630)))
    home.share_image = share
    home.save_revision().publish()
    body = "<p>" + "異業種の仲間と地域の課題を話し合う夕べです。" * 12 + "</p>"
    event = make_event("年末の交流会", "seo-fallback", body=body, summary="")
    seo = page(gql, f"/events/{event.slug}/")["seo"]
    assert seo["title"] == "年末の交流会 | 神奈川県異業種連携協議会"
    assert seo["description"].startswith("異業種の仲間と") and seo["description"].endswith("…")
    assert len(seo["description"]) <= 121
    assert seo["canonical"].endswith(f"/events/{event.slug}/")
    assert seo["image"]["id"] == f"Image:{share.pk}" and seo["image"]["rendition"]["width"] == 1280
    written = make_event(
        "SEO 付き", "seo-written", search_description="編集者の説明", summary="要約"
    )
    assert page(gql, f"/events/{written.slug}/")["seo"]["description"] == "編集者の説明"
    summarised = make_event("要約付き", "seo-summary", summary="要約の文です。")
    assert page(gql, f"/events/{summarised.slug}/")["seo"]["description"] == "要約の文です。"
    assert page(gql, "/")["seo"]["title"] == "神奈川県異業種連携協議会"
    # The served page says the same in its <head>.
    html = Client().get(f"/events/{event.slug}/").content.decode()
    assert f'<meta name="description" content="{seo["description"]}">' in html
    assert '<meta property="og:image" content="http://testserver/' in html
    assert "<title>年末の交流会 | 神奈川県異業種連携協議会</title>" in html


def test_a_history_search_hit_links_to_its_entry(gql):
    history = HistoryPage.objects.get()
    entry = history.timeline().first()
    found = gql(
        "query($q: String!) { search(query: $q, types: [HISTORY]) "
        "{ items { path anchor title } } }",
        {"q": entry.title},
    )["data"]["search"]["items"][0]
    assert found["path"] == f"/history/#entry-{entry.pk}" and found["anchor"] == entry.anchor
    assert found["title"] == entry.title
    assert page(gql, found["path"])["__typename"] == "History"
    html = Client().get("/history/").content.decode()
    assert f'id="{entry.anchor}"' in html


def test_the_preflight_allows_apollo_urql_and_tracing_headers(client):
    asked = "content-type, apollographql-client-name, apollographql-client-version, traceparent"
    response = client.options(
        "/graphql/",
        headers={
            "origin": "https://app.example",
            "access-control-request-method": "POST",
            "access-control-request-headers": asked,
        },
    )
    allowed = {h.strip().lower() for h in response["Access-Control-Allow-Headers"].split(",")}
    assert {h.strip() for h in asked.split(",")} <= allowed


def test_the_served_menu_is_the_navigation(gql, client):
    menu = gql("{ navigation { title path } }")["data"]["navigation"]
    html = client.get("/").content.decode()
    nav = html.split('<nav aria-label="サイト内">', 1)[1].split("</nav>", 1)[0]
    assert [(m["path"], m["title"]) for m in menu] == [
        (part.split('href="', 1)[1].split('"', 1)[0], part.split('">', 1)[1].split("</a>")[0])
        for part in nav.split("<li>")[1:]
    ]


def test_the_scalars_say_where_they_are_specified():
    text = str(schema)
    assert 'scalar Date @specifiedBy(url: "https://www.rfc-editor.org/rfc/rfc3339' in text
    assert 'scalar DateTime @specifiedBy(url: "https://scalars.graphql.org/' in text


@pytest.mark.tools(node="@urql/exchange-graphcache")
def test_urql_graphcache_runs_the_contract_documents_without_key_warnings(served_site):
    node = node_with("@urql/exchange-graphcache")
    listed = "{ events(perPage: 3) { items { path } } salons { path } }"
    with urllib.request.urlopen(  # noqa: S310 - our own server on 127.0.0.1
        f"{served_site.url}/graphql/?query={urllib.parse.quote(listed)}", timeout=30
    ) as response:
        data = json.load(response)["data"]
    paths = ["/", "/events/", "/salons/", "/projects/", "/history/"]
    paths += [e["path"] for e in data["events"]["items"]] + [s["path"] for s in data["salons"][:2]]
    run = subprocess.run(
        [node, "urql_graphcache.mjs", f"{served_site.url}/graphql/", json.dumps(paths)],
        cwd=JS_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["warnings"] == []
    pages = [r for r in report["results"] if "path" in r]
    assert all(r["error"] is None and r["typename"] for r in pages), pages
    assert all(r["requests"] == 1 for r in pages), pages  # one request renders a page
    assert report["results"][-1]["search"] >= 1
