"""Substring search that works for Japanese (no word spaces) as well as for Latin text.

The query is NFKC-normalised (全角 ＡＢＣ → ABC, half-width ｶﾅ → カナ) and split on any white
space, including the ideographic space U+3000; every term must appear in one of the fields.
"""

import unicodedata

from django.db.models import Q

MAX_TERMS = 8
MAX_QUERY_LENGTH = 200


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def terms(query: str) -> list[str]:
    return normalise(query[:MAX_QUERY_LENGTH]).split()[:MAX_TERMS]


def search_q(query: str, fields: tuple[str, ...]) -> Q:
    q = Q()
    for term in terms(query):
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": term})
        q &= any_field
    return q
