"""The association's facts for the demo site: names, dates and numbers from the source material,
every sentence written for this project."""

import datetime

D = datetime.date

HOME = {
    "title": "神奈川県異業種連携協議会",
    "association_name": "神奈川県異業種連携協議会",
    "short_name": "イグレン",
    "tagline": "業種を越えた中小企業のつながりで、神奈川から新しい時代をつくる",
    "introduction": (
        "<p>神奈川県異業種連携協議会（イグレン）は、県内の中小企業と異業種グループが"
        "業種や地域の垣根を越えて出会い、連携して新しい事業を生み出すための集まりです。"
        "1984年に23のグループで始まり、いまは「かながわ異業種交流センター」を拠点に、"
        "地域のサロンと分野別のプロジェクトを運営しています。</p>"
        "<p>全国に30ほどある異業種交流の連合体のうち、現存するものでは最も長い歴史を持つ組織です。</p>"
    ),
    "contact_postal_code": "231-0015",
    "contact_address": "横浜市中区尾上町5-80 神奈川中小企業センタービル かながわ異業種交流センター",
}

SECTIONS = {
    "events": ("今月と来月のイベント", "<p>サロンの例会やプロジェクトの催しをお知らせします。</p>"),
    "salons": (
        "地域サロン",
        "<p>県内各地のサロンでは、創業したばかりの方から経験豊かな経営者まで、"
        "商業・サービス業・製造業の多様な人たちが顔を合わせています。</p>",
    ),
    "projects": (
        "プロジェクト",
        "<p>時代の課題に合わせて立ち上げた、分野別の事業化推進プロジェクトです。</p>",
    ),
    "history": ("イグレンのあゆみ", "<p>1984年の発足から現在までの主な出来事です。</p>"),
}

VENUES = {
    "center": {
        "name": "かながわ異業種交流センター",
        "postal_code": "231-0015",
        "address": "神奈川県横浜市中区尾上町5-80 神奈川中小企業センタービル",
        "access_notes": "イグレンの事務室がある建物です。",
    },
    "kistec-ebina": {
        "name": "神奈川県産業技術センター",
        "postal_code": "243-0435",
        "address": "神奈川県海老名市下今泉705-1",
        "access_notes": "県央サロンの会場です。",
    },
}

ORGANISATIONS = {
    "igren": ("神奈川県異業種連携協議会", "member_group", ""),
    "kistec": ("神奈川県産業技術センター", "public_body", ""),
    "kanagawa": ("神奈川県", "municipality", "https://www.pref.kanagawa.jp/"),
    "yokohama": ("横浜市", "municipality", "https://www.city.yokohama.lg.jp/"),
    "kawasaki": ("川崎市", "municipality", "https://www.city.kawasaki.jp/"),
    "jica": ("国際協力機構（JICA）", "public_body", "https://www.jica.go.jp/"),
}

CATEGORIES = {
    "international": "国際交流",
    "regional": "地域活性化",
    "academia": "産学連携",
    "business": "事業化支援",
    "policy": "条例・政策",
    "networking": "交流会",
}

# Readings the dictionary gets wrong for these place names (the rest are suggested on save).
READINGS = {"onoecho": "おのえちょうさろん"}

