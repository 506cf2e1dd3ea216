"""The HTTP endpoint for GraphQL: GET and POST, GraphiQL only where settings allow it."""

from django.conf import settings
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView

_plain = GraphQLView.as_view(graphiql=False)
_with_graphiql = GraphQLView.as_view(graphiql=True)


def _view(request, *args, **kwargs):
    view = _with_graphiql if settings.IGREN_GRAPHIQL else _plain
    return view(request, *args, **kwargs)


graphql_view = csrf_exempt(_view)
