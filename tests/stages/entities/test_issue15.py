"""Issue 15's error classes, each with its Chinese example (sentences written for the tests),
through the tagger over character tokens (the rules' own grammar) and a publication date."""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import make_doc

PUBLISHED = date(2025, 3, 14)


def tags(tagger, text: str) -> list[tuple[str, str, str | None]]:
    doc = tagger(make_doc(text, published=PUBLISHED))
    return [(doc.clean[e.start:e.end], e.label, e.normalized) for e in doc.entities]


def spans(tagger, text: str) -> set[tuple[str, str]]:
    return {(t, label) for t, label, _ in tags(tagger, text)}


@pytest.mark.parametrize("text, name", [
    ("甲村村民王某明持木棍将人打伤。", "王某明"),
    ("陈某华的儿子随即报警。", "陈某华"),
    ("邹某龙纠集其弟邹某虎等人强揽工程。", "邹某虎"),
    ("被告人伙同其侄女张某婷转移赃款。", "张某婷"),   # kinship word outside the name
    ("湄潭县王某明被依法刑事拘留。", "王某明"),       # no place merged into the person
])
def test_anonymised_name_with_a_given_name_is_one_person(tagger, text, name):
    assert (name, "PERSON") in spans(tagger, text)
    assert (name[:2], "PERSON") not in spans(tagger, text)


@pytest.mark.parametrize("text, name", [
    ("张某发现后立即报警。", "张某"),
    ("李某因涉嫌诈骗被刑事拘留。", "李某"),
    ("张某某在家中被抓获。", "张某某"),
])
def test_anonymised_name_stops_before_the_sentence_goes_on(tagger, text, name):
    assert (name, "PERSON") in spans(tagger, text)


def test_place_before_a_person_stays_a_gpe(tagger):
    found = spans(tagger, "湄潭县王某明被依法刑事拘留。")
    assert ("湄潭县", "GPE") in found


@pytest.mark.parametrize("text, span, normalized", [
    ("其中，3月5日至4月20日，湄潭县共破获毒品案件。", "3月5日至4月20日", "2025-03-05/2025-04-20"),
    ("两部门于2024年6月1日至15日开展联合执法。", "2024年6月1日至15日", "2024-06-01/2024-06-15"),
    ("经查，2024年9月至2025年1月，被告人多次作案。", "2024年9月至2025年1月",
     "2024-09-01/2025-01-31"),
])
def test_a_date_range_is_one_date_normalised_to_a_range(tagger, text, span, normalized):
    dates = [(t, n) for t, label, n in tags(tagger, text) if label == "DATE"]
    assert dates == [(span, normalized)]


def test_today_takes_the_publication_date_and_vague_words_are_not_dates(tagger):
    found = tags(tagger, "今日上午，县公安局通报案情。近期盗窃电动车案件有所抬头。")
    assert ("今日上午", "DATE", "2025-03-14") in found
    assert not any(t == "近期" for t, _, _ in found)


def test_clock_time_after_a_day_is_inside_the_date(tagger):
    assert ("3月12日14时许", "DATE") in spans(tagger, "3月12日14时许，南浔区发生一起纠纷。")


@pytest.mark.parametrize("text, org", [
    ("九江市召开会议。市扫黑办联合市中级人民法院对案件挂牌督办。", "市扫黑办"),
    ("九江市召开会议。市扫黑办联合市中级人民法院对案件挂牌督办。", "市中级人民法院"),
    ("县禁毒委员会办公室对外通报上半年禁毒工作情况。", "县禁毒委员会办公室"),
    ("区委政法委牵头召开协调会。", "区委政法委"),
    ("市网信办约谈两家网站。", "市网信办"),
    ("区检察院随即向区住建交通局发出检察建议。", "区住建交通局"),
])
def test_placeless_organ_is_an_org_without_the_next_verb(tagger, text, org):
    found = spans(tagger, text)
    assert (org, "ORG") in found
    assert not any(label == "ORG" and t != org and t.startswith(org) for t, label in found)


def test_placeless_organ_is_resolved_to_the_articles_city(tagger):
    found = tags(tagger, "九江市召开会议。市扫黑办同时通报了三起案件。")
    assert ("市扫黑办", "ORG", "九江市扫黑办") in found


@pytest.mark.parametrize("text", ["全市公安机关开展检查。", "市民在市场上买菜。", "城区治安平稳。",
                                  "对市县两级挂牌督办的地区开展整治。"])
def test_level_character_inside_a_word_is_no_organ(tagger, text):
    assert not [t for t, label in spans(tagger, text) if label == "ORG"]


