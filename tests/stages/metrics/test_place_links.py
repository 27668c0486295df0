"""Places read against the organ that acted (place_links): where suspects came back from, a helping
organ after 会同, a site outside the organ's area, the people's places, lists with untagged names,
headline figures restating a body figure."""

from __future__ import annotations

import pytest

from pipeline.document import EntitySpan
from pipeline.places import Gazetteer

from .helpers import attribute, make_article


@pytest.mark.parametrize("paragraphs, span, place", [
    # 从老挝押解回国: where the suspects were brought back from is not the figure's place
    (["今年以来，丽水市公安局从老挝押解回国电诈犯罪嫌疑人27名。"], "27名", "浙江省丽水市"),
    # 会同: the leading organ's figure, not the helper's; 在江西、安徽等地: a site outside its area
    (["丽水市公安局通报。", "莲都区公安分局会同市公安局网安支队，在江西、安徽等地抓获犯罪嫌疑人19名。"], "19名",
     "浙江省丽水市莲都区"),
    (["莲都区公安分局会同衢州市公安局，在江西等地抓获犯罪嫌疑人21名。"], "21名", "浙江省丽水市莲都区"),
    # a den abroad with no organ in the sentence: the case stays the report's
    (["丽水市公安局破获一起跨境诈骗案。", "经查，该团伙在老挝设立窝点，诈骗群众150余人。"], "150余人", "浙江省丽水市"),
    # 骗取全国各地买家: how far the victims lived, the figure the county's
    (["莲都区公安分局破获一起网络诈骗案，嫌疑人以网店名义骗取全国各地买家货款26万元。"], "26万元", "浙江省丽水市莲都区"),
    # 向…等地农户: where the victims live
    (["丽水市莲都区人民法院审结一起案件。", "其中，该院审理的案件中，被告人向碧湖镇等地农户销售假化肥，被判处罚金3万元。"],
     "3万元", "浙江省丽水市莲都区"),
])
def test_the_acting_organ_keeps_the_figure(extractor, paragraphs, span, place):
    assert attribute(extractor, make_article(paragraphs), span, "place") == place


def test_a_firm_named_after_the_city_keeps_the_district_before_it(extractor):
    """莲都区检察院…选择丽水市公交公司作为突破口，查获…6起: the district's, not the firm's city."""
    doc = make_article(["莲都区检察院瞄准了交通行业，选择丽水市公交公司作为突破口，一举查获贪污案件6起。"])
    firm = doc.clean.index("丽水市公交公司")  # the firm as the model tags it (ORG), not its city alone
    doc.entities = [e for e in doc.entities if e.start != firm] + [
        EntitySpan(sentence=0, start=firm, end=firm + len("丽水市公交公司"), label="ORG")]
    doc.entities.sort(key=lambda e: e.start)
    assert attribute(extractor, doc, "6起", "place") == "浙江省丽水市莲都区"


def test_a_short_district_name_is_read_in_its_own_articles_city(extractor):
    """A page of two articles, 南京市公安局… then 福州市公安局…鼓楼区公安分局破获案件12起: 鼓楼区 is
    福州's (the second article's city), not 南京's named in the first article."""
    from pipeline.document import ArticleSpan

    doc = make_article(["南京市公安局通报，全市破获案件30起。", "福州市公安局召开会议。", "鼓楼区公安分局破获案件12起。"])
    for sentence in doc.sentences[1:]:
        sentence.article = 1
    doc.articles[0] = ArticleSpan(index=0, segments=[(doc.sentences[0].start, doc.sentences[0].end)], title="")
    doc.articles.append(ArticleSpan(index=1, segments=[(doc.sentences[1].start, doc.sentences[-1].end)], title=""))
    assert attribute(extractor, doc, "12起", "place") == "福建省福州市鼓楼区"
    assert attribute(extractor, doc, "30起", "place") == "江苏省南京市"


def test_a_citywide_scope_with_no_place_before_it_is_the_city_of_its_parts(extractor):
    """2024年，全市共发生事故820起。其中，莲都区、青田县分别发生事故210起、160起 (no city named before) ->
    全市 is 丽水市, the city its parts lie in; 全市…其中，龙泉市… is no 龙泉市 (a part, not the whole)."""
    doc = make_article(["2024年，全市共发生事故820起。其中，莲都区、青田县分别发生事故210起、160起。"])
    assert attribute(extractor, doc, "820起", "place") == "浙江省丽水市"
    doc = make_article(["2024年，全市共发生事故820起。其中，龙泉市发生事故210起。"])
    assert attribute(extractor, doc, "820起", "place") != "浙江省丽水市龙泉市"


