"""The production topology as deployed, without Docker, every process on 127.0.0.1:

    client ──TLS──▶ Caddy (Debian's 2.6.2, igren_site/Caddyfile)
                 ──▶ Varnish (Debian's 7.1, igren_site/varnish/default.vcl)
                 ──▶ gunicorn (igren_site/gunicorn.conf.py, production settings)
    igren_worker beside them; Redis and PostgreSQL are the machine's.

Each process reads the committed config; only addresses and ports come from the environment,
as compose sets them. Clients connect from other loopback addresses (127.0.0.2, 127.0.0.3, …),
so the proxy sees distinct clients; only 127.0.0.1 (Caddy and Varnish) is a trusted proxy.
"""

import http.client
import os
import shutil
import signal
import ssl
import subprocess
import sys
import time
from pathlib import Path

from tests.served_site import ROOT, free_port

SECRET = "production-stack-test-" + "k" * 40
TLS = ssl.create_default_context()
TLS.check_hostname = False
TLS.verify_mode = ssl.CERT_NONE  # Caddy's own local CA


def tool(name: str) -> str | None:
    return shutil.which(name) or next(
        (p for p in (f"/usr/sbin/{name}", f"/usr/bin/{name}") if os.path.exists(p)), None
    )


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def header(self, name, default=None):
        return self.headers.get(name.lower(), default)


class Client:
    """HTTPS through the proxy from one loopback address, with a cookie jar of its own."""

    def __init__(self, port: int, source: str = "127.0.0.2", tls: bool = True):
        self.port, self.source, self.cookies, self.tls = port, source, {}, tls

    def request(self, method, path, body=None, headers=None, timeout=30):
        try:
            return self._request(method, path, body, headers, timeout)
        except ConnectionResetError:
            # Straight to gunicorn, a worker recycling (max_requests) may reset a connection it
            # had accepted; in production the edge retries such a GET (default.vcl), so here the
            # client does, once. Through the proxy nothing is retried by the test.
            if self.tls or method not in ("GET", "HEAD"):
                raise
            return self._request(method, path, body, headers, timeout)

    def _request(self, method, path, body, headers, timeout):
        if self.tls:
            connection = http.client.HTTPSConnection(
                "127.0.0.1",
                self.port,
                timeout=timeout,
                context=TLS,
                source_address=(self.source, 0),
            )
        else:  # straight to gunicorn, saying what the proxy would say
            connection = http.client.HTTPConnection(
                "127.0.0.1", self.port, timeout=timeout, source_address=(self.source, 0)
            )
        sent = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        if not self.tls:
            sent["X-Forwarded-Proto"] = "https"
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            connection.request(method, path, body=body, headers=sent)
            raw = connection.getresponse()
            data = raw.read()
            headers = {}
            for key, value in raw.getheaders():
                if key.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name.strip()] = rest.split(";", 1)[0]
                headers[key.lower()] = value
            return Response(raw.status, headers, data)
        finally:
            connection.close()

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)

    def post_form(self, path, fields, referer_path=None):
        from urllib.parse import urlencode

        return self.request(
            "POST",
            path,
            body=urlencode(fields),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"https://127.0.0.1:{self.port}{referer_path or path}",
            },
        )


