"""Japanese translations of the UI labels, applied to the .po files by `make messages`.

Run: python scripts/ja_translations.py  (fills msgstr in every app's locale/ja/LC_MESSAGES/django.po)
"""

import re
import sys
from pathlib import Path

JA = {
    "Igren pages": "イグレンのページ",
    "Igren home page": "イグレンのトップページ",
    "When": "時期",
    "Events this month and next": "今月と来月のイベント",
    "Event": "イベント",
    "Published": "公開",
    "Live, with a draft": "公開中（下書きあり）",
    "Live": "公開中",
    "Draft": "下書き",
    "No events this month or next yet.": "今月と来月のイベントはまだありません。",
    "Announce the new date as rescheduled": "日程変更として知らせる",
    "When you change the start of a published event: tick to show it as rescheduled, with the original date.": "公開中のイベントの開始日時を変えたとき、チェックすると「日程変更」と当初の日時を表示します。当初の開始日時は自動で記録されます。",
    "Upcoming": "今後",
    "Past": "過去",
    "All": "すべて",
    "Event status": "開催状況",
    "Starts (Tokyo)": "開始（日本時間）",
    "Events desk": "イベント一覧",
    "Enter a date from %(first)s (the adoption of the Gregorian calendar, Meiji 6) to %(last)s.": "%(first)s（明治6年、太陽暦の採用）から%(last)sまでの日付を入力してください。",
    "Enter a date from %(first)s to %(last)s.": "%(first)sから%(last)sまでの日時を入力してください。",
    "Igren home pages": "イグレンのトップページ",
    "calendar sequence": "カレンダー更新番号",
    "Raised automatically when the time, place or status changes.": "日時、会場、状態が変わると自動で増えます。",
    "year only": "年のみ",
    "year and month": "年月まで",
    "exact day": "年月日",
    "scheduled": "予定どおり",
    "cancelled": "中止",
    "postponed": "延期",
    "rescheduled": "日程変更",
    "in person": "会場",
    "online": "オンライン",
    "in person and online": "会場とオンライン",
    "start": "開始日時",
    "end": "終了日時",
    "all day": "終日",
    "Tick for events without set hours; only the dates of start and end are used.": "時刻の決まっていない催しはチェックしてください。開始・終了の日付だけを使います。",
    "status": "状態",
    "previous start": "当初の開始日時",
    "For a rescheduled event: when it was originally going to start.": "日程を変更した場合に、もともと予定していた開始日時を入力します。",
    "attendance mode": "参加方法",
    "venue": "会場",
    "online URL": "オンライン参加URL",
    "salon": "サロン",
    "project": "プロジェクト",
    "organisations": "団体",
    "categories": "カテゴリ",
    "summary": "概要",
    "body": "本文",
    "fee": "参加費",
    "As it should read, e.g. 無料 or 1,000円.": "表示したいとおりに入力します（例: 無料、1,000円）。",
    "capacity": "定員",
    "registration URL": "申込URL",
    "registration deadline": "申込締切",
    "image": "画像",
    "image for sharing": "共有用の画像",
    "speakers": "講師・登壇者",
    "Who speaks or presents, as the announcement names them: 山田太郎（株式会社〇〇）. "
    "Separate several with 、": "講演・発表する人を、告知に書くとおりに入力します（例: 山田太郎（株式会社〇〇））。"
    "複数のときは「、」で区切ります",
    "Shown when a page of the site is shared (SNS, chat apps) and has no image of its own: "
    "1200×630 pixels suits most of them.": "サイトのページが SNS やチャットで共有されたとき、"
    "そのページに画像がなければこの画像を表示します。1200×630 ピクセルがほとんどのサービスに合います。",
    "Date and status": "日時と状態",
    "Place": "場所",
    "Organisers and categories": "主催とカテゴリ",
    "Registration": "申し込み",
    "event": "イベント",
    "events": "イベント",
    "The end must not be before the start.": "終了日時は開始日時より後にしてください。",
    "The registration deadline must not be after the event starts.": "申込締切はイベントの開始日時より前にしてください。",
    "Enter the online URL: this event takes place online.": "オンラインで開催するイベントです。参加URLを入力してください。",
    "Choose a venue: this event takes place in person.": "会場で開催するイベントです。会場を選んでください。",
    "Enter the original start time of a rescheduled event.": "日程変更したイベントには、当初の開始日時を入力してください。",
    "introduction": "紹介文",
    "timeline entries": "年表の項目",
    "Timeline": "年表",
    "history page": "沿革ページ",
    "history pages": "沿革ページ",
    "date": "日付",
    "For a year or month only, any day in it will do.": "年または年月しか分からない場合は、その中の任意の日付で構いません。",
    "precision": "日付の精度",
    "title": "見出し",
    "timeline entry": "年表の項目",
    "association name": "団体名",
    "short name": "略称",
    "tagline": "キャッチフレーズ",
    "postal code": "郵便番号",
    "address": "住所",
    "telephone": "電話番号",
    "email": "メールアドレス",
    "Contact details": "連絡先",
    "event index page": "イベント一覧ページ",
    "event index pages": "イベント一覧ページ",
    "salon index page": "サロン一覧ページ",
    "salon index pages": "サロン一覧ページ",
    "project index page": "プロジェクト一覧ページ",
    "project index pages": "プロジェクト一覧ページ",
    "active": "活動中",
    "completed": "終了",
    "started on": "開始日",
    "partner organisations": "連携団体",
    "projects": "プロジェクト",
    "area name": "地域名",
    "For example 三浦半島 or 西湘.": "例: 三浦半島、西湘",
    "city": "市区町村",
    "For example 横須賀市.": "例: 横須賀市",
    "opened on": "開設日",
    "precision of the opening date": "開設日の精度",
    "Choose 'year only' when only the year of opening is known.": "開設した年しか分からない場合は「年のみ」を選びます。",
    "meeting schedule": "開催日",
    "In words, e.g. 毎月第3木曜日 18:30〜.": "文章で入力します（例: 毎月第3木曜日 18:30〜）。",
    "host organisations": "運営団体",
    "Opening": "開設",
    "salons": "サロン",
    "Venues, organisations and categories": "会場・団体・カテゴリ",
    "name": "名称",
    "slug": "スラッグ",
    "Latin letters, digits and hyphens; used in feed and API filters.": "半角英数字とハイフン。フィードやAPIの絞り込みに使います。",
    "category": "カテゴリ",
    "member group": "会員グループ",
    "university": "大学",
    "municipality": "自治体",
    "company": "企業",
    "public body": "公的機関",
    "kind": "種別",
    "website": "ウェブサイト",
    "organisation": "団体",
    "For example 231-0015.": "例: 231-0015",
    "latitude": "緯度",
    "longitude": "経度",
    "access notes": "アクセス",
    "How to get there, e.g. the nearest station and the walk from it.": "最寄り駅と徒歩での所要時間など、会場までの行き方。",
    "Address": "住所",
    "Map position": "地図上の位置",
    "venues": "会場",
    "Japanese": "日本語",
    "English": "英語",
    "history entry": "年表の項目",
    "Webhook deliveries": "ウェブフックの配信記録",
    "webhook delivery": "ウェブフックの配信",
    "webhook deliveries": "ウェブフックの配信記録",
    "The last 200 webhook events. A failed delivery is tried again by the worker, up to 5 attempts, waiting longer each time.": "直近200件のウェブフックの配信です。失敗した配信は、ワーカーが間隔を広げながら最大5回まで送り直します。",
    "No webhook has been called yet.": "ウェブフックはまだ呼び出されていません。",
    "created at": "作成日時",
    "URL": "URL",
    "status code": "ステータスコード",
    "attempts": "試行回数",
    "delivered at": "配信日時",
    "next attempt at": "次の試行日時",
    "last error": "最後のエラー",
    "payload": "送信内容",
    "Igren CMS": "イグレンCMS",
    "SHA-256": "SHA-256",
    "document": "ドキュメント",
    "operation name": "操作名",
    "added at": "登録日時",
    "trusted document": "信頼済みドキュメント",
    "trusted documents": "信頼済みドキュメント",
    "page": "ページ",
    "text": "本文テキスト",
    "search entry": "検索用の項目",
    "search entries": "検索用の項目",
    "Enter the postal code as 123-4567 (three digits, a hyphen, four digits).": "郵便番号は 123-4567 の形（3桁・ハイフン・4桁）で入力してください。",
    "worker": "ワーカー",
    "worker heartbeat": "ワーカーの稼働記録",
    "worker heartbeats": "ワーカーの稼働記録",
    "Group": "区分",
    "Name": "名称",
    "Date": "日時",
    "Note": "備考",
    "fiscal year": "年度",
    "Fiscal year": "年度",
    "Starts between": "開始日の範囲",
    "Holiday": "祝日",
    "Meeting rules": "例会ルール",
    "meeting rule": "例会ルール",
    "meeting rules": "例会ルール",
    "Held by": "開催するサロン・プロジェクト",
    "Rule": "ルール",
    "Meetings on the site": "公開中の例会",
    "day named by the meeting rule": "例会ルール上の開催日",
    "In the Western calendar or in 和暦: 1984-04-20, 昭和59年4月20日, 平成15年 (a year or month alone sets the precision).": "西暦でも和暦でも入力できます（1984-04-20、昭和59年4月20日、平成15年）。年だけ・年月だけを入力すると、精度も自動で設定されます。",
    "months": "開催月",
    "every month": "毎月",
    "every other month (odd months)": "隔月（奇数月）",
    "every other month (even months)": "隔月（偶数月）",
    "chosen months": "指定した月",
    "every week": "毎週",
    "no meeting on a holiday": "祝日は休会",
    "meet the day before": "前日に開催",
    "meet the day after": "翌日に開催",
    "meet on holidays too": "祝日も開催",
    "frequency": "開催の頻度",
    "which week": "第何週",
    "Not used for weekly meetings.": "毎週開催の場合は使いません。",
    "weekday": "曜日",
    "For 'chosen months' only.": "「指定した月」のときだけ選びます。",
    "start time": "開始時刻",
    "end time": "終了時刻",
    "first day": "開始日",
    "last day": "終了日",
    "Leave empty for the whole fiscal year (from 1 April).": "空欄なら年度の初め（4月1日）からです。",
    "Leave empty for the whole fiscal year (to 31 March).": "空欄なら年度の終わり（3月31日）までです。",
    "on a national holiday": "祝日の場合",
    "no meetings over the year-end break": "年末年始は休会",
    "年末年始 (12/29–1/3 unless the site sets other days).": "年末年始（サイトで別の期間を設定していなければ12月29日〜1月3日）。",
    "title of each meeting": "各回のタイトル",
    "Leave empty for 「(salon) 例会」.": "空欄なら「（サロン名） 例会」になります。",
    "Leave empty for the salon's usual venue.": "空欄ならサロンのいつもの会場になります。",
    "Period": "期間",
    "Each meeting": "各回の内容",
    "Choose either a salon or a project (one of them).": "サロンかプロジェクトのどちらか一方を選んでください。",
    "Tick the months the meetings are held in.": "例会を開く月にチェックを入れてください。",
    "The end time must be after the start time.": "終了時刻は開始時刻より後にしてください。",
    "Choose a fiscal year from the list.": "一覧から年度を選んでください。",
    "The last day must not be before the first day.": "終了日は開始日より前にできません。",
    "The period must lie inside the fiscal year.": "期間は選んだ年度の中に収めてください。",
    "Enter the online URL: these meetings take place online.": "オンラインで開催する例会です。参加URLを入力してください。",
    "Choose a venue: the salon has no usual venue.": "サロンにいつもの会場が登録されていません。会場を選んでください。",
    "Activity report": "活動報告",
    "Show": "表示",
    "Print": "印刷",
    "No events were held in this fiscal year.": "この年度に開催したイベントはありません。",
    "Meetings this rule gives": "このルールで開く例会",
    "Meets on": "開催日",
    "Fill in the rule to see its meetings.": "ルールを入力すると、開催日がここに表示されます。",
    "%(count)s meetings": "全%(count)s回",
    "Write the reading in hiragana (ー and spaces allowed), e.g. よこはまさろん.": "よみはひらがなで入力してください（ー と空白も使えます）。例：よこはまさろん",
    "reading": "よみ",
    "In hiragana, for 五十音 order and search; left empty, it is filled in from the name.": "五十音順の並べ替えと検索に使います。ひらがなで入力します。空欄なら名前から自動で入ります。",
    "New date": "新しい日付",
    "Choose a date from 1980 to ten years ahead.": "1980年から10年先までの日付を選んでください。",
    "Copied to %(day)s as a draft.": "%(day)sに複製しました（下書き）。",
    "Duplicate with a new date": "日付を変えて複製",
    "Copy": "複製する",
    "Reading": "よみ",
    "Row": "行",
    "Salons (五十音)": "サロン（五十音順）",
    "Projects (五十音)": "プロジェクト（五十音順）",
}

