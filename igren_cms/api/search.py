"""`search`: site-wide Japanese search over public events, salons, projects and history entries.

Matching and ranking live in pages/text_search.py (the same matching serves
`events(searchQuery)` and `projects(searchQuery)`); rows come from `SearchEntry`, narrowed by
the visibility gate at request time.
"""

import graphene
from wagtail.models import Page as WagtailPage

from pages import inputs, text_search
from pages.models import EventPage, ProjectPage, SalonPage, SearchEntry
from pages.models.history import HistoryEntry, anchor_of

from .context import any_locale, audience, locale_args
from .enums import from_values
from .nodes import PAGE_LOADERS
from .page_types import Page, page_path, page_url
from .pagination import Pagination, paginate

SearchType = from_values(
    "SearchType",
    SearchEntry.Kind.values,
    "What a search result is: an event, salon, project or history entry.",
)
KIND_MODELS = {"event": EventPage, "salon": SalonPage, "project": ProjectPage}


class SearchResult(graphene.ObjectType):
    """One match: a page, or one entry of the history timeline."""

    id = graphene.ID(
        required=True,
        description="This result of this query (the snippet depends on the words): "
        "SearchResult:entry:words. The matched page is `page`, keyed as itself.",
    )
    kind = graphene.Field(SearchType, required=True, description="What matched.")
    title = graphene.String(
        required=True, description="Title of the page or history entry, as the page writes it."
    )
    snippet = graphene.String(
        required=True, description="Plain text around the first match (…where cut), ≤ 100 chars."
    )
    date = graphene.Date(
        description="Event day, salon opening, project start or history date, when known."
    )
    url = graphene.String(
        required=True, description="Absolute URL (a history entry's anchor on its page)."
    )
    path = graphene.String(
        required=True,
        description="Path within the site, as `page(path:)` takes it; a history entry's ends "
        "with its anchor (/history/#entry-9), which `page(path:)` ignores.",
    )
    page = graphene.Field(Page, description="The matched page; null for a history entry.")
    anchor = graphene.String(description="A history entry's anchor on its page (entry-9).")

    resolve_date = staticmethod(lambda row, info: row.date)

    @staticmethod
    def resolve_id(row, info):
        return f"SearchResult:{row.pk}:{' '.join(row.folded_terms)}"

    @staticmethod
    def resolve_title(row, info):
        if row.kind == "history":
            return row.results.entry_titles().get(row.entry_id, row.title)
        return row.page.title

    @staticmethod
    def resolve_anchor(row, info):
        return anchor_of(row.entry_id) if row.entry_id is not None else None

    @staticmethod
    def resolve_snippet(row, info):
        return text_search.snippet(row.text, row.text_folded, row.folded_terms)

    @staticmethod
    def resolve_url(row, info):
        return with_anchor(page_url(row.page, info), row)

    @staticmethod
    def resolve_path(row, info):
        return with_anchor(page_path(row.page, info), row)

    @staticmethod
    def resolve_page(row, info):
        if row.kind == "history":
            return None
        return row.results.loaded_pages(info).get(row.page_id)


def with_anchor(address, row):
    if address and row.entry_id is not None:
        return f"{address}#{anchor_of(row.entry_id)}"
    return address


class SearchResults(graphene.ObjectType):
    """One page of search results, title matches first, then newest first."""

    items = graphene.List(
        graphene.NonNull(SearchResult), required=True, description="The results on this page."
    )
    pagination = graphene.Field(
        Pagination, required=True, description="Where this page sits in all the results."
    )


class ResultPage:
    """The rows of one page of results; their pages are loaded together, once, if asked for."""

    def __init__(self, rows):
        self.rows = rows
        self._pages = None
        self._entry_titles = None

    def entry_titles(self):
        """History entries' titles as written (rows keep them NFKC-normalised), in one query."""
        if self._entry_titles is None:
            ids = [r.entry_id for r in self.rows if r.kind == "history"]
            found = HistoryEntry.objects.filter(pk__in=ids).values_list("pk", "title")
            self._entry_titles = dict(found) if ids else {}
        return self._entry_titles

    def loaded_pages(self, info):
        if self._pages is None:
            self._pages = {}
            for kind, model in KIND_MODELS.items():
                ids = [r.page_id for r in self.rows if r.kind == kind]
                if ids:
                    loader = PAGE_LOADERS.get(model)
                    who = any_locale(info)
                    queryset = loader(info, who) if loader else model.objects.visible_to(who)
                    pages = list(queryset.filter(pk__in=ids))
                    self._pages.update((p.pk, p) for p in pages)
        return self._pages


def resolve_search(
    root, info, query, types=None, page=None, per_page=None, locale=None, fallback=None
):
    inputs.text(query, "query")
    folded = text_search.required_terms(query)
    visible = audience(info, None, locale, fallback).filter(WagtailPage.objects.all())
    visible = visible.values("pk")
    rows = SearchEntry.objects.filter(text_search.entries_q(folded), page_id__in=visible)
    if types is not None:
        rows = rows.filter(kind__in=[getattr(t, "value", t) for t in types])
    rows = text_search.title_first(rows.select_related("page"), folded)
    items, pagination = paginate(rows, page, per_page)
    results = ResultPage(items)
    for row in items:
        row.folded_terms = folded
        row.results = results
    return SearchResults(items=items, pagination=pagination)


class SearchQueries(graphene.ObjectType):
    search = graphene.Field(
        SearchResults,
        query=graphene.String(
            required=True,
            description="Words that must all appear (title or text). Japanese matches inside "
            "words; full-/half-width, hiragana/katakana and case are folded.",
        ),
        types=graphene.List(
            graphene.NonNull(SearchType), description="Only these kinds (default: all)."
        ),
        page=graphene.Int(description="Page number, from 1."),
        per_page=graphene.Int(description="Items per page, 1-100 (default 20)."),
        **locale_args(),
        resolver=resolve_search,
        description="Public events (past and future), salons, projects and history entries "
        "matching `query`, title matches first; null (with an error) for a query of no words.",
    )
