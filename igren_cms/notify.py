"""Telling the outside world that public content changed: publish webhooks and CDN purges.

Webhooks (`IGREN_WEBHOOKS`, a list of {"url": ..., "secret": ...}): on every publish,
unpublish, move or deletion of a page, each URL receives a POST with a JSON body

    {"event": "page.published", "page": {"id": 12, "type": "EventPage", "title": "…",
     "path": "/events/…/", "url": "https://…"}, "sentAt": "2026-11-25T21:00:00+09:00"}

signed with HMAC-SHA256 of the body under the hook's secret in `X-Igren-Signature:
sha256=<hex>` (GitHub's scheme), so a statically built frontend can rebuild or revalidate.
Deliveries run as a django-tasks task (the worker's queue in production): the editor never
waits for a slow hook, a failing hook is retried by its next event and logged, never raised.

CDN purges: when `WAGTAILFRONTENDCACHE` is configured (wagtail.contrib.frontend_cache), Wagtail
purges a published page's own URLs; this adds the plugin's outputs that change with any page
(the feeds, the embed page, the sitemap), through the same Wagtail task. What changes public
outputs without a publish is purged too: a view restriction put on (or taken off) a page or a
collection, and time itself (an event's end, a go-live or expiry, the Tokyo date), which each
worker cycle looks back on (`purge_passed_boundaries`).
"""

import datetime
import hashlib
import hmac
import json
import logging
import urllib.request

from django.apps import apps
from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django_tasks import task
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from igren_cms.conf import frontend_cache_configured, webhooks
from igren_cms.models import WebhookDelivery
from pages.events.windows import TOKYO
from pages.routing import site_path

logger = logging.getLogger("igren_cms.notify")
TIMEOUT = 10


def hooks() -> list[dict]:
    return webhooks()


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


MAX_ATTEMPTS = 5
BACKOFF_SECONDS = 30  # then 60, 120, 240 …


