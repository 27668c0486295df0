"""The stage as a whole: the same document gives the same metrics whatever came before."""

from __future__ import annotations

import pytest

from pipeline.stages.metrics import MetricExtractor

from .helpers import WithWords, make_doc


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


def test_the_shared_lexicon_learns_nothing():
    """Only a document's copy of the lexicon learns verbs; the copy leaves the shared one as loaded."""
    lexicon = MetricExtractor().lexicon
    with pytest.raises(RuntimeError):
        lexicon.learn(["闻到"])
    copy = lexicon.for_document()
    copy.learn(["撒开了"])
    assert "撒开了" in copy.verbs and "撒开了" not in lexicon.verbs
