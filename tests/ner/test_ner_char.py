"""The character-level linear NER (pipeline/ner/char.py): features, files, decoding, offsets."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.ner import char as nc
from pipeline.ner import features as nf
from pipeline.ner import linear as nl
from pipeline.ner.load import load_model

SENTS = [
    ["江泽民", "主席", "在", "北京市", "会见", "了", "美国", "国务卿", "奥尔布赖特", "。"],
    ["华人", "社团", "访华", "，", "中美", "关系"],
    [],
    ["１９９８年", "，", "ABC", "公司", "在", "上海", "浦东新区", "成立"],
    ["镇江市", "公安局", "抓获", "张某"],
    [],
]


def random_model(seed: int = 0, offsets=None, pairs=None) -> nc.CharNER:
    """A character model with random weights over the feature values of SENTS."""
    rng = np.random.default_rng(seed)
    offsets = offsets or dict(nc.CHAR_OFFSETS, **{"0": list(nc.CHAR_TEMPLATES)})
    pairs = pairs or nc.CHAR_PAIRS
    vals, lens = nc.char_values(SENTS, nf.Lexicon())
    pos, _, npos = nf.positions(lens)
    keys = {}
    for t in nc.CHAR_TEMPLATES:
        v = vals[t][vals[t] != 0]
        keys[t] = np.union1d(v, np.array([nf.PAD], np.uint64))
    pair_keys = [np.unique(h[h != 0])
                 for h in nf.pair_values(pairs, vals, pos, npos, nc.CHAR_FLAGS)]
    bases = nl.LinearNER.row_bases(keys, offsets, [len(k) for k in pair_keys])
    weights = rng.normal(size=(bases["_rows"] + 1, nl.N_TAGS)).astype(np.float32)
    weights[-1] = 0
    trans = rng.normal(size=(nl.N_TAGS, nl.N_TAGS))
    return nc.CharNER(keys, offsets, weights, trans, pair_keys, {"note": "test"}, pairs)


def n_chars(sent):
    return sum(map(len, sent))


def valid(spans, n):
    last = 0
    for a, b, lab in spans:
        if not (last <= a < b <= n) or lab not in nl.LABELS:
            return False
        last = b
    return True


def test_word_features_follow_the_character_place_in_its_word():
    vals, lens = nc.char_values([["镇江市", "公安局"], ["张某"]], nf.Lexicon())
    assert lens.tolist() == [6, 2]
    assert vals["b"].tolist() == [1, 2, 3, 1, 2, 3, 1, 3]  # B M E B M E B E
    # 市 ends an administrative suffix; 镇 and 江 are outside it
    admin = vals["admin"][:3].tolist()
    assert admin[0] == admin[1] != admin[2] and admin[2] > 0
    # the first word of a sentence has no previous word; the last no next word
    assert vals["pw"][0] == vals["pw"][6] == nc.EDGE
    assert vals["nw"][5] == vals["nw"][7] == nc.EDGE
    assert vals["pw"][3] == nf.HASHER.strings(["镇江市"])[0]


def test_features_do_not_cross_sentences():
    """A sentence's values are the same alone and inside a batch (its neighbours unseen)."""
    lex = nf.Lexicon()
    batch, lens = nc.char_values(SENTS, lex)
    at = 0
    for sent, n in zip(SENTS, lens.tolist()):
        alone, _ = nc.char_values([sent], lex)
        for t in nc.CHAR_TEMPLATES:
            np.testing.assert_array_equal(alone[t], batch[t][at:at + n], err_msg=t)
        at += n


def test_save_load_round_trip_gives_a_char_model(tmp_path):
    model = random_model()
    model.save(tmp_path / "m")
    again = load_model(tmp_path / "m")
    assert isinstance(again, nc.CharNER) and again.meta["level"] == "char"
    np.testing.assert_array_equal(again.weights, model.weights)
    assert again.predict(SENTS) == model.predict(SENTS)


def test_unknown_level_is_refused(tmp_path):
    model = random_model()
    model.meta["level"] = "syllable"
    path = model.save(tmp_path / "m")
    with pytest.raises(ValueError, match="level"):
        load_model(path)


def test_each_class_refuses_the_other_level(tmp_path):
    path = random_model().save(tmp_path / "m")
    with pytest.raises(ValueError, match="level"):
        nl.LinearNER.load(path)


def test_compact_keeps_predictions_and_class():
    model = random_model(3)
    model.weights[::3] = 0
    small = model.compact()
    assert isinstance(small, nc.CharNER)
    assert small.weights.shape[0] < model.weights.shape[0]
    assert small.predict(SENTS) == model.predict(SENTS)


