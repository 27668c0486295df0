"""pkuseg segmentation, fast: exactly spacy-pkuseg's words with the same model, in numpy.

spacy-pkuseg scores every character with a linear CRF over string features: the character and
its neighbours (``c.X``, ``c-1c.X.Y``, …), the dictionary words that start or end there
(``w1.W``, ``w-1.W``) and every pair of dictionary slots around it (``ww.l.P*Q``,
``ww.r.P*Q``: 2 × 5 × 5 per character, most of them "no word"). Its Cython loop builds and
looks up about 80 strings per character in a dict of 2.6 million strings, and loading that
dict takes seconds. ``Segmenter`` computes the same sums another way:

- the feature strings are compiled once, per model, into integer tables (``pipeline.nlp.tables.build_tables``):
  characters and dictionary words get ids, and each feature becomes a sorted integer key
  (``c-1c.X.Y`` → id(X)·V + id(Y)); the tables live beside the model in the cache and load in
  a fraction of a second (the weights are memory-mapped, so forked workers share them);
- per line, the dictionary is matched once (five substring lookups per character); everything
  else is numpy over the whole line: table lookups with ``searchsorted``, and "no word" or
  "outside the line" slots are counted, not enumerated (a feature seen k times adds k times
  its weight);
- decoding is pkuseg's own Viterbi (``spacy_pkuseg.inference.run_viterbi``), so ties break as
  they do there, and pkuseg's postprocessing (merging dictionary words) is the same algorithm
  over string slices.

The sums are the same up to float rounding (the order of additions differs), so a path could
in principle flip on an exact tie: ``tests/nlp/test_segment.py`` compares this with spacy-pkuseg on
every line of the People's Daily 1998 corpus and on generated text. ``FAZHI_SEGMENTER=pkuseg``
switches the pipeline back to spacy-pkuseg itself.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import numpy as np

from .hashing import Hasher, Index, lookup
from .tables import KEYWORDS, ensure_tables

DERIVED_VERSION = 2  # derived.npz: hashes and hash indexes computed at first load


class _Features:
    """The features found at the positions of a batch: (position, feature id, how many
    times), summed into node scores at the end in the order they were added."""

    def __init__(self) -> None:
        self.pos: list[np.ndarray] = []
        self.fids: list[np.ndarray] = []
        self.counts: list[np.ndarray] = []

    def add(self, p: np.ndarray, f: np.ndarray, c: np.ndarray | None = None) -> None:
        """Feature ``f[i]`` at position ``p[i]``, ``c[i]`` times (once without ``c``); absent
        features (-1) and zero counts are skipped."""
        keep = f >= 0
        if c is not None:
            keep &= c > 0
            self.counts.append(c[keep])
        else:
            self.counts.append(np.ones(int(keep.sum())))
        self.pos.append(p[keep])
        self.fids.append(f[keep])

    def scores(self, W: np.ndarray, n_tag: int, start_row: np.ndarray, n: int) -> np.ndarray:
        """Node scores [positions, tags]: the weighted feature rows summed per position."""
        p = np.concatenate(self.pos)
        f = np.concatenate(self.fids)
        c = np.concatenate(self.counts)
        rows = W[f] * c[:, None]
        scores = np.empty((n, n_tag), dtype=np.float64)
        for tag in range(n_tag):
            scores[:, tag] = np.bincount(p, weights=rows[:, tag], minlength=n) + start_row[tag]
        return scores


class Segmenter:
    """Segments text into exactly spacy-pkuseg's words, from tables made by ``build_tables``."""

    def __init__(self, tables: str | os.PathLike, other_words: set[str] | None = None) -> None:
        from spacy_pkuseg.inference import run_viterbi

        tables = Path(tables)
        self.path = tables
        meta = json.loads((tables / "meta.json").read_text(encoding="utf-8"))
        self.word_min, self.word_max = meta["word_min"], meta["word_max"]
        self.slots = self.word_max - self.word_min + 1
        with np.load(tables / "tables.npz") as arrays:
            self.t = {name: arrays[name] for name in arrays.files}
        nodes = (tables / "nodes.txt").read_text(encoding="utf-8").split("\n")
        words = (tables / "words.txt").read_text(encoding="utf-8").split("\n")
        self.v = len(nodes)
        self.nw = len(words)
        self.word_id = {w: i for i, w in enumerate(words)}
        self.empty = self.word_id.get("", self.nw)  # slots outside the line read as ""
        self._character_lookups(nodes)
        self._weights(tables, meta)
        self._viterbi = run_viterbi
        # ww features of ("no word" | "", "no word" | "") pairs, per side
        self.const = {}
        for side in "lr":
            q = np.array([a * (self.nw + 1) + b for a in (self.nw, self.empty)
                          for b in (self.nw, self.empty)], np.int64)
            self.const[side] = lookup(self.t[f"ww_{side}_keys"], self.t[f"ww_{side}_ids"], q)
        if other_words is None:
            other_words = default_other_words()
        self.other = other_words
        self.hasher = Hasher()
        cached = self._derived(tables, words, other_words)
        # Dictionary words by length, as sorted hashes: they only propose candidates.
        self.word_hashes = {length: cached[f"words_{length}"]
                            for length in range(self.word_min, self.word_max + 1)}
        self.other_hashes = cached["other"]
        # Per word: its ww features with a "no word" or "" slot on the other side, 8 columns:
        # l(nw, w), l("", w), l(w, nw), l(w, ""), r(w, nw), r(w, ""), r(nw, w), r("", w).
        self.slot_ids = cached["slot_ids"]
        keys = dict(self._indexed(), other=self.other_hashes,
                    **{f"words_{n}": h for n, h in self.word_hashes.items()})
        self.ix = {name: Index(k, cached[f"ix_{name}_slots"], cached[f"ix_{name}_pos"])
                   for name, k in keys.items()}

    def _character_lookups(self, nodes: list[str]) -> None:
        """Code point -> node id (``char_lut``), and -> the code dictionary matching sees
        (``match_lut``, ``match_table``).

        pkuseg renames keywords to "&", then folds digits and letters to **Num / **Letter.
        For dictionary matching keywords read as "&", digits and letters as "\\x00" (no
        dictionary word contains a folded node, so a window holding one is never a word).
        """
        from spacy_pkuseg.feature_extractor import FeatureExtractor

        node_id = {x: i for i, x in enumerate(nodes)}
        char_id: dict[str, int] = {x: i for x, i in node_id.items() if len(x) == 1}
        for chars, node in ((FeatureExtractor.num, "**Num"), (FeatureExtractor.letter, "**Letter")):
            for c in chars:
                char_id[c] = node_id.get(node, self.v)
        for c in KEYWORDS:
            char_id[c] = node_id.get("&", self.v)
        table = {ord(c): "\x00" for c in FeatureExtractor.num | FeatureExtractor.letter}
        table.update({ord(c): "&" for c in KEYWORDS})
        self.match_table = table
        self.char_lut = np.full(0x110000, self.v, np.int32)
        for c, i in char_id.items():
            self.char_lut[ord(c)] = i
        self.match_lut = np.arange(1, 0x110001, dtype=np.uint32)
        for code, rep in table.items():
            self.match_lut[code] = ord(rep) + 1

    def _weights(self, tables: Path, meta: dict) -> None:
        """The feature weights ``W`` [features, tags] (memory-mapped), the transitions
        ``edge``, the tags that begin a word and the row every character gets."""
        n_tag = len(meta["tags"])
        w = np.load(tables / "weights.npy", mmap_mode="r")
        n_feature = meta["n_feature"]
        # a plain ndarray view of the mapped file (indexing a memmap object costs more)
        self.W = np.asarray(w[: n_feature * n_tag]).reshape(n_feature, n_tag)
        back = n_feature * n_tag
        self.edge = np.ascontiguousarray(
            1.0 + np.asarray(w[back: back + n_tag * n_tag]).reshape(n_tag, n_tag).T)
        self.n_tag = n_tag
        by_id = sorted(meta["tags"].items(), key=lambda kv: kv[1])
        self.begins = np.array(["B" in tag for tag, _ in by_id])
        self.start_row = np.asarray(self.W[0], dtype=np.float64).copy()  # "$$": every character

    def _derived(self, tables: Path, words: list[str], other_words: set[str]) -> dict:
        """The derived tables (``_derive``), read from ``derived.npz`` beside the tables, or
        computed and written there once (a read-only cache only costs load time)."""
        derived = tables / "derived.npz"
        try:
            with np.load(derived) as arrays:
                cached = {name: arrays[name] for name in arrays.files}
            if int(cached["other_count"]) != len(other_words) or \
                    int(cached["version"]) != DERIVED_VERSION:
                cached = None
        except (OSError, ValueError, KeyError):
            cached = None
        if cached is None:
            cached = self._derive(words, other_words)
            try:
                fd, tmp = tempfile.mkstemp(prefix=".derived-", suffix=".npz", dir=tables)
                with os.fdopen(fd, "wb") as handle:
                    np.savez(handle, **cached)
                os.replace(tmp, derived)
            except OSError:
                pass
        return cached

    def _derive(self, words: list[str], other_words: set[str]) -> dict[str, np.ndarray]:
        """The tables computed from the compiled ones (cached in ``derived.npz``)."""
        out: dict[str, np.ndarray] = {"other_count": np.array(len(other_words)),
                                      "version": np.array(DERIVED_VERSION)}
        for length in range(self.word_min, self.word_max + 1):
            same = [w for w in words if len(w) == length]
            out[f"words_{length}"] = np.unique(self.hasher.strings(same)) if same else \
                np.zeros(0, np.uint64)
        other_list = [w for w in other_words if w]
        out["other"] = np.unique(self.hasher.strings(other_list)) if other_list else \
            np.zeros(0, np.uint64)
        k = np.arange(self.nw + 1, dtype=np.int64)
        nwv, ev = np.full(len(k), self.nw), np.full(len(k), self.empty)
        out["slot_ids"] = np.stack([
            self._ww("l", nwv, k), self._ww("l", ev, k), self._ww("l", k, nwv), self._ww("l", k, ev),
            self._ww("r", k, nwv), self._ww("r", k, ev), self._ww("r", nwv, k), self._ww("r", ev, k),
        ], axis=1)
        named = dict(self._indexed(), other=out["other"],
                     **{f"words_{n}": out[f"words_{n}"] for n in range(self.word_min, self.word_max + 1)})
        for name, keys in named.items():
            index = Index(keys)
            out[f"ix_{name}_slots"], out[f"ix_{name}_pos"] = index.slots, index.positions
        return out

    def _indexed(self) -> dict[str, np.ndarray]:
        """The key arrays of the compiled tables that get a hash index: name -> keys."""
        return {"bi": self.t["bi_keys"], "ww_l": self.t["ww_l_keys"], "ww_r": self.t["ww_r_keys"]}

    def _ww(self, side: str, pre: np.ndarray, post: np.ndarray) -> np.ndarray:
        keys = pre.astype(np.int64) * (self.nw + 1) + post
        index = getattr(self, "ix", {}).get(f"ww_{side}")
        if index is None:  # while deriving the tables
            return lookup(self.t[f"ww_{side}_keys"], self.t[f"ww_{side}_ids"], keys)
        at = index.find(keys)
        return np.where(at >= 0, self.t[f"ww_{side}_ids"][at], -1)

    def node_scores(self, pieces: list[str]) -> tuple[np.ndarray, list[int], np.ndarray]:
        """Return pkuseg's node scores (characters × tags) for ``pieces``, laid end to end.

        The pieces are scored in one pass, two separator positions apart (a separator is an
        unknown character that no feature or dictionary word contains, so nothing crosses
        it); the second value gives where each piece starts in the score matrix, the third
        the code points of the joined text.
        """
        gap = "\x00\x00"
        joined = gap + gap.join(pieces) + gap
        n = len(joined)
        offsets, at = [], 2
        for piece in pieces:
            offsets.append(at)
            at += len(piece) + 2
        codes = np.frombuffer(joined.encode("utf-32-le"), np.uint32)
        lo = np.zeros(n, np.int64)  # start and end of the piece holding each position
        hi = np.zeros(n, np.int64)
        for piece, a in zip(pieces, offsets):
            lo[a:a + len(piece)] = a
            hi[a:a + len(piece)] = a + len(piece)
        is_gap = hi == 0
        feats = _Features()
        self._character_features(feats, codes, is_gap)
        s, e, wk = self._dictionary_words(joined, codes, is_gap)
        self._word_features(feats, n, lo, hi, s, e, wk)
        return feats.scores(self.W, self.n_tag, self.start_row, n), offsets, codes

    def _character_features(self, feats: "_Features", codes: np.ndarray,
                            is_gap: np.ndarray) -> None:
        """The character features of every position: the character at -2..+2 and the
        character pairs around it (``c.X``, ``c-1c.X.Y``, …)."""
        t, v = self.t, self.v
        n = len(codes)
        ids = self.char_lut[codes].astype(np.int64)
        ids[is_gap] = v
        add = feats.add
        ar = np.arange(n)
        uni = t["uni"][ids]
        pair = ids[:-1] * (v + 1) + ids[1:]
        at = self.ix["bi"].find(pair)
        bi = np.where((at >= 0)[:, None], t["bi_ids"][at], -1)
        add(ar, uni[:, 0])
        add(ar[1:], uni[:-1, 1])
        add(ar[1:], bi[:, 0])          # c-1c: the pair ending here
        add(ar[:-1], uni[1:, 2])
        add(ar[:-1], bi[:, 1])         # cc1: the pair starting here
        add(ar[2:], uni[:-2, 3])
        add(ar[2:], bi[:-1, 2])        # c-2c-1: the pair two and one before
        add(ar[:-2], uni[2:, 4])

    def _dictionary_words(self, joined: str, codes: np.ndarray, is_gap: np.ndarray
                          ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Dictionary words of length word_max..word_min at each position: (first
        character, last character, word id) of each occurrence. Hashes propose candidates;
        the dictionary itself confirms them."""
        n = len(joined)
        match = joined.translate(self.match_table)
        mcodes = self.match_lut[codes].astype(np.uint64)
        mcodes[is_gap] = 0  # no word holds a 0
        q = self.hasher.prefix(mcodes)
        pw = self.hasher.pw
        wget = self.word_id.get
        occ_s: list[int] = []
        occ_len: list[int] = []
        occ_w: list[int] = []
        for length in range(self.word_max, self.word_min - 1, -1):
            if n < length:
                continue
            h = pw[length - 1:n] * (q[length:] - q[:n - length + 1])
            for i in np.flatnonzero(self.ix[f"words_{length}"].find(h) >= 0).tolist():
                k = wget(match[i:i + length])
                if k is not None:
                    occ_s.append(i)
                    occ_len.append(length)
                    occ_w.append(k)
        s = np.array(occ_s, dtype=np.int64)
        e = s + np.array(occ_len, dtype=np.int64) - 1
        return s, e, np.array(occ_w, dtype=np.int64)

    def _word_features(self, feats: "_Features", n: int, lo: np.ndarray, hi: np.ndarray,
                       s: np.ndarray, e: np.ndarray, wk: np.ndarray) -> None:
        """The dictionary features: the words starting and ending at each position
        (``w1.W``, ``w-1.W``) and the pairs of slots around it (``ww.l.P*Q``, ``ww.r.P*Q``),
        "no word" and "outside the piece" slots counted, not enumerated."""
        t, add = self.t, feats.add
        ar = np.arange(n)
        n_starts = np.bincount(s, minlength=n)
        n_ends = np.bincount(e, minlength=n)
        # pkuseg's four slot lists per position, as counts: real words, "" (outside the piece;
        # "" is in the dictionary) and "no word".
        wmax, wmin, slots = self.word_max, self.word_min, self.slots

        def outside(room):
            return np.maximum(0, wmax - np.maximum(room, wmin - 1))

        e_po, e_pi = outside(hi - ar), outside(ar - lo + 1)
        e_pe, e_qe = outside(ar - lo), outside(hi - ar - 1)
        if self.empty == self.nw:  # no "" in the dictionary: outside slots are "no word"
            e_po = e_pi = e_pe = e_qe = np.zeros(n, np.int64)
        w_pe = np.concatenate(([0], n_ends[:-1]))
        w_qe = np.concatenate((n_starts[1:], [0]))
        nw_po, nw_pi = slots - n_starts - e_po, slots - n_ends - e_pi
        nw_pe, nw_qe = slots - w_pe - e_pe, slots - w_qe - e_qe

        if self.empty != self.nw:  # w-1."" and w1."" for the outside slots
            add(ar, np.full(n, t["wm1"][self.empty]), e_pi)
            add(ar, np.full(n, t["w1"][self.empty]), e_po)

        if len(wk):
            slot = self.slot_ids[wk]
            add(e, t["wm1"][wk].astype(np.int64))
            add(s, t["w1"][wk].astype(np.int64))
            # ww.l at i: words ending at i-1 (prelst_ex) x words starting at i (postlst_in);
            # ww.r at i: words ending at i (prelst_in) x words starting at i+1 (postlst_ex).
            # A word's neighbours e+1 and s-1 are inside ``joined`` (gaps at both ends).
            add(s, slot[:, 0], nw_pe[s])
            add(s, slot[:, 1], e_pe[s])
            add(e + 1, slot[:, 2], nw_po[e + 1])
            add(e + 1, slot[:, 3], e_po[e + 1])
            add(e, slot[:, 4], nw_qe[e])
            add(e, slot[:, 5], e_qe[e])
            add(s - 1, slot[:, 6], nw_pi[s - 1])
            add(s - 1, slot[:, 7], e_pi[s - 1])
            self._adjacent_words(feats, s, e, wk)

        for side, (pre_nw, pre_e, post_nw, post_e) in (
                ("l", (nw_pe, e_pe, nw_po, e_po)), ("r", (nw_pi, e_pi, nw_qe, e_qe))):
            nn, ne, en, ee = self.const[side]
            for fid, c in ((nn, pre_nw * post_nw), (ne, pre_nw * post_e),
                           (en, pre_e * post_nw), (ee, pre_e * post_e)):
                if fid >= 0:
                    add(ar, np.full(n, fid), c)

    def _adjacent_words(self, feats: "_Features", s: np.ndarray, e: np.ndarray,
                        wk: np.ndarray) -> None:
        """ww features of adjacent dictionary words a (ending at j) and b (starting at
        j+1): ww.l at j+1, ww.r at j."""
        order = np.argsort(s, kind="stable")
        s_sorted = s[order]
        first = np.searchsorted(s_sorted, e + 1, side="left")
        many = np.searchsorted(s_sorted, e + 1, side="right") - first
        if many.any():
            a = np.repeat(np.arange(len(wk)), many)
            offsets_in = np.arange(len(a)) - np.repeat(np.cumsum(many) - many, many)
            b = order[np.repeat(first, many) + offsets_in]
            feats.add(e[a] + 1, self._ww("l", wk[a], wk[b]))
            feats.add(e[a], self._ww("r", wk[a], wk[b]))

    def _cut_pieces(self, pieces: list[str]) -> list[list[str]]:
        """pkuseg's words of each piece: the CRF's, then its dictionary postprocessing."""
        if not pieces:
            return []
        scores, offsets, codes = self.node_scores(pieces)
        out = []
        starts: list[np.ndarray] = []
        for piece, a in zip(pieces, offsets):
            _, tags = self._viterbi(scores[a:a + len(piece)], self.edge)
            begins = self.begins[tags]
            begins[0] = True
            cuts = np.flatnonzero(begins)
            starts.append(cuts + a)
            bounds = cuts.tolist() + [len(piece)]
            out.append([piece[x:y] for x, y in zip(bounds, bounds[1:])])
        for k, windows in self._may_merge(starts, offsets, pieces, codes).items():
            out[k] = self._post_process(out[k], windows)
        return out

    def _may_merge(self, starts: list[np.ndarray], offsets: list[int], pieces: list[str],
                   codes: np.ndarray) -> dict[int, set[tuple[int, int]]]:
        """The pieces where pkuseg's postprocessing may merge words, with their candidate windows.

        It merges 2 to 7 adjacent words whose concatenation is in its dictionary unless each
        of them is too; nothing can merge later if nothing can merge in the CRF's words. The
        windows, (first word, number of words), are those of the CRF's words whose
        concatenation hashes like a dictionary word: any other window of those words is
        surely not in the dictionary.
        """
        counts = np.array([len(x) for x in starts])
        if not counts.sum():
            return {}
        ws = np.concatenate(starts)
        piece_of = np.repeat(np.arange(len(pieces)), counts)
        ends = np.array(offsets) + np.array([len(x) for x in pieces])
        we = np.empty_like(ws)
        we[:-1] = ws[1:]
        last = np.cumsum(counts) - 1
        we[last[counts > 0]] = ends[counts > 0]
        hasher = self.hasher
        q = hasher.prefix(codes.astype(np.uint64) + 1)
        windows = []  # (first word, last word) whose concatenation may be in the dictionary
        for m in range(2, 8):
            if len(ws) < m:
                break
            i = np.arange(len(ws) - m + 1)
            j = i + m - 1
            hit = (piece_of[i] == piece_of[j]) & (self.ix["other"].find(hasher.span(q, ws[i], we[j])) >= 0)
            windows.append(np.stack([i[hit], j[hit]], axis=1))
        hits = np.concatenate(windows) if windows else np.zeros((0, 2), np.int64)
        if not len(hits):
            return {}
        # A merge also needs one of the words outside the dictionary: checked on the strings.
        involved = np.unique(np.concatenate([np.arange(a, b + 1) for a, b in hits.tolist()]))
        other, base = self.other, np.array(offsets)[piece_of]
        unknown = np.zeros(len(ws), np.int64)
        for w in involved.tolist():
            k = piece_of[w]
            unknown[w] = pieces[k][ws[w] - base[w]:we[w] - base[w]] not in other
        before = np.concatenate(([0], np.cumsum(unknown)))
        merge = before[hits[:, 1] + 1] - before[hits[:, 0]] > 0
        first_word = np.cumsum(counts) - counts
        flagged: dict[int, set[tuple[int, int]]] = {k: set() for k in
                                                     np.unique(piece_of[hits[merge, 0]]).tolist()}
        for a, b in hits.tolist():
            k = int(piece_of[a])
            if k in flagged:
                flagged[k].add((a - int(first_word[k]), b - a + 1))
        return flagged

    def _post_process(self, sent: list[str], windows: set[tuple[int, int]] | None = None
                      ) -> list[str]:
        """pkuseg's ``Postprocesser.post_process`` (check_seperated=True) over string slices.

        ``windows`` (from ``_may_merge``) lets it skip windows of unmerged words that cannot be
        in the dictionary; windows holding a merged word are always checked.
        """
        other = self.other
        text = "".join(sent)
        offsets = [0]
        for w in sent:
            offsets.append(offsets[-1] + len(w))
        orig = list(range(len(sent)))  # the CRF word each word is, -1 once merged
        merged_any = False
        for m in range(7, 1, -1):
            i = 0
            while i + m <= len(sent):
                if windows is not None and (not merged_any or -1 not in orig[i:i + m]) \
                        and (orig[i], m) not in windows:
                    i += 1
                    continue
                merged = text[offsets[i]:offsets[i + m]]
                if merged in other and not all(w in other for w in sent[i:i + m]):
                    sent[i:i + m] = [merged]
                    del offsets[i + 1:i + m]
                    orig[i:i + m] = [-1]
                    merged_any = True
                i += 1
        return sent

    def cut(self, txt: str) -> list[str]:
        """Segment ``txt`` as ``spacy_pkuseg.pkuseg(model, user_dict="default").cut`` does."""
        return self.cut_many([txt])[0]

    def cut_many(self, texts: list[str], batch_chars: int = 20_000) -> list[list[str]]:
        """``cut`` for each of ``texts``, scored in batches of about ``batch_chars``."""
        pieces: list[str] = []
        owner: list[int] = []
        for k, text in enumerate(texts):
            for piece in text.split():
                pieces.append(piece)
                owner.append(k)
        out: list[list[str]] = [[] for _ in texts]
        first = size = 0
        for last, piece in enumerate(pieces + [None]):
            if piece is not None and (size < batch_chars or first == last):
                size += len(piece)
                continue
            for k, words in zip(owner[first:last], self._cut_pieces(pieces[first:last])):
                out[k].extend(words)
            first, size = last, (len(piece) if piece is not None else 0)
        return out


def default_other_words() -> set[str]:
    """spacy-pkuseg's default dictionary, which its postprocessing merges words into."""
    import pickle

    import spacy_pkuseg

    path = Path(spacy_pkuseg.__file__).parent / "dicts" / "default.pkl"
    with open(path, "rb") as handle:
        return set(pickle.load(handle).strip().split("\n"))


def load_segmenter(model_dir: str | os.PathLike) -> Segmenter:
    """Return the fast segmenter for the pkuseg model at ``model_dir`` (compiling it once)."""
    return Segmenter(ensure_tables(model_dir))


class SegmentTokenizer:
    """A spaCy tokenizer over ``Segmenter``: the same Docs as spaCy's pkuseg ``ChineseTokenizer``.

    ``pipe`` segments many texts in one batch, which is where the speed comes from.
    """

    def __init__(self, vocab, segmenter: Segmenter) -> None:
        self.vocab = vocab
        self.segmenter = segmenter

    def __call__(self, text: str):
        return self._doc(text, self.segmenter.cut(text))

    def pipe(self, texts, batch_size: int = 1000):
        texts = list(texts)
        for first in range(0, len(texts), batch_size):
            block = texts[first:first + batch_size]
            for text, words in zip(block, self.segmenter.cut_many(block)):
                yield self._doc(text, words)

    def _doc(self, text: str, words: list[str]):
        from spacy import util
        from spacy.tokens import Doc

        if "".join(words) == text:  # no whitespace: what get_words_and_spaces would return
            return Doc(self.vocab, words=words, spaces=[False] * len(words))
        words, spaces = util.get_words_and_spaces(words, text)
        return Doc(self.vocab, words=words, spaces=spaces)
