"""Places of other countries (issue 15): towns and cities named in reports of cross-border
crime are GPE (缅甸 + 妙瓦底, 越南 + 芒街, 老挝 + 万象), and a compound named there is a LOC
(妙瓦底 + KK园区). Word list: ``entity_foreign_places.txt``.

A mixin of ``Rules`` like ``rules_place``: it reads ``self.gaz``.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...lexicon import read_tagged, trie_pattern
from .candidate import CJK, SOFT, Candidate

# A compound named right after a foreign place: 妙瓦底 + KK园区, 西港 + 金海园区.
COMPOUND = re.compile(f"(?:[A-Za-zＡ-Ｚ]{{1,6}}|[{CJK}]{{2,4}}?)园区")
# What no compound's name holds: a phrase (的, 等), an offence (诈骗园区 is a description).
NOT_COMPOUND = re.compile("[的等各该这那个和与及一处]|诈骗|电诈|赌博|犯罪|工业|产业")


class ForeignRules:
    """The foreign half of the place rules (a mixin of ``Rules``)."""

    def _compile_foreign(self, data_dir: Path) -> None:
        """Compile the foreign places and those that need their country before them."""
        tagged = read_tagged(data_dir / "entity_foreign_places.txt")
        self.foreign_after = set(tagged.get("after", []))
        levels = "".join(tagged.get("level", []))
        names = [n for tag, words in tagged.items() if tag != "level" for n in words]
        self.foreign_re = re.compile(trie_pattern(names))
        # a level word, not the start of another word (芒街 + 市场, 市民) nor of an organ (市政府)
        self.foreign_level_re = re.compile(f"[{levels}](?![场民份城级内外籍区])(?![{CJK}]*?(?:政府|长|委|党|议会))")
        self.foreign_levels = set(levels)

    def foreign_candidates(self, text: str, bounds: set[int] | None) -> list[Candidate]:
        """Return foreign towns and cities as GPE (缅甸 + 妙瓦底, 越南芒街) and a compound named
        after one as LOC (妙瓦底 + KK园区). A name that is an everyday word (万象, 果敢) counts
        only right after its country; any name must start on a word boundary or after a
        country (所在 + 老街 is no town)."""
        out = []
        for m in self.foreign_re.finditer(text):
            s, e = m.span()
            after_country = self._country_ends_at(text, s)
            if m.group() in self.foreign_after and not after_country:
                continue
            if not after_country and bounds is not None and s not in bounds:
                continue
            level = self.foreign_level_re.match(text, e)
            e = level.end() if level else e  # 西港 + 市, 清迈 + 府
            out.append(Candidate(s, e, "GPE", None, "rule:foreign", SOFT))
            c = COMPOUND.match(text, e)
            if c and not NOT_COMPOUND.search(c.group()):
                out.append(Candidate(e, c.end(), "LOC", None, "rule:foreign", SOFT))
        return out

    def foreign_level_end(self, text: str, s: int, e: int) -> int:
        """Return the end of a model GPE ``text[s:e]`` right after a foreign country, with the
        level word written after it (issue 15: 菲律宾 + 宿务 + 省, 日本 + 大阪 + 府: the model cuts
        them short), else ``e``; not 芒街 + 市场."""
        if e >= len(text) or text[e] not in self.foreign_levels or not self._country_ends_at(text, s):
            return e
        return e + 1 if self.foreign_level_re.match(text, e) else e

    def country_at_start(self, text: str, s: int, e: int) -> int:
        """Return the end of a foreign country that starts the span ``text[s:e]`` and leaves a
        unit of two or more characters ending in a level word after it (菲律宾 | 宿务省: one GPE
        per unit, as 江苏省 | 镇江市), else ``s``."""
        if text[e - 1] not in self.foreign_levels:
            return s  # 约旦 + 河西岸, 黑山 + 共和国: no unit after the country
        for k in range(min(e - 2, s + 8), s + 1, -1):
            if text[s:k] in self.gaz.countries and text[s:k] not in ("中国", "中华人民共和国") \
                    and not self.gaz.divisions(text[k:e]):
                return k  # not 马里 + 兰州 (马里兰州 is one name)
        return s

    def _country_ends_at(self, text: str, s: int) -> bool:
        """Return True when a foreign country's name ends at ``s`` (缅甸 | 妙瓦底)."""
        return any(text[k:s] in self.gaz.countries and text[k:s] not in ("中国", "中华人民共和国")
                   for k in range(max(0, s - 8), s - 1))
