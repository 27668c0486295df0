"""Issue 15, places that are no administrative unit (LOC): sites, water areas, scenic areas,
and the city written before a site. Sentences written for the tests."""

from __future__ import annotations

import pytest

from pipeline.stages.entities.model import vet_spans

from .helpers import found


@pytest.mark.parametrize("text, site", [
    ("民警在柳叶湖巡查时发现一艘小船。", "柳叶湖"),          # lake
    ("游客在西塘古镇附近走失。", "西塘古镇"),                # old town
    ("民警在凤城河风景区巡逻。", "凤城河风景区"),  # scenic area
    ("宣传队来到穿紫河风光带。", "穿紫河风光带"),            # scenic belt
    ("警力部署到白马寺周边。", "白马寺"),                    # temple
    ("海事部门在庙嘴渡口设立检查点。", "庙嘴渡口"),          # ferry
])
def test_site_words_make_a_loc(tagger, text, site):
    assert (site, "LOC") in found(tagger, text)


def test_a_city_before_a_site_is_its_own_gpe(tagger):
    # [泉州][东湖公园]: the city the site lies in stays apart (GUIDE_entities.md, LOC).
    got = found(tagger, "执法人员在中山路、泉州东湖公园开展宣传。")
    assert ("泉州", "GPE") in got and ("东湖公园", "LOC") in got
    assert ("泉州东湖", "LOC") not in got


def test_a_site_word_before_another_does_not_cut_the_name(tagger):
    assert ("东湖", "LOC") not in found(tagger, "市民在东湖公园散步。")


@pytest.mark.parametrize("text, wrong", [
    ("交警在通往灵隐寺的路口维持秩序。", "通往灵隐寺"),   # a verb starts no site name
    ("该集团原董事长红塔集团被查。", "红塔"),             # 塔 + 集团 names a company
    ("经与开曼群岛金融当局接触。", "开曼群岛"),           # 群岛: left to the gazetteer/model
])
def test_site_words_that_name_no_site(tagger, text, wrong):
    assert (wrong, "LOC") not in found(tagger, text)


def test_a_long_lake_name_is_found_inside_a_word(tagger):
    # 涉鄱阳湖: pkuseg may glue 涉 to the lake; a 3-character gazetteer name needs no boundary.
    from .helpers import make_doc
    text = "法院审结涉鄱阳湖非法捕捞案件。"
    doc = make_doc(text, tagger.nlp)
    doc.sentences[0].doc = tagger.nlp.make_doc(text)
    words = [(0, 1), (1, 3), (3, 5), (5, 9), (9, 11), (11, 13), (13, 15), (15, 16)]
    places = tagger.rules.gpe_candidates(text, set(), {b for w in words for b in w})
    assert ("鄱阳湖", "LOC") in {(text[c.start:c.end], c.label) for c in places}


@pytest.mark.parametrize("text, span, label", [
    ("检察官在高升桥附近发现隐患。", "高升桥", "LOC"),   # a bridge is no administrative unit
    ("渔船在通吕运河非法捕捞。", "通吕运河", "LOC"),
    ("民警在镇江市执勤。", "镇江市", "GPE"),             # a division stays a GPE
])
def test_a_model_gpe_that_ends_like_a_site_is_a_loc(tagger, text, span, label):
    s = text.index(span)
    cands = vet_spans(tagger.rules, text, [(s, s + len(span), "GPE")], "body", None, None,
                      tagger.rules.scan_places(text))
    assert [(text[c.start:c.end], c.label) for c in cands] == [(span, label)]


def test_a_model_loc_starting_with_a_city_is_split(tagger):
    text = "市场监管局在泉州东湖公园开展宣传活动。"
    s = text.index("泉州")
    cands = vet_spans(tagger.rules, text, [(s, s + 6, "LOC")], "body", None, None,
                      tagger.rules.scan_places(text))
    assert sorted((text[c.start:c.end], c.label) for c in cands) == [("东湖公园", "LOC"),
                                                                      ("泉州", "GPE")]


def test_a_model_place_before_a_town_word_is_the_town(tagger):
    # 簇桥 (the model's LOC) + 街道: the town named without its county is one GPE.
    text = "检察官在簇桥街道走访时发现隐患。"
    s = text.index("簇桥")
    cands = vet_spans(tagger.rules, text, [(s, s + 2, "LOC")], "body", None, None, [])
    assert [(text[c.start:c.end], c.label) for c in cands] == [("簇桥街道", "GPE")]


def test_a_county_town_gives_the_county_short_name(tagger):
    got = found(tagger, "陈某在霍邱县城一酒店操办婚宴。")
    assert ("霍邱", "GPE") in got and ("霍邱县", "GPE") not in got
    assert ("城关镇", "GPE") in found(tagger, "民警在霍邱县城关镇巡逻。")




@pytest.mark.parametrize("text, water", [
    ("沂河兰山段、祊河沿线的非法采砂问题被列为重点。", "祊河"),
    ("多人在双林塘沿岸倾倒建筑垃圾。", "双林塘"),
])
def test_a_river_before_its_banks_is_a_loc(tagger, text, water):
    assert (water, "LOC") in found(tagger, text)


def test_a_generic_pier_is_no_loc(tagger):
    assert ("私人码头", "LOC") not in found(tagger, "渔获准备运往一处私人码头销售。")


@pytest.mark.parametrize("text, loc", [
    ("西双版纳州在中老边境查获毒品案件32起。", "中老边境"),
    ("近日，长株潭地区有雨雪天气。", "长株潭"),
    ("旺角一带的商户表示生意受影响。", "旺角"),
])
def test_borders_regions_and_neighbourhoods_are_loc(tagger, text, loc):
    assert (loc, "LOC") in found(tagger, text)


@pytest.mark.parametrize("text, loc", [
    ("民警在107国道两旁设置了警示牌。", "107国道"),
    ("皇岗、文锦渡等货运现场增派了关员。", "文锦渡"),
])
def test_numbered_roads_and_land_ports_are_loc(tagger, text, loc):
    assert (loc, "LOC") in found(tagger, text)


def test_a_phrase_before_a_site_word_is_no_site(tagger):
    # 了 stands in no site's name (为了搞好 + 旅游区)
    assert ("为了搞好旅游区", "LOC") not in found(tagger, "，为了搞好旅游区的治安秩序。")
