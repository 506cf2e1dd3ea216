"""Japanese file names of uploads are read in Hepburn, never transliterated as Chinese."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


def png() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (8, 8), "white").save(out, "PNG")
    return out.getvalue()


def test_an_image_uploaded_in_the_admin_keeps_a_japanese_reading(client):
    client.force_login(get_user_model().objects.create_superuser("uploader"))
    upload = SimpleUploadedFile("横浜サロン　集合写真.png", png(), content_type="image/png")
    response = client.post(
        "/admin/images/multiple/add/",
        {"files[]": upload},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200, response.content[:300]
    image = get_image_model().objects.order_by("-pk").first()
    # (Wagtail's upload form drops the full-width space)
    assert image.file.name == "original_images/yokohamasaronshuugoushashin.png"
    assert "HengBang" not in image.file.name


def test_a_document_keeps_a_japanese_reading():
    document = get_document_model().objects.create(
        title="総会資料", file=SimpleUploadedFile("令和8年度 総会資料.pdf", b"%PDF-1.4\n")
    )
    assert document.file.name.startswith("documents/")
    assert "soukai" in document.file.name and document.file.name.endswith(".pdf")
    assert document.file.name.isascii()
    ascii_name = get_document_model().objects.create(
        title="x", file=SimpleUploadedFile("report-2026.pdf", b"%PDF-1.4\n")
    )
    assert ascii_name.file.name == "documents/report-2026.pdf"
