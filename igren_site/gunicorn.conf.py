"""gunicorn for the standalone site: `gunicorn -c igren_site/gunicorn.conf.py` (docker-compose).

Threaded workers, so one slow request does not hold a whole process; the reverse proxy in front
(Caddy) buffers slow clients, so a slow-loris connection never reaches a worker. Limits are
gunicorn's own request-line and header bounds, tightened.
"""

import multiprocessing
import os

wsgi_app = "igren_site.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")  # inside the compose network only
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
preload_app = True  # import Django once, share the code pages between workers
timeout = 30  # a worker silent this long is restarted
graceful_timeout = 30
# Longer than the proxies keep an idle connection (Varnish 60 s), so they never reuse one
# gunicorn has just closed.
keepalive = 75
# Workers are recycled now and then; the edge cache in front retries an idempotent request
# whose connection closed under it (igren_site/varnish/default.vcl), so recycling costs no 502.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = max_requests // 10
limit_request_line = 4094
limit_request_fields = 64
limit_request_field_size = 8190
forwarded_allow_ips = "*"  # only the proxy can reach gunicorn; it overwrites X-Forwarded-*
accesslog = "-"
errorlog = "-"
# The access log names the client as the app decides it (IGREN_TRUSTED_PROXIES), not the proxy.
logger_class = "igren_site.gunicorn_logging.ClientAddressLogger"