@pytest.mark.parametrize("text, org", [
    ("来源：澎湃新闻", "澎湃新闻"),
    ("红星新闻此前报道过类似案件。", "红星新闻"),
    ("人民网评论称，平台应当担责。", "人民网"),
    ("嫌疑人诱骗被害人通过支付宝转账。", "支付宝"),
    ("双方通过微信联系。", "微信"),
])
def test_media_and_platforms_are_org_never_gpe(tagger, text, org):
    found = spans(tagger, text)
    assert (org, "ORG") in found
    assert not [t for t, label in found if label == "GPE"]


def test_byline_ending_in_baodao_gives_the_outlet_not_the_verb(tagger):
    found = spans(tagger, "（潇湘晨报记者欧阳一凡报道）")
    assert ("潇湘晨报", "ORG") in found
    assert not any("报道" in t for t, _ in found)


@pytest.mark.parametrize("text, place", [
    ("南浔警方依法对其刑事拘留。", "南浔"),
    ("凯里市警方在江边救起落水群众。", "凯里市"),
])
def test_place_before_jingfang_is_a_gpe_and_jingfang_no_org(tagger, text, place):
    found = spans(tagger, text)
    assert (place, "GPE") in found
    assert not [t for t, label in found if label == "ORG"]


@pytest.mark.parametrize("text, loc", [
    ("民警在长江南通段通州沙水域巡查时发现一艘货船。", "长江南通段通州沙水域"),
    ("多次在赣江樟树市临江镇段水域使用禁用渔具。", "赣江樟树市临江镇段水域"),
    ("其在长江如皋段附近水域盗采江砂。", "长江如皋段"),
    ("禁止在长江干流南通段从事捕捞。", "长江干流南通段"),
    ("京港澳高速湘潭段车流量激增。", "京港澳高速湘潭段"),
    ("沪昆高速今日车流平稳。", "沪昆高速"),
])
def test_water_areas_and_sites_are_one_loc_with_their_full_extent(tagger, text, loc):
    assert (loc, "LOC") in spans(tagger, text)


def test_a_county_word_before_a_city_organ_is_not_part_of_it(tagger):
    # 会同 (also 会同县) means "together with" here.
    found = spans(tagger, "县公安局会同遵义市公安局禁毒支队侦查。")
    assert ("遵义市公安局禁毒支队", "ORG") in found


@pytest.mark.parametrize("text, name", [
    ("责任编辑：沈佳音  校对：刘威", "沈佳音"),
    ("责任编辑：沈佳音  校对：刘威", "刘威"),
    ("（潇湘晨报记者欧阳一凡报道）", "欧阳一凡"),
])
def test_credit_lines_and_bylines_ending_in_baodao_give_the_name(tagger, text, name):
    assert (name, "PERSON") in spans(tagger, text)


def test_web_timestamp_is_a_date_of_its_day(tagger):
    assert ("2025-06-03 09:12", "DATE", "2025-06-03") in tags(tagger, "来源：澎湃新闻  2025-06-03 09:12")


def test_a_year_with_du_is_one_date(tagger):
    assert ("2024年度", "DATE") in spans(tagger, "市委政法委通报2024年度平安建设考核结果。")


@pytest.mark.parametrize("text, crime", [
    ("海关破获一起走私冻品案。", "走私"),
    ("查扣涉嫌走私入境的冻牛肉。", "走私"),
    ("二人涉嫌串谋诈骗及洗黑钱。", "洗黑钱"),
])
def test_offence_before_its_goods_and_case_is_a_crime(tagger, text, crime):
    assert (crime, "CRIME") in spans(tagger, text)


@pytest.mark.parametrize("text, org", [
    ("金寨县梅山镇党委原书记违规收礼。", "金寨县梅山镇党委"),
    ("舒城县杭埠镇三河村党总支书记侵占集体资金。", "舒城县杭埠镇三河村党总支"),
])
def test_town_and_village_organ_is_one_org_with_its_county(tagger, text, org):
    assert (org, "ORG") in spans(tagger, text)


@pytest.mark.parametrize("text, loc", [
    ("涉案船舶暂扣于南通港狼山港区10号码头。", "南通港狼山港区10号码头"),
    ("巡逻艇从芜湖港朱家桥外贸码头出发。", "芜湖港朱家桥外贸码头"),
    ("已在如皋港、海门港等水域开展巡航。", "如皋港"),
])
def test_ports_after_their_place_are_one_loc(tagger, text, loc):
    assert (loc, "LOC") in spans(tagger, text)


