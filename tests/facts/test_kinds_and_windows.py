"""Kinds named without a verb, sets listed with 包括, windows read to the publication day,
shares without a verb and objects that open with their own place (issue 13, eighth blind set's
classes; the sentences are written for these tests)."""

from __future__ import annotations

from datetime import date

from pipeline.facts import link

from .rows import document, metric

DAY = date(2026, 12, 10)
SO_FAR = dict(period="今年1至11月", period_start=date(2026, 1, 1), period_end=date(2026, 11, 30))
SINCE = dict(period="今年以来", period_start=date(2026, 1, 1), period_end=date(2026, 12, 10))


def _by_text(raw: str, rows: list[dict], published=DAY) -> dict[str, tuple]:
    """{text (text#2 for its second row): (fact_id, part_of)}."""
    _, columns, _ = link(rows, [document(raw, published=published)])
    out: dict[str, tuple] = {}
    for r in sorted(rows, key=lambda r: r["start"]):
        out[r["text"] + ("#2" if r["text"] in out else "")] = columns[r["metric_id"]]
    return out


def _total_of(raw: str, rows: list[dict], part: str) -> str | None:
    """The text of the first statement of ``part``'s total."""
    links = _by_text(raw, rows)
    first: dict[str, str] = {}
    for text, (fact, _) in links.items():
        first.setdefault(fact, text)
    return first.get(links[part][1])


def test_baokuo_after_a_named_set_lists_that_set():
    """今年侦破的640起案件中，包括盗窃案件210起、诈骗案件95起: the 包括 lists the set the …中，
    names, whatever category the kinds were read with (no verb of their own)."""
    raw = "今年1至11月，全区公安机关侦破各类案件640起。今年侦破的640起案件中，包括盗窃案件210起、诈骗案件95起。"
    place = dict(place="江苏省南京市玄武区", **SO_FAR)
    rows = [metric(raw, "640起", 640, "起", category="cases_solved", action="侦破", obj="各类案件", **place),
            metric(raw, "640起", 640, "起", nth=1, category="cases_solved", action="侦破", obj="案件", **place),
            metric(raw, "210起", 210, "起", category="cases_filed", action="包括", obj="盗窃案件", **place),
            metric(raw, "95起", 95, "起", category="cases_filed", obj="诈骗案件", **place)]
    assert _total_of(raw, rows, "210起") == "640起"
    assert _total_of(raw, rows, "95起") == "640起"


def test_a_qizhong_part_as_of_a_month_end_takes_the_total_restated_after_it():
    """截至11月底，…。其中，传销类案件涉案金额2.15亿元 … 上述案件涉案总金额达5.87亿元: the part
    stops to date (Nov 30 in a report of Dec 10), the total counts 今年以来: one window; the
    part's verb is read from its kind's name (传销), not the total's (涉案)."""
    raw = ("今年以来，全县立案侦办经济犯罪案件86起，涉案总金额约6亿元。\n\n"
           "截至11月底，立案侦办的86起案件中，传销类案件19起。其中，传销类案件涉案金额2.15亿元。\n\n"
           "据统计，上述案件涉案总金额达5.87亿元。")
    place = dict(place="浙江省衢州市")
    money = dict(kind="money", category="money_involved", **place)
    to_month_end = dict(period="截至11月底", period_end=date(2026, 11, 30))
    rows = [metric(raw, "86起", 86, "起", category="cases_filed", action="立案侦办", obj="经济犯罪案件", **place, **SINCE),
            metric(raw, "约6亿元", 6e8, "元", approx="about", action="涉案", obj="总金额", **money, **SINCE),
            metric(raw, "86起", 86, "起", nth=1, category="cases_filed", action="立案", obj="案件", **place, **to_month_end),
            metric(raw, "19起", 19, "起", category="cases_filed", action="传销", obj="类案件", **place, **to_month_end),
            metric(raw, "2.15亿元", 2.15e8, "元", action="传销", obj="类案件涉案金额", **money, **to_month_end),
            metric(raw, "5.87亿元", 5.87e8, "元", action="涉案", obj="总金额", **money, **SINCE)]
    links = _by_text(raw, rows)
    assert links["约6亿元"][0] == links["5.87亿元"][0]
    assert _total_of(raw, rows, "2.15亿元") == "约6亿元"


