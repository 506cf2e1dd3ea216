"""The event page shows the event's image: responsive (srcset), cropped around the focal point,
and never an image from a restricted collection (no rendition of it is made)."""

import re

import pytest
from django.core.cache import caches
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rendition_cache():
    caches["default"].clear()  # Wagtail caches renditions by image id; ids repeat after rollback


def test_the_image_is_responsive_and_cropped_at_the_focal_point(client, make_event):
    image = Image.objects.create(
        title="交流会の様子",
        file=get_test_image_file(filename="salon-photo.png", size=(1600, 1200)),
        focal_point_x=1400,
        focal_point_y=200,
        focal_point_width=100,
        focal_point_height=100,
    )
    make_event("写真つきの交流会", "with-photo", image=image)
    html = client.get("/events/with-photo/").content.decode()
    img = re.search(r"<img [^>]*>", html.split('class="event-image"', 1)[1]).group(0)
    assert "srcset=" in img and 'sizes="(max-width: 960px) 100vw, 960px"' in img
    assert img.count(".fill-") == 4  # src plus three widths
    assert 'alt="交流会の様子"' in img
    rendition = image.get_rendition("fill-960x540")
    assert rendition.width == 960 and rendition.height == 540
    # The crop depends on the focal point: the same photo without one crops differently.
    plain = Image.objects.create(
        title="同じ写真", file=get_test_image_file(filename="plain.png", size=(1600, 1200))
    )
    assert plain.get_rendition("fill-960x540").focal_point_key != rendition.focal_point_key


def test_a_restricted_image_is_not_shown_or_rendered(client, make_event):
    private = Collection.get_first_root_node().add_child(name="内部写真")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    image = Image.objects.create(
        title="内部の写真",
        file=get_test_image_file(filename="internal-photo.png"),
        collection=private,
    )
    make_event("内部写真つきの会", "with-private-photo", image=image)
    html = client.get("/events/with-private-photo/").content.decode()
    assert "internal-photo" not in html
    assert 'class="event-image"' not in html
    assert not image.renditions.exists()
