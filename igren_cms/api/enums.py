"""Every closed set of the contract as a GraphQL enum, built from the model's own choices.

Names are the stored values in upper case (`scheduled` -> `SCHEDULED`). Resolvers return the
stored value; arguments arrive as the enum member, whose `.value` is the stored value.
"""

import graphene

from pages.event_filters import ORDERS
from pages.events.presenter import enum_name
from pages.models import EventPage, ProjectPage
from pages.models.dates import DatePrecision as DatePrecisionChoices
from snippets.models import Organisation

MEANINGS = {
    "scheduled": "Takes place as announced.",
    "cancelled": "Will not take place.",
    "postponed": "Will take place later; the new date is not known yet.",
    "rescheduled": "Moved to a new date; `previousStart` is the original start.",
    "offline": "In person, at `venue`.",
    "online": "Online only, at `onlineUrl`.",
    "mixed": "In person and online.",
    "year": "Only the year is known; the date is 1 January of it.",
    "month": "Only the year and month are known; the date is the 1st.",
    "day": "The exact day is known.",
    "member_group": "A member group of the association.",
    "university": "A university or college.",
    "municipality": "A city, town or prefecture.",
    "company": "A company.",
    "public_body": "A public body other than a municipality.",
    "active": "Running now.",
    "completed": "Finished.",
    "start": "Soonest first.",
    "-start": "Latest first.",
    "ja": "Japanese.",
    "en": "English.",
    "opening": "In order of opening (the default).",
    "editorial": "In the editors' order (the default).",
    "reading": "五十音 by reading (JIS X 4061): voiced marks and small kana second.",
}
ORDER_NAMES = {"start": "START_ASC", "-start": "START_DESC"}


def from_values(name: str, values, description: str, names=None):
    """A graphene Enum whose members carry the stored values and a description each."""
    members = {(names or {}).get(v, enum_name(v)): v for v in values}

    def member_description(self):
        return MEANINGS.get(self.value)

    attrs = {
        **members,
        "description": property(member_description),
        "Meta": type("Meta", (), {"description": description}),
    }
    return type(name, (graphene.Enum,), attrs)


EventStatus = from_values(
    "EventStatus", EventPage.Status.values, "Whether an event takes place as announced."
)
AttendanceMode = from_values(
    "AttendanceMode", EventPage.AttendanceMode.values, "Where people attend an event."
)
DatePrecision = from_values(
    "DatePrecision", DatePrecisionChoices.values, "How much of a partial date is known."
)
OrganisationKind = from_values(
    "OrganisationKind", Organisation.Kind.values, "What kind of body an organisation is."
)
ProjectStatus = from_values("ProjectStatus", ProjectPage.Status.values, "A project's stage.")
EventOrder = from_values("EventOrder", ORDERS, "The order of an event list.", ORDER_NAMES)
SalonOrder = from_values("SalonOrder", ("opening", "reading"), "The order of the salon list.")
ProjectOrder = from_values(
    "ProjectOrder", ("editorial", "reading"), "The order of the project list."
)
Language = from_values("Language", ("ja", "en"), "Language of words the server writes.")


def stored(value):
    """The stored value of an enum argument (None stays None)."""
    return getattr(value, "value", value)
