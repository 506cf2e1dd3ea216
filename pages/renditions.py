"""Renditions of many images in one query: a list's images, before any of them is resized."""

from django.db.models import Prefetch, prefetch_related_objects


def prefetch_renditions(images) -> None:
    """Load the existing renditions of `images` (model instances) in one query, where Wagtail's
    `get_rendition(s)` then finds them (`prefetched_renditions`) instead of a query per image."""
    waiting = [i for i in images if i is not None and not hasattr(i, "prefetched_renditions")]
    if waiting:
        renditions = waiting[0].get_rendition_model().objects.all()
        prefetch = Prefetch("renditions", renditions, to_attr="prefetched_renditions")
        prefetch_related_objects(waiting, prefetch)
