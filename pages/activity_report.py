"""The activity report (活動報告) of a 年度 for the general meeting (総会): every event held in
it, grouped by salon, project and category, with counts and a total.

Held means starting in the 年度 (1 April to 31 March, Tokyo) and not cancelled; a postponed
event is listed with the note 延期. An event counts once in the total and once in each group it
belongs to (an event of a salon and two categories is in three groups). The admin report, its
XLSX and CSV, and GraphQL's `activityReport` all come from `build()`.
"""

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import pgettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font

from pages.events import windows
from pages.events.presenter import fiscal_year_label
from pages.models import EventPage

SALON = "salon"
PROJECT = "project"
CATEGORY = "category"
KINDS = (SALON, PROJECT, CATEGORY)
KIND_LABELS = {SALON: "サロン", PROJECT: "プロジェクト", CATEGORY: "カテゴリ"}


@dataclass
class Group:
    kind: str
    name: str
    events: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.events)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass
class Report:
    fiscal_year: int
    events: list
    groups: list[Group]

    @property
    def label(self) -> str:
        return fiscal_year_label(self.fiscal_year)

    @property
    def total(self) -> int:
        return len(self.events)

    @property
    def postponed(self) -> int:
        return sum(1 for event in self.events if event.status == EventPage.Status.POSTPONED)


def held_in(events, fiscal_year: int):
    """The events of a queryset held in the 年度: started in it, not cancelled, in order."""
    return (
        events.filter(windows.fiscal_year_window(fiscal_year).q_start())
        .exclude(status=EventPage.Status.CANCELLED)
        .order_by("start", "pk")
    )


def editor_parts(event) -> tuple:
    """Salon, project and category names as the editors set them (the admin's report)."""
    return (
        event.salon.title if event.salon_id else None,
        event.project.title if event.project_id else None,
        [category.name for category in event.categories.all()],
    )


def public_parts(audience):
    """The same as the public sees them: a private salon or project names no group."""

    def parts(event):
        found = event.related(audience)
        return (
            found.salon.title if found.salon else None,
            found.project.title if found.project else None,
            [category["name"] for category in found.categories],
        )

    return parts


def build(fiscal_year: int, events, parts, order=None) -> Report:
    """Group `events` (already `held_in` the 年度); `parts(event)` names its salon, project and
    categories; `order` sorts group names within a kind (五十音 when given a reading key)."""
    events = list(events)
    found: dict[tuple[str, str], Group] = {}
    for event in events:
        salon, project, categories = parts(event)
        for kind, names in ((SALON, [salon]), (PROJECT, [project]), (CATEGORY, categories)):
            for name in names:
                if name:
                    found.setdefault((kind, name), Group(kind, name)).events.append(event)
    key = order or (lambda kind, name: name)
    groups = sorted(found.values(), key=lambda g: (KINDS.index(g.kind), key(g.kind, g.name)))
    return Report(fiscal_year, events, groups)


def editor_report(fiscal_year: int) -> Report:
    """Every live event of the 年度, as the office staff see them."""
    events = (
        held_in(EventPage.objects.live(), fiscal_year)
        .select_related("salon", "project", "venue")
        .prefetch_related("categories")
    )
    return build(fiscal_year, events, editor_parts)


# -- as a spreadsheet --------------------------------------------------------------------------

HEADINGS = (
    pgettext_lazy("activity report", "Group"),
    pgettext_lazy("activity report", "Name"),
    pgettext_lazy("activity report", "Date"),
    pgettext_lazy("activity report", "Event"),
    pgettext_lazy("activity report", "Note"),
)


def rows(report: Report):
    """One row per event in each group, then the group's count; the total last."""
    yield [str(h) for h in HEADINGS]
    for group in report.groups:
        for event in group.events:
            shown = event.presented("ja")  # the 総会 report is in Japanese
            note = shown.status_label
            yield [group.kind_label, group.name, shown.when_in_era, event.title, note]
        yield [group.kind_label, group.name, "", f"計 {group.count}件", ""]
    yield ["", "", "", f"{report.label} 合計 {report.total}件（うち延期 {report.postponed}件）", ""]


def as_csv(report: Report) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens the Japanese text as Japanese."""
    out = io.StringIO()
    csv.writer(out).writerows(rows(report))
    return out.getvalue().encode("utf-8-sig")


def as_xlsx(report: Report) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = report.label
    for row in rows(report):
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDE", (14, 24, 34, 40, 10), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
