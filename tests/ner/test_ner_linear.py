"""The linear NER (pipeline/ner/linear.py): files, BILOU decoding, determinism."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.ner import features as nf
from pipeline.ner import linear as nl

SENTS = [
    ["江泽民", "主席", "在", "北京市", "会见", "了", "美国", "国务卿", "奥尔布赖特", "。"],
    ["新华社", "记者", "张", "小明", "报道", "：", "长江", "流域", "降雨", "增多"],
    [],
    ["１９９８年", "，", "ABC", "公司", "在", "上海", "浦东新区", "成立"],
    ["中国", "人民", "银行", "行长"],
]


def random_model(seed: int = 0) -> nl.LinearNER:
    """A model with random weights over the feature values of SENTS."""
    rng = np.random.default_rng(seed)
    lex = nf.Lexicon()
    words, pos, _, npos = nf.layout(SENTS)
    vals = nf.word_values(words, lex)
    keys = {}
    for t in nf.TEMPLATES:
        v = vals[t][vals[t] != 0]
        keys[t] = np.union1d(v, np.array([nf.PAD], np.uint64))
    pairs = nf.DEFAULT_PAIRS + [[-1, "w", 1, "w"], [0, "sur", 1, "len"]]
    pair_keys = [np.unique(h[h != 0]) for h in nf.pair_values(pairs, vals, pos, npos)]
    bases = nl.LinearNER.row_bases(keys, nf.DEFAULT_OFFSETS, [len(k) for k in pair_keys])
    weights = rng.normal(size=(bases["_rows"] + 1, nl.N_TAGS)).astype(np.float32)
    weights[-1] = 0
    trans = rng.normal(size=(nl.N_TAGS, nl.N_TAGS))
    return nl.LinearNER(keys, nf.DEFAULT_OFFSETS, weights, trans, pair_keys, {"note": "test"},
                        pairs)


def valid(spans, n):
    last = 0
    for a, b, lab in spans:
        if not (last <= a < b <= n) or lab not in nl.LABELS:
            return False
        last = b
    return True


def test_save_load_round_trip(tmp_path):
    model = random_model()
    model.save(tmp_path / "m")
    again = nl.LinearNER.load(tmp_path / "m")
    assert again.meta["note"] == "test"
    np.testing.assert_array_equal(again.weights, model.weights)
    for t in model.keys:
        np.testing.assert_array_equal(again.keys[t], model.keys[t])
    assert again.predict(SENTS) == model.predict(SENTS)


def test_compact_keeps_predictions():
    model = random_model(3)
    model.weights[::3] = 0  # some rows all zero: compact drops their keys
    model.weights[-1] = 0
    small = model.compact()
    assert small.weights.shape[0] < model.weights.shape[0]
    np.testing.assert_allclose(small.node_scores(SENTS)[0], model.node_scores(SENTS)[0],
                               rtol=1e-5, atol=1e-4)
    assert small.predict(SENTS) == model.predict(SENTS)


@pytest.mark.parametrize("seed", range(8))
def test_decoding_never_yields_invalid_spans(seed):
    model = random_model(seed)
    out = model.predict(SENTS)
    assert len(out) == len(SENTS)
    for spans, sent in zip(out, SENTS):
        assert valid(spans, len(sent))
    # the Viterbi path itself obeys BILOU (no span is lost by tags_to_spans)
    node, pos, starts = model.node_scores(SENTS)
    from spacy_pkuseg.inference import run_viterbi

    _, path = run_viterbi(node, model.edge)
    path = np.asarray(path)
    mask = nl.transition_mask()
    assert all(mask[a, b] == 0 for a, b in zip(path[:-1], path[1:]))
    assert path[0] == 0 and path[-1] == 0
    assert (path[np.setdiff1d(np.arange(len(path)), pos)] == 0).all()


def test_batch_equals_one_by_one_and_deterministic():
    model = random_model(1)
    together = model.predict(SENTS)
    assert together == model.predict(SENTS)
    assert together == [model.predict([s])[0] for s in SENTS]
    assert model.predict(SENTS[::-1]) == together[::-1]


def test_unknown_words_and_empty_batch():
    model = random_model(2)
    assert model.predict([]) == []
    out = model.predict([["完全", "陌生", "的", "词语", "ＸＹＺ", "3.5", " "]])
    assert valid(out[0], 7)


def test_tags_spans_round_trip():
    spans = [(0, 1, "PERSON"), (2, 5, "ORG"), (5, 7, "GPE"), (9, 10, "LOC")]
    tags = nl.spans_to_tags(10, spans)
    assert nl.tags_to_spans(tags) == spans
    # ill-formed tag runs give no span
    b_org = 1 + 4 * nl.LABELS.index("ORG")
    assert nl.tags_to_spans(np.array([b_org, 0, b_org + 2])) == []


@pytest.mark.parametrize("seed", range(4))
def test_batch_spans_match_per_sentence_decoding(seed):
    from spacy_pkuseg.inference import run_viterbi

    model = random_model(seed)
    node, pos, starts = model.node_scores(SENTS)
    _, path = run_viterbi(node, model.edge)
    path = np.asarray(path)
    lens = [len(s) for s in SENTS]
    expected = [nl.tags_to_spans(path[a:a + n]) for a, n in zip(starts.tolist(), lens)]
    assert nl.LinearNER.spans_of_path(path, starts, lens) == expected


def test_hash_index_lookup_matches_binary_search():
    rng = np.random.default_rng(0)
    keys = np.unique(rng.integers(1, 2**63, 5000, dtype=np.uint64))
    q = np.concatenate([keys[rng.integers(0, len(keys), 3000)],
                        rng.integers(1, 2**63, 3000, dtype=np.uint64)])
    model = random_model()
    at = np.minimum(np.searchsorted(keys, q), len(keys) - 1)
    expected = np.where(keys[at] == q, at, -1)
    np.testing.assert_array_equal(model._find("x", keys, q), expected)


def to_chars(sents, preds):
    out = []
    for sent, ents in zip(sents, preds):
        ends = np.cumsum([len(w) for w in sent]).tolist()
        starts = [e - len(w) for e, w in zip(ends, sent)]
        out.append([(starts[a], ends[b - 1], lab) for a, b, lab in ents])
    return out


def test_split_word_and_apply_splits():
    assert nl.split_word("邓小平理论", [3]) == ("邓小平", "理论")
    assert nl.split_word("汤尤杯赛", [2, 1, 9, 0]) == ("汤", "尤", "杯赛")
    pieces = {"中美": ("中", "美"), "华人": ("华", "人")}
    assert nl.apply_splits([["中美", "关系", "华人"], []], pieces) == \
        [["中", "美", "关系", "华", "人"], []]
    assert nl.apply_splits([["中美"]], {}) == [["中美"]]


def split_model(tmp_path=None) -> nl.LinearNER:
    model = random_model(5)
    meta = dict(model.meta, splits={"北京市": [2], "奥尔布赖特": [2, 4], "美国": [1, 5, 0]})
    return nl.LinearNER(model.keys, model.offsets, model.weights, model.trans, model.pair_keys,
                        meta, model.pairs)


def test_split_table_round_trip(tmp_path):
    model = split_model()
    assert model.splits == {"北京市": [2], "奥尔布赖特": [2, 4], "美国": [1]}
    model.save(tmp_path / "m")
    again = nl.LinearNER.load(tmp_path / "m")
    assert again.splits == model.splits
    assert again.char_spans(SENTS) == model.char_spans(SENTS)
    assert model.compact().splits == model.splits
    # a model without a table has none after a round trip either
    plain = random_model(5)
    plain.save(tmp_path / "p")
    assert nl.LinearNER.load(tmp_path / "p").splits == {}
    assert "splits" not in nl.LinearNER.load(tmp_path / "p").meta


@pytest.mark.parametrize("seed", range(4))
def test_char_spans_map_back_to_exact_characters(seed):
    base = random_model(seed)
    model = nl.LinearNER(base.keys, base.offsets, base.weights, base.trans, base.pair_keys,
                         {"splits": {"北京市": [2], "奥尔布赖特": [2, 4], "浦东新区": [2]}},
                         base.pairs)
    split = model.split_words(SENTS)
    assert split[0][3:5] == ["北京", "市"] and split[0][9:12] == ["奥尔", "布赖", "特"]
    assert ["".join(s) for s in split] == ["".join(s) for s in SENTS]
    tok = model.predict(split)
    chars = model.char_spans(SENTS)
    for sent, ws, ents, cs in zip(SENTS, split, tok, chars):
        text = "".join(sent)
        assert len(ents) == len(cs)
        for (a, b, lab), (s, e, lab2) in zip(ents, cs):
            assert lab == lab2 and text[s:e] == "".join(ws[a:b])
    assert chars == to_chars(split, tok)


@pytest.mark.parametrize("seed", range(4))
def test_unsplit_char_spans_equal_predict(seed):
    model = random_model(seed)
    assert model.splits == {}
    assert model.split_words(SENTS) == [list(s) for s in SENTS]
    assert model.char_spans(SENTS) == to_chars(SENTS, model.predict(SENTS))
    # whitespace tokens count by their length
    sents = [["新华社", " ", "记者", "张", "  ", "小明"]]
    assert model.char_spans(sents) == to_chars(sents, model.predict(sents))
    assert model.char_spans([]) == []
