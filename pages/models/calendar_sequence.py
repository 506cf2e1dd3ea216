"""SEQUENCE for calendar subscribers: bumped whenever an event's time, place or status changes.

RFC 5545 clients keep one entry per UID and replace it when a higher SEQUENCE arrives. Every
full save compares the scheduling fields with the stored row and bumps the sequence when any of
them differs. The stored row is the truth, so publishing an older revision (whose content
carries an old sequence) never winds the sequence back.
"""

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

SCHEDULING_FIELDS = (
    "start",
    "end",
    "all_day",
    "status",
    "attendance_mode",
    "venue_id",
    "online_url",
)


def _canonical(value):
    """Equal for equal values, whichever time zone a datetime was loaded with."""
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC)
    return value


class CalendarSequenceMixin(models.Model):
    calendar_sequence = models.PositiveIntegerField(
        _("calendar sequence"),
        default=0,
        editable=False,
        help_text=_("Raised automatically when the time, place or status changes."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or set(update_fields) & {*SCHEDULING_FIELDS, "venue"}:
            self._advance_sequence()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "calendar_sequence"}
        return super().save(*args, **kwargs)

    def _advance_sequence(self):
        stored = None
        if self.pk:
            stored = (
                type(self)
                .objects.filter(pk=self.pk)
                .values_list("calendar_sequence", *SCHEDULING_FIELDS)
                .first()
            )
        if stored is None:
            self.calendar_sequence = 0
            return
        sequence, *before = stored
        now = [getattr(self, name) for name in SCHEDULING_FIELDS]
        changed = any(_canonical(a) != _canonical(b) for a, b in zip(before, now, strict=True))
        self.calendar_sequence = sequence + 1 if changed else sequence
