"""SEQUENCE for calendar subscribers: bumped whenever an event's time, place or status changes.

RFC 5545 clients keep one entry per UID and replace it when a higher SEQUENCE arrives. The
fingerprint of the scheduling fields is stored with the live row; a save that changes it bumps
the sequence. The stored row is read on every full save, so publishing an older revision (whose
content carries an old sequence) never winds the sequence back.
"""

import datetime
import hashlib

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


def _canonical(value) -> str:
    """The same text for equal values, whichever time zone or type they were loaded with."""
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    return "" if value is None else str(value)


class CalendarSequenceMixin(models.Model):
    calendar_sequence = models.PositiveIntegerField(
        _("calendar sequence"),
        default=0,
        editable=False,
        help_text=_("Raised automatically when the time, place or status changes."),
    )
    calendar_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or set(update_fields) & {*SCHEDULING_FIELDS, "venue"}:
            self._advance_sequence()
            if update_fields is not None:
                kwargs["update_fields"] = {
                    *update_fields,
                    "calendar_sequence",
                    "calendar_fingerprint",
                }
        return super().save(*args, **kwargs)

    def _advance_sequence(self):
        # The stored row is the truth: the instance may come from an old revision's content.
        stored = None
        if self.pk:
            stored = (
                type(self)
                .objects.filter(pk=self.pk)
                .values_list("calendar_sequence", "calendar_fingerprint")
                .first()
            )
        sequence, previous = stored or (0, "")
        fingerprint = self.scheduling_fingerprint()
        if previous and fingerprint != previous:
            sequence += 1
        self.calendar_sequence = sequence
        self.calendar_fingerprint = fingerprint

    def scheduling_fingerprint(self) -> str:
        parts = [_canonical(getattr(self, name)) for name in SCHEDULING_FIELDS]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
