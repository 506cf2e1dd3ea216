"""Error codes: every error the API returns carries `extensions.code`, so clients branch on the
code rather than on the message (the list is documented in docs/api.md, "Errors").
"""

from graphql import GraphQLError

from pages import inputs
from pages.event_filters import UnknownSlug

BAD_REQUEST = "BAD_REQUEST"  # the HTTP request is malformed (no query, bad JSON body…)
BAD_USER_INPUT = "BAD_USER_INPUT"  # an argument or variable the client must correct
NOT_FOUND = "NOT_FOUND"  # a slug that names nothing public (filters); lookups answer null
GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"  # the document is not GraphQL
GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"  # unknown field, wrong argument type…
QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"  # over a size, depth, alias or cost limit
QUERY_TIMEOUT = "QUERY_TIMEOUT"  # ran past the time budget
RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE"
REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE"  # the HTTP body is over MAX_BODY_BYTES (413)
PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"  # send the document with its hash
PERSISTED_QUERY_HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH"  # the hash is not the document's
TRUSTED_DOCUMENT_REQUIRED = "TRUSTED_DOCUMENT_REQUIRED"  # trusted-documents mode: unknown document
PREVIEW_TOKEN_INVALID = "PREVIEW_TOKEN_INVALID"  # noqa: S105 - an error code: not signed by us
PREVIEW_TOKEN_EXPIRED = "PREVIEW_TOKEN_EXPIRED"  # noqa: S105 - an error code: too old or superseded
RATE_LIMITED = "RATE_LIMITED"
SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"
INTERNAL = "INTERNAL"  # our fault; logged, never detailed to the client

CODES = (
    BAD_REQUEST,
    BAD_USER_INPUT,
    NOT_FOUND,
    GRAPHQL_PARSE_FAILED,
    GRAPHQL_VALIDATION_FAILED,
    QUERY_TOO_COMPLEX,
    QUERY_TIMEOUT,
    RESPONSE_TOO_LARGE,
    REQUEST_TOO_LARGE,
    PERSISTED_QUERY_NOT_FOUND,
    PERSISTED_QUERY_HASH_MISMATCH,
    TRUSTED_DOCUMENT_REQUIRED,
    PREVIEW_TOKEN_INVALID,
    PREVIEW_TOKEN_EXPIRED,
    RATE_LIMITED,
    SERVICE_UNAVAILABLE,
    INTERNAL,
)


def coded(error: GraphQLError, code: str) -> GraphQLError:
    """The same error with `extensions.code` set (kept when it already has one)."""
    extensions = dict(error.extensions or {})
    extensions.setdefault("code", code)
    error.extensions = extensions
    return error


def client_error(original: Exception) -> str | None:
    """The code for a resolver's exception that is the client's to correct, else None."""
    if isinstance(original, UnknownSlug):
        return NOT_FOUND
    code = getattr(original, "code", None)  # e.g. pages.previews.PreviewTokenError
    if isinstance(original, inputs.BadInput) and code in CODES:
        return code
    if isinstance(original, inputs.BadInput):
        return BAD_USER_INPUT
    return None
