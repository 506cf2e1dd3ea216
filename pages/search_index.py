"""Keeps `SearchEntry` rows in step with published content.

A page's rows are rewritten from its live content when it is published (Wagtail's
`page_published`, which scheduled publishing sends too) and removed when it is unpublished;
deleting a page deletes its rows (CASCADE). `rebuild()` (`manage.py igren_search_index`)
writes every row again, e.g. after an upgrade.
"""

from django.db import transaction
from wagtail.rich_text import get_text_for_indexing
from wagtail.signals import page_published, page_unpublished

from pages.events.windows import today_in_tokyo
from pages.models import EventPage, HistoryPage, ProjectPage, SalonPage, SearchEntry
from pages.text_search import fold, normalise


def _rich(html) -> str:
    """Rich text as its text, never its markup (tags, attributes, link targets)."""
    return get_text_for_indexing(str(html or ""))


def _plain(*parts) -> str:
    """The parts as one line of plain text, NFKC-normalised."""
    return normalise(" ".join(" ".join(str(p).split()) for p in parts if p))


def _row(page, kind, title, text, date=None, entry_id=None):
    title = normalise(title)[:255]
    return SearchEntry(
        page_id=page.pk,
        kind=kind,
        entry_id=entry_id,
        date=date,
        title=title,
        text=text,
        title_folded=fold(title),
        text_folded=fold(text),
    )


def documents(page) -> list:
    """The unsaved SearchEntry rows of one page's live content (none for other page types)."""
    if isinstance(page, EventPage):
        start = today_in_tokyo(page.start) if page.start else None
        return [_row(page, "event", page.title, _plain(page.summary, _rich(page.body)), start)]
    if isinstance(page, SalonPage):
        text = _plain(
            page.reading,
            page.area_name,
            page.city,
            page.meeting_schedule,
            page.summary,
            _rich(page.body),
        )
        return [_row(page, "salon", page.title, text, page.opened_on)]
    if isinstance(page, ProjectPage):
        return [
            _row(
                page,
                "project",
                page.title,
                _plain(page.reading, page.summary, _rich(page.body)),
                page.started_on,
            )
        ]
    if isinstance(page, HistoryPage):
        return [
            _row(page, "history", entry.title, _plain(_rich(entry.body)), entry.date, entry.pk)
            for entry in page.entries.all()
        ]
    return []


def reindex(page):
    """Rewrite the rows of one page from its current (live) content."""
    page = page.specific
    rows = documents(page) if page.live else []
    with transaction.atomic():
        SearchEntry.objects.filter(page_id=page.pk).delete()
        SearchEntry.objects.bulk_create(rows)


def forget(page):
    SearchEntry.objects.filter(page_id=page.pk).delete()


def rebuild() -> int:
    """Every row again, from every live page of an indexed type; returns the number of rows."""
    rows = []
    for model in (EventPage, SalonPage, ProjectPage, HistoryPage):
        pages = model.objects.live()
        if model is HistoryPage:
            pages = pages.prefetch_related("entries")
        for page in pages:
            rows.extend(documents(page))
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        SearchEntry.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def on_published(sender, instance, **kwargs):
    reindex(instance)


def on_unpublished(sender, instance, **kwargs):
    forget(instance)


def connect():
    page_published.connect(on_published, dispatch_uid="igren_search_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="igren_search_unpublished")
