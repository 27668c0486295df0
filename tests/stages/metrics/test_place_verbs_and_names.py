"""Place words that are not places, and places read against the organ that acted (issue 12, the
twenty-fifth blind set's classes): 会同 as a verb, a shop named after a place, a list counted as one
subject before 分别, how far victims were spread, a den abroad, 在京介绍, a national law's penalty,
Taiwan's cities and districts. Every example is invented."""

from __future__ import annotations

import pytest

from .helpers import attribute, make_article


@pytest.mark.parametrize("paragraphs, span, place", [
    # 会同 as a verb after an organ: the helping county bureau is no 湖南省怀化市会同县
    (["遂平县公安局破获一起案件。", "该局会同县自然资源局，在河滩查获非法采砂船3艘。"], "3艘", "河南省驻马店市遂平县"),
    # after a day, in a Taiwan report: 5日會同刑事警察局 is no county
    (["臺南市警察局永康分局日前接獲情資，6日會同刑事警察局攻堅，逮捕嫌犯9人。"], "9人", "台湾省台南市永康区"),
])
def test_huitong_as_a_verb_is_no_county(extractor, paragraphs, span, place):
    assert attribute(extractor, make_article(paragraphs), span, "place") == place


def test_huitong_county_in_its_own_city_stays_a_county(extractor):
    """怀化市公安局会同县分局… in a 怀化 report: 会同县 is the county (the guide's p04 case)."""
    doc = make_article(["怀化市公安局通报。", "会同县公安局破获盗窃案件12起。"])
    assert attribute(extractor, doc, "12起", "place") == "湖南省怀化市会同县"


def test_a_place_heading_a_shops_name_is_no_place(extractor):
    """市局…在婺源县县城一家广丰副食店…: 广丰 names the shop; the city organ keeps its figure."""
    doc = make_article(["上饶市公安局开展专项行动。", "5月8日，市局在婺源县县城一家广丰副食店内捣毁窝点1个，抓获4人。"])
    assert attribute(extractor, doc, "4人", "place") == "江西省上饶市"


def test_a_counted_list_goes_on_over_one_comma_before_fenbie(extractor):
    """甲、乙、丙三地破案数居前，分别破获案件30起、21起和17起: each figure its county."""
    doc = make_article(["吉安市公安局通报一季度战果。", "吉州、青原、泰和三地破案数居前，分别破获案件30起、21起和17起。"])
    assert attribute(extractor, doc, "30起", "place") == "江西省吉安市吉州区"
    assert attribute(extractor, doc, "21起", "place") == "江西省吉安市青原区"
    assert attribute(extractor, doc, "17起", "place") == "江西省吉安市泰和县"


def test_a_total_after_a_breakdown_keeps_the_whole(extractor):
    """甲、乙两区分别查获案件9起、7起，共缴获毒品2公斤: the total is both districts' (their city)."""
    doc = make_article(["吉安市公安局通报。", "吉州、青原两区分别查获案件9起、7起，共缴获毒品2公斤。"])
    assert attribute(extractor, doc, "2公斤", "place") == "江西省吉安市"


def test_victims_spread_over_provinces_stay_with_the_organ(extractor):
    """全国18个省份的400余名群众被骗: how far the victims lived; the county organ's figure."""
    doc = make_article(["萍乡市安源区公安分局破获一起诈骗案。",
                        "经查，该团伙非法获利20万余元，全国18个省份的400余名群众因此被骗，单人最高被骗8万元。"])
    assert attribute(extractor, doc, "400余名", "place") == "江西省萍乡市安源区"
    assert attribute(extractor, doc, "8万元", "place") == "江西省萍乡市安源区"
    assert attribute(extractor, doc, "18个", "place") == "全国"


def test_a_sentence_after_a_roundup_across_provinces_keeps_the_organ(extractor):
    """专案组在甲区、乙市及浙江等地集中收网…。该平台发展会员900余人: the acting organ's area."""
    doc = make_article(["永安市公安局关于一起网络赌博案的通报",
                        "专案组在三元区、沙县区及浙江等地集中收网，抓获11人。该平台发展会员900余人。"])
    assert attribute(extractor, doc, "900余人", "place") == "福建省三明市永安市"


def test_a_national_organ_speaking_in_beijing_is_national(extractor):
    """最高检有关负责人在京介绍，检察机关…追赃挽损20亿元: 全国, not 北京市."""
    doc = make_article(["最高检有关负责人在京介绍，检察机关今年以来督促追赃挽损20亿元。"])
    assert attribute(extractor, doc, "20亿元", "place") == "全国"


def test_a_den_abroad_is_no_place_of_a_national_case(extractor):
    """以老挝某地为窝点的诈骗集团骗取国内群众3000余人: the victims are at home (全国), not 老挝."""
    doc = make_article(["最高人民检察院通报一起案件：以老挝金三角为窝点的诈骗集团骗取国内群众3000余人。"])
    assert attribute(extractor, doc, "3000余人", "place") == "全国"


def test_a_national_laws_penalty_is_national(extractor):
    """依照《中华人民共和国刑法》有关规定，最高可判处七年以上有期徒刑: the country's law, 全国."""
    doc = make_article(["遂平县公安局破获一起非法捕捞案。",
                        "民警提醒，非法捕捞情节严重的，依照《中华人民共和国刑法》有关规定，最高可判处七年以上有期徒刑。"])
    assert attribute(extractor, doc, "七年以上", "place") == "全国"


def test_taiwan_keeps_its_city_and_district(extractor):
    """臺南市警察局永康分局…：the district; 全市 -> the city; a reporter's dateline city is no place."""
    doc = make_article(["〔記者王某／臺南報導〕臺南市警察局永康分局查獲詐騙機房，逮捕嫌犯9人。",
                        "另據統計，今年全市詐欺案件發生3,100件。"])
    assert attribute(extractor, doc, "9人", "place") == "台湾省台南市永康区"
    assert attribute(extractor, doc, "3,100件", "place") == "台湾省台南市"


def test_a_national_coverage_stays_national(extractor):
    """该制度已覆盖全国25个省份的40个城市: the provinces are no victims' spread; the figure is 全国."""
    doc = make_article(["某某协会通报，该制度已覆盖全国25个省份的40个城市。"])
    assert attribute(extractor, doc, "40个", "place") == "全国"


def test_a_trip_named_after_a_mountain_is_no_district(extractor):
    """乌鲁木齐市公安局…。嫌疑人以组织天山一日游为名骗取…: the mountains, not the city's 天山区."""
    doc = make_article(["乌鲁木齐市公安局破获一起诈骗案。", "嫌疑人以组织天山一日游为名，骗取游客钱款12万元。"])
    assert attribute(extractor, doc, "12万元", "place") == "新疆维吾尔自治区乌鲁木齐市"
