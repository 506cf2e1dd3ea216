"""Many events fast, for the benchmarks: copies of one template event, made in SQL.

Wagtail's `add_child` takes milliseconds per page (tree bookkeeping, revisions), so 100,000
events through it would take longer than the benchmark. Here the template's page row, event row
and organisation/category links are copied with `INSERT … SELECT … FROM unnest(…)`, each copy
with its own tree path, slug, title, translation key, start and end; the parent's child count is
updated to match. PostgreSQL only. The copies share the template's revisions, which no public
output reads.
"""

import datetime

from django.db import connection
from wagtail.models import Page

OVERRIDDEN_PAGE_COLUMNS = {"id", "path", "slug", "title", "draft_title", "url_path"}
OVERRIDDEN_EVENT_COLUMNS = {"page_ptr_id", "start", "end"}


def _columns(table: str) -> list[str]:
    with connection.cursor() as cursor:
        return [c.name for c in connection.introspection.get_table_description(cursor, table)]


def template_event(start: datetime.datetime, title: str, slug: str, summary: str):
    """A published event under the event index, with a venue, the demo salon kenou, three
    organisations and two categories: what `clone_events` copies."""
    from pages.models import EventIndexPage, EventPage, SalonPage
    from snippets.models import Category, Organisation, Venue

    page = EventPage(
        title=title,
        slug=slug,
        start=start,
        end=start + datetime.timedelta(minutes=90),
        venue=Venue.objects.first(),
        salon=SalonPage.objects.get(slug="kenou"),
        summary=summary,
    )
    EventIndexPage.objects.get().add_child(instance=page)
    page.organisations.set(Organisation.objects.all()[:3])
    page.categories.set(Category.objects.all()[:2])
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


def clone_events(template, starts: list[datetime.datetime], label: str) -> int:
    """Copy `template` (a published EventPage) once per start time; returns how many."""
    if connection.vendor != "postgresql":
        raise SystemExit("bench.bulk needs PostgreSQL.")
    if not starts:
        return 0
    parent = template.get_parent()
    last = parent.get_last_child()
    first_step = Page._str2int(last.path[-Page.steplen :]) + 1
    paths = [
        Page._get_path(parent.path, parent.depth + 1, first_step + i) for i in range(len(starts))
    ]
    slugs = [f"{label}-{first_step + i}" for i in range(len(starts))]
    titles = [f"{template.title} {label} {i}" for i in range(len(starts))]
    duration = template.end - template.start
    page_columns = [c for c in _columns("wagtailcore_page") if c not in OVERRIDDEN_PAGE_COLUMNS]
    event_columns = [
        c for c in _columns("igren_pages_eventpage") if c not in OVERRIDDEN_EVENT_COLUMNS
    ]
    copied = ", ".join(f't."{c}"' for c in page_columns if c != "translation_key")
    listed = ", ".join(f'"{c}"' for c in page_columns if c != "translation_key")
    with connection.cursor() as cursor:
        cursor.execute(
            f"""  -- column names from introspection; every value is a parameter
            INSERT INTO wagtailcore_page
                (path, slug, title, draft_title, url_path, translation_key, {listed})
            SELECT n.path, n.slug, n.title, n.title, %s || n.slug || '/', gen_random_uuid(),
                   {copied}
            FROM wagtailcore_page t,
                 unnest(%s::text[], %s::text[], %s::text[]) AS n(path, slug, title)
            WHERE t.id = %s
            RETURNING id, path
            """,  # noqa: S608
            [parent.url_path, paths, slugs, titles, template.pk],
        )
        ids_by_path = {path: pk for pk, path in cursor.fetchall()}
        ids = [ids_by_path[path] for path in paths]
        event_copied = ", ".join(f't."{c}"' for c in event_columns)
        event_listed = ", ".join(f'"{c}"' for c in event_columns)
        cursor.execute(
            f"""
            INSERT INTO igren_pages_eventpage (page_ptr_id, start, "end", {event_listed})
            SELECT n.id, n.start, n.start + %s, {event_copied}
            FROM igren_pages_eventpage t, unnest(%s::int[], %s::timestamptz[]) AS n(id, start)
            WHERE t.page_ptr_id = %s
            """,  # noqa: S608
            [duration, ids, starts, template.pk],
        )
        links = (("organisations", "organisation_id"), ("categories", "category_id"))
        for relation, column in links:
            table = f"igren_pages_eventpage_{relation}"
            cursor.execute(
                f"""
                INSERT INTO {table} (eventpage_id, {column})
                SELECT n.id, t.{column} FROM {table} t, unnest(%s::int[]) AS n(id)
                WHERE t.eventpage_id = %s
                """,  # noqa: S608
                [ids, template.pk],
            )
        cursor.execute(
            "UPDATE wagtailcore_page SET numchild = numchild + %s WHERE id = %s",
            [len(ids), parent.pk],
        )
    return len(ids)


def analyze() -> None:
    """Fresh planner statistics: a server may run with autovacuum off."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
