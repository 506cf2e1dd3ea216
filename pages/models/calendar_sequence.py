"""SEQUENCE for calendar subscribers: bumped whenever an event's time, place or status changes.

RFC 5545 clients keep one entry per UID and replace it when a higher SEQUENCE arrives. The
fingerprint of the scheduling fields is stored with the live row; a save that changes it bumps
the sequence. Both fields belong to the page, not to a revision, so publishing an older draft
never winds the sequence back (`with_content_json` keeps the stored values).
"""

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
            fingerprint = self.scheduling_fingerprint()
            if self.calendar_fingerprint and fingerprint != self.calendar_fingerprint:
                self.calendar_sequence += 1
            self.calendar_fingerprint = fingerprint
            if update_fields is not None:
                kwargs["update_fields"] = {
                    *update_fields,
                    "calendar_sequence",
                    "calendar_fingerprint",
                }
        return super().save(*args, **kwargs)

    def scheduling_fingerprint(self) -> str:
        parts = [repr(getattr(self, name)) for name in SCHEDULING_FIELDS]
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    def with_content_json(self, content):
        obj = super().with_content_json(content)
        obj.calendar_sequence = self.calendar_sequence
        obj.calendar_fingerprint = self.calendar_fingerprint
        return obj
