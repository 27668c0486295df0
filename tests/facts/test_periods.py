"""Periods that are one window of counting: the open year of a report and its figures to date."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.facts import link
from pipeline.facts.periods import same_window

from .rows import document, metric

PUBLISHED = date(2023, 12, 6)
YEAR = dict(period="今年", period_start=date(2023, 1, 1), period_end=date(2023, 12, 31))
TO_NOVEMBER = dict(period="今年1至11月", period_start=date(2023, 1, 1), period_end=date(2023, 11, 30))
TO_OCTOBER = dict(period="今年1至10月", period_start=date(2023, 1, 1), period_end=date(2023, 10, 31))
SINCE = dict(period="今年以来", period_start=date(2023, 1, 1), period_end=PUBLISHED)
HALF = dict(period="上半年", period_start=date(2023, 1, 1), period_end=date(2023, 6, 30))


@pytest.mark.parametrize("a, b, published, one", [
    (YEAR, TO_NOVEMBER, PUBLISHED, True),    # 今年 / 今年1至11月 in a report of Dec 6
    (YEAR, SINCE, PUBLISHED, True),          # 今年 / 今年以来
    (TO_NOVEMBER, SINCE, PUBLISHED, True),   # 1至11月 / 今年以来 (open-ended)
    (YEAR, TO_OCTOBER, PUBLISHED, False),    # 1至10月 stops a month before the last one
    (YEAR, HALF, PUBLISHED, False),          # 上半年 is a sub-period
    (YEAR, TO_NOVEMBER, None, False),        # no publication day: nothing says the year is open
    (YEAR, TO_NOVEMBER, date(2024, 1, 8), False),  # the year is over: 今年 is another year
])
def test_the_open_year_is_one_window_with_the_figures_to_date(a, b, published, one):
    assert same_window(a, b, published) is one
    assert same_window(b, a, published) is one


RAW = ("示例市交警今年查处酒驾醉驾3100余起\n\n"
       "本报讯 今年1至11月，全市共查处各类交通违法行为超18万起，查处酒驾醉驾违法行为3187起。\n\n"
       "据统计，今年全市共查处交通违法行为183206起。东区、西区分别查处酒驾醉驾违法行为1020起、870起。\n")


def _at(row: dict, code: str) -> dict:
    row["place_code"] = code
    return row


def _rows(headline: dict, body: dict) -> list[dict]:
    handled = dict(category="violations_handled", action="查处", place="示例市")
    year = dict(headline)
    return [
        _at(metric(RAW, "3100余起", 3100, "起", approx="over", obj="酒驾醉驾", **handled, **headline), "350800"),
        _at(metric(RAW, "超18万起", 180000, "起", approx="over", obj="交通违法行为", **handled, **body), "350800"),
        _at(metric(RAW, "3187起", 3187, "起", obj="酒驾醉驾违法行为", **handled, **body), "350800"),
        _at(metric(RAW, "183206起", 183206, "起", obj="交通违法行为", **handled, **year), "350800"),
        _at(metric(RAW, "1020起", 1020, "起", obj="东区", **dict(handled, place="示例市东区"), **year), "350802"),
        _at(metric(RAW, "870起", 870, "起", obj="西区", **dict(handled, place="示例市西区"), **year), "350803"),
    ]


def _linked(rows: list[dict], published) -> dict[str, tuple]:
    _, columns, _ = link(rows, [document(RAW, published=published)])
    return {r["text"]: columns[r["metric_id"]] for r in rows}


def test_the_headlines_year_restates_the_bodys_eleven_months():
    """今年…3100余起 (headline) and 今年1至11月…3187起 (body) of a report of Dec 6 are one
    statistic, and so are 超18万起 (1至11月) and 今年…183206起."""
    by = _linked(_rows(YEAR, TO_NOVEMBER), PUBLISHED)
    assert by["3100余起"][0] == by["3187起"][0]
    assert by["超18万起"][0] == by["183206起"][0]


def test_a_smaller_figure_to_date_is_within_the_years_total_and_holds_its_districts():
    """3187起 of 1至11月 does not agree with the year's 183206起: it is within it (a part); the
    districts' figures of 今年 are parts of 3187起, the narrowest total of the same window."""
    by = _linked(_rows(YEAR, TO_NOVEMBER), PUBLISHED)
    assert by["3187起"][1] == by["183206起"][0]
    assert by["1020起"][1] == by["870起"][1] == by["3187起"][0]


def test_without_a_publication_day_the_year_and_eleven_months_stay_apart():
    """A page with no date cannot say whether 今年 is over: 3100余起 and 3187起 stay two facts."""
    by = _linked(_rows(YEAR, TO_NOVEMBER), None)
    assert by["3100余起"][0] != by["3187起"][0]


def test_ten_months_in_december_are_no_restatement_of_the_year():
    """In a report of Dec 6, 今年1至10月 is not the year to date: 3187起 of 1至10月 is no
    statement of the headline's 今年3100余起."""
    by = _linked(_rows(YEAR, TO_OCTOBER), PUBLISHED)
    assert by["3100余起"][0] != by["3187起"][0]


def test_a_figure_to_date_of_another_thing_stays_a_sub_period_part():
    """今年以来…刑事案件1200起 and 今年1至10月…盗窃案件1180起 (a report of Nov 8): the windows are one
    and the values agree, but 盗窃案件 is not 刑事案件, so 1180起 is no restatement: it stays a
    part of the 1200起 stated for the longer window."""
    raw = "今年以来，全市共破获刑事案件1200起。今年1至10月，全市破获盗窃案件1180起。"
    solved = dict(category="cases_solved", action="破获", place="示例市", period_start=date(2023, 1, 1))
    rows = [metric(raw, "1200起", 1200, "起", obj="刑事案件", period="今年以来", period_end=date(2023, 11, 8), **solved),
            metric(raw, "1180起", 1180, "起", obj="盗窃案件", period="今年1至10月", period_end=date(2023, 10, 31), **solved)]
    _, columns, _ = link(rows, [document(raw, published=date(2023, 11, 8))])
    whole, part = (columns[r["metric_id"]] for r in rows)
    assert part[1] == whole[0] != part[0]
