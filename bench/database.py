"""The benchmarks' database: a scratch PostgreSQL database, made afresh for each run.

`DATABASE_URL` names it when set; otherwise `igren_bench` on the local server
(postgres://postgres@127.0.0.1:5432). Call `use_scratch_database()` before `django.setup()`.
The benchmarks fill the database they are given, so a maintenance or shared database is refused.
"""

import os
import urllib.parse

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/igren_bench"
REFUSED = {"postgres", "template0", "template1", "test", "root"}


def use_scratch_database(suffix: str = "") -> str:
    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    if not url.startswith("postgres"):
        raise SystemExit(f"The benchmarks run on PostgreSQL; DATABASE_URL is {url!r}.")
    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/") + suffix
    if name in REFUSED or not name:
        raise SystemExit(
            f"The bench fills the database it is given; point DATABASE_URL at a scratch database "
            f"(e.g. {DEFAULT_URL}), not {name!r}."
        )
    import psycopg

    maintenance = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    try:
        with psycopg.connect(maintenance, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        raise SystemExit(f"No PostgreSQL server for the bench at {maintenance}: {error}") from None
    scratch = urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))
    os.environ["DATABASE_URL"] = scratch
    return scratch


def drop_scratch_database(url: str) -> None:
    import psycopg

    parts = urllib.parse.urlsplit(url)
    maintenance = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}" WITH (FORCE)')


def run_then_drop(main, url: str) -> None:
    """Run a bench's `main`, then close Django's connections and drop its scratch database."""
    try:
        main()
    finally:
        from django.db import connections

        connections.close_all()
        drop_scratch_database(url)
