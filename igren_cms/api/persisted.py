"""Persisted queries: Apollo's automatic persisted queries and trusted documents.

Automatic persisted queries (APQ, Apollo's protocol): a client sends
`extensions.persistedQuery = {version: 1, sha256Hash}` without the document; if this server
has not seen the hash it answers PERSISTED_QUERY_NOT_FOUND, the client sends the document with
the hash, the server checks that the hash is the document's SHA-256 and keeps it in the Django
cache (Redis in production: every instance shares the registry). GET requests of hashes are
short and cacheable by a CDN.

Trusted documents (IGREN_API["TRUSTED_DOCUMENTS_ONLY"]): only documents registered with
`manage.py igren_trusted_documents` run, whether sent by hash or in full; APQ registration is
refused. The registry is the `TrustedDocument` table, so it survives cache flushes.
"""

import hashlib
import json
import re

from django.core.cache import cache
from graphql import GraphQLError

from igren_cms.conf import api_setting
from igren_cms.models import TrustedDocument

from . import errors

HASH = re.compile(r"^[0-9a-f]{64}$")
CACHE_PREFIX = "igren:apq:"


class PersistedQueryError(Exception):
    """A persisted-query request the client must change (the message is written for it)."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code

    def as_graphql(self) -> GraphQLError:
        return GraphQLError(str(self), extensions={"code": self.code})


def sha256(document: str) -> str:
    return hashlib.sha256(document.encode("utf-8", "surrogatepass")).hexdigest()


def extensions_of(request, data) -> dict | None:
    """The request's `extensions` (a JSON object in a body, a JSON string in a query string)."""
    value = data.get("extensions") if isinstance(data, dict) else None
    if value is None:
        value = request.GET.get("extensions")
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise PersistedQueryError(
                "`extensions` must be a JSON object.", errors.BAD_REQUEST
            ) from None
    if value is not None and not isinstance(value, dict):
        raise PersistedQueryError("`extensions` must be a JSON object.", errors.BAD_REQUEST)
    return value


def trusted_only() -> bool:
    return bool(api_setting("TRUSTED_DOCUMENTS_ONLY"))


def _trusted(digest: str) -> str | None:
    return TrustedDocument.objects.filter(sha256=digest).values_list("document", flat=True).first()


def document_for(query: str | None, extensions: dict | None) -> str | None:
    """The document to run: the query as sent, or the one registered under its hash."""
    persisted = (extensions or {}).get("persistedQuery")
    if persisted is None:
        if query and trusted_only() and _trusted(sha256(query)) is None:
            raise PersistedQueryError(
                "This server runs only its trusted documents; this one is not among them.",
                errors.TRUSTED_DOCUMENT_REQUIRED,
            )
        return query
    if (
        not isinstance(persisted, dict)
        or persisted.get("version") != 1
        or not isinstance(persisted.get("sha256Hash"), str)
        or not HASH.match(persisted["sha256Hash"])
    ):
        raise PersistedQueryError(
            "`extensions.persistedQuery` must be {version: 1, sha256Hash: <64 lower-case hex>}.",
            errors.BAD_REQUEST,
        )
    digest = persisted["sha256Hash"]
    if query:
        if sha256(query) != digest:
            raise PersistedQueryError(
                "The sha256Hash is not the SHA-256 of the query sent with it.",
                errors.PERSISTED_QUERY_HASH_MISMATCH,
            )
        if trusted_only():
            if _trusted(digest) is None:
                raise PersistedQueryError(
                    "This server runs only its trusted documents; this one is not among them.",
                    errors.TRUSTED_DOCUMENT_REQUIRED,
                )
        else:
            cache.set(CACHE_PREFIX + digest, query, api_setting("PERSISTED_QUERY_TTL"))
        return query
    found = _trusted(digest) if trusted_only() else cache.get(CACHE_PREFIX + digest)
    if found is None and not trusted_only():
        found = _trusted(digest)  # registered documents answer in APQ mode too
    if found is None:
        raise PersistedQueryError("PersistedQueryNotFound", errors.PERSISTED_QUERY_NOT_FOUND)
    return found
