from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import PageManager
from wagtail.search import index

from pages.visibility import GatedPageQuerySet
from snippets.kana import ReadingMixin

from .base import IgrenPage
from .meeting_rules import MeetingHost


class ProjectQuerySet(GatedPageQuerySet):
    """Public projects; domain filters live in the API and the index page."""


class ProjectPage(MeetingHost, ReadingMixin, IgrenPage):
    """A project the association runs or supports (事業化促進プロジェクト)."""

    class Status(models.TextChoices):
        ACTIVE = "active", pgettext_lazy("project status", "active")
        COMPLETED = "completed", _("completed")

    status = models.CharField(
        pgettext_lazy("project", "status"),
        max_length=10,
        choices=Status.choices,
        default=Status.ACTIVE,
    )
    started_on = models.DateField(_("started on"), null=True, blank=True)
    categories = ParentalManyToManyField(
        "igren_snippets.Category", verbose_name=_("categories"), blank=True, related_name="projects"
    )
    partner_organisations = ParentalManyToManyField(
        "igren_snippets.Organisation",
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="partner_projects",
    )
    summary = models.TextField(_("summary"), blank=True, max_length=500)
    body = RichTextField(_("body"), blank=True)

    objects = PageManager.from_queryset(ProjectQuerySet)()

    content_panels = [
        *IgrenPage.content_panels,
        FieldPanel("reading"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("started_on")]),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("partner_organisations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [
        *IgrenPage.search_fields,
        index.SearchField("reading"),
        index.AutocompleteField("reading"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]

    meetings_field = "project"
    reading_source = "title"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.meetings_context(request))
        return context

    parent_page_types = ["igren_pages.ProjectIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
