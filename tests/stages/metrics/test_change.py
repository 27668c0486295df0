"""Change direction and basis, levels, the time scope and its one grammar."""

from __future__ import annotations

import pytest

from pipeline.dates import period_dates as _period_dates

from .helpers import attribute, figures, make_article


@pytest.mark.parametrize("sentence, span, basis", [
    ("警情同比下降21%。", "21%", "yoy"),
    ("警情环比上升5%。", "5%", "mom"),
    ("与去年同期相比下降7.2%。", "7.2%", "yoy"),
    ("比１９９０年增长１５％。", "１５％", "other"),
    ("增长１５％。", "１５％", None),
    ("比上年增长２８·６％，增收７．９亿元。", "７．９亿元", "yoy"),
])
def test_change_basis(extractor, sentence, span, basis):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["change_direction"] is not None
    assert figure["change_basis"] == basis


@pytest.mark.parametrize("sentence, span", [
    ("分摊比例由２５％降到２０％。", "２０％"),  # a new level, not a change
    ("比重达３０％。", "３０％"),
    ("已完成新增6家。", "6家"),
])
def test_levels_are_not_changes(extractor, sentence, span):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["change_direction"] is None


@pytest.mark.parametrize("paragraphs, span, period, dates", [
    (["今年以来，警情分流提醒39008起，刑事立案提醒2830起。受案回执提醒8963起。"], "8963起",
     "今年以来", ("2021-01-01", "2021-11-02")),
    (["截至10月31日，肇庆市公安局共受理信件234件。回复率100%。"], "100%", "截至10月31日",
     (None, "2021-10-31")),
    # the campaign length itself ends at its last day (100 days from Jun 11); its window is the figures'
    (["自今年6月11日开展为期100天的专项打击行动以来，破获案件30起。"], "100天",
     "自今年6月11日开展为期100天的专项打击行动以来", ("2021-06-11", "2021-09-18")),
    (["今年1—9月，全市破获案件30起。"], "30起", "今年1—9月", ("2021-01-01", "2021-09-30")),
    (["前三季度，全市破获案件30起。"], "30起", "前三季度", ("2021-01-01", "2021-09-30")),
    # months listed before 分别: each figure takes its own month, not the last for all
    (["2020年10月、11月、12月，全市分别发生案件120起、115起和98起。"], "115起", "2020年11月",
     ("2020-11-01", "2020-11-30")),
    (["4月、5月、6月分别破获案件12起、15起、20起。"], "12起", "4月", ("2021-04-01", "2021-04-30")),
    # a festival with its year, as a day, not the year from January 1 (1996年春节: 正月初一)
    (["1996年春节，王某又送上现金5万元。"], "5万元", "1996年春节", ("1996-02-19", "1996-02-19")),
    # Hard negatives: a time word inside a clause scopes nothing after it; a later paragraph's
    # scope stays in its paragraph.
    (["并对近年来在辖区作案的吸毒人员进行梳理。同时，投入300万元。"], "300万元", None, (None, None)),
    (["全市召开会议。", "去年下半年，全市破获案件30起。", "投入300万元建设警务室。"], "300万元", None,
     (None, None)),
    # 本月12日至13日: days of the publication month, one range; 昨日: the day before publication
    (["警方于本月12日至13日采取行动，拘捕11名男子。"], "11名", "本月12日至13日", ("2021-11-12", "2021-11-13")),
    (["警方昨日已将11名嫌犯移送检察院。"], "11名", "昨日", ("2021-11-01", "2021-11-01")),
    # 昨天 inside a relative clause dates that act, not the figure (昨天被捕的两名官员…受贿金额)
    (["昨天被捕的两名官员涉嫌受贿金额约900万日元。"], "约900万日元", None, (None, None)),
    # The window the lead paragraph opens with holds for the report (issue 12).
    (["今年以来，全市破获案件30起。", "投入300万元建设警务室。"], "300万元", "今年以来",
     ("2021-01-01", "2021-11-02")),
])
def test_period_is_carried_within_a_paragraph(extractor, paragraphs, span, period, dates):
    from datetime import date

    doc = make_article(paragraphs, published=date(2021, 11, 2))
    assert attribute(extractor, doc, span, "period") == period
    got = (attribute(extractor, doc, span, "period_start"), attribute(extractor, doc, span, "period_end"))
    assert tuple(d and d.isoformat() for d in got) == dates


@pytest.mark.parametrize("phrase", ["今年以来", "2018年至今", "2021年第一季度", "2021年一季度", "去年上半年",
                                    "去年1—11月", "今年1-5月", "截至10月31日", "今年前3个月",
                                    "今年首十个月"])
def test_one_period_grammar(phrase):
    """What is a time scope is cut out of an object: the two patterns share one grammar."""
    from pipeline.stages.metrics.change import PERIOD_RE, PERIOD_STRIP_RE

    text = phrase + "全市破获"
    assert PERIOD_RE.match(text).group(0) == PERIOD_STRIP_RE.match(text).group(0) == phrase


