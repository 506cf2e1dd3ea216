from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from snippets.kana import ReadingMixin
from snippets.translatable import TranslatableSnippet, localize_fields, unique_in_locale


class Category(index.Indexed, ReadingMixin, TranslatableSnippet):
    """A theme used to group events and projects (e.g. 国際交流, 産学連携)."""

    name = models.CharField(pgettext_lazy("category", "name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
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
    unique_fields = ("name", "slug")
    translatable_fields = localize_fields(("name", "reading"), ("slug",))

    class Meta(TranslatableSnippet.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["reading_key", "name"]
        unique_together = ()
        constraints = unique_in_locale("name", "slug", model="category")

    def __str__(self):
        return self.name


register_snippet(Category)
