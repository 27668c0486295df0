"""pipeline.nlp.hashing: substring hashes and the integer hash index."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.nlp.hashing import Hasher, Index, find_sorted, lookup


def codes(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le"), np.uint32).astype(np.uint64) + 1


def test_a_substring_hashes_like_the_string_alone():
    h = Hasher()
    text = "镇江市公安局抓获张某"
    q = h.prefix(codes(text))
    got = h.span(q, np.array([0, 3, 0]), np.array([3, 6, 2]))
    np.testing.assert_array_equal(got, h.strings(["镇江市", "公安局", "镇江"]))


def test_different_strings_hash_differently():
    h = Hasher()
    words = ["镇江", "江镇", "镇江市", "市", "北京", "北京市", "a", "aa"]
    assert len(set(h.strings(words).tolist())) == len(words)


def test_hasher_grows_for_long_texts():
    h = Hasher()
    long = "法" * 5000 + "治"
    assert h.strings([long])[0] == Hasher().strings([long])[0]
    assert h.strings([long])[0] != h.strings(["法" * 5001])[0]


def test_no_strings_no_hashes():
    assert len(Hasher().strings([])) == 0


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(1, 2**64 - 1), max_size=300), st.lists(st.integers(0, 2**64 - 1),
                                                                   max_size=300))
def test_index_finds_each_key_and_nothing_else(keys, others):
    keys = np.unique(np.array(keys, np.uint64))
    index = Index(keys)
    np.testing.assert_array_equal(index.find(keys), np.arange(len(keys)))
    query = np.array(others, np.uint64)
    at, found = find_sorted(keys, query)
    expected = np.where(found, at, -1)
    np.testing.assert_array_equal(index.find(query), expected)


def test_index_rebuilt_from_its_slots_answers_the_same():
    keys = np.unique(np.random.default_rng(0).integers(1, 2**63, 2000, dtype=np.uint64))
    first = Index(keys)
    again = Index(keys, first.slots, first.positions)
    query = np.concatenate([keys[::7], np.arange(1, 500, dtype=np.uint64)])
    np.testing.assert_array_equal(again.find(query), first.find(query))


def test_lookup_gives_the_id_of_each_key_or_minus_one():
    keys = np.array([3, 10, 42], np.int64)
    ids = np.array([7, 8, 9], np.int32)
    np.testing.assert_array_equal(lookup(keys, ids, np.array([42, 5, 3])), [9, -1, 7])
    np.testing.assert_array_equal(lookup(keys[:0], ids[:0], np.array([1])), [-1])
