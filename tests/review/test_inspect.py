"""fazhi inspect: counts, sums only where the unit allows, places, organs, reasons, models."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.review.summary import format_sum, format_yuan, metric_sums, summarize
from tests.outputs_factory import write_outputs


@pytest.fixture()
def outputs(tmp_path):
    return write_outputs(tmp_path / "outputs")


def test_summary_counts_every_table(outputs):
    summary = summarize(outputs)
    assert summary["tables"] == {"documents": 2, "articles": 2, "sentences": 1, "entities": 7,
                                 "metrics": 6, "quarantine": 3, "facts": 6}
    assert summary["entities_by_label"] == {"GPE": 3, "ORG": 1, "CRIME": 1, "DATE": 1, "PERSON": 1}
    assert summary["metrics_by_kind"] == {"money": 3, "percent": 2, "count": 1}


def test_money_is_summed_in_yuan_per_category_and_place(outputs):
    summary = summarize(outputs)
    categories = {c["category"]: c for c in summary["metrics_by_category"]}
    recovered = categories["losses_recovered"]
    assert recovered["n"] == 2
    assert recovered["sums"] == [{"unit": "元", "quantity_kind": "money", "sum": 11126000.0,
                                  "n": 2, "approx": 1, "rows": 2}]
    assert summary["money_by_place"] == [
        {"place": "江苏省苏州市", "yuan": 150000000.0, "n": 1, "rows": 1},
        {"place": "江苏省镇江市", "yuan": 11126000.0, "n": 2, "rows": 2},
    ]


def test_sums_count_each_statistic_once(tmp_path):
    """The lead restates the headline's 812.6万元 as 约813万元 (one fact: summed once, with the
    fact's most precise value), and 其中…300万元 is part of it (left out of the sum)."""
    from tests.outputs_factory import seed_like_rows

    rows = seed_like_rows()
    recovered = next(m for m in rows["metrics"] if m["metric_id"] == "met002")
    restated = {**recovered, "metric_id": "met007", "value": 8130000.0, "text": "813万元"}
    part = next(m for m in rows["metrics"] if m["metric_id"] == "met006")
    part["part_of"] = recovered["fact_id"]
    rows["metrics"].append(restated)
    summary = summarize(write_outputs(tmp_path / "out", rows))
    assert summary["money_by_place"][1] == {"place": "江苏省镇江市", "yuan": 8126000.0, "n": 1, "rows": 2}
    assert summary["facts"]["rows_folded"] == 1 and summary["facts"]["parts_left_out"] == 1
    category = {c["category"]: c for c in summary["metrics_by_category"]}["losses_recovered"]
    assert (category["n"], category["facts"]) == (3, 1)


def test_percentages_and_change_rates_are_counted_never_summed(outputs):
    categories = {c["category"]: c for c in summarize(outputs)["metrics_by_category"]}
    for name in ("incidents_change", "satisfaction_rate"):
        assert categories[name]["sums"] == [] and categories[name]["not_summed"] == 1


@pytest.mark.parametrize("metric,summable", [
    (dict(quantity_kind="count", unit="起", value=3.0, change_direction=None), True),
    (dict(quantity_kind="count", unit="起", value=3.0, change_direction="up"), False),
    (dict(quantity_kind="percent", unit="%", value=3.0, change_direction=None), False),
    (dict(quantity_kind="duration", unit="年", value=3.0, change_direction=None), False),
    # 平均每天接警120起 is a per-day average: never added to totals
    (dict(quantity_kind="count", unit="起", value=120.0, change_direction=None,
          statistic="average"), False),
    (dict(quantity_kind="count", unit="起", value=3.0, change_direction=None,
          statistic="total"), True),
])
def test_which_metrics_are_summed(metric, summable):
    assert bool(metric_sums([metric])) is summable


@pytest.mark.parametrize("value,text", [
    (1.3e9, "13亿元"), (8126000.0, "812.6万元"), (3500.0, "3,500元"), (0.5, "0.5元"),
])
def test_format_yuan(value, text):
    assert format_yuan(value) == text


def test_format_sum_marks_approximate_totals():
    assert format_sum({"unit": "人", "sum": 2110.0, "approx": 1}) == "~2,110 人"
    assert format_sum({"unit": "", "sum": 3.0, "approx": 0}) == "3 (no unit)"


def test_places_organs_quarantine_and_models(outputs):
    summary = summarize(outputs)
    assert summary["top_places"][0] == {"name": "江苏省镇江市", "n": 2}  # normalised names
    assert summary["top_organs"] == [{"name": "镇江市公安局", "n": 1}]
    assert summary["quarantine"][0]["stage"] == "read"
    assert summary["quarantine"][0]["reason"] == "binary" and summary["quarantine"][0]["n"] == 2
    assert set(summary["run"]["models"]) == {"pkuseg", "ner"}


def test_cli_json_is_the_summary(outputs):
    result = CliRunner().invoke(cli, ["inspect", str(outputs), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == json.loads(json.dumps(summarize(outputs)))


def test_cli_tables_show_the_figures(outputs):
    result = CliRunner().invoke(cli, ["inspect", str(outputs)], env={"COLUMNS": "140"})
    assert result.exit_code == 0, result.output
    for text in ("losses_recovered", "1,112.6万元", "江苏省镇江市", "镇江市公安局", "binary",
                 "model ner", "fazhi_ner", "ents_f 0.800", "invalid_record"):
        assert text in result.output, text


def test_cli_without_run_json_still_works(tmp_path):
    out = write_outputs(tmp_path / "o", run_info=None)
    result = CliRunner().invoke(cli, ["inspect", str(out)])
    assert result.exit_code == 0 and "no run.json" in result.output


@pytest.mark.parametrize("make,message", [
    (lambda p: p / "missing", "No such directory"),
    (lambda p: p, "holds no fazhi outputs"),
])
def test_cli_on_something_that_is_not_a_run_exits_2(tmp_path, make, message):
    result = CliRunner().invoke(cli, ["inspect", str(make(tmp_path))])
    assert result.exit_code == 2
    assert message in result.output and "fazhi run" in result.output


def test_per_place_sums_keep_a_sub_area_that_is_part_of_a_wider_total():
    """苏州's 1.5亿元 is part of 江苏's total: left out of the sum over all places (its total
    counts it) but kept in 苏州's own row of money by place."""
    from pipeline.review.summary import count_once, money_by_place

    rows = [dict(fact_id="js", part_of=None, value=5e8, value_max=None, unit="元", quantity_kind="money",
                 category="assets_seized", change_direction=None, statistic="total", place="江苏省", place_code="320000"),
            dict(fact_id="sz", part_of="js", value=1.5e8, value_max=None, unit="元", quantity_kind="money",
                 category="assets_seized", change_direction=None, statistic="total", place="江苏省苏州市",
                 place_code="320500")]
    facts = [dict(fact_id=r["fact_id"], value=r["value"], value_max=None, place=r["place"],
                  place_code=r["place_code"], category=r["category"]) for r in rows]
    assert [m["fact_id"] for m in count_once(rows, facts)] == ["js"]
    assert [p["place"] for p in money_by_place(count_once(rows, facts, by_place=True))] == ["江苏省", "江苏省苏州市"]
    same_place = [rows[0], {**rows[1], "place": "江苏省", "place_code": "320000"}]
    facts[1].update(place="江苏省", place_code="320000")
    assert [m["fact_id"] for m in count_once(same_place, facts, by_place=True)] == ["js"]
