"""Dates sometimes known only to the year or month (common in the association's history)."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from pages import wareki
from pages.events.windows import today_in_tokyo


class DatePrecision(models.TextChoices):
    YEAR = wareki.YEAR, _("year only")
    MONTH = wareki.MONTH, _("year and month")
    DAY = wareki.DAY, _("exact day")


def format_partial_date(day: datetime.date | None, precision: str) -> str:
    """Western-calendar Japanese form: 1984年4月20日, 2013年6月 or 2003年."""
    if day is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{day.year}年"
    if precision == DatePrecision.MONTH:
        return f"{day.year}年{day.month}月"
    return f"{day.year}年{day.month}月{day.day}日"


# The range an editor may enter. History starts at 明治6年 (1873-01-01), when Japan adopted the
# Gregorian calendar: earlier 和暦 dates followed the lunisolar calendar and are not converted.
# Events start in 1980 (the association dates from 1984). Both end a few years ahead of today.
HISTORY_FIRST = wareki.GREGORIAN_ADOPTION
EVENT_FIRST = datetime.date(1980, 1, 1)
HISTORY_YEARS_AHEAD = 5
EVENT_YEARS_AHEAD = 10


def years_ahead(years: int, today: datetime.date | None = None) -> datetime.date:
    today = today or today_in_tokyo()
    return datetime.date(today.year + years, 12, 31)


def is_event_fiscal_year(year: int) -> bool:
    """A 年度 events may fall in: from the first event year to ten years ahead (meeting rules,
    the activity report in the admin and the API)."""
    return EVENT_FIRST.year <= year <= years_ahead(EVENT_YEARS_AHEAD).year


def truncate_to_precision(day: datetime.date, precision: str) -> datetime.date:
    """Store partial dates canonically: the first day of the year or month."""
    if precision == DatePrecision.YEAR:
        return day.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return day.replace(day=1)
    return day


class PartialDate(datetime.date):
    """A date as read from an editor's words, carrying the precision they gave (平成15年: a
    year); `PartialDateField`'s model's clean() takes the precision from it."""

    precision: str = wareki.DAY

    @classmethod
    def read(cls, text: str) -> "PartialDate":
        day, precision = wareki.parse(text)
        found = cls(day.year, day.month, day.day)
        found.precision = precision
        return found


class PartialDateFormField(forms.CharField):
    """A date typed in 和暦 or Western form: 昭和59年4月20日, 平成15年, 1984-04-20, 2003年6月."""

    def __init__(self, **kwargs):
        for name in ("max_length", "min_length", "empty_value"):
            kwargs.pop(name, None)
        attrs = {"placeholder": "1984-04-20 ／ 昭和59年4月20日 ／ 平成15年"}
        kwargs["widget"] = forms.TextInput(attrs=attrs)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, datetime.date):
            return value.isoformat()
        return value

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        try:
            return PartialDate.read(text)
        except wareki.UnreadableDate as error:
            raise ValidationError(str(error), code="invalid") from error


class PartialDateField(models.DateField):
    """A DateField an editor may fill in 和暦 (the form sets the precision field too)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PartialDateFormField, **kwargs})
