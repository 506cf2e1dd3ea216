"""Demo events dated relative to today (Asia/Tokyo), so 今月と来月のイベント is never empty.

Each entry: month offset (0 = this month, 1 = next), day of month, start and end local times
(or None for all-day), how many extra days it spans, and the page fields.
"""

import datetime
from dataclasses import dataclass, field

from pages.events.windows import TOKYO, add_months, today_in_tokyo

DEMO_NOTE = "<p>※ このイベントはデモ用の例です。</p>"


@dataclass(frozen=True)
class DemoEvent:
    slug: str
    title: str
    month_offset: int
    day: int
    start: datetime.time | None
    end: datetime.time | None
    summary: str
    extra_days: int = 0
    status: str = "scheduled"
    previous_month_offset: int | None = None
    mode: str = "offline"
    venue: str | None = "center"
    salon: str | None = None
    project: str | None = None
    categories: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=lambda: ["igren"])
    fee: str = "無料"
    capacity: int | None = None
    speakers: str = ""

    def local_date(self, today: datetime.date, month_offset: int | None = None) -> datetime.date:
        year, month = add_months(
            today.year, today.month, self.month_offset if month_offset is None else month_offset
        )
        return datetime.date(year, month, self.day)

    def times(self, today=None):
        """(start, end, previous_start) as aware datetimes in Asia/Tokyo."""
        today = today or today_in_tokyo()
        first = self.local_date(today)
        last = first + datetime.timedelta(days=self.extra_days)
        if self.start is None:
            start = datetime.datetime.combine(first, datetime.time.min, tzinfo=TOKYO)
            end = datetime.datetime.combine(last, datetime.time(23, 59, 59), tzinfo=TOKYO)
        else:
            start = datetime.datetime.combine(first, self.start, tzinfo=TOKYO)
            end = datetime.datetime.combine(last, self.end, tzinfo=TOKYO)
        previous = None
        if self.previous_month_offset is not None:
            previous_day = self.local_date(today, self.previous_month_offset)
            previous = datetime.datetime.combine(previous_day, self.start, tzinfo=TOKYO)
        return start, end, previous


T = datetime.time

EVENTS = [
    DemoEvent(
        "onoecho-evening",
        "尾上町サロン 夕べの交流会",
        0,
        10,
        T(18, 0),
        T(20, 0),
        "事務室を開放して、会員もはじめての方も気軽に話せる交流会を開きます。",
        salon="onoecho",
        categories=["networking"],
        fee="1,000円（軽食付き）",
        capacity=20,
    ),
    DemoEvent(
        "kenou-regular",
        "県央サロン 例会",
        0,
        20,
        T(15, 0),
        T(17, 0),
        "県央地域の経営者が近況と課題を持ち寄る定例の集まりです。",
        venue="kistec-ebina",
        salon="kenou",
        categories=["networking", "academia"],
        organisations=["igren", "kistec"],
        capacity=30,
    ),
    DemoEvent(
        "international-study",
        "国際ビジネス推進プロジェクト 勉強会",
        0,
        26,
        T(14, 0),
        T(16, 0),
        "海外取引の始め方を学ぶ勉強会でしたが、講師の都合により中止となりました。",
        status="cancelled",
        project="international-business",
        categories=["international"],
    ),
    DemoEvent(
        "yokohama-online",
        "横浜サロン オンライン交流会",
        1,
        8,
        T(19, 0),
        T(20, 30),
        "自宅や職場から参加できるオンラインの交流会です。",
        mode="online",
        venue=None,
        salon="yokohama",
        categories=["networking"],
    ),
    DemoEvent(
        "japan-korea-seminar",
        "日韓ビジネス協議会 商談セミナー",
        1,
        12,
        T(13, 30),
        T(16, 0),
        "韓国企業との商談の進め方を紹介するセミナーです。先月から日程を変更しました。",
        status="rescheduled",
        previous_month_offset=0,
        project="japan-korea-business",
        categories=["international", "business"],
        fee="2,000円",
        capacity=40,
        speakers="日韓ビジネス協議会 事務局、韓国側の商談担当者（京畿道の企業団体）",
    ),
    DemoEvent(
        "manufacturing-roundtable",
        "製造業活性化懇談会",
        1,
        15,
        T(14, 0),
        T(16, 30),
        "ものづくり企業の人材と設備の悩みを話し合います。会場とオンラインのどちらでも参加できます。",
        mode="mixed",
        project="manufacturing-council",
        categories=["business"],
    ),
    DemoEvent(
        "new-tech-forum",
        "新事業・新技術支援フォーラム",
        1,
        21,
        None,
        None,
        "2日間にわたり、会員企業が新しい製品と技術を発表します。",
        extra_days=1,
        venue="kistec-ebina",
        project="new-business-forum",
        categories=["business", "academia"],
        organisations=["igren", "kistec"],
    ),
]

ONLINE_URL = "https://meet.example.jp/igren/{slug}"