@pytest.mark.parametrize("text", [
    "今年1至8月，全市破获电诈案件320起，比去年同期增加45起。",
    "截至7月底，南京海关今年共移送起诉走私犯罪嫌疑人263名。",
    "2023上半年，全市警情同比下降12%；近3个月来，全市共破获案件120起。",
    "春节期间，全市公安机关累计接报警情8.8万起，目前，全市已建立警务站12个。",
    "一年来，县公安局共化解矛盾纠纷1280起，5月联合侦破案件3起，21日抓获2人。",
    "首8个月，第三季度，前三季度，从2020年至2022年3月，明年增加到50个，半年来共查处80起。",
    "全县共查处酒驾案件120起，没有一个时间词。",
    "警方于本月12日至13日采取行动，昨日已将11名嫌犯移送检察院。",
])
def test_the_fast_period_scan_finds_what_the_full_grammar_finds(text):
    """A sentence without 以来/期间 is scanned with ``PLAIN_PERIOD_RE`` (its phrases' first
    characters checked first): the same phrases as ``PERIOD_RE``."""
    from pipeline.stages.metrics.change import PERIOD_RE, PLAIN_PERIOD_RE, period_scan

    full = [(m.start(), m.end()) for m in PERIOD_RE.finditer(text)]
    assert [(m.start(), m.end()) for m in PLAIN_PERIOD_RE.finditer(text)] == full
    assert [(m.start(), m.end()) for m in period_scan(text)] == full
    assert full or "没有" in text


@pytest.mark.parametrize("period, expected", [
    ("截至10月31日", (None, "2021-10-31")),
    ("2021年上半年", ("2021-01-01", "2021-06-30")),
    ("去年以来", ("2020-01-01", "2021-11-02")),
    ("自今年6月11日开展为期100天的专项打击行动以来", ("2021-06-11", "2021-11-02")),
    ("近年来", (None, None)),
    ("今年1—9月", ("2021-01-01", "2021-09-30")),
    ("1至10月", ("2021-01-01", "2021-10-31")),
    ("前三季度", ("2021-01-01", "2021-09-30")),
    ("2018年以来", ("2018-01-01", "2021-11-02")),
    ("去年全年", ("2020-01-01", "2020-12-31")),
    ("今年首十个月", ("2021-01-01", "2021-10-31")),  # 首N个月 = 前N个月 (Hong Kong usage)
    ("前8个月", ("2021-01-01", "2021-08-31")),  # no year: this year's, as it has ended
    ("前11个月", ("2020-01-01", "2020-11-30")),  # not yet over this year: last year's
    ("2021上半年", ("2021-01-01", "2021-06-30")),  # the year written without 年
    ("半年来", ("2021-05-02", "2021-11-02")),  # months back from the publication date
    ("近3个月", ("2021-08-02", "2021-11-02")),
    ("三个月以来", ("2021-08-02", "2021-11-02")),
    ("半个月来", ("2021-10-18", "2021-11-02")),
    ("明年", ("2022-01-01", "2022-12-31")),
])
def test_period_dates(period, expected):
    from datetime import date

    start, end = _period_dates(period, date(2021, 11, 2))
    assert (start and start.isoformat(), end and end.isoformat()) == expected


@pytest.mark.parametrize("title, paragraphs, span, dates", [
    # 7月1日至9月30日秋季攻坚行动期间，破获案件52起: a 期间 phrase right after its stated days takes them
    (None, ["7月1日至9月30日秋季攻坚行动期间，全县破获案件52起。"], "52起", ("2021-07-01", "2021-09-30")),
    # 假期期间 later in the article refers back to the holiday the lead named
    (None, ["春节假期，全区治安平稳。", "假期期间，民警查获违法车辆37辆。"], "37辆", ("2021-02-11", "2021-02-17")),
    # 东城检察上半年起诉盗窃犯罪41人 / 追赃挽损80万元: the headline's window holds for its figures
    ("东城检察上半年起诉盗窃犯罪41人", ["追赃挽损80万元。"], "80万元", ("2021-01-01", "2021-06-30")),
    # 关于中秋假期治安情况的通报: figures of the release under a holiday heading take the holiday
    ("某市公安局关于中秋假期治安情况的通报", ["一、打击情况", "全市破获刑事案件26起。"], "26起",
     ("2021-09-19", "2021-09-21")),
    # 通报2020年检察工作情况 (published in 2021): a year report's later paragraphs take the year
    ("某市检察院通报2020年检察工作情况", ["1月20日，市检察院召开新闻发布会。", "市检察院共起诉95人。"], "95人",
     ("2020-01-01", "2020-12-31")),
    # 今年首十個月 in traditional script: Jan 1 to Oct 31
    (None, ["今年首十個月，全港共接獲盜竊案1200宗。"], "1200宗", ("2021-01-01", "2021-10-31")),
    # 两地警方4月联合查处…: a month named before the verb is the figure's window, not the lead's
    (None, ["今年以来，全省查处违规车辆900辆。两地警方4月联合查处违规车辆56辆。"], "56辆",
     ("2021-04-01", "2021-04-30")),
    (None, ["今年以来，全省查处违规车辆900辆，力争8月底前再查处100辆。"], "100辆", ("2021-01-01", "2021-09-25")),
    # 县人民法院2020年共审结…；…审结刑事案件… : a window after the organ that is the subject still
    # opens its clause, and holds for the paragraph's next sentence
    (None, ["县人民法院2020年共审结案件3100件；两个人民法庭审结民事案件840件。"], "840件",
     ("2020-01-01", "2020-12-31")),
    # Hard negatives: a headline that names an event's day dates no figure of the body; a 期间
    # phrase with nothing stated before it stays without days.
    ("3月5日某县召开禁毒大会", ["全县戒毒人员62名。"], "62名", (None, None)),
    (None, ["活动期间，共发放传单300份。"], "300份", (None, None)),
])
def test_window_from_headline_or_named_before(extractor, title, paragraphs, span, dates):
    """行动期间/假期期间 take the window stated before them; a headline's window (上半年, 中秋假期,
    2020年) holds for the article's figures that state none."""
    from datetime import date

    published = date(2021, 7, 10) if title and "上半年" in title else date(2021, 9, 25)
    if title and "2020年" in title:
        published = date(2021, 1, 21)
    if paragraphs[0].startswith("春节"):
        published = date(2021, 2, 20)
    doc = make_article(paragraphs, title=title, published=published)
    got = (attribute(extractor, doc, span, "period_start"), attribute(extractor, doc, span, "period_end"))
    assert tuple(d and d.isoformat() for d in got) == dates