def test_a_kind_without_a_verb_is_part_of_the_total_of_the_paragraph_before():
    """其中，冒充客服类诈骗案件480起；网络贷款类诈骗案件305起 after a sentence with no figure of its
    unit: the kinds have no verb, so the 诈骗案件 they name are the 破获…电信网络诈骗案件1520起 of
    the paragraph before, whatever category the kinds were given."""
    raw = ("今年1至11月，全市公安机关共破获电信网络诈骗案件1520起。\n\n"
           "从类型看，冒充客服类诈骗居首位。其中，冒充客服类诈骗案件480起；网络贷款类诈骗案件305起。")
    place = dict(place="湖南省邵阳市", **SO_FAR)
    rows = [metric(raw, "1520起", 1520, "起", category="cases_solved", action="破获", obj="电信网络诈骗案件", **place),
            metric(raw, "480起", 480, "起", category="cases_filed", obj="冒充客服类诈骗案件", **place),
            metric(raw, "305起", 305, "起", category="cases_filed", action="网络贷款", obj="类诈骗案件", **place)]
    assert _total_of(raw, rows, "480起") == "1520起"
    assert _total_of(raw, rows, "305起") == "1520起"


def test_a_verb_with_a_noun_is_no_kind_of_a_total_of_another_verb():
    """受理案件480起 (a verb of its own) after 破获…1520起 stays a figure of its own."""
    raw = ("今年1至11月，全市公安机关共破获电信网络诈骗案件1520起。\n\n"
           "从类型看，冒充客服类诈骗居首位。其中，受理冒充客服类诈骗案件480起。")
    place = dict(place="湖南省邵阳市", **SO_FAR)
    rows = [metric(raw, "1520起", 1520, "起", category="cases_solved", action="破获", obj="电信网络诈骗案件", **place),
            metric(raw, "480起", 480, "起", category="cases_filed", action="受理", obj="冒充客服类诈骗案件", **place)]
    assert _by_text(raw, rows)["480起"][1] is None


def test_a_district_is_no_part_of_a_kind_read_without_an_object():
    """分区看，玄武区查处违法行为5.2万起 is part of the city's 20.5万起, not of 超速行驶6.1万起 (a
    kind broken out of it, read with no object)."""
    raw = ("今年1至11月，全市共查处各类交通违法行为20.5万起。在查处的205000起交通违法行为中，超速行驶6.1万起。"
           "分区看，玄武区查处交通违法行为5.2万起。")
    city = dict(category="violations_handled", action="查处", place="江苏省南京市", **SO_FAR)
    rows = [metric(raw, "20.5万起", 205000, "起", obj="交通违法行为", **city),
            metric(raw, "205000起", 205000, "起", obj="交通违法行为", **city),
            metric(raw, "6.1万起", 61000, "起", **dict(city, action="行驶")),
            metric(raw, "5.2万起", 52000, "起", obj="玄武区", **dict(city, place="江苏省南京市玄武区"))]
    assert _total_of(raw, rows, "6.1万起") == "20.5万起"
    assert _total_of(raw, rows, "5.2万起") == "20.5万起"


def test_a_headline_read_to_the_publication_day_restates_the_month_end_figure():
    """今年已破案近600起 (read to the report's day) and 破获电信网络诈骗案件583起 (1至11月): the
    window is open-ended like 今年以来, and 破案 is 破获 with 案件 folded into one word."""
    raw = "今年已破案近600起\n\n今年1至11月，全市共破获电信网络诈骗案件583起。"
    place = dict(category="cases_solved", place="四川省乐山市")
    rows = [metric(raw, "近600起", 600, "起", approx="under", action="破案", period="今年已",
                   period_start=date(2026, 1, 1), period_end=date(2026, 12, 10), **place),
            metric(raw, "583起", 583, "起", action="破获", obj="电信网络诈骗案件", **SO_FAR, **place)]
    links = _by_text(raw, rows)
    assert links["近600起"][0] == links["583起"][0]


