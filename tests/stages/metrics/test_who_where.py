"""Who acted and where, read from the entity stage's spans."""

from __future__ import annotations

import pytest

from .helpers import attribute, make_article


@pytest.mark.parametrize("paragraphs, title, span, place", [
    # The most specific place before the figure: the subject ORG's, not its province.
    (["今年以来，内蒙古自治区呼伦贝尔市公安局共破获案件760起。"], None, "760起", "内蒙古自治区呼伦贝尔市"),
    # A place inside a prepositional phrase's ORG is not more specific than the subject's.
    (["国庆期间，按照广东省公安厅部署要求，肇庆市公安局每天抽调警力2000多人。"], None, "2000多人",
     "广东省肇庆市"),
    (["7月27日，丹阳市法院判处张某某有期徒刑七年六个月。"], None, "七年六个月", "江苏省镇江市丹阳市"),
    (["苏州市高新区公安分局浒墅关派出所开展秋收警务，已累计提供服务60余次。"], None, "60余次",
     "江苏省苏州市虎丘区"),  # the zone is the one district it is (gazetteer_zone_districts.tsv)
    # An earlier sentence of the paragraph: the figures listed after it.
    (["呼伦贝尔市公安局严打电信诈骗犯罪。为群众挽损812.6万元。"], None, "812.6万元",
     "内蒙古自治区呼伦贝尔市"),
    # The article's place from its headline (the place of an ORG there too).
    (["预警劝阻145万人次，止付金额1075万元。"],
     "肇庆公安三个“度”助推“我为群众办实事”", "1075万元", "广东省肇庆市"),
    (["投入900余万元完成道路改造。"], "桂林象山区紧盯痛点加强社会治理创新", "900余万元",
     "广西壮族自治区桂林市象山区"),
    # Without a headline place, the first place of the lead paragraph; 该市 refers back to it.
    (["江苏省镇江市公安局召开会议。", "截至10月31日，该市推出便民措施68项。"], None, "68项", "江苏省镇江市"),
    # A place named after the figure in its sentence, when nothing comes before.
    (["打掉涉黑涉恶组织35个，江苏省镇江市在扫黑除恶专项斗争中成效明显。"], None, "35个", "江苏省镇江市"),
    # A place of another paragraph is not carried: the article's place is.
    (["镇江市代表团来访。", "该区查处20余宗违法犯罪嫌疑人。"], "桂林象山区紧盯痛点", "20余宗",
     "广西壮族自治区桂林市象山区"),
    # The place of a dateline is where the story was filed, not what it is about; 公安部 and
    # 全国 make the figure national.
    (["新华社北京1月5日电 公安部今天通报，去年全国共破获案件30万起。"], None, "30万起", "全国"),
    (["本报北京1月5日讯 江苏省镇江市去年共破获案件3000起。"], None, "3000起", "江苏省镇江市"),
    # Hard negatives: no place entity anywhere means no place, never a substring.
    (["同时，投入300万元，在瓦窑西路片区设立警务室。"], None, "300万元", None),
    (["该区以打开路，查处20余宗违法犯罪嫌疑人，并对近年来在辖区作案的人员进行梳理。"], None, "20余宗", None),
    (["全市中心城区及偏远乡镇送考下乡考试点19家。"], None, "19家", None),
])
def test_place(extractor, paragraphs, title, span, place):
    assert attribute(extractor, make_article(paragraphs, title), span, "place") == place


@pytest.mark.parametrize("paragraphs, span, subject", [
    (["今年以来，内蒙古自治区呼伦贝尔市公安局共破获案件760起。"], "760起", "呼伦贝尔市公安局"),
    (["国庆期间，按照广东省公安厅部署要求，肇庆市公安局每天抽调警力2000多人。"], "2000多人", "肇庆市公安局"),
    # The patient of a passive and the object of a verb are not who acted.
    (["7月27日，丹阳市法院公开宣判张某某等人黑恶势力犯罪案件，张某某等人分别被判处有期徒刑七年六个月。"],
     "七年六个月", "丹阳市法院"),
    # An ORG inside a person's title is not an actor; a person who only speaks neither.
    (["镇江市委常委、政法委书记许文介介绍，今年以来，已打掉涉黑涉恶组织11个。"], "11个", None),
    # A sentence that goes on after a semicolon keeps its subject.
    (["呼伦贝尔市公安局共破获案件760起；打掉洗钱窝点、跑分平台51个。"], "51个", "呼伦贝尔市公安局"),
    # ... but not after a full stop, and never an organ name cut out of the text.
    (["呼伦贝尔市公安局共破获案件760起。打掉洗钱窝点、跑分平台51个。"], "51个", None),
    (["其中，市公安局机关每天安排100多人分62个组支援城区巡逻。"], "100多人", None),
    # An organ that reports is the one that acted; a preposition otherwise hides an ORG.
    (["据呼伦贝尔市公安局介绍，今年以来共破获案件760起。"], "760起", "呼伦贝尔市公安局"),
    (["记者从镇江市公安局获悉，全市共破获案件30起。"], "30起", "镇江市公安局"),
    (["根据镇江市公安局的部署，全市共破获案件30起。"], "30起", None),
])
def test_subject(extractor, paragraphs, span, subject):
    assert attribute(extractor, make_article(paragraphs), span, "subject") == subject


