"""Across documents: facts fold by blocking key, republications share facts, order never matters."""

from __future__ import annotations

import random
from datetime import date

import pyarrow as pa

from pipeline.facts import FACT_COLUMNS, link
from schemas.arrow import FACT_SCHEMA
from schemas.records import Fact

from .rows import document, metric

A = "本报讯 今年以来，浙江省公安机关破获电信网络诈骗案件1.487万起，挽回损失14.6亿元。"
B = "多地公安机关通报：今年以来，浙江省公安机关破获电信网络诈骗案件14870起；福建省破获6320起。"
PERIOD = dict(period="今年以来", period_start=date(2022, 1, 1), period_end=date(2022, 11, 8))
CASES = dict(category="cases_solved", action="破获", obj="电信网络诈骗案件")


def _corpus():
    rows = [metric(A, "1.487万起", 14870, "起", doc_id="da", place="浙江省", **CASES, **PERIOD),
            metric(A, "14.6亿元", 1460000000, "元", doc_id="da", kind="money", category="losses_recovered",
                   action="挽回", obj="损失", place="浙江省", **PERIOD),
            metric(B, "14870起", 14870, "起", doc_id="db", place="浙江省", **CASES, **PERIOD),
            metric(B, "6320起", 6320, "起", doc_id="db", place="福建省", **CASES, **PERIOD)]
    docs = [document(A, "da", "a.txt"), document(B, "db", "b.txt")]
    return rows, docs


def test_one_statistic_in_two_documents_is_one_fact():
    """浙江…1.487万起 in one report and 浙江…14870起 in a digest: same place, period, category."""
    rows, docs = _corpus()
    facts, columns, _ = link(rows, docs)
    assert columns[rows[0]["metric_id"]][0] == columns[rows[2]["metric_id"]][0]
    fact = next(f for f in facts if f["fact_id"] == columns[rows[0]["metric_id"]][0])
    assert fact["n_documents"] == 2 and fact["n_statements"] == 2 and fact["first_doc_id"] == "da"
    assert columns[rows[3]["metric_id"]][0] != fact["fact_id"]  # 福建 is another place


def test_no_fold_across_documents_without_place_period_and_category():
    """破获盗窃案件3起 in two different stories, with no place or period, or with no category:
    two facts, however equal."""
    one, two = "城东派出所民警连夜蹲守，破获盗窃案件3起。", "铁路公安处开展专项行动，一周内破获盗窃案件3起，追回赃物若干。"
    docs = [document(one, "d1", "1.txt"), document(two, "d2", "2.txt")]
    rows = [metric(one, "3起", 3, "起", doc_id="d1", **CASES), metric(two, "3起", 3, "起", doc_id="d2", **CASES)]
    assert len(link(rows, docs)[0]) == 2
    uncategorised = [{**r, "category": "other", "place": "浙江省", **PERIOD} for r in rows]
    assert len(link(uncategorised, docs)[0]) == 2
    placed = [{**r, "place": "浙江省", **PERIOD} for r in rows]
    assert len(link(placed, docs)[0]) == 1  # the same rows with place and period do fold


def test_across_documents_a_missing_object_fits_only_the_same_precise_number():
    """增一成 (no object) in one report and 10.1% in another, same category, place and year:
    two facts; 14870起 with and without its object: one."""
    rows, docs = _corpus()
    rough = {**rows[0], "value": 10.0, "unit": "成", "quantity_kind": "percent", "object": None, "text": "一成"}
    exact = {**rows[2], "value": 10.1, "unit": "%", "quantity_kind": "percent", "text": "10.1%"}
    _, columns, _ = link([rough, exact], docs)
    assert columns[rough["metric_id"]][0] != columns[exact["metric_id"]][0]
    _, columns, _ = link([{**rows[0], "object": None}, rows[2]], docs)
    assert columns[rows[0]["metric_id"]][0] == columns[rows[2]["metric_id"]][0]


def test_a_different_period_is_a_different_fact():
    """今年1至10月 and 今年以来 (to 8 November) in two documents are not folded."""
    rows, docs = _corpus()
    rows[2] = {**rows[2], "period_end": date(2022, 10, 31), "period": "今年1至10月"}
    _, columns, _ = link(rows, docs)
    assert columns[rows[0]["metric_id"]][0] != columns[rows[2]["metric_id"]][0]


