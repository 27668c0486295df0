"""Issue 15, third pass on places: a place that names a site, sections of highways named by a
city with a numeral, the part of a lake, a town inside a model LOC, 会同 as a verb. Sentences
written for the tests."""

from __future__ import annotations

import pytest

from pipeline.stages.entities.model import vet_spans

from .helpers import found


@pytest.mark.parametrize("text, site", [
    ("民警在德安收费站提前分流车辆。", "德安收费站"),        # county + toll station
    ("事故发生在庐山服务区附近。", "庐山服务区"),            # city + service area
    ("交警在九江长江大桥两端设点。", "九江长江大桥"),        # city + bridge over the Yangtze
    ("巡逻车组停在邯郸东站周边。", "邯郸东站"),              # city + railway station
    ("执勤点设在鄱阳湖二桥两端。", "鄱阳湖二桥"),            # lake + second bridge
    ("采砂船多次在东洞庭湖自然保护区内作业。", "东洞庭湖自然保护区"),  # lake part + reserve
])
def test_a_place_that_names_a_site_is_one_loc(tagger, text, site):
    assert (site, "LOC") in found(tagger, text)


def test_a_site_word_after_a_county_inside_another_name_is_no_site(tagger):
    # 大名府故城景区: 故城 (a county elsewhere) is inside the name 大名府故城.
    got = found(tagger, "执法人员在大名府故城景区查处无证经营。")
    assert ("故城景区", "LOC") not in got and ("故城", "GPE") not in got


def test_a_site_before_an_organ_is_left_to_the_org_rule(tagger):
    assert ("邯郸东站", "LOC") not in found(tagger, "邯郸东站派出所民警巡逻。")


@pytest.mark.parametrize("text, section", [
    ("车流在福银高速九江段持续高位运行。", "福银高速九江段"),   # 九 is a numeral, 九江 a city
    ("民警在连霍高速洛阳段查处危险驾驶。", "连霍高速洛阳段"),   # 霍 starts a highway's name
])
def test_a_highway_section_named_by_a_city_is_one_loc(tagger, text, section):
    assert (section, "LOC") in found(tagger, text)


def test_the_part_of_a_lake_is_inside_its_name(tagger):
    assert ("西洞庭湖", "LOC") in found(tagger, "民警依托沅水、西洞庭湖水上检查站开展查缉。")


def test_a_town_at_the_start_of_a_model_loc_is_split_off(tagger):
    # The model's LOC 城东街道星湖大道 is the town (GPE) + the avenue (LOC).
    text = "消防员赶到城东街道星湖大道一商铺。"
    s = text.index("城东")
    cands = vet_spans(tagger.rules, text, [(s, s + 8, "LOC")], "body", None, None, [])
    assert sorted((text[c.start:c.end], c.label) for c in cands) == [("城东街道", "GPE"),
                                                                      ("星湖大道", "LOC")]


def test_a_river_before_hepan_after_a_town_is_the_rivers_name(tagger):
    # 湄江街道湄江河畔: the river is 湄江 (河畔 = riverside), not 湄江河.
    got = found(tagger, "民警在湄江街道湄江河畔一出租屋内将其抓获。")
    assert ("湄江", "LOC") in got and ("湄江河", "LOC") not in got


@pytest.mark.parametrize("text, org", [
    ("该局会同白云区公安分局开展检查。", "白云区公安分局"),
    ("接到报告后，会同三市派出所民警上门调解。", "三市派出所"),
    ("最高检会同公安部交通管理局开展专项行动。", "公安部交通管理局"),
    ("大名警方会同县市场监管局开展检查。", "县市场监管局"),
])
def test_huitong_as_a_verb_is_outside_the_org(tagger, text, org):
    got = found(tagger, text)
    assert (org, "ORG") in got
    assert not any(t.startswith("会同") for t, _ in got)


@pytest.mark.parametrize("text", [
    "怀化市检察院会同公安、司法等部门召开联席会议。",  # in 怀化, whose county 会同 is
    "怀化警方会同有关单位排查隐患。",
])
def test_huitong_after_an_organ_is_the_verb_not_the_county(tagger, text):
    """怀化市检察院会同公安部门: 会同 after the organ that acts is "together with", not 会同县."""
    assert not any(t.startswith("会同") for t, _ in found(tagger, text))


