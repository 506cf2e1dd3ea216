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
those are alive. On the Redis queue RQ notices a dead worker itself, and `requeue_abandoned_rq`
queues its job again.
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


# -- the Redis queue (RQ) --------------------------------------------------------------------

# A job that kills its worker each time (it runs the machine out of memory) is not run for ever.
RQ_REQUEUE_LIMIT = 3


def requeue_abandoned_rq(queue_name: str = "default") -> int:
    """Queue again the RQ jobs whose worker died mid-job; the number queued.

    RQ notices a dead worker itself: once the job's heartbeat has lapsed (a minute past its
    monitoring interval), its `StartedJobRegistry` cleanup moves the job to the failed registry
    as abandoned, and retries only jobs enqueued with a `Retry`, which django-tasks-rq cannot
    ask for. Retrying every failure would also re-run tasks that raised, which the database
    queue leaves failed. So each cycle runs RQ's cleanup and queues again just the abandoned
    jobs, as `requeue_abandoned` does for the database queue."""
    import django_rq
    from rq.exceptions import AbandonedJobError

    queue = django_rq.get_queue(queue_name)
    queue.started_job_registry.cleanup()
    failed = queue.failed_job_registry
    count = 0
    for job in queue.job_class.fetch_many(failed.get_job_ids(), connection=queue.connection):
        if job is None or AbandonedJobError.__name__ not in (job.exc_info or ""):
            continue
        requeues = job.meta.get("igren_requeues", 0)
        if requeues >= RQ_REQUEUE_LIMIT:
            continue
        job.meta["igren_requeues"] = requeues + 1
        job.save_meta()
        failed.requeue(job)
        logger.warning("task %s queued again: its worker died mid-job", job.func_name)
        count += 1
    return count
