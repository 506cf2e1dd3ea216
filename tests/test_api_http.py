"""GraphQL over HTTP: GET and POST, clear 400s, CORS for the API only, schema file current."""

import json

import pytest
from django.test import Client

from igren_cms.management.commands.export_schema import DEFAULT_PATH, schema_sdl

pytestmark = pytest.mark.django_db


def test_get_and_post_give_the_same_answer(client):
    query = '{ salon(slug: "kenou") { title } }'
    by_get = client.get("/graphql/", {"query": query})
    by_post = client.post("/graphql/", {"query": query}, content_type="application/json")
    assert by_get.status_code == by_post.status_code == 200
    assert by_get.json() == by_post.json()
    assert by_get.json()["data"] == {"salon": {"title": "県央サロン"}}
    # Each answer tells what it cost; what is left of the client's budget is a header of the
    # POST alone (a GET's body may be cached and shared).
    assert by_get.json()["extensions"]["cost"] == {"requested": 152, "budgetPerMinute": 50_000}
    assert int(by_post["X-Cost-Remaining"]) <= 50_000 - 152
    assert "X-Cost-Remaining" not in by_get
    assert by_get["Content-Type"].startswith("application/json")


def test_variables_over_get(client):
    response = client.get(
        "/graphql/",
        {
            "query": "query($s: String) { salon(slug: $s) { city } }",
            "variables": json.dumps({"s": "seisho"}),
        },
    )
    assert response.json()["data"]["salon"]["city"] == "小田原市"


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        ("{not json", "application/json", "invalid JSON"),
        ("[]", "application/json", "not a valid JSON query"),
        ("{}", "application/json", "Must provide query string"),
    ],
)
def test_malformed_requests_are_a_clear_400(client, body, content_type, expected):
    response = client.post("/graphql/", body, content_type=content_type)
    assert response.status_code == 400
    assert expected in response.content.decode()


def test_a_mutation_over_get_is_refused(client):
    response = client.get("/graphql/", {"query": "mutation { x }"})
    assert response.status_code in (400, 405)


def test_cors_for_any_origin_without_credentials(client):
    response = client.post(
        "/graphql/",
        {"query": "{ __typename }"},
        content_type="application/json",
        HTTP_ORIGIN="https://partner.example",
    )
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        "/graphql/",
        HTTP_ORIGIN="https://partner.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )
    assert preflight.status_code == 204
    assert "POST" in preflight["Access-Control-Allow-Methods"]


def test_the_admin_sends_no_cors_headers(client):
    response = client.get("/admin/login/", HTTP_ORIGIN="https://partner.example")
    assert "Access-Control-Allow-Origin" not in response


def test_committed_schema_is_current():
    assert DEFAULT_PATH.read_text(encoding="utf-8") == schema_sdl(), (
        "schema.graphql is stale: run `make schema`"
    )


def test_every_contract_field_is_described():
    from igren_cms.api.schema import schema

    missing = []
    for type_name, graphql_type in schema.graphql_schema.type_map.items():
        if type_name.startswith("__") or not hasattr(graphql_type, "fields"):
            continue
        for field_name, field in graphql_type.fields.items():
            if not field.description:
                missing.append(f"{type_name}.{field_name}")
    assert not missing


def test_a_browser_post_without_a_csrf_cookie_is_answered():
    # Partner pages POST from other origins with no Django cookie; the API takes no cookies.
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/graphql/", {"query": "{ __typename }"}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["data"] == {"__typename": "Query"}


def test_the_newer_media_type_is_negotiated():
    response = Client().post(
        "/graphql/",
        {"query": "{ __typename }"},
        content_type="application/json",
        headers={"accept": "application/graphql-response+json"},
    )
    assert response["Content-Type"] == "application/graphql-response+json; charset=utf-8"


@pytest.mark.parametrize(
    "body",
    [
        {"query": {"not": "a string"}},
        {"query": "{ __typename }", "variables": "[]"},
        {"query": "{ __typename }", "operationName": 7},
        {"query": "{ __typename }", "extensions": [1]},
    ],
)
def test_wrongly_typed_parameters_are_a_400(body):
    response = Client().post("/graphql/", body, content_type="application/json")
    assert response.status_code == 400
    assert "wrong type" in response.json()["errors"][0]["message"]
