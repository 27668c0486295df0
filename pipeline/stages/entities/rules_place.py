"""GPE rules for divisions: the gazetteer's provinces, cities, counties and districts (江苏省 +
镇江市, one GPE per division, normalised to its full name), the zone or town after them
(苏州高新区, 封开县 + 南丰镇), a place + site word as one LOC (德安收费站), the gazetteer's
LOCs (长江, 洞庭湖水域) and the towns of a list closed by a count (福宝、尧坝等古镇).

The other place families: ``rules_sites`` (roads, squares), ``rules_water`` (rivers, ports,
sections), ``rules_abbreviation`` (中, 美, 华), ``rules_foreign``. Word lists:
``gazetteer_*``, ``entity_loc_*.txt``, ``entity_not_loc.txt``, ``entity_not_place_final.txt``.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...lexicon import read_words, trie_pattern
from ...places import ZONE_PATTERN, ZONES, Division, is_parent_of
from .candidate import CJK, SOFT, Candidate
from .place_words import LOC_NOT_BEFORE, NOT_LOC_CHARS, NOT_LOC_FIRST, PORT_BEFORE, lake_part

# A town after a county (封开县 + 南丰镇), not a township organ (…镇派出所, …镇政府), not an
# old town (嘉善 + 西塘古镇 is a site).
TOWN = f"[{CJK}]{{2,3}}?(?:(?<!古)镇|乡|街道)(?![{CJK}]*(?:派出所|政府|党委))"
# A toll station or service area named by its place and a direction: 吉安 + 南收费站.
DIRECTION_SITE = re.compile("[东西南北](?:收费站|服务区)")
# The area of a sea, lake or river after its name: one LOC with it (issue 15: 雷州湾海域,
# 洞庭湖水域, 洪湖湖区, 长江流域); a mountain's foot likewise (太行山 + 东麓).
WATER_AREA = re.compile("水域|海域|湖区|库区|流域|[东西南北]麓")
# A list of places closed by a count or 等 and a township word: 福宝、尧坝等古镇, 长寿、加义三镇.
LISTED_UNITS = re.compile(f"([{CJK}]{{2,3}}(?:[、和][{CJK}]{{2,3}})+)(?:等|[两三四五六七八九十]个?)"
                          "(?:古镇|镇|乡|村|街道)(?!民|亲|镇|干部|医|长|级)")
# Hong Kong and Macao: no prefecture between the region and its districts (a page naming 香港
# makes 深水埗 the district, as a city makes its counties).
NO_PREFECTURE = ("81", "82")
# Numerals before a short form make its first character a measure word (1500台 + 中).
COUNT_DIGITS = set("0123456789０１２３４５６７８９")
# Waters and berths after a district's short form ending in 港 make it the port (铁山港附近海域).
PORT_WATERS = re.compile("附近|海域|水域|码头|港区|航道|锚地|一带")
# Organs that make a county's short form a place (胶州 + 公安).
ORGANS_AFTER_COUNTY = ("公安", "法院", "检察", "警方", "检方", "市委", "县委", "区委",
                       "政府", "交警", "消防", "法庭", "纪委", "监委")


class PlaceRules:
    """The GPE/LOC half of ``Rules`` (a mixin: ``Rules`` builds the gazetteer first)."""

    def _compile_places(self, data_dir: Path) -> None:
        """Compile the division rules: zones, towns, the gazetteer's LOCs and what is no place."""
        self.campaign = tuple(read_words(data_dir / "gazetteer_campaign_prefixes.txt"))
        self.zones = ZONES
        self.zone_re = re.compile(ZONE_PATTERN)  # 苏州 + 高新区
        self.unnamed_zone_re = re.compile(f"([{CJK}]{{2}}){ZONE_PATTERN}")  # 大旺 + 高新区
        self.town_re = re.compile(TOWN)
        self.loc_re = re.compile(trie_pattern(read_words(data_dir / "gazetteer_loc.txt")
                                              + read_words(data_dir / "entity_loc_names.txt")
                                              + read_words(data_dir / "entity_loc_nature.txt")))
        self.site_after_place_re = re.compile(
            trie_pattern(read_words(data_dir / "entity_site_after_place.txt")))
        self.not_loc = set(read_words(data_dir / "entity_not_loc.txt"))
        self.not_place_final = set("".join(read_words(data_dir / "entity_not_place_final.txt")))

    def scan_places(self, text: str, bounds: set[int] | None = None) -> list[tuple[int, int]]:
        """Return the gazetteer hits in ``text`` (leftmost longest), shared by ORG and GPE.

        A short form must sit on word boundaries; when it does not, the scan resumes one
        character later (大庆市中级法院和龙凤区法院: not 和龙, but 龙凤区).
        """
        gaz = self.gaz
        search = gaz.pattern.search
        hits = []
        pos = 0
        while True:
            m = search(text, pos)
            if m is None:
                return hits
            s, e = m.span()
            name = m.group()
            if name not in gaz.by_name:
                if bounds is not None and (s not in bounds or e not in bounds):
                    pos = s + 1
                    continue
                # A full name starting inside a short form wins (和龙 | 龙凤区).
                inner = [gaz.pattern.match(text, k) for k in range(s + 1, e)]
                if any(n and n.end() > e and n.group() in gaz.by_name for n in inner):
                    pos = s + 1
                    continue
            hits.append((s, e))
            pos = e

    def gpe_candidates(self, text: str, known_counties: set[str], bounds: set[int] | None = None,
                       context: set[str] = frozenset(),
                       places: list[tuple[int, int]] | None = None) -> list[Candidate]:
        """Return the gazetteer's GPEs (with the zone or town after them), unnamed zones after
        a place (肇庆市 + 大旺高新区) and the gazetteer's LOCs (长江)."""
        if places is None:
            places = self.scan_places(text)
        out = self._division_candidates(text, known_counties, bounds, context, places)
        for c in list(out):  # an unnamed zone right after a place: 肇庆市 + 大旺高新区
            zm = self.unnamed_zone_re.match(text, c.end)
            if zm and self.proper_name(zm.group(1)):
                out.append(Candidate(c.end, zm.end(), "GPE", None, "rule:zone", SOFT))
        for m in self.loc_re.finditer(text):  # 长江; a long name also inside a word (涉 + 鄱阳湖)
            if bounds is None or len(m.group()) >= 3 or (m.start() in bounds and m.end() in bounds):
                area = WATER_AREA.match(text, m.end())  # 雷州湾 + 海域, 洞庭湖 + 水域
                out.append(Candidate(lake_part(text, m.start(), m.group()),
                                     area.end() if area else m.end(), "LOC", None, "gazetteer", SOFT))
        out += self.place_site_candidates(text, bounds, places)
        out += self.place_site_candidates(text, bounds, [(c.start, c.end) for c in out
                                                         if c.source == "gazetteer" and c.label == "LOC"])
        return out

    def place_site_candidates(self, text: str, bounds: set[int] | None,
                              places: list[tuple[int, int]]) -> list[Candidate]:
        """Return a place name + a site word after it as ONE LOC (issue 15): the place is the
        site's own name (德安收费站, 庐山服务区, 九江长江大桥, 邯郸东站, 岳阳楼景区, 鄱阳湖二桥); not
        before an organ word (邯郸东站派出所 is the ORG rule's), nor inside another name (大名府 +
        故城景区: 故城 is a county elsewhere)."""
        out = []
        for s, e in places:
            m = self.site_after_place_re.match(text, e) or DIRECTION_SITE.match(text, e)
            if m is None or (bounds is not None and s not in bounds) or \
                    LOC_NOT_BEFORE.match(text, m.end()) or not _starts_a_name(text, s, places) or \
                    (s >= 2 and text[s - 2:s] in self.campaign):
                continue
            out.append(Candidate(s, m.end(), "LOC", None, "rule:site", SOFT))
        return out

    def _division_candidates(self, text: str, known_counties: set[str], bounds: set[int] | None,
                             context: set[str], places: list[tuple[int, int]]) -> list[Candidate]:
        """Return a GPE per gazetteer hit that reads as a place here, normalised to its full
        name; a zone after it joins it (苏州高新区), a town after a county follows it."""
        gaz = self.gaz
        out: list[Candidate] = []
        last_divs: list[Division] = []
        for s, e in places:
            name = text[s:e]
            adjacent = bool(out) and out[-1].end == s
            divs = gaz.divisions(name)
            if s >= 2 and text[s - 2:s] in self.campaign:
                continue
            if water_mouth(text, s, name):
                continue  # 入湖口, 入江口: where a river meets the lake, not the county 湖口
            if _river_named_after(text, s, e, bounds, gaz):
                out.append(Candidate(s, e + 1, "LOC", None, "rule:water", SOFT))
                continue  # 华容 + 河: the river named after the county
            full = name in gaz.by_name or name in gaz.countries
            if name in self.relative_before and not name.endswith("县") and (
                    any(ps == e for ps, _ in places) or self.organ_re.match(text, e)
                    or self.org_names_re.match(text, e)
                    or self.organ_end_re.search(text, max(0, s - 12), s)):
                continue  # 会同 + 公安部, 市公安局 + 会同: the verb "together with", not the county
            if name in gaz.needs_parent:
                if not (adjacent and any(is_parent_of(p, d) for p in last_divs for d in divs)
                        or _district_of_home(name, divs, context)):
                    continue
            elif not full or name in gaz.countries:
                if bounds is not None and (s not in bounds or e not in bounds) or \
                        s and text[s - 1] in COUNT_DIGITS:
                    continue  # 这1500 + 台中: a count of machines, not 台中
                if name in gaz.county_short and not (
                        name in known_counties or text.startswith(ORGANS_AFTER_COUNTY, e)
                        or any(d.code[:4] in context or d.code[:2] in context and d.code[:2] in NO_PREFECTURE
                               for d in divs)
                        or _listed_with_a_place(text, s, e, places)):
                    continue
            elif bounds is not None and s not in bounds and not adjacent:
                continue
            normalized = gaz.normalize(name, context | {d.code[:4] for d in last_divs})
            zm = self.zone_re.match(text, e)
            if zm:  # 苏州高新区 is one place
                e = zm.end()
                normalized = (normalized or name) + zm.group()
            if name.endswith("县") and len(name) >= 3 and text.startswith("城", e) and \
                    not text.startswith("城关", e):
                e -= 1  # [霍邱]县城: the county town, the county's short name is the GPE
            if name[-1] == "港" and all(d.name.endswith("区") for d in divs) and \
                    PORT_WATERS.match(text, e):
                out.append(Candidate(s, e, "LOC", None, "rule:port", SOFT))
                continue  # 铁山港 + 附近海域: the port, not the district 铁山港区
            out.append(Candidate(s, e, "GPE", normalized, "gazetteer", SOFT))
            last_divs = divs
            if any(d.level == "county" for d in divs) and not zm:
                tm = self.town_re.match(text, e)
                at = e + 1 if tm and text[e] in NOT_LOC_FIRST and tm.end() - e >= 4 else e
                if tm and text[at] not in NOT_LOC_FIRST and \
                        self.proper_name(text[at:tm.end() - 1].removesuffix("街")):
                    # 仁怀 + 在 + 茅台镇: the preposition stays out of the town
                    out.append(Candidate(at, tm.end(), "GPE",
                                         (normalized or name) + text[at:tm.end()], "rule:town", SOFT))
        return out

    def listed_town_candidates(self, text: str, bounds: set[int] | None) -> list[Candidate]:
        """Return the towns and villages of a list that a count or 等 closes (issue 15):
        福宝、尧坝等古镇, 长寿、加义三镇 → each name a GPE (not 村民, 乡亲, 镇政府's people)."""
        out = []
        for m in LISTED_UNITS.finditer(text):
            at = m.start(1)
            items = re.split("[、和]", m.group(1))
            first = items[0]
            cut = next((k for k in range(len(first) - 2, -1, -1)
                        if bounds is None or at + k in bounds or k == 0 and at == 0), None)
            if cut is None:
                continue
            names = [(at + cut, first[cut:])]
            pos = at + len(first) + 1
            for item in items[1:]:
                names.append((pos, item))
                pos += len(item) + 1
            if any(len(n) < 2 or set(n) & NOT_LOC_CHARS or n[0] in NOT_LOC_FIRST
                   or not self.proper_name(n) or n in self.not_loc for _, n in names):
                continue
            out += [Candidate(s, s + len(n), "GPE", None, "rule:town", SOFT) for s, n in names]
        return out


