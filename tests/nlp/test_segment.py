"""The fast segmenter gives exactly spacy-pkuseg's words with the same model."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import SEED


@pytest.fixture(scope="module")
def model_dir():
    from pipeline.nlp.models import default_pkuseg_dir, is_pkuseg_model

    path = os.environ.get("FAZHI_PKUSEG_MODEL") or default_pkuseg_dir()
    if not is_pkuseg_model(path):
        pytest.skip("no pkuseg model: run `fazhi models fetch`")
    return path


@pytest.fixture(scope="module")
def both(model_dir):
    """(spacy-pkuseg's segmenter, fazhi's) over the same model."""
    from pipeline.nlp.segment import load_segmenter
    from pipeline.nlp.spacy_nlp import load_tokenizer_nlp

    reference = load_tokenizer_nlp(model_dir, segmenter="pkuseg").tokenizer.pkuseg_seg
    return reference, load_segmenter(model_dir)


# Characters that exercise every feature: common CJK, the digits and letters pkuseg folds to
# **Num/**Letter (ASCII and full-width), the keywords it renames to "&", whitespace, and
# characters the model has never seen.
ALPHABET = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
            "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
            "二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日"
            "那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变"
            "公安局检察院法破获案件抓获犯罪嫌疑人诈骗涉黑恶团伙万亿元余名起同比下降上升百分"
            "0123456789.％%０１２３ABCxyzＡＢＣａｂ-._,|/*:&　 \n\t“”（）《》、，。；：？！"
            "龘齉𠀀\x00")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_same_words_on_generated_text(both, text):
    reference, fast = both
    assert fast.cut(text) == reference.cut(text)


def test_same_words_on_the_seed_page_in_one_batch(both):
    reference, fast = both
    lines = SEED.read_text(encoding="utf-8").split("\n")
    expected = [reference.cut(line) for line in lines]
    assert fast.cut_many(lines, batch_chars=500) == expected
    assert [fast.cut(line) for line in lines[:40]] == expected[:40]


@pytest.mark.parametrize("text", ["", " ", "\u3000\n", "一", "中国", "1998年1月1日",
                                  "ＡＢＣ公司", "a  b", "公安局" * 200])
def test_edge_cases(both, text):
    reference, fast = both
    assert fast.cut(text) == reference.cut(text)


def test_tokenizer_docs_match_spacys(model_dir):
    from pipeline.nlp.spacy_nlp import load_tokenizer_nlp

    fast = load_tokenizer_nlp(model_dir, segmenter="fast")
    spacy_nlp = load_tokenizer_nlp(model_dir, segmenter="pkuseg")
    texts = ["  镇江市公安局破获案件760起，抓获犯罪嫌疑人1134人。 ", "a b\u3000c", ""]
    for doc, ref in zip(fast.tokenizer.pipe(texts), map(spacy_nlp.tokenizer, texts)):
        assert [(t.text, t.whitespace_) for t in doc] == [(t.text, t.whitespace_) for t in ref]
        assert doc.text == ref.text


def test_unknown_segmenter_is_refused(model_dir):
    from pipeline.nlp.spacy_nlp import load_tokenizer_nlp

    with pytest.raises(ValueError, match="unknown segmenter"):
        load_tokenizer_nlp(model_dir, segmenter="jieba")


def test_tables_compile_beside_a_writable_model_and_are_reused(model_dir, tmp_path):
    import shutil

    from pipeline.nlp.tables import TABLES_DIR, ensure_tables

    copy = tmp_path / "model"
    copy.mkdir()
    for name in os.listdir(model_dir):
        if os.path.isfile(os.path.join(model_dir, name)):
            os.symlink(os.path.join(model_dir, name), copy / name)
    built = ensure_tables(copy)
    assert built == copy / TABLES_DIR
    stamp = (built / "meta.json").stat().st_mtime_ns
    assert ensure_tables(copy) == built
    assert (built / "meta.json").stat().st_mtime_ns == stamp  # reused, not rebuilt
    shutil.rmtree(built)


def test_read_only_model_dir_compiles_into_the_cache(model_dir, tmp_path, monkeypatch):
    from pipeline.nlp.tables import tables_dir

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert str(tables_dir(model_dir)).startswith(str(tmp_path / "cache"))


@pytest.mark.slow
def test_same_words_on_the_whole_peoples_daily_corpus(both, corpora):
    """The issue's proof: every paragraph of People's Daily January 1998, both segmenters."""
    from pipeline.evaluation.corpora import read_pd1998

    reference, fast = both
    texts = [p.text for p in read_pd1998(corpora / "pd1998" / "199801.utf8.txt")]
    assert len(texts) > 15_000
    got = fast.cut_many(texts)
    differ = [k for k, (text, words) in enumerate(zip(texts, got)) if words != reference.cut(text)]
    assert differ == [], f"{len(differ)} paragraphs differ, first: {texts[differ[0]][:80]}"