def test_huitong_county_at_the_start_of_a_clause_stays_the_county(tagger):
    assert ("会同县公安局", "ORG") in found(tagger, "会同县公安局破获一起盗窃案。")


@pytest.mark.parametrize("text, name", [
    ("来源：广西新闻网", "广西新闻网"),                   # place + 新闻网 is an outlet
    ("他通过支付宝和云闪付转账12万元。", "云闪付"),       # payment platform
])
def test_outlets_and_platforms_are_orgs(tagger, text, name):
    assert (name, "ORG") in found(tagger, text)


def test_a_police_sub_unit_stays_inside_the_org(tagger):
    assert ("岳阳市公安局水上分局", "ORG") in found(tagger, "岳阳市公安局水上分局民警赶到现场。")
    assert ("宜昌市公安局网警支队", "ORG") in found(tagger, "宜昌市公安局网警支队在工作中发现线索。")


@pytest.mark.parametrize("text, section", [
    ("钓鱼人被困在东洞庭湖君山段一处沙洲上。", "东洞庭湖君山段"),   # part of a lake + section
    ("福银高速、杭瑞高速九江段车流量大。", "杭瑞高速九江段"),       # 瑞 starts a highway's name
])
def test_more_sections_are_one_loc(tagger, text, section):
    assert (section, "LOC") in found(tagger, text)


def test_a_county_short_form_before_a_named_site_is_its_own_gpe(tagger):
    # [嘉善][西塘古镇]: an old town (古镇) is a site, no town GPE.
    got = found(tagger, "朱某等5人在嘉善西塘古镇附近租用民房。")
    assert ("嘉善", "GPE") in got and ("西塘古镇", "LOC") in got


def test_a_county_short_form_that_is_an_everyday_word_does_not_split_a_model_loc(tagger):
    # 古城 (丽江's 古城区) is "the old city" here: the model's LOC stays whole.
    text = "游客参观了古城清真寺。"
    s = text.index("古城")
    cands = vet_spans(tagger.rules, text, [(s, s + 5, "LOC")], "body", None, None,
                      tagger.rules.scan_places(text))
    assert [(text[c.start:c.end], c.label) for c in cands] == [("古城清真寺", "LOC")]


def test_huitong_before_a_bare_organ_word_gives_no_org(tagger):
    got = found(tagger, "工商局会同公安、税务部门开展检查。")
    assert not any(label == "ORG" and t in ("公安", "会同公安") for t, label in got)


@pytest.mark.parametrize("text, wrong", [
    ("渔船在灵山岛以东海域使用禁用网具。", "海域"),        # a sea area is no division
    ("冬春要持续做好景区安全工作。", "做好景区"),          # a verb starts no site
    ("网民在网站上发布涉西湖断桥的不实信息。", "涉西湖断桥"),  # 涉 "concerning" starts none
])
def test_words_that_are_no_places(tagger, text, wrong):
    assert all(t != wrong for t, _ in found(tagger, text))


def test_a_model_place_ending_in_a_grotto_is_a_site(tagger):
    text = "警方守护龙门石窟等景区平安。"
    s = text.index("龙门")
    cands = vet_spans(tagger.rules, text, [(s, s + 4, "GPE")], "body", None, None, [])
    assert [(text[c.start:c.end], c.label) for c in cands] == [("龙门石窟", "LOC")]


def test_the_ends_of_a_railway_are_no_places(tagger):
    # 京广高铁: 京 after 在 is no "in Beijing" here.
    text = "警方在京广高铁邯郸东站周边查处黑车。"
    s = text.index("京")
    assert vet_spans(tagger.rules, text, [(s, s + 1, "GPE")], "body",
                     [(k, k + 1) for k in range(len(text))], None, []) == []


@pytest.mark.parametrize("text, name", [
    ("检方起诉林姓主嫌等9人。", "林姓"),      # Taiwan-style: surname + 姓 before a person word
    ("一名张姓妇人遭假冒检察官诈骗。", "张姓"),
])
def test_surname_xing_before_a_person_word_is_a_person(tagger, text, name):
    assert (name, "PERSON") in found(tagger, text)


def test_xing_inside_a_word_is_no_person(tagger):
    assert not any(label == "PERSON" for _, label in found(tagger, "老百姓男女老少都来了。"))


