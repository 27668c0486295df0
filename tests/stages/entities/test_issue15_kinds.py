"""Issue 15, thirteenth pages' round: kinds of places that name none (危险水域, 全国口岸), 市局,
游览区 and port sites, a county's short form before an organ, border rivers, Republic years and
本月 + days, gangs that are no charge. Sentences written for the tests."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.stages.entities.model import vet_spans
from pipeline.stages.entities.rules_person import given_name_after

from .helpers import found


@pytest.mark.parametrize("text, span", [
    ("另外，县局还会同县教育局开展排查。", "县局"),
    ("市局会同市交通运输局设立检查点。", "市局"),
])
def test_a_level_word_and_ju_is_an_org(tagger, text, span):
    assert (span, "ORG") in found(tagger, text)


def test_ju_that_starts_a_word_is_no_org(tagger):
    assert not [s for s, lab in found(tagger, "市局面总体平稳。") if lab == "ORG"]


@pytest.mark.parametrize("text, kind", [
    ("会同教育部门排查全县危险水域58处。", "危险水域"),
    ("一季度全国口岸查验出入境人员3000万人次。", "全国口岸"),
])
def test_a_kind_of_water_or_port_is_no_loc(tagger, text, kind):
    assert not [s for s, lab in found(tagger, text) if (kind in s or s in kind) and lab == "LOC"]


@pytest.mark.parametrize("text, loc", [
    ("渔政在长江岳阳段禁捕水域查获电鱼船一艘。", "长江岳阳段"),  # the kind stays out
    ("渔政在鄱阳湖禁渔水域巡查。", "鄱阳湖"),
    ("民警在大连港客运站抓获一名网上逃犯。", "大连港客运站"),  # a site inside the port
    ("民警在鼓楼区龙潭游览区开展巡逻。", "龙潭游览区"),
])
def test_sites_with_their_extent(tagger, text, loc):
    assert (loc, "LOC") in found(tagger, text)


def test_a_scenic_area_after_its_district_is_a_loc_not_a_gpe(tagger):
    text = "民警在卧龙区龙潭游览区开展巡逻。"
    got = vet_spans(tagger.rules, text, [(6, 11, "GPE")], "body")
    assert [(text[c.start:c.end], c.label) for c in got] == [("龙潭游览区", "LOC")]


@pytest.mark.parametrize("text, span, label", [
    ("青山警方连夜破案。", "青山", "GPE"),  # 青山区: a district before 警方
    ("登山队员在青山迷路。", "青山", "LOC"),  # a mountain: no organ after it
])
def test_a_districts_short_form_before_an_organ_is_a_gpe(tagger, text, span, label):
    s = text.index(span)
    got = vet_spans(tagger.rules, text, [(s, s + len(span), "GPE")], "body")
    assert [(text[c.start:c.end], c.label) for c in got] == [(span, label)]


def test_border_rivers_listed_before_their_water(tagger):
    got = found(tagger, "两国警方在黑龙江、乌苏里江界江水域联合巡逻。")
    assert ("黑龙江", "LOC") in got and ("乌苏里江", "LOC") in got
    assert ("黑龙江", "GPE") in found(tagger, "黑龙江警方破获一起案件。")


def test_a_rivers_source_is_no_county(tagger):
    text = "贡江是赣江东源。"
    got = vet_spans(tagger.rules, text, [(5, 7, "GPE")], "body")
    assert got == []


def test_a_range_before_shan_zhong_is_named_without_shan(tagger):
    text = "救援队在秦岭山中找到两名驴友。"
    got = vet_spans(tagger.rules, text, [(4, 7, "LOC")], "body")
    assert [(text[c.start:c.end], c.label) for c in got] == [("秦岭", "LOC")]


@pytest.mark.parametrize("text, span, normalized", [
    ("专案组于本月3日至6日收网。", "本月3日至6日", "2021-11-03/2021-11-06"),
    ("该男子自民國113年5月起收購帳戶。", "民國113年5月", "2024-05-01/2024-05-31"),
    ("该男子自民国99年起多次作案。", "民国99年", "2010-01-01/2010-12-31"),
])
def test_this_months_days_and_republic_years(tagger, text, span, normalized):
    got = [c for c in tagger.rules.date_candidates(text, date(2021, 11, 10)) if c.label == "DATE"]
    assert [(text[c.start:c.end], c.normalized) for c in got] == [(span, normalized)]


def test_a_gang_is_no_charge(tagger):
    assert not [s for s, lab in found(tagger, "打掉黑社会性质组织2个。") if lab == "CRIME"]
    assert ("组织、领导、参加黑社会性质组织罪", "CRIME") in found(
        tagger, "被告人犯组织、领导、参加黑社会性质组织罪。")


def test_words_that_go_on_after_mou_come_from_the_data(tagger):
    words = tagger.rules.not_given_words
    assert "发现" in words
    assert given_name_after("胡某发现门被撬。", 0, 2, None, frozenset(), words) == 0
    assert given_name_after("胡某明持刀伤人。", 0, 2, None, frozenset(), words) == 1


@pytest.mark.parametrize("text, org", [
    ("案件移送臺灣新竹地方檢察署偵辦。", "新竹地方檢察署"),  # the province stays a GPE
    ("全案移送台南地检署侦办。", "台南地检署"),
])
def test_taiwans_prosecutors_after_their_city(tagger, text, org):
    assert (org, "ORG") in found(tagger, text)
