"""Checks a query document before anything runs, so a hostile query costs almost nothing.

In order: document size, lexical tokens (the parser stops counting at the limit), then one linear
walk that measures depth, aliases, directives and a cost estimate with each fragment measured
once (memoised), so self-referencing, undefined or doubling fragment chains are cheap. Only then
the GraphQL spec validation rules run (plus the introspection rule when introspection is off).
Limits live in settings.IGREN_API (defaults in igren_cms.conf).

Accepted documents are kept in a small LRU keyed by the query text and the limits in force:
frontends send the same few queries over and over, and each is parsed and validated once.
"""

import hashlib
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass

from graphql import (
    GraphQLEnumType,
    GraphQLError,
    GraphQLObjectType,
    parse,
    specified_rules,
    validate,
)
from graphql.language import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    IntValueNode,
    ListTypeNode,
    NonNullTypeNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
)
from graphql.validation import NoSchemaIntrospectionCustomRule

from igren_cms.conf import API_DEFAULTS, api_setting

from . import errors

# List fields, the argument that sizes them, its default and its largest accepted value. A
# variable is costed at the value the request gives it (or its declared default).
LIST_SIZES = {
    "events": ("perPage", 20, 100),
    "projects": ("perPage", 20, 100),
    "search": ("perPage", 20, 100),
    "upcomingEvents": ("limit", 5, 20),
    "nextMeetings": ("first", 5, 50),
    # An activity report's groups: the salons, projects and categories of a 年度.
    "groups": (None, 30, 30),
    # Up to `limit` events in all, grouped into months: the rows are the events.
    "eventMonths": ("limit", 10, 100),
    "salons": (None, 10, 10),
    "redirects": (None, 100, 100),
    "navigation": (None, 10, 10),
}
# Sized by their arguments at the root only (Query.events, not EventMonth.events).
ROOT_LISTS = frozenset({"events", "projects", "search"})
INTROSPECTION_FIELDS = frozenset({"__schema", "__type"})


# What a field costs, in units of one plain scalar on one item (~0.02-0.03 ms measured), when it
# costs more than that. Measured on 100 events of the demo plus 500 (see docs/api.md, "Limits"):
# a list row itself (loading the event and attaching its relations) ~0.15 ms, jsonLd ~0.2 ms
# (the whole event described and serialised), rich text ~0.05-0.1 ms with links.
FIELD_WEIGHTS = {
    "items": 8,  # inside events/projects, so counted once per row
    "jsonLd": 10,
    "body": 4,
    "introduction": 2,
    "entries": 4,
    "organisations": 2,
    "categories": 2,
    "partnerOrganisations": 2,
    "hostOrganisations": 2,
    # A rendition is one query when it exists; the first request for a size also writes the
    # file (bounded by the IGREN_IMAGES allow-list). srcSet is up to five of them.
    "rendition": 10,
    "srcSet": 25,
}
# Lists whose rows are their direct children: the row cost is inside the multiplication.
ROW_WEIGHTS = {"upcomingEvents": 8, "salons": 8, "eventMonths": 8}
# Single-object lookups at the root: each loads its object and its relations on its own, about
# 3 ms where a list row costs 0.15 ms (measured on the demo: 30 aliases of `event(id:)` with
# jsonLd body when location took 89 ms, a list of the same rows 6 ms). So an alias of a lookup
# costs what it takes, and aliases multiply it: 30 such aliases are over MAX_COST.
ROOT_WEIGHTS = {
    "event": 150,
    "project": 150,
    "salon": 150,
    "page": 150,
    "node": 150,
    "preview": 150,
    # A whole 年度 of events loaded and grouped (a few hundred rows).
    "activityReport": 600,
}


def limit(name):
    return api_setting(name)


@dataclass
class Measure:
    depth: int = 0
    cost: int = 0
    aliases: int = 0
    directives: int = 0
    selections: int = 0  # as written in the document, each fragment once
    introspection_depth: int = 0  # of operations that ask only for __schema / __type
    costliest: tuple[str, int] = ("", 0)  # the root field that costs most, with its cost
    sized_by_variables: bool = False  # a list size comes from a variable


