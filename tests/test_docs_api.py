"""The GraphQL documents of docs/api.md ("Build a frontend" and the examples) run against the
demo without errors, so the documentation cannot drift from the schema."""

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parent.parent / "docs" / "api.md"
BLOCKS = re.findall(r"```graphql\n(.*?)```", DOC.read_text(), re.S)
VARIABLES = {"path": "/events/japan-korea-seminar/", "slug": "kawasaki"}


def test_the_walkthrough_has_documents():
    assert len(BLOCKS) >= 2


@pytest.mark.parametrize("document", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_every_documented_query_runs(gql, document):
    declared = set(re.findall(r"\$(\w+):", document))
    variables = {k: v for k, v in VARIABLES.items() if k in declared}
    if "token" in declared:  # the preview walkthrough: a token as the admin would make one
        from pages import previews
        from pages.models import EventPage

        variables["token"] = previews.issue(EventPage.objects.get(slug="japan-korea-seminar"))
    body = gql(document, variables)
    assert "errors" not in body, body["errors"]
    assert any(value not in (None, []) for value in body["data"].values())
