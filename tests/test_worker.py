"""Scheduled publishing happens by itself: the worker's cycle publishes an event whose go-live
time has come, so it appears in GraphQL and on /events/ (and nothing does before the cycle)."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from pages.models import EventPage
from snippets.models import Venue

pytestmark = pytest.mark.django_db
QUERY = '{ event(slug: "scheduled-briefing") { title } }'


def test_an_event_scheduled_a_second_ahead_is_published_by_one_cycle(gql, client, event_index):
    now = timezone.now()
    start = now + datetime.timedelta(days=5)
    event = EventPage(
        title="予約公開の説明会",
        slug="scheduled-briefing",
        start=start,
        end=start + datetime.timedelta(hours=2),
        venue=Venue.objects.first(),
        live=False,
        go_live_at=now + datetime.timedelta(seconds=1),
    )
    event_index.add_child(instance=event)
    event.save_revision().publish()  # scheduled: Wagtail keeps it unpublished until go-live
    event.refresh_from_db()
    assert not event.live
    assert gql(QUERY)["data"]["event"] is None

    with time_machine.travel(now + datetime.timedelta(seconds=2)):
        # Its time has come, but nothing has published it yet.
        assert gql(QUERY)["data"]["event"] is None
        call_command("igren_worker", "--once")
        assert gql(QUERY)["data"]["event"] == {"title": "予約公開の説明会"}
        assert "予約公開の説明会" in client.get("/events/").content.decode()
    event.refresh_from_db()
    assert event.live


def test_the_worker_unpublishes_an_expired_event(make_event):
    event = make_event("期限つきのお知らせ", "expiring-notice")
    event.expire_at = timezone.now() + datetime.timedelta(seconds=1)
    event.save_revision().publish()
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=5)):
        call_command("igren_worker", "--once")
    event.refresh_from_db()
    assert not event.live
    assert event.expired


DATABASE_QUEUE_CHECK = """
from django.db import transaction
from django_tasks_db.models import DBTaskResult
from wagtail.models import ReferenceIndex
from pages.models import EventIndexPage, EventPage
from snippets.models import Venue
from tests.tasks_for_tests import echo
import datetime, json
from django.utils import timezone
step = "{step}"
if step == "enqueue":
    with transaction.atomic():
        venue = Venue.objects.create(name="タスク確認ホール")
        start = timezone.now() + datetime.timedelta(days=3)
        event = EventPage(title="参照の確認会", slug="reference-check", start=start,
                          end=start + datetime.timedelta(hours=2), venue=venue)
        EventIndexPage.objects.get().add_child(instance=event)
        event.save_revision().publish()
        echo.enqueue("データベース")
