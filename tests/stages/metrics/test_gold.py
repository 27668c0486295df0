"""Scores against the gold sets (slow) and the gold files themselves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT / "tests" / "gold"


def _scores(fazhi_pipeline, gold_files, inputs):
    from pipeline.evaluation.metrics import evaluate_metrics

    return evaluate_metrics(gold_files, inputs, fazhi_pipeline)


@pytest.mark.slow
def test_seed_gold(fazhi_pipeline):
    result = _scores(fazhi_pipeline, [GOLD / "metrics_seed.jsonl"], [ROOT / "seeds"])
    assert result["precision"] >= 0.97 and result["recall"] >= 0.97, result
    for attr in ("quantity_kind", "approx", "change"):
        assert result["attributes"][attr] >= 0.97, result
    assert result["attributes"]["action"] >= 0.90, result
    assert result["attributes"]["object"] >= 0.90, result


@pytest.mark.slow
def test_pd1998_gold(fazhi_pipeline, corpora):
    gold = GOLD / "metrics_pd1998.jsonl"
    if not gold.exists():
        pytest.skip("no PD1998 gold yet")
    result = _scores(fazhi_pipeline, [gold], [corpora / "pd1998" / "199801.utf8.txt"])
    assert not result["missing_documents"]
    assert result["precision"] >= 0.97 and result["recall"] >= 0.97, result
    for attr in ("quantity_kind", "approx", "change"):
        assert result["attributes"][attr] >= 0.97, result
    # Regression floors, a few figures below the scores (docs/metrics.md). 2026-11-28, second
    # action/object pass: action 0.905, object 0.901, both at the 0.90 target (before it:
    # 0.801 / 0.766).
    assert result["attributes"]["action"] >= 0.895, result
    assert result["attributes"]["object"] >= 0.89, result


def test_gold_files_parse():
    for path in sorted(GOLD.glob("metrics_*.jsonl")):
        if path.name == "metrics_docs.jsonl":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                assert {"doc", "start", "end"} <= record.keys()


@pytest.mark.parametrize("name, pred, gold, agrees", [
    ("object", "非法采矿案", "长江特大非法采矿案", True),   # head-final noun phrases
    ("object", "VCD的销售", "ＶＣＤ的销售", True),          # widths folded
    ("object", "“保护伞”", "保护伞", True),                # quotation marks removed
    ("object", "率", "转岗培训率", False),                 # one character names nothing
    ("action", "产", "年产", True),                        # a one-character verb is a verb
    ("action", "安装", "推广安装", True),
    ("object", None, "案件", False),
])
def test_attribute_matching(name, pred, gold, agrees):
    from pipeline.evaluation.metrics import _attribute_agrees

    assert _attribute_agrees(name, {name: pred}, {name: gold}) is agrees


def test_held_out_part_is_every_third_article_and_five_pages():
    """19980103-01-009-005 lies in article 19980103-01-009 (1998010301009 % 3 == 2: dev);
    19980103-01-010 (1998010301010 % 3 == 0) is held out."""
    from pipeline.evaluation.metrics import article_id, is_held_out

    assert article_id("19980103-01-009-005") == "19980103-01-009"
    assert not is_held_out("pd1998:19980103-01-009-005")
    assert is_held_out("pd1998:19980103-01-010-001")
    assert is_held_out("page:p04_verb_county.txt") and not is_held_out("page:p01_x.txt")
    assert not is_held_out("seed:000.txt")
    assert is_held_out("page:h03_national_local_outlet.txt")  # the third set: all held out


def test_a_gold_file_reads_its_own_listing():
    """attribution_pages3.jsonl is dated by attribution_pages3_docs.jsonl and covers only its
    pages; attribution_pages.jsonl keeps the folder's listings (its pages only)."""
    from pipeline.evaluation.metrics import load_gold

    published = {}
    _, docs = load_gold(GOLD / "attribution_pages3.jsonl", published)
    assert docs and all(d.startswith("page:h") for d in docs)
    assert str(published["page:h01_county_thousands.txt"]) == "2024-11-20"
    _, docs = load_gold(GOLD / "attribution_pages.jsonl")
    assert docs and not any(d.startswith("page:h") for d in docs)


def test_period_agrees_on_start_and_end():
    """截至7月底: start null, end 7-31; a date object compares as its ISO form."""
    from datetime import date

    from pipeline.evaluation.metrics import _attribute_agrees

    gold = {"period_start": None, "period_end": "2024-07-31"}
    assert _attribute_agrees("period", {"period_start": None, "period_end": date(2024, 7, 31)}, gold)
    assert not _attribute_agrees("period", {"period_start": date(2024, 1, 1),
                                            "period_end": date(2024, 7, 31)}, gold)


@pytest.mark.slow
def test_attribution_gold_pages(fazhi_pipeline):
    """Place, period, category and statistic on our own pages (issue 12); floors a few
    figures below the scores of 2026-12-07 (docs/metrics.md)."""
    from pipeline.evaluation.metrics import evaluate_metrics

    result = evaluate_metrics([GOLD / "attribution_pages.jsonl"], [GOLD / "attribution_pages"],
                              fazhi_pipeline)
    assert not result["missing_documents"]
    scores = result["attribution"]
    assert scores["place"] >= 0.88 and scores["category"] >= 0.88, scores
    assert scores["period"] >= 0.78 and scores["statistic"] >= 0.95, scores


@pytest.mark.slow
def test_attribution_gold_pages3(fazhi_pipeline):
    """The third, held-out set of our pages (attribution_pages3): floors a few figures below
    the scores of 2026-12-07 (place 0.968, period 0.952, category 0.921; recall 1.000)."""
    from pipeline.evaluation.metrics import evaluate_metrics

    result = evaluate_metrics([GOLD / "attribution_pages3.jsonl"], [GOLD / "attribution_pages3"],
                              fazhi_pipeline)
    assert not result["missing_documents"] and result["recall"] >= 0.95
    scores = result["attribution"]
    assert scores["place"] >= 0.9 and scores["category"] >= 0.85, scores
    assert scores["period"] >= 0.88 and scores["statistic"] >= 0.95, scores


@pytest.mark.slow
def test_attribution_gold_pd1998(fazhi_pipeline, corpora):
    from pipeline.evaluation.metrics import evaluate_metrics

    result = evaluate_metrics([GOLD / "attribution_pd1998.jsonl"],
                              [corpora / "pd1998" / "199801.utf8.txt"], fazhi_pipeline)
    assert not result["missing_documents"]
    scores = result["attribution"]
    assert scores["place"] >= 0.72 and scores["category"] >= 0.68, scores
    assert scores["period"] >= 0.67 and scores["statistic"] >= 0.94, scores