class _Walker:
    def __init__(
        self,
        document: DocumentNode,
        cost_cap: int,
        variables: dict | None = None,
        object_types: frozenset = frozenset(),
    ):
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.memo: dict[tuple[str, bool], Measure] = {}
        self.visiting: set[str] = set()
        self.cap = cost_cap + 1  # costs are clamped so doubling chains stay small integers
        self.variables = variables or {}
        self.sized_by_variables = False
        # Fragments on two object types of one field never both run (an object has one type):
        # such branches cost the most expensive of them, not their sum. Fragments on interfaces
        # and unions, or with no type condition, add up as before.
        self.object_types = object_types

    def fragment(self, name: str, root: bool = False) -> Measure:
        """A fragment's measure; spread at the root, its fields are root fields (so it is
        memoised apart from the same fragment spread deeper)."""
        if (name, root) in self.memo:
            return self.memo[name, root]
        node = self.fragments.get(name)
        if node is None or name in self.visiting:
            return Measure()  # undefined or cyclic: the spec rules report it
        self.visiting.add(name)
        measure = self.selection_set(node.selection_set, root=root)
        measure.directives += len(node.directives or ())
        self.visiting.discard(name)
        self.memo[name, root] = measure
        return measure

    def type_condition(self, selection) -> str | None:
        """The object type a fragment applies to, when it names one (else None)."""
        if isinstance(selection, FragmentSpreadNode):
            node = self.fragments.get(selection.name.value)
            condition = node.type_condition if node is not None else None
        else:
            condition = selection.type_condition
        name = condition.name.value if condition is not None else None
        return name if name in self.object_types else None

    def selection_set(self, selection_set, root: bool = False) -> Measure:
        total = Measure()
        branches: dict[str, int] = {}  # object type -> cost of its fragments here
        for selection in selection_set.selections if selection_set else ():
            total.directives += len(selection.directives or ())
            if isinstance(selection, FieldNode):
                child = self.selection_set(selection.selection_set)
                name = selection.name.value
                # `events` inside an EventMonth is that month's share of the root's limit; an
                # index page's `events { items }` is a page of its own, sized like the root's.
                paged = root or name not in ROOT_LISTS or self.selects_items(selection)
                size = self.list_size(selection) if paged else 1
                weight = FIELD_WEIGHTS.get(name, 1) + (ROOT_WEIGHTS.get(name, 0) if root else 0)
                row = ROW_WEIGHTS.get(name, 0)
                total.depth = max(total.depth, child.depth + 1)
                total.cost = min(self.cap, total.cost + weight + size * (row + child.cost))
                total.aliases += child.aliases + (1 if selection.alias else 0)
                total.directives += child.directives
            else:
                if isinstance(selection, FragmentSpreadNode):
                    child = self.fragment(selection.name.value, root)
                else:  # InlineFragmentNode
                    child = self.selection_set(selection.selection_set, root=root)
                total.depth = max(total.depth, child.depth)
                branch = self.type_condition(selection) if not root else None
                if branch is not None:
                    branches[branch] = min(self.cap, branches.get(branch, 0) + child.cost)
                else:
                    total.cost = min(self.cap, total.cost + child.cost)
                total.aliases = min(self.cap, total.aliases + child.aliases)
                total.directives = min(self.cap, total.directives + child.directives)
        if branches:
            total.cost = min(self.cap, total.cost + max(branches.values()))
        return total

    def selects_items(self, field: FieldNode) -> bool:
        """Whether a list field is a page of items (EventList, ProjectList): `items` selected
        directly or through fragments."""
        pending, seen = [field.selection_set], set()
        while pending:
            selection_set = pending.pop()
            for selection in selection_set.selections if selection_set else ():
                if isinstance(selection, FieldNode):
                    if selection.name.value == "items":
                        return True
                elif isinstance(selection, FragmentSpreadNode):
                    name = selection.name.value
                    if name not in seen and name in self.fragments:
                        seen.add(name)
                        pending.append(self.fragments[name].selection_set)
                else:
                    pending.append(selection.selection_set)
        return False

    def list_size(self, field: FieldNode) -> int:
        spec = LIST_SIZES.get(field.name.value)
        if spec is None:
            return 1
        return self.argument_size(field, *spec)

    def argument_size(self, field: FieldNode, argument, default: int, maximum: int) -> int:
        for arg in field.arguments or ():
            if arg.name.value != argument:
                continue
            value = arg.value
            if isinstance(value, VariableNode):
                self.sized_by_variables = True
                value = self.variables.get(value.name.value)
                if value is None:
                    return default
                if not isinstance(value, int) or isinstance(value, bool):
                    return maximum  # refused when variables are coerced; cost it high meanwhile
                return max(1, min(maximum, value))
            if isinstance(value, IntValueNode):
                return max(1, min(maximum, int(value.value)))
            return maximum
        return default


def written_selections(document: DocumentNode) -> int:
    """Selections as written, each fragment once: what spec validation has to compare (its
    overlapping-fields rule is quadratic in them). Iterative, so any nesting is cheap."""
    count = 0
    stack = [getattr(d, "selection_set", None) for d in document.definitions]
    while stack:
        selection_set = stack.pop()
        if selection_set is None:
            continue
        count += len(selection_set.selections)
        stack.extend(getattr(s, "selection_set", None) for s in selection_set.selections)
    return count


