from django.core.management.base import BaseCommand

from igren_cms.demo.loader import DemoLoader


class Command(BaseCommand):
    help = "Build the Igren demo site (history, projects, salons, this and next month's events)."

    def handle(self, *args, **options):
        report = DemoLoader().run()
        self.stdout.write(f"Igren demo content: {report}.")
