"""Checks for values that come from the public (GraphQL arguments, feed query strings).

Each returns the clean value or raises `BadInput` with a short message that is safe to show:
a value is echoed at most `ECHO_LIMIT` characters long. Used by the event filters, the API's
lookups and the feeds, so "²" or a NUL byte is a client error everywhere, not a server fault.
"""

import datetime

ECHO_LIMIT = 100
EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(9000, 12, 31)
MAX_TEXT = 200  # slugs, search words


class BadInput(ValueError):
    """A value the client must correct; the message is safe to show to the public."""


def echo(value) -> str:
    """repr() of a client's value, cut to ECHO_LIMIT characters."""
    text = repr(value)
    return text if len(text) <= ECHO_LIMIT else text[: ECHO_LIMIT - 1] + "…"


def whole_number(value: str, name: str, low: int, high: int) -> int:
    """ASCII digits only: str.isdigit() accepts "²" and "①", which int() refuses."""
    text = str(value).strip()
    if not (text.isascii() and text.isdecimal()) or len(text) > len(str(high)):
        raise BadInput(f"{name} must be a whole number from {low} to {high}, not {echo(value)}.")
    number = int(text)
    if not low <= number <= high:
        raise BadInput(f"{name} must be a whole number from {low} to {high}, not {echo(value)}.")
    return number


def text(value: str, name: str, max_length: int = MAX_TEXT) -> str:
    """Printable text of bounded length (PostgreSQL refuses NUL in strings)."""
    if len(value) > max_length:
        raise BadInput(f"{name} must be at most {max_length} characters.")
    if any(ord(ch) < 32 and ch not in "\t\n\r" for ch in value):
        raise BadInput(f"{name} must not contain control characters.")
    return value


def calendar_date(value: datetime.date, name: str) -> datetime.date:
    if not EARLIEST <= value <= LATEST:
        raise BadInput(f"{name} must be between {EARLIEST} and {LATEST}.")
    return value