def test_a_noun_verb_of_another_action_does_not_restate():
    """结案近600起 is not 破获…案件583起: 结案 abbreviates no 破获…案件."""
    raw = "今年已结案近600起\n\n今年1至11月，全市共破获电信网络诈骗案件583起。"
    place = dict(category="cases_solved", place="四川省乐山市")
    rows = [metric(raw, "近600起", 600, "起", approx="under", action="结案", period="今年已",
                   period_start=date(2026, 1, 1), period_end=date(2026, 12, 10), **place),
            metric(raw, "583起", 583, "起", action="破获", obj="电信网络诈骗案件", **SO_FAR, **place)]
    links = _by_text(raw, rows)
    assert links["近600起"][0] != links["583起"][0]


def test_a_share_without_a_verb_restates_the_precise_share():
    """所占比例超过四成 (read as cases_filed, no verb) and 占全部破获案件的43.6% are one share."""
    raw = "从类型看，冒充客服类诈骗所占比例超过四成。其中，冒充客服类诈骗案件480起，占全部破获案件的43.6%。"
    place = dict(place="湖南省邵阳市", **SO_FAR)
    rows = [metric(raw, "超过四成", 40, "成", kind="percent", approx="over", category="cases_filed", obj="占比例", **place),
            metric(raw, "480起", 480, "起", category="cases_filed", obj="冒充客服类诈骗案件", **place),
            metric(raw, "43.6%", 43.6, "%", kind="percent", category="cases_solved", action="破获", obj="案件", **place)]
    links = _by_text(raw, rows)
    assert links["超过四成"][0] == links["43.6%"][0]


def test_an_object_opening_with_its_own_place_restates_the_full_name():
    """乐山电诈发案数 (the headline, with the city before it) and 电信网络诈骗发案数: one figure."""
    raw = "乐山电诈发案数同比下降18.6%\n\n今年1至11月，全市电信网络诈骗发案数同比下降18.6%。"
    place = dict(category="incidents_change", kind="percent", place="四川省乐山市", **SO_FAR)
    rows = [metric(raw, "18.6%", 18.6, "%", obj="乐山电诈发案数", **place),
            metric(raw, "18.6%", 18.6, "%", nth=1, obj="电信网络诈骗发案数", **place)]
    links = _by_text(raw, rows)
    assert links["18.6%"][0] == links["18.6%#2"][0]


def test_a_last_year_base_is_a_sub_period_of_last_years_stated_total():
    """2025年，全市破获盗窃案件121起 … 今年1至11月破获98起，去年同期为104起: the base (2025年1至11月,
    read with last year's dates) is a sub-period part of the year's 121起; this year's 98起 is
    no part of it."""
    raw = "2025年，全市共破获盗窃案件121起。今年1至11月，全市破获盗窃案件98起，去年同期为104起。"
    city = dict(category="cases_solved", action="破获", obj="盗窃案件", place="江苏省南京市")
    rows = [metric(raw, "121起", 121, "起", period="2025年", period_start=date(2025, 1, 1),
                   period_end=date(2025, 12, 31), **city),
            metric(raw, "98起", 98, "起", **SO_FAR, **city),
            metric(raw, "104起", 104, "起", period="去年同期", period_start=date(2025, 1, 1),
                   period_end=date(2025, 11, 30), **city)]
    assert _total_of(raw, rows, "104起") == "121起"
    assert _by_text(raw, rows)["98起"][1] is None


def test_a_last_year_base_read_with_this_years_dates_is_no_part():
    """去年同期，全市破获盗窃案件104起 given this year's 1至11月 by the metrics stage: its year is
    not known from its row, so it is neither a part of 2025年's 121起 nor a total of this year's."""
    raw = "2025年，全市共破获盗窃案件121起。去年同期，全市破获盗窃案件104起。今年1至11月，玄武区破获盗窃案件31起。"
    city = dict(category="cases_solved", action="破获", obj="盗窃案件", place="江苏省南京市")
    rows = [metric(raw, "121起", 121, "起", period="2025年", period_start=date(2025, 1, 1),
                   period_end=date(2025, 12, 31), **city),
            metric(raw, "104起", 104, "起", **SO_FAR, **city),
            metric(raw, "31起", 31, "起", **SO_FAR, **dict(city, place="江苏省南京市玄武区"))]
    links = _by_text(raw, rows)
    assert links["104起"][1] is None and links["31起"][1] is None


