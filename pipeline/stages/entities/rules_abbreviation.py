"""GPE rules for one-character place names: 中美两国 → 中 + 美, 中方, 访华 → 华, and the
borders named by two of them (中老边境 is one LOC). Word lists:
``gazetteer_abbreviations.txt``, ``entity_abbreviation_contexts.txt``.

A mixin of ``Rules``.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...lexicon import read_list, read_tagged, trie_pattern
from .candidate import CJK, SOFT, Candidate

# One-character names of China's neighbours, for borders (中老边境, 中哈边境).
NEIGHBOURS = "俄蒙朝越老缅印尼哈吉塔巴阿不锡"


class AbbreviationRules:
    """The one-character half of the place rules (a mixin of ``Rules``)."""

    def _compile_abbreviations(self, data_dir: Path) -> None:
        """Compile the one-character names and the words around them (两国, 方, 访)."""
        self.abbr = {r[0]: r[1] for r in read_list(data_dir / "gazetteer_abbreviations.txt")}
        contexts = read_tagged(data_dir / "entity_abbreviation_contexts.txt")
        chars = re.escape("".join(self.abbr))
        after = trie_pattern(contexts.get("after_pair", []))
        self.abbr_pair_re = re.compile(f"[{chars}]{{2,3}}(?={after})")  # 中美 + 两国
        self.abbr_after_re = re.compile(f"(?:{after}|方|军|籍|侨)")
        self.abbr_side_re = re.compile(f"(?=[{chars}]方)")  # 中方, 美方
        # 中老边境, 中缅边境: one LOC (China's neighbours by their one-character names too)
        self.border_re = re.compile(f"[{chars}{NEIGHBOURS}]{{2}}边境(?:线|地区)?")
        self.pair_re = re.compile(f"[{chars}{NEIGHBOURS}]{{2}}")
        self.abbr_word_re = re.compile(  # 访华, 来华 (not 华盛顿)
            f"(?:{trie_pattern(contexts.get('word', []))})(?!盛顿|沙|东|南|北|西|中|山|夏)")

    def _borders_before(self, text: str, at: int) -> list[Candidate]:
        """Return the borders listed before a border whose 边境 they share (issue 15): 中缅、 +
        中越边境地区 → the LOCs 中缅 and 中越边境地区 (each pair is one border, not two GPEs)."""
        out = []
        while at >= 3 and text[at - 1] in "、和及与" and self.pair_re.fullmatch(text, at - 3, at - 1):
            out.append(Candidate(at - 3, at - 1, "LOC", None, "rule:border", SOFT))
            at -= 3
        return out

    def abbreviation_candidates(self, text: str, tokens: list[tuple[int, int]] | None
                                ) -> list[Candidate]:
        """Return one-character places: 中美两国 → 中 + 美, 中方, 访华 → 华."""
        out = []
        for m in self.abbr_pair_re.finditer(text):
            if m.start() and re.match(f"[{CJK}]", text[m.start() - 1]) and \
                    text[m.start() - 1] not in "、和与同及在对的是，":
                continue  # 集中美… : the run starts inside a word
            for k in range(m.start(), m.end()):
                out.append(Candidate(k, k + 1, "GPE", self.abbr[text[k]], "rule:abbreviation", SOFT))
        if tokens:
            words = None
            for m in self.abbr_side_re.finditer(text):  # 中方, 美方: a word of its own
                if words is None:
                    words = set(tokens)
                s = m.start()
                if (s, s + 2) in words and text[s] in self.abbr:
                    out.append(Candidate(s, s + 1, "GPE", self.abbr[text[s]], "rule:abbreviation", SOFT))
        if "边境" in text:
            for m in self.border_re.finditer(text):
                out.append(Candidate(m.start(), m.end(), "LOC", None, "rule:border", SOFT))
                out += self._borders_before(text, m.start())
        for m in self.abbr_word_re.finditer(text):
            k = m.start() + m.group().index("华")
            out.append(Candidate(k, k + 1, "GPE", self.abbr["华"], "rule:abbreviation", SOFT))
        return out
