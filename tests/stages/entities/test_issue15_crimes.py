"""Issue 15, offence names: charges written with some of their alternatives, and the 帮信
abbreviation. Sentences written for the tests."""

from __future__ import annotations

import pytest

from pipeline.stages.entities.rules_law import charge_variants

from .helpers import found


@pytest.mark.parametrize("text, crime", [
    ("法院以掩饰、隐瞒犯罪所得罪判处其有期徒刑三年。", "掩饰、隐瞒犯罪所得罪"),
    ("二人被以走私、贩卖、运输毒品罪提起公诉。", "走私、贩卖、运输毒品罪"),
    ("他以贩卖、运输毒品罪被判刑。", "贩卖、运输毒品罪"),
    ("全市起诉帮信案件数量下降。", "帮信"),
])
def test_a_charge_with_some_of_its_alternatives_is_one_crime(tagger, text, crime):
    assert (crime, "CRIME") in found(tagger, text)


def test_alternatives_without_zui_stay_separate_offences(tagger):
    # Without 罪 the list is no charge name: each offence on its own (走私 + 贩卖毒品).
    got = found(tagger, "查处走私、贩卖毒品案件。")
    assert ("走私、贩卖毒品", "CRIME") not in got


def test_charge_variants():
    assert "掩饰、隐瞒犯罪所得" in charge_variants("掩饰、隐瞒犯罪所得、犯罪所得收益")
    v = charge_variants("走私、贩卖、运输、制造毒品")
    assert "贩卖、运输毒品" in v and "走私、贩卖、运输毒品" in v and "走私、贩卖、运输、制造毒品" not in v
    assert charge_variants("盗窃") == []


@pytest.mark.parametrize("text, crime, is_crime", [
    ("海关一次查获走私光盘72万多张。", "走私", True),        # goods of the offence
    ("没收的走私黄金达五十公斤。", "走私", True),
    ("民警去外省抓捕一名杀人犯罪嫌疑人。", "杀人", True),
    ("两人利用职务之便贪污、受贿一案已移送起诉。", "受贿", True),   # 一案 is no sum
    ("两名经理分别贪污、受贿38万元、31万元。", "贪污", False),    # the list ends in a sum
])
def test_offences_before_goods_suspects_and_cases(tagger, text, crime, is_crime):
    assert ((crime, "CRIME") in found(tagger, text)) is is_crime
