from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from snippets.addresses import split_address
from snippets.kana import ReadingMixin
from snippets.translatable import TranslatableSnippet, localize_fields, unique_in_locale

postal_code_validator = RegexValidator(
    r"^\d{3}-\d{4}$", _("Enter the postal code as 123-4567 (three digits, a hyphen, four digits).")
)


class Venue(index.Indexed, ReadingMixin, TranslatableSnippet):
    """A place where events and salons meet, with an address for maps and calendars."""

    name = models.CharField(pgettext_lazy("venue", "name"), max_length=200)
    postal_code = models.CharField(
        _("postal code"),
        max_length=8,
        blank=True,
        validators=[postal_code_validator],
        help_text=_("For example 231-0015."),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    access_notes = models.TextField(
        _("access notes"),
        blank=True,
        help_text=_("How to get there, e.g. the nearest station and the walk from it."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("reading"),
        MultiFieldPanel([FieldPanel("postal_code"), FieldPanel("address")], heading=_("Address")),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Map position")),
        FieldPanel("access_notes"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("reading"),
        index.AutocompleteField("reading"),
        index.SearchField("address"),
        index.AutocompleteField("name"),
        index.AutocompleteField("address"),
    ]
    translatable_fields = localize_fields(
        ("name", "reading", "address", "access_notes"), ("postal_code", "latitude", "longitude")
    )

    class Meta(TranslatableSnippet.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["reading_key", "name"]
        unique_together = ()
        constraints = unique_in_locale(model="venue")

    def __str__(self):
        return self.name

    @property
    def full_address(self) -> str:
        prefix = f"〒{self.postal_code} " if self.postal_code else ""
        return f"{prefix}{self.address}".strip()

    @property
    def address_parts(self):
        """Prefecture, municipality and street (snippets.addresses)."""
        return split_address(self.address)


register_snippet(Venue)
