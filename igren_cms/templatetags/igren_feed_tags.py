"""Template tags that put an event's feed data on its HTML page: JSON-LD and 'add to calendar'."""

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

from pages.events.schema_org import event_data, script_json
from pages.events.text import describe
from pages.feed_links import subscribe_links

register = template.Library()


@register.simple_tag(takes_context=True)
def event_json_ld(context, event):
    """<script type="application/ld+json"> with the event's schema.org data."""
    request = context["request"]
    data = script_json(event_data(event, describe(event, request), request.build_absolute_uri("/")))
    return mark_safe(f'<script type="application/ld+json">{data}</script>')  # noqa: S308


@register.simple_tag
def event_ics_url(event):
    return reverse("igren:event_ics", args=[event.pk])


@register.simple_tag(takes_context=True)
def calendar_subscribe_links(context, **filters):
    """The https:// and webcal:// addresses of the calendar feed with these filters."""
    return subscribe_links(context["request"], **filters)
