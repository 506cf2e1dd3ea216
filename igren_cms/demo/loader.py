"""Builds (or completes) the Igren demo site. Safe to run again: existing content is left as it is,
except that demo events move with the calendar so this month and next month always have events.

It never deletes or repoints a host site's pages or Site records: see `plan_placement`.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from wagtail.models import Locale, Page, Site

from igren_cms.conf import content_languages, i18n_enabled
from pages.models import (
    EventIndexPage,
    EventPage,
    HistoryEntry,
    HistoryPage,
    HomePage,
    ProjectIndexPage,
    ProjectPage,
    SalonIndexPage,
    SalonPage,
)
from pages.models.meeting_rules import MeetingRule, current_fiscal_year
from pages.roles import ensure_roles
from snippets.models import Category, Organisation, Venue

from . import events as demo_events
from . import facts


class DemoPlanError(Exception):
    """The demo cannot be placed without a choice only the operator can make."""


@dataclass
class Plan:
    """Where the demo goes, decided before anything is written, and said in one sentence."""

    parent: Page
    slug: str
    site: Site | None = None  # the default Site to point at the new home (welcome-page case)
    existing: Page | None = None
    placeholders: list = field(default_factory=list)  # untouched welcome pages to remove

    def __str__(self):
        if self.existing is not None:
            return (
                f"completing the Igren site already at {self.existing.url_path!r}; "
                "no other page or Site is touched"
            )
        where = "the top of the page tree" if self.parent.is_root() else repr(self.parent.title)
        text = f"adding the Igren site (slug {self.slug!r}) under {where}"
        if self.site is not None:
            text = (
                f"{text}; the default Site {self.site.hostname}:{self.site.port} points at it "
                "instead of Wagtail's welcome page"
            )
        if self.placeholders:
            return f"{text}; Wagtail's never-edited welcome page is removed"
        if self.site is not None:
            return text
        return f"{text}; no Site record is created or changed"


def is_welcome_page(page) -> bool:
    """Wagtail's initial "Welcome to your new Wagtail site!" page: a plain Page, no children."""
    return page.specific_class is Page and page.is_leaf()


def is_untouched(page) -> bool:
    """Created by Wagtail's migration and never saved from the admin: no revision at all."""
    return page.latest_revision_id is None and not page.revisions.exists()


def free_slug(parent, wanted: str) -> str:
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, n = wanted, 1
    while slug in taken:
        n += 1
        slug = f"{wanted}-{n}"
    return slug


def plan_placement(parent: Page | None = None) -> Plan:
    """Where the demo would go; never deletes or repoints a host's page or Site.

    - An Igren home page exists: it is completed in place.
    - A parent is given: the home page is added under it; Sites are left alone.
    - The tree holds only Wagtail's welcome page (a fresh install, `make run`): a new site root
      beside it, and the default Site pointed at it if the welcome page was its root.
    - Otherwise the host has pages of its own: the operator must say where (DemoPlanError).
    """
    existing = HomePage.objects.first()
    if existing is not None:
        return Plan(parent=existing.get_parent(), slug=existing.slug, existing=existing)
    if parent is not None:
        return Plan(parent=parent, slug=free_slug(parent, "igren"))
    root = Page.get_first_root_node()
    top = list(root.get_children())
    if all(is_welcome_page(page) for page in top):
        site = Site.objects.filter(is_default_site=True, root_page__in=top).first()
        if site is None and not Site.objects.exists():
            site = Site(hostname="localhost", port=80, is_default_site=True)
        placeholders = [page for page in top if is_untouched(page)]
        return Plan(
            parent=root, slug=free_slug(root, "igren"), site=site, placeholders=placeholders
        )
    raise DemoPlanError(
        "This site already has pages of its own, so the demo will not guess where to go. "
        "Run again with --parent PAGE (a page id or URL path such as /) to add it under that "
        "page; no existing page or Site is changed."
    )


@dataclass
class Report:
    created: int = 0
    updated: int = 0

    def __str__(self):
        return f"created {self.created}, updated {self.updated}"


