"""Run a command (the test suite) against a real PostgreSQL, found or started for the occasion.

Order of preference:
 1. DATABASE_URL, when it is set;
 2. the local server on 127.0.0.1:5432, when one answers (user `postgres`, trust auth);
 3. a throwaway cluster from the installed server binaries (initdb/pg_ctl), in a temporary
    directory, run as an unprivileged user when we are root (PostgreSQL refuses to run as root);
 4. otherwise the pass is skipped with a loud banner, or fails when IGREN_REQUIRE_POSTGRES=1
    (as in CI).

Usage: python scripts/with_postgres.py COMMAND [ARGS...]
"""

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile

LOCAL_URL = "postgres://postgres@127.0.0.1:5432/postgres"
THROWAWAY_PORT = 54329


def banner(message: str) -> None:
    line = "!" * 78
    print(f"\n{line}\n!! {message}\n{line}\n", flush=True)


def answers(host: str, port: int) -> bool:
    with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=2):
        return True
    return False


def local_server_url() -> str | None:
    if not answers("127.0.0.1", 5432):
        return None
    import psycopg

    try:
        with psycopg.connect(LOCAL_URL, connect_timeout=5) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        print(f"PostgreSQL on 127.0.0.1:5432 answers but refuses us: {exc}", flush=True)
        return None
    return LOCAL_URL


def server_binaries() -> str | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    found = shutil.which("initdb")
    if found:
        candidates.insert(0, found)
    return os.path.dirname(candidates[0]) if candidates else None


def unprivileged_user() -> str | None:
    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    return None


class ThrowawayCluster:
    """A PostgreSQL cluster in a temporary directory that can be stopped and started again
    (the outage test stops it under a running server)."""

    def __init__(self, bindir: str, port: int = THROWAWAY_PORT):
        self.bindir, self.port = bindir, port
        self.workdir = tempfile.mkdtemp(prefix="igren-pg-")
        self.datadir = os.path.join(self.workdir, "data")
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            user = unprivileged_user()
            if user is None:
                raise RuntimeError("running as root and no unprivileged user to run PostgreSQL as")
            shutil.chown(self.workdir, user=user)
            os.chmod(self.workdir, 0o700)
            self.prefix = ["runuser", "-u", user, "--"]
        self.url = f"postgres://postgres@127.0.0.1:{port}/postgres"

    def run(self, *cmd):
        subprocess.run([*self.prefix, *cmd], check=True, stdout=subprocess.DEVNULL)

    def init(self):
        self.run(
            f"{self.bindir}/initdb",
            "-D",
            self.datadir,
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        return self

    def start(self):
        self.run(
            f"{self.bindir}/pg_ctl",
            "-D",
            self.datadir,
            "-w",
            "-l",
            os.path.join(self.workdir, "log"),
            "-o",
            f"-p {self.port} -k {self.workdir} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        )
        return self

    def stop(self, mode: str = "immediate"):
        with contextlib.suppress(subprocess.CalledProcessError, FileNotFoundError):
            self.run(f"{self.bindir}/pg_ctl", "-D", self.datadir, "-m", mode, "-w", "stop")

    def remove(self):
        self.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)


@contextlib.contextmanager
def throwaway_cluster(bindir: str):
    cluster = ThrowawayCluster(bindir)
    try:
        yield cluster.init().start().url
    finally:
        cluster.remove()


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    required = os.environ.get("IGREN_REQUIRE_POSTGRES") == "1"
    env = dict(os.environ)
    if env.get("DATABASE_URL"):
        print("PostgreSQL pass: using DATABASE_URL", flush=True)
        return subprocess.call(argv, env=env)
    url = local_server_url()
    if url:
        print(f"PostgreSQL pass: using the local server {url}", flush=True)
        return subprocess.call(argv, env={**env, "DATABASE_URL": url})
    bindir = server_binaries()
    if bindir:
        print(f"PostgreSQL pass: starting a throwaway cluster from {bindir}", flush=True)
        with throwaway_cluster(bindir) as url:
            return subprocess.call(argv, env={**env, "DATABASE_URL": url})
    if required:
        banner("PostgreSQL pass REQUIRED (IGREN_REQUIRE_POSTGRES=1) but no PostgreSQL found")
        return 1
    banner(
        "PostgreSQL pass SKIPPED: no DATABASE_URL, no server on 127.0.0.1:5432, "
        "no PostgreSQL binaries. Only SQLite was tested."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
