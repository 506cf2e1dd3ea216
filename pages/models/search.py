"""The folded text of every public page (and history entry) that site-wide search reads."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class SearchEntry(models.Model):
    """One searchable document: a page, or one entry of the history timeline.

    Rows are written when a page is published and removed when it is unpublished or deleted
    (pages/search_index.py); whether a row may be shown is still decided at request time by
    the visibility gate, through its page.
    """

    class Kind(models.TextChoices):
        EVENT = "event", _("event")
        SALON = "salon", _("salon")
        PROJECT = "project", _("project")
        HISTORY = "history", _("history entry")

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    entry_id = models.BigIntegerField(_("history entry"), null=True, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    # NFKC-normalised plain text, shown in snippets; the folded copies have the same length,
    # so a match found in them is at the same place in the text.
    title = models.CharField(pgettext_lazy("search entry", "title"), max_length=255)
    text = models.TextField(_("text"), blank=True)
    title_folded = models.CharField(max_length=255)
    text_folded = models.TextField(blank=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [models.Index(fields=["page"], name="igren_search_page")]

    def __str__(self):
        return self.title
