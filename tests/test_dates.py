"""The date grammar (pipeline.dates): numerals, the entity DATE normalisation, the anchor of a
bare day, and the metrics periods read with the same grammar."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.dates import (DATE_FIRST, DATE_PATTERN, anchor_day, calendar_range, cn_int,
                            dispatch_day, normalize_date, period_dates)

DATE_RE = re.compile(DATE_PATTERN)
PUBLISHED = date(2021, 11, 2)


def iso(pair):
    return tuple(d and d.isoformat() for d in pair)


@pytest.mark.parametrize("text,value", [
    ("12", 12), ("１２", 12), ("十", 10), ("十二", 12), ("二十七", 27), ("三十一", 31),
    ("〇七", 7), ("二〇二一", 2021), ("一九九八", 1998), ("零", 0),
])
def test_cn_int(text, value):
    assert cn_int(text) == value


@pytest.mark.parametrize("text,published,expected", [
    ("2021年第一季度", None, "2021-01-01/2021-03-31"),
    ("今年1至8月", date(2021, 11, 10), "2021-01-01/2021-08-31"),
    ("十二月份", date(2021, 1, 5), "2020-12-01/2020-12-31"),  # a later month: last year
    ("今年10月下旬", date(2021, 11, 10), "2021-10-21/2021-10-31"),
    ("2021年2月底", None, "2021-02-21/2021-02-28"),
    ("二〇二一年十月一日", None, "2021-10-01"),
    ("今年以来", date(2021, 11, 10), "2021-01-01/2021-11-10"),
    ("2022年以来", date(2021, 11, 10), None),  # since a year still to come: no range
    ("今年以来", None, None),
    ("17日", date(2021, 11, 10), "2021-10-17"),
    ("2021年2月30日", None, None),  # no such day
])
def test_normalize_date(text, published, expected):
    m = DATE_RE.fullmatch(text)
    assert m is not None
    assert normalize_date(m, published) == expected


def test_date_first_lists_every_first_character():
    # DATE_FIRST guards the entity DATE regex: a match must never start elsewhere.
    texts = ["7月27日", "２０２１年", "二〇二一年", "十二月", "今年", "去年", "前年", "明年",
             "当年", "上年", "17日", "九月", "〇"]
    for text in texts:
        for m in DATE_RE.finditer(text):
            assert m.group()[0] in DATE_FIRST


@pytest.mark.parametrize("text,normalized,anchor,expected", [
    ("17日下午", "2021-10-17", date(2021, 6, 13), ("2021-06-17", date(2021, 6, 17))),
    ("2日", "2021-11-02", date(2021, 9, 30), ("2021-10-02", date(2021, 10, 2))),
    ("17日", "2021-10-17", None, ("2021-10-17", date(2021, 10, 17))),  # nothing named yet
    ("7月27日", "2021-07-27", date(2021, 6, 1), ("2021-07-27", date(2021, 7, 27))),
    ("今年以来", "2021-01-01/2021-11-10", date(2021, 6, 1), ("2021-01-01/2021-11-10",
                                                          date(2021, 6, 1))),
    ("31日", "2021-10-31", date(2021, 2, 1), ("2021-10-31", date(2021, 2, 1))),  # no 2月31日
])
def test_anchor_day(text, normalized, anchor, expected):
    assert anchor_day(text, normalized, anchor, date(2021, 11, 10)) == expected


@pytest.mark.parametrize("period,expected", [
    # the end only after 截至
    ("截至10月31日", (None, "2021-10-31")),
    ("截至7月底", (None, "2021-07-31")),
    ("截至去年12月中旬", (None, "2020-12-20")),
    ("截至去年", (None, "2020-12-31")),
    ("截至目前", (None, "2021-11-02")),
    ("截至", (None, "2021-11-02")),
    ("截至今年春节", (None, None)),  # a holiday: no day to end on
    ("到8月", (None, "2021-08-31")),  # an end stated alone, as 截至
    ("至8月底", (None, "2021-08-31")),
    ("到去年11月底", (None, "2020-11-30")),
    ("目前", (None, "2021-11-02")),  # 目前，全国已建立…: up to now, no start
    # since: from the date to the publication date
    ("今年以来", ("2021-01-01", "2021-11-02")),
    ("2019年至今", ("2019-01-01", "2021-11-02")),
    ("自去年十月以来", ("2020-10-01", "2021-11-02")),
    ("该所自1995年成立以来", ("1995-01-01", "2021-11-02")),
    ("自一九九六年底启动以来", ("1996-10-01", "2021-11-02")),
    ("自治区成立以来", (None, None)),
    # a stretch of the calendar
    ("2021年第一季度", ("2021-01-01", "2021-03-31")),
    ("去年第三季度", ("2020-07-01", "2020-09-30")),
    ("二季度", ("2021-04-01", "2021-06-30")),
    ("今年1至8月", ("2021-01-01", "2021-08-31")),
    ("今年前10个月", ("2021-01-01", "2021-10-31")),
    ("今年前9月", ("2021-01-01", "2021-09-30")),  # 前N月 without 个: the first N months
    ("1997年12月", ("1997-12-01", "1997-12-31")),
    ("去年4月份", ("2020-04-01", "2020-04-30")),
    ("12月", ("2020-12-01", "2020-12-31")),  # after the publication month: last year's
    # no calendar reading of the whole phrase
    ("近年来", (None, None)),
    # holidays from the statutory calendar (chinese-calendar), before its tables from the
    # lunar calendar: 除夕 to 正月初六 (1997: 2月6日 to 2月12日)
    ("国庆期间", ("2021-10-01", "2021-10-07")),
    ("1997年春节期间", ("1997-02-06", "1997-02-12")),
    ("春节期间", ("2021-02-11", "2021-02-17")),
    # a festival named with its year and no 期间 is its day (1996年春节送上5万元: 正月初一)
    ("1996年春节", ("1996-02-19", "1996-02-19")),
    ("1997年中秋节", ("1997-09-16", "1997-09-16")),
    ("1995年国庆", ("1995-10-01", "1995-10-01")),
    # one range, never split; years back from the publication date
    ("3月5日至4月20日", ("2021-03-05", "2021-04-20")),
    ("1993年至1997年3月", ("1993-01-01", "1997-03-31")),
    ("一年来", ("2020-11-02", "2021-11-02")),
    ("近两年", ("2019-11-02", "2021-11-02")),
    ("今年前两个月", ("2021-01-01", "2021-02-28")),
    ("专项整治以来", (None, None)),
    # Hong Kong and Macao forms of the quarters; the month and the year before last; parts of a month
    ("今年首三季", ("2021-01-01", "2021-09-30")),
    ("首两季", ("2021-01-01", "2021-06-30")),
    ("第三季", ("2021-07-01", "2021-09-30")),
    ("上月", ("2021-10-01", "2021-10-31")),
    ("上个月", ("2021-10-01", "2021-10-31")),
    ("前年", ("2019-01-01", "2019-12-31")),
    ("9月中旬", ("2021-09-11", "2021-09-20")),
    # a single day of the Spring Festival last come (2021: 正月初一 is February 12)
    ("除夕夜", ("2021-02-11", "2021-02-11")),
    ("大年初一", ("2021-02-12", "2021-02-12")),
    ("当晚", (None, None)),  # the day stated before it: read by the metrics stage
])
def test_period_dates(period, expected):
    assert iso(period_dates(period, PUBLISHED)) == expected


@pytest.mark.parametrize("period,published,expected", [
    # one break off work: 2023's 中秋 (9月29日) joins 国庆 (9月30日-10月6日)
    ("国庆假期期间", date(2023, 10, 8), ("2023-09-29", "2023-10-06")),
    ("全市公安机关国庆假期期间", date(2023, 10, 8), ("2023-09-29", "2023-10-06")),
    ("国庆期间", date(2024, 10, 9), ("2024-10-01", "2024-10-07")),
    ("春节期间", date(2024, 2, 20), ("2024-02-10", "2024-02-17")),
    # 2023 holds 元旦 2023 (12月31日-1月2日) and the start of 元旦 2024: this year's own
    ("元旦期间", date(2023, 10, 8), ("2022-12-31", "2023-01-02")),
    # a part of the year not begun at the publication date is last year's: 第四季度 in January
    ("第四季度", date(2024, 1, 10), ("2023-10-01", "2023-12-31")),
    ("前三季度", date(2024, 10, 18), ("2024-01-01", "2024-09-30")),
])
def test_period_dates_holidays_and_yearless_parts(period, published, expected):
    assert iso(period_dates(period, published)) == expected


@pytest.mark.parametrize("period, expected", [
    ("本月12日至13日", ("2026-07-12", "2026-07-13")),  # the publication month's days, one range
    ("本月3日", ("2026-07-03", "2026-07-03")),
    ("上月10日至13日", ("2026-06-10", "2026-06-13")),  # the month before publication, one range
    ("上个月3日", ("2026-06-03", "2026-06-03")),
    ("昨日", ("2026-07-14", "2026-07-14")),  # the day before publication
    ("昨天", ("2026-07-14", "2026-07-14")),
])
def test_this_month_and_yesterday_read_against_the_publication_date(period, expected):
    assert iso(period_dates(period, date(2026, 7, 15))) == expected
    assert period_dates(period, None) == (None, None)


def test_listed_years_counted_after_them():
    """1995、1996两年 -> 1995-01-01..1996-12-31, with or without a publication date."""
    assert iso(period_dates("1995、1996两年", None)) == ("1995-01-01", "1996-12-31")
    assert iso(period_dates("2021、2022和2023三年", date(2024, 3, 1))) == ("2021-01-01", "2023-12-31")


def test_period_dates_without_publication_date():
    assert iso(period_dates("2018年以来", None)) == ("2018-01-01", None)
    assert iso(period_dates("2021年上半年", None)) == ("2021-01-01", "2021-06-30")
    assert period_dates("今年以来", None) == (None, None)
    assert period_dates("截至目前", None) == (None, None)


_PIECES = ["1998年", "２０２１年", "二〇二一年", "9月", "10月", "十二月", "3至5月", "17日", "九日",
           "二十七日", "8号", "今年", "去年", "前年", "上年", "上半年", "第一季度", "年底", "以来",
           "上旬", "下旬", "底", "下午", "至", "—", "份", "间"]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4).map("".join),
       published=st.sampled_from([date(2021, 11, 2), date(1998, 1, 5), None]))
def test_a_period_that_is_a_date_reads_as_the_date(text, published):
    # One grammar: a whole DATE entity, read as a metrics period, covers the same days.
    m = DATE_RE.fullmatch(text)
    if m is None:
        return
    found = calendar_range(m, published)
    start, end = period_dates(text, published)
    if found is None:
        assert (start, end) == (None, None)
    elif m.group("since1") or m.group("since2"):
        assert start == found[0]
    else:
        assert (start, end) == found


@pytest.mark.parametrize("text, published, span", [
    ("国庆中秋假期", date(2025, 10, 9), (date(2025, 10, 1), date(2025, 10, 8))),  # one break of two festivals
    ("中秋、国庆假期", date(2025, 10, 9), (date(2025, 10, 1), date(2025, 10, 8))),
    ("2023年中秋国庆假期", None, (date(2023, 9, 29), date(2023, 10, 6))),
])
def test_two_festivals_of_one_break_are_one_holiday(text, published, span):
    from pipeline.dates import holiday_range
    from pipeline.stages.metrics.change import read_period
    assert holiday_range(text, published) == span
    assert read_period(text + "，", len(text) + 1, published or date(2023, 12, 1), heads=True)[1:] == span


def test_two_festivals_a_month_apart_span_both_breaks():
    """元旦、春节期间 (1998): from New Year's Day to the end of the Spring Festival break."""
    from pipeline.dates import holiday_range
    assert holiday_range("1998年元旦、春节期间", None) == (date(1998, 1, 1), date(1998, 2, 2))


