"""The arguments of the project list (GraphQL's `projects`), validated and applied.

As `pages.event_filters` does for events: a typo in a category is an error (`UnknownSlug`), never
an empty list that looks like no projects.
"""

from dataclasses import dataclass

from pages import inputs
from pages.event_filters import UnknownSlug
from pages.text_search import matching_pages
from snippets.models import Category


@dataclass
class ProjectFilter:
    status: str | None = None
    category: str | None = None
    search: str | None = None

    def apply(self, projects):
        """Narrow an already-public ProjectPage queryset; raises on bad values."""
        for name, value in (("category", self.category), ("searchQuery", self.search)):
            if value is not None:
                inputs.text(value, name)
        if self.status is not None:
            projects = projects.filter(status=self.status)
        if self.category is not None:
            if not Category.objects.filter(slug=self.category).exists():
                raise UnknownSlug(f"Unknown category {inputs.echo(self.category)}.")
            projects = projects.filter(categories__slug=self.category)
        if self.search:
            projects = matching_pages(projects, self.search, "project")
        return projects
