"""An explicit `null` for an argument that has a default means the default.

graphene hands a resolver `None` for `limit: null` even when `limit` defaults to 5, so every
resolver would have to repeat its defaults. Instead, once, when the schema is built, each field
with defaulted arguments gets a resolver that puts the defaults back for arguments given as
null. Arguments without a default already read `None` as "not given".
"""

from functools import wraps

from graphql import GraphQLObjectType, Undefined, default_field_resolver


def _with_defaults(resolve, defaults: dict):
    @wraps(resolve)
    def resolved(root, info, **args):
        for name, default in defaults.items():
            if name in args and args[name] is None:
                args[name] = default
        return resolve(root, info, **args)

    return resolved


def restore_defaults(schema) -> None:
    """Wrap, in place, every field of `schema` (a GraphQLSchema) that has defaulted arguments."""
    for named in schema.type_map.values():
        if not isinstance(named, GraphQLObjectType) or named.name.startswith("__"):
            continue
        for field in named.fields.values():
            defaults = {
                field.args[name].out_name or name: arg.default_value
                for name, arg in field.args.items()
                if arg.default_value is not Undefined and arg.default_value is not None
            }
            if defaults:
                field.resolve = _with_defaults(field.resolve or default_field_resolver, defaults)
