"""Install the built wheel into a fresh `wagtail start` site exactly as README tells a host to.

Builds the wheel, makes a new virtualenv, installs the wheel (its declared dependencies come from
the package index), runs `wagtail start`, applies the two documented edits, migrates, checks, and
then serves the site over real HTTP twice: the plugin mounted at the root and under /igren/.
Nothing is imported from the checkout: a file the wheel forgets fails here.

Slow (a virtualenv and an index install), so it runs once per `make test` (marker host_install),
not in each database pass.
"""

import json
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.served_site import free_port

pytestmark = pytest.mark.host_install

ROOT = Path(__file__).resolve().parents[2]
APPS_LINE = '    "igren_cms",\n    "pages",\n    "snippets",\n    "graphene_django",\n'
EVENTS_QUERY = "{ events(perPage: 5) { items { title start url icsUrl } } }"


def run(*args, cwd=None, env=None, timeout=600):
    result = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, f"{args} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def add_plugin(site: Path, prefix: str):
    """The two edits of README's "Install into an existing Wagtail site"."""
    settings = site / "mysite" / "settings" / "base.py"
    text = settings.read_text()
    text = text.replace('    "search",\n', '    "search",\n' + APPS_LINE, 1)
    settings.write_text(text)
    urls = site / "mysite" / "urls.py"
    text = urls.read_text()
    line = f'    path("{prefix}", include("igren_cms.plugin_urls")),\n'
    text = re.sub(r'(    path\("search/".*\n)', lambda m: m.group(1) + line, text, count=1)
    urls.write_text(text)
    assert line in urls.read_text() and APPS_LINE in settings.read_text()


def remount(site: Path, prefix: str):
    urls = site / "mysite" / "urls.py"
    text = re.sub(
        r'path\("[^"]*", include\("igren_cms.plugin_urls"\)\)',
        f'path("{prefix}", include("igren_cms.plugin_urls"))',
        urls.read_text(),
    )
    urls.write_text(text)


def get(url, accept="*/*"):
    request = urllib.request.Request(url, headers={"Accept": accept})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


class Server:
    def __init__(self, python, site, env):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = site / f"server-{self.port}.log"
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                [python, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.port}"],
                cwd=site,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.base + "/admin/login/", timeout=2)  # noqa: S310
                return
            except urllib.error.HTTPError:
                return
            except OSError:
                assert self.process.poll() is None, self.log.read_text()
                time.sleep(0.3)
        self.stop()
        pytest.fail(f"the host site did not start:\n{self.log.read_text()}")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    work = tmp_path_factory.mktemp("host-install")
    run(sys.executable, "-m", "build", "--wheel", "--outdir", work / "dist", ROOT, timeout=300)
    (wheel,) = (work / "dist").glob("igren_cms-*.whl")
    run(sys.executable, "-m", "venv", work / "venv")
    python = work / "venv" / "bin" / "python"
    run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", wheel)
    site = work / "site"
    site.mkdir()
    run(work / "venv" / "bin" / "wagtail", "start", "mysite", site)
    add_plugin(site, "")
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "IGREN_"))
    }
    env["DJANGO_SETTINGS_MODULE"] = "mysite.settings.dev"
    env["PYTHONPATH"] = ""  # the checkout must not leak in

    def manage(*args):
        return run(python, "manage.py", *args, cwd=site, env=env)

    manage("migrate", "--noinput")
    return {"python": python, "site": site, "env": env, "manage": manage, "wheel": wheel}


def test_the_wheel_carries_what_the_plugin_serves_and_nothing_of_the_site(host):
    import zipfile

    names = zipfile.ZipFile(host["wheel"]).namelist()
    for needed in (
        "igren_cms/feeds/assets/igren-events.js",
        "igren_cms/schema.graphql",
        "igren_cms/templates/igren_feeds/embed_events.html",
        "pages/templates/igren_pages/event_page.html",
        "pages/locale/ja/LC_MESSAGES/django.mo",
        "pages/migrations/0001_initial.py",
    ):
        assert needed in names
    assert not [n for n in names if n.startswith(("tests/", "igren_site/", "bench/"))]


def test_the_plugin_passes_the_hosts_checks_and_needs_no_migrations(host):
    out = host["manage"]("check")
    assert "no issues" in out
    host["manage"]("makemigrations", "--check", "--dry-run")
    # The plugin came from the wheel, not from this checkout.
    where = run(
        host["python"],
        "-c",
        "import igren_cms; print(igren_cms.__file__)",
        cwd=host["site"],
        env=host["env"],
    )
    assert "site-packages" in where


def test_the_demo_goes_under_the_page_it_is_given_and_leaves_the_host_alone(host):
    manage = host["manage"]
    refused = subprocess.run(
        [host["python"], "manage.py", "load_igren_demo"],
        cwd=host["site"],
        env=host["env"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert refused.returncode != 0
    assert "--parent" in refused.stderr
    out = manage("load_igren_demo", "--parent", "/home/")
    assert "no Site record is created or changed" in out


@pytest.mark.parametrize("prefix", ["", "igren/"])
def test_every_plugin_url_answers_with_the_plugin_mounted(host, prefix):
    remount(host["site"], prefix)
    server = Server(host["python"], host["site"], host["env"])
    try:
        base = f"{server.base}/{prefix}"
        # The host's own home page is still served at its root.
        status, _, body = get(server.base + "/")
        assert status == 200
        assert "Welcome to your new Wagtail site" in body.decode()

        query = urllib.parse.urlencode({"query": EVENTS_QUERY})
        status, headers, body = get(f"{base}graphql/?{query}", "application/json")
        assert status == 200, body[:500]
        items = json.loads(body)["data"]["events"]["items"]
        assert items, "the demo's upcoming events"
        assert items[0]["icsUrl"].startswith(f"{server.base}/{prefix}feeds/events/")
        assert items[0]["url"].startswith(f"{server.base}/igren/events/")

        status, headers, body = get(f"{base}feeds/events.ics")
        assert status == 200
        assert headers["Content-Type"].startswith("text/calendar")
        assert body.startswith(b"BEGIN:VCALENDAR")

        status, headers, body = get(f"{base}embed/events.js")
        assert status == 200
        assert b"customElements.define" in body

        status, headers, body = get(f"{base}embed/events/")
        assert status == 200
        page = body.decode()
        assert "今月と来月のイベント" in page
        assert f"/{prefix}feeds/events.ics" in page

        # Under a prefix nothing answers at the root paths.
        if prefix:
            assert get(f"{server.base}/graphql/?{query}")[0] == 404
    finally:
        server.stop()
