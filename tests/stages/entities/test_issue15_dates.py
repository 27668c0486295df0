"""Issue 15, dates of Hong Kong, Macao and Taiwan news and parts of a year written without
their year. Sentences written for the tests; the publication date is 2026-02-10."""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import make_doc

PUBLISHED = date(2026, 2, 10)


def dates(tagger, text: str) -> list[tuple[str, str | None]]:
    doc = tagger(make_doc(text, tagger.nlp, published=PUBLISHED))
    return [(text[e.start:e.end], e.normalized) for e in doc.entities if e.label == "DATE"]


@pytest.mark.parametrize("text, span, normalized", [
    ("水警今日（10日）在离岛截获走私船。", "今日（10日）", "2026-02-10"),
    ("消防处昨日（9日）下午接报。", "昨日（9日）下午", "2026-02-09"),
    ("巡逻队今（10）日凌晨拘捕两人。", "今（10）日凌晨", "2026-02-10"),
    ("警方昨日（31日）公布数字。", "昨日（31日）", "2026-01-31"),     # the month before
])
def test_a_day_in_brackets_after_today_is_one_date(tagger, text, span, normalized):
    assert dates(tagger, text) == [(span, normalized)]


@pytest.mark.parametrize("text, span, normalized", [
    ("去年首九个月，全港共录得盗窃案一万宗。", "去年首九个月", "2025-01-01/2025-09-30"),
    ("今年首季，口岸共截获非法入境者。", "今年首季", "2026-01-01/2026-03-31"),
    ("海关在第四季加强巡查。", "第四季", "2025-10-01/2025-12-31"),   # not begun in 2026 yet
    ("前三季度，全县共破获案件。", "前三季度", "2025-01-01/2025-09-30"),  # not 三季度
    ("两年来，全省共侦破案件。", "两年来", "2024-02-10/2026-02-10"),
    ("近五年来，法院审结此类案件。", "近五年来", "2021-02-10/2026-02-10"),
    ("该团伙自2023年中起在码头活动。", "2023年中", None),
])
def test_parts_of_a_year_and_years_up_to_now(tagger, text, span, normalized):
    got = dates(tagger, text)
    if span is None:
        assert not any("首" in s for s, _ in got)
    else:
        assert (span, normalized) in got


@pytest.mark.parametrize("text, not_date", [
    ("报案数字较2025年减少一成。", "2025年"),       # a comparison base
    ("罪案较去年上升。", "去年"),
    ("2023年中国警方破获案件。", "2023年中"),        # 中 of 中国
])
def test_no_date_of_a_comparison_base_or_of_zhongguo(tagger, text, not_date):
    assert not_date not in [s for s, _ in dates(tagger, text)]
