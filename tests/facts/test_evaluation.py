"""Scoring link output against hand marks; (slow) the real pipeline on the invented fixtures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.evaluation.facts import describe, format_details, locate, score_links
from pipeline.facts import link

from .rows import document, metric

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "facts"
RAW = "南京打掉涉恶团伙12个\n本报讯 南京市公安局打掉涉恶团伙12个，抓获犯罪嫌疑人38名。上述12个团伙中，已有3个被起诉。"


def test_a_mention_is_the_bracketed_figure_in_its_unique_context():
    """上述[12个] is the third 12个 of the page; a context found twice is an error."""
    assert locate(RAW, "上述[12个]") == (RAW.index("上述12个") + 2, RAW.index("上述12个") + 5)
    assert locate(RAW, "[99个]") is None
    with pytest.raises(ValueError):
        locate(RAW, "涉恶团伙[12个]")


def _rows():
    gangs = dict(category="gangs_dismantled", action="打掉", obj="涉恶团伙")
    return [metric(RAW, "12个", 12, "个", **gangs), metric(RAW, "12个", 12, "个", nth=1, **gangs),
            metric(RAW, "38名", 38, "名", category="suspects_arrested", action="抓获", obj="犯罪嫌疑人"),
            metric(RAW, "12个", 12, "个", nth=2, obj="上述")]


def test_score_counts_pairs_of_one_statistic():
    """Marks: the three 12个 are one statistic (3 pairs); a link output that finds them scores F 1,
    one that splits off 上述12个 finds 1 pair of 3."""
    gold = [{"doc": "x.txt", "statistics": [["南京打掉涉恶团伙[12个]", "公安局打掉涉恶团伙[12个]", "上述[12个]"]]}]
    rows, docs = _rows(), [document(RAW, "d1", "/in/x.txt")]
    facts, links, dups = link(rows, docs)
    assert score_links(gold, rows, docs, links, dups, facts)["within_pairs"]["f"] == 1.0
    split = {**links, rows[3]["metric_id"]: ("elsewhere", None)}
    scores = score_links(gold, rows, docs, split, dups, facts)["within_pairs"]
    assert (scores["tp"], scores["gold"], scores["precision"]) == (1, 3, 1.0)


def test_details_list_each_miss_with_its_figure_in_context():
    """A split-off 上述12个 is a missed pair, shown as …[12个]… in its context; a marked part
    left without its total is a missed part that points at nothing; nothing is listed twice."""
    gold = [{"doc": "x.txt", "statistics": [["南京打掉涉恶团伙[12个]", "公安局打掉涉恶团伙[12个]", "上述[12个]"]],
             "parts": [["已有[3个]", "公安局打掉涉恶团伙[12个]"]]}]
    rows, docs = _rows(), [document(RAW, "d1", "/in/x.txt")]
    rows.append(metric(RAW, "3个", 3, "个", category="gangs_dismantled", obj="团伙"))
    facts, links, dups = link(rows, docs)
    split = {**links, rows[3]["metric_id"]: ("elsewhere", None), rows[4]["metric_id"]: ("f3", None)}
    details = score_links(gold, rows, docs, split, dups, facts, details=True)["details"]
    assert len(details["missed_pairs"]) == 2 and details["wrong_pairs"] == []
    assert all("上述[12个]" in pair["b"] for pair in details["missed_pairs"])
    (part,) = details["missed_parts"]
    assert "已有[3个]" in part["part"] and "涉恶团伙[12个]" in part["total"] and part["points_at"] is None
    text = format_details(details)
    assert "missed_parts: 1" in text and "missed_conflicts: 0" in text
    assert "details" not in score_links(gold, rows, docs, split, dups, facts)


def test_describe_shows_what_the_metrics_stage_read():
    """The figure in brackets, then category, action, object, place, period and value."""
    row = metric(RAW, "38名", 38, "名", category="suspects_arrested", action="抓获", obj="犯罪嫌疑人",
                 place="南京市", period_start="2022-01-01", period_end="2022-10-31")
    shown = describe(row, RAW)
    assert shown.startswith("…恶团伙12个，抓获犯罪嫌疑人[38名]。上述1… | ")
    assert shown.endswith("suspects_arrested 抓获 犯罪嫌疑人 南京市 2022-01-01..2022-10-31 = 38 名")


@pytest.mark.slow
def test_the_run_links_the_fixtures():
    """`fazhi evaluate facts --details` runs fazhi over tests/fixtures/facts and scores its links
    (metrics.fact_id, part_of, documents.duplicate_of, facts): pair F >= 0.9, every
    republication found and no false duplicate, every marked part and conflict found, and
    the details list no miss."""
    done = subprocess.run([sys.executable, "-m", "pipeline", "evaluate", "facts", "--gold",
                           str(FIXTURES / ".gold.jsonl"), str(FIXTURES), "--date", "2022-11-08",
                           "--json", "--details"], check=True, capture_output=True, text=True)
    scores = json.loads(done.stdout)
    assert scores["within_pairs"]["f"] >= 0.9, scores
    assert scores["duplicate_pairs"]["precision"] == scores["duplicate_pairs"]["recall"] == 1.0, scores
    assert scores["parts"]["linked_to_total"] == scores["parts"]["gold"], scores
    assert scores["conflicts"]["found"] == scores["conflicts"]["gold"], scores
    assert scores["across"]["found"] == scores["across"]["gold_pairs"], scores
    assert not any(scores["details"][key] for key in ("missed_pairs", "wrong_pairs", "missed_parts",
                                                       "missed_conflicts", "missed_across")), scores
