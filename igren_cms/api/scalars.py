"""Instants and absent values as the contract promises them."""


def or_none(value):
    """Blank text is absent: null in the API, never ""."""
    return value if value not in ("", None) else None


def attr_or_none(name):
    """A resolver returning the attribute, or null when it is blank."""
    return staticmethod(lambda obj, info: or_none(getattr(obj, name, None)))


# Where each custom scalar's form is specified (`@specifiedBy`), for codegen's scalar mappings.
SPECIFIED_BY = {
    # A calendar date, 2026-12-05: RFC 3339's full-date.
    "Date": "https://www.rfc-editor.org/rfc/rfc3339#section-5.6",
    # An instant with its offset, always +09:00 here: the GraphQL Scalars date-time.
    "DateTime": "https://scalars.graphql.org/andimarek/date-time",
}


def specify_scalars(schema) -> None:
    """Set `@specifiedBy` on the custom scalars of `schema` (a GraphQLSchema), in place:
    graphene has no option for it."""
    for name, url in SPECIFIED_BY.items():
        scalar = schema.type_map.get(name)
        if scalar is not None:
            scalar.specified_by_url = url
