"""活動報告 in the admin (menu: 活動報告): a 年度's events held, by salon, project and category,
with counts and a total; printable on A4, exported as XLSX and CSV (pages.activity_report)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from wagtail.admin.auth import require_admin_access

from pages import activity_report
from pages.events.presenter import fiscal_year
from pages.events.windows import today_in_tokyo
from pages.models.dates import is_event_fiscal_year
from pages.models.meeting_rules import fiscal_year_choices

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def chosen_year(request) -> int:
    value = request.GET.get("fiscal_year", "")
    if value.isascii() and value.isdigit() and is_event_fiscal_year(int(value)):
        return int(value)
    return fiscal_year(today_in_tokyo())


@require_GET
@require_admin_access
def activity_report_view(request):
    year = chosen_year(request)
    report = activity_report.editor_report(year)
    export = request.GET.get("export")
    if export in FORMATS:
        body = (activity_report.as_xlsx if export == "xlsx" else activity_report.as_csv)(report)
        response = HttpResponse(body, content_type=FORMATS[export])
        name = f"activity-report-{year}.{export}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return render(
        request,
        "igren_pages/admin/activity_report.html",
        {
            "report": report,
            "years": fiscal_year_choices(year),
        },
    )
