"""Two app instances on shared services: the same database (PostgreSQL in the PostgreSQL pass,
one SQLite file otherwise), the same Redis (cache, content version, persisted queries) and the
same S3-compatible object store (moto's server, started here). A change published through one
instance shows through the other on the very next request: the page, the GraphQL answer (which
the other had cached), an image rendition's URL and the calendar feed. The bucket stays private:
files are served through the visibility gate, and a restricted collection's are not served."""

import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.outside_tools import scratch_postgres_database
from tests.served_site import ROOT, ServedSite, free_port

REDIS_DB_URL = "redis://127.0.0.1:6379/12"
BUCKET = "igren-media"
QUERY = (
    '{ event(slug: "japan-korea-seminar") { title image { rendition(width: 320) { url width } } } }'
)


def fetch(url, **headers):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - our servers
    with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310 - our servers
        return response.status, dict(response.headers), response.read()


def store_client(endpoint):
    """The store's client, with its keys (what the app instances use)."""
    import boto3

    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


@pytest.fixture(scope="module")
def object_store():
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            fetch(url + "/")
            break
        except OSError:
            time.sleep(0.2)
    store_client(url).create_bucket(Bucket=BUCKET)
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="module")
def shared_database(tmp_path_factory):
    """One database for both instances: PostgreSQL in the PostgreSQL pass, else a SQLite file."""
    fallback = f"sqlite:///{tmp_path_factory.mktemp('shared') / 'shared.sqlite3'}"
    for url in scratch_postgres_database("igren_two_instances"):
        yield url or fallback


@pytest.fixture(scope="module")
def instances(tmp_path_factory, object_store, shared_database):
    import redis

    redis.Redis.from_url(REDIS_DB_URL).flushdb()
    env = {
        "DATABASE_URL": shared_database,
        "REDIS_URL": REDIS_DB_URL,
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": object_store,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
    }
    first = ServedSite(tmp_path_factory.mktemp("instance-a"), env).start()
    second = ServedSite(tmp_path_factory.mktemp("instance-b"), env).start(prepare=False)
    yield first, second
    first.stop()
    second.stop()
    redis.Redis.from_url(REDIS_DB_URL).flushdb()


PUBLISH = """
from django.core.files.images import ImageFile
from PIL import Image as Picture
import io
from wagtail.images.models import Image
from pages.models import EventPage
data = io.BytesIO()
Picture.new("RGB", (1200, 800), (20, 120, 80)).save(data, "PNG")
image = Image.objects.create(title="二台目確認の写真", file=ImageFile(data, name="two.png"))
event = EventPage.objects.get(slug="japan-korea-seminar")
event.title = "日韓ビジネスセミナー（会場変更）"
event.image = image
event.save_revision().publish()
from wagtail.models import Collection, CollectionViewRestriction
hidden = Collection.get_first_root_node().add_child(name="会員限定の写真（二台）")
CollectionViewRestriction.objects.create(collection=hidden, restriction_type="login")
data = io.BytesIO()
Picture.new("RGB", (800, 600), (200, 20, 20)).save(data, "PNG")
secret = Image.objects.create(title="限定の写真", file=ImageFile(data, name="secret.png"),
                              collection=hidden)
print(secret.get_rendition("width-320").file.name)
print(secret.file.name)
"""


def bucket_objects(endpoint) -> list[str]:
    listing = store_client(endpoint).list_objects_v2(Bucket=BUCKET)
    return [item["Key"] for item in listing.get("Contents", [])]


def graphql(site):
    status, headers, body = fetch(f"{site.url}/graphql/?query={urllib.parse.quote(QUERY)}")
    assert status == 200
    return json.loads(body)["data"]["event"], headers


def test_a_publish_through_one_instance_shows_through_the_other(instances, object_store):
    first, second = instances
    before, _ = graphql(second)  # now cached by the second instance (in the shared cache)
    assert before["title"] != "日韓ビジネスセミナー（会場変更）"
    assert graphql(second)[0] == before

    made = subprocess.run(  # an editor's publish, through the first instance's code and settings
        [sys.executable, "manage.py", "shell", "-c", PUBLISH],
        cwd=ROOT,
        env=first.env,
        check=True,
        capture_output=True,
        text=True,
    )
    secret_rendition, secret_original = made.stdout.split()[-2:]

    after, _ = graphql(second)
    assert after["title"] == "日韓ビジネスセミナー（会場変更）"
    rendition = after["image"]["rendition"]
    # The file's address is the other instance's gate, and the file comes from the shared store.
    assert rendition["url"].startswith(f"{second.url}/media/images/")
    assert rendition["width"] == 320
    status, headers, body = fetch(rendition["url"])
    assert status == 200 and body[:8] == b"\x89PNG\r\n\x1a\n"
    assert headers["Cache-Control"] == "public, max-age=3600"
    # A restricted collection's rendition and original are not served, whoever guesses them.
    for name in (secret_rendition, secret_original):
        with pytest.raises(urllib.error.HTTPError) as refused:
            fetch(f"{second.url}/media/{name}")
        assert refused.value.code == 404, name
    # Nothing in the bucket can be read without the store's keys, at its plain address.
    objects = bucket_objects(object_store)
    assert secret_rendition in objects and len(objects) >= 4
    for name in objects:
        with pytest.raises(urllib.error.HTTPError) as denied:
            fetch(f"{object_store}/{BUCKET}/{urllib.parse.quote(name)}")
        assert denied.value.code == 403, name

    _, _, page = fetch(second.url + "/events/japan-korea-seminar/")
    assert "日韓ビジネスセミナー（会場変更）" in page.decode()
    _, _, feed = fetch(second.url + "/feeds/events.ics")
    assert "日韓ビジネスセミナー（会場変更）" in feed.decode()
    # The first instance agrees (its own host in the file's address).
    on_first = graphql(first)[0]
    assert on_first["title"] == after["title"]
    assert on_first["image"]["rendition"]["url"] == rendition["url"].replace(second.url, first.url)
