"""Checks a query document before anything runs, so a hostile query costs almost nothing.

In order: document size, lexical tokens (the parser stops counting at the limit), then one linear
walk that measures depth, aliases, directives and a cost estimate with each fragment measured
once (memoised), so self-referencing, undefined or doubling fragment chains are cheap. Only then
the GraphQL spec validation rules run (plus the introspection rule when introspection is off).
Limits live in settings.IGREN_API (defaults in igren_cms.conf).

Accepted documents are kept in a small LRU keyed by the query text and the limits in force:
frontends send the same few queries over and over, and each is parsed and validated once.
"""

import threading
from collections import OrderedDict
from dataclasses import dataclass

from graphql import GraphQLError, parse, specified_rules, validate
from graphql.language import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    IntValueNode,
    OperationDefinitionNode,
)
from graphql.validation import NoSchemaIntrospectionCustomRule

from igren_cms.conf import API_DEFAULTS, api_setting

# List fields and the argument that sizes them (with its default when absent or a variable).
LIST_SIZES = {
    "events": ("perPage", 20, 100),
    "projects": ("perPage", 20, 100),
    "upcomingEvents": ("limit", 5, 20),
    "salons": (None, 10, 10),
}


def limit(name):
    return api_setting(name)


@dataclass
class Measure:
    depth: int = 0
    cost: int = 0
    aliases: int = 0
    directives: int = 0


class _Walker:
    def __init__(self, document: DocumentNode, cost_cap: int):
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.memo: dict[str, Measure] = {}
        self.visiting: set[str] = set()
        self.cap = cost_cap + 1  # costs are clamped so doubling chains stay small integers

    def fragment(self, name: str) -> Measure:
        if name in self.memo:
            return self.memo[name]
        node = self.fragments.get(name)
        if node is None or name in self.visiting:
            return Measure()  # undefined or cyclic: the spec rules report it
        self.visiting.add(name)
        measure = self.selection_set(node.selection_set)
        measure.directives += len(node.directives or ())
        self.visiting.discard(name)
        self.memo[name] = measure
        return measure

    def selection_set(self, selection_set) -> Measure:
        total = Measure()
        for selection in selection_set.selections if selection_set else ():
            total.directives += len(selection.directives or ())
            if isinstance(selection, FieldNode):
                child = self.selection_set(selection.selection_set)
                size = _list_size(selection)
                total.depth = max(total.depth, child.depth + 1)
                total.cost = min(self.cap, total.cost + 1 + size * child.cost)
                total.aliases += child.aliases + (1 if selection.alias else 0)
                total.directives += child.directives
            else:
                if isinstance(selection, FragmentSpreadNode):
                    child = self.fragment(selection.name.value)
                else:  # InlineFragmentNode
                    child = self.selection_set(selection.selection_set)
                total.depth = max(total.depth, child.depth)
                total.cost = min(self.cap, total.cost + child.cost)
                total.aliases = min(self.cap, total.aliases + child.aliases)
                total.directives = min(self.cap, total.directives + child.directives)
        return total


def _list_size(field: FieldNode) -> int:
    spec = LIST_SIZES.get(field.name.value)
    if spec is None:
        return 1
    argument, default, maximum = spec
    for arg in field.arguments or ():
        if arg.name.value == argument:
            if isinstance(arg.value, IntValueNode):
                return max(1, min(maximum, int(arg.value.value)))
            return maximum  # a variable: assume the largest the resolver accepts
    return default


def measure(document: DocumentNode) -> Measure:
    walker = _Walker(document, limit("MAX_COST"))
    worst = Measure()
    for definition in document.definitions:
        if isinstance(definition, OperationDefinitionNode):
            m = walker.selection_set(definition.selection_set)
            m.directives += len(definition.directives or ())
            worst = Measure(
                max(worst.depth, m.depth),
                max(worst.cost, m.cost),
                max(worst.aliases, m.aliases),
                max(worst.directives, m.directives),
            )
    return worst


ACCEPTED_CACHE_SIZE = 256
_accepted: OrderedDict = OrderedDict()
_accepted_lock = threading.Lock()


def _limits_in_force() -> tuple:
    return tuple(limit(name) for name in API_DEFAULTS)


def check(schema, query: str):
    """(document, []) when the query may run, else (None, [errors]). Acceptances are cached."""
    key = (id(schema), query, _limits_in_force())
    with _accepted_lock:
        document = _accepted.get(key)
        if document is not None:
            _accepted.move_to_end(key)
            return document, []
    document, errors = _check(schema, query)
    if document is not None:
        with _accepted_lock:
            _accepted[key] = document
            while len(_accepted) > ACCEPTED_CACHE_SIZE:
                _accepted.popitem(last=False)
    return document, errors


def _check(schema, query: str):
    size = len(query.encode("utf-8"))
    if size > limit("MAX_QUERY_BYTES"):
        return None, [
            GraphQLError(
                f"The query is {size} bytes; the limit is {limit('MAX_QUERY_BYTES')} bytes. "
                "Pass long values as variables."
            )
        ]
    try:
        document = parse(query, max_tokens=limit("MAX_TOKENS"), no_location=False)
    except GraphQLError as error:
        return None, [error]
    except RecursionError:
        return None, [GraphQLError("The query is nested too deeply.")]
    try:
        m = measure(document)
    except RecursionError:
        return None, [GraphQLError("The query is nested too deeply.")]
    for value, name, what in (
        (m.depth, "MAX_DEPTH", "nesting depth"),
        (m.aliases, "MAX_ALIASES", "number of aliases"),
        (m.directives, "MAX_DIRECTIVES", "number of directives"),
        (m.cost, "MAX_COST", "estimated cost"),
    ):
        if value > limit(name):
            return None, [GraphQLError(f"The query's {what} is over the limit of {limit(name)}.")]
    rules = list(specified_rules)
    if not limit("INTROSPECTION"):
        rules.append(NoSchemaIntrospectionCustomRule)
    errors = validate(
        schema.graphql_schema,
        document,
        rules,
        max_errors=20,
        hide_suggestions=not limit("FIELD_SUGGESTIONS"),
    )
    return (None, errors) if errors else (document, [])
