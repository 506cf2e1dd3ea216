"""The HTTP endpoint for GraphQL: GET and POST, CORS for any origin, limits checked first."""

import json
import logging
import re
from time import monotonic

from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.gzip import gzip_page
from graphene_django.views import GraphQLView, HttpError, get_accepted_content_types
from graphql import (
    ExecutionContext,
    ExecutionResult,
    GraphQLError,
    OperationType,
    execute,
    get_operation_ast,
)

from igren_cms import outage
from igren_cms.conf import csrf_cookie_name, graphiql_enabled
from igren_cms.http_cache.views import cached_public
from igren_cms.ratelimit import too_many_requests
from pages.request_state import state_of

from . import budget, errors, limits, persisted
from .schema import schema

logger = logging.getLogger("igren_cms.api")


def cors_headers() -> dict:
    """What any origin may send: the methods of GraphQL over HTTP and the request headers of
    IGREN_API["CORS_ALLOW_HEADERS"] (Apollo's and urql's clients, W3C trace context, Sentry)."""
    return {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
        "Access-Control-Allow-Headers": ", ".join(limits.limit("CORS_ALLOW_HEADERS")),
        "Access-Control-Max-Age": "86400",
    }


# GraphQL over HTTP media types. A client that asks for the newer one gets 4xx for a request
# that fails parsing or validation; a client that asks for application/json (or nothing) gets
# the legacy 200 with an `errors` list, as the spec requires for compatibility.
GRAPHQL_RESPONSE = "application/graphql-response+json"
LEGACY_JSON = "application/json"


def response_media_type(request):
    """The media type the client prefers among the two we speak; application/json otherwise."""
    for media_type in get_accepted_content_types(request):
        if media_type in (GRAPHQL_RESPONSE, LEGACY_JSON):
            return media_type
    return LEGACY_JSON


def never_awaitable(_value) -> bool:
    return False


# The shape of a GraphQL-over-HTTP request body: parameter -> the JSON types it may have.
PARAMETER_TYPES = {
    "query": (str,),
    "operationName": (str, type(None)),
    "variables": (dict, type(None)),
    "extensions": (dict, type(None)),
}


