import pytest
from django.core.management import call_command
from django.test import Client

from pages.models import EventIndexPage, EventPage, HomePage


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The Igren demo site, loaded once; every test runs in a transaction rolled back after it."""
    with django_db_blocker.unblock():
        call_command("load_igren_demo", verbosity=0)


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
    from datetime import timedelta

    from django.utils import timezone

    from snippets.models import Venue

    def make(title="テストイベント", slug=None, publish=True, **fields):
        start = fields.pop("start", timezone.now() + timedelta(days=3))
        fields.setdefault("end", start + timedelta(hours=2))
        fields.setdefault("venue", Venue.objects.first())
        page = EventPage(
            title=title, slug=slug or f"t-{abs(hash(title)) % 10**8}", start=start, **fields
        )
        event_index.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        else:
            page.live = False
            page.save(update_fields=["live"])
        return page

    return make


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """The demo site behind a real HTTP server (runserver) on a free port of 127.0.0.1."""
    from tests.served_site import ServedSite

    site = ServedSite(tmp_path_factory.mktemp("served-site")).start()
    yield site
    site.stop()
