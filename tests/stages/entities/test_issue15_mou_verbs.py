"""Issue 15: the verbs that end an anonymised name at 某 come from People's Daily 1998's verb
lexicon (training/build_mou_verbs.py), not from a hand list. Sentences written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.lexicon import DATA_DIR, read_words
from pipeline.stages.entities import EntityTagger

from .helpers import found

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpora" / "pd1998" / "199801.utf8.txt"


def test_the_shipped_list_is_the_corpus_lexicon_not_a_hand_list():
    verbs = set(read_words(DATA_DIR / "entity_verbs_after_mou.txt"))
    assert len(verbs) > 1000
    assert {"提起", "提出", "明确", "建议", "申请", "讲述"} <= verbs
    assert not {"因为", "在于", "称赞"} & verbs  # their first character ends a name by itself


@pytest.mark.slow
@pytest.mark.parametrize("text, person", [
    ("被告人喻某提出上诉。", "喻某"),      # 提出: a verb of the lexicon
    ("嫌疑人尹某交代了作案经过。", "尹某"),  # 交: one character that ends a name by itself
    ("嫌疑人邹某虎持刀伤人。", "邹某虎"),    # 虎持 is no verb: the given name stays
])
def test_a_verb_after_mou_ends_the_name(nlp, text, person):
    """With pkuseg's words and the model (which reads 喻某提 as a name): the lexicon decides."""
    got = found(EntityTagger(nlp), text)
    assert (person, "PERSON") in got


@pytest.mark.skipif(not CORPUS.exists(), reason="People's Daily 1998 is not beside the project")
def test_the_builder_keeps_corpus_verbs_and_drops_names(tmp_path):
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "training"))
    from build_mou_verbs import mou_verbs
    sample = tmp_path / "pd.txt"
    sample.write_text("19980101-01-001-001/m  王/nr  建华/nr  提出/v  建议/n  ，/w  李/nr  某/r  "
                      "建华/v  建立/v  情况/n  。/w  \n", encoding="utf-8")
    verbs = mou_verbs(sample)
    assert "提出" in verbs and "建立" in verbs
    assert "建华" not in verbs  # also written as a name
