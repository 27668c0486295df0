"""Word lists and the regular expressions built from them.

Every list fazhi's rules read lives in ``pipeline/data`` (one entry a line, tab-separated
columns, ``#`` comments, or JSON); this module is the one reader of those files and the one
place that turns a list of words into a pattern: ``trie_pattern`` for big lists (a trie is
fast in ``re``), ``alternation`` for small ones.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

DATA_DIR = Path(__file__).parent / "data"


def read_list(path: Path) -> list[list[str]]:
    """Return the rows of a data file: one entry a line, tab-separated columns, # comments."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.rstrip("\n").split("\t"))
    return rows


def read_words(path: Path) -> list[str]:
    """Return the first column of a data file; whitespace-separated files give every word."""
    words = []
    for row in read_list(path):
        if len(row) == 1 and " " in row[0]:
            words.extend(row[0].split())
        else:
            words.append(row[0].strip())
    return [w for w in words if w]


def read_tagged(path: Path) -> dict[str, list[str]]:
    """Return the first column of a two-column data file grouped by its second column.

    ``公安局`` alone and ``分局<TAB>any`` give ``{"": ["公安局"], "any": ["分局"]}``: the
    tag says how a rule uses the word (organs that take any name before them, offences
    matched only with 罪, holidays among the date words). Cells are stripped.
    """
    tagged: dict[str, list[str]] = {}
    for row in read_list(path):
        tag = row[1].strip() if len(row) > 1 else ""
        tagged.setdefault(tag, []).append(row[0].strip())
    return tagged


def trie_pattern(words: Iterable[str]) -> str:
    """Return a regex matching any of ``words``, longest first, built as a trie (fast in ``re``).

    >>> re.fullmatch(trie_pattern(["公安局", "公安", "法院"]), "公安局") is not None
    True
    """
    trie: dict = {}
    for word in set(words):
        if not word:
            continue
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict, top: bool = False) -> str:
        ends = "" in node
        branches = [(ch, re.escape(ch) + build(child)) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and not ends:
            return branches[0][1]
        body = "(?:" + _branches(branches, top) + ")"
        return body + "?" if ends else body

    return build(trie, top=True)


_TRIE_FANOUT = 8
_TRIE_TOP_FLAT = 64


def _branches(branches: list[tuple[str, str]], top: bool = False) -> str:
    """Return the alternation of trie branches (each starts with its own character).

    ``re`` tries the branches of an alternation one after the other, so a node with a thousand
    branches (the first characters of the gazetteer) costs a thousand tests at every position.
    Many branches are split into groups guarded by a lookahead on their first characters
    (``(?=[甲乙…])(?:甲…|乙…)``), recursively: a handful of tests per position. As the
    branches start with distinct characters, at most one can match: the language and the
    preference for the longest word are unchanged.
    """
    if len(branches) <= (_TRIE_TOP_FLAT if top else _TRIE_FANOUT):
        return "|".join(b for _, b in branches)
    size = max(_TRIE_FANOUT, -(-len(branches) // _TRIE_FANOUT))
    groups = []
    for i in range(0, len(branches), size):
        chunk = branches[i:i + size]
        chars = "".join(re.escape(ch) for ch, _ in chunk)
        groups.append(f"(?=[{chars}])(?:{_branches(chunk)})")
    if top:
        chars = "".join(re.escape(ch) for ch, _ in branches)
        return f"(?=[{chars}])(?:" + "|".join(groups) + ")"
    return "|".join(groups)


def alternation(words: Iterable[str]) -> str:
    """Return a regex alternation of ``words``, longest first (for short lists)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def read_json(path: Path):
    """Return the content of a JSON data file (``metric_lexicon.json``: a dict of word lists)."""
    import json

    with open(path, encoding="utf-8") as handle:
        return json.load(handle)
