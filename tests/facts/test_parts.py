"""Parts of totals: which stated figure a breakdown, a sub-area or a sub-period belongs to."""

from __future__ import annotations

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
