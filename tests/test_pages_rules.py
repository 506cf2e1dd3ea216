"""Editors can only create each page type where it belongs."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from pages.models import (
    EventIndexPage,
    EventPage,
    HistoryPage,
    HomePage,
    ProjectIndexPage,
    ProjectPage,
    SalonIndexPage,
    SalonPage,
)


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_sits_at_the_root_and_holds_the_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage, {EventIndexPage, SalonIndexPage, ProjectIndexPage, HistoryPage}
        )

    def test_each_section_holds_only_its_own_pages(self):
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedSubpageTypes(SalonIndexPage, {SalonPage})
        self.assertAllowedSubpageTypes(ProjectIndexPage, {ProjectPage})
        for leaf in (EventPage, SalonPage, ProjectPage, HistoryPage):
            self.assertAllowedSubpageTypes(leaf, set())

    def test_leaf_pages_only_under_their_section(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedParentPageTypes(SalonPage, {SalonIndexPage})
        self.assertAllowedParentPageTypes(ProjectPage, {ProjectIndexPage})
        self.assertCanNotCreateAt(SalonIndexPage, EventPage)
        self.assertCanNotCreateAt(HomePage, EventPage)

    def test_sections_only_under_home(self):
        for section in (EventIndexPage, SalonIndexPage, ProjectIndexPage, HistoryPage):
            self.assertAllowedParentPageTypes(section, {HomePage})

    def test_a_second_history_page_cannot_be_added(self):
        home = HomePage.objects.get()
        self.assertFalse(HistoryPage.can_create_at(home))

    def test_a_second_event_section_cannot_be_added_to_the_same_home(self):
        home = HomePage.objects.get()
        self.assertFalse(EventIndexPage.can_create_at(home))
