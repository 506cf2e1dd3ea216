"""Builds (or completes) the Igren demo site. Safe to run again: existing content is left as it is,
except that demo events move with the calendar so this month and next month always have events."""

from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Page, Site

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
from snippets.models import Category, Organisation, Venue

from . import events as demo_events
from . import facts


@dataclass
class Report:
    created: int = 0
    updated: int = 0

    def __str__(self):
        return f"created {self.created}, updated {self.updated}"


class DemoLoader:
    def __init__(self, today=None):
        self.today = today
        self.report = Report()

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
        return self.report

    # -- helpers -----------------------------------------------------------------------------
    def _snippet(self, model, lookup, defaults):
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
        root = Page.get_first_root_node()
        # Wagtail's initial "Welcome to your new Wagtail site!" page is replaced by ours.
        for welcome in root.get_children().filter(slug="home"):
            if welcome.specific_class is Page:
                welcome.delete()
        home = HomePage(slug="home", **facts.HOME)
        root.add_child(instance=home)
        home.save_revision().publish()
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={
                "hostname": "localhost",
                "port": 80,
                "root_page": home,
                "site_name": facts.HOME["short_name"],
            },
        )
        self.report.created += 1
        return home

    def _section(self, home, model, key):
        title, intro = facts.SECTIONS[key]
        return self._child(home, model, key, {"title": title, "introduction": intro})

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

    def _history(self, home):
        title, intro = facts.SECTIONS["history"]
        existing = home.get_children().filter(slug="history").first()
        if existing is not None:
            return
        page = HistoryPage(slug="history", title=title, introduction=intro)
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