@pytest.mark.parametrize("span, dates", [
    ("260辆", ("2021-03-01", "2021-05-31")),  # restated in the body: the body's window
    # stated in the headline only: the window the lead states for the report (the spring campaign's)
    ("18名", ("2021-03-01", "2021-05-31")),
])
def test_headline_figure_takes_the_window_of_the_body_figure_it_restates(extractor, span, dates):
    """某县警方春季行动查处违法车辆260辆 / 3月1日至5月31日春季行动期间，全县查处违法车辆260辆 ->
    the headline's 260辆 runs Mar 1 to May 31 too."""
    from datetime import date

    doc = make_article(["3月1日至5月31日春季行动期间，全县查处违法车辆260辆。"],
                       title="某县警方春季行动查处违法车辆260辆 抓获逃犯18名", published=date(2021, 6, 10))
    extractor(doc)
    title = [m for m in doc.metrics if doc.sentences[m.sentence].kind == "title"
             and doc.clean[m.start:m.end] == span]
    assert title
    got = (title[0].fields["period_start"], title[0].fields["period_end"])
    assert tuple(d and d.isoformat() for d in got) == dates


def test_yesterday_and_today_read_against_the_dateline(extractor):
    """新华社北京9月11日电 published 2025-09-12: 昨天 is Sep 10 and 今天 Sep 11 (the day of the
    dispatch), while 今年以来 still ends on the publication date."""
    from datetime import date

    doc = make_article(["公安部昨天通报，全国公安机关抓获犯罪嫌疑人120名。今天，各地又破获案件35起。",
                        "今年以来，全国共破获案件3000起。"], published=date(2025, 9, 12))
    doc.articles[0].dateline = "新华社北京9月11日电"
    found = {doc.clean[m.start:m.end]: m.fields for m in extractor(doc).metrics}
    assert (found["120名"]["period_start"], found["120名"]["period_end"]) == (date(2025, 9, 10),) * 2
    assert (found["35起"]["period_start"], found["35起"]["period_end"]) == (date(2025, 9, 11),) * 2
    assert found["3000起"]["period_end"] == date(2025, 9, 12)


def test_jinri_inside_a_clause_is_no_window(extractor):
    """3月11日，某分局通报，该局近日侦破一起洗钱案，抓获犯罪嫌疑人27名: the figures are of the days
    before the report (近日: no window), not of the day it was announced; 截至日前 still ends on the
    publication date."""
    from datetime import date

    doc = extractor(make_article(["3月11日，某区公安分局通报，该局近日侦破一起洗钱案，抓获犯罪嫌疑人27名。",
                                  "截至日前，全市已建成警务室14个。"], published=date(2025, 3, 12)))
    found = {doc.clean[m.start:m.end]: m.fields for m in doc.metrics}
    assert (found["27名"]["period_start"], found["27名"]["period_end"]) == (None, None)
    assert found["14个"]["period_end"] == date(2025, 3, 12)


def test_the_cases_released_today_take_that_day(extractor):
    """今年以来…起诉175人。市检察院今日发布其中两起典型案例: the two cases are what was released
    today (that day), while 公安部今日通报，…破获案件 keeps the report's window for the figures it reports."""
    from datetime import date

    doc = extractor(make_article(["今年以来，全市检察机关共起诉电诈犯罪嫌疑人175人。市检察院今日发布其中两起典型案例。"],
                                 published=date(2026, 4, 15)))
    found = {doc.clean[m.start:m.end]: m.fields for m in doc.metrics}
    assert (found["两起"]["period_start"], found["两起"]["period_end"]) == (date(2026, 4, 15),) * 2
    assert found["175人"]["period_start"] == date(2026, 1, 1)
