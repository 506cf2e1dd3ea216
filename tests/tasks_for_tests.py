"""A task for the worker tests: importable by path, as a queue worker needs."""

from django_tasks import task


@task()
def echo(value: str) -> str:
    return f"受け取りました: {value}"
