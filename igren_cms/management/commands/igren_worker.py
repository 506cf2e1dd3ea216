"""The background worker: scheduled publishing that happens by itself.

    manage.py igren_worker            # every --interval seconds until stopped (SIGTERM/SIGINT)
    manage.py igren_worker --once     # one cycle, for tests and cron

Each cycle runs Wagtail's `publish_scheduled` (publishes revisions whose go-live time has come,
unpublishes pages past their expiry), so a scheduled event appears within one interval of its
time. The public outputs already hide expired and not-yet-live pages at request time
(pages/visibility.py); the worker makes the admin's state and Wagtail's signals (search index,
cache purges, webhooks) follow. Each cycle then runs the queued background tasks (Wagtail's
reference index updates and file deletions, CDN purges): django-tasks-db's `db_worker --batch`
when TASKS uses the database (the standalone site's default), RQ's `rqworker --burst` when it
uses Redis (REDIS_URL set). With django-tasks' immediate backend there is nothing queued.
"""

import logging
import signal
import threading
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from igren_cms import notify, task_recovery
from igren_cms.conf import task_backend
from igren_cms.outage import OUTAGE_ERRORS

try:  # Redis's client comes with the RQ queue, an optional part of the site
    from redis.exceptions import RedisError

    QUEUE_ERRORS: tuple = (RedisError,)
except ImportError:
    QUEUE_ERRORS = ()

logger = logging.getLogger("igren_cms.worker")


def queue_kind() -> str:
    """Where TASKS queues work: "database" (django-tasks-db), "redis" (RQ, ours or plain) or
    "" (nothing queued: the immediate backend)."""
    backend = task_backend()
    if backend.startswith("django_tasks_db"):
        return "database"
    if backend.startswith(("django_tasks_rq", "igren_cms.task_backends.RQ")):
        return "redis"
    return ""


queue_logger = logging.getLogger("igren_cms.outage.redis")


class Command(BaseCommand):
    help = "Publish scheduled pages (and run queued background tasks) every minute."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run one cycle and exit.")
        parser.add_argument(
            "--interval", type=float, default=30.0, help="Seconds between cycles (default 30)."
        )

    def handle(self, *args, once=False, interval=30.0, **options):
        self.stopping, self.once = False, once
        self.worker_id = task_recovery.new_worker_id()
        if once:
            if queue_kind() == "database":
                task_recovery.beat(self.worker_id)  # its tasks are not taken for abandoned
            self.cycle()
            return
        self.listen()
        self.stdout.write(f"igren_worker: a cycle every {interval:g} s (Ctrl+C stops)")
        heartbeat = None
        if queue_kind() == "database":
            task_recovery.beat(self.worker_id)
            heartbeat = task_recovery.Heartbeat(self.worker_id, every=min(5.0, interval))
            heartbeat.start()
        try:
            self.loop(interval)
        finally:
            if heartbeat is not None:
                heartbeat.stop()

    def loop(self, interval):
        while not self.stopping:
            started = time.monotonic()
            try:
                self.cycle()
            except OUTAGE_ERRORS as error:  # the database will come back; try next cycle
                logger.warning("worker cycle skipped, database unreachable: %s", error)
            except QUEUE_ERRORS as error:  # Redis will come back; tasks run inline meanwhile
                queue_logger.warning("worker cycle skipped, task queue unreachable: %s", error)
            except Exception:
                logger.exception("worker cycle failed")
            # The queue's own worker (db_worker, rqworker) put its signal handlers in place for
            # the cycle and leaves them there: ours again, so the next signal ends the loop.
            self.listen()
            close_old_connections()
            while not self.stopping and time.monotonic() - started < interval:
                time.sleep(0.2)

    def listen(self):
        """SIGTERM and SIGINT end the loop after the current cycle (in the main thread only:
        `--once` runs may come from elsewhere)."""
        if threading.current_thread() is threading.main_thread() and not self.once:
            for sig in (signal.SIGTERM, signal.SIGINT):
                signal.signal(sig, self.stop)

    def stop(self, *_):
        self.stopping = True

    def cycle(self):
        call_command("publish_scheduled", verbosity=0)
        notify.purge_passed_boundaries()  # what time alone changed, out of the edge cache
        notify.retry_due()  # webhook deliveries whose next attempt is due, queued again
        kind = queue_kind()
        if kind == "database":
            # Tasks whose worker died are queued again (at least once), then every task queued
            # so far runs under this worker's id, and back (the next cycle takes the rest).
            task_recovery.requeue_abandoned()
            call_command(
                "db_worker",
                "--batch",
                "--no-startup-delay",
                "--worker-id",
                self.worker_id,
                verbosity=0,
            )
        elif kind == "redis":
            task_recovery.requeue_abandoned_rq()
            from igren_cms.task_backends import STOP_REQUESTED

            call_command(
                "rqworker",
                "default",
                "--burst",
                "--job-class",
                "django_tasks_rq.Job",
                "--worker-class",
                "igren_cms.task_backends.CycleWorker",
                verbosity=0,
            )
            if STOP_REQUESTED.is_set():  # RQ took the stop signal during its burst
                self.stopping = True