ENTRY = re.compile(
    r'^msgid "(?P<id>(?:[^"\\]|\\.)*)"\n(?P<cont>(?:".*"\n)*)msgstr ".*"\n(?:".*"\n)*', re.M
)


def fill(po: Path) -> list[str]:
    missing = []

    def replace(match):
        msgid = match.group("id") + "".join(line[1:-1] for line in match.group("cont").splitlines())
        if not msgid:
            return match.group(0)
        if msgid not in JA:
            given = match.group(0).split("msgstr ", 1)[1]
            if not "".join(line.strip()[1:-1] for line in given.splitlines()):
                missing.append(msgid)  # no translation here and none in JA
            return match.group(0)  # e.g. the Wagtail supplement merged by `make messages`
        head = match.group(0).split("msgstr ")[0]
        value = JA[msgid].replace('"', '\\"')
        return f'{head}msgstr "{value}"\n'

    text = po.read_text(encoding="utf-8")
    # makemessages marks a new msgid that resembles an old one as fuzzy, and compilemessages
    # skips fuzzy entries: every msgstr here is written from JA, so drop the marks.
    text = re.sub(r"#, fuzzy\n(#\| msg.*\n)*(?=(msgctxt .*\n)?msgid \"[^\"])", "", text)
    text = re.sub(r"#, fuzzy, python-format\n(#\| msgid .*\n)*", "#, python-format\n", text)
    text = ENTRY.sub(replace, text)
    text = text.replace(
        '"Content-Type: text/plain; charset=CHARSET\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
    )
    text = text.replace(
        '"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n"',
        '"Plural-Forms: nplurals=1; plural=0;\\n"',
    )
    po.write_text(text, encoding="utf-8")
    return missing


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    problems = []
    for po in sorted(root.glob("*/locale/ja/LC_MESSAGES/django.po")):
        problems += [f"{po}: {m}" for m in fill(po)]
    if problems:
        print("No Japanese translation for:\n  " + "\n  ".join(problems))
        sys.exit(1)
