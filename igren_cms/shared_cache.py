"""The cache every process must share: the content version, rate-limit counters, persisted
queries and cached responses live there, so a process-local cache would let each gunicorn
worker, the worker and a management command disagree (a publish made in one never reaching
the feeds of another).

- `create_cache_tables` (post_migrate): Django's database cache, the standalone site's default
  without Redis, gets its table on `migrate`, so no deployment can forget `createcachetable`.
- `check_shared_cache` (a deployment check, `manage.py check --deploy`): warns a host site whose
  default cache is local memory (fine for one development process, wrong in production).
"""

from django.core import checks
from django.core.management import call_command

from igren_cms.conf import LOCAL_CACHE_BACKENDS, default_cache_backend


def create_cache_tables(sender, using="default", verbosity=0, **kwargs):
    if default_cache_backend() == "django.core.cache.backends.db.DatabaseCache":
        call_command("createcachetable", database=using, verbosity=0)


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs=None, **kwargs):
    if default_cache_backend() not in LOCAL_CACHE_BACKENDS:
        return []
    return [
        checks.Warning(
            "The default cache is local to each process: the content version, rate limits and "
            "cached responses will differ between processes, and a publish made in one process "
            "will not reach the feeds served by another.",
            hint="Use Redis (django-redis) or Django's database cache as CACHES['default'].",
            id="igren_cms.W001",
        )
    ]
