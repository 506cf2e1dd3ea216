"""A Wagtail search backend that finds Japanese: every admin listing that searches (pages,
snippets, images, documents, users' choosers) matches the way the API's `search` does.

    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "igren_cms.search_backend"}}

Wagtail's database backends split text into words (PostgreSQL full-text search, SQLite FTS5),
which Japanese does not have: 釜石 inside 岩手県釜石地域支援プロジェクト, or 横浜 inside 横浜市,
is never found, and さろん never finds サロン. This backend is Wagtail's substring ("fallback")
database backend with both sides folded (pages/text_search.py: NFKC, katakana → hiragana,
lower case): each word of the query must appear, folded, inside one of the model's search
fields, folded in SQL. It keeps no index of its own, so there is nothing to rebuild; it reads
every row of the listing it searches, which suits an association's few thousand rows (see
docs/decisions.md for what to switch to beyond that).
"""

from functools import cache

from django.apps import apps
from django.db import models
from modelsearch.backends.database.fallback import (
    DatabaseSearchBackend,
    DatabaseSearchQueryCompiler,
    DatabaseSearchResults,
)
from modelsearch.query import Phrase, PlainText
from wagtail.models import Page

from pages.text_search import fold, normalise
from snippets.kana import ReadingMixin

KATAKANA = "".join(chr(c) for c in range(0x30A1, 0x30F7))
HIRAGANA = "".join(chr(c - 0x60) for c in range(0x30A1, 0x30F7))


def fold_in_python(value):
    return None if value is None else fold(normalise(str(value)))


class Fold(models.Func):
    """The folded text of an expression, computed by the database (same result as `fold`)."""

    output_field = models.TextField()
    function = "LOWER"  # other databases: case only

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            template=f"translate(lower(normalize((%(expressions)s)::text, NFKC)), "
            f"'{KATAKANA}', '{HIRAGANA}')",
            **extra,
        )

    def as_sqlite(self, compiler, connection, **extra):
        # SQLite calls back into Python; registering again on the same connection is cheap.
        connection.ensure_connection()
        connection.connection.create_function("igren_fold", 1, fold_in_python, deterministic=True)
        return self.as_sql(compiler, connection, function="igren_fold", **extra)


@cache
def reading_page_models() -> tuple:
    """The page types that have a reading (ReadingMixin): salons and projects."""
    return tuple(
        model
        for model in apps.get_models()
        if issubclass(model, Page) and issubclass(model, ReadingMixin)
    )


class FoldedQueryCompiler(DatabaseSearchQueryCompiler):
    def _matches(self, text) -> models.Q:
        folded = fold(normalise(text))
        q = models.Q()
        for field_name in self.fields_names:
            q |= models.Q(models.lookups.Contains(Fold(models.F(field_name)), folded))
        model = self.queryset.model
        if issubclass(model, Page) and not issubclass(model, ReadingMixin):
            # The admin's page search looks at Page's own fields: salons and projects are found
            # by their reading too (よこはま finds 横浜サロン).
            for reading_model in reading_page_models():
                q |= models.Q(
                    pk__in=reading_model.objects.filter(reading__contains=folded).values("pk")
                )
        return q

    def build_single_term_filter(self, term):
        return self._matches(term)

    def build_database_filter(self, query, boost=1.0):
        if isinstance(query, PlainText):
            words = normalise(query.query_string).split()
            operator = self.OPERATORS[query.operator]
            return operator([self._matches(word) for word in words])
        if isinstance(query, Phrase):
            return self._matches(query.query_string)
        return super().build_database_filter(query, boost)


class FoldedSearchResults(DatabaseSearchResults):
    pass


class FoldedSearchBackend(DatabaseSearchBackend):
    query_compiler_class = FoldedQueryCompiler
    autocomplete_query_compiler_class = FoldedQueryCompiler
    results_class = FoldedSearchResults


SearchBackend = FoldedSearchBackend
