"""Content the tests create, made the way an editor's publish makes it."""

from pages.models import EventIndexPage, EventPage


def create_event(title="テストイベント", slug=None, publish=True, parent=None, **fields):
    """An event under the demo event index, published unless `publish=False`."""
    from datetime import timedelta

    from django.utils import timezone

    from snippets.models import Venue

    start = fields.pop("start", timezone.now() + timedelta(days=3))
    fields.setdefault("end", start + timedelta(hours=2))
    fields.setdefault("venue", Venue.objects.first())
    page = EventPage(
        title=title, slug=slug or f"t-{abs(hash(title)) % 10**8}", start=start, **fields
    )
    (parent or EventIndexPage.objects.order_by("pk").first()).add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    else:
        page.live = False
        page.save(update_fields=["live"])
    return page
