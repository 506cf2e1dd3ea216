"""GraphQL at /graphql/ answers for every page type, and a draft never appears."""

import pytest

from pages.models import ProjectPage

pytestmark = pytest.mark.django_db

PAGE_TYPES = {
    "pages.HomePage": "... on HomePage { associationName tagline }",
    "pages.EventIndexPage": "... on EventIndexPage { introduction }",
    "pages.EventPage": "... on EventPage { start end status venue { name } categories { slug } }",
    "pages.SalonIndexPage": "... on SalonIndexPage { introduction }",
    "pages.SalonPage": "... on SalonPage { areaName city openedLabel }",
    "pages.ProjectIndexPage": "... on ProjectIndexPage { introduction }",
    "pages.ProjectPage": "... on ProjectPage { status partnerOrganisations { name } }",
    "pages.HistoryPage": "... on HistoryPage { entries { date precision wareki title } }",
}


@pytest.mark.parametrize(("content_type", "fragment"), PAGE_TYPES.items())
def test_each_page_type_is_served(gql, content_type, fragment):
    body = gql(f'{{ pages(contentType: "{content_type}", limit: 100) {{ title url {fragment} }} }}')
    assert "errors" not in body, body
    pages = body["data"]["pages"]
    assert pages, content_type
    assert all(p["url"] for p in pages), "every page has a URL"


def test_event_times_carry_the_tokyo_offset(gql):
    body = gql('{ pages(contentType: "pages.EventPage") { ... on EventPage { start end } } }')
    assert all(
        e["start"].endswith("+09:00") and e["end"].endswith("+09:00") for e in body["data"]["pages"]
    )


def test_history_in_wareki(gql):
    body = gql(
        '{ pages(contentType: "pages.HistoryPage") { ... on HistoryPage { entries { wareki } } } }'
    )
    assert body["data"]["pages"][0]["entries"][0]["wareki"] == "昭和59年4月20日"


def test_a_draft_never_appears(gql, make_event):
    make_event(title="下書きイベント-DRAFTMARK", slug="draft-mark", publish=False)
    body = gql('{ pages(limit: 100) { title } page(slug: "draft-mark") { title } }')
    assert "DRAFTMARK" not in str(body)
    assert body["data"]["page"] is None


def test_unpublished_changes_of_a_live_page_stay_private(gql):
    project = ProjectPage.objects.get(slug="kamaishi")
    project.title = "未公開の変更-UNPUBMARK"
    project.save_revision()  # saved as a draft revision, not published
    body = gql('{ pages(contentType: "pages.ProjectPage", limit: 100) { title } }')
    assert "UNPUBMARK" not in str(body)
    assert "岩手県釜石地域支援プロジェクト" in str(body)


def test_an_event_linking_to_a_draft_salon_does_not_reveal_it(gql, make_event):
    from pages.models import SalonPage

    salon = SalonPage.objects.get(slug="seisho")
    salon.unpublish()
    make_event(title="西湘の催し", slug="seisho-event", salon=salon)
    body = gql('{ page(slug: "seisho-event") { ... on EventPage { salon { title } } } }')
    assert body["data"]["page"]["salon"] is None


@pytest.mark.parametrize("field", ['search(query: "サロン")', "snippets", "redirects"])
def test_unsafe_root_fields_are_not_offered(gql, field):
    body = gql(f"{{ {field} {{ __typename }} }}", status=400)
    assert "Cannot query field" in body["errors"][0]["message"]
