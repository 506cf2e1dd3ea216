"""Indexes for a large archive of events (see docs/operations.md, "At 100,000 events").

- `igren_event_end`: public lists read events that end after a moment.
- Partial indexes on Wagtail's page table for scheduled go-live and expiry: the response cache
  asks for the next such moment (igren_cms.delivery.next_boundary); only scheduled pages are in
  them, so they stay tiny. Both PostgreSQL and SQLite support `CREATE INDEX … WHERE`.
"""

from django.conf import settings
from django.db import migrations, models

PARTIAL_INDEXES = [
    ("igren_page_go_live_at", "go_live_at"),
    ("igren_page_expire_at", "expire_at"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("igren_pages", "0002_search_entry"),
        ("igren_snippets", "0001_initial"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="eventpage",
            index=models.Index(fields=["end"], name="igren_event_end"),
        ),
        *(
            migrations.RunSQL(
                f"CREATE INDEX IF NOT EXISTS {name} ON wagtailcore_page ({column}) "
                f"WHERE {column} IS NOT NULL",
                f"DROP INDEX IF EXISTS {name}",
                elidable=False,
            )
            for name, column in PARTIAL_INDEXES
        ),
    ]
