"""The sums of `fazhi evaluate facts`: naive rows, fazhi's facts and the hand count, on a tiny
hand-made example whose answer is known: a report (a.txt) with a rounded headline restated
exactly in the body (近1.5万起 / 14870起), a part of another place (其中玄武区2100起), two figures in
no mark (3126名, 2.3亿元), and a republication of it (b.txt)."""

from __future__ import annotations

import pytest

from pipeline.evaluation.facts_sums import group_of, sum_counts
from tests.facts.rows import document, metric

A = "南京破获诈骗案件近1.5万起\n南京市公安局今年破获诈骗案件14870起，其中玄武区2100起；抓获犯罪嫌疑人3126名，挽回损失2.3亿元。"
B = "来源：某某网 | 分享\n" + A
GOLD = [{"doc": "a.txt", "statistics": [["[近1.5万起]", "[14870起]"]], "parts": [["[2100起]", "[14870起]"]]},
        {"doc": "b.txt", "republishes": "a.txt", "statistics_as": "a.txt"}]
NANJING = {"place": "南京市", "place_code": "320100"}
XUANWU = {"place": "玄武区", "place_code": "320102"}


def _rows(raw: str, doc_id: str) -> list[dict]:
    cases = dict(category="cases_solved", action="破获", obj="诈骗案件", doc_id=doc_id)
    rows = [metric(raw, "1.5万起", 15000, "起", approx="under", **cases), metric(raw, "14870起", 14870, "起", **cases),
            metric(raw, "2100起", 2100, "起", **cases),
            metric(raw, "3126名", 3126, "名", category="suspects_arrested", doc_id=doc_id),
            metric(raw, "2.3亿元", 2.3e8, "元", kind="money", category="losses_recovered", doc_id=doc_id)]
    return [{**row, "statistic": "total", **(XUANWU if row["text"] == "2100起" else NANJING)} for row in rows]


def _example():
    """Rows of both pages and the links fazhi should make: headline and body one fact, the part
    its own fact part_of it, each figure of the copy on the fact of the original's."""
    rows = _rows(A, "da") + _rows(B, "db")
    docs = [document(A, "da", "/in/a.txt"), document(B, "db", "/in/b.txt")]
    fact_of = ["F1", "F1", "F2", "F3", "F4"] * 2
    links = {r["metric_id"]: (f, "F1" if f == "F2" else None) for r, f in zip(rows, fact_of)}
    facts = [{"fact_id": f, **{k: row[k] for k in ("value", "value_max", "unit", "quantity_kind", "category",
                                                    "place", "place_code")}}
             for f, row in (("F1", rows[1]), ("F2", rows[2]), ("F3", rows[3]), ("F4", rows[4]))]
    return rows, docs, links, facts


def _overall(sums: dict) -> dict:
    return {g: (sums[g]["naive"], sums[g]["fazhi"], sums[g]["hand"]) for g in ("money", "cases", "suspects")}


def test_right_links_give_the_hand_count_and_naive_rows_inflate():
    """Naive adds all 10 rows (each figure twice, the headline and the part too); the hand count
    is 14870起, 3126名, 2.3亿元; links that fold right give the same, error 0."""
    rows, docs, links, facts = _example()
    sums = sum_counts(GOLD, rows, docs, links, facts)
    assert _overall(sums) == {"money": (4.6e8, 2.3e8, 2.3e8), "cases": (63940, 14870, 14870),
                              "suspects": (6252, 3126, 3126)}
    assert sums["cases"]["error"] == 0 and sums["cases"]["naive_error"] == pytest.approx(63940 / 14870 - 1, abs=1e-6)


def test_a_part_of_another_place_stays_in_its_own_place():
    """Per place, 玄武区's 2100起 (part of 南京's total) is 玄武区's own figure, for fazhi and by hand."""
    rows, docs, links, facts = _example()
    places = sum_counts(GOLD, rows, docs, links, facts)["cases"]["by_place"]
    assert (places["320100 南京市"]["fazhi"], places["320100 南京市"]["hand"]) == (14870, 14870)
    assert (places["320102 玄武区"]["fazhi"], places["320102 玄武区"]["hand"], places["320102 玄武区"]["naive"]) == (2100, 2100, 4200)


def test_each_missing_link_shows_as_an_error_with_its_reason():
    """The headline split off (近1.5万起 a fact of its own: +15000), the part not linked to its
    total (+2100), the copy's 3126名 a fact of its own (+3126): each appears in the sums and in
    the differences with its reason."""
    rows, docs, links, facts = _example()
    wrong = {**links, rows[0]["metric_id"]: ("F9", None), rows[5]["metric_id"]: ("F9", None),
             rows[2]["metric_id"]: ("F2", None), rows[7]["metric_id"]: ("F2", None),
             rows[8]["metric_id"]: ("F8", None)}
    facts += [{**facts[0], "fact_id": "F9", "value": 15000.0}, {**facts[2], "fact_id": "F8"}]
    sums = sum_counts(GOLD, rows, docs, wrong, facts, details=True)
    assert _overall(sums)["cases"][1:] == (14870 + 15000 + 2100, 14870)
    assert sums["cases"]["error"] == pytest.approx(17100 / 14870, abs=1e-6)
    assert sums["suspects"]["error"] == 1.0 and sums["money"]["error"] == 0
    reasons = sorted((d["group"], d["reason"]) for d in sums["differences"])
    assert reasons == [("cases", "counted_twice"), ("cases", "part_counted"), ("suspects", "copy_counted")]


def test_marked_only_leaves_out_figures_no_mark_names():
    """3126名 and 2.3亿元 are in no mark: the marked-only sums have cases and nothing else."""
    rows, docs, links, facts = _example()
    marked = sum_counts(GOLD, rows, docs, links, facts)["marked_only"]
    assert set(marked) == {"cases"} and (marked["cases"]["fazhi"], marked["cases"]["hand"]) == (14870, 14870)


def test_the_marked_slip_of_a_conflict_is_not_the_hand_value():
    """145万 and 14.5万 marked one statistic, 145万 (first, as precise) the conflict: the hand
    count takes 14.5万."""
    raw = "全年抓获犯罪嫌疑人145万名。抓获犯罪嫌疑人14.5万名。"
    rows = [{**metric(raw, text, value, "名", category="suspects_arrested"), "statistic": "total"}
            for text, value in (("14.5万名", 1.45e5), ("145万名", 1.45e6))]
    gold = [{"doc": "x.txt", "statistics": [["[14.5万名]", "[145万名]"]], "conflicts": ["[145万名]"]}]
    links = {r["metric_id"]: ("F", None) for r in rows}
    facts = [{"fact_id": "F", "value": 1.45e6, "unit": "名", "quantity_kind": "count", "category": "suspects_arrested"}]
    sums = sum_counts(gold, rows, [document(raw, "d1", "/in/x.txt")], links, facts)["suspects"]
    assert (sums["naive"], sums["fazhi"], sums["hand"], sums["error"]) == (1.595e6, 1.45e6, 1.45e5, 9.0)


def test_groups_take_totals_of_their_kind_only():
    """破获14870起 → cases; a clearance rate, a per-day average or money in 美元 → no group."""
    row = {"category": "cases_solved", "quantity_kind": "count", "unit": "件", "statistic": "total"}
    assert group_of(row) == "cases"
    assert group_of({**row, "quantity_kind": "percent", "unit": "%"}) is None
    assert group_of({**row, "statistic": "average"}) is None
    assert group_of({"category": "assets_seized", "quantity_kind": "money", "unit": "美元"}) is None
