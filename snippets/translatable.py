"""Snippets in several languages: a venue, organisation or category has a version per content
language, tied by Wagtail's `translation_key` (TranslatableMixin), as pages do.

- Names are unique within one language, not across them: the English 横浜産貿ホール is its own
  row. `clean()` says so in the editor's words before the database would refuse it.
- Which fields a translator writes and which follow the source: `localize_fields`, read by
  wagtail-localize (the standalone site's translation editor; a host site may not have it, and
  then nothing reads it).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin


def localize_fields(translated: tuple[str, ...], synchronized: tuple[str, ...]) -> list:
    """wagtail-localize's field list: `translated` are written per language, `synchronized`
    are copied from the source on every sync (a slug, a postal code, a map position)."""
    try:
        from wagtail_localize.fields import SynchronizedField, TranslatableField
    except ImportError:  # wagtail-localize is optional: the standalone site's choice
        return []
    return [TranslatableField(name) for name in translated] + [
        SynchronizedField(name) for name in synchronized
    ]


def unique_in_locale(*fields: str, model: str) -> list[models.UniqueConstraint]:
    """One row per (field, language), and one per (translation_key, language)."""
    return [
        models.UniqueConstraint(
            fields=("translation_key", "locale"), name=f"unique_translation_key_locale_{model}"
        ),
        *(
            models.UniqueConstraint(fields=(field, "locale"), name=f"unique_{model}_{field}_locale")
            for field in fields
        ),
    ]


class TranslatableSnippet(TranslatableMixin):
    """A snippet with a version per language; `unique_fields` are unique within a language."""

    unique_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.locale_id is None:
            self.locale = self.get_default_locale()
        errors = {}
        for field in self.unique_fields:
            value = getattr(self, field)
            same = type(self)._default_manager.filter(locale_id=self.locale_id, **{field: value})
            if value and same.exclude(pk=self.pk).exists():
                label = self._meta.get_field(field).verbose_name
                errors[field] = _(
                    "Another %(model)s in this language already has this %(field)s."
                ) % {"model": self._meta.verbose_name, "field": label}
        if errors:
            raise ValidationError(errors)
