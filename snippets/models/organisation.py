from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from snippets.kana import ReadingMixin
from snippets.translatable import TranslatableSnippet, localize_fields, unique_in_locale


class Organisation(index.Indexed, ReadingMixin, TranslatableSnippet):
    """A body that hosts, partners in or organises Igren activities."""

    class Kind(models.TextChoices):
        MEMBER_GROUP = "member_group", _("member group")
        UNIVERSITY = "university", _("university")
        MUNICIPALITY = "municipality", _("municipality")
        COMPANY = "company", _("company")
        PUBLIC_BODY = "public_body", _("public body")

    name = models.CharField(pgettext_lazy("organisation", "name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.MEMBER_GROUP
    )
    website = models.URLField(_("website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("reading"), FieldPanel("kind"), FieldPanel("website")]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("reading"),
        index.AutocompleteField("reading"),
        index.AutocompleteField("name"),
        index.FilterField("kind"),
    ]
    unique_fields = ("name",)
    translatable_fields = localize_fields(("name", "reading"), ("kind", "website"))

    class Meta(TranslatableSnippet.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["reading_key", "name"]
        unique_together = ()
        constraints = unique_in_locale("name", model="organisation")

    def __str__(self):
        return self.name


register_snippet(Organisation)