def test_a_bare_name_of_a_far_district_does_not_vouch_for_itself(extractor):
    """莲都区公安分局…。碧湖、南岸两个派出所辖区警情下降14%: 南岸 is a station's name here, not
    重庆市南岸区 (a bare district name of a province the article does not name is no place)."""
    doc = make_article(["莲都区公安分局开展巡查，查处治安案件64起。碧湖、南岸两个派出所辖区警情同比下降14%。"])
    bare = doc.clean.index("南岸")  # the name as the model tags it (GPE)
    doc.entities = [e for e in doc.entities if not e.start <= bare < e.end] + [
        EntitySpan(sentence=1, start=bare, end=bare + 2, label="GPE")]
    doc.entities.sort(key=lambda e: e.start)
    assert attribute(extractor, doc, "14%", "place") == "浙江省丽水市莲都区"


def test_a_short_county_name_is_read_in_the_province_of_a_county_named_in_full(extractor):
    """延吉市 names 延边 (22, 2224): a bare 龙井 there is 龙井市, not 台中's 龙井区; 珲春边境管理大队 is 珲春's."""
    doc = make_article(["延吉市公安局破获案件9起。", "另外，龙井警方抓获网上逃犯3名。",
                        "珲春边境管理大队查获偷越国境人员2名。"])
    assert attribute(extractor, doc, "3名", "place") == "吉林省延边朝鲜族自治州龙井市"
    assert attribute(extractor, doc, "2名", "place") == "吉林省延边朝鲜族自治州珲春市"


def test_each_county_of_a_list_after_fenbie_with_its_figure(extractor):
    """遂昌、松阳、云和三县分别…9起、7起、12起: each figure its county's."""
    doc = make_article(["丽水市公安局通报，1至5月，遂昌、松阳、云和三县分别破获案件9起、7起、12起。"])
    assert attribute(extractor, doc, "9起", "place") == "浙江省丽水市遂昌县"
    assert attribute(extractor, doc, "12起", "place") == "浙江省丽水市云和县"


def test_a_headline_figure_takes_the_place_of_the_body_figure_it_restates(extractor):
    """瓯江禁渔执法 查处案件41起 / 丽水市公安局…共查处案件41起。其中，莲都区… -> 丽水市 for the headline."""
    doc = extractor(make_article(["丽水市公安局在瓯江开展执法，共查处案件41起。", "其中，莲都区查处案件19起。"],
                                 title="瓯江禁渔执法 查处案件41起"))
    title = [m for m in doc.metrics if doc.sentences[m.sentence].kind == "title"]
    assert [m.fields["place"] for m in title] == ["浙江省丽水市"]


@pytest.mark.parametrize("name, full", [
    ("伊犁州", "新疆维吾尔自治区伊犁哈萨克自治州"),
    ("黔东南州", "贵州省黔东南苗族侗族自治州"),
    # the short form alone is an everyday word (红河, 玉树), the 州 form is not
    ("红河州", "云南省红河哈尼族彝族自治州"),
    ("玉树州", "青海省玉树藏族自治州"),
])
def test_an_autonomous_prefecture_named_by_its_short_form_and_zhou(name, full):
    assert Gazetteer().normalize(name, set()) == full


def test_a_zhou_organ_whose_short_form_is_a_word_takes_its_prefecture(extractor):
    """玉树州公安机关…破获案件31起 in an article about 玉树市: the prefecture, not the city."""
    doc = make_article(["玉树市公安局近日破获一起盗窃案，抓获嫌疑人3名。",
                        "今年以来，玉树州公安机关共破获盗窃案件31起。"])
    assert attribute(extractor, doc, "31起", "place") == "青海省玉树藏族自治州"


