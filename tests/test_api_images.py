"""Responsive images in the API: renditions from an allow-list, srcSet, focal-point crops,
WebP/AVIF, absolute URLs, and restricted collections never rendered."""

import io

import pytest
from django.core.cache import caches
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db

IMAGE_FIELDS = """
  title alt width height url focalPoint { x y width height }
  wide: rendition(width: 640) { url width height }
  square: rendition(width: 320, height: 320) { url width height }
  webp: rendition(width: 320, format: WEBP) { url }
  srcSet
"""


def two_colour_photo(name="photo.png", size=(2400, 1600), split=1200):
    """Red left of `split`, blue right of it: where a crop lands shows in the pixels."""
    picture = PILImage.new("RGB", size, (0, 0, 255))
    picture.paste((255, 0, 0), (0, 0, split, size[1]))
    data = io.BytesIO()
    picture.save(data, "PNG")
    return ImageFile(data, name=name)


@pytest.fixture(autouse=True)
def fresh_rendition_cache():
    caches["default"].clear()  # Wagtail caches renditions by image id; ids repeat after rollback


@pytest.fixture
def photo(make_event):
    image = Image.objects.create(
        title="交流会の写真",
        description="川崎サロンの交流会で名刺を交換する参加者",
        file=two_colour_photo(),
        focal_point_x=200,
        focal_point_y=800,
        focal_point_width=200,
        focal_point_height=200,
    )
    make_event("写真つきの会", "photo-event", image=image)
    return image


def event_image(gql, fields=IMAGE_FIELDS, slug="photo-event"):
    body = gql(f'{{ page(path: "/events/{slug}/") {{ ... on Event {{ image {{ {fields} }} }} }} }}')
    return body


def pixel(rendition_url, xy):
    from django.core.files.storage import default_storage

    path = rendition_url.split("/media/", 1)[1]
    with default_storage.open(path) as f:
        return PILImage.open(f).convert("RGB").getpixel(xy)


def test_renditions_srcset_alt_and_focal_point(gql, photo):
    body = event_image(gql)
    assert "errors" not in body, body
    image = body["data"]["page"]["image"]
    assert image["alt"] == "川崎サロンの交流会で名刺を交換する参加者"
    assert (image["width"], image["height"]) == (2400, 1600)
    assert image["focalPoint"] == {"x": 200, "y": 800, "width": 200, "height": 200}
    assert image["url"].startswith("http://testserver/media/original_images/")
    assert image["wide"]["url"].startswith("http://testserver/media/images/")
    assert (image["wide"]["width"], image["wide"]["height"]) == (640, 426)
    assert (image["square"]["width"], image["square"]["height"]) == (320, 320)
    assert image["webp"]["url"].endswith(".webp")
    entries = [e.rsplit(" ", 1) for e in image["srcSet"].split(", ")]
    assert [w for _, w in entries] == ["320w", "640w", "960w", "1280w", "1920w"]
    assert all(url.startswith("http://testserver/media/images/") for url, _ in entries)


def test_a_crop_keeps_the_focal_point_in_the_frame(gql, photo):
    square = event_image(gql)["data"]["page"]["image"]["square"]["url"]
    # Focal point at the far left: the 1600x1600 crop is the left part, three quarters red.
    assert pixel(square, (190, 160)) == (255, 0, 0)
    plain = Image.objects.create(title="焦点なし", file=two_colour_photo("plain.png"))
    # Without one the crop is centred: the same spot falls in the blue half.
    centred = plain.get_rendition("fill-320x320")
    assert pixel(centred.url, (190, 160)) == (0, 0, 255)


def test_sizes_outside_the_allow_list_are_refused_and_no_file_is_made(gql, photo):
    before = photo.renditions.count()
    for field in (
        "rendition(width: 333) { url }",
        "rendition(width: 320, height: 321) { url }",
        "srcSet(widths: [320, 500])",
        "srcSet(widths: [])",
    ):
        body = event_image(gql, field)
        error = body["errors"][0]
        assert error["extensions"]["code"] == "BAD_USER_INPUT", body
        assert "allowed" in error["message"] or "at least one" in error["message"]
        assert body["data"]["page"] is not None  # the page itself is still there
    assert photo.renditions.count() == before


def test_srcset_leaves_out_widths_wider_than_the_original(gql, make_event):
    small = Image.objects.create(
        title="小さな図", file=two_colour_photo("small.png", (700, 400), 350)
    )
    make_event("小さな図の会", "small-image", image=small)
    body = event_image(gql, "srcSet(format: WEBP)", slug="small-image")
    entries = body["data"]["page"]["image"]["srcSet"].split(", ")
    assert [e.rsplit(" ", 1)[1] for e in entries] == ["320w", "640w"]
    assert all(".webp " in e for e in entries)


def test_a_format_the_settings_leave_out_is_refused(gql, photo, settings):
    settings.IGREN_IMAGES = {"FORMATS": ("jpeg", "webp")}
    body = event_image(gql, "rendition(width: 320, format: AVIF) { url }")
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "JPEG, WEBP" in body["errors"][0]["message"]


def test_avif_where_pillow_writes_it(gql, photo):
    from PIL import features

    if not features.check("avif"):
        pytest.skip("this Pillow cannot write AVIF")
    body = event_image(gql, "rendition(width: 320, format: AVIF) { url }")
    assert body["data"]["page"]["image"]["rendition"]["url"].endswith(".avif")


def test_a_salon_image_in_a_restricted_collection_is_null_and_never_rendered(gql):
    from pages.models import SalonPage

    private = Collection.get_first_root_node().add_child(name="会員限定写真")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    hidden = Image.objects.create(
        title="限定", file=two_colour_photo("hidden.png"), collection=private
    )
    salon = SalonPage.objects.live().first()
    salon.image = hidden
    salon.save_revision().publish()
    body = gql("{ salons { slug image { srcSet } } }")
    row = next(s for s in body["data"]["salons"] if s["slug"] == salon.slug)
    assert row["image"] is None
    assert not hidden.renditions.exists()


def test_a_missing_original_gives_null_renditions_not_a_500(gql, photo):
    photo.file.storage.delete(photo.file.name)
    body = event_image(gql, "url rendition(width: 320) { url } srcSet")
    image = body["data"]["page"]["image"]
    assert image["url"].startswith("http://testserver/media/")
    assert image["rendition"] is None and image["srcSet"] is None
    assert "errors" not in body