# (slug, title, area name, city, opened on, precision, venue key, host organisation keys, summary)
SALONS = [
    (
        "kawasaki",
        "川崎サロン",
        "川崎",
        "川崎市",
        D(2003, 1, 1),
        "year",
        None,
        ["igren"],
        "2003年の構想で最初に開いた4つの新産学交流サロンの一つで、川崎の経営者が集います。",
    ),
    (
        "yokohama",
        "横浜サロン",
        "横浜",
        "横浜市",
        D(2003, 1, 1),
        "year",
        None,
        ["igren"],
        "2003年に始まった新産学交流サロンの一つで、横浜の企業や大学の人たちが集います。",
    ),
    (
        "miura",
        "三浦半島サロン",
        "三浦半島",
        "横須賀市",
        D(2003, 1, 1),
        "year",
        None,
        ["igren"],
        "横須賀を拠点に三浦半島の事業者をつなぐ、2003年開設の新産学交流サロンです。",
    ),
    (
        "seisho",
        "西湘サロン",
        "西湘",
        "小田原市",
        D(2003, 1, 1),
        "year",
        None,
        ["igren"],
        "小田原を拠点とする県西部のサロンで、2003年に開かれました。",
    ),
    (
        "totsuka",
        "戸塚サロン",
        "戸塚",
        "横浜市戸塚区（東戸塚）",
        D(2007, 1, 1),
        "year",
        None,
        ["igren"],
        "2007年に東戸塚で開いた、戸塚地域のサロンです。",
    ),
    (
        "kenou",
        "県央サロン",
        "県央",
        "海老名市",
        D(2010, 1, 1),
        "year",
        "kistec-ebina",
        ["igren", "kistec"],
        "2010年、海老名の神奈川県産業技術センターの中に開いた県央地域のサロンです。",
    ),
    (
        "onoecho",
        "尾上町サロン",
        "尾上町",
        "横浜市中区",
        None,
        "year",
        "center",
        ["igren"],
        "イグレンの事務室を会場にした、気軽に立ち寄れるサロンです。",
    ),
]

# (slug, title, category keys, partner organisation keys, summary)
PROJECTS = [
    (
        "elderly-isolation",
        "高齢者孤立防止支援協議会",
        ["regional"],
        [],
        "ひとり暮らしの高齢者が地域で孤立しないよう、企業の技術と見守りの仕組みを結びつけます。",
    ),
    (
        "kanazawa-research",
        "横浜市金沢区産学公交流・調査研究会",
        ["academia", "regional"],
        ["yokohama"],
        "金沢区の企業・大学・行政が集まり、地域の産業について調べ、議論します。",
    ),
    (
        "international-business",
        "国際ビジネス推進プロジェクト",
        ["international", "business"],
        [],
        "海外の市場や取引先を目指す会員企業を後押しします。",
    ),
    (
        "international-exchange",
        "国際交流推進委員会",
        ["international"],
        [],
        "海外の経済団体や企業との交流の窓口を担います。",
    ),
    (
        "new-business-forum",
        "新事業・新技術支援フォーラム",
        ["business", "academia"],
        ["kistec"],
        "新しい事業や技術の芽を発表し合い、実用化への道筋を一緒に考える場です。",
    ),
    (
        "kamaishi",
        "岩手県釜石地域支援プロジェクト",
        ["regional"],
        [],
        "釜石地域の事業者とのつながりを保ち、復興と商いの再建を支えます。",
    ),
    (
        "manufacturing-council",
        "製造業活性化懇談会",
        ["business"],
        [],
        "県内のものづくり企業が課題を持ち寄り、打開策を話し合います。",
    ),
    (
        "manten-aerospace",
        "航空・宇宙産業参入支援まんてんプロジェクト",
        ["business"],
        [],
        "航空・宇宙分野への参入を目指す中小製造業を支援します。",
    ),
    (
        "noge",
        "横浜野毛地域の活性化支援",
        ["regional"],
        ["yokohama"],
        "野毛のまちのにぎわいづくりを、事業者のネットワークで応援します。",
    ),
    (
        "fujidana-nishimae",
        "横浜西区藤棚・西前商店街活性化支援プロジェクト",
        ["regional"],
        ["yokohama"],
        "藤棚と西前の商店街の活性化に、異業種の知恵を持ち寄ります。",
    ),
    (
        "totsuka-ward-office-site",
        "横浜市戸塚区役所跡地活用プロジェクト",
        ["regional"],
        ["yokohama"],
        "戸塚区役所の跡地をどう生かすかについて、地域の事業者として提案します。",
    ),
    (
        "regional-salons",
        "地域産学交流サロン",
        ["academia", "networking"],
        [],
        "県内各地のサロンを運営し、地域からの交流を広げます。",
    ),
    (
        "public-subsidies",
        "公的補助金獲得支援",
        ["business"],
        [],
        "国や自治体の補助金の情報を共有し、申請の準備を手伝います。",
    ),
    (
        "self-reliant-society",
        "自立社会構築",
        ["regional"],
        [],
        "誰もが自立して暮らし、働ける社会の仕組みを企業の立場から考えます。",
    ),
    (
        "japan-korea-business",
        "日韓ビジネス協議会",
        ["international", "business"],
        [],
        "日本と韓国の企業どうしの商談と交流を進めます。",
    ),
    (
        "jica-training",
        "JICA研修事業支援",
        ["international"],
        ["jica"],
        "海外からの研修員に、神奈川の中小企業の現場を紹介します。",
    ),
    (
        "gyeonggi-exchange",
        "韓国京畿道交流",
        ["international"],
        [],
        "韓国・京畿道の企業や団体との交流を続けています。",
    ),
    (
        "sme-ordinance",
        "中小企業活性化推進条例の活用支援",
        ["policy"],
        ["kanagawa", "kawasaki"],
        "県や市の中小企業振興条例が現場で生かされるよう、要望と提案を続けます。",
    ),
]

