"""At-least-once background work on the database queue (django-tasks-db, the default).

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again: a
worker killed mid-task (`kill -9`, the container stopped, the machine lost) leaves it RUNNING for
ever. So each `igren_worker` has an id of its own ("igren-<host>-<pid>-<random>"), passes it to
the tasks it claims, and writes a heartbeat every few seconds while it lives (even in the middle
of a long task). Each cycle of any worker then queues again the RUNNING tasks whose worker has
not been seen for `IGREN_WORKER_STALE_SECONDS` (default 60): they run again, so every task must
be safe to run twice (webhook deliveries carry their delivery id for the receiver to see a
repeat; purges, reference index updates and file deletions are idempotent).

Tasks claimed by other workers (a plain `db_worker`) are left alone: nothing here knows whether
those are alive. The Redis queue has RQ's own recovery (igren_cms.task_backends).
"""

import logging
import os
import socket
import threading
import uuid
from datetime import timedelta

from django.db import close_old_connections
from django.utils import timezone

from igren_cms.conf import worker_stale_seconds
from igren_cms.models import WorkerHeartbeat

logger = logging.getLogger("igren_cms.worker")
PREFIX = "igren-"


def new_worker_id() -> str:
    host = socket.gethostname().split(".")[0][:24]
    return f"{PREFIX}{host}-{os.getpid()}-{uuid.uuid4().hex[:8]}"[:64]


def beat(worker_id: str) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id, defaults={"seen_at": timezone.now()}
    )


class Heartbeat(threading.Thread):
    """Beats every `every` seconds until stopped, in a thread of its own (a task may take
    longer than a cycle)."""

    def __init__(self, worker_id: str, every: float):
        super().__init__(name="igren-heartbeat", daemon=True)
        self.worker_id, self.every = worker_id, every
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.wait(self.every):
            try:
                beat(self.worker_id)
            except Exception as error:  # the database is away: the next beat will tell
                logger.warning("worker heartbeat not written: %s", str(error)[:200])
            finally:
                close_old_connections()

    def stop(self):
        self.stopped.set()
        WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()


def requeue_abandoned(now=None) -> int:
    """Queue again the tasks whose igren_worker stopped beating; the number queued."""
    from django_tasks_db.models import DBTaskResult  # only with the database queue installed

    now = now or timezone.now()
    stale = now - timedelta(seconds=worker_stale_seconds())
    alive = set(
        WorkerHeartbeat.objects.filter(seen_at__gte=stale).values_list("worker_id", flat=True)
    )
    count = 0
    for task in DBTaskResult.objects.running().only("pk", "worker_ids", "task_path"):
        last = (task.worker_ids or [None])[-1]
        if not last or not last.startswith(PREFIX) or last in alive:
            continue
        if DBTaskResult.objects.filter(pk=task.pk, status="RUNNING").update(status="READY"):
            logger.warning("task %s queued again: its worker %s stopped", task.task_path, last)
            count += 1
    WorkerHeartbeat.objects.filter(seen_at__lt=now - timedelta(days=1)).delete()
    return count
