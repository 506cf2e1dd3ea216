"""Finding the outside tools some tests drive (node with its packages, Chromium).

Missing tools skip those tests on a developer's machine; with IGREN_REQUIRE_TOOLS=1 (CI) they
fail instead, so a broken install cannot pass silently. `make tools` installs them.
"""

import os
import shutil
from pathlib import Path

import pytest

JS_DIR = Path(__file__).parent / "js"
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
# Debian's Chromium, headless, with nothing reaching out to the network on its own.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def missing(reason: str):
    if os.environ.get("IGREN_REQUIRE_TOOLS") == "1":
        pytest.fail(f"{reason} (IGREN_REQUIRE_TOOLS=1; run `make tools`)", pytrace=False)
    pytest.skip(f"{reason}; run `make tools`")


def node_with(package: str) -> str:
    """The node binary, when tests/js has `package` installed."""
    node = shutil.which("node")
    if not node:
        missing("node is not installed")
    if not (JS_DIR / "node_modules" / package).is_dir():
        missing(f"the npm package {package} is not installed in tests/js")
    return node


def chromium() -> str:
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    missing("Chromium is not installed")
    raise AssertionError("unreachable")


def scratch_postgres_database(prefix: str):
    """A generator for a module fixture: the URL of a PostgreSQL database of its own when this
    pass runs on PostgreSQL (dropped afterwards), else None."""
    import os
    import urllib.parse
    import uuid

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield None
        return
    import psycopg

    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = urllib.parse.urlsplit(url)
    try:
        yield urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