# (date, precision, title, body)
HISTORY = [
    (
        D(1984, 4, 20),
        "day",
        "神奈川県異業種グループ連絡会議（異グ連）が発足",
        "県内を中心に一部都内も含む23の異業種グループが、当時の神奈川県工業試験所"
        "（横浜市金沢区、現在の神奈川県産業技術センター）で連絡会議を立ち上げました。",
    ),
    (
        D(1995, 4, 1),
        "day",
        "かながわ異業種交流センターへ移転",
        "事務局を工業試験所から、横浜市中区の神奈川中小企業センタービルに開かれた"
        "「かながわ異業種交流センター」へ移しました。",
    ),
    (
        D(2003, 1, 1),
        "year",
        "交流センター構想と4つの新産学交流サロン",
        "中小企業者の一大交流拠点（「かながわの梁山泊」）をつくる構想を打ち出し、"
        "川崎・横浜・三浦半島（横須賀）・西湘（小田原）に新産学交流サロンを開きました。",
    ),
    (D(2007, 1, 1), "year", "戸塚サロンを開設", "戸塚地域の拠点として東戸塚にサロンを開きました。"),
    (
        D(2009, 1, 1),
        "year",
        "神奈川県が中小企業活性化推進条例を施行",
        "国の中小企業憲章（2010年）に先立って、県の条例ができました。",
    ),
    (
        D(2010, 1, 1),
        "year",
        "県央サロンを開設",
        "海老名の神奈川県産業技術センター内に、県央地域のサロンを開きました。",
    ),
    (D(2010, 1, 1), "year", "横浜市が中小企業振興基本条例を施行", ""),
    (D(2010, 6, 1), "month", "中小企業憲章が閣議決定", ""),
    (D(2012, 1, 1), "year", "横須賀市が中小企業振興基本条例を施行", ""),
    (
        D(2013, 6, 1),
        "month",
        "神奈川県異業種連携協議会に名称を変更",
        "既存グループの支援に加えて、多様なニーズから生まれる「連携体」づくりを"
        "総合的に支える組織であることを名称で示しました。",
    ),
    (D(2014, 1, 1), "year", "創立30周年", "1984年の発足から30年を迎えました。"),
    (D(2014, 1, 1), "year", "相模原市が「がんばる中小企業を応援する条例」を施行", ""),
    (
        D(2015, 10, 1),
        "month",
        "県条例を中小企業・小規模企業活性化推進条例に改正",
        "2014年6月の小規模企業振興基本法の制定を受けて、県の条例が改められました。",
    ),
    (
        D(2016, 4, 1),
        "month",
        "川崎市中小企業活性化のための成長戦略に関する条例が施行",
        "イグレンは「条例づくり懇談会」を設けて市内の企業と検討を重ね、"
        "制定の前後に要望書を提出しました。",
    ),
]