def variable_values(operation: OperationDefinitionNode, given: dict | None) -> dict:
    """The request's variables, with each declared default filled in."""
    values = {}
    for definition in operation.variable_definitions or ():
        default = definition.default_value
        if isinstance(default, IntValueNode):
            values[definition.variable.name.value] = int(default.value)
    values.update(given or {})
    return values


_object_types: dict[int, frozenset] = {}


def object_type_names(schema) -> frozenset:
    """The names of a schema's object types (graphene's Schema or graphql-core's), once per
    schema."""
    graphql_schema = getattr(schema, "graphql_schema", schema)
    if graphql_schema is None:
        return frozenset()
    key = id(graphql_schema)
    if key not in _object_types:
        _object_types[key] = frozenset(
            name
            for name, named in graphql_schema.type_map.items()
            if isinstance(named, GraphQLObjectType)
        )
    return _object_types[key]


def measure(document: DocumentNode, variables: dict | None = None, schema=None) -> Measure:
    worst = Measure(selections=written_selections(document))
    if worst.selections > limit("MAX_SELECTIONS"):
        return worst  # too many to be worth measuring further
    for definition in document.definitions:
        if not isinstance(definition, OperationDefinitionNode):
            continue
        walker = _Walker(
            document,
            limit("MAX_COST"),
            variable_values(definition, variables),
            object_type_names(schema),
        )
        selections = definition.selection_set.selections
        introspection = all(
            isinstance(s, FieldNode) and s.name.value in INTROSPECTION_FIELDS for s in selections
        )
        m = Measure()
        for selection in selections:
            one = walker.selection_set(SelectionSetNode(selections=(selection,)), root=True)
            if one.cost > m.costliest[1] and isinstance(selection, FieldNode):
                m.costliest = (selection.name.value, one.cost)
            m.depth = max(m.depth, one.depth)
            m.cost = min(walker.cap, m.cost + one.cost)
            m.aliases = min(walker.cap, m.aliases + one.aliases)
            m.directives = min(walker.cap, m.directives + one.directives)
        m.directives += len(definition.directives or ())
        if introspection:
            # Introspection has its own depth budget and no content cost.
            worst.introspection_depth = max(worst.introspection_depth, m.depth)
            m.depth, m.cost = 0, 0
        worst.depth = max(worst.depth, m.depth)
        if m.cost > worst.cost:
            worst.cost, worst.costliest = m.cost, m.costliest
        worst.aliases = max(worst.aliases, m.aliases)
        worst.directives = max(worst.directives, m.directives)
        worst.sized_by_variables |= walker.sized_by_variables
    return worst


VERDICT_CACHE_SIZE = 1024
_verdicts: OrderedDict = OrderedDict()
_accepted_lock = threading.Lock()


# GraphQL's lexical tokens, for a first count at C speed before graphql-core's parser (which
# costs ~12 µs a token in Python): block strings, strings, names, numbers, punctuators.
# Comments, commas and white space are not tokens.
TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|"(?:[^"\\\n]|\\.)*"|#[^\n]*|[_A-Za-z][_0-9A-Za-z]*'
    r"|-?\d[\d.eE+-]*|\.\.\.|[!$&():=@\[\]{|}]"
)


def rough_token_count(query: str) -> int:
    return sum(1 for match in TOKEN.finditer(query) if not match.group().startswith("#"))


def _limits_in_force() -> tuple:
    return tuple(limit(name) for name in API_DEFAULTS)


def check(schema, query: str, variables: dict | None = None):
    """(document, [], cost) when the query may run, else (None, [errors], 0).

    Verdicts are cached both ways: a client repeating a rejected document pays a dictionary
    lookup, not another parse. The key is a digest, so a cached 20 kB document costs 32 bytes.
    A document whose list sizes are variables is costed again for each request's values.
    """
    key = (
        id(schema),
        hashlib.sha256(query.encode("utf-8", "surrogatepass")).digest(),
        _limits_in_force(),
    )
    with _accepted_lock:
        verdict = _verdicts.get(key)
        if verdict is not None:
            _verdicts.move_to_end(key)
    if verdict is None:
        verdict = _check(schema, query)
        with _accepted_lock:
            _verdicts[key] = verdict
            while len(_verdicts) > VERDICT_CACHE_SIZE:
                _verdicts.popitem(last=False)
    document, found, cost, sized_by_variables = verdict
    if document is None:
        return None, found, 0
    wrong_list = list_error(schema, document, variables)
    if wrong_list is not None:
        return None, [wrong_list], 0
    if sized_by_variables:
        m = measure(document, variables, schema)
        over = cost_error(m)
        if over is not None:
            return None, [over], 0
        cost = m.cost
    return document, found, cost


