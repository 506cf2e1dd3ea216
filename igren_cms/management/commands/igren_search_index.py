from django.core.management.base import BaseCommand

from pages import search_index


class Command(BaseCommand):
    help = (
        "Rebuild the site-wide search rows from every live event, salon, project and history "
        "page (they are kept current on publish; run this after an upgrade or a bulk import)."
    )

    def handle(self, *args, **options):
        count = search_index.rebuild()
        self.stdout.write(f"Indexed {count} search entries.")
