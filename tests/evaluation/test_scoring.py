"""pipeline.evaluation.scoring: the one P/R/F scorer."""

from __future__ import annotations

import pytest

from pipeline.evaluation.scoring import count_spans, prf, score_spans, span_prf


def test_prf_keys_and_values():
    assert prf(3, 1, 1) == {"p": 0.75, "r": 0.75, "f": 0.75, "tp": 3, "fp": 1, "fn": 1}
    assert prf(2, 0, 2) == {"p": 1.0, "r": 0.5, "f": 0.6667, "tp": 2, "fp": 0, "fn": 2}


@pytest.mark.parametrize("empty,expected", [(0.0, (0.0, 0.0, 0.0)), (1.0, (1.0, 1.0, 1.0))])
def test_nothing_predicted_nor_gold_scores_the_empty_value(empty, expected):
    s = prf(0, 0, 0, empty=empty)
    assert (s["p"], s["r"], s["f"]) == expected


def test_spans_must_match_exactly_in_start_end_and_label():
    gold = [{(0, 3, "PERSON"), (5, 8, "GPE")}]
    pred = [{(0, 3, "PERSON"), (5, 7, "GPE"), (9, 11, "ORG")}]
    counts = count_spans(gold, pred)
    assert dict(counts["PERSON"]) == {"tp": 1}
    assert dict(counts["GPE"]) == {"fp": 1, "fn": 1}
    assert dict(counts["ORG"]) == {"fp": 1}
    assert span_prf(gold, pred) == prf(1, 2, 1)


def test_score_spans_per_label_overall_and_against_the_aligned_gold():
    gold = [{(0, 1, "GPE"), (2, 5, "PERSON")}, {(0, 2, "ORG")}]
    pred = [{(2, 5, "PERSON")}, {(0, 2, "ORG"), (3, 4, "LOC")}]
    aligned = [{(2, 5, "PERSON")}, {(0, 2, "ORG")}]  # 华 in 华人 cannot be output
    scores = score_spans(gold, pred, aligned)
    assert list(scores) == ["GPE", "LOC", "ORG", "PERSON", "ALL", "ALL_aligned_gold"]
    assert scores["ALL"] == prf(2, 1, 1)
    assert scores["ALL_aligned_gold"] == prf(2, 1, 0)
    assert "ALL_aligned_gold" not in score_spans(gold, pred)