def test_a_republished_copy_links_its_metrics_to_the_same_facts():
    """A copy in traditional script (14.6億元) with weaker categories still joins the original's facts."""
    copy = "首頁 | 政法 | 社會\n本報訊 今年以來，浙江省公安機關破獲電信網絡詐騙案件1.487萬起，挽回損失14.6億元。\n分享到：微信"
    rows, docs = _corpus()
    rows.append(metric(copy, "1.487萬起", 14870, "起", doc_id="dc", obj="浙江省公安機關破獲電信網絡詐騙案件"))
    rows.append(metric(copy, "14.6億元", 1460000000, "元", doc_id="dc", kind="money", category="money_other"))
    docs.append(document(copy, "dc", "c.txt"))
    facts, columns, dup = link(rows, docs)
    assert dup["dc"][0] == "da" and dup["db"] == (None, None)
    assert columns[rows[4]["metric_id"]][0] == columns[rows[0]["metric_id"]][0]
    assert columns[rows[5]["metric_id"]][0] == columns[rows[1]["metric_id"]][0]


def test_shuffled_input_gives_identical_output():
    """The same rows in any order, as lists or Arrow tables, give the same facts and links."""
    rows, docs = _corpus()
    expected = link(rows, docs)
    for seed in range(5):
        shuffled_rows, shuffled_docs = rows[:], docs[:]
        random.Random(seed).shuffle(shuffled_rows)
        random.Random(seed).shuffle(shuffled_docs)
        assert link(shuffled_rows, shuffled_docs) == expected
    assert link(pa.Table.from_pylist(rows), pa.Table.from_pylist(docs)) == expected


def test_fact_ids_do_not_depend_on_which_document_states_the_fact():
    """A blocked fact stated only by the digest has the id it has when the report states it too."""
    rows, docs = _corpus()
    both = link(rows, docs)[1][rows[2]["metric_id"]][0]
    alone = link([rows[2]], [docs[1]])[1][rows[2]["metric_id"]][0]
    assert both == alone


def test_fact_rows_fit_the_model_and_the_arrow_schema():
    """Every facts row validates as a Fact and converts to the facts Arrow schema."""
    rows, docs = _corpus()
    facts, _, _ = link(rows, docs)
    assert [Fact.model_validate(f).fact_id for f in facts] == [f["fact_id"] for f in facts]
    table = pa.Table.from_pylist(facts, schema=FACT_SCHEMA)
    assert table.schema.names == FACT_COLUMNS == list(Fact.model_fields)


def test_no_rows_give_no_facts():
    """An empty run links to empty tables."""
    facts, columns, documents = link([], [])
    assert (facts, columns, documents) == ([], {}, {})


def test_metrics_of_a_missing_document_still_get_facts():
    """Rows whose document is absent are linked without their text (no back-reference context)."""
    rows, _ = _corpus()
    facts, columns, documents = link(rows, [])
    assert set(columns) == {r["metric_id"] for r in rows} and documents == {}
    assert columns[rows[0]["metric_id"]][0] == columns[rows[2]["metric_id"]][0]  # resolved periods suffice
    assert len(facts) == 3


def test_a_copy_read_first_keeps_the_facts_of_its_family():
    """The republished copy's rows staged before the first copy's (another sharding): the same
    fact ids, since a family's fact is scoped to its first copy whatever is read first."""
    raw = "某市公安局今年以来抓获犯罪嫌疑人203名，挽回经济损失860余万元。"
    copy = "首页 | 法治 | 正文\n" + raw + "\n分享到：微信 微博"
    arrested = dict(category="suspects_arrested", action="抓获", obj="犯罪嫌疑人")
    rows = [metric(raw, "203名", 203, "名", doc_id="d1", **arrested),
            metric(copy, "203名", 203, "名", doc_id="d2", **arrested)]
    docs = [document(raw, "d1", "a.txt", published=date(2021, 5, 10)),
            document(copy, "d2", "b.txt", published=date(2021, 5, 11))]
    forward = link(rows, docs)
    backward = link(rows[::-1], docs[::-1])
    assert forward[2]["d2"][0] == "d1"
    assert forward[0] == backward[0] and forward[1] == backward[1]


def test_a_copys_figures_join_the_first_copys_figure_of_the_same_place():
    """南明区86起 and 云岩区86起 in a report and in its republication: two facts, each stated in
    both copies; equal values of two districts never fold through the copy."""
    raw = ("今年以来，贵阳市公安机关破获毒品犯罪案件693起。分地区看，南明区破获毒品犯罪案件86起，"
           "云岩区破获毒品犯罪案件86起，观山湖区破获毒品犯罪案件72起。")
    copy = "首页 | 社会 | 正文\n" + raw + "\n分享到：微信 微博"
    solved = dict(category="cases_solved", action="破获", obj="毒品犯罪案件")
    rows = []
    for doc_id, text in (("d1", raw), ("d2", copy)):
        rows += [metric(text, "86起", 86, "起", doc_id=doc_id, place="贵州省贵阳市南明区", **solved),
                 metric(text, "86起", 86, "起", doc_id=doc_id, nth=1, place="贵州省贵阳市云岩区", **solved)]
    docs = [document(raw, "d1", "a.txt", published=date(2023, 12, 11)),
            document(copy, "d2", "b.txt", published=date(2023, 12, 11))]
    facts, columns, documents = link(rows, docs)
    ids = [columns[r["metric_id"]][0] for r in rows]
    assert documents["d2"][0] == "d1"
    assert ids[0] == ids[2] != ids[1] == ids[3]
    assert len(facts) == 2


