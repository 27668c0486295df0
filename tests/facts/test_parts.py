"""Parts of totals: which stated figure a breakdown, a sub-area or a sub-period belongs to."""

from __future__ import annotations

from datetime import date

from pipeline.facts import link

from .rows import document, metric


def _part_of(raw: str, rows: list[dict]) -> dict[str, str | None]:
    """{text (text#2 for its second row): the text of its total's first statement, or None}."""
    _, columns, _ = link(rows, [document(raw)])
    first: dict[str, str] = {}
    for r in sorted(rows, key=lambda r: r["start"]):
        first.setdefault(columns[r["metric_id"]][0], r["text"])
    out: dict[str, str | None] = {}
    for r in sorted(rows, key=lambda r: r["start"]):
        out[r["text"] + ("#2" if r["text"] in out else "")] = first.get(columns[r["metric_id"]][1])
    return out


def test_every_figure_of_a_clause_continuing_qizhong_is_a_part():
    """其中，走私冻品案件40起，案值5.2亿元；走私香烟案件23起，案值1.9亿元: the money of the second
    clause (its second figure) is part of the 案值 total too, not a figure of its own."""
    raw = "海关缉私部门立案侦办走私案件130起，案值16.4亿元。其中，走私冻品案件40起，案值5.2亿元；走私香烟案件23起，案值1.9亿元。"
    cases = dict(category="cases_filed", action="立案侦办")
    money = dict(category="money_involved", obj="案值", kind="money")
    rows = [metric(raw, "130起", 130, "起", obj="走私案件", **cases),
            metric(raw, "16.4亿元", 16.4e8, "元", **money),
            metric(raw, "40起", 40, "起", obj="走私冻品案件", **cases),
            metric(raw, "5.2亿元", 5.2e8, "元", **money),
            metric(raw, "23起", 23, "起", obj="走私香烟案件", **cases),
            metric(raw, "1.9亿元", 1.9e8, "元", **money)]
    parts = _part_of(raw, rows)
    assert parts["40起"] == parts["23起"] == "130起"
    assert parts["5.2亿元"] == parts["1.9亿元"] == "16.4亿元"


def test_a_demonstrative_set_points_at_the_figure_of_the_people_it_names():
    """抓获涉赌犯罪嫌疑人142名，查处参赌人员388名。这些犯罪嫌疑人中，有97名已被起诉: 97名 is drawn
    from the 142名 suspects the set names, not from the 388名 gamblers stated nearer."""
    raw = "今年以来，全市共破获赌博案件56起，抓获涉赌犯罪嫌疑人142名；查处参赌人员388名。\n\n这些犯罪嫌疑人中，有97名已被移送起诉。"
    rows = [metric(raw, "56起", 56, "起", category="cases_solved", action="破获", obj="赌博案件"),
            metric(raw, "142名", 142, "名", category="suspects_arrested", action="抓获", obj="涉赌犯罪嫌疑人"),
            metric(raw, "388名", 388, "名", category="violations_handled", action="查处", obj="参赌人员"),
            metric(raw, "97名", 97, "名", category="prosecuted", action="移送起诉")]
    assert _part_of(raw, rows)["97名"] == "142名"


def test_a_set_named_by_its_count_points_at_the_money_of_its_own_topic():
    """立案侦办走私案件75起，案值8.6亿元，挽回损失4.2亿元。缉私局侦办的75起走私案件中，…案值3.1亿元:
    the set is named by its count (75起), and its money part belongs to the 案值 of the sentence
    before, not to the nearer 挽回损失."""
    raw = "今年以来，市缉私局立案侦办走私案件75起，案值8.6亿元，挽回损失4.2亿元。据悉，缉私局侦办的75起走私案件中，走私冻品案件31起，案值3.1亿元。"
    money = dict(kind="money")
    rows = [metric(raw, "75起", 75, "起", category="cases_filed", action="立案侦办", obj="走私案件"),
            metric(raw, "8.6亿元", 8.6e8, "元", category="money_involved", obj="案值", **money),
            metric(raw, "4.2亿元", 4.2e8, "元", category="losses_recovered", action="挽回", obj="损失", **money),
            metric(raw, "75起", 75, "起", nth=1, category="cases_filed", action="侦办", obj="走私案件"),
            metric(raw, "31起", 31, "起", category="cases_filed", obj="走私冻品案件"),
            metric(raw, "3.1亿元", 3.1e8, "元", category="money_involved", obj="案值", **money)]
    parts = _part_of(raw, rows)
    assert parts["3.1亿元"] == "8.6亿元" and parts["31起"] == "75起"


