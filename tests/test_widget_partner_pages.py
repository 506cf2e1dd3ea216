"""The widget on the partner pages it must survive, in headless Chromium: a light page, a dark
page, a page with the strict CSP docs/embedding.md names (each snippet pasted as the docs write
it), a right-to-left page and a page that unsets every style. axe-core checks each for WCAG
violations; the screenshots in docs/embedding.md come from here (IGREN_WRITE_SCREENSHOT=1)."""

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from tests.outside_tools import JS_DIR, node_with
from tests.served_site import served_directory

pytestmark = pytest.mark.tools(chromium=True, node="axe-core")

DOCS = Path(__file__).resolve().parent.parent / "docs"
IMAGES = DOCS / "images"


def snippet(heading: str) -> str:
    """The first ```html block under a heading of docs/embedding.md, as a partner copies it."""
    text = (DOCS / "embedding.md").read_text()
    section = text.split(heading, 1)[1]
    return re.search(r"```html\n(.*?)```", section, re.S).group(1)


def strict_csp(site: str) -> str:
    """The CSP docs/embedding.md tells a partner to send, with HOST filled in."""
    text = (DOCS / "embedding.md").read_text()
    policy = re.search(r"```text\nContent-Security-Policy: (.*?)\n```", text, re.S).group(1)
    return " ".join(policy.split()).replace("https://HOST", site)


PAGE = """<!DOCTYPE html>
<html lang="{lang}" dir="{dir}"><head><meta charset="utf-8"><title>パートナー</title>
{csp}<link rel="icon" href="data:,">
<script src="/axe.min.js"></script>
{head}
</head><body>
<main>
<h1>地域の情報</h1>
{body}
</main>
</body></html>
"""

DARK = "<style>:root { color-scheme: dark; background: #101418; color: #e8eaed; }</style>"
UNSET = "<style>* { all: unset; } head, script, style, title { display: none; }</style>"


def widget_html(site, **attributes):
    attrs = " ".join(f'{k}="{v}"' for k, v in attributes.items())
    return (
        f'<script src="{site}/embed/events.js" defer></script>\n'
        f'<igren-events id="widget" months="2" limit="20" {attrs}></igren-events>'
    )


def parts_of(lang="ja", dir="ltr", csp="", head="", body=""):
    return {"lang": lang, "dir": dir, "csp": csp, "head": head, "body": body}


@pytest.fixture(scope="module")
def partner(served_site, tmp_path_factory):
    node_with("axe-core")
    root = tmp_path_factory.mktemp("partner-pages")
    shutil.copy(JS_DIR / "node_modules" / "axe-core" / "axe.min.js", root / "axe.min.js")
    site = served_site.url
    docs_snippets = snippet("## 2. ウィジェットを貼る").replace("https://HOST", site) + snippet(
        "## 3. iframe で載せる"
    ).replace("https://HOST", site)
    pages = {
        "light.html": parts_of(body=widget_html(site)),
        "dark.html": parts_of(head=DARK, body=widget_html(site)),
        "csp.html": parts_of(
            csp=f'<meta http-equiv="Content-Security-Policy" content="{strict_csp(site)}">',
            body=docs_snippets,
        ),
        "english.html": parts_of(lang="en", body=widget_html(site, lang="ja")),
        "rtl.html": parts_of(lang="ar", dir="rtl", body=widget_html(site)),
        "unset.html": parts_of(head=UNSET, body=widget_html(site)),
    }
    for name, parts in pages.items():
        (root / name).write_text(PAGE.format(**parts), encoding="utf-8")
    with served_directory(root) as origin:
        yield origin


@pytest.fixture
def open_page(browser):
    contexts = []

    def open_(url, color_scheme="light"):
        context = browser.new_context(
            locale="ja-JP", viewport={"width": 720, "height": 1400}, color_scheme=color_scheme
        )
        contexts.append(context)
        page = context.new_page()
        page.problems, page.graphql = [], []
        page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
        page.on("pageerror", lambda e: page.problems.append(str(e)))
        page.on("request", lambda r: "/graphql/" in r.url and page.graphql.append(r.url))
        page.add_init_script(
            "window.__violations = [];"
            "document.addEventListener('securitypolicyviolation',"
            " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
        )
        page.goto(url)
        page.locator("igren-events .igren[role=region]").first.wait_for(timeout=15_000)
        return page

    yield open_
    for context in contexts:
        context.close()