def _starts_a_name(text: str, s: int, places: list[tuple[int, int]]) -> bool:
    """Return True when a name may start at ``s``: after a mark, a preposition or another
    place (九江 + 长江大桥), not inside a word (大名府 + 故城)."""
    return s == 0 or text[s - 1] in PORT_BEFORE or text[s - 1] in NOT_LOC_FIRST or \
        not re.match(f"[{CJK}]", text[s - 1]) or any(pe == s for _, pe in places)


def _listed_with_a_place(text: str, s: int, e: int, places: list[tuple[int, int]]) -> bool:
    """Return True when the place ``text[s:e]`` stands in a list with another place (issue 15):
    阆中、南部县; 甲县、乙区分别…"""
    if e < len(text) and text[e] in "、和及与" and any(ps == e + 1 for ps, _ in places):
        return True
    return s > 0 and text[s - 1] in "、和及与" and any(pe == s - 1 for _, pe in places)


def water_mouth(text: str, s: int, name: str) -> bool:
    """Return True when the place ``name`` at ``s`` is the mouth a river flows in by (入湖口,
    入江口, 入海口, 出海口): 湖口 and 江口 are counties elsewhere."""
    return s > 0 and text[s - 1] in "入出" and name[:2] in ("湖口", "江口", "河口", "海口")


