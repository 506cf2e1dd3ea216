"""Limits by real cost: single-object lookups cost what they take and aliases multiply them, list
variables are bounded, the body is capped, and each client has a budget of cost points per
minute (429 with Retry-After when spent), with each answer's cost in `extensions.cost`.
tests/production/test_production.py measures what the budget protects: another client's
median while one loops the most expensive accepted document."""

import json

import pytest
from django.test import Client

from pages.models import EventPage

pytestmark = pytest.mark.django_db
HEAVY = "jsonLd body when location"
GQL_ACCEPT = "application/graphql-response+json"


def post(client, query, variables=None, **extra):
    return client.post(
        "/graphql/",
        {"query": query, "variables": variables or {}},
        content_type="application/json",
        headers={"accept": GQL_ACCEPT},
        **extra,
    )


def aliased_lookups(count, fields=HEAVY):
    ids = list(EventPage.objects.live().values_list("id", flat=True))
    return (
        "{ "
        + " ".join(f"a{n}: event(id: {ids[n % len(ids)]}) {{ {fields} }}" for n in range(count))
        + " }"
    )


def cost_of(client, query, variables=None):
    response = post(client, query, variables)
    assert response.status_code == 200, response.content[:300]
    return response.json()["extensions"]["cost"]["requested"]


def test_aliases_of_a_lookup_multiply_its_cost_and_thirty_heavy_ones_are_refused(client):
    one = cost_of(client, aliased_lookups(1))
    ten = cost_of(client, aliased_lookups(10))
    assert ten == 10 * one
    assert one > 150  # a lookup costs what a list row with the same fields costs, and more
    refused = post(client, aliased_lookups(30))
    assert refused.status_code == 400
    (error,) = refused.json()["errors"]
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert "estimated cost" in error["message"]


def test_a_lookup_inside_a_fragment_at_the_root_costs_the_same(client):
    ids = list(EventPage.objects.live().values_list("id", flat=True))
    direct = cost_of(client, f"{{ event(id: {ids[0]}) {{ title }} }}")
    spread = cost_of(
        client, f"query {{ ...F }} fragment F on Query {{ event(id: {ids[0]}) {{ title }} }}"
    )
    assert direct == spread


def test_event_months_cost_grows_with_its_limit(client):
    small = cost_of(client, "{ eventMonths(months: 12, limit: 5) { month events { jsonLd } } }")
    large = cost_of(client, "{ eventMonths(months: 12, limit: 50) { month events { jsonLd } } }")
    assert large > 8 * small


def test_an_enum_list_longer_than_its_enum_is_refused_before_it_runs(client):
    query = 'query($t: [SearchType!]) { search(query: "サロン", types: $t) { items { title } } }'
    ok = post(client, query, {"t": ["EVENT", "SALON"]})
    assert ok.status_code == 200 and "errors" not in ok.json()
    response = post(client, query, {"t": ["EVENT"] * 5})
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "4" in error["message"]  # the enum's size is named


def test_a_long_list_variable_is_refused(client):
    query = 'query($t: [SearchType!]) { search(query: "a", types: $t) { items { title } } }'
    response = post(client, query, {"t": ["EVENT"] * 5000})
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "at most 100" in error["message"]


def test_a_body_over_64_kb_is_413_before_it_is_parsed(client):
    response = client.post(
        "/graphql/",
        data=json.dumps({"query": "{ home { title } }", "variables": {"x": "y" * 70_000}}),
        content_type="application/json",
    )
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"


def test_a_spent_budget_is_429_with_retry_after_for_that_client_only(settings):
    settings.IGREN_API = {"RATE_LIMIT": None, "COST_BUDGET": 1000}
    spender = Client(REMOTE_ADDR="198.51.100.70")
    query = aliased_lookups(1)
    statuses = []
    for _ in range(12):
        statuses.append(post(spender, query).status_code)
    assert statuses[0] == 200 and 429 in statuses
    refused = post(spender, query)
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 61
    (error,) = refused.json()["errors"]
    assert error["extensions"]["code"] == "RATE_LIMITED"
    assert "cost" in error["message"]
    other = Client(REMOTE_ADDR="198.51.100.71")
    assert post(other, query).status_code == 200


def test_the_sites_own_frontend_is_spared_the_budget_but_not_the_limits(settings):
    """A server-rendered frontend asks for every visitor from one address (BUDGET_EXEMPT)."""
    settings.IGREN_API = {
        "RATE_LIMIT": None,
        "COST_BUDGET": 1000,
        "BUDGET_EXEMPT": "198.51.100.0/28, 2001:db8::5",
    }
    frontend = Client(REMOTE_ADDR="198.51.100.9")
    query = aliased_lookups(1)
    assert {post(frontend, query).status_code for _ in range(12)} == {200}
    assert post(frontend, aliased_lookups(30)).status_code == 400  # MAX_COST still holds
    outsider = Client(REMOTE_ADDR="198.51.100.20")
    assert 429 in {post(outsider, query).status_code for _ in range(12)}


def test_cached_answers_cost_nothing(settings):
    settings.IGREN_API = {"RATE_LIMIT": None, "COST_BUDGET": 1000}
    client = Client(REMOTE_ADDR="198.51.100.72")
    query = aliased_lookups(1)
    for _ in range(20):  # the same GET: answered from the response cache after the first
        assert client.get("/graphql/", {"query": query}).status_code == 200
    assert post(client, query).status_code == 200  # the budget is still there


def test_fragments_on_two_object_types_cost_the_dearer_one_not_both(client):
    """An object has one type: of `... on Event` and `... on Project` under one field only one
    runs. A fragment on an interface (`... on Page`) runs too, so it adds up."""
    events = "events(perPage: 50) { items { jsonLd body } }"
    event_only = f'{{ page(path: "/events/") {{ ... on EventIndex {{ {events} }} }} }}'
    both = (
        f'{{ page(path: "/events/") {{ ... on EventIndex {{ {events} }} '
        "... on ProjectIndex { projects(perPage: 10) { items { body } } } } }"
    )
    with_interface = (
        f'{{ page(path: "/events/") {{ ... on EventIndex {{ {events} }} '
        "... on Page { breadcrumbs { title } introduction: title } } }"
    )
    assert cost_of(client, both) == cost_of(client, event_only)
    assert cost_of(client, with_interface) > cost_of(client, event_only)

    # Fragments on the same type (EventIndex) all run: each one more costs as much again.
    def repeated(times):
        fragments = " ".join(f"... on EventIndex {{ a{n}: {events} }}" for n in range(times))
        return cost_of(client, f'{{ page(path: "/events/") {{ {fragments} }} }}')

    once, twice, thrice = repeated(1), repeated(2), repeated(3)
    assert twice - once == thrice - twice > 1000