def axe_violations(page) -> list:
    result = page.evaluate(
        "async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
        " return r.violations.map(v => ({id: v.id, nodes: v.nodes.length,"
        " targets: v.nodes.slice(0, 3).map(n => n.target)})); }"
    )
    return result


def save(page, name):
    if os.environ.get("IGREN_WRITE_SCREENSHOT") == "1":
        IMAGES.mkdir(parents=True, exist_ok=True)
        page.locator("igren-events").screenshot(path=str(IMAGES / f"embed-widget-{name}.png"))


def styled(page) -> dict:
    return page.locator("igren-events h2").first.evaluate(
        "h => { const s = getComputedStyle(h); const box = getComputedStyle(h.closest('.igren'));"
        " return {rule: s.borderBottomColor, weight: s.fontWeight, width: s.borderBottomWidth,"
        " background: box.backgroundColor, color: box.color}; }"
    )


def test_a_light_page_has_no_accessibility_violations(open_page, partner):
    page = open_page(partner + "/light.html")
    assert axe_violations(page) == []
    assert styled(page)["background"] == "rgb(255, 255, 255)"
    assert len(page.graphql) == 1  # one request per load, whatever the attributes
    save(page, "light")
    assert page.problems == []


@pytest.mark.parametrize("scheme", ["page", "reader"])
def test_a_dark_page_gets_a_dark_widget_with_contrast(open_page, partner, scheme):
    """Dark because the page says so (color-scheme: dark), or because the reader prefers it on
    a page that offers both."""
    if scheme == "page":
        page = open_page(partner + "/dark.html")
    else:
        page = open_page(partner + "/light.html", color_scheme="dark")
        page.add_style_tag(content=":root { color-scheme: light dark; }")
    assert axe_violations(page) == []
    look = styled(page)
    assert look["background"] == "rgb(22, 25, 29)" and look["rule"] == "rgb(95, 211, 165)"
    assert look["color"] == "rgb(245, 247, 250)"
    if scheme == "page":
        save(page, "dark")


def test_the_docs_snippets_work_under_the_docs_strict_csp(open_page, partner):
    page = open_page(partner + "/csp.html")
    assert page.evaluate("window.__violations") == []
    look = styled(page)  # the widget's styles applied: its heading rule, weight and colours
    assert look["rule"] == "rgb(11, 110, 79)" and look["width"] == "2px" and look["weight"] == "700"
    assert page.locator("igren-events h2").count() == 2  # the docs' months="2"
    frame = page.frame_locator("iframe")
    frame.locator("h2").first.wait_for(timeout=15_000)
    assert axe_violations(page) == []
    save(page, "csp")
    assert page.problems == []


def test_the_content_keeps_its_own_language(open_page, partner):
    page = open_page(partner + "/english.html")
    region = page.locator("igren-events .igren")
    assert region.get_attribute("lang") == "ja"
    assert axe_violations(page) == []


def test_right_to_left_and_unset_pages_keep_the_layout(open_page, partner):
    rtl = open_page(partner + "/rtl.html")
    badge = rtl.locator("igren-events .badge").first
    margins = badge.evaluate(
        "b => [getComputedStyle(b).marginLeft, getComputedStyle(b).marginRight]"
    )
    assert margins[0] == "0px" and margins[1] != "0px"  # the space is on the reading side
    unset = open_page(partner + "/unset.html")
    widget = unset.locator("igren-events")
    assert widget.evaluate("w => getComputedStyle(w).display") == "block"
    assert widget.bounding_box()["height"] > 200
    items = unset.locator("igren-events li.event")
    assert items.first.evaluate("li => getComputedStyle(li).display") == "block"
    assert json.dumps(unset.problems) == "[]"
