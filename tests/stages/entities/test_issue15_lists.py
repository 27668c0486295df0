"""Issue 15, sites on highways, rivers in lists and Hong Kong police units. Sentences written
for the tests."""

from __future__ import annotations

import pytest

from .helpers import found


@pytest.mark.parametrize("text, site", [
    ("民警在沪昆高速德安服务区查获一辆货车。", "沪昆高速德安服务区"),
    ("车辆在大广高速吉安南收费站被拦下。", "大广高速吉安南收费站"),
    ("事发地位于京港澳高速长沙段岳麓服务区附近。", "京港澳高速长沙段岳麓服务区"),
])
def test_a_site_on_a_highway_is_one_loc_with_it(tagger, text, site):
    got = found(tagger, text)
    assert (site, "LOC") in got
    assert not [span for span, label in got if label == "GPE"]  # no county out of the site


def test_a_highway_without_a_site_after_it_stays_alone(tagger):
    got = found(tagger, "沪昆高速发生一起追尾事故。")
    assert ("沪昆高速", "LOC") in got


def test_a_place_and_a_direction_name_a_toll_station(tagger):
    assert ("吉安南收费站", "LOC") in found(tagger, "嫌疑人在吉安南收费站被抓获。")


@pytest.mark.parametrize("text, river", [
    ("今年以来，湘江、资水、沅水和洞庭湖水域查处非法捕捞案件40起。", "资水"),
    ("市水利局清理赣江、抚河和鄱阳湖沿岸的采砂船。", "抚河"),
])
def test_a_river_listed_with_known_rivers_is_a_loc(tagger, text, river):
    assert (river, "LOC") in found(tagger, text)


def test_a_list_of_common_water_words_gives_no_river(tagger):
    got = found(tagger, "要求长江沿线做好江河、湖泊和水库的巡查。")
    assert ("江河", "LOC") not in got


@pytest.mark.parametrize("text, org", [
    ("观塘警区联同有组织罪案及三合会调查科采取行动，拘捕8人。", "观塘警区"),
    ("观塘警区联同有组织罪案及三合会调查科采取行动，拘捕8人。", "有组织罪案及三合会调查科"),
    ("香港警务处九龙城警区人员昨日拘捕一名男子。", "香港警务处九龙城警区"),
    ("屯门警区刑事部重案组人员捣破一个赌档。", "屯门警区刑事部重案组"),
])
def test_hong_kong_police_units_are_orgs(tagger, text, org):
    assert (org, "ORG") in found(tagger, text)


def test_a_traditional_page_is_read_by_the_rules_in_simplified_characters(tagger):
    text = "香港警方表示，九龍城警區人員昨日搗破一個賭檔，拘捕十二人。"
    got = found(tagger, text)
    assert ("九龍城警區", "ORG") in got
    assert ("九龍城", "GPE") not in got


def test_a_police_district_as_a_common_noun_is_no_org(tagger):
    got = found(tagger, "支队将路段分成7个警区，推行警区警长制勤务方式。")
    assert not [span for span, label in got if label == "ORG"]