def longest_list(value, depth: int = 0) -> int:
    """The length of the longest list anywhere in a JSON value (variables are parsed JSON)."""
    if depth > 20:
        return 0
    if isinstance(value, list):
        inner = max((longest_list(v, depth + 1) for v in value[:200]), default=0)
        return max(len(value), inner)
    if isinstance(value, dict):
        return max((longest_list(v, depth + 1) for v in value.values()), default=0)
    return 0


def enum_list_bounds(schema, document: DocumentNode) -> dict[str, int]:
    """Variables declared as a list of an enum, with the number of that enum's values."""
    bounds = {}
    for definition in document.definitions:
        if not isinstance(definition, OperationDefinitionNode):
            continue
        for variable in definition.variable_definitions or ():
            type_node = variable.type
            while isinstance(type_node, NonNullTypeNode):
                type_node = type_node.type
            if not isinstance(type_node, ListTypeNode):
                continue
            inner = type_node.type
            while isinstance(inner, NonNullTypeNode | ListTypeNode):
                inner = inner.type
            named = schema.graphql_schema.get_type(inner.name.value)
            if isinstance(named, GraphQLEnumType):
                bounds[variable.variable.name.value] = len(named.values)
    return bounds


def list_error(schema, document: DocumentNode, variables: dict | None) -> GraphQLError | None:
    """A list in the variables longer than any argument takes: refused before coercion (which
    would cost time in proportion to the list)."""
    if not variables:
        return None
    longest = longest_list(variables)
    if longest == 0:
        return None
    maximum = limit("MAX_LIST_ITEMS")
    if longest > maximum:
        return errors.coded(
            GraphQLError(f"A list in the variables has {longest} items; at most {maximum}."),
            errors.BAD_USER_INPUT,
        )
    for name, size in enum_list_bounds(schema, document).items():
        value = variables.get(name)
        if isinstance(value, list) and len(value) > size:
            return errors.coded(
                GraphQLError(
                    f"`${name}` lists {len(value)} values; its type has {size}, each at most once."
                ),
                errors.BAD_USER_INPUT,
            )
    return None


def too_complex(message: str) -> GraphQLError:
    return GraphQLError(message, extensions={"code": errors.QUERY_TOO_COMPLEX})


def cost_error(m: Measure) -> GraphQLError | None:
    if m.cost <= limit("MAX_COST"):
        return None
    name, cost = m.costliest
    return too_complex(
        f"The query's estimated cost ({m.cost}) is over the limit of {limit('MAX_COST')}; "
        f"`{name}` alone costs {cost}. Ask for fewer items per page (perPage) or fewer fields "
        "per item."
    )


def _check(schema, query: str):
    """(document or None, errors, cost, whether the cost depends on variables)."""
    size = len(query.encode("utf-8"))
    if size > limit("MAX_QUERY_BYTES"):
        return (
            None,
            [
                too_complex(
                    f"The query is {size} bytes; the limit is {limit('MAX_QUERY_BYTES')} bytes. "
                    "Pass long values as variables."
                )
            ],
            0,
            False,
        )
    if rough_token_count(query) > limit("MAX_TOKENS"):
        return (
            None,
            [
                too_complex(
                    f"Document contains more than {limit('MAX_TOKENS')} tokens. Parsing aborted."
                )
            ],
            0,
            False,
        )
    try:
        document = parse(query, max_tokens=limit("MAX_TOKENS"), no_location=False)
    except GraphQLError as error:
        return None, [errors.coded(error, errors.GRAPHQL_PARSE_FAILED)], 0, False
    except RecursionError:
        return None, [too_complex("The query is nested too deeply.")], 0, False
    try:
        m = measure(document, schema=schema)
    except RecursionError:
        return None, [too_complex("The query is nested too deeply.")], 0, False
    for value, name, what in (
        (m.selections, "MAX_SELECTIONS", "number of field selections"),
        (m.depth, "MAX_DEPTH", "nesting depth"),
        (m.introspection_depth, "INTROSPECTION_MAX_DEPTH", "introspection nesting depth"),
        (m.aliases, "MAX_ALIASES", "number of aliases"),
        (m.directives, "MAX_DIRECTIVES", "number of directives"),
    ):
        if value > limit(name):
            return (
                None,
                [too_complex(f"The query's {what} ({value}) is over the limit of {limit(name)}.")],
                0,
                False,
            )
    if not m.sized_by_variables:
        over = cost_error(m)
        if over is not None:
            return None, [over], 0, False
    rules = list(specified_rules)
    if not limit("INTROSPECTION"):
        rules.append(NoSchemaIntrospectionCustomRule)
    found = validate(
        schema.graphql_schema,
        document,
        rules,
        max_errors=20,
        hide_suggestions=not limit("FIELD_SUGGESTIONS"),
    )
    if found:
        return (
            None,
            [errors.coded(e, errors.GRAPHQL_VALIDATION_FAILED) for e in found],
            0,
            False,
        )
    return document, [], m.cost, m.sized_by_variables
