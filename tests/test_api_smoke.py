"""GraphQL at /graphql/ answers for every page type, and a draft never appears."""

import pytest

from pages.models import ProjectPage, SalonPage

pytestmark = pytest.mark.django_db

QUERIES = {
    "home": "{ home { associationName shortName tagline url } }",
    "events": "{ events(perPage: 100) { items { title url start end status venue { name } "
    "categories { slug } } } }",
    "event": '{ event(slug: "kenou-regular") { title url salon { title } } }',
    "salons": "{ salons { title url areaName city openedLabel upcomingEvents { title } } }",
    "salon": '{ salon(slug: "kenou") { title url venue { name } } }',
    "projects": "{ projects(perPage: 100) { items { title url status "
    "partnerOrganisations { name } } } }",
    "project": '{ project(slug: "jica-training") { title url } }',
    "history": "{ history { title url entries { date precision wareki title } } }",
}


@pytest.mark.parametrize(("root", "query"), QUERIES.items())
def test_each_page_type_is_served(gql, root, query):
    body = gql(query)
    assert "errors" not in body, body
    data = body["data"][root]
    assert data, root
    items = data["items"] if isinstance(data, dict) and "items" in data else data
    items = items if isinstance(items, list) else [items]
    assert all(i["url"].startswith("http://testserver/") for i in items), "every page has a URL"


def test_event_times_carry_the_tokyo_offset(gql):
    body = gql("{ events(perPage: 100) { items { start end } } }")
    items = body["data"]["events"]["items"]
    assert items
    assert all(e["start"].endswith("+09:00") and e["end"].endswith("+09:00") for e in items)


def test_history_in_wareki(gql):
    body = gql("{ history { entries { wareki } } }")
    assert body["data"]["history"]["entries"][0]["wareki"] == "昭和59年4月20日"


def test_a_draft_never_appears(gql, make_event):
    make_event(title="下書きイベント-DRAFTMARK", slug="draft-mark", publish=False)
    body = gql('{ events(perPage: 100) { items { title } } event(slug: "draft-mark") { title } }')
    assert "DRAFTMARK" not in str(body)
    assert body["data"]["event"] is None


def test_unpublished_changes_of_a_live_page_stay_private(gql):
    project = ProjectPage.objects.get(slug="kamaishi")
    project.title = "未公開の変更-UNPUBMARK"
    project.save_revision()  # saved as a draft revision, not published
    body = gql("{ projects(perPage: 100) { items { title } } }")
    assert "UNPUBMARK" not in str(body)
    assert "岩手県釜石地域支援プロジェクト" in str(body)


def test_an_event_linking_to_a_draft_salon_does_not_reveal_it(gql, make_event):
    salon = SalonPage.objects.get(slug="seisho")
    salon.unpublish()
    make_event(title="西湘の催し", slug="seisho-event", salon=salon)
    body = gql('{ event(slug: "seisho-event") { title salon { title } } }')
    assert body["data"]["event"] == {"title": "西湘の催し", "salon": None}


@pytest.mark.parametrize("field", ["snippets", "pages", "pageTypes"])
def test_unsafe_root_fields_are_not_offered(gql, field):
    body = gql(f"{{ {field} {{ __typename }} }}", status=400)
    assert "Cannot query field" in body["errors"][0]["message"]
