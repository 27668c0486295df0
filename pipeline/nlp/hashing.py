"""Polynomial substring hashes and an integer hash index, in numpy.

Shared by the segmenter (``pipeline.nlp.segment``: dictionary words by hash) and the linear
NER (``pipeline.ner.features``: every feature value is a hash of a word or a character
string). Hashes only propose candidates: whoever needs certainty confirms a match on the
strings themselves.
"""

from __future__ import annotations

import numpy as np

_B = 0x9E3779B97F4A7C15  # odd, so invertible modulo 2**64
_BINV = pow(_B, -1, 1 << 64)
_MULT = np.uint64(0x9E3779B97F4A7C15)


def _powers(base: int, n: int) -> np.ndarray:
    p = np.full(n, base, np.uint64)
    p[0] = 1
    return np.cumprod(p, dtype=np.uint64)  # wraps modulo 2**64, as intended


class Hasher:
    """Polynomial hashes (mod 2**64) of any substring, from one prefix sum per text.

    hash(codes[a:b]) = sum codes[j]·B^(b-1-j) = B^(b-1) · (Q[b] - Q[a]) with
    Q[k] = sum_{j<k} codes[j]·B^-j. Codes are code points + 1, so no character is 0: the
    hash of 镇江 is the same whether it is taken from 镇江 alone or from 镇江市.
    """

    def __init__(self) -> None:
        self.pw = _powers(_B, 1)
        self.ipw = _powers(_BINV, 1)

    def _grow(self, n: int) -> None:
        if len(self.pw) < n:
            size = max(n, 2 * len(self.pw))
            self.pw, self.ipw = _powers(_B, size), _powers(_BINV, size)

    def prefix(self, codes: np.ndarray) -> np.ndarray:
        """The prefix sums Q of ``codes`` (uint64, n + 1 values) behind ``span``."""
        n = len(codes)
        self._grow(n + 1)
        q = np.zeros(n + 1, np.uint64)
        np.cumsum(codes * self.ipw[:n], dtype=np.uint64, out=q[1:])
        return q

    def span(self, q: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """The hash of ``codes[a:b]`` for each pair of ``a`` and ``b`` (``q = prefix(codes)``)."""
        return self.pw[b - 1] * (q[b] - q[a])

    def strings(self, texts: list[str]) -> np.ndarray:
        """The hash of each of ``texts`` (non-empty)."""
        if not texts:
            return np.zeros(0, np.uint64)
        codes = np.frombuffer("".join(texts).encode("utf-32-le"), np.uint32).astype(np.uint64) + 1
        ends = np.cumsum([len(t) for t in texts])
        return self.span(self.prefix(codes), ends - np.array([len(t) for t in texts]), ends)


def find_sorted(sorted_keys: np.ndarray, query: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(index, found) of each query in ``sorted_keys``; queries are searched in sorted order,
    which is about three times faster on large tables (the searches stay in cache)."""
    if not len(sorted_keys) or not len(query):
        return np.zeros(len(query), np.int64), np.zeros(len(query), bool)
    order = np.argsort(query, kind="stable")
    at = np.empty(len(query), np.int64)
    at[order] = np.searchsorted(sorted_keys, query[order])
    at[at == len(sorted_keys)] = 0
    return at, sorted_keys[at] == query


def lookup(keys: np.ndarray, ids: np.ndarray, query: np.ndarray) -> np.ndarray:
    """ids[keys == query] for each query, -1 where the key is absent."""
    at, found = find_sorted(keys, query)
    return np.where(found, ids[at], -1) if len(keys) else np.full(len(query), -1, np.int64)


class Index:
    """An open-addressing hash index over integer keys: key -> its position, in numpy.

    Linear probing; built in rounds (every key still unplaced tries its next slot), so a key
    sits behind a run of slots that were full when it was placed, and a lookup can stop at
    the first empty slot. One or two random reads per query, against ~20 for a binary search.
    """

    PROBES = 2  # then the few queries left are binary-searched in the sorted keys

    def __init__(self, keys: np.ndarray, slots: np.ndarray | None = None,
                 positions: np.ndarray | None = None) -> None:
        """``keys`` must be sorted and distinct (``np.unique``); ``slots`` and ``positions``
        are those of an index built before on the same keys (saved with ``slots`` and
        ``positions``)."""
        keys = np.ascontiguousarray(keys).view(np.uint64)
        self.keys = keys
        if slots is None:
            slots, positions = self._build(keys)
        self.slots, self.positions = slots, positions

    @classmethod
    def _build(cls, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The slot table: (key in each slot, its position among the keys, -1 when empty)."""
        size = 1 << max(4, int(2 * max(len(keys), 1) - 1).bit_length())
        slots = np.zeros(size, np.uint64)
        positions = np.full(size, -1, np.int64)
        home = cls._home(keys, size)
        pending = np.arange(len(keys))
        probe = 0
        while len(pending):
            slot = (home[pending] + probe) & (size - 1)
            free = positions[slot] < 0
            taken, first = np.unique(slot[free], return_index=True)
            winners = pending[free][first]
            slots[taken], positions[taken] = keys[winners], winners
            placed = np.zeros(len(keys), bool)
            placed[winners] = True
            pending = pending[~placed[pending]]
            probe += 1
        return slots, positions

    @staticmethod
    def _home(keys: np.ndarray, size: int) -> np.ndarray:
        bits = size.bit_length() - 1
        return ((keys * _MULT) >> np.uint64(64 - bits)).astype(np.int64)

    def find(self, query: np.ndarray) -> np.ndarray:
        """The position of each query among the keys, -1 where absent."""
        query = np.ascontiguousarray(query).view(np.uint64)
        size = len(self.slots)
        out = np.full(len(query), -1, np.int64)
        todo = np.arange(len(query))
        slot = self._home(query, size)
        for _ in range(self.PROBES):
            pos = self.positions[slot]
            hit = (pos >= 0) & (self.slots[slot] == query[todo])
            out[todo[hit]] = pos[hit]
            more = (pos >= 0) & ~hit
            todo, slot = todo[more], (slot[more] + 1) & (size - 1)
            if not len(todo):
                return out
        rest = query[todo]
        at = np.searchsorted(self.keys, rest)
        at[at == len(self.keys)] = 0
        found = self.keys[at] == rest
        out[todo[found]] = at[found]
        return out
