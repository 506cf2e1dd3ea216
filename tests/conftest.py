import functools

import pytest
from django.core.management import call_command
from django.test import Client

from pages.models import EventIndexPage, HomePage
from tests.factories import create_event
from tests.outside_tools import chromium, node_with


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The Igren demo site, loaded once; every test runs in a transaction rolled back after it."""
    with django_db_blocker.unblock():
        # The example meeting rules (and their meetings) and the English versions are left out
        # of the shared demo: the tests that need rules make their own, test_demo_content loads
        # the examples, and the i18n tests add the English pages for their module.
        call_command(
            "load_igren_demo", verbosity=0, without_meeting_rules=True, without_english=True
        )


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: responses cached under a content version would
    otherwise outlive the rollback of the test that published the content."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def event_index(db):
    return EventIndexPage.objects.get()


@pytest.fixture
def gql(db):
    """POST a GraphQL query to /graphql/ and return the decoded JSON body."""
    client = Client()

    def run(query, variables=None, status=200):
        response = client.post(
            "/graphql/",
            {"query": query, "variables": variables or {}},
            content_type="application/json",
            headers={"accept": "application/graphql-response+json, application/json;q=0.9"},
        )
        assert response.status_code == status, response.content
        return response.json()

    return run


@pytest.fixture
def make_event(event_index):
    """Create (and by default publish) an event under the demo event index."""
    return functools.partial(create_event, parent=event_index)


@pytest.fixture(scope="module")
def module_data(django_db_setup, django_db_blocker):
    """Data built once for a whole test module, committed, and removed after the module:
    `with module_data() as later:` runs the block with the database open; after the module,
    every page it created is deleted, then each `later(callable)` runs (for other rows the
    pages referred to). Heavy fixtures are built once per module, not per test."""
    from contextlib import contextmanager

    from wagtail.models import Page

    created, cleanups = [], []

    @contextmanager
    def open_database():
        with django_db_blocker.unblock():
            before = set(Page.objects.values_list("pk", flat=True))
            yield cleanups.append
            created.extend(set(Page.objects.values_list("pk", flat=True)) - before)

    yield open_database
    with django_db_blocker.unblock():
        for page in Page.objects.filter(pk__in=created).order_by("-depth"):
            page.delete()
        for cleanup in cleanups:
            cleanup()


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """The demo site behind a real HTTP server (runserver) on a free port of 127.0.0.1."""
    from tests.served_site import ServedSite

    site = ServedSite(tmp_path_factory.mktemp("served-site")).start()
    yield site
    site.stop()


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium through Playwright, one per test module."""
    from playwright.sync_api import sync_playwright

    from tests.outside_tools import CHROMIUM_ARGS

    executable = chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def pytest_runtest_setup(item):
    """`@pytest.mark.tools(node="pkg", chromium=True)`: check the outside tools a test needs
    before its fixtures start servers (a missing tool skips, or fails in CI, at once)."""
    for mark in item.iter_markers("tools"):
        if mark.kwargs.get("node"):
            node_with(mark.kwargs["node"])
        if mark.kwargs.get("chromium"):
            chromium()
