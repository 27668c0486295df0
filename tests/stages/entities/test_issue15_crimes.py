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


@pytest.mark.parametrize("text, crime, is_crime", [
    ("交警当晚查获醉驾9起。", "醉驾", True),               # the offence of 危险驾驶, a noun
    ("其中醉驾5起、酒驾12起。", "酒驾", False),             # an administrative violation
    ("全区开展酒驾醉驾专项整治。", "醉驾", False),           # the pair names a class of violations
    ("县法院宣判一起非法采砂案。", "非法采砂", True),        # a case of it
    ("三人在江边非法采砂900吨。", "非法采砂", False),        # what they did (非法采矿 is the charge)
    ("警方侦破一宗贩运危险药物案。", "贩运危险药物", True),   # Hong Kong's offence wording
    ("去年电讯诈骗案共800宗。", "电讯诈骗", True),
    ("县局破获盗窃电瓶车系列案。", "盗窃", True),            # goods + 系列案
    ("法院审结一起走私普通货物案。", "走私普通货物", True),   # the charge without its alternative
])
def test_offence_nouns_and_cases(tagger, text, crime, is_crime):
    assert ((crime, "CRIME") in found(tagger, text)) is is_crime


@pytest.mark.parametrize("text, crime", [
    ("本市电诈发案数同比下降。", "电诈"),              # 发案数 is a count, not a case of it
    ("平台拦截诈骗电话9亿次、诈骗短信5亿条。", "诈骗"),  # a list of goods, not of offences
])
def test_no_offence_before_a_count_or_in_a_list_of_goods(tagger, text, crime):
    assert (crime, "CRIME") not in found(tagger, text)