def test_a_port_list_does_not_take_deng(tagger):
    assert not any("等" in t for t, _ in spans(tagger, "已在如皋港、海门港等水域开展巡航。"))


def test_county_short_name_in_a_list_of_places_is_a_gpe(tagger):
    # 如东 is a county short form: a GPE here because 海门区 follows in the list.
    assert ("如东", "GPE") in spans(tagger, "专案组在如东、海门区同步收网。")


def test_county_short_name_under_the_articles_city_is_a_gpe(tagger):
    found = tags(tagger, "南通市召开会议。专案组在如东抓获3人。")
    assert ("如东", "GPE", "江苏省南通市如东县") in found


@pytest.mark.parametrize("text, span", [
    ("12月31日下午5时45分许，民警设伏。", "12月31日下午5时45分许"),
    ("嫌疑人于当晚9时45分自首。", "当晚9时45分"),
    ("8日晚，治安大队出动。", "8日晚"),
    ("同年9月10日，村民报案。", "同年9月10日"),
    ("1996年底，警方破获此案。", "1996年底"),
    ("去年夏天的一个晚上。", "去年夏天"),
])
def test_a_date_keeps_its_time_year_and_season_words(tagger, text, span):
    assert (span, "DATE") in spans(tagger, text)


@pytest.mark.parametrize("text", ["根据1997年刑法第八十七条。", "犯罪案件较上年同期下降15%。"])
def test_statute_years_and_comparison_bases_are_no_dates(tagger, text):
    assert not [t for t, label in spans(tagger, text) if label == "DATE"]


def test_two_offences_written_together_are_two_crimes(tagger):
    found = [(t, label) for t, label in spans(tagger, "原厂长赵某贪污受贿数额巨大。") if label == "CRIME"]
    assert sorted(found) == [("受贿", "CRIME"), ("贪污", "CRIME")]


def test_an_offence_verb_before_a_sum_is_no_crime(tagger):
    found = spans(tagger, "两名副经理分别贪污、受贿38万元。")
    assert ("受贿", "CRIME") not in found


def test_a_site_after_a_list_mark_keeps_its_whole_name(tagger, blank):
    # 大砻坊码头, not 砻坊码头; but 在 never starts the name (在瓦窑西路片区 → 瓦窑西路片区).
    def words(text):
        doc = tagger(make_doc(text, nlp=blank, published=PUBLISHED))
        return {(doc.clean[e.start:e.end], e.label) for e in doc.entities}

    assert ("大砻坊码头", "LOC") in words("志愿者在滨江大道、大砻坊码头一带值守。")
    assert ("瓦窑西路片区", "LOC") in words("投入300万元,在瓦窑西路片区设立警务室。")


@pytest.mark.parametrize("text, name", [
    ("犯罪嫌疑人于某光伙同他人走私冻品。", "于某光"),
    ("被告人于某当庭认罪。", "于某"),
])
def test_yu_mou_after_a_word_for_a_person_is_a_person(tagger, text, name):
    assert (name, "PERSON") in spans(tagger, text)


def test_yu_mou_ri_is_no_person(tagger):
    assert not any(label == "PERSON" for _, label in spans(tagger, "该案于某日凌晨告破。"))


@pytest.mark.parametrize("text, date_span", [
    ("2022年春节至2024年中秋，某干部多次收受礼金。", "2022年春节至2024年中秋"),
    ("2024年春节前后，该团伙多次作案。", "2024年春节前后"),
])
def test_a_year_with_its_holiday_is_one_date_and_so_is_their_range(tagger, text, date_span):
    assert (date_span, "DATE") in spans(tagger, text)


@pytest.mark.parametrize("text, date_span", [
    ("会议要求，当前至明年2月底，各分局要持续开展巡查。", "当前至明年2月底"),
    ("即日起至12月31日，全市开展专项整治。", "即日起至12月31日"),
    ("被捕人须于下月向警方报到。", "下月"),
])
def test_open_ranges_and_next_month_are_dates(tagger, text, date_span):
    assert (date_span, "DATE") in spans(tagger, text)


def test_present_alone_is_still_no_date(tagger):
    assert not any(label == "DATE" for _, label in spans(tagger, "当前，电诈形势依然严峻。"))


@pytest.mark.parametrize("text, org, is_org", [
    ("（来源：顺庆检察）", "顺庆检察", True),
    ("顺庆检察官走访了涉案企业。", "顺庆检察", False),
])
def test_place_and_jiancha_as_an_account_name(tagger, text, org, is_org):
    from .helpers import found
    assert ((org, "ORG") in found(tagger, text)) is is_org