def test_a_county_figure_is_part_of_the_citywide_total_not_of_a_kind_broken_out_of_it():
    """全市审结的案件中，民事案件6120件，刑事案件2210件。甲县、乙县分别审结案件1530件、980件: the
    counties' figures are parts of the city's 9480件, not of its 刑事案件 (a kind broken out of the
    total), even when their object is read as the county's name."""
    raw = "今年以来，全市法院共审结案件9480件。全市法院审结的9480件案件中，民事案件6120件，刑事案件2210件。阳曲县、清徐县法院分别审结案件1530件、980件。"
    court = dict(category="adjudicated", action="审结", place="山西省太原市")
    rows = [metric(raw, "9480件", 9480, "件", obj="案件", **court),
            metric(raw, "9480件", 9480, "件", nth=1, obj="案件", **court),
            metric(raw, "6120件", 6120, "件", obj="民事案件", **court),
            metric(raw, "2210件", 2210, "件", obj="刑事案件", **court),
            metric(raw, "1530件", 1530, "件", obj="阳曲县", **dict(court, place="山西省太原市阳曲县")),
            metric(raw, "980件", 980, "件", obj="清徐县", **dict(court, place="山西省太原市清徐县"))]
    parts = _part_of(raw, rows)
    assert parts["2210件"] == "9480件"
    assert parts["1530件"] == parts["980件"] == "9480件"


def test_a_months_figure_is_part_of_the_narrowest_total_that_holds_it():
    """今年以来抓获涉枪犯罪嫌疑人240名；2020年以来累计抓获1380名。今年5月…抓获涉枪犯罪嫌疑人31名:
    the month is part of the year's 240名 (itself part of the cumulative 1380名), not of 1380名."""
    raw = "今年以来，全市共抓获涉枪犯罪嫌疑人240名。自2020年以来，全市累计抓获涉枪犯罪嫌疑人1380名。\n\n今年5月，警方打掉一个制贩枪团伙，抓获涉枪犯罪嫌疑人31名。"
    people = dict(category="suspects_arrested", action="抓获", place="广西壮族自治区柳州市")
    rows = [metric(raw, "240名", 240, "名", obj="涉枪犯罪嫌疑人", period_start=date(2024, 1, 1),
                   period_end=date(2024, 12, 10), **people),
            metric(raw, "1380名", 1380, "名", obj="涉枪犯罪嫌疑人", period_start=date(2020, 1, 1),
                   period_end=date(2024, 12, 10), **people),
            metric(raw, "31名", 31, "名", obj="涉枪犯罪嫌疑人", period_start=date(2024, 5, 1),
                   period_end=date(2024, 5, 31), **people)]
    parts = _part_of(raw, rows)
    assert parts["240名"] == "1380名" and parts["31名"] == "240名"


def test_the_items_of_one_enumeration_share_its_total():
    """接报盗抢警情5260起。其中，入室盗窃1840起；扒窃930起；抢夺210起: every item is a part of
    5260起, also one whose category the metrics stage read as another (扒窃 as economy)."""
    raw = "1至10月，全市共接报盗抢警情5260起，同比下降8.4%。其中，入室盗窃1840起；扒窃930起；抢夺210起。"
    calls = dict(category="police_service", action="接报")
    rows = [metric(raw, "5260起", 5260, "起", obj="盗抢警情", **calls),
            metric(raw, "1840起", 1840, "起", obj="入室盗窃", **calls),
            metric(raw, "930起", 930, "起", category="economy", obj="扒窃"),
            metric(raw, "210起", 210, "起", obj="抢夺", **calls)]
    parts = _part_of(raw, rows)
    assert parts["1840起"] == parts["930起"] == parts["210起"] == "5260起"


