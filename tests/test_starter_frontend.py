"""The starter frontend (examples/frontend) kept green: typed by GraphQL Code Generator from the
live API, built (astro check included), started, and crawled link by link: no 404 or 500, one
GraphQL request a page, and each page says what the served site says: its <title> and <h1>,
and every paragraph of the served page's main text."""

import html.parser
import os
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.outside_tools import missing
from tests.served_site import ServedSite, free_port

STARTER = Path(__file__).resolve().parent.parent / "examples" / "frontend"
MAX_PAGES = 120


class Page(html.parser.HTMLParser):
    """The parts of a page the crawl compares: links, <title>, the <h1> inside <main>, the
    texts of <main>'s links to event pages, its paragraphs and its whole text."""

    def __init__(self):
        super().__init__()
        self.links, self.title, self.h1, self.main = [], "", "", ""
        self.event_links: list[str] = []
        self.paragraphs: list[str] = []
        self._in = []
        self._event_link = None
        self._paragraph = None

    def handle_starttag(self, tag, attrs):
        self._in.append(tag)
        if tag == "a":
            href = dict(attrs).get("href") or ""
            self.links.append(href)
            path = urllib.parse.urlsplit(href).path
            if "main" in self._in and path.startswith("/events/") and path != "/events/":
                self._event_link = ""
        if tag == "p" and "main" in self._in:
            self._paragraph = ""

    def handle_endtag(self, tag):
        if tag == "a" and self._event_link is not None:
            self.event_links.append(" ".join(self._event_link.split()))
            self._event_link = None
        if tag == "p" and self._paragraph is not None:
            self.paragraphs.append(" ".join(self._paragraph.split()))
            self._paragraph = None
        while self._in and self._in.pop() != tag:
            pass

    def handle_data(self, data):
        if self._event_link is not None:
            self._event_link += data
        if self._paragraph is not None:
            self._paragraph += data
        if "main" in self._in and "script" not in self._in:
            self.main += data + " "
        if "title" in self._in and "head" in self._in:
            self.title += data
        if "h1" in self._in and "main" in self._in:
            self.h1 += data


def parse(body: str) -> Page:
    page = Page()
    page.feed(body)
    page.title, page.h1 = " ".join(page.title.split()), " ".join(page.h1.split())
    page.main = " ".join(page.main.split())
    return page


def squeeze(text: str) -> str:
    """Text compared without its spaces: the two sites break lines and join inline elements
    differently."""
    return "".join(text.split())


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def get(url):
    try:
        with OPENER.open(url, timeout=30) as response:
            return response.status, lower(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, lower(error.headers), error.read().decode()


def lower(headers) -> dict:
    return {name.lower(): value for name, value in headers.items()}


@pytest.fixture(scope="module")
def api_site(tmp_path_factory):
    """The demo site as a frontend's API, with the frontend's address spared the cost budget
    (IGREN_BUDGET_EXEMPT), as docs/api.md says to run it."""
    site = ServedSite(tmp_path_factory.mktemp("api"), {"IGREN_BUDGET_EXEMPT": "127.0.0.1"})
    site.prepare(like={})  # a copy of the served sites' prepared database
    site.start(prepare=False)
    yield site
    site.stop()


@pytest.fixture(scope="module")
def starter(api_site, tmp_path_factory):
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        missing("node and npm are not installed")
    if not (STARTER / "node_modules" / "astro").is_dir():
        missing("the starter's npm packages are not installed (examples/frontend)")
    api = f"{api_site.url}/graphql/"
    env = {**os.environ, "IGREN_API": api, "ASTRO_TELEMETRY_DISABLED": "1"}
    build = subprocess.run(
        [npm, "run", "build"], cwd=STARTER, env=env, capture_output=True, text=True, timeout=600
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    port = free_port()
    log = tmp_path_factory.mktemp("starter") / "server.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [node, "dist/server/entry.mjs"],
            cwd=STARTER,
            env={**env, "HOST": "127.0.0.1", "PORT": str(port)},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            get(url + "/")
            break
        except OSError:
            time.sleep(0.2)
    try:
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_starter_crawls_clean_in_one_request_a_page_and_matches_the_served_site(
    starter, api_site
):
    seen, queue, problems, compared = set(), ["/"], [], []
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        status, headers, body = get(starter + path)
        if status in (301, 302):
            queue.append(urllib.parse.urlsplit(headers["location"]).path)
            continue
        if status != 200:
            problems.append((path, status))
            continue
        assert headers.get("x-graphql-requests") == "1", (path, headers.get("x-graphql-requests"))
        page = parse(body)
        served = parse(get(api_site.url + path)[2])
        assert (page.title, page.h1) == (served.title, served.h1), path
        # The main text: every paragraph the served page writes (rich text, summaries, dates,
        # places) is on the starter's page too.
        ours = squeeze(page.main)
        missed = [p for p in served.paragraphs if squeeze(p) and squeeze(p) not in ours]
        compared.append(len(served.paragraphs))
        if missed:
            problems.append((path, "main text", missed))
        for href in page.links:
            split = urllib.parse.urlsplit(href)
            if not split.netloc and split.path.startswith("/") and split.path != "/search":
                queue.append(split.path)
    assert problems == []
    assert len(seen) >= 20, sorted(seen)  # home, sections, every salon and project, events
    assert sum(compared) >= 3 * len(compared)  # pages have text to compare, not just headings


def test_the_events_page_lists_what_the_served_one_lists(starter, api_site):
    """今月と来月のイベント: the same events, in the same order, on both."""
    ours = parse(get(starter + "/events/")[2]).event_links
    served = parse(get(api_site.url + "/events/")[2]).event_links
    assert ours and ours == served


def test_unknown_paths_are_real_404s_and_search_works(starter):
    status, headers, body = get(starter + "/no-such-page/")
    assert status == 404 and headers.get("x-graphql-requests") == "1"
    assert "ページが見つかりません" in body
    status, _, body = get(starter + "/search?q=" + urllib.parse.quote("サロン"))
    assert status == 200 and "件" in body and "川崎サロン" in body


def test_the_preview_route_refuses_a_bad_token_in_words(starter):
    status, headers, body = get(starter + "/preview?token=not-a-token&type=Event")
    assert status == 400 and headers.get("cache-control") == "no-store"
    assert "Traceback" not in body and "プレビュー" in body


def test_pages_carry_seo_open_graph_and_feed_links(starter):
    _, _, body = get(starter + "/events/")
    assert '<meta property="og:title"' in body and 'rel="canonical"' in body
    assert 'type="application/rss+xml"' in body and "/feeds/events.rss" in body