@pytest.mark.parametrize("dateline, published, expected", [
    ("新华社北京9月11日电", date(2025, 9, 12), date(2025, 9, 11)),
    ("本报台北31日电", date(1998, 2, 1), date(1998, 1, 31)),  # a bare day: last month
    ("新华社北京12月30日电", date(1998, 1, 2), date(1997, 12, 30)),  # filed last year
    ("本报杭州5月8日讯", date(2024, 5, 9), date(2024, 5, 8)),
    ("本报讯", date(2024, 5, 9), None),
    ("新华社北京2月30日电", date(2024, 3, 2), None),  # no such day
    ("新华社北京9月11日电", None, None),
])
def test_dispatch_day_reads_the_dateline(dateline, published, expected):
    """新华社北京9月11日电 published 2025-09-12 -> filed 2025-09-11; 本报讯 names no day."""
    assert dispatch_day(dateline, published) == expected


def test_a_day_range_whose_ends_carry_their_years():
    """2023年12月5日至2024年2月20日 -> one window across the new year; an end before the start is none."""
    from pipeline.dates import period_dates
    assert period_dates("2023年12月5日至2024年2月20日", date(2024, 3, 1)) == (date(2023, 12, 5), date(2024, 2, 20))
    assert period_dates("2024年12月5日至2023年2月20日", date(2024, 3, 1)) != (date(2024, 12, 5), date(2023, 2, 20))


def test_a_republic_of_china_year_is_its_gregorian_year():
    """民國112年1至5月 -> 2023-01-01..2023-05-31; 民国110年 -> 2021."""
    from pipeline.dates import period_dates
    assert period_dates("民國112年1至5月", date(2023, 7, 1)) == (date(2023, 1, 1), date(2023, 5, 31))
    assert period_dates("民国110年", date(2023, 7, 1)) == (date(2021, 1, 1), date(2021, 12, 31))
