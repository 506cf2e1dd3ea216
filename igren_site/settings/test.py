"""Test settings: the database comes from DATABASE_URL (PostgreSQL pass) or a SQLite file."""

import os

from .base import *

DEBUG = False
SECRET_KEY = "test-only-not-secret-igren"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The whole suite comes from 127.0.0.1: rate limits are switched on by the tests that check them.
IGREN_API = {**IGREN_API, "RATE_LIMIT": None}
if not AWS_STORAGE_BUCKET_NAME:  # the two-instance test runs its servers on S3 (moto)
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
# The suite is one process, so its own cache may be local memory (each test rolls back its
# data, and the memory is cleared with it); the sites it serves in other processes keep the
# shared default (IGREN_TEST_SERVED=1, tests/served_site.py).
if not REDIS_URL and os.environ.get("IGREN_TEST_SERVED") != "1":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if not os.environ.get("DATABASE_URL"):
    DATABASES["default"]["NAME"] = str(BASE_DIR / "test-igren.sqlite3")
# Background tasks run at once in tests, as without a worker; tests/test_worker.py switches
# to the database and Redis queues to prove the worker drains them.
if os.environ.get("IGREN_TEST_TASKS") != "queued":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
