"""五十音 (JIS X 4061) order by reading: the pairs of the standard, in the key, the admin's
listings and the API; search by reading."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from pages.models import SalonPage
from snippets import kana
from snippets.models import Category

PAIRS = [
    ("かき", "かく"),
    ("かく", "がく"),
    ("はば", "ばは"),
    ("はは", "ばば"),
    ("ばば", "ぱぱ"),
    ("しょう", "しよう"),  # small kana before large
    ("きって", "きつて"),
    ("かあ", "かー"),  # ー reads as the vowel before it, and comes after it
    ("かー", "かい"),
    ("きゃー", "きやあ"),
    ("か", "かあ"),  # a prefix first
    ("わ", "を"),
    ("を", "ん"),
]


# The pairs in one order: voiced and semi-voiced marks, small kana and ー second.
JIS_ORDER = [
    "かあ", "かー", "かき", "かく", "がく", "きって", "きつて", "しょう", "しよう",
    "はは", "はば", "ばは", "ばば", "ぱぱ",
]  # fmt: skip


@pytest.mark.parametrize(("first", "second"), PAIRS)
def test_the_pairs_of_jis_x_4061(first, second):
    assert kana.sort_key(first) < kana.sort_key(second)


def test_the_row_of_a_reading():
    rows = {
        w: kana.gojuon_row(w) for w in ("あさ", "がっこう", "ぱん", "ゆめ", "わかば", "んー", "ろ")
    }
    assert rows == {
        "あさ": "あ",
        "がっこう": "か",
        "ぱん": "は",
        "ゆめ": "や",
        "わかば": "わ",
        "んー": "わ",
        "ろ": "ら",
    }
    assert kana.gojuon_row("") is None


def test_readings_are_checked_and_suggested():
    kana.validate_reading("よこはま さろん")
    kana.validate_reading("こーひー")
    for bad in ("ヨコハマ", "横浜", "yokohama", "よこはま!"):
        with pytest.raises(ValidationError):
            kana.validate_reading(bad)
    assert kana.suggest("横浜サロン") == "よこはまさろん"
    assert kana.suggest("横浜サロン　集合写真") == "よこはまさろん しゅうごうしゃしん"


@pytest.mark.django_db
def test_the_api_orders_salons_by_reading(gql):
    data = gql("{ salons(orderBy: READING) { title reading gojuonRow } }")["data"]["salons"]
    readings = [s["reading"] for s in data]
    assert readings == sorted(readings, key=kana.sort_key)
    by_title = {s["title"]: s for s in data}
    assert by_title["横浜サロン"]["reading"] == "よこはまさろん"
    assert by_title["横浜サロン"]["gojuonRow"] == "や"
    assert by_title["尾上町サロン"]["reading"] == "おのえちょうさろん"
    assert [s["title"] for s in data][:2] == ["尾上町サロン", "川崎サロン"]
    default = [s["title"] for s in gql("{ salons { title } }")["data"]["salons"]]
    assert default != [s["title"] for s in data]  # the default stays the order of opening


@pytest.mark.django_db
def test_the_api_orders_projects_by_reading_with_the_jis_pairs(gql, home):
    from pages.models import ProjectIndexPage, ProjectPage

    index = ProjectIndexPage.objects.get()
    for n, reading in enumerate(reversed(JIS_ORDER)):
        page = ProjectPage(title=f"JIS {n}", slug=f"jis-{n}", reading=reading)
        index.add_child(instance=page)
        page.save_revision().publish()
    query = (
        '{ projects(orderBy: READING, searchQuery: "JIS", perPage: 50) '
        "{ items { reading gojuonRow } } }"
    )
    items = gql(query)["data"]["projects"]["items"]
    assert [p["reading"] for p in items] == JIS_ORDER
    assert items[0]["gojuonRow"] == "か" and items[-1]["gojuonRow"] == "は"


@pytest.mark.django_db
def test_search_finds_by_reading(gql, client):
    hits = gql('{ search(query: "よこはま") { items { title } } }')
    titles = [hit["title"] for hit in hits["data"]["search"]["items"]]
    assert "横浜サロン" in titles
    client.force_login(get_user_model().objects.create_superuser("gojuon-admin"))
    admin = client.get("/admin/pages/search/", {"q": "よこはま"}).content.decode()
    assert "横浜サロン" in admin


@pytest.mark.django_db
def test_the_admin_lists_categories_in_reading_order(client):
    for n, reading in enumerate(reversed(JIS_ORDER)):
        Category.objects.create(name=f"《{reading}》", slug=f"jis-{n}", reading=reading)
    client.force_login(get_user_model().objects.create_superuser("gojuon-admin"))
    html = client.get("/admin/snippets/igren_snippets/category/").content.decode()
    positions = [html.index(f"《{reading}》") for reading in JIS_ORDER]
    assert positions == sorted(positions)
    suggested = Category.objects.create(name="産学連携の会", slug="sangaku")
    assert suggested.reading == "さんがくれんけいのかい"
    assert suggested.reading_key == kana.sort_key("さんがくれんけいのかい")
    assert SalonPage.objects.get(slug="kawasaki").reading == "かわさきさろん"


@pytest.mark.django_db
def test_the_admin_lists_salons_in_reading_order(client):
    client.force_login(get_user_model().objects.create_superuser("gojuon-pages"))
    html = client.get("/admin/igren_salons_by_reading/").content.decode()
    salons = list(SalonPage.objects.all())
    expected = [s.title for s in sorted(salons, key=lambda s: kana.sort_key(s.reading))]
    positions = [html.index(title) for title in expected]
    assert positions == sorted(positions)
    assert expected[0] == "尾上町サロン" and expected[-1] == "横浜サロン"
    assert "おのえちょうさろん" in html
