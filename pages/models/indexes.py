"""The section pages that hold events, salons and projects."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from pages.events.windows import current_months
from pages.visibility import audience_for

from .base import IgrenPage
from .events import EventPage
from .projects import ProjectPage
from .salons import SalonPage


class SectionIndexPage(IgrenPage):
    """Abstract: a section page with an introduction, one per site."""

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = [*IgrenPage.content_panels, FieldPanel("introduction")]

    parent_page_types = ["igren_pages.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class EventIndexPage(SectionIndexPage):
    """The events section: lists this month's and next month's events."""

    subpage_types = ["igren_pages.EventPage"]

    class Meta:
        verbose_name = _("event index page")
        verbose_name_plural = _("event index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        audience = audience_for(request)
        context["months"] = EventPage.objects.listing(audience).in_months(
            current_months(2, audience.now)
        )
        return context


class SalonIndexPage(SectionIndexPage):
    """The regional salons section."""

    subpage_types = ["igren_pages.SalonPage"]

    class Meta:
        verbose_name = _("salon index page")
        verbose_name_plural = _("salon index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["salons"] = (
            SalonPage.objects.visible_to(audience_for(request))
            .in_opening_order()
            .select_related("venue")
        )
        return context


class ProjectIndexPage(SectionIndexPage):
    """The projects section."""

    subpage_types = ["igren_pages.ProjectPage"]

    class Meta:
        verbose_name = _("project index page")
        verbose_name_plural = _("project index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        projects = ProjectPage.objects.visible_to(audience_for(request)).order_by("path")
        context["active_projects"] = [p for p in projects if p.status == ProjectPage.Status.ACTIVE]
        context["completed_projects"] = [
            p for p in projects if p.status == ProjectPage.Status.COMPLETED
        ]
        return context
