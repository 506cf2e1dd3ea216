from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from snippets.kana import ReadingMixin


class Category(index.Indexed, ReadingMixin):
    """A theme used to group events and projects (e.g. 国際交流, 産学連携)."""

    name = models.CharField(pgettext_lazy("category", "name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        allow_unicode=False,
        help_text=_("Latin letters, digits and hyphens; used in feed and API filters."),
    )

    panels = [FieldPanel("name"), FieldPanel("reading"), FieldPanel("slug")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("reading"),
        index.AutocompleteField("reading"),
    ]

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["reading_key", "name"]

    def __str__(self):
        return self.name


register_snippet(Category)
