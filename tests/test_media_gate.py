"""Uploaded files only through the visibility gate (igren_cms/media.py): a guessed `/media/` URL
gives nothing of a restricted collection, never an original or a document file, and no upload
can run script on the site's origin. The same sweep runs through the real proxy in
tests/test_production.py."""

import io

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db


def png(name):
    data = io.BytesIO()
    PILImage.new("RGB", (64, 48), (200, 30, 30)).save(data, "PNG")
    return ImageFile(data, name=name)


@pytest.fixture
def files(settings, tmp_path):
    # Files on disk, as deployed: Wagtail's document view reads the file's path.
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    root = Collection.get_first_root_node()
    private = root.add_child(name="会員限定")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    public_image = Image.objects.create(title="公開", file=png("open.png"))
    hidden_image = Image.objects.create(title="限定", file=png("members.png"), collection=private)
    page = ContentFile(b"<script>document.title='owned'</script>", name="notes.html")
    document = Document.objects.create(title="メモ", file=page)
    hidden_document = Document.objects.create(
        title="会員資料",
        file=ContentFile(b"%PDF-1.4 members", name="members.pdf"),
        collection=private,
    )
    return {
        "public": public_image.get_rendition("width-40"),
        "hidden": hidden_image.get_rendition("width-40"),
        "hidden_image": hidden_image,
        "public_image": public_image,
        "document": document,
        "hidden_document": hidden_document,
    }


@pytest.fixture
def admin_client():
    client = Client()
    client.force_login(User.objects.create_superuser("gate-admin", "a@example.com", "x" * 12))
    return client


def media(client, name):
    return client.get(f"/media/{name}")


def assert_guarded(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_a_public_rendition_is_served_cacheable(client, files):
    response = media(client, files["public"].file.name)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=3600"
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    assert_guarded(response)


def test_a_restricted_collections_rendition_is_not_found_publicly(client, files):
    response = media(client, files["hidden"].file.name)
    assert response.status_code == 404
    assert response["Cache-Control"] == "private, no-store"  # no shared cache keeps the answer
    assert_guarded(response)


@pytest.mark.parametrize("which", ["public_image", "hidden_image"])
def test_originals_are_never_public(client, files, which):
    assert media(client, files[which].file.name).status_code == 404


def test_an_editor_still_sees_restricted_thumbnails_and_originals_privately(admin_client, files):
    for name in (files["hidden"].file.name, files["hidden_image"].file.name):
        response = media(admin_client, name)
        assert response.status_code == 200, name
        assert response["Cache-Control"] == "private, no-store"
        assert_guarded(response)


def test_document_files_are_never_served_not_even_to_editors(client, admin_client, files):
    for who in (client, admin_client):
        for key in ("document", "hidden_document"):
            assert media(who, files[key].file.name).status_code == 404


def test_an_uploaded_html_document_downloads_through_wagtails_view_and_cannot_script(client, files):
    document = files["document"]
    url = document.url
    assert url.startswith(f"/documents/{document.id}/"), url  # the view, never /media/
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_a_restricted_document_asks_for_a_login(client, files):
    response = client.get(files["hidden_document"].url)
    assert response.status_code == 302
    assert "/login" in response["Location"] or "/admin/login" in response["Location"]


@pytest.mark.parametrize(
    "path",
    [
        "images/../original_images/open.png",
        "images//members.width-40.png",
        "images/nothing-here.png",
        "../igren_site/settings/base.py",
        "documents/",
        "%2e%2e/etc/passwd",
    ],
)
def test_guessed_and_crafted_paths_get_a_plain_404(client, files, path):
    response = client.get(f"/media/{path}")
    assert response.status_code == 404
    assert b"Traceback" not in response.content


def test_writing_methods_are_refused(client, files):
    assert client.post(f"/media/{files['public'].file.name}").status_code == 405
