"""Within a document: restatements fold into one fact; equal values alone do not."""

from __future__ import annotations

from datetime import date

from pipeline.facts import link

from .rows import document, metric

FRAUD = ("浙江今年以来破获电信网络诈骗案件近1.5万起\n\n"
         "本报讯 今年以来，浙江省公安机关破获电信网络诈骗案件1.487万起，抓获犯罪嫌疑人3000余名。\n\n"
         "据介绍，全省公安机关共破获电信网络诈骗案件14870起。其中，跨境电信网络诈骗案件2100起。\n\n"
         "全省共抓获犯罪嫌疑人3126名。上述3126名犯罪嫌疑人中，已有2800余名被依法移送起诉。\n")


def _fraud_rows():
    cases = dict(category="cases_solved", action="破获", obj="电信网络诈骗案件", place="浙江省")
    people = dict(category="suspects_arrested", action="抓获", obj="犯罪嫌疑人", place="浙江省")
    return [
        metric(FRAUD, "近1.5万起", 15000, "起", approx="under", **cases),
        metric(FRAUD, "1.487万起", 14870, "起", **cases),
        metric(FRAUD, "14870起", 14870, "起", **cases),
        metric(FRAUD, "2100起", 2100, "起", obj="跨境电信网络诈骗案件", place="浙江省"),
        metric(FRAUD, "3000余名", 3000, "名", approx="over", **people),
        metric(FRAUD, "3126名", 3126, "名", **people),
        metric(FRAUD, "3126名", 3126, "名", nth=1, obj="上述", place="浙江省"),
        metric(FRAUD, "2800余名", 2800, "名", approx="over", action="依法", obj="上述", place="浙江省"),
    ]


def _facts_of(rows, raw):
    """(facts, {text: (fact_id, part_of)}), the second occurrence of a text keyed text#2."""
    facts, columns, _ = link(rows, [document(raw)])
    by: dict = {}
    for r in sorted(rows, key=lambda r: r["start"]):
        by[r["text"] + ("#2" if r["text"] in by else "")] = columns[r["metric_id"]]
    return facts, by


def test_headline_lead_and_body_state_one_fact():
    """近1.5万起 (headline), 1.487万起 (lead) and 14870起 (body) are one statistic."""
    facts, by = _facts_of(_fraud_rows(), FRAUD)
    assert by["近1.5万起"][0] == by["1.487万起"][0] == by["14870起"][0]
    fact = next(f for f in facts if f["fact_id"] == by["14870起"][0])
    assert fact["n_statements"] == 3 and fact["value"] == 14870 and not fact["conflict"]


def test_a_back_reference_joins_the_figure_it_refers_to():
    """上述3126名 is the 3126名 stated before, and both are the 3000余名 of the lead."""
    _, by = _facts_of(_fraud_rows(), FRAUD)
    assert by["3126名"][0] == by["3126名#2"][0] == by["3000余名"][0]


def test_a_subtotal_is_part_of_its_total_and_never_folded():
    """其中，跨境电信网络诈骗案件2100起 is part of 14870起; 上述3126名…中，2800余名 is part of 3126名."""
    _, by = _facts_of(_fraud_rows(), FRAUD)
    assert by["2100起"][1] == by["14870起"][0] != by["2100起"][0]
    assert by["2800余名"][1] == by["3126名"][0] != by["2800余名"][0]
    assert by["14870起"][1] is None


GANGS = ("本报讯 今年以来，南京市公安局抓获犯罪嫌疑人38名，查扣涉案资产2.35亿元。\n"
         "与此同时，南京市纪委监委给予党纪政务处分的党员干部38名。\n"
         "据统计，南京市共查扣涉案资产约2.4亿元，包括现金4600万元。\n")


def test_two_different_figures_of_38_stay_two_facts():
    """抓获犯罪嫌疑人38名 and 处分党员干部38名: equal value is no evidence."""
    rows = [
        metric(GANGS, "38名", 38, "名", category="suspects_arrested", action="抓获", obj="犯罪嫌疑人"),
        metric(GANGS, "38名", 38, "名", nth=1, category="officials_punished", action="处分", obj="党员干部"),
    ]
    facts, columns, _ = link(rows, [document(GANGS)])
    assert columns[rows[0]["metric_id"]][0] != columns[rows[1]["metric_id"]][0]
    assert len(facts) == 2


