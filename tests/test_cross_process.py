"""One content version for every process, without Redis: the served demo site keeps it in the
standalone site's default cache (Django's database cache), so a publish made by another process
(here a management command, as a script or a second gunicorn worker would) is seen by the very
next request of the running server, on every cached output, and an old ETag gets the new answer
rather than a 304. tests/test_two_instances.py does the same with Redis, and
tests/test_production.py through the proxy and the edge cache."""

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest

SLUG = "japan-korea-seminar"
QUERY = urllib.parse.quote(f'{{ event(slug: "{SLUG}") {{ title }} }}')
OUTPUTS = [
    "/feeds/events.ics",
    "/feeds/events.rss",
    "/feeds/events.json",
    "/embed/events/?months=12",
    "/sitemap.xml",
    f"/graphql/?query={QUERY}",
]
RENAME = """
from pages.models import EventPage
event = EventPage.objects.get(slug="{slug}")
event.title = {title!r}
event.save_revision().publish()
"""


def fetch(url, **headers):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - our server
    try:
        with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:  # 304 arrives as an "error"
        return error.code, dict(error.headers), error.read().decode()


def rename(site, title):
    site.shell(RENAME.format(slug=SLUG, title=title))


@pytest.fixture(scope="module")
def original_title(served_site):
    _, _, body = fetch(f"{served_site.url}/graphql/?query={QUERY}")
    title = json.loads(body)["data"]["event"]["title"]
    yield title
    rename(served_site, title)  # the session's served site is shared: leave it as found


def test_the_served_site_keeps_its_cache_where_every_process_sees_it(served_site):
    assert served_site.env.get("REDIS_URL") in (None, "")
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    assert served_site.shell(code) == "django.core.cache.backends.db.DatabaseCache"


def test_a_publish_in_another_process_reaches_every_cached_output_at_once(
    served_site, original_title
):
    new_title = "日韓ビジネスセミナー（別プロセスで更新）"
    before = {}
    for path in OUTPUTS:
        status, headers, body = fetch(served_site.url + path)
        assert status == 200, path
        assert new_title not in body
        again = fetch(served_site.url + path, **{"If-None-Match": headers["ETag"]})
        assert again[0] == 304, path  # cached: a repeat is answered from the version alone
        before[path] = headers["ETag"]

    rename(served_site, new_title)

    for path in OUTPUTS:
        status, headers, body = fetch(served_site.url + path, **{"If-None-Match": before[path]})
        assert status == 200, f"{path} answered {status} to the ETag from before the publish"
        assert headers["ETag"] != before[path]
        if "sitemap" not in path:  # the sitemap lists URLs, not titles
            text = body.replace("\r\n ", "")  # iCalendar folds long lines
            if path.endswith(".json") or path.startswith("/graphql/"):
                text = json.dumps(json.loads(body), ensure_ascii=False)
            assert new_title in text, path