@pytest.mark.parametrize("paragraphs, span, place", [
    # A foreign partner of the organ does not move the figure abroad.
    (["2023年，公安部会同缅甸等国执法部门开展联合行动，共将3.2万名犯罪嫌疑人押解回国。"], "3.2万名",
     "全国"),
    # Every place of a list after 去/赴 is where people went, not whose figure it is.
    (["公安部出入境管理局介绍，去年全国批准去香港、澳门82.1万人次。"], "82.1万人次", "全国"),
])
def test_partners_and_destinations_are_not_the_place(extractor, paragraphs, span, place):
    assert attribute(extractor, make_article(paragraphs), span, "place") == place


@pytest.mark.parametrize("paragraphs, span, place", [
    # A figure of several divisions at once: the smallest division that holds them all.
    (["武汉市公安局通报，江岸区、江汉区、硚口区共破获盗窃案件350起。"], "350起", "湖北省武汉市"),
    (["绍兴市公安局通报，柯桥、上虞、诸暨三地警方共抓获犯罪嫌疑人42名。"], "42名", "浙江省绍兴市"),
    (["去年，临川区、南城县两地共抓获涉校违法犯罪人员31名。"], "31名", "江西省抚州市"),
    (["苏州、无锡警方联合侦破一起网络赌博案，抓获犯罪嫌疑人15名。"], "15名", "江苏省"),
    (["南湖区、秀洲区两院共审结刑事案件860件。"], "860件", "浙江省嘉兴市"),
    # Two townships of one district: the district.
    (["番禺区公安分局在石楼镇、化龙镇捣毁窝点5个。"], "5个", "广东省广州市番禺区"),
])
def test_joint_figure_takes_the_smallest_common_division(extractor, paragraphs, span, place):
    assert attribute(extractor, make_article(paragraphs), span, "place") == place


@pytest.mark.parametrize("paragraphs, span, place", [
    # 分别 with as many figures as places: each figure is its own division's, in order; a
    # place the tagger missed in the middle of the list (市中) is read in the list's city.
    (["济南市公安局通报，历下、市中、槐荫三区盗窃警情分别下降12%、9%和7%。"], "12%", "山东省济南市历下区"),
    (["济南市公安局通报，历下、市中、槐荫三区盗窃警情分别下降12%、9%和7%。"], "9%", "山东省济南市市中区"),
    (["济南市公安局通报，历下、市中、槐荫三区盗窃警情分别下降12%、9%和7%。"], "7%", "山东省济南市槐荫区"),
    # Counts that differ, or a figure of the next clause: the list's common division.
    (["福州市公安局通报，鼓楼区、台江区分别破获案件20起，共抓获10人。"], "10人", "福建省福州市"),
])
def test_each_figure_after_fenbie_takes_its_own_division(extractor, paragraphs, span, place):
    assert attribute(extractor, make_article(paragraphs), span, "place") == place


@pytest.mark.parametrize("paragraphs, span, place, source", [
    # A place after 在 inside the acting organ's own area is only where it acted: the organ's.
    (["宜昌市公安局水上分局在秭归县水域开展巡查150余次。"], "150余次", "湖北省宜昌市", "organ"),
    # A township after an organ word and 在: the township's county.
    (["宝安区人民法院通报。", "区检察院联合区公安分局在宝安区西乡街道开展宣传12场。"], "12场",
     "广东省深圳市宝安区", "organ"),
    # Without 在 a county's own organ keeps its county.
    (["宜昌市公安局通报，秭归县公安局破获案件30起。"], "30起", "湖北省宜昌市秭归县", "organ"),
])
def test_a_place_after_zai_is_where_the_organ_acted(extractor, paragraphs, span, place, source):
    doc = make_article(paragraphs)
    assert attribute(extractor, doc, span, "place") == place
    assert attribute(extractor, make_article(paragraphs), span, "place_source") == source




def _two_releases(second: list[str]):
    """A page of two releases: the first about 潮州市湘桥区's 派出所, the second ``second``
    (a title, then its paragraphs), each sentence in its own article."""
    first = ["湘桥区公安分局接报一起纠纷，当场控制涉事人员3名。", "潮州市公安局湘桥分局"]
    doc = make_article(first + ["关于前三季度全区盗窃案件情况的通报"] + second, "警情通报")
    split = next(s.start for s in doc.sentences if doc.clean[s.start:s.end].startswith("关于"))
    from pipeline.document import ArticleSpan
    doc.articles = [ArticleSpan(index=0, segments=[(0, split)], title="警情通报"),
                    ArticleSpan(index=1, segments=[(split, len(doc.clean))], title="关于前三季度全区盗窃案件情况的通报")]
    for sentence in doc.sentences:
        if sentence.start >= split:
            sentence.article = 1
            if sentence.start == split:
                sentence.kind = "title"
    return doc


@pytest.mark.parametrize("second, span, place", [
    # A release whose text names only 全区 is about the area of the organ that signs it, not the
    # province of the page's other release.
    (["今年前三季度，全区共破获盗窃案件88起。", "盗窃电动车案件占比31.2%。", "宜昌市公安局西陵分局"],
     "31.2%", "湖北省宜昌市西陵区"),
    # The signature does not replace a place the lead names.
    (["今年以来，夷陵区公安分局破获案件40起。", "入室盗窃案件占比26.5%。", "宜昌市公安局"],
     "26.5%", "湖北省宜昌市夷陵区"),
])
def test_a_release_signed_by_an_organ_takes_its_area(extractor, second, span, place):
    """关于…全区…的通报 signed 宜昌市公安局西陵分局 on a line of its own: its figures are the
    district's, not the page's province."""
    assert attribute(extractor, _two_releases(second), span, "place") == place
