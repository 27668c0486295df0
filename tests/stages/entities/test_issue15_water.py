"""Issue 15, water bodies, islands and mountains (LOC): the mined list of names, a river named
after a county, an island after its county, a river's mouth. Sentences written for the tests."""

from __future__ import annotations

import pytest

from .helpers import found


@pytest.mark.parametrize("text, loc", [
    ("渔政船在大亚湾附近海域巡查。", "大亚湾"),          # a bay of the mined list
    ("两名驴友在太行山深处迷路。", "太行山"),            # a mountain range
    ("民警在泸沽湖边劝离野泳人员。", "泸沽湖"),          # a lake
])
def test_names_of_the_nature_list_are_loc(tagger, text, loc):
    assert (loc, "LOC") in found(tagger, text)


@pytest.mark.parametrize("text, river, county", [
    ("救援队沿华容河上行约8公里。", "华容河", "华容"),
    ("在华容河入湖口附近找到二人。", "华容河", "华容"),   # pkuseg: 华容 | 河入 | 湖口
])
def test_a_county_name_before_a_river_word_is_the_river(tagger, text, river, county):
    got = found(tagger, text)
    assert (river, "LOC") in got and (county, "GPE") not in got


def test_a_rivers_mouth_is_no_county(tagger):
    assert ("湖口", "GPE") not in found(tagger, "在华容河入湖口附近找到二人。")
    assert ("湖口县", "GPE") in found(tagger, "江西省九江市湖口县发生一起案件。")


@pytest.mark.parametrize("text, place, label", [
    ("镇江江心洲一带有民警巡逻。", "镇江江", "LOC"),    # the word goes on: no river 镇江江
    ("他在长沙河西上班。", "长沙河", "LOC"),
    ("桃江县警方通报了案情。", "桃江", "LOC"),          # a county of its own
])
def test_a_county_before_another_word_is_no_river(tagger, text, place, label):
    assert (place, label) not in found(tagger, text)


def test_an_island_after_its_county_is_split_from_it(tagger):
    got = found(tagger, "兴化千垛景区和靖江马洲岛的农家乐全部完成整改。")
    assert ("靖江", "GPE") in got and ("马洲岛", "LOC") in got



@pytest.mark.parametrize("text, wrong", [
    ("火车站共上岛售票12万余张。", "共上岛"),      # 上岛: a verb
    ("官兵提出爱舰爱岛爱海洋。", "舰爱岛"),
])
def test_a_verb_before_dao_makes_no_island(tagger, text, wrong):
    assert (wrong, "LOC") not in found(tagger, text)


@pytest.mark.parametrize("text, loc", [
    ("民警在雷州湾海域和洞庭湖水域巡查。", "洞庭湖水域"),   # the area after a known lake
    ("长江流域十年禁渔。", "长江流域"),
    ("刘某在负责潍河沿岸整治项目时受贿。", "潍河"),        # the river as pkuseg's word, not 负责潍河
])
def test_water_areas_and_banks_take_the_waters_name(tagger, text, loc):
    assert (loc, "LOC") in found(tagger, text)


def test_a_highway_after_a_date_does_not_take_its_day(tagger):
    got = found(tagger, "10月1日沪昆高速关岭段一货车侧翻。")
    assert ("沪昆高速关岭段", "LOC") in got and ("日沪昆高速关岭段", "LOC") not in got


@pytest.mark.parametrize("text, river", [
    ("判令修复桃江沿岸矿区生态。", "桃江"),          # a county's short form before its banks
    ("一男子锦江落水，路过市民施救。", "锦江"),
    ("在鉴江入海口查办走私案件。", "鉴江"),
])
def test_a_river_before_water_words_is_a_loc(tagger, text, river):
    assert (river, "LOC") in found(tagger, text)


def test_a_city_before_water_words_stays_a_gpe(tagger):
    assert ("湘潭", "LOC") not in found(tagger, "湘潭沿线各地加强巡查。")


def test_a_count_of_counties_before_their_organs_is_no_org(tagger):
    # 叙永、古蔺两县检察院: two bodies; the counties are the GPEs
    got = found(tagger, "叙永县、古蔺县两县检察院签订协议。")
    assert not [e for e in got if e[1] == "ORG" and "两县" in e[0]]
    assert ("三市派出所", "ORG") in found(tagger, "会同三市派出所民警上门调解。")


def test_a_site_name_may_start_with_its_only_numeral(tagger):
    assert ("七里山码头", "LOC") in found(tagger, "在洞庭南路和七里山码头设置警示牌。")
    got = found(tagger, "在一条路和三个公园附近。")
    assert not [e for e in got if e[1] == "LOC"]


@pytest.mark.parametrize("text, site", [
    ("据杭州网记者报道，当地警方破案。", "杭州网"),     # a place + 网 in a byline
    ("【大江网讯】记者从南昌获悉。", "大江网"),         # a name after a mark + 网讯
])
def test_a_website_in_a_byline_is_an_org(tagger, text, site):
    got = found(tagger, text)
    assert (site, "ORG") in got and ("杭州", "GPE") not in got


def test_going_online_is_no_website(tagger):
    assert not [e for e in found(tagger, "他在上网讯息中说明情况。") if e[1] == "ORG"]


def test_a_list_closed_by_a_township_word_gives_towns(tagger):
    got = found(tagger, "对福宝、尧坝等古镇周边溪河开展巡查。")
    assert ("福宝", "GPE") in got and ("尧坝", "GPE") in got
    assert not [e for e in found(tagger, "王明、李华等村民反映情况。") if e[1] == "GPE"]
