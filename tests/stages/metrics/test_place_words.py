"""Places that are no place of the figure: a division name inside a longer word or a quoted name,
a person's home, and the first names of a list the figure counts (issue 12, PD1998 classes)."""

from __future__ import annotations

import pytest

from .helpers import attribute, make_article


@pytest.mark.parametrize("paragraphs, span, place", [
    # 北海道 is one pkuseg word: no 广西北海市 in it; the country stays.
    (["日本北海道警方上月共查获走私枪支12支。"], "12支", "日本"),
    # ... but a division written in full or a place's police in one word still name it.
    (["广州市公安局今年破获案件300起。"], "300起", "广东省广州市"),
    (["湖北警方今年破获案件300起。"], "300起", "湖北省"),
])
def test_place_inside_a_longer_word(extractor, paragraphs, span, place):
    assert attribute(extractor, make_article(paragraphs), span, "place") == place


@pytest.mark.parametrize("paragraphs, span, place", [
    # “四川长虹”, “浙江中汇”: stocks named after a province; the theft is the paragraph's 上海.
    (["在上海一家商场，去年发生了3起盗窃案件。3位顾客的“四川长虹”电视、“浙江中汇”股票及价值5万多元的首饰被盗。"],
     "5万多元", "上海市"),
    # A place alone in quotes is still that place.
    (["去年“四川”共破获案件500起。"], "500起", "四川省"),
])
def test_place_heading_a_quoted_name(extractor, paragraphs, span, place):
    assert attribute(extractor, make_article(paragraphs), span, "place") == place


@pytest.mark.parametrize("paragraphs, span, place", [
    # 家住朝天区的王某: a person's home; the figure is the story's city.
    (["广元市交警支队近日处理一起事故。", "家住朝天区的王某驾车撞上护栏，花去修理费2000元。"], "2000元",
     "四川省广元市"),
    (["广元市公安局破获一起盗窃案。", "犯罪嫌疑人张某，男，朝天区人，共盗窃现金3万元。"], "3万元", "四川省广元市"),
    # A district that acted keeps its figure.
    (["广元市公安局部署打击盗窃。", "朝天区公安分局共破获盗窃案件30起。"], "30起", "四川省广元市朝天区"),
])
def test_persons_home_is_not_the_place(extractor, paragraphs, span, place):
    assert attribute(extractor, make_article(paragraphs), span, "place") == place


@pytest.mark.parametrize("paragraphs, span, place", [
    # 最高人民检察院 honours 北京市海淀区人民检察院等20个单位: units all over the country.
    (["最高人民检察院日前作出决定，授予北京市海淀区人民检察院等20个单位“先进集体”称号。"], "20个", "全国"),
    (["公安部近日通报表彰一批先进集体，河北省邯郸市公安局等120个集体受到表彰。"], "120个", "全国"),
    # A place that acted before 等地 keeps its figure.
    (["邯郸市公安局在各县等地共破获案件50起。"], "50起", "河北省邯郸市"),
])
def test_first_names_of_a_counted_list(extractor, paragraphs, span, place):
    assert attribute(extractor, make_article(paragraphs), span, "place") == place


@pytest.mark.parametrize("paragraphs, span, place", [
    # 台湾板桥地方法院, 台北市警方: a place in Taiwan keeps its city and district like any province's
    # (settled in the twenty-fifth blind set, attribution_pages14)
    (["台湾板桥地方法院今天宣判，主犯陈某被判处5个死刑。"], "5个", "台湾省新北市板桥区"),
    (["台北市警方去年破获案件300起。"], "300起", "台湾省台北市"),
    # ... while a city of another province keeps its city.
    (["福州市警方去年破获案件300起。"], "300起", "福建省福州市"),
])
def test_taiwan_is_one_province(extractor, paragraphs, span, place):
    assert attribute(extractor, make_article(paragraphs), span, "place") == place


def test_organ_acting_on_a_list_of_people_keeps_its_place(extractor):
    """武山县人民检察院对被告人王某军等5人提起公诉: the organ acted on the list, its county keeps the 5人."""
    doc = make_article(["8月，武山县人民检察院对被告人王某军等5人以非法采矿罪提起公诉。"])
    assert attribute(extractor, doc, "5人", "place") == "甘肃省天水市武山县"


def test_country_inside_a_longer_word_keeps_its_country(extractor):
    """在雅加达外汇市场上，印尼盾对美元的比价下跌了13% (印尼盾 one word): the country's figure."""
    doc = make_article(["在雅加达外汇市场上，印尼盾对美元的比价昨天下跌了13%。"])
    assert attribute(extractor, doc, "13%", "place") == "印度尼西亚"


def test_provinces_listed_before_a_count_are_spread(extractor):
    """在广东、河北、辽宁、湖北等5省进行抽查: places listed (not organs), the figure is their spread."""
    doc = make_article(["上海市质检部门介绍。", "这次抽查在广东、河北、辽宁、湖北等5省、市进行。"])
    assert attribute(extractor, doc, "5省", "place") == "全国"


def test_bare_taiwan_district_name_is_no_place(extractor):
    """地质队在工区内找到淡水 in a 新疆 report: 淡水 is water, not 台湾's 淡水区 (nor 台湾省)."""
    doc = make_article(["新疆阿其克地区缺水。", "今年地质队在工区内找到淡水，并打了一口深500米的水井。"])
    assert attribute(extractor, doc, "500米", "place") == "新疆维吾尔自治区"


def test_country_heading_a_quoted_name_keeps_its_place(extractor):
    """“中国光明工程”启动，我国尚有7200万无电人口: a national programme, the figure stays 全国."""
    doc = make_article(["“中国光明工程”今天启动，据介绍，尚有7200万无电人口。"])
    assert attribute(extractor, doc, "7200万", "place") == "全国"
