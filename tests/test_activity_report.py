"""The 活動報告 of a 年度: counts against an independent count, the XLSX read back, the API."""

import datetime
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model

from pages import activity_report
from pages.events.windows import TOKYO
from pages.models import EventPage, ProjectPage, SalonPage
from snippets.models import Category
from tests.factories import create_event

pytestmark = pytest.mark.django_db
YEAR = 2025  # 令和7年度: 2025-04-01 to 2026-03-31, before the demo's events


def at(*args):
    return datetime.datetime(*args, tzinfo=TOKYO)


@pytest.fixture
def seeded(event_index):
    yokohama = SalonPage.objects.get(slug="yokohama")
    kawasaki = SalonPage.objects.exclude(pk=yokohama.pk).order_by("pk").first()
    project = ProjectPage.objects.order_by("pk").first()
    networking, business = Category.objects.order_by("pk")[:2]
    made = []

    def event(title, start, **fields):
        categories = fields.pop("categories", [])
        page = create_event(title, slug=f"r-{len(made)}", start=start, parent=event_index, **fields)
        if categories:
            page.categories.set(categories)
            page.save_revision().publish()
        made.append(page)
        return page

    event("first day", at(YEAR, 4, 1, 0, 0), salon=yokohama, categories=[networking])
    event("summer", at(YEAR, 7, 21, 18, 30), salon=yokohama, categories=[networking, business])
    event("kawasaki", at(YEAR, 9, 10, 18), salon=kawasaki)
    event("project", at(YEAR, 11, 5, 14), project=project, categories=[business])
    event("both", at(YEAR + 1, 2, 2, 10), salon=kawasaki, project=project)
    event("last minute", at(YEAR + 1, 3, 31, 23, 30), salon=yokohama)
    event("postponed", at(YEAR, 12, 1, 18), salon=yokohama, status=EventPage.Status.POSTPONED)
    event("cancelled", at(YEAR, 10, 1, 18), salon=yokohama, status=EventPage.Status.CANCELLED)
    event("too early", at(YEAR, 3, 31, 23, 59), salon=yokohama)
    event("next year", at(YEAR + 1, 4, 1, 0, 0), salon=yokohama)
    event("no group", at(YEAR, 6, 1, 10))
    return {
        "yokohama": yokohama,
        "kawasaki": kawasaki,
        "project": project,
        "networking": networking,
        "business": business,
    }


def independent_counts(seeded):
    """Counted straight in the database: start in [4/1, next 4/1) Tokyo, not cancelled."""
    held = (
        EventPage.objects.live()
        .filter(start__gte=at(YEAR, 4, 1), start__lt=at(YEAR + 1, 4, 1))
        .exclude(status="cancelled")
    )
    return {
        ("salon", seeded["yokohama"].title): held.filter(salon=seeded["yokohama"]).count(),
        ("salon", seeded["kawasaki"].title): held.filter(salon=seeded["kawasaki"]).count(),
        ("project", seeded["project"].title): held.filter(project=seeded["project"]).count(),
        ("category", seeded["networking"].name): held.filter(
            categories=seeded["networking"]
        ).count(),
        ("category", seeded["business"].name): held.filter(categories=seeded["business"]).count(),
    }, held.count()


def test_the_report_matches_an_independent_count(seeded):
    report = activity_report.editor_report(YEAR)
    counts, total = independent_counts(seeded)
    assert total == 8
    assert report.total == total and report.postponed == 1
    assert {(g.kind, g.name): g.count for g in report.groups} == counts
    assert counts[("salon", seeded["yokohama"].title)] == 4
    assert report.label == "令和7年度"
    assert [g.kind for g in report.groups] == ["salon", "salon", "project", "category", "category"]


def test_the_xlsx_and_csv_read_back(client, seeded):
    client.force_login(get_user_model().objects.create_superuser("report-admin"))
    page = client.get(f"/admin/igren/activity-report/?fiscal_year={YEAR}")
    assert page.status_code == 200
    html = page.content.decode()
    assert "令和7年度 活動報告" in html and 'data-total="8"' in html
    assert "size: A4" in html
    response = client.get(f"/admin/igren/activity-report/?fiscal_year={YEAR}&export=xlsx")
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert sheet.title == "令和7年度"
    counts, total = independent_counts(seeded)
    for (kind, name), count in counts.items():
        label = activity_report.KIND_LABELS[kind]
        events = [
            r for r in rows if r[0] == label and r[1] == name and r[3] and not r[3].startswith("計")
        ]
        assert len(events) == count, (kind, name)
        assert (label, name, None, f"計 {count}件", None) in rows
    assert rows[-1][3] == f"令和7年度 合計 {total}件（うち延期 1件）"
    assert any(r[2] == "令和7年7月21日（月・祝） 18:30〜20:30" for r in rows)  # 海の日
    assert any(r[4] == "延期" for r in rows)
    csv_body = client.get(f"/admin/igren/activity-report/?fiscal_year={YEAR}&export=csv").content
    assert csv_body.startswith("\ufeff".encode())
    assert f"令和7年度 合計 {total}件" in csv_body.decode("utf-8-sig")


def test_the_api_report_is_the_public_one(gql, seeded):
    query = """query($y: Int!) { activityReport(fiscalYear: $y) { fiscalYear label total
        groups { kind name count events { title start } } } }"""
    report = gql(query, {"y": YEAR})["data"]["activityReport"]
    counts, total = independent_counts(seeded)
    assert report["total"] == total and report["label"] == "令和7年度"
    assert {(g["kind"].lower(), g["name"]): g["count"] for g in report["groups"]} == counts
    yokohama = next(g for g in report["groups"] if g["name"] == seeded["yokohama"].title)
    assert [e["title"] for e in yokohama["events"]] == [
        "first day",
        "summer",
        "postponed",
        "last minute",
    ]
    # A private salon names no group in public; its events still count in the total.
    seeded["kawasaki"].unpublish()
    report = gql(query, {"y": YEAR})["data"]["activityReport"]
    assert seeded["kawasaki"].title not in {g["name"] for g in report["groups"]}
    assert report["total"] == total
    bad = gql("{ activityReport(fiscalYear: 99999) { total } }")
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