def test_equal_uncategorised_figures_need_more_than_their_value():
    """集体二等功两次、三等功两次: two 'other' rows of equal value are two facts."""
    raw = "表演队荣立集体二等功两次、三等功两次、集体嘉奖四次。"
    rows = [metric(raw, "两次", 2, "次", obj="集体二等功"), metric(raw, "两次", 2, "次", nth=1, obj="三等功")]
    facts, _, _ = link(rows, [document(raw)])
    assert len(facts) == 2


def test_a_rounded_share_and_the_exact_share_are_one_fact():
    """超四成的案件为冒充客服类诈骗 / 冒充客服类诈骗占比41.2%."""
    raw = "从案件类型看，超四成的案件为冒充客服类诈骗。负责人表示，冒充客服类诈骗占比41.2%，仍居首位。"
    rows = [metric(raw, "超四成", 40, "成", kind="percent", approx="over", obj="案件"),
            metric(raw, "41.2%", 41.2, "%", kind="percent", obj="占比")]
    facts, columns, _ = link(rows, [document(raw)])
    assert len(facts) == 1 and facts[0]["value"] == 41.2


def test_included_money_is_part_of_the_seized_total():
    """查扣涉案资产约2.4亿元，包括现金4600万元: the cash is part of the 2.4亿 (= 2.35亿)."""
    seized = dict(category="assets_seized", action="查扣", obj="涉案资产", kind="money")
    rows = [metric(GANGS, "2.35亿元", 235000000, "元", **seized),
            metric(GANGS, "约2.4亿元", 240000000, "元", approx="about", **seized),
            metric(GANGS, "4600万元", 46000000, "元", kind="money", category="money_other", action="包括",
                   obj="现金")]
    _, columns, _ = link(rows, [document(GANGS)])
    total = columns[rows[0]["metric_id"]][0]
    assert columns[rows[1]["metric_id"]][0] == total
    assert columns[rows[2]["metric_id"]] == (columns[rows[2]["metric_id"]][0], total)
    assert columns[rows[2]["metric_id"]][0] != total


WARN = ("广州反诈中心预警劝阻群众14.5万人次\n"
        "本报讯 今年1至10月，广州市反诈中心发出预警劝阻14.5万人次。\n"
        "1至10月，该中心共预警劝阻潜在受害群众145万人次。其中，10月份预警劝阻1.6万人次。\n")


def test_a_tenfold_slip_is_one_fact_flagged_as_conflict():
    """14.5万人次 in the lead and 145万人次 in the body: one fact, conflict true, rows kept."""
    warn = dict(category="fraud_warnings", action="预警劝阻", place="广东省广州市")
    rows = [metric(WARN, "14.5万人次", 145000, "人次", obj="群众", **warn),
            metric(WARN, "14.5万人次", 145000, "人次", nth=1, **warn),
            metric(WARN, "145万人次", 1450000, "人次", obj="潜在受害群众", **warn),
            metric(WARN, "1.6万人次", 16000, "人次", **warn)]
    facts, columns, _ = link(rows, [document(WARN)])
    ids = [columns[r["metric_id"]][0] for r in rows]
    assert ids[0] == ids[1] == ids[2] != ids[3]
    fact = next(f for f in facts if f["fact_id"] == ids[0])
    assert fact["conflict"] and fact["n_statements"] == 3
    assert columns[rows[3]["metric_id"]][1] == ids[0]  # 其中，10月份… is a part


def test_different_actions_on_one_object_are_different_facts():
    """受理金融犯罪案件3580件 / 审结3126件: 审结3000余件 is the 3126, not the 3580."""
    raw = "成都法院审结金融犯罪案件3000余件\n本报讯 2022年，成都市两级法院共受理金融犯罪案件3580件，审结3126件。\n"
    handled = dict(category="cases_handled", obj="金融犯罪案件")
    rows = [metric(raw, "3000余件", 3000, "件", approx="over", action="审结", **handled),
            metric(raw, "3580件", 3580, "件", action="受理", **handled),
            metric(raw, "3126件", 3126, "件", action="审结", **handled)]
    _, columns, _ = link(rows, [document(raw)])
    ids = [columns[r["metric_id"]][0] for r in rows]
    assert ids[0] == ids[2] != ids[1]