@pytest.mark.parametrize("text, name", [
    ("民警胡某迅速赶到现场。", "胡某"),    # 迅速 goes on the sentence, 迅 is no given name here
    ("民警将蓝某抓获。", "蓝某"),          # 抓 (抓获) is a verb
])
def test_a_verb_after_mou_is_no_given_name(tagger, text, name):
    got = found(tagger, text)
    assert (name, "PERSON") in got and not any(t.startswith(name) and t != name for t, _ in got)


def test_place_plus_xiaofang_is_the_fire_service(tagger):
    assert ("肇庆消防", "ORG") in found(tagger, "肇庆消防提醒：电动自行车不要在楼道充电。")
    assert ("肇庆消防", "ORG") not in found(tagger, "肇庆消防安全形势总体平稳。")


def test_a_model_org_of_a_place_and_a_verb_is_vetoed(tagger):
    text = "常德通报今年以来禁毒工作成效"
    assert vet_spans(tagger.rules, text, [(0, 4, "ORG")], "title", None, None,
                     tagger.rules.scan_places(text)) == []


@pytest.mark.parametrize("text, org", [
    ("造成不良影响。区委网信办在巡查中发现问题。", "区委网信办"),   # 区委 + 网信办: one organ
    ("并请来县自然资源局工作人员现场勘查。", "县自然资源局"),       # 请来 + a place-less organ
    ("案件已移送区人民检察院审查起诉。", "区人民检察院"),           # 移送 + a place-less organ
])
def test_more_place_less_organs(tagger, text, org):
    assert (org, "ORG") in found(tagger, text)


def test_a_speech_verb_after_mou_is_no_given_name(tagger):
    got = found(tagger, "市委宣传部副部长王某介绍了有关情况。")
    assert ("王某", "PERSON") in got and ("王某介", "PERSON") not in got


def test_a_date_glued_to_a_web_timestamp_is_found(tagger):
    # The clean stage joins "…10:30" and the next line "2月2日至4日，…": the minutes are no
    # part of the date after them.
    got = found(tagger, "九江市公安局交通管理支队  2025-02-05 10:302月2日至4日，福银高速车流量大。")
    assert ("2025-02-05 10:30", "DATE") in got and ("2月2日至4日", "DATE") in got


def test_a_police_station_named_by_a_lake_is_one_org(tagger):
    assert ("洞庭湖水上派出所", "ORG") in found(tagger, "洞庭湖水上派出所救起两名被困钓鱼人。")


def test_a_word_for_the_banks_is_no_name_of_a_pier(tagger):
    assert ("沿线码头", "LOC") not in found(tagger, "西江肇庆段沿线码头被列为重点检查区域。")


def test_a_model_site_takes_the_site_word_after_it(tagger):
    text = "两人在博斯腾湖景区附近兜售假药。"
    got = vet_spans(tagger.rules, text, [(3, 7, "LOC")], "body")
    assert [(text[c.start:c.end], c.label) for c in got] == [("博斯腾湖景区", "LOC")]
    text = "博斯腾湖景区管委会发布通告。"  # the site's management body: the LOC stays the lake
    got = vet_spans(tagger.rules, text, [(0, 4, "LOC")], "body")
    assert [(text[c.start:c.end], c.label) for c in got] == [("博斯腾湖", "LOC")]


@pytest.mark.parametrize("text, site", [
    ("引导车辆经白鹤岭收费站分流。", "白鹤岭收费站"),  # a name that is no place of the gazetteer
    ("货车在梅花岭服务区停靠时被查。", "梅花岭服务区"),
])
def test_a_toll_station_or_service_area_is_one_loc_with_its_own_name(tagger, text, site):
    assert (site, "LOC") in found(tagger, text)


def test_a_kind_of_toll_station_is_no_name(tagger):
    assert not [s for s, label in found(tagger, "车辆在主线收费站排起长队。") if label == "LOC"]


@pytest.mark.parametrize("text, street", [
    ("他在西关后街租房。", "西关后街"),
    ("民警在书院前街巡逻。", "书院前街"),
])
def test_a_front_or_back_street_is_one_loc(tagger, text, street):
    assert (street, "LOC") in found(tagger, text)


@pytest.mark.parametrize("text, area", [
    ("驴友在太行山东麓迷路。", "太行山东麓"),
    ("他在天山南麓的牧场放羊。", "天山南麓"),
])
def test_a_known_mountain_takes_its_foot(tagger, text, area):
    assert (area, "LOC") in found(tagger, text)
