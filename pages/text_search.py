"""Search that works for Japanese (no word spaces) as well as for Latin text.

Text and queries are folded the same way before matching: NFKC (全角 ＡＢＣ → ABC, half-width
ｶﾅ → カナ, ㈱ → (株)), katakana → hiragana (サロン and さろん match), lower case. The query is
split on any white space, the ideographic space U+3000 included; every term must appear, as a
substring, so one- and two-character terms (釜石, 横浜) match in the middle of words.

Pages are searched through `SearchEntry` rows (pages/models/search.py): plain text of the
published content, written when a page is published (pages/search_index.py). The visibility
gate still decides at request time which rows may be shown.
"""

import unicodedata

from django.db.models import Case, F, IntegerField, Q, Value, When

from pages.inputs import BadInput
from pages.models import SearchEntry

MAX_TERMS = 8
MAX_QUERY_LENGTH = 200
SNIPPET_BEFORE = 30
SNIPPET_LENGTH = 100

# Katakana ァ..ヶ (U+30A1..U+30F6) to the hiragana at the same place, 0x60 lower.
_KANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def fold(text: str) -> str:
    """Katakana to hiragana and lower case, one character for one (the text is NFKC already),
    so a position in the folded text is the same position in the text."""
    text = text.translate(_KANA)
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)  # e.g. İ


def terms(query: str) -> list[str]:
    """The folded terms of a query (at most MAX_TERMS, from its first MAX_QUERY_LENGTH chars)."""
    return [fold(t) for t in normalise(query[:MAX_QUERY_LENGTH]).split()[:MAX_TERMS]]


def required_terms(query: str) -> list[str]:
    found = terms(query or "")
    if not found:
        raise BadInput("The search query has no words.")
    return found


def entries_q(folded_terms, prefix="") -> Q:
    """Rows of SearchEntry that contain every term, in their title or their text."""
    q = Q()
    for term in folded_terms:
        q &= Q(**{f"{prefix}title_folded__contains": term}) | Q(
            **{f"{prefix}text_folded__contains": term}
        )
    return q


def title_first(queryset, folded_terms):
    """Order rows whose title holds every term first, then newest first, then by title."""
    in_title = Q()
    for term in folded_terms:
        in_title &= Q(title_folded__contains=term)
    return queryset.annotate(
        title_rank=Case(
            When(in_title, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
    ).order_by("title_rank", F("date").desc(nulls_last=True), "title", "pk")


def matching_pages(queryset, query: str, kind: str):
    """`queryset` (pages of one kind) narrowed to those whose indexed text holds every term
    (a query of no words leaves it as it is)."""
    folded = terms(query or "")
    if not folded:
        return queryset
    rows = SearchEntry.objects.filter(kind=kind).filter(entries_q(folded))
    return queryset.filter(pk__in=rows.values("page_id"))


def snippet(text: str, folded_text: str, folded_terms) -> str:
    """A short plain-text excerpt of `text` around the first term found in it."""
    found = [i for i in (folded_text.find(t) for t in folded_terms) if i >= 0]
    start = max(0, min(found) - SNIPPET_BEFORE) if found else 0
    end = start + SNIPPET_LENGTH
    excerpt = " ".join(text[start:end].split())
    return ("…" if start else "") + excerpt + ("…" if end < len(text) else "")
