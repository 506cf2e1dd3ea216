"""The demo site served by a real HTTP server in a child process, for clients outside Python.

The server gets its own SQLite database (migrated and loaded with the demo content) so the test
database, which pytest rolls back test by test, is left alone. Migrating and loading take most
of a served site's start, so on SQLite it is done once per test session and environment, and
each site starts from a copy of that file.
"""

import atexit
import contextlib
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQLITE = "sqlite:///"
_prepared: dict[tuple, Path] = {}  # the environment a database was prepared in -> its file


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served_directory(root: Path):
    """The files of `root` over HTTP on a free port of 127.0.0.1 (a partner's plain pages, on
    an origin of their own); yields the origin."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", free_port()), functools.partial(_Quiet, directory=str(root))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


class ServedSite:
    def __init__(self, workdir: Path, extra_env: dict | None = None, insecure_static=False):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "igren_site.settings.test",
            "IGREN_TEST_SERVED": "1",  # the shared default cache, as deployed
            "DATABASE_URL": f"sqlite:///{workdir / 'served.sqlite3'}",
            **(extra_env or {}),
        }
        self.extra_env = extra_env or {}
        self.log = workdir / "server.log"
        # The admin's CSS and JavaScript, served by runserver although DEBUG is off.
        self.runserver_args = ["--insecure"] if insecure_static else []
        self.process = None

    def manage(self, *args, env=None):
        subprocess.run(
            [sys.executable, "manage.py", *args, "--verbosity", "0"],
            cwd=ROOT,
            env=env or self.env,
            check=True,
        )

    def shell(self, code: str) -> str:
        """Run Python in `manage.py shell` with this site's settings (another process, as a
        script or an editor's publish would be); the last line it printed."""
        out = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        return out.splitlines()[-1] if out else ""

    def prepare(self, like: dict | None = None):
        """Migrate and load the demo; on SQLite, copy a file prepared once in the same
        environment (the extra settings of a site can change what migrate or the demo write).
        `like`: prepare as a site with these extra settings would (when this site's own extra
        settings change nothing that migrate or the demo write)."""
        url = self.env["DATABASE_URL"]
        if not url.startswith(SQLITE):
            self.manage("migrate", "--noinput")
            self.manage("load_igren_demo", "--without-meeting-rules", "--without-english")
            return
        settings = self.extra_env if like is None else like
        key = tuple(sorted((k, v) for k, v in settings.items() if k != "DATABASE_URL"))
        if key not in _prepared:
            folder = Path(tempfile.mkdtemp(prefix="igren-served-template-"))
            atexit.register(shutil.rmtree, folder, True)
            template = folder / "served.sqlite3"
            env = {**self.env, **settings, "DATABASE_URL": f"{SQLITE}{template}"}
            for name in set(self.extra_env) - set(settings) - {"DATABASE_URL"}:
                env.pop(name, None)
            self.manage("migrate", "--noinput", env=env)
            self.manage("load_igren_demo", "--without-meeting-rules", "--without-english", env=env)
            _prepared[key] = template
        shutil.copyfile(_prepared[key], url.removeprefix(SQLITE))

    def start(self, prepare=True):
        """Serve; `prepare` migrates and loads the demo (False for a second instance of a
        database another instance prepared)."""
        if prepare:
            self.prepare()
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "manage.py",
                    "runserver",
                    "--noreload",
                    *self.runserver_args,
                    f"127.0.0.1:{self.port}",
                ],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/graphql/?query=%7B__typename%7D", timeout=2)  # noqa: S310
                return self
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the served site did not start:\n{self.log.read_text()}")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