def test_a_sub_area_of_a_total_is_its_part():
    """成都市审结3126件 … 锦江区人民法院审结412件: the district's figure is part of the city's."""
    raw = "成都市两级法院审结金融犯罪案件3126件。锦江区人民法院审结金融犯罪案件412件。"
    handled = dict(category="cases_handled", action="审结", obj="金融犯罪案件")
    rows = [metric(raw, "3126件", 3126, "件", place="四川省成都市", **handled),
            metric(raw, "412件", 412, "件", place="四川省成都市锦江区", **handled)]
    _, columns, _ = link(rows, [document(raw)])
    assert columns[rows[1]["metric_id"]][1] == columns[rows[0]["metric_id"]][0]


def test_equal_figures_of_equal_precision_in_similar_clauses_stay_apart():
    """甲型影碟机长宽均为16厘米 / 乙型影碟机长宽也为16厘米: alike clauses, two machines."""
    raw = "甲型影碟机长宽均为16厘米，重2公斤。乙型影碟机长宽也为16厘米，重3公斤。"
    rows = [metric(raw, "16厘米", 16, "厘米", kind="length"), metric(raw, "16厘米", 16, "厘米", nth=1, kind="length")]
    facts, _, _ = link(rows, [document(raw)])
    assert len(facts) == 2


def _part_of(raw: str, rows: list[dict]) -> dict[str, str | None]:
    """{text: the text of its total, or None}."""
    _, columns, _ = link(rows, [document(raw)])
    text_of = {columns[r["metric_id"]][0]: r["text"] for r in rows}
    return {r["text"]: text_of.get(columns[r["metric_id"]][1]) for r in rows}


def test_a_sub_area_is_read_from_division_codes():
    """武汉 (420100) inside 湖北 (420000): 武汉破获盗窃案件5630起 is part of the province's
    盗窃案件19612起, not of its 电动车盗窃案件6027起 stated in between."""
    raw = "全省共破获盗窃案件19612起，其中电动车盗窃案件6027起。武汉市破获盗窃案件5630起。"
    solved = dict(category="cases_solved", action="破获")
    rows = [metric(raw, "19612起", 19612, "起", obj="盗窃案件", place="湖北省", **solved),
            metric(raw, "6027起", 6027, "起", obj="电动车盗窃案件", place="湖北省", **solved),
            metric(raw, "5630起", 5630, "起", obj="盗窃案件", place="湖北省武汉市", **solved)]
    rows[0]["place_code"], rows[1]["place_code"], rows[2]["place_code"] = "420000", "420000", "420100"
    assert _part_of(raw, rows)["5630起"] == "19612起"


def test_qizhong_opening_a_paragraph_breaks_down_a_total_of_the_paragraph_before():
    """一段: 共受理案件1268件，审结1195件。…  下一段: 其中，2021年受理案件486件。"""
    raw = "三年间，全市法院共受理环境资源类案件1268件，审结1195件。该院通报了典型案例。\n\n其中，2021年受理环境资源类案件486件。"
    filed = dict(category="cases_filed", action="受理", obj="环境资源类案件")
    rows = [metric(raw, "1268件", 1268, "件", **filed),
            metric(raw, "1195件", 1195, "件", category="cases_concluded", action="审结", obj="环境资源类案件"),
            metric(raw, "486件", 486, "件", **filed)]
    assert _part_of(raw, rows)["486件"] == "1268件"


def test_a_clause_after_a_semicolon_continues_the_enumeration_of_qizhong():
    """其中，起诉电信网络诈骗犯罪5120人；起诉帮助信息网络犯罪活动罪2730人: both are parts."""
    raw = "全省检察机关共起诉涉诈犯罪9860人。其中，起诉电信网络诈骗犯罪5120人；起诉帮助信息网络犯罪活动罪2730人。"
    sued = dict(category="prosecuted", action="起诉")
    rows = [metric(raw, "9860人", 9860, "人", obj="涉诈犯罪", **sued),
            metric(raw, "5120人", 5120, "人", obj="电信网络诈骗犯罪", **sued),
            metric(raw, "2730人", 2730, "人", obj="帮助信息网络犯罪活动罪", **sued)]
    parts = _part_of(raw, rows)
    assert parts["5120人"] == "9860人" and parts["2730人"] == "9860人"


