"""Site-wide Japanese search: folding (NFKC, kana, case), short terms mid-word, title matches
first, text not markup, only public content, history entries, and the same matching in
events(searchQuery) and projects(searchQuery)."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from pages.models import HistoryPage, ProjectPage

pytestmark = pytest.mark.django_db

SEARCH = """query($q: String!, $types: [SearchType!], $n: Int) {
  search(query: $q, types: $types, perPage: $n) {
    items { kind title snippet url path date page { __typename title path } }
    pagination { total }
  }
}"""


def search(gql, q, types=None, n=50):
    body = gql(SEARCH, {"q": q, "types": types, "n": n})
    assert "errors" not in body, body
    return body["data"]["search"]


def titles(result):
    return [i["title"] for i in result["items"]]


def test_hiragana_finds_katakana_and_full_width_finds_half_width(gql, make_event):
    make_event("ヨコハマ交流サロン 秋の会", "yokohama-salon-autumn")
    make_event("ＡＩ活用セミナー", "ai-seminar")
    assert "ヨコハマ交流サロン 秋の会" in titles(search(gql, "よこはま さろん"))
    assert "ヨコハマ交流サロン 秋の会" in titles(search(gql, "ｻﾛﾝ"))
    # Matching is on the NFKC-folded text, so full-width, half-width and case all match; the
    # result's title is the page's own, as the editor wrote it (full-width ＡＩ).
    for query in ("ai", "ＡＩ", "Ai活用"):
        assert "ＡＩ活用セミナー" in titles(search(gql, query)), query


def test_short_terms_match_inside_words_and_rank_title_matches_first(gql, make_event):
    now = timezone.now()
    make_event("年末の集い", "body-only", body="<p>会場は釜石市内です。</p>", start=now)
    make_event("釜石の夕べ", "in-title", start=now - datetime.timedelta(days=400))
    found = search(gql, "釜石")
    names = titles(found)
    assert names.index("釜石の夕べ") < names.index("年末の集い")  # older, but in the title
    assert "岩手県釜石地域支援プロジェクト" in names  # a demo project: kanji mid-title
    body_hit = next(i for i in found["items"] if i["title"] == "年末の集い")
    assert "釜石" in body_hit["snippet"] and body_hit["kind"] == "EVENT"
    assert body_hit["page"] == {
        "__typename": "Event",
        "title": "年末の集い",
        "path": body_hit["path"],
    }


def test_bodies_are_searched_as_text_not_markup(gql, make_event):
    make_event(
        "リンクつきの会",
        "with-link",
        body='<p>詳しくは<a href="https://example.com/zzmarkup">案内ページ</a>へ。</p>',
    )
    assert search(gql, "zzmarkup")["items"] == []
    assert search(gql, "href")["items"] == []
    hit = search(gql, "案内ページ")["items"][0]
    assert hit["snippet"].startswith("詳しくは案内ページへ") and "<" not in hit["snippet"]


def test_only_public_pages_are_found(gql, make_event):
    make_event("ひみつ下書き会", "secret-draft", publish=False)
    expired = make_event("ひみつ期限切れ会", "secret-expired")
    expired.expire_at = timezone.now() - datetime.timedelta(minutes=1)
    expired.save()
    private = make_event("ひみつ会員限定会", "secret-private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    shown = make_event("ひみつでない会", "not-secret")
    assert titles(search(gql, "ひみつ")) == ["ひみつでない会"]
    shown.unpublish()
    assert search(gql, "ひみつ")["items"] == []


def test_republishing_updates_what_is_found(gql, make_event):
    event = make_event("旧名の会", "renamed")
    event.title = "新名の会"
    event.save_revision().publish()
    assert search(gql, "旧名")["items"] == []
    assert titles(search(gql, "新名")) == ["新名の会"]


def test_past_events_salons_projects_and_history_entries(gql, client, make_event):
    make_event(
        "過去の交流会テスト", "past-one", start=timezone.now() - datetime.timedelta(days=900)
    )
    assert titles(search(gql, "過去の交流会テスト")) == ["過去の交流会テスト"]
    history = HistoryPage.objects.live().get()
    entry = history.entries.first()
    found = search(gql, entry.title, types=["HISTORY"])
    hit = found["items"][0]
    assert hit["kind"] == "HISTORY" and hit["page"] is None
    assert hit["url"].endswith(f"#entry-{entry.pk}")
    assert hit["date"] == entry.date.isoformat()
    page_html = client.get(hit["path"]).content.decode()
    assert f'id="entry-{entry.pk}"' in page_html
    salons = search(gql, "さろん", types=["SALON"])
    assert salons["pagination"]["total"] >= 5
    assert {i["page"]["__typename"] for i in salons["items"]} == {"Salon"}


def test_events_and_projects_search_query_use_the_same_matching(gql, make_event):
    make_event(
        "カワサキ勉強会", "kawasaki-study", start=timezone.now() + datetime.timedelta(days=2)
    )
    body = gql('{ events(searchQuery: "かわさき　勉強") { items { title } } }')
    assert [i["title"] for i in body["data"]["events"]["items"]] == ["カワサキ勉強会"]
    project = ProjectPage.objects.live().first()
    folded = project.title[:2]
    body = gql("query($q: String) { projects(searchQuery: $q) { items { title } } }", {"q": folded})
    assert project.title in [i["title"] for i in body["data"]["projects"]["items"]]


def test_a_query_of_no_words_is_a_client_error_and_siblings_stay(gql):
    body = gql('{ search(query: "　 ") { items { title } } navigation { title } }')
    assert body["data"]["search"] is None and body["data"]["navigation"]
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "no words" in body["errors"][0]["message"]