def test_the_items_of_a_list_after_one_marker_share_its_total():
    """提起公诉的948人中，包括盗窃犯罪233人、诈骗犯罪120人、帮助信息网络犯罪活动犯罪97人: the last item,
    read with 帮助 as its verb and another category, is a part of 948人 like the first."""
    raw = "今年以来，全区检察机关提起公诉948人。提起公诉的948人中，包括盗窃犯罪233人、诈骗犯罪120人、帮助信息网络犯罪活动犯罪97人。"
    sued = dict(category="prosecuted", action="提起公诉")
    rows = [metric(raw, "948人", 948, "人", **sued),
            metric(raw, "948人", 948, "人", nth=1, **sued),
            metric(raw, "233人", 233, "人", obj="盗窃犯罪", **sued),
            metric(raw, "120人", 120, "人", obj="诈骗犯罪", **sued),
            metric(raw, "97人", 97, "人", category="police_service", action="帮助", obj="信息网络犯罪活动犯罪")]
    parts = _part_of(raw, rows)
    assert parts["233人"] == parts["120人"] == parts["97人"] == "948人"


def test_a_kind_right_after_a_total_of_all_kinds_is_its_part():
    """查处各类交通违法行为12.4万起，查处酒驾醉驾违法行为2310起，日均340起: the drink-driving figure is
    one kind of the violations (same head noun 违法行为, no 其中), in the same window; the daily
    average and a figure of another action (受理…) are not parts."""
    raw = "今年以来，全市共查处各类交通违法行为12.4万起，查处酒驾醉驾违法行为2310起，日均340起；受理交通事故案件1.1万起。"
    handled = dict(category="violations_handled", action="查处", place="江西省九江市", period="今年以来")
    rows = [metric(raw, "12.4万起", 124000, "起", obj="交通违法行为", **handled),
            metric(raw, "2310起", 2310, "起", obj="酒驾醉驾违法行为", **handled),
            metric(raw, "340起", 340, "起", category="violations_handled", place="江西省九江市", period="今年以来"),
            metric(raw, "1.1万起", 11000, "起", category="cases_filed", action="受理", obj="交通事故案件",
                   place="江西省九江市", period="今年以来")]
    parts = _part_of(raw, rows)
    assert parts["2310起"] == "12.4万起"
    assert parts["340起"] is None and parts["1.1万起"] is None
    plain = raw.replace("各类", "")
    assert _part_of(plain, [metric(plain, r["text"], r["value"], r["unit"], category=r["category"],
                                   action=r["action"], obj=r["object"], place=r["place"], period=r["period"])
                            for r in rows])["2310起"] is None


def test_a_listed_amount_takes_the_total_amount_stated_after_it():
    """立案侦办的118起案件中，集资类案件23起，涉案金额2.6亿元；传销类案件31起，涉案金额1.4亿元。…涉案总金额达
    5.72亿元: the listed amounts are parts of the total amount stated after them, not of the
    挽回损失 of the cases stated before (another topic)."""
    raw = ("今年以来，全市立案侦办经济犯罪案件118起，挽回损失3.1亿元。\n\n"
           "在立案侦办的118起案件中，集资类案件23起，涉案金额2.6亿元；传销类案件31起，涉案金额1.4亿元。"
           "今年以来经济犯罪案件涉案总金额达5.72亿元。\n")
    money = dict(kind="money", place="福建省三明市", period="今年以来")
    rows = [metric(raw, "3.1亿元", 3.1e8, "元", category="losses_recovered", action="挽回", obj="损失", **money),
            metric(raw, "2.6亿元", 2.6e8, "元", category="money_involved", obj="涉案金额", **money),
            metric(raw, "1.4亿元", 1.4e8, "元", category="money_involved", obj="涉案金额", **money),
            metric(raw, "5.72亿元", 5.72e8, "元", category="money_involved", action="涉案", obj="总金额", **money)]
    parts = _part_of(raw, rows)
    assert parts["2.6亿元"] == parts["1.4亿元"] == "5.72亿元"
    assert parts["5.72亿元"] is None