class ProductionStack:
    def __init__(self, workdir: Path, database_url: str, redis_url: str, **env):
        self.workdir = workdir
        self.ports = {name: free_port() for name in ("https", "http", "edge", "app")}
        self.url = f"https://127.0.0.1:{self.ports['https']}"
        (workdir / "media").mkdir()
        (workdir / "static").mkdir()
        (workdir / "static" / "probe.txt").write_text("static probe\n")
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "igren_site.settings.production",
            "SECRET_KEY": SECRET,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "MEDIA_ROOT": str(workdir / "media"),
            "STATIC_ROOT": str(workdir / "static"),
            "IGREN_TRUSTED_PROXIES": "127.0.0.1/32",
            "IGREN_EDGE_PURGE_URL": f"http://127.0.0.1:{self.ports['edge']}",
            "WAGTAILADMIN_BASE_URL": self.url,
            "GUNICORN_BIND": f"127.0.0.1:{self.ports['app']}",
            "GUNICORN_WORKERS": "2",
            **env,
        }
        self.processes: dict[str, subprocess.Popen] = {}

    def log(self, name) -> Path:
        return self.workdir / f"{name}.log"

    def manage(self, *args, env=None, check=True):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **(env or {})},
            check=check,
            capture_output=True,
            text=True,
        )

    def shell(self, code: str) -> str:
        return self.manage("shell", "-c", code).stdout

    def spawn(self, name, command, env=None):
        log = open(self.log(name), "ab")  # noqa: SIM115 - closed with the process
        self.processes[name] = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**self.env, **(env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return self.processes[name]

    def prepare(self):
        self.manage("migrate", "--noinput", "--verbosity", "0")
        self.manage(
            "load_igren_demo", "--verbosity", "0", "--without-meeting-rules", "--without-english"
        )

    def start_gunicorn(self, name="gunicorn", **env):
        """gunicorn with the committed config (its bind and workers from the environment)."""
        gunicorn = str(Path(sys.executable).parent / "gunicorn")
        return self.spawn(name, [gunicorn, "-c", "igren_site/gunicorn.conf.py"], env=env)

    def start_app(self):
        self.start_gunicorn()
        self.spawn("worker", [sys.executable, "manage.py", "igren_worker", "--interval", "0.5"])

    def start_edge(self):
        backend = self.workdir / "igren-backend.vcl"
        backend.write_text(
            "backend default {\n"
            f'  .host = "127.0.0.1";\n  .port = "{self.ports["app"]}";\n'
            "  .connect_timeout = 2s;\n  .first_byte_timeout = 35s;\n}\n"
        )
        self.spawn(
            "varnish",
            [
                tool("varnishd"),
                "-F",
                "-j",
                "none",
                "-n",
                str(self.workdir / "varnish"),
                "-a",
                f"127.0.0.1:{self.ports['edge']}",
                "-T",
                "none",
                "-f",
                str(ROOT / "igren_site/varnish/default.vcl"),
                "-p",
                f"vcl_path={self.workdir}:{ROOT / 'igren_site/varnish'}",
                "-s",
                "malloc,64m",
            ],
        )

    def start_proxy(self):
        self.spawn(
            "caddy",
            [tool("caddy"), "run", "--config", "igren_site/Caddyfile", "--adapter", "caddyfile"],
            env={
                "SITE_ADDRESS": self.url,
                "CADDY_ADMIN": "off",
                "CADDY_HTTP_PORT": str(self.ports["http"]),
                "CADDY_HTTPS_PORT": str(self.ports["https"]),
                "UPSTREAM": f"127.0.0.1:{self.ports['edge']}",
                "XDG_DATA_HOME": str(self.workdir / "caddy-data"),
                "XDG_CONFIG_HOME": str(self.workdir / "caddy-config"),
            },
        )

    def start(self):
        self.prepare()
        self.start_app()
        self.start_edge()
        self.start_proxy()
        self.wait_until_up()
        return self

    def wait_until_up(self, timeout=60):
        client = Client(self.ports["https"], "127.0.0.1")
        deadline = time.monotonic() + timeout
        last = None
        while time.monotonic() < deadline:
            for name, process in self.processes.items():
                if process.poll() is not None:
                    raise RuntimeError(f"{name} exited:\n{self.log(name).read_text()[-3000:]}")
            try:
                last = client.get("/graphql/?query=%7B__typename%7D", timeout=5)
                if last.status == 200:
                    return
            except OSError as error:
                last = error
            time.sleep(0.3)
        raise RuntimeError(f"the stack did not come up: {last}")

    def stop(self):
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
