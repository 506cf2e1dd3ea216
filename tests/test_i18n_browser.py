"""Translating a page in a real browser (headless Chromium), in wagtail-localize's screens in
Japanese, as the office staff will: ask for the English version of 川崎サロン, translate its title
in the translation editor, publish it, and the API serves it; then the Japanese title changes,
the editor syncs the translations, and the English version is marked as waiting for its
translation (翻訳待ち, the changed title 未翻訳) while the old English title stays public.
Screenshots for docs/editors.md (英語版をつくる) with IGREN_WRITE_SCREENSHOT=1.
"""

import re

import pytest

from tests.served_site import ServedSite
from tests.test_editors_day import screenshot
from tests.test_meeting_rules_browser import PASSWORD, api, signed_in

pytestmark = pytest.mark.tools(chromium=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    served = ServedSite(tmp_path_factory.mktemp("translation"), insecure_static=True)
    served.start()
    served.manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model;"
        f"get_user_model().objects.create_superuser('honyaku', '', '{PASSWORD}',"
        " first_name='翻訳', last_name='担当')",
    )
    yield served
    served.stop()


def salon_id(site, locale="ja"):
    path = "/salons/kawasaki/" if locale == "ja" else f"/{locale}/salons/kawasaki/"
    page = api(site, f'{{ page(path: "{path}") {{ id title }} }}')["page"]
    return page and (int(page["id"]), page["title"])


def test_a_translation_is_made_published_and_marked_waiting_when_its_source_changes(browser, site):
    page = signed_in(browser, site, "honyaku")

    source_id, source_title = salon_id(site)
    # 1. Ask for the English version (the page's 「翻訳する」 action leads here).
    page.goto(f"{site.url}/admin/localize/submit/page/{source_id}/")
    assert "ページを翻訳する" in page.content()
    page.locator("input[name=locales]").first.check()  # 英語
    screenshot(page, "translate-submit")
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()

    # 2. wagtail-localize's translation editor, in Japanese: translate the title, publish.
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/"))
    page.get_by_text(source_title, exact=True).first.wait_for()
    body = page.locator("body").inner_text()
    assert "翻訳する" in body and "公開: " in body and "Translate" not in body
    row = page.locator("li", has=page.get_by_text(source_title, exact=True)).last
    row.get_by_role("button", name="翻訳する").click()
    row.locator("textarea").fill("Kawasaki Salon")
    row.get_by_role("button", name="保存").click()
    page.get_by_text("Kawasaki Salon", exact=True).first.wait_for()
    screenshot(page, "translate-editor")
    page.get_by_role("button", name=re.compile("^公開: ")).first.click()
    page.wait_for_load_state("networkidle")
    english_id, english_title = salon_id(site, "en")
    assert english_title == "Kawasaki Salon"

    # 3. The Japanese title changes; syncing marks the English version as waiting.
    site.manage(
        "shell",
        "-c",
        "from pages.models import SalonPage;"
        f"p = SalonPage.objects.get(pk={source_id}); p.title = '川崎サロン（中原）';"
        "p.save_revision().publish()",
    )
    page.goto(f"{site.url}/admin/pages/{english_id}/edit/")  # before the sync: as translated
    page.get_by_text("Kawasaki Salon", exact=True).first.wait_for()
    assert "川崎サロン（中原）" not in page.locator("body").inner_text()
    # 「翻訳済みのページを同期」: the sync form of the page's translation source.
    found = site.shell(
        "from wagtail_localize.models import TranslationSource;"
        "from pages.models import SalonPage;"
        f"print(TranslationSource.objects.get_for_instance(SalonPage.objects.get(pk={source_id})).pk)",
    )
    source_key = int(found)
    page.goto(f"{site.url}/admin/localize/update/{source_key}/")
    assert "既存の翻訳を更新" in page.content() or "同期" in page.content()
    screenshot(page, "translate-sync")
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()
    page.wait_for_load_state("networkidle")
    page.goto(f"{site.url}/admin/localize/reports/translations/")
    report = page.locator("main").inner_text()
    assert "翻訳待ち" in report  # Waiting for translations
    screenshot(page, "translate-waiting")
    page.goto(f"{site.url}/admin/pages/{english_id}/edit/")
    # The changed title is there to translate, in place of the old translation.
    page.get_by_text("川崎サロン（中原）", exact=True).first.wait_for()
    changed = page.locator("li", has=page.get_by_text("川崎サロン（中原）", exact=True)).last
    assert changed.get_by_role("button", name="翻訳する").count() == 1  # waiting, not done
    screenshot(page, "translate-out-of-date")
    # Until it is translated and published again, the public English title stays as it was.
    assert salon_id(site, "en") == (english_id, "Kawasaki Salon")
    page.context.close()