class DemoLoader:
    def __init__(self, today=None, parent=None, meeting_rules=True, english=True):
        self.today = today
        self.with_meeting_rules = meeting_rules
        self.with_english = english
        self.report = Report()
        self.plan = plan_placement(parent)

    @transaction.atomic
    def run(self) -> Report:
        self.venues = {
            key: self._snippet(Venue, {"name": v["name"]}, v) for key, v in facts.VENUES.items()
        }
        self.organisations = {
            key: self._snippet(Organisation, {"name": name}, {"kind": kind, "website": site})
            for key, (name, kind, site) in facts.ORGANISATIONS.items()
        }
        self.categories = {
            key: self._snippet(Category, {"slug": key}, {"name": name})
            for key, name in facts.CATEGORIES.items()
        }
        home = self._home()
        self._salons(home)
        self._projects(home)
        self._history(home)
        self._events(home)
        if self.with_meeting_rules:
            self._meeting_rules()
        if self.with_english:
            self.english(home)
        return self.report

    # -- helpers -----------------------------------------------------------------------------
    def _snippet(self, model, lookup, defaults):
        """The default language's version (a translation may share its slug)."""
        lookup = {**lookup, "locale": Locale.get_default()}
        obj, created = model.objects.get_or_create(**lookup, defaults=defaults)
        self.report.created += created
        return obj

    def _child(self, parent, model, slug, fields, relations=None):
        """The child page with this slug, created and published if missing."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        for name, values in (relations or {}).items():
            getattr(page, name).set(values)
        page.save_revision().publish()
        self.report.created += 1
        return page

    def _home(self):
        home = HomePage.objects.first()
        if home is not None:
            return home
        plan = self.plan
        home = HomePage(slug=plan.slug, **facts.HOME)
        plan.parent.add_child(instance=home)
        home.save_revision().publish()
        if plan.site is not None:
            # Only Wagtail's own welcome page was served: the demo takes its place as the
            # default site's root. The welcome page itself is left in the tree.
            plan.site.root_page = home
            plan.site.site_name = facts.HOME["short_name"]
            plan.site.save()
        for placeholder in plan.placeholders:  # after the Site moved: Site.root_page cascades
            placeholder.delete()
        self.report.created += 1
        ensure_roles()  # 編集者/承認者 and the approval workflow on the new home
        return home

    def english(self, home):
        """English versions of the home page, the international projects and their coming
        events (facts.ENGLISH), when content has English (Wagtail's i18n on). Published as
        Wagtail translations: each shares its Japanese page's translation key."""
        if not i18n_enabled() or "en" not in content_languages():
            return
        english = Locale.objects.filter(language_code="en").first()
        if english is None:
            return
        translated_snippets = self._english_snippets(english)
        for slug_path, fields in facts.ENGLISH.items():  # parents before children
            page = home
            for slug in filter(None, slug_path.split("/")):
                page = page.get_children().filter(slug=slug).first()
                if page is None:
                    break
            if page is None or page.get_translations().filter(locale=english).exists():
                continue
            translated = page.specific.copy_for_translation(english)
            for name, value in fields.items():
                setattr(translated, name, value)
            _use_translated_snippets(translated, translated_snippets)
            translated.save_revision().publish()
            self.report.created += 1

    def _english_snippets(self, english) -> dict:
        """English versions of the venues, organisations and categories the English pages use
        (facts.ENGLISH_SNIPPETS): Japanese row id -> its English row, by model."""
        found = {}
        default = Locale.get_default()
        for (kind, key), fields in facts.ENGLISH_SNIPPETS.items():
            if kind == "venue":
                model, lookup = Venue, {"name": facts.VENUES[key]["name"]}
            elif kind == "organisation":
                model, lookup = Organisation, {"name": facts.ORGANISATIONS[key][0]}
            else:
                model, lookup = Category, {"slug": key}
            source = model.objects.filter(locale=default, **lookup).first()
            if source is None:
                continue
            translated = source.get_translation_or_none(english)
            if translated is None:
                translated = source.copy_for_translation(english)
                for name, value in fields.items():
                    setattr(translated, name, value)
                translated.reading = ""  # a kana reading is the Japanese version's
                translated.save()
                self.report.created += 1
            found[(type(source), source.pk)] = translated
        return found

    def _section(self, home, model, key):
        title, intro = facts.SECTIONS[key]
        # Sections form the main menu (`navigation` in the API), in tree order.
        fields = {"title": title, "introduction": intro, "show_in_menus": True}
        return self._child(home, model, key, fields)

    def _salons(self, home):
        index = self._section(home, SalonIndexPage, "salons")
        self.salons = {}
        for slug, title, area, city, opened, precision, venue, hosts, summary in facts.SALONS:
            self.salons[slug] = self._child(
                index,
                SalonPage,
                slug,
                {
                    "title": title,
                    "area_name": area,
                    "city": city,
                    "opened_on": opened,
                    "opened_precision": precision,
                    "summary": summary,
                    "venue": self.venues.get(venue),
                    "reading": facts.READINGS.get(slug, ""),
                },
                {"host_organisations": [self.organisations[k] for k in hosts]},
            )

    def _projects(self, home):
        index = self._section(home, ProjectIndexPage, "projects")
        self.projects = {}
        for slug, title, categories, partners, summary in facts.PROJECTS:
            self.projects[slug] = self._child(
                index,
                ProjectPage,
                slug,
                {"title": title, "summary": summary, "status": ProjectPage.Status.ACTIVE},
                {
                    "categories": [self.categories[k] for k in categories],
                    "partner_organisations": [self.organisations[k] for k in partners],
                },
            )

    def _meeting_rules(self):
        """A published example rule for each salon in the current 年度: its coming meetings
        become event pages (pages.meeting_occurrences), so the demo shows rules, 祝日 and an
        activity report."""
        year = current_fiscal_year()
        for slug, frequency, ordinal, weekday, start, end, policy in facts.MEETING_RULES:
            salon = self.salons.get(slug)
            if salon is None or salon.meeting_rules.filter(fiscal_year=year).exists():
                continue
            rule = MeetingRule(
                salon=salon,
                frequency=frequency,
                ordinal=ordinal,
                weekday=weekday,
                start_time=datetime.time.fromisoformat(start),
                end_time=datetime.time.fromisoformat(end),
                fiscal_year=year,
                holiday_policy=policy,
                venue=None if salon.venue_id else self.venues["center"],
                summary=facts.MEETING_RULE_NOTE,
            )
            rule.save()
            rule.save_revision().publish()
            self.report.created += 1

    def _history(self, home):
        title, intro = facts.SECTIONS["history"]
        existing = home.get_children().filter(slug="history").first()
        if existing is not None:
            return
        page = HistoryPage(slug="history", title=title, introduction=intro, show_in_menus=True)
        page.entries = [
            HistoryEntry(
                date=day,
                precision=precision,
                title=entry_title,
                body=f"<p>{body}</p>" if body else "",
                sort_order=i,
            )
            for i, (day, precision, entry_title, body) in enumerate(facts.HISTORY)
        ]
        home.add_child(instance=page)
        page.save_revision().publish()
        self.report.created += 1

    def _events(self, home):
        index = self._section(home, EventIndexPage, "events")
        for spec in demo_events.EVENTS:
            start, end, previous = spec.times(self.today)
            page = self._child(
                index,
                EventPage,
                spec.slug,
                {
                    "title": spec.title,
                    "start": start,
                    "end": end,
                    "all_day": spec.start is None,
                    "status": spec.status,
                    "previous_start": previous,
                    "attendance_mode": spec.mode,
                    "venue": self.venues.get(spec.venue) if spec.venue else None,
                    "online_url": demo_events.ONLINE_URL.format(slug=spec.slug)
                    if spec.mode != "offline"
                    else "",
                    "salon": self.salons.get(spec.salon),
                    "project": self.projects.get(spec.project),
                    "summary": spec.summary,
                    "body": demo_events.DEMO_NOTE,
                    "fee": spec.fee,
                    "capacity": spec.capacity,
                    "speakers": spec.speakers,
                },
                {
                    "categories": [self.categories[k] for k in spec.categories],
                    "organisations": [self.organisations[k] for k in spec.organisations],
                },
            )
            if (page.start, page.end, page.previous_start) != (start, end, previous):
                page.start, page.end, page.previous_start = start, end, previous
                page.save_revision().publish()
                self.report.updated += 1


def _use_translated_snippets(page, translated: dict) -> None:
    """Point a new English page at the English versions of its venue, organisations and
    categories where there are some (as wagtail-localize's translation does)."""
    venue_id = getattr(page, "venue_id", None)
    if venue_id and (Venue, venue_id) in translated:
        page.venue = translated[(Venue, venue_id)]
    for name in ("organisations", "categories", "host_organisations", "partner_organisations"):
        if hasattr(page, name):
            chosen = list(getattr(page, name).all())
            getattr(page, name).set([translated.get((type(o), o.pk), o) for o in chosen])
