"""Instants and absent values as the contract promises them."""

from pages.event_windows import TOKYO


def tokyo(value):
    """An aware datetime in Asia/Tokyo, to the second (the `DateTime` scalar writes it with its
    +09:00 offset, e.g. 2026-11-20T15:00:00+09:00); None stays None."""
    return value.astimezone(TOKYO).replace(microsecond=0) if value else None


def or_none(value):
    """Blank text is absent: null in the API, never ""."""
    return value if value not in ("", None) else None


def attr_or_none(name):
    """A resolver returning the attribute, or null when it is blank."""
    return staticmethod(lambda obj, info: or_none(getattr(obj, name, None)))
