"""Local development: SQLite unless DATABASE_URL says otherwise, GraphiQL on."""

import os

from .base import *

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-not-secret-igren"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
IGREN_GRAPHIQL = True
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
