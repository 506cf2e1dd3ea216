"""Kept public responses in the shared Django cache: their keys, their ETags, their entries.

An entry is a dict: the content version it was made under, the body (and its gzip), and every
header the response left with, plus whether it may be framed. Entries of an older version are
never returned (`lookup`), so a publish retires them all at once, on every instance.
"""

import hashlib

from django.core.cache import cache
from django.utils import timezone

from igren_cms.conf import output_settings_fingerprint

from .version import CACHE_ERRORS, STATE_KEY, is_uncached, uncached_version, version_of

# How long a rendered response stays in the cache at most; a new content version makes it
# unreachable at once (the key changes), this only bounds the memory it holds.
RESPONSE_CACHE_SECONDS = 3600


def response_key(kind: str, *parts: str) -> str:
    """The cache key of one public response: what was asked, not when (see `lookup`)."""
    seed = (output_settings_fingerprint(), kind, *parts)
    digest = hashlib.sha256("\x1f".join(seed).encode())
    return f"igren:response:{digest.hexdigest()[:40]}"


def lookup(key: str) -> tuple[str, dict | None]:
    """(the current content version, the entry kept under `key` if made under that version).

    One round trip to the cache for both: a kept entry names the version it was made under, so
    a publish (which starts a new version) retires every entry at once, on every instance."""
    try:
        found = cache.get_many([STATE_KEY, key])
        version = version_of(found.get(STATE_KEY), timezone.now())
    except CACHE_ERRORS:  # the cache is down: answer afresh (the view may then say 503)
        return uncached_version(), None
    entry = found.get(key)
    return version, entry if entry is not None and entry.get("version") == version else None


def etag_for(key: str, version: str) -> str:
    """The ETag of the response kept under `key` at `version`: the one every layer serves."""
    digest = hashlib.sha256("\x1f".join((version, key)).encode()).hexdigest()
    return f'"{digest[:40]}"'


def keep(key: str, entry: dict) -> None:
    if is_uncached(entry.get("version", "")):
        return  # made while the cache was down: nothing to keep it under
    try:
        cache.set(key, entry, RESPONSE_CACHE_SECONDS)
    except CACHE_ERRORS:
        return
