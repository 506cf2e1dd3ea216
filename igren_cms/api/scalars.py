"""Instants and absent values as the contract promises them."""


def or_none(value):
    """Blank text is absent: null in the API, never ""."""
    return value if value not in ("", None) else None


def attr_or_none(name):
    """A resolver returning the attribute, or null when it is blank."""
    return staticmethod(lambda obj, info: or_none(getattr(obj, name, None)))
