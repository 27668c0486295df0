"""Clean: character normalisation, layout-break repair, and the offset map back to raw."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.stages.clean import _FULLWIDTH, _HALF_TO_FULL, Cleaner, is_layout_break
from pipeline.document import Document


def clean(text: str) -> Document:
    return Cleaner()(Document("d", "s", text))


@pytest.mark.parametrize("raw, expected", [
    ("破获案件７６０起", "破获案件760起"),
    ("ＧＯＩＰ窝点", "GOIP窝点"),
    ("增长１２．５％", "增长12.5%"),
    ("黑恶势力,打掉组织", "黑恶势力，打掉组织"),
    ("问题:一是", "问题：一是"),
    ("抓获1,134人", "抓获1,134人"),  # a thousands separator stays
    ("version 2,3 and 4", "version 2,3 and 4"),  # ASCII prose stays
    ("研发「执法办案智能帮」", "研发“执法办案智能帮”"),
    ("□ 本报记者 丁国锋", "本报记者 丁国锋"),
    ("■本报通讯员 王丹", "本报通讯员 王丹"),
    ("斗争斗争中，用实际行行动", "斗争斗争中，用实际行行动"),  # typos are kept
    ("浙川检方", "浙川检方"),
    ("标题中的□符号", "标题中的□符号"),  # a bullet only at a line start
])
def test_character_normalisation(raw, expected):
    assert clean(raw).clean == expected


@pytest.mark.parametrize("raw, expected", [
    # paragraphs broken by the page layout are joined
    ("建立健全议事决策、请示报告等六大工作\n\n制度，全面理顺组织体系。",
     "建立健全议事决策、请示报告等六大工作制度，全面理顺组织体系。"),
    ("辽宁省沈阳市公安局发挥平安志愿者协会组织作用，发动全市30万“盛京义勇”平安\n\n志愿者力量共同参与，广泛营造氛围。",
     "辽宁省沈阳市公安局发挥平安志愿者协会组织作用，发动全市30万“盛京义勇”平安志愿者力量共同参与，广泛营造氛围。"),
    ("近日，中央纪委国家监委对6起“砂霸”\n\n“矿霸”背后腐败进行公开通报，镇江市迅速行动。",
     "近日，中央纪委国家监委对6起“砂霸”“矿霸”背后腐败进行公开通报，镇江市迅速行动。"),
    ("本报讯 记者曹天健 通讯员赵敬美 山东省胶州市公安局将人工智能等先进技术\n\n与执法办案有机融合，自主研发系统。",
     "本报讯 记者曹天健 通讯员赵敬美 山东省胶州市公安局将人工智能等先进技术与执法办案有机融合，自主研发系统。"),
    # hard negatives: real paragraph ends, headings, bylines, the next article
    ("全面理顺组织体系和工作关系。\n\n在线索核查方面，加大宣传力度。",
     "全面理顺组织体系和工作关系。\n\n在线索核查方面，加大宣传力度。"),
    ("他说：“感觉特别安全。”\n\n经常在广场跳舞的李大妈说，很好。",
     "他说：“感觉特别安全。”\n\n经常在广场跳舞的李大妈说，很好。"),
    ("专项整治以来，该片区刑事及治安警情\n\n呼伦贝尔50万元以上电诈案实现全破\n\n本报记者 颜爱勇",
     "专项整治以来，该片区刑事及治安警情\n\n呼伦贝尔50万元以上电诈案实现全破\n\n本报记者 颜爱勇"),
    ("为借鉴先进地区理念，该局组织相关人\n\n沈阳“盛京使者”平安志愿者助力反诈宣传\n\n本报讯 记者韩宇 近日，活动开展。",
     "为借鉴先进地区理念，该局组织相关人\n\n沈阳“盛京使者”平安志愿者助力反诈宣传\n\n本报讯 记者韩宇 近日，活动开展。"),
    ("整治“脏乱差”建设“洁齐美”\n\n桂林象山区紧盯痛点加强社会治理创新",
     "整治“脏乱差”建设“洁齐美”\n\n桂林象山区紧盯痛点加强社会治理创新"),
    ("并选拔有特\n\n坚持行业治理力度不减\n\n近日，长航公安局镇江分局破获一起案件。",
     "并选拔有特\n\n坚持行业治理力度不减\n\n近日，长航公安局镇江分局破获一起案件。"),
])
def test_layout_breaks(raw, expected):
    assert clean(raw).clean == expected


@pytest.mark.parametrize("before, after, joined", [
    ("等六大工作", "制度，全面理顺组织体系", False),  # too short to be running text
    ("建立健全议事决策、请示报告等六大工作", "制度，全面理顺组织体系", True),
    ("建立健全议事决策、请示报告等六大工作。", "制度，全面理顺组织体系", False),
    ("建立健全议事决策、请示报告等六大工作", "坚持行业治理力度不减", False),
    ("建立健全议事决策、请示报告等六大工作", "本报讯 记者韩宇 近日，", False),
])
def test_is_layout_break(before, after, joined):
    assert is_layout_break(before, after) is joined


def test_a_comma_headline_above_a_byline_is_not_a_continuation():
    before = "建立健全议事决策、请示报告等六大工作"
    assert not is_layout_break(before, "严打犯罪，守护平安", "□ 本报记者 丙丁")
    assert not is_layout_break(before, "严打犯罪，守护平安", "本报讯 记者韩宇 近日，")
    assert is_layout_break(before, "制度，全面理顺组织体系", "在线索核查方面，加大宣传力度。")


_ALLOWED = {(raw, clean) for raw, clean in _FULLWIDTH.items()} | {(raw, clean) for raw, clean in _HALF_TO_FULL.items()}
_DELETABLE = set("\n \t□■●◆◇▲△★☆▪•")


def _check_span(doc: Document, start: int, end: int) -> None:
    s, e = doc.raw_span(start, end)
    kept = set(doc.offsets[start:end])
    for i in range(s, e):
        if i in kept:
            continue
        assert doc.raw[i] in _DELETABLE, (doc.raw, i)
    for i in range(start, end):
        raw_char, clean_char = doc.raw[doc.offsets[i]], doc.clean[i]
        assert raw_char == clean_char or (raw_char, clean_char) in _ALLOWED


def test_offsets_point_back_to_raw(seed_text):
    doc = clean(seed_text)
    assert len(doc.offsets) == len(doc.clean) + 1
    assert doc.clean.count("\n\n") < seed_text.count("\n\n")
    _check_span(doc, 0, len(doc.clean))


_pieces = st.sampled_from(["破获", "案件", "７６０", "起", "，", ",", "。", "\n\n", "□ ", "「", "」",
                           "ＡＢ", "１２．５％", "平安", "志愿者", " ", "本报讯 ", "\n",
                           "建立健全议事决策、请示报告等六大工作"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_pieces, max_size=40).map("".join))
def test_offset_map_is_monotonic_and_reversible(raw):
    doc = clean(raw)
    assert len(doc.offsets) == len(doc.clean) + 1
    assert all(a < b for a, b in zip(doc.offsets, doc.offsets[1:]))
    assert doc.offsets[-1] == len(raw)
    for start in range(len(doc.clean)):
        for end in range(start + 1, min(len(doc.clean), start + 6) + 1):
            _check_span(doc, start, end)