def test_a_set_named_before_may_be_stated_two_sentences_back():
    """缴获各类毒品20.6吨。…跨境贩毒案件1245起。在缴获的毒品中，冰毒片剂11.3吨: a part of 20.6吨;
    …中， without 的/上述 keeps to its own sentence."""
    raw = "今年以来，全省缴获各类毒品20.6吨。\n\n据介绍，破获的案件中，跨境贩毒案件1245起。在缴获的毒品中，冰毒片剂11.3吨。"
    rows = [metric(raw, "20.6吨", 20.6, "吨", kind="weight", category="assets_seized", action="缴获", obj="毒品"),
            metric(raw, "1245起", 1245, "起"),
            metric(raw, "11.3吨", 11.3, "吨", kind="weight", obj="冰毒片剂")]
    assert _part_of(raw, rows)["11.3吨"] == "20.6吨"
    plain = "今年以来，全省缴获各类毒品20.6吨。据介绍，跨境贩毒案件1245起。在行动中，缴获冰毒片剂11.3吨。"
    rows = [metric(plain, "20.6吨", 20.6, "吨", kind="weight", category="assets_seized", action="缴获", obj="毒品"),
            metric(plain, "1245起", 1245, "起"),
            metric(plain, "11.3吨", 11.3, "吨", kind="weight", obj="冰毒片剂")]
    assert _part_of(plain, rows)["11.3吨"] is None


def test_a_tenfold_slip_without_category_needs_the_same_object_and_action():
    """盘查重点人员2.36万人次 in the lead and 盘查重点人员23.6万人次 in the body: one fact, conflict;
    出动警力4.8万人次 (another object) stays its own fact."""
    raw = ("本报讯 6月至8月，全市公安机关盘查重点人员2.36万人次。\n"
           "行动中，全市公安机关出动警力4.8万人次，盘查重点人员23.6万人次。\n")
    other = dict(category="other", place="山西省太原市")
    rows = [metric(raw, "2.36万人次", 23600, "人次", action="盘查", obj="重点人员", **other),
            metric(raw, "4.8万人次", 48000, "人次", action="出动", obj="警力", **other),
            metric(raw, "23.6万人次", 236000, "人次", action="盘查", obj="重点人员", **other)]
    facts, columns, _ = link(rows, [document(raw)])
    ids = [columns[r["metric_id"]][0] for r in rows]
    assert ids[0] == ids[2] != ids[1]
    assert next(f for f in facts if f["fact_id"] == ids[0])["conflict"]


def test_a_district_figure_before_its_citywide_total_is_a_part():
    """南明区破获86起 stated before 全市破获693起 of the same window: part of it; the city's 31起 of
    one week is part of the city's year, not of the district's 86起."""
    raw = ("今年以来，南明区破获毒品犯罪案件86起。\n全市公安机关今年以来破获毒品犯罪案件693起。\n"
           "本周，全市破获毒品犯罪案件31起。\n")
    solved = dict(category="cases_solved", action="破获", obj="毒品犯罪案件")
    year = dict(period_start=date(2023, 1, 1), period_end=date(2023, 12, 11))
    rows = [metric(raw, "86起", 86, "起", place="贵州省贵阳市南明区", **solved, **year),
            metric(raw, "693起", 693, "起", place="贵州省贵阳市", **solved, **year),
            metric(raw, "31起", 31, "起", place="贵州省贵阳市", period_start=date(2023, 12, 4),
                   period_end=date(2023, 12, 10), **solved)]
    _, columns, _ = link(rows, [document(raw)])
    city = columns[rows[1]["metric_id"]][0]
    assert columns[rows[0]["metric_id"]][1] == city
    assert columns[rows[1]["metric_id"]][1] is None
    assert columns[rows[2]["metric_id"]][1] == city  # the week within the year, not the district


def test_a_back_reference_in_traditional_script_joins_its_figure():
    """在這693起案件中 on a traditional page is the 693起 stated before, as 这693起 is."""
    raw = "今年以來，全市公安機關破獲毒品犯罪案件693起。在這693起案件中，涉及合成毒品的有241起。\n"
    solved = dict(category="cases_solved", action="破獲", obj="毒品犯罪案件", place="贵州省贵阳市")
    rows = [metric(raw, "693起", 693, "起", **solved),
            metric(raw, "693起", 693, "起", nth=1, place="贵州省贵阳市"),
            metric(raw, "241起", 241, "起", place="贵州省贵阳市")]
    _, columns, _ = link(rows, [document(raw)])
    assert columns[rows[0]["metric_id"]][0] == columns[rows[1]["metric_id"]][0]


