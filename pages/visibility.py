"""The one place that decides what the public may see.

A page is public when it is live, not under any view restriction (login, password or groups,
on itself or an ancestor), already past its go-live time and not yet expired. The times are
judged at request time, so an expired page disappears the moment it expires rather than when
the `publish_scheduled` job next runs. Every output (templates, GraphQL, feeds, embeds) takes
its pages from `PublicPageQuerySet.public()` or `is_public()`.
"""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet


def schedule_q(now=None) -> Q:
    """Pages whose go-live/expiry window contains `now`."""
    now = now or timezone.now()
    return (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now)) & (
        Q(expire_at__isnull=True) | Q(expire_at__gt=now)
    )


class PublicPageQuerySet(PageQuerySet):
    def public(self, now=None):
        """Live, unrestricted pages inside their publication window, judged now."""
        return super().public().live().filter(schedule_q(now))


PublicPageManager = PageManager.from_queryset(PublicPageQuerySet)


def public_pages(now=None) -> PublicPageQuerySet:
    """Every public page of any type (the generic entry point for relations)."""
    return PublicPageQuerySet(Page).public(now)


def is_public(page, now=None) -> bool:
    """Whether one page is public now: the same rule as the querysets, checked in the database."""
    if page is None or not page.live:
        return False
    return public_pages(now).filter(pk=page.pk).exists()


def within_schedule(page, now=None) -> bool:
    """Whether a page's go-live/expiry window contains now (view restrictions aside)."""
    return Page.objects.filter(pk=page.pk).filter(schedule_q(now)).exists()