@pytest.mark.parametrize("seed", range(6))
def test_decoding_gives_valid_character_spans(seed):
    model = random_model(seed)
    out = model.predict(SENTS)
    assert len(out) == len(SENTS)
    assert any(out)
    for spans, sent in zip(out, SENTS):
        assert valid(spans, n_chars(sent))


@pytest.mark.parametrize("seed", range(3))
def test_batch_equals_one_by_one(seed):
    model = random_model(seed)
    together = model.predict(SENTS)
    assert together == [model.predict([s])[0] for s in SENTS]
    assert model.predict(SENTS[::-1]) == together[::-1]
    assert model.char_spans(SENTS) == together
    assert model.predict([]) == []


def test_an_entity_may_end_inside_a_word():
    """华 of 华人 is a place although pkuseg's word is 华人."""
    model = random_model(0)
    model.weights[:] = 0
    model.trans[:] = 0
    model.edge = model.trans + nl.transition_mask()
    t = "c"
    code = np.uint64(ord("华") + 1)
    row = model.bases[(0, t)] + int(np.searchsorted(model.keys[t], code))
    assert model.keys[t][row - model.bases[(0, t)]] == code
    u_gpe = nl.TAGS.index("U-GPE")
    model.weights[row, u_gpe] = 5.0
    model.weights[:-1, 0] += 0.1  # everything else leans to O
    model.weights[row, 0] = 0
    out = model.predict([["华人", "社团", "访华"]])
    assert out == [[(0, 1, "GPE"), (5, 6, "GPE")]]


def test_component_offsets_are_offsets_into_the_doc_text(tmp_path):
    """Whitespace that is not a token shifts the offsets back into the text."""
    import spacy
    from spacy.tokens import Doc

    from pipeline.ner.component import LinearNERComponent, to_doc_offsets

    nlp = spacy.blank("zh")
    doc = Doc(nlp.vocab, words=["华人", "在", "美国"], spaces=[True, False, False])
    assert doc.text == "华人 在美国"
    spans = to_doc_offsets(doc, ["华人", "在", "美国"], [(0, 1, "GPE"), (3, 5, "GPE")])
    assert [doc.text[a:b] for a, b, _ in spans] == ["华", "美国"]
    model = random_model(1)
    model.save(tmp_path / "m")
    component = LinearNERComponent(tmp_path / "m")
    docs = [Doc(nlp.vocab, words=s, spaces=[False] * len(s)) for s in SENTS if s]
    found = component.char_spans(docs)
    expected = model.predict([s for s in SENTS if s])
    assert found == expected
    tagged = list(component.pipe(docs))
    for d, spans in zip(tagged, found):
        aligned = {(a, b, lab) for a, b, lab in spans if d.char_span(a, b) is not None}
        assert {(e.start_char, e.end_char, e.label_) for e in d.ents} == aligned


def test_entity_stage_keeps_spans_inside_tokens(tmp_path):
    """The entity stage takes the model's character offsets, not only whole tokens."""
    import spacy

    from pipeline.stages.entities import EntityTagger

    model = random_model(0)
    model.weights[:] = 0
    model.trans[:] = 0
    row = model.bases[(0, "c")] + int(np.searchsorted(model.keys["c"], np.uint64(ord("华") + 1)))
    model.weights[:-1, 0] += 0.1  # everything else leans to O
    model.weights[row, nl.TAGS.index("U-GPE")] = 5.0
    model.save(tmp_path / "m")
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    nlp.add_pipe("fazhi_linear_ner", name="ner", config={"path": str(tmp_path / "m")})
    tagger = EntityTagger(nlp)
    # a Doc whose token 华人 holds the entity's first character only
    from spacy.tokens import Doc

    docs = [Doc(nlp.vocab, words=["华人", "社团"], spaces=[False, False])]
    assert tagger.model_spans(["华人社团"], docs) == [[(0, 1, "GPE")]]


@pytest.mark.parametrize("seed", range(3))
def test_node_scores_are_the_sum_of_the_training_rows(seed):
    """Inference's template-by-template sum equals the rows training updates."""
    model = random_model(seed)
    model.weights[::4] = 0  # absent flags and zero rows on the way
    node, pos, _, _ = model.node_scores(SENTS)
    vals, pos2, _, npos, _ = model.values(SENTS)
    rows = model.position_rows(vals, pos2, npos)
    np.testing.assert_allclose(node[pos], model.weights[rows].sum(axis=1), rtol=1e-5, atol=1e-4)
