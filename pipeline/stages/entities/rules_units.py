"""Places named in lists (issue 15). Districts and counties closed by their level word: 历下、
市中、槐荫三区 gives each short name as a GPE when the name and the level word make a division
of the gazetteer (市中 + 区 is 市中区, a short form too common to be looked for alone). Sites in
a list of sites: 大明湖、趵突泉、千佛山等景区 gives each name as a LOC.

A mixin of ``Rules`` like ``rules_place``: it reads ``self.gaz``.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...lexicon import read_words
from .candidate import CJK, SOFT, Candidate

# A list of two or more short names, then a count or 等 and the level word they share.
_ITEM = f"(?:(?![两三四五六七八九十、和])[{CJK}]){{2,3}}"
LISTED_DISTRICTS = re.compile(f"({_ITEM}(?:[、和]{_ITEM})+)(?:等|等?[两三四五六七八九十]个?)"
                              f"([区县市旗])(?![{CJK}]?(?:民|长|委|里|场|域|内|级))")
# The cheap test first: a count or 等 right before a level word (三区, 等县).
COUNTED_LEVEL = re.compile("(?:等|[两三四五六七八九十]个?)[区县市旗]")


# What closes a list of sites: 等 + a word for sites (等景区, 等人员密集场所, 等地), 一带, 周边.
SITE_LIST_CLOSE = re.compile("等[^，。；、的]{0,4}?(?:景区|景点|场所|区域|点位|部位|渡口|码头|路段|地段|地点|"
                             "商圈|街区|水域|江段|河段|主干道|干道|道路|路口)|等地(?![区方位带])|一带|周边|沿线")
# Where a clause or a list's lead ends: the first item starts after it (在 + 大明湖).
LIST_LEAD_END = re.compile("[，。；：！？\n（(“”]")
# Prepositions before a list's first item (警方在 + 光明顶): a one-character word.
LEAD_PREPOSITIONS = "在对于到赴从经至往依向沿近"
ITEM_SPLIT = re.compile("[、和及与]")
# How no site's name ends: a unit (村, 街道), an organ or body (局, 公司), a person word.
NOT_SITE_FINAL = ("村", "镇", "乡", "街道", "区", "县", "市", "省", "州", "局", "院", "所", "队",
                  "公司", "中心", "学校", "医院", "酒店", "宾馆", "人", "者", "员", "们", "等",
                  "沿岸", "沿线", "两岸", "周边", "附近", "一带", "边", "旁", "内", "外")
# (numerals may stand in a name, 三坊七巷, 经十路; a measure word after one makes a count: 三个)
NOT_SITE_CHARS = set("的了是在对于到从被把将和与及或几多每各该这那其些全个座处名家批次只件起")


class UnitRules:
    """Places named in lists (a mixin of ``Rules``)."""

    def _compile_units(self, data_dir: Path) -> None:
        """Read the common nouns for kinds of places (车站, 商场): never a site's name."""
        self.generic_places = set(read_words(data_dir / "entity_generic_places.txt"))

    def listed_district_candidates(self, text: str) -> list[Candidate]:
        """Return the short names of a list closed by a count and their level word, each a
        GPE when it makes a division with that word (历下、市中、槐荫三区 → 市中区 is one): all
        items must, so that 东部、西部两区 or a list of words gives nothing."""
        out = []
        if not COUNTED_LEVEL.search(text):
            return out
        for m in LISTED_DISTRICTS.finditer(text):
            level = m.group(2)
            pos = m.start(1)
            names = []
            for item in re.split("[、和]", m.group(1)):
                names.append((pos, item))
                pos += len(item) + 1
            # the first item may hold words before the name (其中 + 历下): its last 2-3 characters
            s0, first = names[0]
            cut = next((k for k in (len(first) - 2, len(first) - 3) if k >= 0
                        and self.gaz.divisions(first[k:] + level)), None)
            if cut is None:
                continue
            names[0] = (s0 + cut, first[cut:])
            if all(self.gaz.divisions(n + level) for _, n in names):
                out += [Candidate(s, s + len(n), "GPE", None, "rule:listed", SOFT) for s, n in names]
        return out

    def listed_site_candidates(self, text: str, bounds: set[int] | None) -> list[Candidate]:
        """Return the names of a list of sites closed by 等 + a word for sites, 一带 or 周边,
        each a LOC (issue 15): 大明湖、趵突泉、千佛山等景区, 在光明顶、迎客松等重点点位. Items are
        3-6 characters on word boundaries; kinds of places (车站、码头、商场等场所), units, bodies
        and divisions are none."""
        out: list[Candidate] = []
        if "、" not in text:
            return out
        for close in SITE_LIST_CLOSE.finditer(text):
            c = close.start()
            lead = 0
            for m in LIST_LEAD_END.finditer(text, max(0, c - 40), c):
                lead = m.end()
            segment = text[lead:c]
            if "、" not in segment:
                continue
            pos, found, units = lead, [], 0
            items = ITEM_SPLIT.split(segment)
            for item in items:
                s, e = pos, pos + len(item)
                pos = e + 1
                s = _after_preposition(text, s, e, bounds)
                item = text[s:e]
                if self.foreign_re.fullmatch(item):
                    units = len(items)  # 清迈、普吉、帕塔亚等地: foreign cities
                elif self._district_before_site(item) and (bounds is None or s in bounds):
                    cut = s + self._district_before_site(item)
                    found += [Candidate(s, cut, "GPE", None, "rule:listed_site", SOFT),
                              Candidate(cut, e, "LOC", None, "rule:listed_site", SOFT)]
                elif self._is_unit(item):
                    units += 1
                elif self._site_name(item) and (bounds is None or (s in bounds and e in bounds)):
                    found.append(Candidate(s, e, "LOC", None, "rule:listed_site", SOFT))
            if 2 * units > len(items):
                continue  # 太原、大同、天津等地: a list of divisions, not of sites
            out += found
        return out

    def _district_before_site(self, item: str) -> int:
        """Return the length of a division's full name that leads a listed site (issue 15: the
        unit the site lies in is its own GPE): 江岸区 + 江滩, 洪山区 + 楚河 → 3; else 0. The
        site left after it needs two characters and no unit's ending (禅城区 + 政府 is none)."""
        m = self.gaz.pattern.match(item)
        if m is None or m.group() not in self.gaz.by_name or m.group()[-1] not in "区县市旗州":
            return 0
        rest = item[m.end():]
        if len(rest) < 2 or len(rest) > 5 or not re.fullmatch(f"[{CJK}]+", rest) or \
                rest in self.generic_places or rest.endswith(NOT_SITE_FINAL) or \
                set(rest) & NOT_SITE_CHARS or self.gaz.pattern.fullmatch(rest) or \
                rest.endswith(self.org_heads):
            return 0
        return m.end()

    def _site_name(self, item: str) -> bool:
        """Return True when a list item may be a site's own name (趵突泉, 紫荆关, 迎客松)."""
        return 3 <= len(item) <= 6 and re.fullmatch(f"[{CJK}]+", item) is not None \
            and item not in self.generic_places and not item.endswith(NOT_SITE_FINAL) \
            and not set(item) & NOT_SITE_CHARS and not self.gaz.divisions(item) \
            and not self.gaz.pattern.fullmatch(item) and not item.endswith(self.org_heads) \
            and not any(item.endswith(g) for g in self.generic_places if len(g) >= 2) \
            and not self._two_divisions(item) and not self._ends_in_province(item)

    def _ends_in_province(self, item: str) -> bool:
        """Return True when ``item`` ends with a province's name (领导 + 湖南): no site."""
        return any(d.level == "province" for d in self.gaz.divisions(item[-2:]))

    def _is_unit(self, item: str) -> bool:
        """Return True when ``item`` names a division, also by a short form too common to be
        looked for alone (大同 of 大同市)."""
        return bool(self.gaz.pattern.fullmatch(item) or self.gaz.divisions(item)
                    or any(self.gaz.by_name.get(item + level) for level in "省市县区"))

    def _two_divisions(self, item: str) -> bool:
        """Return True when ``item`` is a place and a division under it (绵阳 + 游仙), or starts
        with a city or province, the unit the site lies in (北京 + 故宫: two spans)."""
        m = self.gaz.pattern.match(item)
        if m is None:
            return False
        name = m.group()
        return self.gaz.pattern.fullmatch(item, m.end()) is not None or \
            name in self.gaz.high_short or any(d.level != "county" for d in self.gaz.by_name.get(name, []))


def _after_preposition(text: str, s: int, e: int, bounds: set[int] | None) -> int:
    """Return where a list item starts: after the last preposition that is a word of its own
    in ``text[s:e]`` (黄山风景区警方在 + 光明顶), else ``s``."""
    for i in range(e - 2, s - 1, -1):
        if text[i] in LEAD_PREPOSITIONS and (bounds is None or (i in bounds and i + 1 in bounds)):
            return i + 1
    return s
