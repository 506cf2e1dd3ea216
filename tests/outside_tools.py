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
