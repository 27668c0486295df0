"""The linear NER at character level: tags characters, sees pkuseg words only as features.

A word-level tagger cannot return an entity that starts or ends inside a pkuseg word, and
one entity in ten of MSRA's test set does (华 in 华人, 美 in 美方, 邓小平 in 邓小平理论, 访华).
``CharNER`` is the same averaged structured perceptron as ``pipeline.ner.linear.LinearNER``
(same weight layout, training loop, BILOU tags, Viterbi decoding, file format), but its
positions are characters. Each character's features are

- the character itself and its neighbours at -2..+2, with their classes, the character
  bigrams around it and the trigram centred on it (``c``, ``cls``, pairs of ``c``, ``c3``);
- the pkuseg word it belongs to, with its place in that word (B, M, E or S): the word
  itself (``w``), its length, shape and the flags of ``pipeline.ner.features.word_values`` (admin,
  organisation and place suffixes, surnames, the gazetteers), each tied to where the
  character sits in the word, so 市 at the end of 镇江市 and 市 inside 市场 differ;
- the words before and after its word (``pw``, ``nw``), paired with its own.

So the segmenter's words guide the tagger without bounding it: 华人 gives 华 as B of a
two-character word, and the tagger may still end a place after it.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .features import HASHER, OFFSETS, PAD, char_class, pair_hash, positions, word_values
from .linear import N_TAGS, LinearNER

CHAR_TEMPLATES = ("c", "cls", "b", "w", "wlen", "pw", "nw", "shape", "admin", "org", "loc",
                  "sur", "gaz", "c3")
CHAR_FLAGS = ("admin", "org", "loc", "sur", "gaz")  # 0 (absent) at padding and where unset
CHAR_OFFSETS = {
    "0": list(CHAR_TEMPLATES),
    "-1": ["c", "cls", "b", "w"],
    "1": ["c", "cls", "b", "w"],
    "-2": ["c", "cls"],
    "2": ["c", "cls"],
}
CHAR_PAIRS = [[-1, "c", 0, "c"], [0, "c", 1, "c"], [-2, "c", -1, "c"], [1, "c", 2, "c"],
              [-1, "c", 1, "c"], [0, "c", 0, "b"], [0, "w", 0, "pw"], [0, "w", 0, "nw"]]
EDGE = np.uint64(0x9E3779B97F4A7C15)  # the previous/next word of a sentence's first/last word


def neighbours(values: np.ndarray, group: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The value before and after each one within its ``group`` (sentence), ``EDGE`` at the
    group's ends."""
    same_before = np.concatenate([[False], group[1:] == group[:-1]])
    same_after = np.concatenate([group[:-1] == group[1:], [False]])
    return (np.where(same_before, np.roll(values, 1), EDGE),
            np.where(same_after, np.roll(values, -1), EDGE))


