"""The contract as a client's tools see it: standard introspection, graphql-codegen against the
live endpoint, enums, DateTime, nulls, error codes, and costs that follow the variables."""

import json
import subprocess
from pathlib import Path

import pytest
from graphql import (
    build_client_schema,
    build_schema,
    get_introspection_query,
    lexicographic_sort_schema,
    print_schema,
)

from igren_cms.api.pagination import MAX_PAGE
from pages.events.windows import current_months
from pages.models import EventPage
from tests.outside_tools import JS_DIR, node_with

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "igren_cms" / "schema.graphql"


def sorted_sdl(schema):
    return print_schema(lexicographic_sort_schema(schema))


def test_the_standard_introspection_query_returns_the_committed_schema(gql):
    query = get_introspection_query(
        descriptions=True, specified_by_url=True, directive_is_repeatable=True
    )
    body = gql(query)
    assert "errors" not in body, body.get("errors")
    live = build_client_schema(body["data"])
    assert sorted_sdl(live) == sorted_sdl(build_schema(SCHEMA_FILE.read_text()))


CODEGEN_DOCUMENT = """
query Route($path: String!) {
  page(path: $path) {
    __typename id title path url seoTitle searchDescription lastPublishedAt
    breadcrumbs { title path }
    ... on Event { start end status attendanceMode venue { name } onlineUrl body }
    ... on SalonIndex { introduction }
  }
  redirect(path: $path) { location isPermanent }
  navigation { title path }
}
"""


@pytest.mark.tools(node="@graphql-codegen/cli")
def test_graphql_codegen_generates_types_from_the_live_endpoint(served_site, tmp_path):
    node = node_with("@graphql-codegen/cli")
    (tmp_path / "route.graphql").write_text(CODEGEN_DOCUMENT)
    config = {
        "overwrite": True,
        "schema": f"{served_site.url}/graphql/",
        "documents": str(tmp_path / "route.graphql"),
        "generates": {
            str(tmp_path / "types.ts"): {"plugins": ["typescript", "typescript-operations"]}
        },
    }
    (tmp_path / "codegen.json").write_text(json.dumps(config))
    cli = JS_DIR / "node_modules" / "@graphql-codegen" / "cli" / "cjs" / "bin.js"
    completed = subprocess.run(
        [node, str(cli), "--config", str(tmp_path / "codegen.json")],
        cwd=JS_DIR,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    types = (tmp_path / "types.ts").read_text()
    assert "export enum EventStatus" in types
    assert "Cancelled = 'CANCELLED'" in types
    assert "export type RouteQuery" in types
    assert "DateTime" in types


def test_enums_datetimes_and_nulls(gql, make_event):
    make_event("空欄の多い催し", slug="blank-fields", fee="", registration_url="", summary="")
    event = gql(
        '{ event(slug: "blank-fields") { status attendanceMode start fee registrationUrl '
        "summary body onlineUrl organisations { kind website } } }"
    )["data"]["event"]
    assert event["status"] == "SCHEDULED" and event["attendanceMode"] == "OFFLINE"
    assert event["start"].endswith("+09:00") and "." not in event["start"]
    for name in ("fee", "registrationUrl", "summary", "body", "onlineUrl"):
        assert event[name] is None, name
    history = gql("{ history { entries { precision } } }")["data"]["history"]["entries"]
    assert {e["precision"] for e in history} <= {"YEAR", "MONTH", "DAY"}


def test_months_without_month_starts_this_month_in_tokyo(gql):
    this_month = f"{current_months(1)[0].start:%Y-%m}"
    explicit = gql(f'{{ events(month: "{this_month}", months: 2) {{ items {{ id }} }} }}')
    implicit = gql("{ events(months: 2) { items { id } } }")
    assert implicit["data"]["events"]["items"] == explicit["data"]["events"]["items"]
    assert implicit["data"]["events"]["items"]


def test_pagination_never_points_outside_its_pages(gql):
    p = gql("{ events(page: 99) { items { id } pagination { prevPage nextPage totalPages } } }")
    p = p["data"]["events"]["pagination"]
    assert p["nextPage"] is None and p["prevPage"] == p["totalPages"]
    body = gql(f"{{ events(page: {MAX_PAGE + 1}) {{ items {{ id }} }} }}")
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_one_bad_argument_keeps_the_other_fields(gql):
    body = gql(
        '{ project(slug: "japan-korea-business") { title } '
        'events(project: "no-such-project") { items { title } } }'
    )
    assert body["data"]["project"]["title"]
    assert body["data"]["events"] is None
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"


HEAVY = "query($p: Int) { events(perPage: $p) { items { jsonLd body title } } }"


def test_list_sizes_in_variables_are_costed_at_their_values(gql):
    ok = gql(HEAVY, {"p": 10})
    assert "errors" not in ok and ok["data"]["events"] is not None
    three = "query($p: Int) { a: events(perPage: $p) { items { jsonLd body title } } "
    three += "b: events(perPage: $p) { items { jsonLd body title } } "
    three += "c: events(perPage: $p) { items { jsonLd body title } } }"
    refused = gql(three, {"p": 100}, status=400)
    error = refused["errors"][0]
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert "limit of 5000" in error["message"] and "`events`" in error["message"]
    assert "errors" not in gql(three, {"p": 5})  # the same document, a small page: accepted


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("{ home { title ", "GRAPHQL_PARSE_FAILED"),
        ("{ home { nope } }", "GRAPHQL_VALIDATION_FAILED"),
        ("query($n: Int) { events(perPage: $n) { items { id } } }", "BAD_USER_INPUT"),
    ],
)
def test_every_error_carries_a_code(gql, query, code):
    variables = {"n": "ten"} if "$n" in query else None
    body = gql(query, variables, status=400)
    assert body["errors"][0]["extensions"]["code"] == code


def test_a_request_without_a_query_has_a_code(client):
    response = client.post("/graphql/", "{}", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


def test_enum_values_follow_the_models():
    from igren_cms.api import enums

    assert [m.value for m in enums.EventStatus] == list(EventPage.Status.values)
