"""Issue 15, short and place-less organ names seen on blind pages (set 12): a verb after a
short court name stays out, 区公安 + 分局 is one body, Macao's 司警 is an ORG, a fraud named
by its channel is one CRIME. Sentences written for the tests."""

from __future__ import annotations

import pytest

from pipeline.stages.entities.model import vet_spans

from .helpers import found


@pytest.mark.parametrize("verb", ["通报", "发布", "召开"])
def test_a_model_org_leaves_the_verb_after_a_short_court_name(tagger, verb):
    text = f"九江中院{verb}一批案件情况。"
    got = vet_spans(tagger.rules, text, [(0, 6, "ORG")], "body", None, None, [])
    assert [(c.start, c.end, c.label) for c in got] == [(0, 4, "ORG")]


def test_a_place_and_a_verb_is_still_no_org(tagger):
    text = "九江通报一批案件情况。"
    assert vet_spans(tagger.rules, text, [(0, 4, "ORG")], "body", None, None, []) == []


@pytest.mark.parametrize("text, span", [
    ("春节前，区公安分局出动警力巡逻。", "区公安分局"),
    ("市公安分局联合区法院开展行动。", "市公安分局"),
])
def test_a_placeless_sub_bureau_is_one_org(tagger, text, span):
    assert (span, "ORG") in found(tagger, text)


def test_macao_judiciary_police_short_form_is_an_org(tagger):
    assert ("司警", "ORG") in found(tagger, "司警昨日已將兩名嫌犯移送偵辦。")


def test_the_short_form_does_not_fire_inside_a_word(tagger):
    text = "公司警告员工不要外传。"  # words 公司|警告|员工: 司警 would end inside 警告
    got = tagger.rules.org_candidates(text, {0, 2, 4, 6, 8, 10, 11})
    assert not any(text[c.start:c.end] == "司警" for c in got)


def test_phone_fraud_is_one_crime(tagger):
    assert ("电话诈骗", "CRIME") in found(tagger, "警方捣毁一个跨境电话诈骗团伙。")


@pytest.mark.parametrize("text", [
    "清明假期，全市高速公路日均车流量达9万辆。",
    "国庆期间，全省高速公路车流平稳。",
])
def test_a_scope_before_highway_is_no_road(tagger, text):
    assert not [s for s, label in found(tagger, text) if label == "LOC"]


def test_a_named_highway_in_a_scope_sentence_stays(tagger):
    assert ("京港澳高速", "LOC") in found(tagger, "全市范围内，京港澳高速车流平稳。")


def test_macao_criminal_group_charge_needs_its_zui(tagger):
    assert ("犯罪集团罪", "CRIME") in found(tagger, "两人涉嫌「犯罪集团罪」被移送。")
    assert not [s for s, label in found(tagger, "警方打掉犯罪集团两个。") if label == "CRIME"]


def test_a_county_section_after_a_named_river_is_a_loc(tagger):
    text = "赣江流经此地，于都段是鱼类产卵场。"
    assert ("于都段", "LOC") in found(tagger, text)


def test_a_county_section_without_a_river_is_no_loc(tagger):
    assert ("于都段", "LOC") not in found(tagger, "今年以来，于都段施工进度加快。")
