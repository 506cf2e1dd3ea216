"""The HTTP endpoint for GraphQL: GET and POST, CORS for any origin, limits checked first."""

import logging

from django.conf import settings
from django.http import HttpResponse
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView
from graphql import ExecutionResult, GraphQLError

from . import limits

logger = logging.getLogger("igren_cms.api")

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, Accept",
    "Access-Control-Max-Age": "86400",
}


@method_decorator(csrf_exempt, name="dispatch")
class PublicGraphQLView(GraphQLView):
    # The full validation (spec rules and our limits) runs in limits.check before execution;
    # an empty tuple stops graphene-django from validating a second time.
    validation_rules = ()

    def dispatch(self, request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        else:
            response = super().dispatch(request, *args, **kwargs)
        for header, value in CORS_HEADERS.items():
            response[header] = value
        response["Vary"] = "Accept"
        return response

    def execute_graphql_request(
        self, request, data, query, variables, operation_name, show_graphiql=False
    ):
        if query:
            _document, errors = limits.check(self.schema, query)
            if errors:
                return ExecutionResult(data=None, errors=errors)
        return super().execute_graphql_request(
            request, data, query, variables, operation_name, show_graphiql
        )

    @staticmethod
    def format_error(error):
        original = getattr(error, "original_error", None)
        if original is not None and not isinstance(original, GraphQLError):
            # An unexpected failure inside a resolver: log it, tell the client nothing internal.
            logger.error("GraphQL resolver failed", exc_info=original)
            error = GraphQLError(
                "Internal error while resolving this field.", error.nodes, path=error.path
            )
        return GraphQLView.format_error(error)


_plain = PublicGraphQLView.as_view(graphiql=False)
_with_graphiql = PublicGraphQLView.as_view(graphiql=True)


def graphql_view(request, *args, **kwargs):
    view = _with_graphiql if settings.IGREN_GRAPHIQL else _plain
    return view(request, *args, **kwargs)