def test_a_loose_window_restates_the_dated_window_it_nearly_covers():
    """近三年…1268件 in the headline and 2021年1月至2023年11月…1268件 in the body: one fact; 近三年
    never joins 今年 (a third of the window)."""
    raw = "近三年审结涉未成年人案件1268件\n本报讯 2021年1月至2023年11月，全市法院审结涉未成年人案件1268件。\n"
    court = dict(category="adjudicated", action="审结", obj="涉未成年人案件", place="重庆市")
    rows = [metric(raw, "1268件", 1268, "件", period="近三年", period_start=date(2020, 12, 12),
                   period_end=date(2023, 12, 11), **court),
            metric(raw, "1268件", 1268, "件", nth=1, period="2021年1月至2023年11月",
                   period_start=date(2021, 1, 1), period_end=date(2023, 11, 30), **court)]
    _, columns, _ = link(rows, [document(raw)])
    assert columns[rows[0]["metric_id"]][0] == columns[rows[1]["metric_id"]][0]
    year = dict(rows[1], period="今年", period_start=date(2023, 1, 1))
    _, columns, _ = link([rows[0], year], [document(raw)])
    assert columns[rows[0]["metric_id"]][0] != columns[year["metric_id"]][0]


def test_one_months_seizure_in_kilograms_is_part_of_the_years_tonnes():
    """今年以来缴获毒品1.26吨 … 9月侦破的贩毒案中，缴获冰毒182千克: a sub-period in another size of
    the same unit (…案中， names no total at hand), part of the year's 1.26吨; 1260公斤 restates it."""
    raw = ("今年以来，全市公安机关缴获各类毒品1.26吨。\n9月侦破的跨省贩毒案中，警方缴获冰毒182千克。\n"
           "全年缴获毒品共1260公斤。\n")
    seized = dict(category="assets_seized", action="缴获", place="贵州省贵阳市", kind="weight")
    year = dict(period_start=date(2023, 1, 1), period_end=date(2023, 12, 11))
    rows = [metric(raw, "1.26吨", 1.26, "吨", obj="各类毒品", **seized, **year),
            metric(raw, "182千克", 182, "千克", obj="冰毒", period_start=date(2023, 9, 1),
                   period_end=date(2023, 9, 30), **seized),
            metric(raw, "1260公斤", 1260, "公斤", obj="毒品", **seized, **year)]
    _, columns, _ = link(rows, [document(raw)])
    year_fact = columns[rows[0]["metric_id"]][0]
    assert columns[rows[1]["metric_id"]][1] == year_fact
    assert columns[rows[2]["metric_id"]][0] == year_fact


def test_a_part_named_from_its_set_may_be_at_a_later_stage():
    """警方抓获的38名犯罪嫌疑人中，已有30名被检察机关批准逮捕: 30名 (arrests_approved) is part of the
    38名 (suspects_arrested) its …中， names, not a fact of its own set."""
    raw = "本报讯 警方抓获犯罪嫌疑人38名。警方抓获的38名犯罪嫌疑人中，已有30名被检察机关批准逮捕。\n"
    place = dict(place="江苏省南京市")
    rows = [metric(raw, "38名", 38, "名", category="suspects_arrested", action="抓获", obj="犯罪嫌疑人", **place),
            metric(raw, "38名", 38, "名", nth=1, category="suspects_arrested", action="抓获", obj="犯罪嫌疑人", **place),
            metric(raw, "30名", 30, "名", category="arrests_approved", action="批准逮捕", **place)]
    _, columns, _ = link(rows, [document(raw)])
    total = columns[rows[0]["metric_id"]][0]
    assert columns[rows[1]["metric_id"]][0] == total
    assert columns[rows[2]["metric_id"]][1] == total


def test_the_case_named_back_restates_its_figure():
    """今年3月…抓获犯罪嫌疑人17名。目前，该案17名犯罪嫌疑人已被起诉: 该案17名 (read without a
    category) is the 17名 of the case, whatever its period was read as."""
    raw = "今年3月，某县公安局破获一起跨省盗窃案，抓获犯罪嫌疑人17名，追回赃款60万元。目前，该案17名犯罪嫌疑人均已被移送起诉。\n"
    place = dict(place="安徽省宿州市砀山县")
    rows = [metric(raw, "17名", 17, "名", category="suspects_arrested", action="抓获", obj="犯罪嫌疑人",
                   period_start=date(2024, 3, 1), period_end=date(2024, 3, 31), **place),
            metric(raw, "17名", 17, "名", nth=1, obj="该案", period_end=date(2024, 12, 10), **place)]
    _, columns, _ = link(rows, [document(raw)])
    assert columns[rows[0]["metric_id"]][0] == columns[rows[1]["metric_id"]][0]