def send(url: str, secret: str, payload: dict, delivery_id: int | None = None) -> tuple[int, str]:
    """POST one event; (status code or 0, error text or "").

    `X-Igren-Delivery` names the delivery: the same on every attempt, so a receiver that sees it
    twice (a retry, or a worker that died after sending) knows it is a repeat."""
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    request = urllib.request.Request(  # noqa: S310 - the operator's configured hook URL
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "Igren-CMS-Webhook/1",
            "X-Igren-Event": payload["event"],
            "X-Igren-Signature": signature(secret or "", body),
            **({"X-Igren-Delivery": str(delivery_id)} if delivery_id is not None else {}),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            return response.status, ""
    except OSError as error:  # includes HTTPError, timeouts, refused connections
        return getattr(error, "code", 0) or 0, str(error)[:500]


@task()
def deliver(delivery_id: int) -> int:
    """One attempt of one delivery; a failure is retried by the worker with backoff."""
    delivery = WebhookDelivery.objects.filter(pk=delivery_id).first()
    if delivery is None or delivery.delivered_at is not None:
        return 0
    secret = next((h.get("secret", "") for h in hooks() if h["url"] == delivery.url), "")
    status, error = send(delivery.url, secret, delivery.payload, delivery.pk)
    delivery.attempts += 1
    delivery.status_code = status or None
    now = timezone.now()
    if 200 <= status < 300:
        delivery.delivered_at, delivery.next_attempt_at, delivery.last_error = now, None, ""
    else:
        delivery.last_error = error or f"HTTP {status}"
        delivery.next_attempt_at = (
            now + datetime.timedelta(seconds=BACKOFF_SECONDS * 2 ** (delivery.attempts - 1))
            if delivery.attempts < MAX_ATTEMPTS
            else None
        )
        logger.warning(
            "Webhook %s failed for %s (attempt %s): %s",
            delivery.url,
            delivery.event,
            delivery.attempts,
            delivery.last_error,
        )
    delivery.save()
    return status


def retry_due(now=None) -> int:
    """Queue the failed deliveries whose next attempt is due (each worker cycle)."""
    due = WebhookDelivery.objects.filter(
        delivered_at__isnull=True, next_attempt_at__lte=now or timezone.now()
    ).values_list("pk", flat=True)
    count = 0
    for pk in due:
        deliver.enqueue(pk)
        count += 1
    return count


def describe_page(page) -> dict:
    return {
        "id": page.pk,
        "type": type(page).__name__,
        "title": page.title,
        "path": site_path(page, None),
        "url": page.get_full_url(),
    }


def page_event(event: str, page):
    """Queue the webhooks and the CDN purge for one page event."""
    payload = {
        "event": event,
        "page": describe_page(page),
        "sentAt": timezone.localtime(timezone.now(), TOKYO).replace(microsecond=0).isoformat(),
    }
    payload["feeds"] = plugin_urls()
    for hook in hooks():
        delivery = WebhookDelivery.objects.create(
            event=event, url=hook["url"], payload=payload, next_attempt_at=timezone.now()
        )
        deliver.enqueue(delivery.pk)
    purge_plugin_urls()


PLUGIN_OUTPUTS = ("igren:ics", "igren:rss", "igren:atom", "igren:json", "igren:embed_page")


def absolute_urls(names) -> list[str]:
    """The default site's absolute URLs of these URL names (those the host mounts)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return []
    urls = []
    for name in names:
        try:
            urls.append(site.root_url + reverse(name))
        except NoReverseMatch:
            continue
    return urls


def plugin_urls() -> list[str]:
    """The absolute URLs of the plugin's outputs that change with any page."""
    return absolute_urls((*PLUGIN_OUTPUTS, "igren:sitemap"))


def edge_purging() -> bool:
    """Whether purges go anywhere: WAGTAILFRONTENDCACHE set and Wagtail's app installed."""
    return frontend_cache_configured() and apps.is_installed("wagtail.contrib.frontend_cache")


def purge_plugin_urls():
    if not edge_purging():
        return
    # wagtail.contrib.frontend_cache is optional: imported only when it is installed.
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    # The GraphQL URL too: the edge cache (igren_site/varnish/default.vcl) takes a PURGE of a
    # path for every cached answer under it, so this drops every cached GraphQL GET.
    purge_urls_from_cache(absolute_urls((*PLUGIN_OUTPUTS, "igren:sitemap", "igren:graphql")))


def on_published(sender, instance, **kwargs):
    page_event("page.published", instance)


def on_unpublished(sender, instance, **kwargs):
    page_event("page.unpublished", instance)


def on_moved(sender, instance, **kwargs):
    page_event("page.moved", instance)


def on_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and type(instance) is not Page:
        page_event("page.deleted", instance)


# -- what changes public outputs without a publish ---------------------------------------------

BOUNDARIES_KEY = "igren:edge-boundaries-seen"
MAX_PURGED_FILES = 2000


def purge_passed_boundaries(now=None) -> int:
    """Purge what time alone changed since the last look (each worker cycle); the number of
    pages whose moment passed.

    An event that ended leaves every upcoming list and its page changes; a live page's go-live
    or expiry passing shows or hides it (scheduled publishing sends its own signals, this covers
    pages made live with the time already set); the Tokyo date turning moves 今月と来月 and the
    day's marks. The pages, their ancestors (the index, the home page), the salon and project
    pages that list the events, and the plugin's outputs are purged. The first look after a
    start only notes the moment."""
    if not edge_purging():
        return 0
    now = now or timezone.now()
    seen = cache.get(BOUNDARIES_KEY)
    cache.set(BOUNDARIES_KEY, now.timestamp(), None)
    if seen is None:
        return 0
    since = datetime.datetime.fromtimestamp(seen, datetime.UTC)
    from pages.models import EventIndexPage, EventPage

    ended = EventPage.objects.filter(live=True, end__gt=since, end__lte=now)
    passed = (
        Q(go_live_at__gt=since, go_live_at__lte=now)
        | Q(expire_at__gt=since, expire_at__lte=now)
        | Q(pk__in=ended.values("pk"))
    )
    pages = list(Page.objects.filter(passed))
    listing = set(ended.values_list("salon_id", flat=True)) | set(
        ended.values_list("project_id", flat=True)
    )
    paths = {
        page.path[:end]
        for page in pages
        for end in range(Page.steplen, len(page.path), Page.steplen)
    }
    related = Page.objects.filter(Q(path__in=paths, depth__gt=1) | Q(pk__in=listing - {None}))
    purged = {page.pk: page for page in [*pages, *related]}
    if timezone.localdate(since, TOKYO) != timezone.localdate(now, TOKYO):
        sections = Page.objects.filter(Q(pk__in=EventIndexPage.objects.values("pk")) | Q(depth=2))
        purged.update({page.pk: page for page in sections})
    elif not pages:
        return 0
    purge_pages(purged.values())
    return len(pages)


def purge_pages(pages):
    """Wagtail's purge of these pages' URLs, and of the plugin's outputs."""
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

    purge_pages_from_cache([page.specific_deferred for page in pages])
    purge_plugin_urls()


def on_restriction_changed(sender, instance, **kwargs):
    """A page or collection made private (or public again): the edge drops what it kept of it,
    the pages of that section or the files of that collection, and the plugin's outputs."""
    if not edge_purging():
        return
    if isinstance(instance, PageViewRestriction):
        page = Page.objects.filter(pk=instance.page_id).first()
        if page is not None:
            purge_pages(Page.objects.filter(path__startswith=page.path)[:MAX_PURGED_FILES])
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if collection is None:
        return
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(image__collection__path__startswith=collection.path)
    )
    site = Site.objects.filter(is_default_site=True).first()
    files = [rendition.url for rendition in renditions[:MAX_PURGED_FILES]]
    if site is not None and files:
        purge_urls_from_cache(
            [site.root_url + url if url.startswith("/") else url for url in files]
        )
    purge_plugin_urls()


def connect():
    for model in (PageViewRestriction, CollectionViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(
                on_restriction_changed,
                sender=model,
                dispatch_uid=f"igren_notify_restriction_{signal}_{model.__name__}",
            )
    page_published.connect(on_published, dispatch_uid="igren_notify_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="igren_notify_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="igren_notify_moved")
    post_delete.connect(on_deleted, dispatch_uid="igren_notify_deleted")