def char_values(sents: Sequence[Sequence[str]], lex) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Every template's value (uint64, 0 = absent) at each character of the sentences of
    words, and the number of characters of each sentence."""
    words = [w for s in sents for w in s]
    n_words = np.fromiter(map(len, sents), np.int64, len(sents))
    wlen = np.fromiter(map(len, words), np.int64, len(words))
    sid = np.repeat(np.arange(len(sents)), n_words)  # sentence of each word
    sent_chars = np.bincount(sid, weights=wlen, minlength=len(sents)).astype(np.int64)
    out = {t: np.zeros(int(wlen.sum()), np.uint64) for t in CHAR_TEMPLATES}
    if not len(words) or not wlen.sum():
        return out, sent_chars
    # Word features once per distinct word of the batch.
    wh = HASHER.strings([w if w else " " for w in words])
    _, first, inv = np.unique(wh, return_index=True, return_inverse=True)
    dv = word_values([words[i] for i in first.tolist()], lex)
    wv = {t: v[inv] for t, v in dv.items()}
    text = "".join(words)
    codes32 = np.frombuffer(text.encode("utf-32-le"), np.uint32)
    n = len(codes32)
    widx = np.repeat(np.arange(len(words)), wlen)
    wstart = np.cumsum(wlen) - wlen
    inword = np.arange(n) - wstart[widx]
    length = wlen[widx]
    to_end = length - 1 - inword
    bmes = np.where(length == 1, 4, np.where(inword == 0, 1, np.where(to_end == 0, 3, 2)))
    b = bmes.astype(np.uint64)
    w_hash = wv["w"]
    prev_w, next_w = neighbours(w_hash, sid)
    c = out["c"] = codes32.astype(np.uint64) + np.uint64(1)
    before, after = neighbours(c, np.repeat(np.arange(len(sents)), sent_chars))
    out["c3"] = pair_hash(pair_hash(before, c), after) | np.uint64(1)  # the trigram around it
    out["cls"] = char_class(codes32).astype(np.uint64) + np.uint64(1)
    out["b"] = b
    out["w"] = pair_hash(w_hash[widx], b) | np.uint64(1)
    out["wlen"] = (np.minimum(length, 7) * 16 + np.minimum(inword, 7) + 1).astype(np.uint64)
    out["pw"] = prev_w[widx]
    out["nw"] = next_w[widx]
    out["shape"] = wv["shape"][widx] * np.uint64(8) + b
    for t in ("admin", "org", "loc"):
        k = wv[t][widx].astype(np.int64)
        val = k * 16 + np.where(to_end < k, to_end, 15) + 1
        out[t] = np.where(k > 0, val, 0).astype(np.uint64)
    s = wv["sur"][widx].astype(np.int64)
    out["sur"] = np.where(s > 0, s * 8 + np.minimum(inword, 7) + 1, 0).astype(np.uint64)
    g = wv["gaz"][widx]
    out["gaz"] = np.where(g > 0, g * np.uint64(8) + b, np.uint64(0))
    return out, sent_chars


class CharNER(LinearNER):
    """The linear NER over characters (see the module docstring); ``meta["level"] = "char"``."""

    level = "char"
    flags = CHAR_FLAGS

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.meta["level"] = self.level
        # The offsets each template is used at, in the order of the weight rows.
        self.template_offsets = {
            t: offs for t in self.keys
            if (offs := [o for o in OFFSETS if t in self.offsets.get(str(o), [])])}

    def values(self, sents: Sequence[Sequence[str]]):
        """(template values at every position of the layout, character positions, sentence
        starts, total positions, characters per sentence)."""
        vals, lens = char_values(sents, self.lex)
        pos, starts, npos = positions(lens)
        return vals, pos, starts, npos, lens

    def position_rows(self, vals: dict[str, np.ndarray], pos: np.ndarray, npos: int
                      ) -> np.ndarray:
        """[characters, K] weight rows: every (offset, template), then every pair template."""
        zero = self.bases["_rows"]
        cols = []
        for t, offsets in self.template_offsets.items():
            full = np.full(npos, 0 if t in self.flags else PAD, np.uint64)
            full[pos] = vals[t]
            idx = self._find(t, self.keys[t], full)
            for o in offsets:
                at = idx[pos + o]
                cols.append(np.where(at >= 0, self.bases[(o, t)] + at, zero))
        cols.append(self.pair_rows(self.pair_values(vals, pos, npos)))
        return np.column_stack(cols) if cols else np.zeros((len(pos), 0), np.int64)

    def node_scores(self, sents: Sequence[Sequence[str]]):
        """(node scores [positions, tags] with padding forced to O, character positions,
        sentence starts, characters per sentence): the sum of the rows of
        ``position_rows``, computed template by template; the flags (mostly absent) are
        looked up and added only where set."""
        vals, pos, starts, npos, lens = self.values(sents)
        W = self.weights
        zero = self.bases["_rows"]
        node = np.zeros((len(pos), N_TAGS), np.float32)
        for t, offsets in self.template_offsets.items():
            if offsets == [0] and t in self.flags:
                at = np.flatnonzero(vals[t])
                idx = self._find(t, self.keys[t], vals[t][at])
                hit = idx >= 0
                node[at[hit]] += W[self.bases[(0, t)] + idx[hit]]
                continue
            if offsets == [0]:
                idx = self._find(t, self.keys[t], vals[t])
                node += W[np.where(idx >= 0, self.bases[(0, t)] + idx, zero)]
                continue
            full = np.full(npos, 0 if t in self.flags else PAD, np.uint64)
            full[pos] = vals[t]
            idx = self._find(t, self.keys[t], full)
            table = self._combined(t, offsets)
            if table is not None:  # a few values: one row per combination around the character
                k = len(self.keys[t]) + 1
                combo = np.zeros(len(pos), np.int64)
                for o in offsets:
                    combo = combo * k + idx[pos + o] + 1
                node += table[combo]
                continue
            for o in offsets:
                at = idx[pos + o]
                node += W[np.where(at >= 0, self.bases[(o, t)] + at, zero)]
        return self.laid_out(node, vals, pos, npos), pos, starts, lens

    def _combined(self, t: str, offsets: list[int]) -> np.ndarray | None:
        """For a template of a few values (the character class, the place in the word) seen
        at several offsets: the summed weight rows of every combination of its values at
        those offsets (absent = 0, value i = i + 1), built once; None for larger templates."""
        k = len(self.keys[t]) + 1
        if k ** len(offsets) > 50_000:
            return None
        cache = self.__dict__.setdefault("_combos", {})
        if t not in cache:
            zero = self.bases["_rows"]
            grids = np.indices((k,) * len(offsets)).reshape(len(offsets), -1)
            table = np.zeros((grids.shape[1], N_TAGS), np.float32)
            for o, ids in zip(offsets, grids):
                table += self.weights[np.where(ids > 0, self.bases[(o, t)] + ids - 1, zero)]
            cache[t] = table
        return cache[t]

    def predict(self, sents: Sequence[Sequence[str]]) -> list[list[tuple[int, int, str]]]:
        """Entities (start_char, end_char exclusive, label) of each sentence of words,
        offsets into the concatenation of its words."""
        from spacy_pkuseg.inference import run_viterbi

        if not isinstance(sents, list):
            sents = list(sents)
        if not sents:
            return []
        node, pos, starts, lens = self.node_scores(sents)
        _, path = run_viterbi(np.ascontiguousarray(node), np.ascontiguousarray(self.edge))
        return self.spans_of_path(np.asarray(path), starts, lens.tolist())

    def char_spans(self, texts_words: Sequence[Sequence[str]]
                   ) -> list[list[tuple[int, int, str]]]:
        return self.predict(texts_words)
