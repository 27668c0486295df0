"""Issue 15, sites named in a list of sites (``rules_units.listed_site_candidates``).
Sentences written for the tests."""

from __future__ import annotations

import pytest

from .helpers import found


@pytest.mark.parametrize("text, sites", [
    ("假期里，玉泉湖、黑虎潭、望仙亭等景区游客众多。", ["黑虎潭", "望仙亭"]),
    ("景区警方在观日峰、卧龙松、飞来石等重点点位实行单向通行。", ["观日峰", "卧龙松", "飞来石"]),
    ("民警已在青石巷、状元桥和锦绣里一带加强夜间巡逻。", ["青石巷", "锦绣里"]),
])
def test_names_in_a_list_of_sites_are_loc(tagger, text, sites):
    got = found(tagger, text)
    for site in sites:
        assert (site, "LOC") in got


def test_kinds_of_places_in_a_list_are_no_sites(tagger):
    got = found(tagger, "民警在车站、码头、出租屋等人员密集场所开展宣传。")
    assert not [s for s, label in got if label == "LOC"]


def test_a_list_of_divisions_closed_by_dengdi_gives_no_site(tagger):
    got = found(tagger, "目前已有太原、大同、天津、河北等地的客商前来洽谈。")
    assert not [s for s, label in got if label == "LOC"]


def test_a_verb_before_a_province_is_no_site(tagger):
    got = found(tagger, "他参与领导湖南、绥远等地的和平解放。")
    assert ("领导湖南", "LOC") not in got


def test_a_list_with_a_foreign_city_gives_no_site(tagger):
    got = found(tagger, "活动还将在清迈、普吉、帕塔亚等地举行。")
    assert not [s for s, label in got if label == "LOC"]


def test_a_city_before_a_listed_site_is_left_to_the_city_rules(tagger):
    got = found(tagger, "作品收藏在北京故宫、首都博物馆等地。")
    assert ("北京故宫", "LOC") not in got


def test_a_listed_name_may_hold_numerals(tagger):
    got = found(tagger, "民警在五星巷、八角亭等主干道设卡。")
    assert ("五星巷", "LOC") in got  # a numeral in a name, closed by 等主干道
    assert ("八角亭", "LOC") in got


def test_a_count_in_a_list_is_no_site(tagger):
    got = found(tagger, "全市三个公园、五处广场等场所已开放。")
    assert not [s for s, label in got if label == "LOC"]


@pytest.mark.parametrize("span, label", [("朝阳洲街道", "GPE"), ("茅台镇", "GPE"), ("西塘古镇", "LOC"),
                                         ("镇江乡镇", "LOC")])
def test_a_model_loc_naming_a_town_is_a_gpe(tagger, span, label):
    from pipeline.stages.entities.model import vet_spans

    text = f"民警在{span}开展宣传。"
    got = vet_spans(tagger.rules, text, [(3, 3 + len(span), "LOC")], "body")
    assert [c.label for c in got if text[c.start:c.end] == span] == [label]


def test_a_listed_site_led_by_its_district_gives_the_district_and_the_site(tagger):
    got = found(tagger, "春节期间，江岸区江滩、洪山区楚河等重点区域秩序井然。")
    assert ("江岸区", "GPE") in got and ("江滩", "LOC") in got
    assert ("洪山区", "GPE") in got and ("楚河", "LOC") in got


def test_a_site_name_pkuseg_keeps_whole_is_not_split_at_a_county_name(tagger):
    text = "在灵山大佛景区"  # 灵山 is a county elsewhere; here it starts the site's own name
    whole = [(0, 1), (1, 5), (5, 7)]
    split = [(0, 1), (1, 3), (3, 5), (5, 7)]
    got = {(text[c.start:c.end], c.label) for c in tagger.rules.loc_candidates(text, whole)}
    assert got == {("灵山大佛景区", "LOC")}
    got = {(text[c.start:c.end], c.label) for c in tagger.rules.loc_candidates(text, split)}
    assert ("大佛景区", "LOC") in got and ("灵山大佛景区", "LOC") not in got
