import datetime

import pytest

from pages.wareki import UnreadableDate, parse, to_wareki

D = datetime.date


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(1984, 4, 20), "昭和59年4月20日"),
        (D(1989, 1, 7), "昭和64年1月7日"),
        (D(1989, 1, 8), "平成元年1月8日"),
        (D(1995, 4, 1), "平成7年4月1日"),
        (D(2019, 4, 30), "平成31年4月30日"),
        (D(2019, 5, 1), "令和元年5月1日"),
        (D(2026, 11, 24), "令和8年11月24日"),
        (D(1926, 12, 24), "大正15年12月24日"),
        (D(1926, 12, 25), "昭和元年12月25日"),
    ],
)
def test_day_precision_across_era_boundaries(day, expected):
    assert to_wareki(day) == expected


@pytest.mark.parametrize(
    ("day", "precision", "expected"),
    [
        (D(1984, 1, 1), "year", "昭和59年"),
        (D(2003, 1, 1), "year", "平成15年"),
        (D(1989, 1, 1), "year", "平成元年"),
        (D(2019, 1, 1), "year", "令和元年"),
        (D(2013, 6, 1), "month", "平成25年6月"),
        (D(2019, 4, 1), "month", "平成31年4月"),
        (D(2019, 5, 1), "month", "令和元年5月"),
        (D(1989, 1, 1), "month", "平成元年1月"),
    ],
)
def test_partial_dates_name_the_era_in_force_at_their_end(day, precision, expected):
    assert to_wareki(day, precision) == expected


def test_dates_before_the_gregorian_calendar_are_refused():
    with pytest.raises(ValueError, match="1873"):
        to_wareki(D(1872, 12, 31))


# -- dates typed in 和暦 (history entries) -------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "day", "precision"),
    [
        ("昭和59年4月20日", D(1984, 4, 20), "day"),
        ("平成15年", D(2003, 1, 1), "year"),
        ("平成25年6月", D(2013, 6, 1), "month"),
        ("平成31年4月30日", D(2019, 4, 30), "day"),
        ("令和元年5月1日", D(2019, 5, 1), "day"),
        ("令和元年", D(2019, 1, 1), "year"),
        ("昭和64年1月7日", D(1989, 1, 7), "day"),
        ("平成元年1月8日", D(1989, 1, 8), "day"),
        ("S59.4.20", D(1984, 4, 20), "day"),
        ("Ｈ１５年", D(2003, 1, 1), "year"),
        ("１９８４年４月２０日", D(1984, 4, 20), "day"),
        ("1984-04-20", D(1984, 4, 20), "day"),
        ("2003", D(2003, 1, 1), "year"),
    ],
)
def test_typed_dates_are_read_with_their_precision(typed, day, precision):
    assert parse(typed) == (day, precision)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("平成31年5月1日", "平成31年4月30日まで"),
        ("令和元年4月30日", "令和元年5月1日から"),
        ("昭和64年1月8日", "昭和64年1月7日まで"),
        ("平成元年1月7日", "平成元年1月8日から"),
        ("昭和0年", "元年"),
        ("平成15年2月30日", "ありません"),
        ("よこはま", "昭和59年4月20日"),
    ],
)
def test_dates_no_era_had_are_refused_with_the_era_in_force(typed, says):
    with pytest.raises(UnreadableDate, match=says):
        parse(typed)


@pytest.mark.django_db
def test_the_history_form_takes_wareki(admin_client):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    from pages.models import HistoryPage

    history = HistoryPage.objects.get()

    def publish_with(typed):
        data = nested_form_data(
            {
                "title": history.title,
                "slug": history.slug,
                "introduction": rich_text(""),
                "entries": inline_formset(
                    [
                        {
                            "date": typed,
                            "precision": "day",
                            "title": "和暦の項目",
                            "body": rich_text(""),
                        }
                    ]
                ),
                "action-publish": "publish",
            }
        )
        return admin_client.post(f"/admin/pages/{history.pk}/edit/", data)

    assert publish_with("平成15年").status_code == 302
    entry = HistoryPage.objects.get().entries.filter(title="和暦の項目").order_by("-pk")[0]
    assert (entry.date, entry.precision, entry.wareki) == (D(2003, 1, 1), "year", "平成15年")
    assert publish_with("昭和59年4月20日").status_code == 302
    entry = HistoryPage.objects.get().entries.filter(title="和暦の項目").order_by("-pk")[0]
    assert (entry.date, entry.precision) == (D(1984, 4, 20), "day")
    refused = publish_with("平成31年5月1日")
    assert refused.status_code == 200
    assert "平成31年4月30日までです" in refused.content.decode()
