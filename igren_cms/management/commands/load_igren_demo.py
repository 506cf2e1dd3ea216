from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from igren_cms.demo.loader import DemoLoader, DemoPlanError


def find_page(value: str) -> Page:
    """A page by id (42) or by URL path below the tree's root (/, /home/, /home/about/)."""
    if value.isascii() and value.isdecimal():
        page = Page.objects.filter(pk=int(value)).first()
    else:
        path = "/" + value.strip("/") + "/" if value.strip("/") else "/"
        root = Page.get_first_root_node()
        page = root if path == "/" else Page.objects.filter(url_path=path).first()
    if page is None:
        raise CommandError(f"No page {value!r}: give a page id or a URL path such as /home/.")
    return page


class Command(BaseCommand):
    help = (
        "Build the Igren demo site (history, projects, salons, this and next month's events). "
        "On a fresh install it becomes the default site; on a site with pages of its own, pass "
        "--parent. Existing pages and Site records are never deleted or repointed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--parent",
            help="Page id or URL path (e.g. / or /home/) to put the Igren home page under.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be done and change nothing."
        )
        parser.add_argument(
            "--without-meeting-rules",
            action="store_true",
            help="Leave out the example meeting rules (and the meetings they make).",
        )
        parser.add_argument(
            "--without-english",
            action="store_true",
            help="Leave out the English versions of pages (made when content has English).",
        )

    def handle(
        self,
        *args,
        parent=None,
        dry_run=False,
        without_meeting_rules=False,
        without_english=False,
        **options,
    ):
        try:
            loader = DemoLoader(
                parent=find_page(parent) if parent else None,
                meeting_rules=not without_meeting_rules,
                english=not without_english,
            )
        except DemoPlanError as exc:
            raise CommandError(str(exc)) from None
        if options["verbosity"] > 0 or dry_run:
            self.stdout.write(f"Igren demo: {loader.plan}.")
        if dry_run:
            return
        report = loader.run()
        if options["verbosity"] > 0:
            self.stdout.write(f"Igren demo content: {report}.")
