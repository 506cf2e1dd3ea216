"""Background tasks that degrade instead of failing when their queue is unreachable.

`RQWithFallback` is django-tasks-rq's Redis queue, except that when Redis cannot be reached
the task runs at once in the calling process (as django-tasks' ImmediateBackend would) and one
warning is logged: a publish in the admin still succeeds, and its reference-index update, purge
or webhook delivery still happens, only without a worker. Select it in TASKS:

    TASKS = {"default": {"BACKEND": "igren_cms.task_backends.RQWithFallback", "QUEUES": [...]}}
"""

import logging
import threading

from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_rq.backend import RQBackend
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from rq import Worker

logger = logging.getLogger("igren_cms.outage.redis")


class RQWithFallback(RQBackend):
    def __init__(self, alias: str, params: dict):
        super().__init__(alias, params)
        self.fallback = ImmediateBackend(alias, params)

    def enqueue(self, task, args, kwargs):
        try:
            return super().enqueue(task, args, kwargs)
        except (RedisConnectionError, RedisTimeoutError) as error:
            logger.warning(
                "task queue unreachable (Redis): running %s in this process: %s",
                task.module_path,
                str(error)[:200],
            )
            return self.fallback.enqueue(task, args, kwargs)


# Set when RQ takes a stop signal during an igren_worker cycle's burst.
STOP_REQUESTED = threading.Event()


class CycleWorker(Worker):
    """RQ's worker for the burst of one igren_worker cycle. RQ puts its own signal handlers in
    place for the burst, so a SIGTERM arriving then would reach RQ alone: RQ finishes the job
    and stops, and the cycle loop would go on. This one also tells the loop to end."""

    def request_stop(self, signum, frame):
        STOP_REQUESTED.set()
        super().request_stop(signum, frame)
