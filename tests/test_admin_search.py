"""Japanese search in the Wagtail admin (igren_cms.search_backend): pages, snippets and images
find short terms inside words, and fold widths, kana and case as the API's search does."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from pages.models import ProjectPage
from snippets.models import Organisation, Venue

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(get_user_model().objects.create_superuser("searcher", "", "pw-search-1"))
    return client


def found_titles(response):
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("釜石", "岩手県釜石地域支援プロジェクト"),  # two kanji in the middle of the title
        ("さろん", "川崎サロン"),  # hiragana finds katakana
        ("ｻﾛﾝ", "川崎サロン"),  # half-width katakana
        ("交流会", None),  # any page with 交流会 in its title
    ],
)
def test_page_search_finds_japanese(query, expected):
    titles = [p.title for p in Page.objects.all().search(query)]
    if expected is None:
        assert titles and all("交流会" in t for t in titles), titles
    else:
        assert expected in titles, (query, titles)


def test_project_search_reads_the_models_own_search_fields():
    project = ProjectPage.objects.live().get(title="岩手県釜石地域支援プロジェクト")
    words = project.summary[3:5]  # two characters from the middle of the summary
    assert project in ProjectPage.objects.all().search(words)


def search(model, query):
    return list(get_search_backend().search(query, model))


def test_snippet_and_image_search_fold_like_the_api():
    assert "かながわ異業種交流センター" in [v.name for v in search(Venue, "センター")]
    assert "かながわ異業種交流センター" in [v.name for v in search(Venue, "せんたー")]
    assert "横浜市" in [o.name for o in search(Organisation, "横浜")]
    assert [o.name for o in search(Organisation, "ｊｉｃａ")] == ["国際協力機構（JICA）"]
    Image.objects.create(title="サロンの集合写真", file=get_test_image_file())
    assert [i.title for i in Image.objects.all().search("さろん 写真")] == ["サロンの集合写真"]
    assert list(Image.objects.all().search("さろん 動画")) == []  # every word must appear


def test_the_admin_screens_show_what_the_backend_finds(editor):
    html = found_titles(editor.get("/admin/pages/search/", {"q": "釜石"}))
    assert "岩手県釜石地域支援プロジェクト" in html
    html = found_titles(editor.get("/admin/snippets/igren_snippets/venue/", {"q": "センター"}))
    assert "かながわ異業種交流センター" in html
    html = found_titles(editor.get("/admin/snippets/igren_snippets/organisation/", {"q": "横浜"}))
    assert re.search(r">\s*横浜市\s*<", html)
