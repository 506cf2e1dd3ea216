"""Rate limits on the public endpoints (429 + Retry-After) and django-axes lockouts for admin
logins and page passwords (after 10 failures the right password does not get in either)."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client
from wagtail.models import PageViewRestriction

pytestmark = pytest.mark.django_db


@pytest.fixture
def limited(settings):
    cache.clear()
    settings.IGREN_API = {"RATE_LIMIT": "5/m"}
    yield
    cache.clear()


@pytest.mark.parametrize(
    "path",
    ["/graphql/?query=%7Bhome%7Btitle%7D%7D", "/feeds/events.ics", "/embed/events/"],
)
def test_the_sixth_request_in_a_minute_is_429(limited, path):
    client = Client(REMOTE_ADDR="203.0.113.7")
    for _ in range(5):
        assert client.get(path).status_code == 200
    refused = client.get(path)
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60  # until this client's minute window resets
    assert refused["Access-Control-Allow-Origin"] == "*"
    if path.startswith("/graphql/"):
        assert refused.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    # Another client, and another endpoint group for the same client, are not affected.
    assert Client(REMOTE_ADDR="203.0.113.8").get(path).status_code == 200
    other = "/feeds/events.rss" if not path.startswith("/feeds/") else "/embed/events/"
    assert client.get(other).status_code == 200


def test_none_turns_rate_limiting_off(settings):
    cache.clear()
    settings.IGREN_API = {"RATE_LIMIT": None}
    client = Client(REMOTE_ADDR="203.0.113.9")
    assert all(client.get("/feeds/events.ics").status_code == 200 for _ in range(12))


def login(client, password):
    return client.post("/admin/login/", {"username": "editor", "password": password})


def test_admin_login_is_locked_after_ten_failures_even_for_the_right_password():
    User.objects.create_user("editor", password="correct horse battery", is_superuser=True)
    client = Client(REMOTE_ADDR="198.51.100.20")
    for _ in range(9):
        assert login(client, "wrong").status_code == 200  # the form again
    tenth = login(client, "wrong")
    assert tenth.status_code == 429
    locked = login(client, "correct horse battery")
    assert locked.status_code == 429
    assert "ログインを一時的に停止しています" in locked.content.decode()
    assert int(locked["Retry-After"]) > 0
    assert client.get("/admin/").status_code == 302  # still not logged in


def test_a_correct_login_before_the_limit_works():
    User.objects.create_user("editor", password="correct horse battery", is_superuser=True)
    client = Client(REMOTE_ADDR="198.51.100.21")
    for _ in range(3):
        login(client, "wrong")
    assert login(client, "correct horse battery").status_code == 302
    assert client.get("/admin/").status_code == 200


def test_page_passwords_are_locked_after_ten_failures(make_event):
    page = make_event("会員限定の説明会", "members-briefing")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password="kanagawa-2026"
    )
    url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    client = Client(REMOTE_ADDR="198.51.100.30")
    for _ in range(10):
        response = client.post(url, {"password": "guess", "return_url": page.url})
        assert response.status_code in (200, 429)
    refused = client.post(url, {"password": "kanagawa-2026", "return_url": page.url})
    assert refused.status_code == 429
    assert "ログインを一時的に停止しています" in refused.content.decode()
    assert "会員限定の説明会" not in client.get(page.url).content.decode()
    # The lock is this client's, on this restriction: the same form sent from another page
    # the restriction covers is refused too, while another address gets in at once.
    child_url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk + 1000}/"
    assert client.post(child_url, {"password": "guess", "return_url": "/"}).status_code == 429
    other = Client(REMOTE_ADDR="198.51.100.31")
    passed = other.post(url, {"password": "kanagawa-2026", "return_url": page.url})
    assert passed.status_code == 302
    assert "会員限定の説明会" in other.get(page.url).content.decode()


def test_a_locked_address_does_not_lock_the_account_for_others():
    User.objects.create_user("editor", password="correct horse battery", is_superuser=True)
    attacker = Client(REMOTE_ADDR="198.51.100.40")
    for _ in range(10):
        login(attacker, "wrong")
    assert login(attacker, "correct horse battery").status_code == 429
    editor = Client(REMOTE_ADDR="198.51.100.41")
    assert login(editor, "correct horse battery").status_code == 302


def test_behind_a_trusted_proxy_the_forwarded_address_is_the_client(settings):
    settings.IGREN_TRUSTED_PROXIES = ["127.0.0.1/32"]
    User.objects.create_user("editor", password="correct horse battery", is_superuser=True)
    attacker = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.60")
    for _ in range(10):
        login(attacker, "wrong")
    assert login(attacker, "correct horse battery").status_code == 429
    # Another client through the same proxy logs in at once.
    editor = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.61")
    assert login(editor, "correct horse battery").status_code == 302


def test_an_untrusted_peer_cannot_choose_its_address_by_header(settings):
    settings.IGREN_TRUSTED_PROXIES = ["127.0.0.1/32"]
    User.objects.create_user("editor", password="correct horse battery", is_superuser=True)
    for n in range(10):  # a new forged address on every try
        login(Client(REMOTE_ADDR="198.51.100.50", HTTP_X_FORWARDED_FOR=f"10.9.9.{n}"), "wrong")
    locked = Client(REMOTE_ADDR="198.51.100.50", HTTP_X_FORWARDED_FOR="10.9.9.99")
    assert login(locked, "correct horse battery").status_code == 429
