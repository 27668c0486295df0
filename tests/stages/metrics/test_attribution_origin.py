"""Place, period and category rules of the issue-12 round on news never seen (wt-h36).

Every example is a sentence written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import make_article


def fields_of(extractor, paragraphs, span, title=None, published=None) -> dict:
    doc = extractor(make_article(paragraphs, title, published))
    return next(m.fields for m in doc.metrics if doc.clean[m.start:m.end] == span)


def test_people_from_a_country_do_not_move_the_figure_there(extractor):
    """台中市警方…劫持了日本游客一家4口 -> 台湾省台中市 (a city of Taiwan), not 日本 (where the people come from)."""
    fields = fields_of(extractor, ["台中市警方通报，嫌犯上月劫持了日本游客一家4口。"], "4口")
    assert fields["place"] == "台湾省台中市"


def test_residents_of_hong_kong_counted_by_a_national_organ_stay_national(extractor):
    """公安部…其中香港永久居民在内地所生子女0.9万人 -> 全国, not 香港 (whose children they are)."""
    fields = fields_of(extractor, ["公安部出入境管理局介绍，去年批准内地居民赴港定居3万人，"
                                   "其中香港永久居民在内地所生子女0.9万人。"], "0.9万人")
    assert fields["place"] == "全国"


def test_goods_shipped_to_a_place_do_not_move_the_next_figure_there(extractor):
    """广州海关…货车将鲜活商品运往澳门。预计…200万人次 -> 广东省广州市, not 澳门 (where goods went)."""
    fields = fields_of(extractor, ["广州海关介绍，每天有大批货车将鲜活商品运往澳门。"
                                   "预计春节期间将有200万人次旅客出入口岸。"], "200万人次",
                       published=date(2020, 1, 20))
    assert fields["place"] == "广东省广州市"


def test_an_organ_named_after_china_is_national(extractor):
    """中国人民银行对1254户大型企业的监测 -> 全国 (the place columns never hold 中国)."""
    fields = fields_of(extractor, ["中国人民银行最近对1254户大型企业的经营状况进行了监测。"], "1254户")
    assert fields["place"] == "全国"


def test_a_share_of_the_province_keeps_the_citys_place(extractor):
    """洛阳市公安机关…破获盗窃案件3200起，占全省破获盗窃案件的46% -> 46% is 洛阳's (全省 is the whole)."""
    fields = fields_of(extractor, ["今年以来，河南省洛阳市公安机关共破获盗窃案件3200起，占全省破获盗窃案件的46%。"],
                       "46%", published=date(2024, 11, 20))
    assert fields["place"] == "河南省洛阳市"


def test_a_joint_action_of_a_wider_and_a_narrower_organ_takes_the_wider_place(extractor):
    """台湾刑事警察局会同台中市警察局…抓获120人 -> 台湾省 (not the city of the second organ)."""
    fields = fields_of(extractor, ["台湾刑事警察局会同台中市警察局日前开展联合行动，共抓获诈骗集团成员120人。"], "120人")
    assert fields["place"] == "台湾省"


def test_that_day_takes_the_day_stated_before(extractor):
    """11月5日，杭州市公安局开展集中清查行动。当天共抓获56名，查扣车辆12辆 -> Nov 5 for both."""
    doc = extractor(make_article(["11月5日，杭州市公安局开展集中清查行动。当天共抓获犯罪嫌疑人56名，查扣车辆12辆。"],
                                 None, date(2024, 11, 20)))
    periods = {doc.clean[m.start:m.end]: (m.fields["period_start"], m.fields["period_end"]) for m in doc.metrics}
    assert periods["56名"] == periods["12辆"] == (date(2024, 11, 5), date(2024, 11, 5))


_SMUGGLING = ["据浙江省公安厅通报，2024年全省公安机关共侦办走私犯罪案件300起，同比上升12.5%，"
              "其中宁波市占全省案件总数的52%。全年涉案金额达12.6亿元。"]


def test_a_share_takes_the_category_of_the_total_it_measures(extractor):
    """…侦办走私犯罪案件300起，同比上升12.5%，其中宁波市占全省案件总数的52% -> cases_filed, no change."""
    fields = fields_of(extractor, _SMUGGLING, "52%", published=date(2025, 1, 20))
    assert fields["category"] == "cases_filed"


def test_a_part_named_after_qizhong_is_not_the_next_sentences_place(extractor):
    """…其中宁波市占全省…52%。全年涉案金额达12.6亿元 -> 浙江省 (the paragraph's area, not the part)."""
    fields = fields_of(extractor, _SMUGGLING, "12.6亿元", published=date(2025, 1, 20))
    assert fields["place"] == "浙江省"