RIVER_CHARS = re.compile("[河江湖溪]")
# What follows a river's name inside a word pkuseg made of it (华容河 + 入湖口, 河 + 沿岸).
WATER_NEXT = ("入", "沿", "两岸", "河畔", "流域", "水域", "段", "上游", "下游", "岸边", "河道")


def _district_of_home(name: str, divs: list, context: set[str]) -> bool:
    """Return True when a district whose full name is an everyday word (老城区, 新城区) lies in
    a city the document names (老城区 in a 洛阳 report is 洛阳市老城区)."""
    return len(name) >= 3 and name[-1] in "区县" and any(d.code[:4] in context for d in divs)


def _river_named_after(text: str, s: int, e: int, bounds: set[int] | None, gaz) -> bool:
    """Return True when the division name ``text[s:e]`` and the 河/江/湖/溪 after it end a word
    and name a river or lake (issue 15): 华容 + 河, 新墙 + 河; not 镇江 + 江心洲 (the word goes on),
    岳阳 + 湖滨, 长沙 + 河西 (a mark, a conjunction or a water word must follow), nor a division of its own (桃江, 黑龙江)."""
    if e >= len(text) or text[e] not in "河江湖溪" or e - s < 2 or text[e - 1] in "省市县区州盟旗":
        return False
    if bounds is None or e + 1 not in bounds and not text.startswith(WATER_NEXT, e + 1):
        return False
    if gaz.divisions(text[s:e + 1]):
        return False
    return e + 1 == len(text) or not re.match(f"[{CJK}]", text[e + 1]) or \
        text.startswith(WATER_NEXT, e + 1) or text[e + 1] in "上中里边和与及"
