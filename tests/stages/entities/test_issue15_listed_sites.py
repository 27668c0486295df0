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