def test_a_region_wide_organ_named_without_its_region_joins_a_citys_organ(extractor):
    """刑事警察局与高雄市警察局…抓获45人 -> 台湾省 (刑事警察局 is Taiwan's in a 高雄 report)."""
    fields = fields_of(extractor, ["刑事警察局与高雄市警察局昨日宣布破获一个诈骗集团，共抓获嫌犯45人。"], "45人")
    assert fields["place"] == "台湾省"


def test_a_region_wide_scope_is_the_region(extractor):
    """高雄市警方…。全台今年1至5月…发生9000件 -> 台湾省 (全台, not the city named before)."""
    fields = fields_of(extractor, ["高雄市警察局破获一个诈骗集团。全台今年1至5月共发生诈骗案件9000件。"], "9000件",
                       published=date(2025, 7, 1))
    assert fields["place"] == "台湾省"


def test_a_rounded_headline_figure_takes_the_leads_window(extractor):
    """绍兴前9个月破获盗窃案件3100余起 / 今年1月至9月，全市…破获盗窃案件3126起 -> Jan 1 to Sep 30."""
    fields = fields_of(extractor, ["今年1月至9月，绍兴市公安机关共破获盗窃案件3126起。"], "3100余起",
                       title="绍兴前9个月破获盗窃案件3100余起", published=date(2024, 10, 15))
    assert (fields["period_start"], fields["period_end"]) == (date(2024, 1, 1), date(2024, 9, 30))


def test_a_window_after_an_organ_subject_holds_past_a_semicolon(extractor):
    """全国海关缉私部门5年来共破获…案件512起；破获…案件300起 -> both 5 years back from publication."""
    doc = extractor(make_article(["据统计，全国海关缉私部门5年来共破获走私枪支案件512起；破获走私毒品案件300起。"],
                                 None, date(2024, 3, 1)))
    periods = {doc.clean[m.start:m.end]: (m.fields["period_start"], m.fields["period_end"]) for m in doc.metrics}
    assert periods["300起"] == periods["512起"] == (date(2019, 3, 1), date(2024, 3, 1))


def test_after_会同_the_leading_organs_place_holds_the_figure(extractor):
    """示例县公安局 leads and 示例市海事局 helps: 乐清市公安局会同温州海事局…查获走私船2艘 -> 乐清市."""
    fields = fields_of(extractor, ["乐清市公安局会同温州海事局在海上开展联合巡查，查获走私船2艘。"], "2艘")
    assert fields["place"] == "浙江省温州市乐清市"


@pytest.mark.parametrize("org, place", [
    ("徐州市公安局鼓楼分局", "江苏省徐州市鼓楼区"),  # 鼓楼 is a district of four cities: the one under 徐州
    ("南京市公安局鼓楼分局", "江苏省南京市鼓楼区"),
    ("泉州市公安局交通警察支队丰泽大队", "福建省泉州市丰泽区"),  # a traffic brigade named by its district
    ("泉州市公安局交通警察支队高速大队", "福建省泉州市"),  # 高速 names no district
])
def test_a_city_branch_named_by_its_district_gives_the_district(org, place):
    from pipeline.places import Gazetteer
    from pipeline.stages.metrics.who_where import org_place
    assert org_place(Gazetteer(), org, set()) == place


def test_counties_goods_were_carried_to_do_not_take_the_figure(extractor):
    """示例: 余杭区公安分局…将假酒转运至桐庐县、淳安县等地销售，共作案15次 -> 余杭区 (the organ's),
    not 杭州市 (the two counties are where the goods went)."""
    fields = fields_of(extractor, ["杭州市公安局余杭区分局通报，该团伙将假酒转运至桐庐县、淳安县等地销售，"
                                   "共作案15次。"], "15次")
    assert fields["place"] == "浙江省杭州市余杭区"



def test_a_station_named_after_a_port_is_not_the_county_of_that_short_name():
    """示例: 文昌港派出所 names the station's own place 文昌港 (one character past the county's
    short name), not 海南省文昌市; 胶州派出所 still is 胶州市's."""
    from pipeline.places import Gazetteer
    from pipeline.stages.metrics.who_where import org_place
    gaz = Gazetteer()
    assert org_place(gaz, "文昌港派出所", {"33", "3302"}) is None
    assert org_place(gaz, "德清湾警务站", set()) is None
    assert org_place(gaz, "胶州派出所", set()) == "山东省青岛市胶州市"
