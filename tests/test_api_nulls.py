"""`null` sent to every argument of the schema: its default, or a clear BAD_USER_INPUT, never an
INTERNAL error (graphene passes an explicit null to a resolver as None, default or not)."""

import pytest
from graphql import (
    GraphQLInterfaceType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLUnionType,
    get_named_type,
)

from igren_cms.api.schema import schema

pytestmark = pytest.mark.django_db

SCHEMA = schema.graphql_schema
# Root fields that need an argument to answer at all (a path, a token, a slug or id): null for
# all of them is their one error, BAD_USER_INPUT. Types are reached through the lists instead.
REQUIRED_INPUT = {"page", "redirect", "preview", "event", "salon", "project"}
# Values for the arguments null cannot be given to (non-null ones).
SAMPLES = {"Int": "320", "String": '"横浜"', "ID": '"1"', "Boolean": "true"}


def leaf_selection(type_) -> str:
    """A selection that is valid on any output type: `__typename` for composite types."""
    named = get_named_type(type_)
    if isinstance(named, GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType):
        return " { __typename }"
    return ""


def nulls(field) -> str:
    """Every nullable argument as null, every non-null one with a plain value."""
    given = [
        f"{name}: {SAMPLES[get_named_type(arg.type).name]}"
        if isinstance(arg.type, GraphQLNonNull)
        else f"{name}: null"
        for name, arg in field.args.items()
    ]
    return f"({', '.join(given)})" if given else ""


def has_nullable_arguments(field) -> bool:
    return any(not isinstance(a.type, GraphQLNonNull) for a in field.args.values())


def paths_to_types():
    """For each object type, a query prefix that reaches it from the root: {type: (open, close)}."""
    found = {"Query": ("", "")}
    queue = ["Query"]
    while queue:
        name = queue.pop(0)
        opening, closing = found[name]
        for field_name, field in SCHEMA.type_map[name].fields.items():
            if name == "Query" and field_name in REQUIRED_INPUT | {"search"}:
                continue  # these answer only with arguments: types are reached through lists
            if any(isinstance(a.type, GraphQLNonNull) for a in field.args.values()):
                continue
            target = get_named_type(field.type)
            targets = []
            if isinstance(target, GraphQLObjectType):
                targets = [(target.name, "")]
            elif isinstance(target, GraphQLInterfaceType):
                targets = [(t.name, t.name) for t in SCHEMA.get_possible_types(target)]
            for type_name, fragment in targets:
                if type_name in found:
                    continue
                inner = f"... on {fragment} {{ " if fragment else ""
                inner_close = " }" if fragment else ""
                found[type_name] = (
                    f"{opening}{field_name} {{ {inner}",
                    f"{inner_close} }}{closing}",
                )
                queue.append(type_name)
    return found


def cases():
    reached = paths_to_types()
    for type_name, (opening, closing) in sorted(reached.items()):
        for field_name, field in SCHEMA.type_map[type_name].fields.items():
            if not has_nullable_arguments(field):
                continue
            yield pytest.param(
                f"{{ {opening}{field_name}{nulls(field)}{leaf_selection(field.type)}{closing} }}",
                field_name,
                id=f"{type_name}.{field_name}",
            )


@pytest.mark.parametrize(("query", "field_name"), list(cases()))
def test_null_for_every_argument_is_its_default_or_a_clear_error(gql, query, field_name):
    body = gql(query)
    codes = {e.get("extensions", {}).get("code") for e in body.get("errors", [])}
    assert "INTERNAL" not in codes, (query, body["errors"])
    assert codes <= {"BAD_USER_INPUT"}, (query, body.get("errors"))
    if field_name not in REQUIRED_INPUT:
        assert not codes, (query, body.get("errors"))


def test_every_type_with_arguments_is_reached():
    reached = paths_to_types()
    with_arguments = {
        name
        for name, type_ in SCHEMA.type_map.items()
        if isinstance(type_, GraphQLObjectType)
        and not name.startswith("__")
        and any(f.args for f in type_.fields.values())
    }
    assert with_arguments <= set(reached)
