"""Benchmark settings: the test settings plus Wagtail's REST API v2 for comparison.

The scripts set DATABASE_URL to their scratch PostgreSQL database (bench/database.py); the
SQLite file below is only a fallback for importing these settings without one."""

import os
import tempfile

from igren_site.settings.test import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2", "rest_framework"]  # noqa: F405
ROOT_URLCONF = "bench.urls"
if not os.environ.get("DATABASE_URL"):
    DATABASES["default"]["NAME"] = os.path.join(tempfile.gettempdir(), "igren-bench.sqlite3")  # noqa: F405
DEBUG = False
WAGTAILAPI_LIMIT_MAX = 100
