from pathlib import Path

from django.core.management.base import BaseCommand

from igren_cms.api.schema import schema

# Inside the package, so the wheel ships it; the repository root links to it.
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "schema.graphql"


def schema_sdl() -> str:
    return str(schema).rstrip() + "\n"


class Command(BaseCommand):
    help = "Write the public GraphQL schema (SDL) to schema.graphql."

    def add_arguments(self, parser):
        parser.add_argument("--out", default=str(DEFAULT_PATH))

    def handle(self, *args, out, **options):
        Path(out).write_text(schema_sdl(), encoding="utf-8")
        self.stdout.write(f"Wrote {out}")