def test_kinds_before_a_framed_total_are_its_parts():
    """盗抢类案件涉案金额3.2亿元，诈骗类案件涉案金额1.5亿元，在全县的6.9亿元涉案总金额中，…: the
    framed total restates the 6.9亿元 stated before (a back-reference), and still adds up the
    kinds listed before it, as a total stated afresh would."""
    raw = ("今年以来，全县经济犯罪案件涉案总金额6.9亿元。\n\n"
           "盗抢类案件涉案金额3.2亿元，诈骗类案件涉案金额1.5亿元，在全县的6.9亿元涉案总金额中，已追缴2.1亿元。")
    money = dict(kind="money", category="money_involved", place="浙江省衢州市", **SINCE)
    rows = [metric(raw, "6.9亿元", 6.9e8, "元", action="涉案", obj="总金额", **money),
            metric(raw, "3.2亿元", 3.2e8, "元", action="盗抢", obj="类案件涉案金额", **money),
            metric(raw, "1.5亿元", 1.5e8, "元", action="诈骗", obj="类案件涉案金额", **money),
            metric(raw, "6.9亿元", 6.9e8, "元", nth=1, action="涉案", obj="总金额", **money)]
    links = _by_text(raw, rows)
    assert links["6.9亿元"][0] == links["6.9亿元#2"][0]
    assert links["3.2亿元"][1] == links["1.5亿元"][1] == links["6.9亿元"][0]


def test_a_figure_stated_as_a_share_of_a_whole_is_part_of_that_whole():
    """破获抢劫案件96起，占破获刑事案件总数的12.0% (96 / 800 is 12%) in a paragraph after the
    刑事案件800起: a part, with no marker; 96起 stated as 30% of it is not."""
    def rows_for(share: str, value: float):
        raw = f"今年1至11月，全市共破获刑事案件800起。\n\n从类型看，全市破获抢劫案件96起，占破获刑事案件总数的{share}。"
        city = dict(category="cases_solved", action="破获", place="江苏省南京市", **SO_FAR)
        return raw, [metric(raw, "800起", 800, "起", obj="刑事案件", **city),
                     metric(raw, "96起", 96, "起", obj="抢劫案件", **city),
                     metric(raw, share, value, "%", kind="percent", obj="刑事案件总数", **city)]
    raw, rows = rows_for("12.0%", 12.0)
    assert _total_of(raw, rows, "96起") == "800起"
    raw, rows = rows_for("30%", 30.0)
    assert _by_text(raw, rows)["96起"][1] is None


def test_a_base_read_without_a_category_counts_what_its_figure_counts():
    """今年1至11月…破获盗窃案件98起，去年同期为104起, the base read with last year's dates but no
    category (object 同期, as the metrics stage gives it): it counts 破获盗窃案件 too, so it is a
    sub-period part of 2025年's 121起."""
    raw = "2025年，全市共破获盗窃案件121起。今年1至11月，全市破获盗窃案件98起，去年同期为104起。"
    city = dict(category="cases_solved", action="破获", obj="盗窃案件", place="江苏省南京市")
    rows = [metric(raw, "121起", 121, "起", period="2025年", period_start=date(2025, 1, 1),
                   period_end=date(2025, 12, 31), **city),
            metric(raw, "98起", 98, "起", **SO_FAR, **city),
            metric(raw, "104起", 104, "起", obj="同期", place="江苏省南京市", period="今年1至11月",
                   period_start=date(2025, 1, 1), period_end=date(2025, 11, 30))]
    links = _by_text(raw, rows)
    assert _total_of(raw, rows, "104起") == "121起"
    assert links["98起"][0] != links["104起"][0] and links["98起"][1] is None
