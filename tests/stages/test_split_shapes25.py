"""Shapes first seen in ``tests/fixtures/pages_heldout24`` (examples invented): a channel's name
between a paper's masthead date line and its headline."""

from __future__ import annotations

import pytest

from tests.stages.test_chrome import split


@pytest.mark.parametrize("channel", ["國際", "本地", "要聞", "社會"])
def test_a_channel_name_under_the_masthead_is_no_kicker(channel):
    doc = split(f"示例晨報　2025年4月2日（星期三）\n{channel}\n示例區男子涉盜竊被捕 警方追回財物\n"
                "【示例晨報訊】警方昨日在示例區拘捕一名男子，追回財物約5萬元。\n")
    [article] = doc.articles
    assert article.title == "示例區男子涉盜竊被捕 警方追回財物"
    assert article.kicker is None
    assert any(kind == "column" for _, _, kind in doc.chrome)


def test_a_kicker_that_is_no_channel_name_stays_under_the_masthead():
    doc = split("示例晨報　2025年4月2日（星期三）\n反詐騙\n示例區男子涉盜竊被捕 警方追回財物\n"
                "【示例晨報訊】警方昨日在示例區拘捕一名男子，追回財物約5萬元。\n")
    assert doc.articles[0].kicker == "反詐騙"


def test_a_channel_name_under_an_edition_line_is_left_to_the_edition_rules():
    doc = split("示例法治报　2025年4月2日\n第03版：综合\n社会\n示例区男子盗窃被抓 警方追回财物\n"
                "本报讯 警方昨日在示例区抓获一名男子，追回财物约5万元。\n")
    assert doc.articles[0].title == "示例区男子盗窃被抓 警方追回财物"
