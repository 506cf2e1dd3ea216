"""Salons and projects in the admin in 五十音 order of their readings (JIS X 4061), each with
its reading and 五十音 row (menu: サロン（五十音順）, プロジェクト（五十音順）)."""

from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet

from pages.models import ProjectPage, SalonPage


class ReadingOrderIndexView(PageListingViewSet.index_view_class):
    default_ordering = "reading_key"

    def get_base_queryset(self):
        return super().get_base_queryset().order_by("reading_key", "path")


def reading_columns():
    return [
        *PageListingViewSet.columns,
        Column(
            "reading",
            label=pgettext_lazy("gojuon", "Reading"),
            accessor="reading",
            sort_key="reading_key",
        ),
        Column("gojuon_row", label=pgettext_lazy("gojuon", "Row"), accessor="gojuon_row"),
    ]


class SalonsInReadingOrder(PageListingViewSet):
    model = SalonPage
    icon = "group"
    menu_label = pgettext_lazy("gojuon", "Salons (五十音)")
    menu_order = 155
    add_to_admin_menu = True
    index_view_class = ReadingOrderIndexView
    columns = reading_columns()


class ProjectsInReadingOrder(PageListingViewSet):
    model = ProjectPage
    icon = "folder-open-inverse"
    menu_label = pgettext_lazy("gojuon", "Projects (五十音)")
    menu_order = 156
    add_to_admin_menu = True
    index_view_class = ReadingOrderIndexView
    columns = reading_columns()


salons_by_reading = SalonsInReadingOrder("igren_salons_by_reading")
projects_by_reading = ProjectsInReadingOrder("igren_projects_by_reading")
