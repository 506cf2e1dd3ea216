import datetime

import pytest

from pages.wareki import to_wareki

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