def has_lone_surrogate(value) -> bool:
    """JSON may spell a lone UTF-16 surrogate ("\\ud800"), which no UTF-8 text can carry."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


MAX_JSON_DEPTH = 32  # variables nest as deep as input types do; ours are flat


def nested_deeper_than(value, limit: int = MAX_JSON_DEPTH) -> bool:
    """Iteratively, so the check itself cannot recurse too deeply (Python 3.13's json parses
    thousands of levels where 3.11's stopped at about a thousand)."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return False


def bad_request(message: str) -> HttpError:
    return HttpError(HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8"))


class OverBudget(Exception):
    """Raised out of execution when the client's cost budget is spent; `dispatch` answers the
    rate limiter's 429 (igren_cms.ratelimit.too_many_requests)."""

    def __init__(self, charge: budget.Charge):
        super().__init__(charge)
        self.charge = charge

    def response(self, request) -> HttpResponse:
        charge = self.charge
        message = (
            f"This client has spent its {charge.budget} query cost points of this minute; try "
            f"again in {charge.retry_after} seconds (this query costs {charge.cost})."
        )
        return too_many_requests(request, charge.retry_after, as_graphql=True, message=message)


def too_large_body(size: int, maximum: int) -> HttpResponse:
    body = json.dumps(
        {
            "errors": [
                {
                    "message": f"The request body is {size} bytes; the limit is {maximum} bytes.",
                    "extensions": {"code": errors.REQUEST_TOO_LARGE},
                }
            ]
        }
    )
    return HttpResponse(body, status=413, content_type="application/json; charset=utf-8")


def with_cost(result: str, extension: dict) -> str:
    """The encoded answer with `extensions.cost` added (a JSON object: its last byte is `}`)."""
    if not result or not result.endswith("}"):
        return result
    cost = json.dumps({"cost": extension}, separators=(",", ":"))
    return f'{result[:-1]},"extensions":{cost}}}'


def declared_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


QUOTED = re.compile(r"""(['"])([^'"]{100})[^'"]+\1""")
MAX_MESSAGE = 400


def shorten(message: str) -> str:
    """Error messages echo client input (operation names, literals): at most 100 characters of
    any quoted value, and of the whole message MAX_MESSAGE."""
    message = QUOTED.sub(lambda m: f"{m.group(1)}{m.group(2)}…{m.group(1)}", message)
    return message if len(message) <= MAX_MESSAGE else message[: MAX_MESSAGE - 1] + "…"


MAX_ERRORS = 20


class DatabaseUnavailable(Exception):
    """Raised out of execution so the whole response becomes a 503."""


class DeadlineExecution(ExecutionContext):
    """graphql-core's executor with a time budget: objects whose fields would start after the
    request's deadline fail with QUERY_TIMEOUT (null, as any failed field), the rest stand.

    Checked once per object rather than per field (a middleware would wrap every resolver, a
    fifth of the cost of a 50-event list in `make bench`). The budget comes from the context
    (`start_deadline`), one per request.
    """

    def execute_fields(self, parent_type, source_value, path, fields):
        budget = state_of(self.context_value).get("deadline")
        if budget is not None and monotonic() > budget[0]:
            raise GraphQLError(
                f"The query ran past its time limit of {budget[1]:g} s; ask for fewer items "
                "or fields.",
                extensions={"code": errors.QUERY_TIMEOUT},
            )
        return super().execute_fields(parent_type, source_value, path, fields)


def start_deadline(request, seconds: float) -> None:
    state_of(request).set("deadline", (monotonic() + seconds, seconds))


def malformed_parameter(data):
    """A plain message when a JSON body's parameter has the wrong type, else None."""
    if not isinstance(data, dict):
        return None  # GET query strings and form posts: every value is a string.
    for name, types in PARAMETER_TYPES.items():
        if name in data and not isinstance(data[name], types):
            return f"The `{name}` parameter has the wrong type."
    return None


@method_decorator(csrf_exempt, name="dispatch")
class PublicGraphQLView(GraphQLView):
    # The full validation (spec rules and our limits) runs in limits.check before execution;
    # an empty tuple stops graphene-django from validating a second time.
    validation_rules = ()

    def dispatch(self, request, *args, **kwargs):
        maximum, size = limits.limit("MAX_BODY_BYTES"), declared_length(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        elif size > maximum:
            response = too_large_body(size, maximum)
        else:
            try:
                response = super().dispatch(request, *args, **kwargs)
            except DatabaseUnavailable as error:
                outage.log_outage(error.args[0] if error.args else error)
                return outage.unavailable(as_graphql=True)
            except OverBudget as spent:
                response = spent.response(request)
            if response.get("Content-Type", "").startswith(LEGACY_JSON):
                response["Content-Type"] = f"{response_media_type(request)}; charset=utf-8"
        charge = state_of(request).get("cost")
        if request.method == "POST" and charge is not None and charge.remaining is not None:
            response["X-Cost-Remaining"] = str(charge.remaining)
        # graphene-django's dispatch asks for a CSRF cookie (for GraphiQL); the API is
        # csrf_exempt and takes no cookies, and a cookie would stop CDNs from caching.
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
        response.cookies.pop(csrf_cookie_name(), None)
        for header, value in cors_headers().items():
            response[header] = value
        response["Vary"] = "Accept"
        return response

    def parse_body(self, request):
        content_type = self.get_content_type(request)
        if content_type not in ("application/graphql", "application/json"):
            return super().parse_body(request)
        try:
            text = request.body.decode("utf-8")
        except UnicodeDecodeError:
            raise bad_request("The request body is not valid UTF-8.") from None
        if content_type == "application/graphql":
            return {"query": text}
        if not text.strip():
            return {}  # e.g. Apollo's GET with a JSON content type and no body
        try:
            data = json.loads(text)
        except RecursionError:
            raise bad_request("The JSON body is nested too deeply.") from None
        except ValueError:
            raise bad_request("POST body sent invalid JSON.") from None
        if not isinstance(data, dict):
            raise bad_request("The received data is not a valid JSON query (an object).")
        # Both walks only when the text could hold what they look for (counted at C speed).
        if text.count("{") + text.count("[") > MAX_JSON_DEPTH and nested_deeper_than(data):
            raise bad_request("The JSON body is nested too deeply.")
        if "\\u" in text and has_lone_surrogate(data):
            raise bad_request("The JSON body contains a lone UTF-16 surrogate (e.g. \\ud800).")
        return data

    @staticmethod
    def get_graphql_params(request, data):
        query, variables, operation_name, id_ = GraphQLView.get_graphql_params(request, data)
        if variables is not None and not isinstance(variables, dict):
            raise bad_request("`variables` must be a JSON object.")
        # A JSON body was checked whole in parse_body; variables sent as a string (GET, form
        # posts) were parsed just now and are checked here.
        if isinstance(request.GET.get("variables") or data.get("variables"), str) and variables:
            if nested_deeper_than(variables):
                raise bad_request("Variables are nested too deeply.")
            if has_lone_surrogate(variables):
                raise bad_request("`variables` contains a lone UTF-16 surrogate (e.g. \\ud800).")
        return query, variables, operation_name, id_

    def get_response(self, request, data, show_graphiql=False):
        problem = malformed_parameter(data)
        if problem:
            raise bad_request(problem)
        result, status_code = super().get_response(request, data, show_graphiql)
        maximum = limits.limit("MAX_RESPONSE_BYTES")
        if result and len(result) > maximum:
            result = self.json_encode(
                request,
                {
                    "errors": [
                        {
                            "message": f"The response would be over {maximum} bytes; ask for "
                            "fewer items per page or fewer fields.",
                            "extensions": {"code": errors.RESPONSE_TOO_LARGE},
                        }
                    ]
                },
            )
            status_code = 400
        charge = state_of(request).get("cost")
        if charge is not None:
            result = with_cost(result, charge.as_extension())
        if status_code == 400 and response_media_type(request) == LEGACY_JSON:
            # A well-formed request whose document fails parsing or validation.
            status_code = 200
        return result, status_code

    def execute_graphql_request(
        self, request, data, query, variables, operation_name, show_graphiql=False
    ):
        if not show_graphiql:
            try:
                query = persisted.document_for(query, persisted.extensions_of(request, data))
            except persisted.PersistedQueryError as error:
                if error.code == errors.BAD_REQUEST:
                    raise bad_request(str(error)) from None
                return ExecutionResult(data=None, errors=[error.as_graphql()])
        if not query:
            return super().execute_graphql_request(
                request, data, query, variables, operation_name, show_graphiql
            )
        document, found, cost = limits.check(
            self.schema, query, variables if isinstance(variables, dict) else None
        )
        if found:
            return ExecutionResult(data=None, errors=found)
        charge = budget.charge(request, cost)
        if charge.refused:
            raise OverBudget(charge)
        state_of(request).set("cost", charge)
        # Execute the checked document; graphene-django would parse the text a second time.
        operation = get_operation_ast(document, operation_name)
        if (
            request.method == "GET"
            and operation is not None
            and operation.operation != OperationType.QUERY
        ):
            raise HttpError(HttpResponseNotAllowed(["POST"], "Only queries may be sent with GET."))
        start_deadline(request, limits.limit("MAX_SECONDS"))
        try:
            result = execute(
                self.schema.graphql_schema,
                document,
                root_value=self.get_root_value(request),
                context_value=self.get_context(request),
                variable_values=variables,
                operation_name=operation_name,
                execution_context_class=DeadlineExecution,
                # Every resolver is synchronous: skip graphql-core's awaitable probe per value.
                is_awaitable=never_awaitable,
            )
            if result.errors and any(
                outage.is_outage(getattr(e, "original_error", None)) for e in result.errors
            ):
                raise DatabaseUnavailable(result.errors[0].original_error)
            if result.errors and len(result.errors) > MAX_ERRORS:
                result.errors = result.errors[:MAX_ERRORS]
            return result
        except DatabaseUnavailable:
            raise
        except outage.OUTAGE_ERRORS as error:
            raise DatabaseUnavailable(error) from None
        except Exception:
            logger.exception("GraphQL execution failed")
            return ExecutionResult(
                errors=[
                    GraphQLError(
                        "Internal error while executing the query.",
                        extensions={"code": errors.INTERNAL},
                    )
                ]
            )

    def json_encode(self, request, d, pretty=False):
        # Japanese as UTF-8, not \u escapes: about half the bytes before compression.
        if not (self.pretty or pretty) and not request.GET.get("pretty"):
            return json.dumps(d, separators=(",", ":"), ensure_ascii=False)
        return json.dumps(d, sort_keys=True, indent=2, ensure_ascii=False)

    @staticmethod
    def format_error(error):
        if not isinstance(error, GraphQLError):
            # graphene-django's own request errors (HttpError: no query, malformed body, GET
            # for a mutation): the message is written for the client.
            formatted = GraphQLView.format_error(error)
            formatted["message"] = shorten(formatted.get("message", ""))
            formatted["extensions"] = {"code": errors.BAD_REQUEST}
            return formatted
        original = getattr(error, "original_error", None)
        if original is not None and not isinstance(original, GraphQLError):
            code = errors.client_error(original)
            if code is None:
                # An unexpected failure inside a resolver: log it, tell the client nothing
                # internal.
                logger.error("GraphQL resolver failed", exc_info=original)
                message, code = "Internal error while resolving this field.", errors.INTERNAL
            else:
                message = str(original)  # written to be shown (pages.inputs.BadInput)
            error = GraphQLError(message, error.nodes, path=error.path, extensions={"code": code})
        elif not (error.extensions or {}).get("code"):
            # Without a path the request itself was wrong (e.g. a variable of the wrong type);
            # with one, a field failed in a way no resolver anticipated.
            errors.coded(error, errors.BAD_USER_INPUT if error.path is None else errors.INTERNAL)
        formatted = GraphQLView.format_error(error)
        formatted["message"] = shorten(formatted.get("message", ""))
        return formatted


# The view carries its own schema: a host site needs no GRAPHENE setting.
_plain = PublicGraphQLView.as_view(graphiql=False, schema=schema)
_with_graphiql = PublicGraphQLView.as_view(graphiql=True, schema=schema)


def cacheable(request) -> bool:
    """A GET for data (not GraphiQL's page in a browser)."""
    if request.method != "GET":
        return False
    return not (graphiql_enabled() and "text/html" in request.headers.get("Accept", ""))


def render_get(request, *args, **kwargs):
    """A GraphQL GET, marked public (kept by the response cache) when it is public data: a
    200 without errors, and not a preview."""
    view = _with_graphiql if graphiql_enabled() else _plain
    response = view(request, *args, **kwargs)
    private = state_of(request).get("private", False)  # e.g. a preview
    if private or response.status_code != 200 or b'"errors"' in response.content:
        response["Cache-Control"] = "no-store"
    else:
        response["Cache-Control"] = (
            f"public, max-age={limits.limit('CACHE_MAX_AGE')}, "
            f"stale-while-revalidate={limits.limit('STALE_WHILE_REVALIDATE')}"
        )
    return response


# Keyed by the content version, the whole query string (document or hash, variables,
# operation) and the Accept header: see igren_cms/http_cache/.
cached_get = cached_public("graphql", vary=("Accept", "Accept-Encoding"))(render_get)


@csrf_exempt
@gzip_page
def graphql_view(request, *args, **kwargs):
    # csrf_exempt must sit on the function the URLconf routes to: the CSRF middleware looks at
    # that callable, not at the class-based view it delegates to. The API takes no cookies.
    if cacheable(request):
        return cached_get(request, *args, **kwargs)
    view = _with_graphiql if graphiql_enabled() else _plain
    response = view(request, *args, **kwargs)
    if request.method == "POST":
        response["Cache-Control"] = "no-store"
    return response