def test_a_figure_of_last_year_is_neither_total_nor_part_of_this_years():
    """今年…破获此类案件86起 … 去年同期，全市破获此类案件75起 (a row given this year's 1至11月 by
    mistake) … 今年破获的86起案件中 … 甲区、乙区分别破获此类案件21起、14起: the districts are parts
    of the 86起, not of last year's 75起, and the 75起 is no part of the 86起."""
    raw = ("本报讯 今年1至11月，某市公安局破获食品药品犯罪案件86起。去年同期，全市破获此类案件75起。\n"
           "今年破获的86起案件中，甲区、乙区分别破获此类案件21起、14起。\n")
    solved = dict(category="cases_solved", action="破获")
    months = dict(period_start=date(2025, 1, 1), period_end=date(2025, 11, 30))
    year = dict(period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    rows = [metric(raw, "86起", 86, "起", obj="食品药品犯罪案件", place="某省某市", **solved, **months),
            metric(raw, "75起", 75, "起", obj="此类案件", place="某省某市", **solved, **months),
            metric(raw, "86起", 86, "起", nth=1, obj="案件", place="某省某市", **solved, **year),
            metric(raw, "21起", 21, "起", obj="甲区", place="某省某市甲区", **solved, **year),
            metric(raw, "14起", 14, "起", obj="乙区", place="某省某市乙区", **solved, **year)]
    _, columns, _ = link(rows, [document(raw, published=date(2025, 12, 9))])
    total = columns[rows[0]["metric_id"]][0]
    assert columns[rows[2]["metric_id"]][0] == total
    assert columns[rows[1]["metric_id"]][1] is None
    assert columns[rows[3]["metric_id"]][1] == columns[rows[4]["metric_id"]][1] == total


def _kinds_then(raw: str, kinds: list[tuple[str, float, str]], total: tuple[str, float, str], **common) -> dict:
    """Rows of a list of kinds (text, value, object) and the figure stated after them."""
    unit = total[0][-1] if not total[0].endswith("元") else "元"
    rows = [metric(raw, text, value, unit, obj=obj, **common) for text, value, obj in kinds]
    rows.append(metric(raw, total[0], total[1], unit, obj=total[2], **common))
    return _part_of(raw, rows)


_YEAR = dict(place="浙江省湖州市", period_start=date(2026, 1, 1), period_end=date(2026, 11, 30))


def test_kinds_stated_before_the_total_they_add_up_to_are_its_parts():
    """盗抢类案件涉案金额3.2亿元，诈骗类案件涉案金额1.5亿元，全县经济犯罪案件涉案总金额达6.9亿元:
    the two amounts are kinds of the 总金额 stated after them (the actions read from the kinds'
    names differ; the measure, 金额, agrees)."""
    raw = "据介绍，盗抢类案件涉案金额3.2亿元，诈骗类案件涉案金额1.5亿元，全市经济犯罪案件涉案总金额达6.9亿元。"
    rows = [metric(raw, "3.2亿元", 3.2e8, "元", kind="money", category="money_involved", action="盗抢",
                   obj="类案件涉案金额", **_YEAR),
            metric(raw, "1.5亿元", 1.5e8, "元", kind="money", category="money_involved", action="诈骗",
                   obj="类案件涉案金额", **_YEAR),
            metric(raw, "6.9亿元", 6.9e8, "元", kind="money", category="money_involved", action="涉案",
                   obj="总金额", **_YEAR)]
    parts = _part_of(raw, rows)
    assert parts["3.2亿元"] == parts["1.5亿元"] == "6.9亿元"
    assert parts["6.9亿元"] is None


def test_a_semicolon_list_of_kinds_is_part_of_the_total_after_its_last_item():
    """起诉盗窃犯罪412人；起诉诈骗犯罪305人；起诉危险驾驶犯罪288人，全市共起诉各类犯罪2860人: one
    sentence across ；, the total marked by 共 and 全市."""
    raw = "今年以来，全市检察机关起诉盗窃犯罪412人；起诉诈骗犯罪305人；起诉危险驾驶犯罪288人，全市共起诉各类犯罪2860人。"
    parts = _kinds_then(raw, [("412人", 412, "盗窃犯罪"), ("305人", 305, "诈骗犯罪"), ("288人", 288, "危险驾驶犯罪")],
                        ("2860人", 2860, "犯罪"), category="prosecuted", action="起诉", **_YEAR)
    assert parts["412人"] == parts["305人"] == parts["288人"] == "2860人"


def test_figures_before_one_not_marked_as_a_total_are_no_parts_of_it():
    """破获盗窃案件320起，破获电信网络诈骗案件650起: two kinds side by side; the second is no
    total of the first, however larger."""
    raw = "今年以来，警方破获盗窃案件320起，破获电信网络诈骗案件650起。"
    parts = _kinds_then(raw, [("320起", 320, "盗窃案件")], ("650起", 650, "电信网络诈骗案件"),
                        category="cases_solved", action="破获", **_YEAR)
    assert parts["320起"] is None


def test_kinds_adding_up_to_more_than_the_later_figure_are_no_parts_of_it():
    """盗窃案件320起，诈骗案件150起，全市共破获命案积案案件400起: 470 kinds cannot be parts of 400;
    the 共 figure counts something else."""
    raw = "今年以来，警方破获盗窃案件320起，破获诈骗案件150起，全市共破获命案积案案件400起。"
    parts = _kinds_then(raw, [("320起", 320, "盗窃案件"), ("150起", 150, "诈骗案件")],
                        ("400起", 400, "命案积案案件"), category="cases_solved", action="破获", **_YEAR)
    assert parts["320起"] is None and parts["150起"] is None


def test_a_total_of_another_measure_or_an_earlier_year_after_the_kinds_takes_no_parts():
    """查处酒驾违法行为1650起，去年同期全市查处交通违法行为总数为31000起: last year's total;
    资产规模6000亿元、管理基金总额9000亿元: another measure (no common ending)."""
    raw = "今年以来，交警部门查处酒驾违法行为1650起，去年同期全市查处交通违法行为总数为31000起。"
    parts = _kinds_then(raw, [("1650起", 1650, "酒驾违法行为")], ("31000起", 31000, "交通违法行为"),
                        category="violations_handled", action="查处", **_YEAR)
    assert parts["1650起"] is None
    raw = "该行资产规模6000亿元、管理基金总额9000亿元。"
    parts = _kinds_then(raw, [("6000亿元", 6e11, "资产规模")], ("9000亿元", 9e11, "管理基金总额"),
                        kind="money", category="economy", **_YEAR)
    assert parts["6000亿元"] is None


def test_kinds_before_a_total_of_another_sentence_are_no_parts_of_it():
    """The list and its total share a sentence: 盗窃案件320起。…全市共破获刑事案件5120起 in the next
    sentence may count another window or set; it is left alone."""
    raw = "今年以来，警方破获盗窃案件320起。据悉，全市共破获刑事案件5120起。"
    parts = _kinds_then(raw, [("320起", 320, "盗窃案件")], ("5120起", 5120, "刑事案件"),
                        category="cases_solved", action="破获", **_YEAR)
    assert parts["320起"] is None


def test_qizhong_de_refers_back_to_a_figure_of_its_value_stated_before():
    """抓获犯罪嫌疑人412人，其中未成年人38人。社区民警已约谈其中的38人的监护人: the second 38人 states
    the minors again (one fact, a part of the 412人), whatever verb the metrics stage read for it;
    抓获犯罪嫌疑人412人，其中的29人为外省籍: without an earlier 29人 it is a part of its own."""
    raw = "今年以来，警方抓获犯罪嫌疑人412人，其中未成年人38人。社区民警已约谈其中的38人的监护人。"
    rows = [metric(raw, "412人", 412, "人", category="suspects_arrested", action="抓获", obj="犯罪嫌疑人", **_YEAR),
            metric(raw, "38人", 38, "人", category="suspects_arrested", obj="未成年人", **_YEAR),
            metric(raw, "38人", 38, "人", nth=1, category="police_service", action="约谈", obj="监护人", **_YEAR)]
    _, columns, _ = link(rows, [document(raw)])
    assert columns[rows[1]["metric_id"]] == columns[rows[2]["metric_id"]]
    assert columns[rows[2]["metric_id"]][1] == columns[rows[0]["metric_id"]][0]
    raw = "今年以来，警方抓获犯罪嫌疑人412人，其中的29人为外省籍。"
    rows = [metric(raw, "412人", 412, "人", category="suspects_arrested", action="抓获", obj="犯罪嫌疑人", **_YEAR),
            metric(raw, "29人", 29, "人", category="suspects_arrested", **_YEAR)]
    assert _part_of(raw, rows)["29人"] == "412人"


def test_li_after_a_counted_set_opens_a_part_like_zhong():
    """在这320起案件里，冒充客服类诈骗有96起: 里 after a counted set (案件里，) is the spoken …中，; 在村里，
    after a place is no marker (劝阻群众120人 is no part of 走访群众3200人)."""
    raw = "今年以来，全市共破获电诈案件320起。在这320起案件里，冒充客服类诈骗有96起。"
    rows = [metric(raw, "320起", 320, "起", category="cases_solved", action="破获", obj="电诈案件", **_YEAR),
            metric(raw, "320起", 320, "起", nth=1, **_YEAR),
            metric(raw, "96起", 96, "起", obj="冒充客服类诈骗", **_YEAR)]
    assert _part_of(raw, rows)["96起"] == "320起"
    raw = "今年以来，民警走访群众3200人，在村里，劝阻群众120人。"
    rows = [metric(raw, "3200人", 3200, "人", category="police_service", action="走访", obj="群众", **_YEAR),
            metric(raw, "120人", 120, "人", category="fraud_prevented", action="劝阻", obj="群众", **_YEAR)]
    assert _part_of(raw, rows)["120人"] is None


def test_an_item_of_a_dun_list_shares_its_neighbours_total_whatever_its_category():
    """受理刑事案件820件、民事案件3650件、行政案件214件，共计受理各类案件4684件: 行政案件 read with
    another category is still a kind of the 4684件 its neighbours add up to; after a ，
    (…4684件，另办理执行案件214件) it is not."""
    raw = "今年以来，全市法院受理刑事案件820件、民事案件3650件、行政案件214件，共计受理各类案件4684件。"
    filed = dict(category="cases_filed", action="受理", **_YEAR)
    rows = [metric(raw, "820件", 820, "件", obj="刑事案件", **filed),
            metric(raw, "3650件", 3650, "件", obj="民事案件", **filed),
            metric(raw, "214件", 214, "件", obj="行政案件", category="violations_handled", **_YEAR),
            metric(raw, "4684件", 4684, "件", obj="各类案件", **filed)]
    parts = _part_of(raw, rows)
    assert parts["820件"] == parts["3650件"] == parts["214件"] == "4684件"
    raw = "今年以来，全市法院受理刑事案件820件、民事案件3650件，共计受理各类案件4684件，另办理执行案件214件。"
    rows = rows[:2] + [metric(raw, "214件", 214, "件", obj="执行案件", category="violations_handled", **_YEAR),
                       rows[3]]
    rows = [metric(raw, r["text"], r["value"], "件", obj=r["object"], category=r["category"], action=r["action"], **_YEAR)
            for r in rows]
    assert _part_of(raw, rows)["214件"] is None


def test_a_qizhong_part_finds_its_total_two_sentences_back():
    """涉案金额2.46亿元 … (a sentence of counts) … 其中，非法采砂案件涉案金额1.38亿元: the money of the
    kind is part of the money stated two sentences back; not of a smaller or other figure."""
    raw = ("本报讯 今年以来，全省公安机关破获非法采砂犯罪案件58起，涉案金额2.46亿元。"
           "在这些案件中，团伙作案37起，跨省作案9起。其中，非法采砂案件涉案金额1.38亿元，占比过半。")
    money = dict(kind="money", category="money_involved", place="安徽省")
    cases = dict(category="cases_solved", action="破获", place="安徽省")
    rows = [metric(raw, "58起", 58, "起", obj="非法采砂犯罪案件", **cases),
            metric(raw, "2.46亿元", 246000000, "元", obj="涉案金额", **money),
            metric(raw, "37起", 37, "起", obj="团伙作案", **cases),
            metric(raw, "9起", 9, "起", obj="跨省作案", **cases),
            metric(raw, "1.38亿元", 138000000, "元", obj="非法采砂案件涉案金额", **money)]
    part_of = _part_of(raw, rows)
    assert part_of["1.38亿元"] == "2.46亿元" and part_of["37起"] == "58起"
    rows[1] = {**rows[1], "value": 1.1e8}  # a smaller figure is no total of it
    assert _part_of(raw, rows)["1.38亿元"] is None
