"""The HTTP bench's server: production settings, with the rate limit and the cost budget off (one
client address sends every request) and plain HTTP on 127.0.0.1 (no TLS proxy in front)."""

from igren_site.settings.production import *  # noqa: F403

IGREN_API = {"RATE_LIMIT": None, "COST_BUDGET": None}  # one client sends everything
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
