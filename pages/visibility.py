"""The one place that decides what the public may see.

A page is public when it is live, not under any view restriction (login, password or groups,
on itself or an ancestor), already past its go-live time and not yet expired. The times are
judged at request time, so an expired page disappears the moment it expires rather than when
the `publish_scheduled` job next runs. An image or document is public unless its collection
(or an ancestor collection) is restricted.

`Audience` is a snapshot of these rules at one moment: it reads the restrictions once, then
filters any number of querysets (`filter`) or checks already-loaded objects (`allows_page`,
`allows_collection`) without further queries. A request's audience sees the request's site only
(its `scope`, the site root's url_path): every page any output lists has a path on that site,
the one `page(path:)` takes back. Every output (templates, GraphQL, feeds,
embeds) takes its content through it, usually via `GatedPageQuerySet.visible_to(audience)`
(named apart from Wagtail's `PageQuerySet.public()`, which means "not in a private section").
"""

from functools import cached_property

from django.db.models import Q
from django.db.models.query import ModelIterable
from django.utils import timezone
from wagtail.models import CollectionViewRestriction, Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from igren_cms.conf import i18n_enabled
from pages import locales
from pages.request_state import state_of
from pages.sites import site_root_paths


def schedule_q(now) -> Q:
    """Pages whose go-live/expiry window contains `now`."""
    return (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now)) & (
        Q(expire_at__isnull=True) | Q(expire_at__gt=now)
    )


class Audience:
    """What an anonymous visitor may see at `now`."""

    def __init__(self, now=None, scope: tuple[str, ...] = (), choice=None):
        self.now = now or timezone.now()
        # The url_paths of the site root (and its translations) whose pages this audience sees;
        # empty: every site.
        self.scope = tuple(scope)
        # The language lists are in (pages.locales.Choice); None: every page whatever its locale.
        self.choice = choice
        # The audience this one was derived from in another language (itself if none): what
        # is loaded for one language's list holds for every language (relations, meetings).
        self.basis = self
        self._derived = {}

    def any_locale(self) -> "Audience":
        """The same audience without a language: pages of every locale (a page's ancestors, a
        path's page, the sitemap)."""
        return self.in_locale(None)

    def in_locale(self, choice) -> "Audience":
        """The same audience (the same moment and restrictions) with lists in another locale."""
        if choice == self.choice:
            return self
        basis = self.basis
        if choice == basis.choice:
            return basis
        if choice not in basis._derived:
            other = Audience(basis.now, basis.scope, choice)
            other.basis = basis  # its restrictions are the basis's, read once
            basis._derived[choice] = other
        return basis._derived[choice]

    @property
    def restricted_page_paths(self) -> tuple[str, ...]:
        return self.basis._page_restrictions

    @property
    def restricted_collection_paths(self) -> tuple[str, ...]:
        return self.basis._collection_restrictions

    @cached_property
    def _page_restrictions(self) -> tuple[str, ...]:
        return tuple(PageViewRestriction.objects.values_list("page__path", flat=True))

    @cached_property
    def _collection_restrictions(self) -> tuple[str, ...]:
        return tuple(CollectionViewRestriction.objects.values_list("collection__path", flat=True))

    def _private_q(self, prefix="") -> Q:
        q = Q(pk__in=[])
        for path in self.restricted_page_paths:
            q |= Q(**{f"{prefix}path__startswith": path})
        return q

    def filter(self, queryset):
        """Narrow a queryset of pages (any page model) to the public ones."""
        public = self._public(queryset)
        if self.choice is None:
            return public
        chosen = Q(locale_id=self.choice.locale_id)
        if self.choice.falls_back:
            # Untranslated: the default language's version, when no public one in this
            # language shares its translation key.
            translated = self._public(Page.objects.filter(locale_id=self.choice.locale_id))
            chosen |= Q(locale_id=self.choice.default_id) & ~Q(
                translation_key__in=translated.values("translation_key")
            )
        return public.filter(chosen)

    def _public(self, queryset):
        public = queryset.filter(live=True).filter(schedule_q(self.now)).exclude(self._private_q())
        if not self.scope:
            return public
        q = Q(pk__in=[])
        for root in self.scope:
            q |= Q(url_path__startswith=root)
        return public.filter(q)

    def allows_page(self, page) -> bool:
        """The same rule for a page already loaded (e.g. through select_related)."""
        if page is None or not page.live:
            return False
        if page.go_live_at and page.go_live_at > self.now:
            return False
        if page.expire_at and page.expire_at <= self.now:
            return False
        if self.scope and not page.url_path.startswith(self.scope):  # str.startswith: any
            return False
        return not any(page.path.startswith(p) for p in self.restricted_page_paths)

    def allows_collection(self, collection) -> bool:
        """Images and documents: their collection and its ancestors must be unrestricted."""
        if collection is None:
            return True
        return not any(collection.path.startswith(p) for p in self.restricted_collection_paths)

    def filter_media(self, queryset, prefix=""):
        """Narrow a queryset of images (or, with a prefix such as "image__", of renditions) to
        those in unrestricted collections."""
        q = Q(pk__in=[])
        for path in self.restricted_collection_paths:
            q |= Q(**{f"{prefix}collection__path__startswith": path})
        return queryset.exclude(q)

    def visible(self, page):
        return page if self.allows_page(page) else None

    def used_by_public(self, queryset, uses):
        """Snippets (venues, organisations, categories) the public may see: those a public page
        refers to. `uses` pairs a page model with the lookup from it to the snippet, e.g.
        `(EventPage, "venue")`; a snippet only a draft or a private page names stays hidden."""
        q = Q(pk__in=[])
        for page_model, lookup in uses:
            pages = self._public(page_model.objects.all()).exclude(**{f"{lookup}__isnull": True})
            q |= Q(pk__in=pages.values(lookup))
        return queryset.filter(q)


def audience_for(request) -> Audience:
    """One snapshot per request, shared by every output of that request (None: a fresh one,
    of every site)."""
    if request is None:
        return Audience()
    state = state_of(request)
    base = state.keep(
        "audience", lambda: Audience(scope=site_root_paths(request), choice=locales.choice(request))
    )
    served = state.get("served_language")
    return base.in_locale(locales.choice(request, served)) if served else base


def served_in(request, page) -> None:
    """A served page's lists (its menu, an index's events) are in the page's own language."""
    if i18n_enabled() and page.locale_id:
        state_of(request).set("served_language", locales.language_of(page.locale_id, request))


class LoadedTogether(ModelIterable):
    """Yields pages that know the list they were loaded with (`IgrenPage.loaded_with`), so work
    on one of them can be done for the whole list at once (rich-text bodies)."""

    def __iter__(self):
        pages = list(super().__iter__())
        for page in pages:
            page.keep_loaded_with(pages)
        yield from pages


class GatedPageQuerySet(PageQuerySet):
    def visible_to(self, audience: Audience | None = None):
        """The pages `audience` may see: live, unrestricted, inside their publication window
        at the audience's moment (a fresh audience: now)."""
        return (audience or Audience()).filter(self)

    def loaded_together(self):
        """Evaluated, each page knows the others of its list (see `LoadedTogether`)."""
        clone = self._clone()
        clone._iterable_class = LoadedTogether
        return clone


GatedPageManager = PageManager.from_queryset(GatedPageQuerySet)


def within_schedule(page, now=None) -> bool:
    """Whether a page's go-live/expiry window contains now (view restrictions aside)."""
    return Page.objects.filter(pk=page.pk).filter(schedule_q(now or timezone.now())).exists()
