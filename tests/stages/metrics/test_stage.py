"""The stage as a whole: the same document gives the same metrics whatever came before."""

from __future__ import annotations

from pathlib import Path


from pipeline.stages.metrics import MetricExtractor

from .helpers import WithWords, make_doc

ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT / "tests" / "gold"


def test_same_document_same_metrics_whatever_came_before(words_nlp):
    """What one document teaches the stage (闻到 is a verb with its complement) is not carried
    to the next: a document gives the same metrics fresh and after another one."""
    text = "居民经常闻到燃气味。这批燃气味包括异味3种。"
    fresh = WithWords(MetricExtractor(), words_nlp)
    alone = [(m.start, m.end, m.fields) for m in fresh(make_doc(text)).metrics]
    used = WithWords(MetricExtractor(), words_nlp)
    used(make_doc("他们闻到一股怪味，共5人。"))
    after = [(m.start, m.end, m.fields) for m in used(make_doc(text)).metrics]
    assert after == alone
    assert [f["action"] for _, _, f in alone] == ["包括"]
