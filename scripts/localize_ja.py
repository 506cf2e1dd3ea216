"""Japanese for wagtail-localize's screens, which its own catalogue leaves in English (it has
five strings): writes igren_cms/locale/ja/supplement/wagtail-localize-django.po and
-djangojs.po, which `make messages` merges as it does Wagtail's supplement.

Run: python scripts/localize_ja.py (after upgrading wagtail-localize: a msgid it no longer has is
reported, so the catalogue follows the installed version).
"""

import sys
from pathlib import Path

import polib
import wagtail_localize

# msgid -> Japanese, written for the office staff who translate (docs/editors.md 英語版をつくる).
DJANGO = {
    "Disable": "無効にする",
    "Dummy translator": "テスト用の翻訳ツール",
    "Translate": "翻訳する",
    "Sync translated %(model_name)s": "翻訳済みの%(model_name)sを同期",
    "Start Synced translation": "同期翻訳を始める",
    "Translate {model_name}": "{model_name}を翻訳する",
    "The {model_name} '{object}' was successfully submitted for translation into {locales}": "{model_name}「{object}」を{locales}への翻訳に出しました",
    "Up to date": "最新",
    "Waiting for translations": "翻訳待ち",
    "Manual": "手作業",
    "Machine": "機械翻訳",
    "Translated with {tool_name} on {date}": "{date}に{tool_name}で翻訳",
    "Translated manually on {date}": "{date}に手作業で翻訳",
    "Machine translated on {date}": "{date}に機械翻訳",
    "This locale cannot be synced into itself.": "同じ言語どうしは同期できません。",
    "Synchronise content from another locale": "ほかの言語からコンテンツを同期する",
    "Choose a locale to synchronise content from. Any existing and future content authored in "
    "the selected locale will be automatically copied to this one.": "同期元の言語を選んでください。選んだ言語で書かれたコンテンツは、今あるものもこれから"
    "書くものも、この言語へ自動でコピーされます。",
    "<{}> tag is not allowed. Strings can only contain standard HTML inline tags (such as <b>, "
    "<a>)": "<{}>タグは使えません。使えるのは<b>や<a>などの標準的なインラインタグだけです",
    "Strings cannot have any HTML tags with attributes (except for 'id' in <a> tags)": "属性付きのHTMLタグは使えません（<a>タグの id を除く）",
    "Unrecognised id found in an <a> tag: {}": "<a>タグに不明な id があります: {}",
    "Enable": "有効にする",
    "Convert to alias %(title)s": "%(title)sをエイリアスに変換",
    "Convert to alias": "エイリアスに変換",
    "Are you sure you want to convert this page into an alias? This will overwrite the content "
    "of the page with the content of '%(source_page_title)s' (%(source_page_locale)s)": "このページをエイリアスに変換しますか？ このページの内容は「%(source_page_title)s」"
    "（%(source_page_locale)s）の内容で上書きされます",
    "Yes, convert it": "はい、変換します",
    "No, leave it as a page": "いいえ、ページのままにします",
    "This page hasn't been translated yet. It is mirroring the <a href=\""
    '%(edit_original_page_url)s" target="_blank">%(original_locale)s page</a>.': 'このページはまだ翻訳されていません。<a href="%(edit_original_page_url)s" '
    'target="_blank">%(original_locale)sのページ</a>と同じ内容を表示しています。',
    "Translate this page": "このページを翻訳する",
    "Translation of %(instance)s into %(locale)s": "%(instance)sの%(locale)s訳",
    "Translations": "翻訳",
    "Editing %(object_type)s %(title)s": "%(object_type)s「%(title)s」を編集中",
    "Submit": "送信",
    "Go back": "戻る",
    "Content type": "コンテンツの種類",
    "Source": "翻訳元",
    "Target": "翻訳先",
    "Status": "ステータス",
    "No translations found.": "翻訳はありません。",
    "Why would I sync my page?": "同期とは？",
    "Changes are not automatically applied between translated pages. Syncing will add new "
    "content for translation and remove deleted content.": "元のページを変えても、翻訳には自動では反映されません。同期すると、追加した内容が翻訳"
    "待ちになり、削除した内容は翻訳からも消えます。",
    "The last sync date was %(last_sync_date)s. You are about to sync the following:": "前回の同期は%(last_sync_date)sです。次のものを同期します:",
    "Page '{}' has been converted into an alias.": "ページ「{}」をエイリアスに変換しました。",
    "Content": "コンテンツ",
    "New validation errors were found when publishing '{object}' in {locale}. Please fix them "
    "or click publish again to ignore these translations for now.": "「{object}」を{locale}で公開するときに、新しい入力エラーが見つかりました。直すか、もう"
    "一度「公開」を押してこれらの訳をいったん外してください。",
    "Published '{object}' in {locale} with missing translations - see below.": "「{object}」を{locale}で公開しました。未翻訳の箇所があります（下記）。",
    "Published '{object}' in {locale}.": "「{object}」を{locale}で公開しました。",
    "The data model for '{model_name}' has been changed since the last translation sync. If "
    "any new fields have been added recently, these may not be visible until the next "
    "translation sync.": "前回の同期のあとで「{model_name}」の項目が変わりました。新しい項目は、次に同期する"
    "まで表示されないことがあります。",
    "Translation has been stopped.": "翻訳の同期を止めました。",
    "Translation has been restarted.": "翻訳の同期を再開しました。",
    "Please upload a valid PO file.": "正しいPOファイルをアップロードしてください。",
    "Cannot import PO file that was created for a different translation.": "ほかの翻訳のために作られたPOファイルは読み込めません。",
    "Successfully imported translations from PO File.": "POファイルから訳を読み込みました。",
    "Successfully translated with {}.": "{}で翻訳しました。",
    "There isn't anything left to translate.": "翻訳の残りはありません。",
    "Source title": "翻訳元のタイトル",
    "All": "すべて",
    "Select all": "すべて選択",
    "Locales": "言語",
    "All child pages will be created.": "子ページもすべて作られます。",
    "Include subtree ({} page)": "配下のページも含める（{}ページ）",
    "{} locales": "{}言語",
    "Translate page": "ページを翻訳する",
    "The page '{page_title}' was successfully submitted for translation into {locales}": "ページ「{page_title}」を{locales}への翻訳に出しました",
    "Publish immediately": "すぐに公開する",
    "Apply the updates and publish immediately. The changes will use the original language "
    'until translated unless you also select "Use machine translation".': "変更を取り込んですぐに公開します。「機械翻訳を使う」を選ばない限り、変わった箇所は"
    "翻訳するまで元の言語のまま表示されます。",
    "Use machine translation": "機械翻訳を使う",
    "Apply machine translations to the incoming changes.": "取り込む変更を機械翻訳します。",
    "Apply the updates and publish immediately. The changes will use the original language "
    "until translated.": "変更を取り込んですぐに公開します。変わった箇所は翻訳するまで元の言語のまま表示されます。",
    "Update existing translations": "既存の翻訳を更新",
    "Successfully updated translations for '{object}'": "「{object}」の翻訳を更新しました",
    "Sync translated pages": "翻訳済みのページを同期",
    "Translate '%(title)s'": "「%(title)s」を翻訳する",
    "Sync translated snippets": "翻訳済みのスニペットを同期",
    "Sync translations of '%(title)s'": "「%(title)s」の翻訳を同期",
    "Convert to alias page": "エイリアスページに変換",
    "Convert page to alias": "ページをエイリアスに変換",
    "Converted page '%(title)s' to an alias of the translation source page '%(source_title)s'": "ページ「%(title)s」を翻訳元のページ「%(source_title)s」のエイリアスに変換しました",
    "Converted page to an alias of the translation source page": "ページを翻訳元のページのエイリアスに変換しました",
}
PLURALS = {"Include subtree ({} page)": "配下のページも含める（{}ページ）"}

