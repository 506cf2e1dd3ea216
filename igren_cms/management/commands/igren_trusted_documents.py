"""Register the documents a production frontend may send (trusted documents).

    manage.py igren_trusted_documents src/graphql/            # every *.graphql file below it
    manage.py igren_trusted_documents persisted-documents.json  # {"<sha256>": "<document>"}
    manage.py igren_trusted_documents --replace …               # forget the others
    manage.py igren_trusted_documents --list

The JSON manifest is the one graphql-codegen's client preset writes with
`persistedDocuments: true` (hash → document). Each document is checked against the schema and
this server's limits before it is registered, and stored under the SHA-256 of its text, which
is what Apollo's persisted-query link and codegen send.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from graphql import OperationDefinitionNode, parse

from igren_cms.api import limits
from igren_cms.api.persisted import sha256
from igren_cms.api.schema import schema
from igren_cms.models import TrustedDocument


class Command(BaseCommand):
    help = "Register trusted GraphQL documents from a directory of .graphql files or a manifest."

    def add_arguments(self, parser):
        parser.add_argument("source", nargs="?", help="A directory or a JSON manifest.")
        parser.add_argument("--replace", action="store_true", help="Remove all others first.")
        parser.add_argument("--list", action="store_true", help="List what is registered.")

    def handle(self, *args, source=None, replace=False, list=False, **options):
        if list:
            for doc in TrustedDocument.objects.order_by("name", "sha256"):
                self.stdout.write(f"{doc.sha256}  {doc.name or '-'}")
            return
        if not source:
            raise CommandError("Give a directory of .graphql files or a JSON manifest.")
        documents = self.read(Path(source))
        found = {}
        for label, text, given_hash in documents:
            digest = sha256(text)
            if given_hash and given_hash != digest:
                raise CommandError(f"{label}: the manifest's hash is not the document's SHA-256.")
            _, problems, _cost = limits.check(schema, text)
            if problems:
                raise CommandError(f"{label}: {problems[0].message}")
            found[digest] = (text, operation_name(text) or label)
        with transaction.atomic():
            if replace:
                TrustedDocument.objects.exclude(sha256__in=found).delete()
            for digest, (text, name) in found.items():
                TrustedDocument.objects.update_or_create(
                    sha256=digest, defaults={"document": text, "name": name[:200]}
                )
        self.stdout.write(f"Registered {len(found)} trusted documents.")

    def read(self, source: Path):
        if source.is_dir():
            files = sorted(source.rglob("*.graphql"))
            if not files:
                raise CommandError(f"No .graphql files under {source}.")
            return [(str(f), f.read_text(encoding="utf-8"), None) for f in files]
        if source.suffix == ".json":
            try:
                manifest = json.loads(source.read_text(encoding="utf-8"))
            except ValueError as error:
                raise CommandError(f"{source}: not JSON ({error}).") from None
            if not isinstance(manifest, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in manifest.items()
            ):
                raise CommandError(f"{source}: expected an object of hash → document.")
            return [(f"{source}:{k[:12]}", v, k) for k, v in manifest.items()]
        if source.is_file():
            return [(str(source), source.read_text(encoding="utf-8"), None)]
        raise CommandError(f"{source} does not exist.")


def operation_name(text: str) -> str:
    for definition in parse(text).definitions:
        if isinstance(definition, OperationDefinitionNode) and definition.name:
            return definition.name.value
    return ""
