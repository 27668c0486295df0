"""A fast feature-based linear NER (PERSON, ORG, GPE, LOC) over pkuseg words, in numpy.

An averaged structured perceptron (trained by ``pipeline.ner.fit``) with BILOU tags over the
words of the pipeline's pkuseg tokenizer. Its features (``pipeline.ner.features``) are
functions of one word string at an offset -2..+2 from the tagged word, or of a pair of such
values.

Inference is vectorised over a batch of sentences, with no Python work per token beyond
joining the words and listing the entities found:

- the sentences are laid end to end with two padding positions between them (and at both
  ends); the padding positions are forced to ``O``, so one Viterbi pass over the whole batch
  gives every sentence's best path (the model scores a sentence with ``O`` before its first
  and after its last word, which the padding reproduces; the ``O``→``O`` steps between
  sentences add the same constant to every path);
- the feature values of each word are computed from the code points of the joined text,
  then each distinct word of the batch gets one summed score row per offset (5 × tags) and
  each position sums the rows of the words around it, plus one row per pair template;
- decoding is spacy-pkuseg's compiled Viterbi (``run_viterbi``) with invalid BILOU
  transitions forbidden.

Model files: ``weights.npz`` (per-template sorted value keys, the weight rows, the transition
scores) and ``model.json`` (tags, templates per offset, settings and, for a model trained on
sub-word splits, ``splits``: {word: [character offsets]}, words cut before tagging by
``char_spans``, learned from where training gold boundaries fall inside pkuseg words).
``pipeline.ner.load.load_model`` picks the class (this one or ``pipeline.ner.char.CharNER``)
from ``model.json``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Sequence

import numpy as np

from ..nlp.hashing import Index
from .features import (DEFAULT_PAIRS, FLAGS, HASHER, OFFSETS, PAD, Lexicon, layout,
                       pair_values, word_values)

LABELS = ("PERSON", "ORG", "GPE", "LOC")
TAGS = ("O",) + tuple(f"{p}-{lab}" for lab in LABELS for p in "BILU")
N_TAGS = len(TAGS)
NEG = -1e9


def transition_mask() -> np.ndarray:
    """0 where a BILOU transition prev → cur is valid, NEG where not."""
    mask = np.zeros((N_TAGS, N_TAGS))
    for i, prev in enumerate(TAGS):
        for j, cur in enumerate(TAGS):
            pp, _, pl = prev.partition("-")
            cp, _, cl = cur.partition("-")
            inside = pp in ("B", "I")
            if inside:
                ok = cp in ("I", "L") and cl == pl
            else:
                ok = cp in ("O", "B", "U")
            if not ok:
                mask[i, j] = NEG
    return mask


def tags_to_spans(tags: np.ndarray) -> list[tuple[int, int, str]]:
    """(start, end, label) of the BILOU tag ids of one sentence (only well-formed spans)."""
    spans = []
    start = None
    for i, t in enumerate(tags.tolist()):
        if t == 0:
            start = None
            continue
        k, p = divmod(t - 1, 4)
        if p == 3:  # U
            spans.append((i, i + 1, LABELS[k]))
            start = None
        elif p == 0:  # B
            start = (i, k)
        elif p == 2 and start is not None and start[1] == k:  # L
            spans.append((start[0], i + 1, LABELS[k]))
            start = None
        elif p == 1 and (start is None or start[1] != k):
            start = None
    return spans


def spans_to_tags(n: int, spans: Sequence[tuple[int, int, str]]) -> np.ndarray:
    tags = np.zeros(n, np.int64)
    for a, b, lab in spans:
        k = LABELS.index(lab)
        if b - a == 1:
            tags[a] = 1 + 4 * k + 3
        else:
            tags[a] = 1 + 4 * k
            tags[a + 1:b - 1] = 1 + 4 * k + 1
            tags[b - 1] = 1 + 4 * k + 2
    return tags


class LinearNER:
    """The model: per-template value keys, weight rows per (offset, template) and per pair
    template, BILOU transition scores."""

    level = "word"  # the positions it tags (``pipeline.ner.char.CharNER``: characters)
    flags = FLAGS

    def __init__(self, keys: dict[str, np.ndarray], offsets: dict[str, list[str]],
                 weights: np.ndarray, trans: np.ndarray, pair_keys: Sequence[np.ndarray],
                 meta: dict | None = None, pairs: Sequence[Sequence] | None = None) -> None:
        self.keys = {t: np.ascontiguousarray(k, np.uint64) for t, k in keys.items()}
        self.offsets = {str(o): list(ts) for o, ts in offsets.items()}
        self.pairs = [list(p) for p in (DEFAULT_PAIRS if pairs is None else pairs)]
        self.pair_keys = [np.ascontiguousarray(k, np.uint64) for k in pair_keys]
        if len(self.pair_keys) != len(self.pairs):
            raise ValueError(f"{len(self.pair_keys)} pair key arrays for {len(self.pairs)} pairs")
        self.weights = np.ascontiguousarray(weights, np.float32)
        self.trans = np.asarray(trans, np.float64)
        self.meta = dict(meta or {})
        self.lex = Lexicon()
        self.bases = self.row_bases(self.keys, self.offsets, [len(k) for k in self.pair_keys])
        if self.weights.shape != (self.bases["_rows"] + 1, N_TAGS):
            raise ValueError(f"weights shape {self.weights.shape} does not match the keys "
                             f"({self.bases['_rows'] + 1} rows)")
        self.edge = self.trans + transition_mask()
        self._hash_index: dict = {}
        # Sub-word split table (``meta["splits"]``: word -> character offsets where the NER
        # cuts the word before tagging, 中美 -> [1]); empty for unsplit models.
        self.splits = {str(w): sorted({int(k) for k in ks if 0 < int(k) < len(w)})
                       for w, ks in (self.meta.get("splits") or {}).items()}
        self.splits = {w: ks for w, ks in self.splits.items() if ks}
        if self.splits:
            self.meta["splits"] = self.splits
        self._pieces = {w: split_word(w, ks) for w, ks in self.splits.items()}

    def _find(self, name, keys: np.ndarray, q: np.ndarray) -> np.ndarray:
        """Position of each query among ``keys`` (sorted, distinct), -1 where absent: a hash
        index (``pipeline.nlp.hashing.Index``, one or two probes) built on first use."""
        if len(keys) < 64 or not len(q):
            return _index(keys, q)
        index = self._hash_index.get(name)
        if index is None:
            index = self._hash_index[name] = Index(keys)
        return index.find(q)

    @staticmethod
    def row_bases(keys: dict[str, np.ndarray], offsets: dict[str, list[str]],
                  n_pairs: Sequence[int]) -> dict:
        """Row where each (offset, template) block starts, then each pair template's block
        (``("p", i)``); the last row (``_rows``) is all zeros (absent features)."""
        bases, at = {}, 0
        for o in OFFSETS:
            for t in offsets.get(str(o), []):
                bases[(o, t)] = at
                at += len(keys[t])
        for i, n in enumerate(n_pairs):
            bases[("p", i)] = at
            at += n
        bases["_rows"] = at
        return bases

    # -- files --------------------------------------------------------------------------

    def save(self, path: str | os.PathLike) -> Path:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        arrays = {f"keys_{t}": k for t, k in self.keys.items()}
        arrays.update({f"pair_keys_{i}": k for i, k in enumerate(self.pair_keys)})
        arrays.update(weights=self.weights.astype(np.float16) if self.meta.get("float16")
                      else self.weights, trans=self.trans.astype(np.float32))
        np.savez_compressed(path / "weights.npz", **arrays)
        meta = dict(self.meta, tags=list(TAGS), labels=list(LABELS), offsets=self.offsets,
                    templates=list(self.keys), pairs=self.pairs, format=2)
        (path / "model.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1),
                                         encoding="utf-8")
        return path

    @classmethod
    def load(cls, path: str | os.PathLike) -> "LinearNER":
        """The model of this class saved at ``path`` (``pipeline.ner.load.load_model`` reads
        the class from ``model.json``)."""
        path = Path(path)
        meta = json.loads((path / "model.json").read_text(encoding="utf-8"))
        if meta.get("level", "word") != cls.level:
            raise ValueError(f"{path}: a {meta.get('level')!r}-level model, not {cls.level!r}")
        if meta.get("tags") != list(TAGS):
            raise ValueError(f"{path}: model tags {meta.get('tags')} differ from {TAGS}")
        with np.load(path / "weights.npz") as z:
            keys = {t: z[f"keys_{t}"] for t in meta["templates"]}
            pair_keys = [z[f"pair_keys_{i}"] for i in range(len(meta["pairs"]))]
            return cls(keys, meta["offsets"], z["weights"].astype(np.float32), z["trans"],
                       pair_keys, meta, meta["pairs"])

    # -- features -----------------------------------------------------------------------

    def value_ids(self, values: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Index of each value among its template's keys, -1 where unknown."""
        return {t: self._find(t, keys, values[t]) for t, keys in self.keys.items()}

    def rows(self, ids: dict[str, np.ndarray], o: int) -> np.ndarray:
        """[n, templates at offset o] weight rows (the zero row where absent)."""
        zero = self.bases["_rows"]
        cols = [np.where(ids[t] >= 0, self.bases[(o, t)] + ids[t], zero)
                for t in self.offsets.get(str(o), [])]
        n = len(next(iter(ids.values()))) if ids else 0
        return np.stack(cols, axis=1) if cols else np.zeros((n, 0), np.int64)

    def word_rows(self, vals: dict[str, np.ndarray], pos: np.ndarray, npos: int):
        """Rows of the one-word features: ({offset: [distinct words + padding, k_o] rows},
        the distinct-word id of every position (padding = the last))."""
        uniq, first, inv = np.unique(vals["w"], return_index=True, return_inverse=True)
        return self.distinct_rows({t: v[first] for t, v in vals.items()}), \
            self.position_ids(inv, pos, npos)

    def distinct_rows(self, dvals: dict[str, np.ndarray]) -> dict[int, np.ndarray]:
        """{offset: [words + padding, k_o] rows} for the values of distinct words."""
        uvals = {t: np.append(v, PAD) for t, v in dvals.items()}
        for t in self.flags:
            uvals[t][-1] = 0
        ids = self.value_ids(uvals)
        return {o: self.rows(ids, o) for o in OFFSETS}

    @staticmethod
    def position_ids(inv: np.ndarray, pos: np.ndarray, npos: int) -> np.ndarray:
        n_distinct = int(inv.max()) + 1 if len(inv) else 0
        tid = np.full(npos, n_distinct, np.int64)
        tid[pos] = inv
        return tid

    def pair_values(self, vals: dict[str, np.ndarray], pos: np.ndarray, npos: int) -> list:
        return pair_values(self.pairs, vals, pos, npos, self.flags)

    def pair_rows(self, pvals: list) -> np.ndarray:
        """[tokens, pair templates] weight rows."""
        zero = self.bases["_rows"]
        cols = []
        for i, h in enumerate(pvals):
            idx = self._find(("pair", i), self.pair_keys[i], h)
            cols.append(np.where(idx >= 0, self.bases[("p", i)] + idx, zero))
        n = len(pvals[0]) if pvals else 0
        return np.stack(cols, axis=1) if cols else np.zeros((n, 0), np.int64)

    def node_scores(self, sents: Sequence[Sequence[str]]):
        """(node scores [positions, tags] float64 with padding forced to O, token positions,
        sentence start positions)."""
        words, pos, starts, npos = layout(sents)
        # Features are computed once per distinct word of the batch.
        wh = HASHER.strings(words)
        uniq, first, inv = np.unique(wh, return_index=True, return_inverse=True)
        dvals = word_values([words[i] for i in first.tolist()], self.lex)
        vals = {t: dvals[t][inv] for t in {t for p in self.pairs for t in (p[1], p[3])}}
        W = self.weights
        rows = self.distinct_rows(dvals)
        tid = self.position_ids(inv, pos, npos)
        node = None
        for o in OFFSETS:
            e = W[rows[o]].sum(axis=1)  # summed rows of each distinct word at offset o
            part = e[tid[pos + o]]
            node = part if node is None else node + part
        return self.laid_out(node, vals, pos, npos), pos, starts

    def laid_out(self, node: np.ndarray, vals: dict[str, np.ndarray], pos: np.ndarray,
                 npos: int) -> np.ndarray:
        """The node scores of the tokens plus their pair features, laid out over all
        ``npos`` positions with the padding forced to O."""
        W = self.weights
        prows = self.pair_rows(self.pair_values(vals, pos, npos))
        for j in range(prows.shape[1]):
            node += W[prows[:, j]]
        out = np.full((npos, N_TAGS), NEG)
        out[:, 0] = 0.0
        out[pos] = node
        return out

    def predict(self, sents: Sequence[Sequence[str]]) -> list[list[tuple[int, int, str]]]:
        """Entities (start_token, end_token exclusive, label) of each sentence of words."""
        from spacy_pkuseg.inference import run_viterbi

        if not isinstance(sents, list):
            sents = list(sents)
        if not sents:
            return []
        node, pos, starts = self.node_scores(sents)
        _, path = run_viterbi(np.ascontiguousarray(node), np.ascontiguousarray(self.edge))
        return self.spans_of_path(np.asarray(path), starts, [len(s) for s in sents])

    def split_words(self, sents: Sequence[Sequence[str]]) -> list[list[str]]:
        """The words the model tags: each word of the split table cut at its offsets (the
        sentences as lists unchanged for a model without a table)."""
        return apply_splits(sents, self._pieces)

    def char_spans(self, texts_words: Sequence[Sequence[str]]
                   ) -> list[list[tuple[int, int, str]]]:
        """Entities (start_char, end_char exclusive, label) of each sentence, offsets into the
        concatenation of its words (whitespace tokens count by their length). Words of the
        split table are cut first (``predict`` itself tags the words it is given)."""
        if not isinstance(texts_words, list):
            texts_words = list(texts_words)
        words = self.split_words(texts_words) if self._pieces else texts_words
        preds = self.predict(words)
        out = []
        for sent, ents in zip(words, preds):
            if not ents:
                out.append([])
                continue
            ends = np.cumsum(np.fromiter(map(len, sent), np.int64, len(sent)))
            starts = ends - np.fromiter(map(len, sent), np.int64, len(sent))
            out.append([(int(starts[a]), int(ends[b - 1]), lab) for a, b, lab in ents])
        return out

    @staticmethod
    def spans_of_path(path: np.ndarray, starts: np.ndarray,
                      lens: Sequence[int]) -> list[list[tuple[int, int, str]]]:
        """Entities per sentence from a batch's tag path. The constrained path is well formed
        (every B…L run closed, padding O), so the k-th B/U pairs with the k-th L/U."""
        part = (path - 1) % 4
        ent = path > 0
        first = np.flatnonzero(ent & ((part == 0) | (part == 3)))
        last = np.flatnonzero(ent & ((part == 2) | (part == 3)))
        out: list[list[tuple[int, int, str]]] = [[] for _ in lens]
        well_formed = len(first) == len(last) and not (
            (last < first).any() or ((path[first] - 1) // 4 != (path[last] - 1) // 4).any())
        if not well_formed:
            return [tags_to_spans(path[a:a + n]) if n else []  # not reached with valid paths
                    for a, n in zip(starts.tolist(), lens)]
        sent = np.searchsorted(starts, first, side="right") - 1
        off = starts[sent]
        for k, a, b, t in zip(sent.tolist(), (first - off).tolist(), (last + 1 - off).tolist(),
                              ((path[first] - 1) // 4).tolist()):
            out[k].append((a, b, LABELS[t]))
        return out

    def compact(self) -> "LinearNER":
        """A copy without the template values and pairs whose weight rows are all zero."""
        nz = np.any(self.weights != 0, axis=1)
        keep = {}
        for t, k in self.keys.items():
            m = np.zeros(len(k), bool)
            for o in OFFSETS:
                if t in self.offsets.get(str(o), []):
                    b = self.bases[(o, t)]
                    m |= nz[b:b + len(k)]
            keep[t] = m
        keep_p = []
        for i, k in enumerate(self.pair_keys):
            b = self.bases[("p", i)]
            keep_p.append(nz[b:b + len(k)])
        blocks = []
        for o in OFFSETS:
            for t in self.offsets.get(str(o), []):
                b = self.bases[(o, t)]
                blocks.append(self.weights[b:b + len(self.keys[t])][keep[t]])
        for i, k in enumerate(self.pair_keys):
            b = self.bases[("p", i)]
            blocks.append(self.weights[b:b + len(k)][keep_p[i]])
        blocks.append(np.zeros((1, N_TAGS), np.float32))
        return type(self)({t: k[keep[t]] for t, k in self.keys.items()}, self.offsets,
                         np.concatenate(blocks), self.trans,
                         [k[m] for k, m in zip(self.pair_keys, keep_p)], self.meta, self.pairs)


def split_word(word: str, offsets: Sequence[int]) -> tuple[str, ...]:
    """``word`` cut at the character ``offsets`` (0 < k < len(word)): 中美, [1] -> (中, 美)."""
    cuts = [0] + [k for k in sorted(set(offsets)) if 0 < k < len(word)] + [len(word)]
    return tuple(word[a:b] for a, b in zip(cuts[:-1], cuts[1:]))


def apply_splits(sents: Sequence[Sequence[str]],
                 pieces: dict[str, tuple[str, ...]]) -> list[list[str]]:
    """Each sentence with the words found in ``pieces`` replaced by their pieces."""
    if not pieces:
        return [list(s) for s in sents]
    get = pieces.get
    out = []
    for s in sents:
        new = []
        for w in s:
            p = get(w)
            if p is None:
                new.append(w)
            else:
                new.extend(p)
        out.append(new)
    return out


def _index(keys: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Position of each query in the sorted ``keys``, -1 where absent (binary search: for
    small tables and few queries, where a hash index does not pay)."""
    if not len(keys) or not len(q):
        return np.full(len(q), -1, np.int64)
    at = np.searchsorted(keys, q)
    at[at == len(keys)] = 0
    return np.where(keys[at] == q, at, -1)
