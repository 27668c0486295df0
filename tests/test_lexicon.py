"""Word lists and the patterns built from them (pipeline.lexicon)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.lexicon import alternation, read_list, read_tagged, read_words, trie_pattern


def test_trie_pattern_prefers_the_longest_word():
    pattern = re.compile(trie_pattern(["公安", "公安局", "公安分局", "法院"]))
    assert [m.group() for m in pattern.finditer("公安局公安分局公安法院")] == \
        ["公安局", "公安分局", "公安", "法院"]


# Enough words with distinct first characters that trie_pattern groups its branches.
_TRIE_CHARS = [chr(0x4E00 + k) for k in range(0, 600, 3)] + list("公安局法院罪")
_TRIE_WORDS = [c + d for c, d in zip(_TRIE_CHARS, _TRIE_CHARS[7:] + _TRIE_CHARS[:7])]


@settings(max_examples=80, deadline=None)
@given(words=st.lists(st.text(alphabet=_TRIE_CHARS, min_size=1, max_size=4), max_size=300),
       text=st.lists(st.sampled_from(_TRIE_WORDS + _TRIE_CHARS), max_size=40).map("".join))
def test_trie_pattern_matches_like_a_longest_first_alternation(words, text):
    words = _TRIE_WORDS + [w[:-1] for w in _TRIE_WORDS[::5]] + words
    naive = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    for suffix in ("", "罪", "(?!罪)"):  # backtracking into the trie keeps the longest fit
        fast = re.compile(f"(?:{trie_pattern(words)}){suffix}")
        slow = re.compile(f"(?:{naive}){suffix}")
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]
        assert [bool(fast.match(text, k)) for k in range(len(text))] == \
            [bool(slow.match(text, k)) for k in range(len(text))]


def test_alternation_tries_the_longest_word_first():
    pattern = re.compile(alternation(["公安", "公安局", "a.b"]))
    assert [m.group() for m in pattern.finditer("公安局公安a.bacb")] == ["公安局", "公安", "a.b"]


def test_read_list_skips_comments_and_blank_lines_and_splits_columns(tmp_path):
    path = tmp_path / "list.txt"
    path.write_text("# a comment\n公安局\n\n分局\tany\n  \n", encoding="utf-8")
    assert read_list(path) == [["公安局"], ["分局", "any"]]


def test_read_words_gives_the_first_column_and_every_word_of_a_spaced_line(tmp_path):
    path = tmp_path / "words.txt"
    path.write_text("# surnames\n王 李 张\n赵\tnote\n 钱 \n", encoding="utf-8")
    assert read_words(path) == ["王", "李", "张", "赵", "钱"]


def test_read_tagged_groups_the_first_column_by_its_tag(tmp_path):
    path = tmp_path / "organs.txt"
    path.write_text("公安局\n分局\tany\n派出所\tany \n法院\n", encoding="utf-8")
    assert read_tagged(path) == {"": ["公安局", "法院"], "any": ["分局", "派出所"]}