# The translation editor (React), through wagtail-localize's JavaScript catalogue; where Wagtail
# says the same word, the same Japanese (Cancel 取り消し, Save 保存 …).
DJANGOJS = {
    "[DELETED]": "［削除済み］",
    "Actions": "操作",
    "Applying editor lock": "編集をロックしています",
    "Cancel": "取り消し",
    "Change %s": "%sを変更",
    "Change document": "ドキュメントを変更",
    "Change image": "画像を変更",
    "Change page": "ページを変更",
    "Changed": "変更あり",
    "Choose a %s": "%sを選択",
    "Choose a document": "ドキュメントを選択",
    "Choose a page": "ページを選択",
    "Choose an image": "画像を選択",
    "Convert to alias page": "エイリアスページに変換",
    "Delete": "削除",
    "Download PO file": "POファイルをダウンロード",
    "Download PO file and input translations offline": "POファイルをダウンロードして、手元で訳を入力",
    "Edit": "編集",
    "Edit this %s": "この%sを編集",
    "Edit this document": "ドキュメントを編集",
    "Edit this image": "画像を編集",
    "Edit this page": "ページを編集",
    "Fetching %s information...": "%sの情報を取得しています…",
    "Fetching document information...": "ドキュメントの情報を取得しています…",
    "Fetching image information...": "画像の情報を取得しています…",
    "Fetching page information...": "ページの情報を取得しています…",
    "Lock": "ロックする",
    "Not translated": "未翻訳",
    "Preview": "プレビュー",
    "Publish in ": "公開: ",
    "Publishing...": "公開しています…",
    "Removing editor lock": "編集のロックを外しています",
    "Revert to %s version": "%s版に戻す",
    "Save": "保存",
    "Saving...": "保存中",
    "segments translated": "件を翻訳済み",
    "Server error": "サーバーのエラー",
    "Stop Synced translation": "同期翻訳をやめる",
    "Stopping Synced translation": "同期翻訳をやめています",
    "There are unsaved segments. Please save or cancel them before leaving.": "保存していない訳があります。移動する前に保存するか取り消してください。",
    "Translate": "翻訳する",
    "Translate all missing strings with ": "未翻訳をすべて機械翻訳: ",
    "Translate with ": "機械翻訳: ",
    "Unlock": "ロックを解除",
    "Unpublish": "非公開",
    "Upload PO file": "POファイルをアップロード",
    "Upload translated PO file to submit translations": "訳を入れたPOファイルをアップロードして送信",
    "Uses %s version": "%s版を使用",
}

