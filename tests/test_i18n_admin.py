"""Translating in the admin with wagtail-localize (its own views, in Japanese): an editor asks
for the English version of a salon, gets wagtail-localize's translation editor, translates the
title, publishes it, and the API serves it; the source stays as it was. wagtail-localize's own
catalogue has five Japanese strings: its screens speak Japanese through the plugin's supplement
(scripts/localize_ja.py), checked here on the submit form and the translation editor's
JavaScript catalogue."""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from pages.models import SalonPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser("honyaku", "h@example.jp", "pw-honyaku-1")
    client.force_login(user)
    return client


def test_an_editor_translates_a_salon_and_the_api_serves_it(
    editor, gql, django_capture_on_commit_callbacks
):
    from wagtail_localize.models import StringTranslation, Translation

    salon = SalonPage.objects.get(slug="kawasaki", locale__language_code="ja")
    english = Locale.objects.get(language_code="en")
    form = editor.get(f"/admin/localize/submit/page/{salon.pk}/")
    assert form.status_code == 200
    assert f'value="{english.pk}"' in form.content.decode()  # English offered
    main = form.content.decode().split("<main", 1)[-1]
    assert "ページを翻訳する" in main and "言語" in main  # Translate page, Locales
    assert "Translate" not in main and "Locales" not in main
    catalogue = editor.get("/admin/localize/jsi18n/").content.decode()
    assert r'"Not translated": "\u672a\u7ffb\u8a33"' in catalogue  # 未翻訳, escaped as JSON
    # The parent section is not translated yet: wagtail-localize translates it along with it.
    response = editor.post(
        f"/admin/localize/submit/page/{salon.pk}/", {"locales": [english.pk]}, follow=True
    )
    assert response.status_code == 200
    translated = salon.get_translations().get(locale=english).specific
    assert not translated.live  # a draft until the editor publishes it

    edit = editor.get(f"/admin/pages/{translated.pk}/edit/")
    assert edit.status_code == 200
    assert re.search(r'data-props="[^"]+"', edit.content.decode()), "the translation editor"
    translation = Translation.objects.get(
        target_locale=english, source__object_id=salon.translation_key
    )
    title = next(
        segment
        for segment in translation.source.stringsegment_set.select_related("string")
        if segment.string.data == salon.title
    )
    StringTranslation.objects.create(
        translation_of=title.string,
        locale=english,
        context=title.context,
        data="Kawasaki Salon",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )  # fmt: skip — what the editor's field saves
    with django_capture_on_commit_callbacks(execute=True):  # as at the end of the request
        translation.save_target(user=None, publish=True)

    page = gql('{ page(path: "/en/salons/kawasaki/") { title locale } }')["data"]["page"]
    assert page == {"title": "Kawasaki Salon", "locale": "en"}
    assert SalonPage.objects.get(pk=salon.pk).title == salon.title