print(json.dumps({{
    "ready": DBTaskResult.objects.filter(status="READY").count(),
    "echo": [r.return_value for r in DBTaskResult.objects.filter(task_path__endswith="echo")],
    "usage": ReferenceIndex.get_references_to(Venue.objects.get(name="タスク確認ホール")).count(),
}}, ensure_ascii=False))
"""


def test_queued_tasks_in_the_database_run_in_the_next_cycle(tmp_path):
    """The standalone site's default: Wagtail's own background work (here its reference index,
    which the admin's "usage" counts read) waits in the database until the worker runs it.
    A database of its own (the queue needs real transactions, which a test's rollback hides)."""
    import json
    import subprocess
    import sys

    from tests.served_site import ROOT, ServedSite

    site = ServedSite(tmp_path, extra_env={"IGREN_TEST_TASKS": "queued"})
    # The demo as every served site has it (its own background work done at once): what is
    # queued below is the check's own.
    site.prepare(like={})

    def check(step):
        out = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", DATABASE_QUEUE_CHECK.format(step=step)],
            cwd=ROOT,
            env=site.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        return json.loads(out.strip().splitlines()[-1])

    before = check("enqueue")
    assert before["ready"] >= 2 and before["usage"] == 0 and before["echo"] == [None]
    site.manage("igren_worker", "--once")
    after = check("look")
    assert after == {"ready": 0, "echo": ["受け取りました: データベース"], "usage": 1}


def test_queued_tasks_in_redis_run_in_the_next_cycle(settings):
    """With REDIS_URL the queue is RQ on Redis (a database of its own here), drained by the
    same cycle; the task runs in RQ's work horse process."""
    import django_rq
    from django_tasks import task_backends

    from tests.tasks_for_tests import echo

    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:6379/13", "DEFAULT_TIMEOUT": 60}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    queue = django_rq.get_queue("default")
    queue.connection.flushdb()
    try:
        result = echo.enqueue("レディス")
        assert queue.count == 1
        call_command("igren_worker", "--once")
        assert queue.count == 0
        result = task_backends["default"].get_result(result.id)
        assert result.status == "SUCCESSFUL", result.status
        assert result.return_value == "受け取りました: レディス"
    finally:
        queue.connection.flushdb()


STATUS_OF_SLOW = """
from django_tasks_db.models import DBTaskResult
print(",".join(DBTaskResult.objects.filter(task_path__endswith="slow_once")
               .values_list("status", flat=True)))
"""


@pytest.fixture
def recovery_database(tmp_path):
    from tests.outside_tools import scratch_postgres_database

    for url in scratch_postgres_database("igren_worker_recovery"):
        yield url or f"sqlite:///{tmp_path / 'recovery.sqlite3'}"


def start_worker(site, log_path):
    """`igren_worker` in a process group of its own, so a SIGKILL takes its work horse too."""
    import subprocess
    import sys

    from tests.served_site import ROOT

    log = open(log_path, "wb")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(
        [sys.executable, "manage.py", "igren_worker", "--interval", "0.5"],
        cwd=ROOT,
        env=site.env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_for(predicate, seconds=40):
    import time

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def killed_mid_task(site, marker, log_path):
    """Start a worker, let it begin the slow task, and kill it (SIGKILL) in the middle."""
    import os
    import signal

    first = start_worker(site, log_path)
    try:
        assert wait_for(lambda: marker.exists() and "start" in marker.read_text())
    finally:
        os.killpg(first.pid, signal.SIGKILL)  # mid-task: no chance to tidy up
        first.wait(timeout=10)


def finished_by_the_next_worker(site, marker, log_path):
    second = start_worker(site, log_path)
    try:
        assert wait_for(lambda: "done" in marker.read_text()), marker.read_text()
    finally:
        second.terminate()
        second.wait(timeout=20)
    assert marker.read_text() == "start\nstart\ndone\n"  # ran again, once, to the end
    assert "queued again" in log_path.read_text()


def test_a_task_interrupted_by_the_workers_death_runs_again(tmp_path, recovery_database):
    """At least once: a worker killed (SIGKILL) in the middle of a task leaves it RUNNING; the
    next worker sees the dead one's heartbeat stop and runs the task again, to the end."""
    from tests.served_site import ServedSite

    site = ServedSite(
        tmp_path,
        extra_env={
            "IGREN_TEST_TASKS": "queued",
            "IGREN_WORKER_STALE_SECONDS": "2",
            "DATABASE_URL": recovery_database,
        },
    )
    if recovery_database.startswith("sqlite"):
        site.prepare(like={})  # a copy of the served sites' prepared database
    else:
        site.manage("migrate", "--noinput")
    marker = tmp_path / "marker.txt"
    site.shell(f"from tests.tasks_for_tests import slow_once; slow_once.enqueue({str(marker)!r})")
    killed_mid_task(site, marker, tmp_path / "first.log")
    assert site.shell(STATUS_OF_SLOW) == "RUNNING"  # what django-tasks-db alone leaves behind
    finished_by_the_next_worker(site, marker, tmp_path / "second.log")
    assert site.shell(STATUS_OF_SLOW) == "SUCCESSFUL"


RQ_STATE = """
import django_rq
queue = django_rq.get_queue("default")
print(len(queue.started_job_registry), len(queue.failed_job_registry), queue.count)
"""


def test_a_job_interrupted_by_the_workers_death_runs_again_on_redis(tmp_path):
    """The same on the Redis queue (RQ): RQ takes the killed worker's job for abandoned once
    its heartbeat lapses and files it as failed; the next cycle queues it again and it runs to
    the end. A task that raises is not run again."""
    import redis

    from tests.served_site import ServedSite

    redis_url = "redis://127.0.0.1:6379/14"
    redis.Redis.from_url(redis_url).flushdb()
    site = ServedSite(tmp_path, extra_env={"IGREN_TEST_TASKS": "queued", "REDIS_URL": redis_url})
    site.prepare(like={})
    try:
        marker = tmp_path / "marker.txt"
        site.shell(
            f"from tests.tasks_for_tests import slow_once; slow_once.enqueue({str(marker)!r})"
        )
        killed_mid_task(site, marker, tmp_path / "first.log")
        assert site.shell(RQ_STATE).split() == ["1", "0", "0"]  # left as started
        # RQ's own cleanup, as it runs once the dead worker's heartbeat has lapsed (a minute
        # past its monitoring interval): the test stands in for that minute.
        site.shell(
            "import time, django_rq\n"
            "django_rq.get_queue('default').started_job_registry.cleanup(time.time() + 600)"
        )
        assert site.shell(RQ_STATE).split() == ["0", "1", "0"]  # filed as failed, abandoned
        finished_by_the_next_worker(site, marker, tmp_path / "second.log")
        assert site.shell(RQ_STATE).split() == ["0", "0", "0"]
        site.shell("from tests.tasks_for_tests import fails; fails.enqueue()")
        site.manage("igren_worker", "--once")
        site.manage("igren_worker", "--once")
        assert site.shell(RQ_STATE).split() == ["0", "1", "0"]  # failed, and left failed
    finally:
        redis.Redis.from_url(redis_url).flushdb()
