"""The event edit form: rescheduling a published event without retyping anything.

When the start of a live event changes, the start the public saw is recorded as the previous
start (unless the editor entered one), and the editor decides with one checkbox whether the
change is announced as 日程変更 (status "rescheduled", which the feeds, the embed and the pages
show, and which raises the calendar SEQUENCE).
"""

from django import forms
from django.utils.text import slugify
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm

from pages.events.slugs import date_slug
from pages.events.windows import today_in_tokyo


class EventPageForm(WagtailAdminPageForm):
    announce_reschedule = forms.BooleanField(
        required=False,
        label=pgettext_lazy("event form", "Announce the new date as rescheduled"),
        help_text=pgettext_lazy(
            "event form",
            "When you change the start of a published event: tick to show it as rescheduled, "
            "with the original date.",
        ),
    )

    def clean(self):
        self._slug_from_date_and_title()
        cleaned = super().clean()
        instance = self.instance
        new_start = cleaned.get("start")
        if not instance.pk or not instance.live or new_start is None:
            return cleaned
        # The page's row holds the published version; drafts live in revisions.
        published = type(instance).objects.filter(pk=instance.pk).values("start").first()
        if published is None or published["start"] == new_start:
            return cleaned
        if not cleaned.get("previous_start"):
            cleaned["previous_start"] = published["start"]
        if cleaned.get("announce_reschedule"):
            cleaned["status"] = type(instance).Status.RESCHEDULED
        return cleaned

    def _slug_from_date_and_title(self):
        parent = getattr(self, "parent_page", None)
        if self.instance.pk or parent is None:
            return
        data = self.cleaned_data
        title, slug, start = data.get("title") or "", data.get("slug") or "", data.get("start")
        if slug and slug != slugify(title, allow_unicode=True):
            return  # typed by the editor
        day = today_in_tokyo(start) if start else None
        data["slug"] = date_slug(parent, day, title) if (day or title) else slug