HEADER = """Japanese for wagtail-localize {version} strings that its own catalogue leaves in English.
Written by scripts/localize_ja.py; merged into igren_cms's catalogues by `make messages`."""


def wagtail_says() -> set[str]:
    """msgids Wagtail's own Japanese catalogue translates: left to Wagtail in the django domain
    (igren_cms's catalogue comes first, so an entry here would change Wagtail's word too)."""
    import wagtail

    found = set()
    for po in Path(wagtail.__file__).parent.rglob("locale/ja/LC_MESSAGES/django.po"):
        found |= {entry.msgid for entry in polib.pofile(str(po)) if entry.msgstr}
    return found


def write(domain: str, table: dict, out: Path, skip=frozenset()) -> list[str]:
    source = Path(wagtail_localize.__file__).parent / "locale/en/LC_MESSAGES" / f"{domain}.po"
    catalogue = polib.POFile()
    catalogue.header = HEADER.format(
        version=wagtail_localize.__version__ if hasattr(wagtail_localize, "__version__") else ""
    )
    catalogue.metadata = {
        "Project-Id-Version": "igren-cms wagtail-localize supplement",
        "Language": "ja",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    missing = []
    for entry in polib.pofile(str(source)):
        if entry.msgid in skip:
            continue
        if entry.msgid not in table:
            missing.append(entry.msgid)
            continue
        new = polib.POEntry(msgid=entry.msgid, msgctxt=entry.msgctxt, flags=entry.flags)
        if entry.msgid_plural:
            new.msgid_plural = entry.msgid_plural
            new.msgstr_plural = {0: PLURALS.get(entry.msgid, table[entry.msgid])}
        else:
            new.msgstr = table[entry.msgid]
        catalogue.append(new)
    catalogue.save(str(out))
    return missing


if __name__ == "__main__":
    folder = Path(__file__).resolve().parent.parent / "igren_cms/locale/ja/supplement"
    missing = write("django", DJANGO, folder / "wagtail-localize-django.po", wagtail_says())
    missing += write("djangojs", DJANGOJS, folder / "wagtail-localize-djangojs.po")
    if missing:
        print("No Japanese for:\n  " + "\n  ".join(missing))
        sys.exit(1)
