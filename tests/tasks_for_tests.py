"""A task for the worker tests: importable by path, as a queue worker needs."""

from django_tasks import task


@task()
def echo(value: str) -> str:
    return f"受け取りました: {value}"


@task()
def slow_once(marker: str) -> str:
    """Notes each start in `marker`; the first run then waits (to be killed), a second finishes."""
    from pathlib import Path

    path = Path(marker)
    before = path.read_text() if path.exists() else ""
    path.write_text(before + "start\n")
    if "start" not in before:
        import time

        time.sleep(120)
    path.write_text(path.read_text() + "done\n")
    return "done"


@task()
def fails() -> None:
    """A task that raises: filed as failed, and not run again."""
    raise RuntimeError("試験のための失敗")