def test_a_part_stated_up_to_a_day_meets_the_same_part_stated_for_the_year():
    """一: 今年以来挽回损失3.4亿元 … 截至10月底，挽回损失34120万元，其中返还群众1.05亿元. 二 (a digest):
    今年以来挽回损失3.4亿元，其中返还群众1.05亿元. The 1.05亿元 of 截至10月底 belongs to the same
    period as its total, which the first report also states as 今年以来: one fact; a part whose
    total is of another period keeps its own."""
    one = "今年以来，某市经侦部门挽回损失3.4亿元。\n截至10月底，全市经侦部门挽回损失34120万元，其中返还群众1.05亿元。\n"
    two = "【某市】今年以来，某市经侦部门挽回损失3.4亿元，其中返还群众1.05亿元。\n"
    money = dict(kind="money", category="losses_recovered", place="江苏省苏州市")
    year = dict(period="今年以来", period_start=date(2024, 1, 1), period_end=date(2024, 11, 20))
    to_day = dict(period="截至10月底", period_end=date(2024, 10, 31))
    rows = [metric(one, "3.4亿元", 3.4e8, "元", doc_id="d1", action="挽回", obj="损失", **money, **year),
            metric(one, "34120万元", 3.412e8, "元", doc_id="d1", action="挽回", obj="损失", **money, **to_day),
            metric(one, "1.05亿元", 1.05e8, "元", doc_id="d1", action="返还", obj="群众", **money, **to_day),
            metric(two, "3.4亿元", 3.4e8, "元", doc_id="d2", action="挽回", obj="损失", **money, **year),
            metric(two, "1.05亿元", 1.05e8, "元", doc_id="d2", action="返还", obj="群众", **money, **year)]
    docs = [document(one, "d1", "1.txt", published=date(2024, 11, 20)),
            document(two, "d2", "2.txt", published=date(2024, 11, 21))]
    _, columns, _ = link(rows, docs)
    ids = [columns[r["metric_id"]][0] for r in rows]
    assert ids[0] == ids[1] == ids[3] and ids[2] == ids[4]
    assert columns[rows[2]["metric_id"]][1] == ids[0]
    other = [dict(rows[0], period_start=date(2023, 1, 1), period_end=date(2023, 12, 31), period="去年"),
             rows[2], rows[3], rows[4]]
    _, columns, _ = link(other, docs)
    assert columns[rows[2]["metric_id"]][0] != columns[rows[4]["metric_id"]][0]


def test_the_year_so_far_meets_across_documents():
    """A report of Dec 9 states 今年1至11月…4126起; a digest of Dec 12 quotes 今年…4126起 (read as
    the whole year, which is not over): one statistic. A report's 1至10月 is not the year so far."""
    one = "本报讯 记者从市公安局交警支队获悉，今年1至11月，龙岩市共查处酒驾醉驾违法行为4126起，同比上升6.3%。"
    two = "一周法治速览：交警部门通报，今年全市查处酒驾醉驾违法行为4126起，另有多起事故仍在调查之中。"
    handled = dict(category="violations_handled", action="查处", obj="酒驾醉驾违法行为", place="福建省龙岩市")
    to_november = dict(period="今年1至11月", period_start=date(2025, 1, 1), period_end=date(2025, 11, 30))
    year = dict(period="今年", period_start=date(2025, 1, 1), period_end=date(2025, 12, 31))
    docs = [document(one, "d1", "1.txt", published=date(2025, 12, 9)),
            document(two, "d2", "2.txt", published=date(2025, 12, 12))]
    rows = [metric(one, "4126起", 4126, "起", doc_id="d1", **handled, **to_november),
            metric(two, "4126起", 4126, "起", doc_id="d2", **handled, **year)]
    assert len(link(rows, docs)[0]) == 1
    to_october = dict(to_november, period="今年1至10月", period_end=date(2025, 10, 31))
    rows[0] = metric(one.replace("11月", "10月"), "4126起", 4126, "起", doc_id="d1", **handled, **to_october)
    docs[0] = document(one.replace("11月", "10月"), "d1", "1.txt", published=date(2025, 12, 9))
    assert len(link(rows, docs)[0]) == 2