# Meeting rules (例会) for the current 年度, one per salon: examples, not the salons' real days.
# (salon slug, frequency, which week, weekday 0=Mon, start, end, holiday policy)
MEETING_RULES = [
    ("kawasaki", "monthly", 2, 2, "18:30", "20:30", "skip"),
    ("yokohama", "monthly", 3, 3, "18:30", "20:30", "skip"),
    ("miura", "monthly", 4, 1, "18:00", "20:00", "day_after"),
    ("seisho", "odd_months", 1, 4, "18:30", "20:30", "skip"),
    ("totsuka", "monthly", 2, 0, "18:30", "20:30", "day_after"),  # 成人の日 falls on it
    ("kenou", "monthly", 3, 0, "15:00", "17:00", "skip"),
    ("onoecho", "monthly", -1, 4, "18:30", "20:30", "hold"),
]
MEETING_RULE_NOTE = "デモ用の例として作った例会です。実際の開催日はサロンの案内をご覧ください。"


# -- English versions (content in two languages, the international work first) --------------
# Venues, organisations and categories the English pages name: (kind, key) -> English fields.
ENGLISH_SNIPPETS = {
    ("venue", "center"): {
        "name": "Kanagawa Inter-Industry Exchange Center",
        "address": "Kanagawa SME Center Building, 5-80 Onoe-cho, Naka-ku, Yokohama, Kanagawa",
        "access_notes": "The council's office is in this building.",
    },
    ("organisation", "igren"): {"name": "Kanagawa Inter-Industry Cooperation Council"},
    ("organisation", "jica"): {"name": "Japan International Cooperation Agency (JICA)"},
    ("category", "international"): {"name": "International exchange"},
    ("category", "business"): {"name": "Business development"},
}

# Each entry: the Japanese page's slug path under the home page -> its English fields. Pages
# without an entry stay Japanese only (the API's fallback lists them in Japanese).
ENGLISH = {
    "": {
        "title": "Kanagawa Inter-Industry Cooperation Council",
        "association_name": "Kanagawa Inter-Industry Cooperation Council",
        "short_name": "Igren",
        "tagline": "Small businesses of every trade, working together across Kanagawa",
        "introduction": (
            "<p>The Kanagawa Inter-Industry Cooperation Council (Igren) brings together small "
            "and medium-sized companies and cross-industry groups across the prefecture, so "
            "that firms from different trades and towns can meet and start new business "
            "together. It began in 1984 with 23 groups and today runs regional salons and "
            "thematic projects from the Kanagawa Inter-Industry Exchange Center.</p>"
        ),
    },
    "events": {
        "title": "Events this month and next",
        "introduction": "<p>Salon meetings and project events of the council.</p>",
    },
    "projects": {
        "title": "Projects",
        "introduction": "<p>Projects the council set up to turn today's challenges into "
        "business.</p>",
    },
    "projects/international-business": {
        "title": "International Business Promotion Project",
        "summary": "Support for member companies aiming at markets and partners abroad.",
    },
    "projects/international-exchange": {
        "title": "International Exchange Committee",
        "summary": "The council's point of contact with business bodies and companies abroad.",
    },
    "projects/japan-korea-business": {
        "title": "Japan–Korea Business Council",
        "summary": "Business meetings and exchange between Japanese and Korean companies.",
    },
    "projects/jica-training": {
        "title": "JICA Training Programme Support",
        "summary": "Trainees from abroad visit the workshops of small firms in Kanagawa.",
    },
    "projects/gyeonggi-exchange": {
        "title": "Exchange with Gyeonggi Province, Korea",
        "summary": "Ongoing exchange with companies and organisations of Gyeonggi Province.",
    },
    "events/japan-korea-seminar": {
        "title": "Japan–Korea Business Council: Business Meeting Seminar",
        "summary": "How to prepare and hold business meetings with Korean companies. The date "
        "has moved from last month.",
        "fee": "2,000 yen",
        "speakers": "The council's Japan–Korea office, and a business-meeting lead from a "
        "Gyeonggi business association",
    },
    "events/international-study": {
        "title": "International Business Project: Study Session",
        "summary": "A session on starting to trade abroad; cancelled, as the speaker could not "
        "attend.",
    },
}