@pytest.mark.parametrize("paragraphs, title, span, place", [
    # 转交/运往 abroad: where a case's accounts or goods went, not whose figure it is
    (["嘉兴市公安局破获一起帮信案。", "经查，该团伙收购银行卡后转交柬埔寨的诈骗窝点使用，致使被害人损失860万元。"],
     None, "860万元", "浙江省嘉兴市"),
    (["丽水市公安局通报，嫌疑人将收购的手机卡运往老挝，获利12万元。"], None, "12万元", "浙江省丽水市"),
    (["温州市公安局通报，今年以来共解救被骗至柬埔寨的务工人员46名。"], None, "46名", "浙江省温州市"),
    # a den abroad named in the headline is no main area of a report by a Chinese organ
    (["临沂市公安局近日通报，共抓获犯罪嫌疑人36名。", "该团伙共骗取群众资金900余万元。"],
     "临沂警方打掉缅甸诈骗园区引流团伙", "900余万元", "山东省临沂市"),
    # a country the money passed through (经/通过…转移): a route, not the place
    (["澳门司法警察局近日瓦解一个洗钱集团。", "该集团通过菲律宾及印尼的空壳公司转移赃款，警方冻结存款约900万澳门元。"],
     None, "约900万澳门元", "澳门特别行政区"),
    (["宁波市公安局破获一起洗钱案。", "资金经老挝转入境外账户，民警冻结涉案资金320万元。"], None, "320万元", "浙江省宁波市"),
    # a report from abroad keeps its country
    (["泰国警方近日在曼谷捣毁一个诈骗窝点，抓获嫌疑人42名。"], None, "42名", "泰国"),
])
def test_the_other_end_of_a_case_abroad_is_not_the_place(extractor, paragraphs, title, span, place):
    """转交柬埔寨的诈骗窝点, 运往老挝, 缅甸诈骗园区, 通过菲律宾…转移 in a Chinese organ's report: the
    organ's place."""
    assert attribute(extractor, make_article(paragraphs, title), span, "place") == place


@pytest.mark.parametrize("paragraphs, span, place", [
    # a township named as where an incident happened, after the organ that handled it
    (["江宁区公安分局接报称，湖熟街道一工地内电缆被盗。民警当场抓获嫌疑人2名。"], "2名", "江苏省南京市江宁区"),
    # no organ before the township: the township keeps its figure
    (["江宁区湖熟街道一工地内电缆被盗。民警当场抓获嫌疑人2名。"], "2名", "江苏省南京市江宁区湖熟街道"),
])
def test_a_township_where_an_incident_happened_gives_the_organs_place(extractor, paragraphs, span, place):
    """江宁区公安分局接报称，湖熟街道一工地内… -> 江宁区: the township is only the scene."""
    doc = make_article(paragraphs)
    town = doc.clean.index("湖熟街道")  # the township as the model tags it (LOC)
    doc.entities = [e for e in doc.entities if not e.start <= town < e.end] + [
        EntitySpan(sentence=0, start=town, end=town + 4, label="LOC")]
    doc.entities.sort(key=lambda e: e.start)
    assert attribute(extractor, doc, span, "place") == place


@pytest.mark.parametrize("paragraphs, span, place", [
    # several sites after 在, one a division we know: the division above it
    (["今年以来，在宁波港、象山县石浦渔港一带查获走私冻品车辆6辆。"], "6辆", "浙江省宁波市"),
    (["经查，该团伙在越秀区北京路、人民街道一带强收保护费，获利80余万元。"], "80余万元", "广东省广州市越秀区"),
])
def test_a_figure_across_several_sites_takes_the_division_above(extractor, paragraphs, span, place):
    """在宁波港、象山县石浦渔港一带查获6辆 -> 宁波市, not 象山县."""
    assert attribute(extractor, make_article(paragraphs), span, "place") == place


def test_a_person_caught_elsewhere_does_not_move_the_acting_organs_case(extractor):
    """芝罘警方…，其同伙随后在莱山区被抓获。经查，二人作案20余起 -> 芝罘区 (the organ's), not 莱山区."""
    doc = make_article(["3月2日，历下警方在一家超市将嫌疑人王某抓获，其同伙随后在槐荫区被抓获。经查，二人作案15起。"])
    assert attribute(extractor, doc, "15起", "place") == "山东省济南市历下区"


def test_taiwans_own_quanguo_is_taiwan(extractor):
    """刑事局统计，今年全國共查獲… in a 台湾 report -> 台湾省, not 全国."""
    doc = make_article(["台北市政府警察局今日宣布破获一起诈骗案。", "刑事局统计，今年1至6月全国共查获诈骗集团520个。"])
    assert attribute(extractor, doc, "520个", "place") == "台湾省"
