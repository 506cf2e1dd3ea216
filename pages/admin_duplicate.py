"""「日付を変えて複製」: an event copied to a new day in one step, as a draft with a fresh slug
from its new date (page header and listing menus of every event).

The copy keeps the time of day, the length, the place, organisers, categories and texts; it
starts again as 予定どおり with no previous start, and is not a meeting of a rule.
"""

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import pgettext_lazy
from wagtail.admin import messages
from wagtail.admin.ui.menus.pages import PageMenuItem

from pages.events.presenter import jp_date
from pages.events.slugs import date_slug
from pages.events.windows import TOKYO, today_in_tokyo
from pages.models import EventPage
from pages.models.dates import EVENT_FIRST, EVENT_YEARS_AHEAD, years_ahead


class NewDateForm(forms.Form):
    day = forms.DateField(
        label=pgettext_lazy("duplicate event", "New date"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_day(self):
        day = self.cleaned_data["day"]
        if not EVENT_FIRST <= day <= years_ahead(EVENT_YEARS_AHEAD):
            raise forms.ValidationError(
                pgettext_lazy("duplicate event", "Choose a date from 1980 to ten years ahead.")
            )
        return day


def copy_to_day(event: EventPage, day: datetime.date, user) -> EventPage:
    """The event copied under the same parent to `day` (Tokyo), as a draft."""
    start = event.start.astimezone(TOKYO)
    shift = datetime.datetime.combine(day, start.timetz()) - start
    parent = event.get_parent()
    return event.copy(
        to=parent,
        update_attrs={
            "slug": date_slug(parent, day, event.title),
            "start": event.start + shift,
            "end": event.end + shift,
            "status": EventPage.Status.SCHEDULED,
            "previous_start": None,
            "meeting_rule": None,
            "meeting_date": None,
            "registration_deadline": (
                event.registration_deadline + shift if event.registration_deadline else None
            ),
        },
        keep_live=False,
        user=user,
        log_action="wagtail.copy",
    )


def duplicate_view(request, page_id):
    event = get_object_or_404(EventPage, pk=page_id)
    parent = event.get_parent()
    if not parent.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    form = NewDateForm(request.POST or None, initial={"day": today_in_tokyo()})
    if request.method == "POST" and form.is_valid():
        copy = copy_to_day(event, form.cleaned_data["day"], request.user)
        messages.success(
            request,
            pgettext_lazy("duplicate event", "Copied to %(day)s as a draft.")
            % {"day": jp_date(form.cleaned_data["day"])},
        )
        return redirect("wagtailadmin_pages:edit", copy.pk)
    return render(request, "igren_pages/admin/duplicate_event.html", {"event": event, "form": form})


class DuplicateWithNewDateButton(PageMenuItem):
    label = pgettext_lazy("duplicate event", "Duplicate with a new date")
    icon_name = "copy"

    def is_shown(self, user):
        page = self.page
        if not isinstance(page.specific_deferred, EventPage):
            return False
        return page.get_parent().permissions_for_user(user).can_add_subpage()

    @property
    def url(self):
        return reverse("igren_duplicate_event", args=[self.page.pk])
