"""Wagtail serves every page with a Japanese template, so links from the API and feeds land."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pages.models import EventPage, ProjectPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "神奈川県異業種連携協議会"),
        ("/events/", "今月と来月のイベント"),
        ("/salons/", "県央サロン"),
        ("/projects/", "日韓ビジネス協議会"),
        ("/history/", "昭和59年4月20日"),
        ("/salons/kenou/", "神奈川県産業技術センター"),
        ("/projects/jica-training/", "JICA研修事業支援"),
    ],
)
def test_pages_render_in_japanese(client, path, expected):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ja">' in html
    assert expected in html


def test_event_list_shows_this_and_next_month_with_a_cancelled_badge(client):
    html = client.get("/events/").content.decode()
    now = timezone.localtime()
    assert f"{now.year}年{now.month}月" in html
    assert html.count("<section") == 2
    assert "中止" in html
    assert "オンライン" in html


def test_every_page_has_a_url_that_serves(client):
    for page in EventPage.objects.visible_to():
        assert page.url
        assert client.get(page.url).status_code == 200


def test_an_expired_page_is_gone_at_once(client, make_event):
    event = make_event(title="期限切れの催し", slug="expired-now")
    assert client.get(event.url).status_code == 200
    EventPage.objects.filter(pk=event.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    assert client.get("/events/expired-now/").status_code == 404
    assert "期限切れの催し" not in client.get("/events/").content.decode()


def test_headless_mode_points_urls_at_the_frontend(settings, gql):
    settings.IGREN_FRONTEND_URL = "https://www.igren.example.jp"
    project = ProjectPage.objects.get(slug="noge")
    assert project.url == "https://www.igren.example.jp/projects/noge/"
    body = gql('{ project(slug: "noge") { url } }')
    assert body["data"]["project"]["url"] == "https://www.igren.example.jp/projects/noge/"


def test_admin_speaks_japanese_by_default(admin_client):
    response = admin_client.get("/admin/snippets/igren_snippets/venue/add/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "郵便番号" in html
    assert "アクセス" in html


def test_headless_mode_points_event_links_at_the_frontend(settings, gql):
    settings.IGREN_FRONTEND_URL = "https://www.igren.example.jp/"
    body = gql('{ event(slug: "kenou-regular") { url salon { url } } }')
    event = body["data"]["event"]
    assert event["url"] == "https://www.igren.example.jp/events/kenou-regular/"
    assert event["salon"]["url"] == "https://www.igren.example.jp/salons/kenou/"
    window = 'salon: "kenou", from: "2000-01-01", to: "2100-12-31"'
    listed = gql(f"{{ events({window}) {{ items {{ salon {{ url }} }} }} }}")
    assert listed["data"]["events"]["items"][0]["salon"]["url"] == event["salon"]["url"]


def test_linked_page_urls_are_absolute_like_every_other_url(gql):
    body = gql('{ event(slug: "kenou-regular") { url salon { url } } }')
    assert body["data"]["event"]["url"] == "http://testserver/events/kenou-regular/"
    assert body["data"]["event"]["salon"]["url"] == "http://testserver/salons/kenou/"