def test_a_copys_kind_does_not_join_a_total_through_a_rounded_headline():
    """某县法院审结案件近2万件 … 审结的19642件案件中，民事案件12518件, in a report and its
    republication: 12518 lies within the headline's rounding (近2万 [1万, 2万]) but not within
    19642's; in both copies it stays a part of the total, a fact of its own."""
    raw = ("某县法院今年审结案件近2万件\n今年1至11月，某县法院审结的19642件案件中，民事案件12518件，"
           "刑事案件1530件。")
    copy = "首页 | 法治 | 正文\n" + raw + "\n分享到：微信 微博"
    judged = dict(category="adjudicated", action="审结", place="湖南省某县",
                  period_start=date(2025, 1, 1), period_end=date(2025, 11, 30))
    rows = []
    for doc_id, text in (("d1", raw), ("d2", copy)):
        rows += [metric(text, "近2万件", 20000, "件", doc_id=doc_id, approx="under", obj="案件", **judged),
                 metric(text, "19642件", 19642, "件", doc_id=doc_id, obj="案件", **judged),
                 metric(text, "12518件", 12518, "件", doc_id=doc_id, obj="民事案件", **judged)]
    docs = [document(raw, "d1", "a.txt", published=date(2025, 12, 9)),
            document(copy, "d2", "b.txt", published=date(2025, 12, 10))]
    facts, columns, documents = link(rows, docs)
    ids = [columns[r["metric_id"]] for r in rows]
    assert documents["d2"][0] == "d1"
    assert ids[0][0] == ids[1][0] == ids[3][0] == ids[4][0]
    assert ids[2][0] == ids[5][0] != ids[1][0]
    assert ids[2][1] == ids[5][1] == ids[1][0]


def test_an_abbreviated_object_meets_its_full_name_across_documents():
    """一: 某市今年以来破获电诈案件2147起 (headline, the most precise statement first) … 破获电信网络
    诈骗案件2147起; 二 (a digest): 破获电信网络诈骗案件2147起. One fact: 电诈案件 abbreviates it."""
    one = "某市今年以来破获电诈案件2147起\n本报讯 今年以来，某市公安局破获电信网络诈骗案件2147起。"
    two = "简讯\n· 某市：今年以来，某市公安局破获电信网络诈骗案件2147起，冻结资金5128万元。"
    solved = dict(category="cases_solved", action="破获", place="江西省某市", **PERIOD)
    rows = [metric(one, "2147起", 2147, "起", doc_id="da", obj="电诈案件", **solved),
            metric(one, "2147起", 2147, "起", doc_id="da", nth=1, obj="电信网络诈骗案件", **solved),
            metric(two, "2147起", 2147, "起", doc_id="db", obj="电信网络诈骗案件", **solved)]
    docs = [document(one, "da", "a.txt"), document(two, "db", "b.txt")]
    facts, columns, documents = link(rows, docs)
    ids = {columns[r["metric_id"]][0] for r in rows}
    assert "db" not in documents or documents["db"][0] is None
    assert len(ids) == 1 and len(facts) == 1


def test_a_figure_read_without_a_period_joins_the_same_precise_figure_of_another_report():
    """A digest's 侦破非法捕捞案件127起 (its window not read) and a report's 今年以来…127起, same
    place and category: one statistic. Not when the figure is round (120起), nor when two
    reports state it for two periods (nothing says which one the digest means)."""
    one = "本报讯 今年以来，舟山市公安机关侦破非法捕捞案件127起，抓获犯罪嫌疑人86名。"
    two = "法治简讯：舟山市公安机关侦破非法捕捞案件127起。另讯，多地开展普法宣传。"
    cases = dict(category="cases_solved", action="侦破", obj="非法捕捞案件", place="浙江省舟山市")
    year = dict(period="今年以来", period_start=date(2025, 1, 1), period_end=date(2025, 10, 31))
    docs = [document(one, "d1", "1.txt", published=date(2025, 11, 2)),
            document(two, "d2", "2.txt", published=date(2025, 11, 5))]
    rows = [metric(one, "127起", 127, "起", doc_id="d1", **cases, **year),
            metric(two, "127起", 127, "起", doc_id="d2", **cases)]
    assert len(link(rows, docs)[0]) == 1
    round_ = [metric(r.replace("127起", "120起"), "120起", 120, "起", doc_id=d, **cases, **p)
              for r, d, p in ((one, "d1", year), (two, "d2", {}))]
    assert len(link(round_, [document(one.replace("127", "120"), "d1", "1.txt"),
                             document(two.replace("127", "120"), "d2", "2.txt")])[0]) == 2
    three = "去年全年，舟山市公安机关侦破非法捕捞案件127起。"
    last = dict(period="去年", period_start=date(2024, 1, 1), period_end=date(2024, 12, 31))
    docs.append(document(three, "d3", "3.txt", published=date(2025, 1, 10)))
    rows.append(metric(three, "127起", 127, "起", doc_id="d3", **cases, **last))
    _, columns, _ = link(rows, docs)
    assert columns[rows[1]["metric_id"]][0] not in {columns[rows[0]["metric_id"]][0], columns[rows[2]["metric_id"]][0]}