def test_an_abbreviated_action_or_object_restates_the_full_one():
    """Headline 批捕2.1万余人 / body 批准逮捕21356人 (批捕 abbreviates 批准逮捕), headline 破获电诈案件
    418起 / body 破获电信网络诈骗案件418起; 信诈案件 (not from the first character) is none."""
    raw = ("全省检察机关批捕2.1万余人 破获电诈案件418起\n本报讯 今年以来，全省检察机关批准逮捕犯罪嫌疑人21356人。"
           "全省公安机关破获电信网络诈骗案件418起。\n")
    place = dict(place="江西省")
    rows = [metric(raw, "2.1万余人", 21000, "人", approx="over", category="arrests_approved", action="批捕", **place),
            metric(raw, "418起", 418, "起", category="cases_solved", action="破获", obj="电诈案件", **place),
            metric(raw, "21356人", 21356, "人", category="arrests_approved", action="批准逮捕", obj="犯罪嫌疑人", **place),
            metric(raw, "418起", 418, "起", nth=1, category="cases_solved", action="破获", obj="电信网络诈骗案件", **place)]
    _, columns, _ = link(rows, [document(raw)])
    ids = [columns[r["metric_id"]][0] for r in rows]
    assert ids[0] == ids[2] and ids[1] == ids[3]
    swapped = dict(rows[1], object="信诈案件")
    _, columns, _ = link([swapped, rows[3]], [document(raw)])
    assert columns[swapped["metric_id"]][0] != columns[rows[3]["metric_id"]][0]


def test_the_total_amount_restates_the_amount():
    """涉案金额逾9亿元 (lead) and 涉案总金额达9.27亿元 (body, read as 涉案 + 总金额) are one
    statistic; 总 says "all of it", which the figure says already. 非法集资涉案金额3.4亿元 is a part."""
    raw = ("本报讯 今年以来，全市共立案侦办经济犯罪案件211起，涉案金额逾9亿元。\n\n"
           "其中，非法集资类案件40起，涉案金额3.4亿元。今年以来经济犯罪案件涉案总金额达9.27亿元。\n")
    money = dict(category="money_involved", kind="money", place="福建省莆田市")
    rows = [metric(raw, "逾9亿元", 9e8, "元", approx="over", obj="涉案金额", **money),
            metric(raw, "3.4亿元", 3.4e8, "元", obj="涉案金额", **money),
            metric(raw, "9.27亿元", 9.27e8, "元", action="涉案", obj="总金额", **money)]
    _, columns, _ = link(rows, [document(raw)])
    lead, part, body = (columns[r["metric_id"]] for r in rows)
    assert lead[0] == body[0] and part[1] == body[0]


def test_a_slip_stated_before_its_correct_figure_joins_the_rounded_headline_as_a_conflict():
    """逾200千克 (headline), 24.6千克 (lead: the slip), 246千克 (body, 今年以来): one fact with a
    conflict. 24.6 cannot slip against the headline's one significant digit and comes first, and
    it is no sub-period part of the 246千克: it restates it with a slip."""
    raw = ("某市警方前11个月缴获毒品逾200千克\n本报讯 今年1至11月，某市公安局缴获各类毒品24.6千克。\n"
           "据介绍，今年以来共缴获各类毒品246千克，其中冰毒150千克。\n")
    seized = dict(category="assets_seized", action="缴获", obj="毒品", place="某省某市", kind="weight")
    months = dict(period="今年1至11月", period_start=date(2025, 1, 1), period_end=date(2025, 11, 30))
    rows = [metric(raw, "逾200千克", 200, "千克", approx="over", **seized, **months),
            metric(raw, "24.6千克", 24.6, "千克", **seized, **months),
            metric(raw, "246千克", 246, "千克", **seized, period="今年以来",
                   period_start=date(2025, 1, 1), period_end=date(2025, 12, 9)),
            metric(raw, "150千克", 150, "千克", **dict(seized, obj="冰毒"), period="今年以来",
                   period_start=date(2025, 1, 1), period_end=date(2025, 12, 9))]
    facts, columns, _ = link(rows, [document(raw, published=date(2025, 12, 9))])
    ids = [columns[r["metric_id"]][0] for r in rows]
    assert ids[0] == ids[1] == ids[2] != ids[3]
    assert [columns[r["metric_id"]][1] for r in rows] == [None, None, None, ids[0]]  # not 冰毒's part
    fact = next(f for f in facts if f["fact_id"] == ids[0])
    assert fact["conflict"] and fact["n_statements"] == 3


