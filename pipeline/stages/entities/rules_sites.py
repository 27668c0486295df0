"""LOC rules for roads, squares, parks and other named sites: a short name before a site
word (瓦窑西路一巷, 东门广场, 、 + 大砻坊码头, 经过 + 曹姑洲水域); a city before the site is a GPE
of its own (泉州 + 东湖公园). Word lists: ``entity_loc_suffixes.txt``, ``entity_not_loc.txt``.

A mixin of ``Rules``: it reads ``self.gaz`` and ``self.not_loc`` (``rules_place``).
"""

from __future__ import annotations

import re
from pathlib import Path

from ...lexicon import read_words, trie_pattern
from .candidate import CJK, SOFT, Candidate
from .place_words import LOC_NOT_BEFORE, LOC_VERB_START, NOT_LOC_CHARS, NOT_LOC_FIRST, PORT_BEFORE

# What may follow a road or square: 一巷, 88号, 片区.
LOC_MORE = r"(?:[一二三四五六七八九十\d]{1,3}(?:巷|号|弄))?(?:片区)?"
CONJUNCTIONS = set("和及与或、")
# Characters before 岛 that make a verb or a common word of it (上岛 登岛 爱岛 海岛 小岛 该岛).
NOT_ISLAND_BEFORE = set("上登离守爱建环全海小孤荒半本该驻进出赴回到在绕宝列群诸")
NUMERALS = set("一二三四五六七八九十百千两")


class SiteRules:
    """The roads and sites half of the place rules (a mixin of ``Rules``)."""

    def _compile_sites(self, data_dir: Path) -> None:
        """Compile the site words (广场, 路, 码头) and what may follow a road (一巷, 88号)."""
        self.loc_suffix_re = re.compile(trie_pattern(read_words(data_dir / "entity_loc_suffixes.txt")))
        self.loc_more_re = re.compile(LOC_MORE)

    def loc_candidates(self, text: str, tokens: list[tuple[int, int]] | None) -> list[Candidate]:
        """Return roads, squares and areas: a short name before a LOC word (瓦窑西路一巷, 东门广场)."""
        out = []
        if not tokens:
            return out
        starts = ends = None
        token_start: dict[int, int] = {}
        for m in self.loc_suffix_re.finditer(text):
            if starts is None:  # built only for the few sentences with a LOC word
                starts = {s for s, _ in tokens}
                ends = {e for _, e in tokens}
                for s, e in tokens:
                    for k in range(s, e):
                        token_start[k] = s
            p, e = m.span()
            if m.group() == "岛" and text[p - 1:p] in NOT_ISLAND_BEFORE:
                continue  # 上岛, 爱岛, 海岛: a verb or a common word, no island's name
            more = self.loc_more_re.match(text, e)
            if more.end() == e and self.loc_suffix_re.match(text, e):
                continue  # 东湖 + 公园: the site's name goes on (西路 + 片区 is LOC_MORE)
            if more.end() > e:
                e = more.end()
            elif e not in ends:
                continue  # 广场舞
            elif m.group() in ("路", "街") and not (p >= 3 and self.gaz.divisions(text[p - 3:p])):
                # A bare 路 names a road only with a number, a lane or a place around it
                # (长江路88号, 瓦窑西路一巷); alone it is too often a figure of speech (下坡路).
                if not self._place_before_name(text, p):
                    continue
            for b in range(max(p - 4, 0), p - 2):  # 4 or 3 characters, longest first
                if b in starts and b > 0 and text[b - 1] in PORT_BEFORE and token_start.get(p) in (
                        p, b) and (
                        not set(text[b:p]) & PORT_BEFORE) and text[b] not in NOT_LOC_FIRST and (
                        self._loc_name(text, b, p, e)):
                    out += self._city_and_site(text, b, p, e, token_start.get(p - 1) == b and p in ends)
                    break  # 、 + 大砻坊码头, 经过 + 曹姑洲水域: the whole name after the mark
            else:
                b = None
            if b is not None:
                continue
            if text[p - 1:p] in CONJUNCTIONS and p - 1 in ends and token_start.get(p - 2, p) <= p - 3:
                continue  # 湖泊 + 和 + 水库: two common nouns joined, no site's name (人和 + 广场 is)
            for b in range(p - 2, max(p - 5, -1), -1):
                if b < 0 or b not in starts:
                    continue
                if not (p in starts or token_start.get(p) == b):
                    break  # 进行道路: the suffix belongs to another word
                if self._loc_name(text, b, p, e):
                    out.append(Candidate(b, e, "LOC", None, "rule:loc", SOFT))
                break
        return out

    def _city_and_site(self, text: str, b: int, p: int, e: int, one_word: bool = False) -> list[Candidate]:
        """Return the LOC ``text[b:e]``, or a city or province it begins with as a GPE and the
        site after it (issue 15): 泉州东湖公园 → 泉州 + 东湖公园, 嘉善西塘古镇 → 嘉善 + 西塘古镇;
        a name pkuseg keeps as ``one_word`` stays whole (天涯海角 + 景区: 天涯 is no county here)."""
        m = self.gaz.pattern.match(text, b)
        if m and not one_word and p - m.end() >= 2 and (m.group() in self.gaz.by_name or m.group() in self.gaz.high_short
                                       or m.group() in self.gaz.county_short):
            if text[m.end():p] in self.not_loc:
                return []  # 太湖 + 北部 + 水域: a part of the place by its direction, no site
            return [Candidate(b, m.end(), "GPE", None, "rule:loc", SOFT),
                    Candidate(m.end(), e, "LOC", None, "rule:loc", SOFT)]
        return [Candidate(b, e, "LOC", None, "rule:loc", SOFT)]

    def _loc_name(self, text: str, b: int, p: int, e: int) -> bool:
        """Return True when ``text[b:p]`` names the road or square ``text[b:e]`` (东门 广场)."""
        name = text[b:p]
        return bool(re.fullmatch(f"[{CJK}]+", name)) and self.proper_name(name) and \
            not self.gaz.divisions(name) and name not in self.not_loc and \
            text[b:e] not in self.not_loc and not (set(name) & NOT_LOC_CHARS - _numbered_name(name)) and \
            not name.startswith(LOC_VERB_START) and not text.startswith("群岛", p - 1) and \
            not LOC_NOT_BEFORE.match(text, e)

    def _place_before_name(self, text: str, p: int) -> bool:
        """Return True when a gazetteer place ends 2-4 characters before ``p`` (南京市长江路)."""
        for b in range(p - 2, max(p - 5, -1), -1):
            for k in (2, 3, 4, 5):
                if b - k >= 0 and self.gaz.divisions(text[b - k:b]):
                    return True
        return False


def _numbered_name(name: str) -> set[str]:
    """Return the numerals that may stand in a site's name of three or more characters that
    starts with its only numeral and counts nothing (七里山 + 码头; 八一 + 广场 is too short),
    else no character: 六路, 一条路, 第三码头, 两个公园, 两江四 + 湖 stay descriptions."""
    if len(name) >= 3 and name[0] in NUMERALS and not set(name[1:]) & NUMERALS and \
            not set(name) & set("第个条座处只家号名批次年月日"):
        return NUMERALS
    return set()
