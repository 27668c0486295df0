"""Issue 15, roads and waters with their full extent (``rules_roads``). Sentences written for
the tests."""

from __future__ import annotations

import pytest

from .helpers import found


@pytest.mark.parametrize("text, road", [
    ("一辆货车在随岳高速洪湖段侧翻。", "随岳高速洪湖段"),  # initials outside the old list
    ("盗采的河砂经上三高速运往外地。", "上三高速"),
    ("事故发生在G4京港澳高速上。", "G4京港澳高速"),  # the route number is inside
    ("货车行至沪昆高速1968公里处时爆胎。", "沪昆高速1968公里处"),  # a kilometre mark
    ("货车行至京港澳高速K1480处时追尾。", "京港澳高速K1480处"),
    ("他在S306省道岳阳段被交警查获。", "S306省道岳阳段"),  # a numbered road's section
])
def test_a_road_is_one_loc_with_its_full_extent(tagger, text, road):
    assert (road, "LOC") in found(tagger, text)


def test_high_speed_as_an_adverb_is_no_road(tagger):
    assert not [s for s, label in found(tagger, "全省经济高速发展，交通高速增长。") if label == "LOC"]


def test_a_city_before_its_highway_police_is_no_highway(tagger):
    got = found(tagger, "春节期间九江高速交警全力保畅。")
    assert ("九江", "GPE") in got
    assert not [s for s, label in got if label == "LOC"]


def test_a_conjunction_before_a_highway_stays_out(tagger):
    got = found(tagger, "警方在车站和杭瑞高速桐梓服务区设卡。")
    assert ("杭瑞高速桐梓服务区", "LOC") in got


@pytest.mark.parametrize("text, area", [
    ("水警在太湖吴中水域查获电鱼船一艘。", "太湖吴中水域"),
    ("民警在鄱阳湖都昌水域开展夜间巡查。", "鄱阳湖都昌水域"),
])
def test_a_known_lake_with_a_named_area_is_one_loc(tagger, text, area):
    got = found(tagger, text)
    assert (area, "LOC") in got
    assert not [s for s, label in got if label == "GPE"]  # 都昌 is the area's name here


def test_an_unnamed_area_after_a_river_is_not_taken(tagger):
    got = found(tagger, "民警在长江附近水域救起一名落水者。")
    assert ("长江", "LOC") in got
    assert not [s for s, label in got if s.endswith("水域")]


def test_two_common_nouns_joined_are_no_site(tagger):
    text = "沿线湖泊和水库一律禁止垂钓。"
    words = ["沿线", "湖泊", "和", "水库", "一律", "禁止", "垂钓", "。"]  # as pkuseg cuts it
    tokens, at = [], 0
    for w in words:
        tokens.append((at, at + len(w)))
        at += len(w)
    assert not [c for c in tagger.rules.loc_candidates(text, tokens) if c.label == "LOC"]
    tokens[1:3] = [(2, 3), (3, 5)]  # 湖 + 泊和: no word ends before 和, the rule may read a name
    assert [text[c.start:c.end] for c in tagger.rules.loc_candidates(text, tokens)] == ["泊和水库"]


def test_a_name_ending_in_he_stays_a_site(tagger):
    assert ("人和广场", "LOC") in found(tagger, "市民在人和广场跳舞。")


def test_a_joint_verb_ends_an_org(tagger):
    got = found(tagger, "近日，郸城县公安局刑侦大队联合宁平派出所破获一起案件。")
    assert ("郸城县公安局刑侦大队", "ORG") in got
    assert ("宁平派出所", "ORG") in got


def test_a_determiner_after_a_joint_verb_names_no_body(tagger):
    got = found(tagger, "市反诈中心联合各分局开展断卡行动。")
    assert ("市反诈中心", "ORG") in got
    assert not [s for s, label in got if s.endswith("分局")]


@pytest.mark.parametrize("text, site", [
    ("游客在滕王阁前合影。", "滕王阁"),  # a pavilion
    ("两省在太平渡设立联合执法点。", "太平渡"),  # a ferry crossing
])
def test_a_model_gpe_ending_like_a_pavilion_or_ferry_is_a_loc(tagger, text, site):
    from pipeline.stages.entities.model import vet_spans

    s = text.index(site)
    got = vet_spans(tagger.rules, text, [(s, s + len(site), "GPE")], "body")
    assert [(text[c.start:c.end], c.label) for c in got] == [(site, "LOC")]


def test_the_information_superhighway_is_no_road(tagger):
    assert not [s for s, label in found(tagger, "建设国家信息高速公路。") if label == "LOC"]


@pytest.mark.parametrize("text, site", [
    ("交警在淮河蚌埠闸附近查处酒驾。", "淮河蚌埠闸"),  # a sluice on a known river
    ("车辆驶上汾河迎泽大桥后追尾。", "汾河迎泽大桥"),  # a bridge named on it
])
def test_a_site_named_on_a_known_river_is_one_loc_with_it(tagger, text, site):
    assert (site, "LOC") in found(tagger, text)


def test_a_police_station_named_by_a_river_site_is_no_site(tagger):
    got = found(tagger, "淮河蚌埠闸派出所民警巡查。")
    assert ("淮河蚌埠闸", "LOC") not in got


@pytest.mark.parametrize("text, road", [
    ("一辆客车在G1501绕城高速城东段抛锚。", "G1501绕城高速城东段"),  # no places' initials
    ("交警在S20穗深高速公路上拦下一辆货车。", "S20穗深高速公路"),
])
def test_a_route_number_makes_a_highway_of_any_name(tagger, text, road):
    assert (road, "LOC") in found(tagger, text)
