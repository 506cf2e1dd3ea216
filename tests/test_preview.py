"""Headless preview: with a frontend URL the admin's preview goes to the frontend's preview
route with a signed token, and `preview(token:)` returns the page as it stands in the editor
(unsaved changes included) through the live types; bad and expired tokens are errors with
codes, previews are never cached, and without a frontend URL Wagtail's own preview stays."""

import datetime
import urllib.parse

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.utils import timezone

from pages.models import EventPage

pytestmark = pytest.mark.django_db

QUERY = """query($t: String!) { preview(token: $t) {
  __typename title path
  ... on Event { status statusLabel location organisations { name } venue { name } }
} }"""


@pytest.fixture
def headless(settings):
    settings.IGREN_FRONTEND_URL = "https://front.example.jp"
    return settings


def admin_request():
    request = RequestFactory().get("/admin/")
    request.user = get_user_model()(is_superuser=True, is_staff=True)
    return request


def preview_token(page):
    response = page.serve_preview(admin_request(), page.default_preview_mode)
    assert response.status_code == 302
    location = urllib.parse.urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == (
        "https://front.example.jp/preview"
    )
    params = urllib.parse.parse_qs(location.query)
    return params["token"][0], params


def test_the_preview_shows_unsaved_changes_through_the_live_types(headless, client):
    event = EventPage.objects.get(slug="japan-korea-seminar")
    event.title = "まだ保存していない題名"
    event.status = "postponed"
    token, params = preview_token(event)
    # `type` is the GraphQL type the page comes back as; `model` what `type` said in 1.0.
    assert params["type"] == ["Event"] and params["model"] == ["EventPage"]
    assert params["path"] == ["/events/japan-korea-seminar/"]
    response = client.post(
        "/graphql/", {"query": QUERY, "variables": {"t": token}}, content_type="application/json"
    )
    body = response.json()
    assert "errors" not in body, body
    shown = body["data"]["preview"]
    assert shown["__typename"] == "Event" and shown["title"] == "まだ保存していない題名"
    assert shown["statusLabel"] == "延期" and shown["status"] == "POSTPONED"
    assert EventPage.objects.get(pk=event.pk).title != "まだ保存していない題名"  # nothing saved
    # A GET of a preview is never cacheable, by this server or a CDN.
    got = client.get("/graphql/", {"query": QUERY, "variables": f'{{"t": "{token}"}}'})
    assert got.json()["data"]["preview"]["title"] == "まだ保存していない題名"
    assert got["Cache-Control"] == "no-store" and "ETag" not in got


def test_a_new_page_can_be_previewed_before_its_first_save(headless, client, event_index):
    start = timezone.now() + datetime.timedelta(days=9)
    draft = EventPage(title="作成中のイベント", slug="", start=start,
                      end=start + datetime.timedelta(hours=1), attendance_mode="online",
                      online_url="https://meet.example.jp/x")  # fmt: skip
    # As Wagtail's preview on create does: placed in the tree, url_path set while the slug is
    # still empty, then the slug's default made from the title.
    draft.depth = event_index.depth + 1
    draft.path = event_index.get_last_child()._inc_path()
    draft.set_url_path(event_index)
    draft.minimal_clean()
    token, params = preview_token(draft)
    # The frontend's preview route gets the address the page will have once published.
    assert params["path"] == ["/events/作成中のイベント/"]
    body = client.post(
        "/graphql/",
        {"query": QUERY.replace("title path", "title path url"), "variables": {"t": token}},
        content_type="application/json",
    ).json()
    assert "errors" not in body, body
    shown = body["data"]["preview"]
    assert shown["title"] == "作成中のイベント" and shown["location"] == "オンライン"
    assert shown["path"] == "/events/作成中のイベント/"
    assert urllib.parse.unquote(shown["url"]) == "https://front.example.jp/events/作成中のイベント/"


def test_bad_and_expired_tokens_are_errors_with_codes(headless, client):
    event = EventPage.objects.get(slug="japan-korea-seminar")
    token, _ = preview_token(event)

    def ask(t):
        return client.post(
            "/graphql/", {"query": QUERY, "variables": {"t": t}}, content_type="application/json"
        ).json()

    def code(t):
        body = ask(t)
        assert body["data"]["preview"] is None
        return body["errors"][0]["extensions"]["code"]

    assert (
        code(token[:-2] + ("AA" if not token.endswith("AA") else "BB")) == "PREVIEW_TOKEN_INVALID"
    )
    assert code("not-a-token") == "PREVIEW_TOKEN_INVALID"
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
        assert code(token) == "PREVIEW_TOKEN_EXPIRED"
    assert ask(token)["data"]["preview"]["title"] == event.title  # still valid within the hour
    # Once the page is saved again, a token made for the earlier revision is out of date.
    event.save_revision()
    assert code(token) == "PREVIEW_TOKEN_EXPIRED"


def test_without_a_frontend_the_admin_preview_is_wagtails_own():
    event = EventPage.objects.get(slug="japan-korea-seminar")
    event.title = "管理画面だけのプレビュー"
    response = event.serve_preview(admin_request(), event.default_preview_mode)
    response.render()
    assert response.status_code == 200
    assert "管理画面だけのプレビュー" in response.content.decode()