def test_a_share_word_as_object_agrees_with_the_thing_counted():
    """盗窃案件占比近四成 / 盗窃案件占全部立案总数的38.7%: the share word 占比 says nothing about
    what is counted, so it does not keep the two apart; 立案总数 and 党员干部 still do."""
    raw = ("今年以来，全区立案侦查刑事案件812起，其中盗窃案件占比近四成。\n\n"
           "分析显示，盗窃案件占全部立案总数的38.7%，多发生在夜间。")
    share = dict(kind="percent", category="cases_filed", action="立案")
    rows = [metric(raw, "近四成", 40, "成", approx="under", obj="占比", **share),
            metric(raw, "38.7%", 38.7, "%", obj="立案总数", **share)]
    facts, _, _ = link(rows, [document(raw)])
    assert len(facts) == 1 and facts[0]["value"] == 38.7
    rows[0] = {**rows[0], "object": "党员干部"}
    assert len(link(rows, [document(raw)])[0]) == 2


def test_a_framed_back_reference_joins_the_figure_of_another_verb_and_keeps_its_parts():
    """追缴涉案赃款865万元 … 在查扣的865万元赃款中，现金312万元: the frame 在…的N…中 names the set
    stated before (read with another verb, so another category) and still opens its parts."""
    raw = ("本报讯 今年以来，全市公安机关为群众追缴涉案赃款865万元，抓获犯罪嫌疑人93名。\n\n"
           "在查扣的865万元赃款中，现金312万元，已全部发还受害群众。")
    money = dict(kind="money", place="江西省九江市")
    rows = [metric(raw, "865万元", 8650000, "元", category="losses_recovered", action="追缴", obj="涉案赃款", **money),
            metric(raw, "865万元", 8650000, "元", nth=1, category="assets_seized", action="查扣", obj="赃款", **money),
            metric(raw, "312万元", 3120000, "元", category="assets_seized", obj="现金", **money)]
    _, by = _facts_of(rows, raw)
    assert by["865万元"][0] == by["865万元#2"][0]
    assert by["312万元"][1] == by["865万元"][0]


CHANGE = ("南宁今年查处走私案件86起 数量同比上升12.7%\n\n"
          "本报讯 今年1至10月，南宁海关缉私部门共查处走私案件86起，查处案件数同比上升12.7%。\n")


def test_a_rate_of_a_bare_measure_restates_the_rate_of_the_count_before_it():
    """数量同比上升12.7% in a headline and 查处案件数同比上升12.7% in the lead: one rate. A count
    whose object is 数量 is not a rate, and keeps its object."""
    period = dict(period_start=date(2026, 1, 1), place="广西壮族自治区南宁市")
    rows = [metric(CHANGE, "12.7%", 12.7, "%", kind="percent", category="incidents_change", obj="数量",
                   period="今年", period_end=date(2026, 12, 31), **period),
            metric(CHANGE, "12.7%", 12.7, "%", nth=1, kind="percent", category="incidents_change",
                   obj="查处案件数", period="今年1至10月", period_end=date(2026, 10, 31), **period)]
    for row in rows:
        row["doc_id"] = "d1"
    facts, columns, _ = link(rows, [document(CHANGE, published=date(2026, 11, 20))])
    assert columns[rows[0]["metric_id"]][0] == columns[rows[1]["metric_id"]][0]


def test_a_rate_of_a_bare_measure_does_not_join_another_objects_rate_of_another_value():
    """数量…12.7% and 查处案件数…13.5%: the measure rule opens the object, not the value."""
    raw = "数量同比上升12.7% 查处案件数同比上升13.5%"
    period = dict(period="今年", period_start=date(2026, 1, 1), period_end=date(2026, 12, 31))
    rows = [metric(raw, "12.7%", 12.7, "%", kind="percent", category="incidents_change", obj="数量", **period),
            metric(raw, "13.5%", 13.5, "%", kind="percent", category="incidents_change", obj="查处案件数", **period)]
    facts, columns, _ = link(rows, [document(raw, published=date(2026, 11, 20))])
    assert columns[rows[0]["metric_id"]][0] != columns[rows[1]["metric_id"]][0]
