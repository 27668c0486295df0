"""Roads and waters with their full extent (issue 15): highways named by the initials of the
places they join (随岳高速, G4京港澳高速), a kilometre mark on them (沪昆高速1968公里处), the
section of a numbered road (S306省道岳阳段), and the named area of a known lake or river
(鄱阳湖都昌水域, 太湖吴中水域).

A mixin of ``Rules`` like ``rules_place``: it reads ``self.gaz`` and ``self.loc_re``.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...lexicon import read_words
from ...places import Gazetteer
from .candidate import CJK, SURE, Candidate

# One-character initials that are no place's first character but name one in highway names.
EXTRA_INITIALS = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川贵云藏陕甘青宁新港澳蓉"
# What makes 高速 an adverb or an adjective, not a road: 高速发展, 高速增长, 高速运转.
NOT_ROAD_AFTER = re.compile("发展|增长|运转|运行|推进|扩张|前进|行驶|旋转|成长|铁路|列车|动车|摄像")
# A kilometre mark on a highway or road (沪昆高速 + 1968公里处, + K1968+300处).
KM_MARK = re.compile(r"(?:[0-9０-９]{1,4}(?:\.[0-9０-９]{1,3})?(?:公里|千米|km)|[KkＫ][0-9０-９]{1,4}"
                     r"(?:[+＋][0-9０-９]{1,4})?)处")
# One-character words that never start a highway's name (和 + 杭瑞高速, 在 + 沪昆高速).
NOT_HIGHWAY_FIRST = set("在于从至到和及与经对向把被将由自涉沿往")
# The route number before a highway's name: G4 + 京港澳高速, S15 + 沈海高速.
ROUTE_NUMBER = re.compile(r"[GSgs][0-9０-９]{1,4}$")
# A highway named after its route number with a name of any characters (G98 + 环岛高速, S15 +
# 沿江高速): the number makes it a road whatever the name is.
NUMBERED_HIGHWAY = re.compile(f"[GS][0-9０-９]{{1,4}}[{CJK}]{{2,4}}?高速(?:公路)?")
# A section after a numbered road: S306省道 + 岳阳段, 107国道 + 长沙段.
ROAD_SECTION = re.compile(f"[{CJK}]{{2,6}}?段")
# The area of a known lake, river or sea with its own name in between: 鄱阳湖 + 都昌 + 水域.
# Or a site on it named the same way (淮河 + 蚌埠闸, 锦江 + 九眼桥: one LOC, as 湘江萍岛 is).
NAMED_AREA = re.compile(f"([{CJK}]{{2,4}}?)(?:水域|海域|湖区|库区|江段|河段|闸|浮桥|大桥|桥|码头|渡口)"
                        f"(?![{CJK}]{{0,2}}(?:派出所|公司|集团|管理))")
# Words that are no name of an area (附近水域, 沿线水域, 周边海域).
NOT_AREA_NAME = ("附近", "沿线", "沿岸", "周边", "一带", "相关", "部分", "全部", "有关", "重点",
                 "其他", "主要", "境内", "辖区", "下游", "上游", "中游", "以东", "以西", "以南",
                 "以北", "东部", "西部", "南部", "北部", "禁捕", "禁渔", "危险", "界江", "界河")
# Characters that never stand in such a name (这段水域, 在…水域).
NOT_NAME_CHARS = set("的在向对与和了是将把被等从为及也并还就又各该这那其一二三四五六七八九十几多")
# A known water whose area the rule may name: its name ends so (湖, 江, 淀, 湾).
WATER_FINAL = "湖江河淀湾海泊溪渠库港峡"
# The area of a water written right after it, no name between: 千岛湖 + 水域, 洪湖 + 湖区 (one LOC;
# not 库区, which follows the reservoir as its own word: 小浪底水库 + 库区).
DIRECT_AREA = re.compile("水域|海域|湖区")
# A shore or surface word after a division named by its water (洪湖 + 岸边, 沙河 + 沿岸): the
# water is meant, not the county.
# What may stand right before such a division's name (在 + 洪湖, 、 + 沙河).
WATER_NAME_BEFORE = set("在对于沿至到从向往和与及的入")
SHORE_AFTER = re.compile("岸边|沿岸|湖区|湖面|湖堤|湖畔|湖中|江面|江畔|河畔|河面|河堤|水域|界江|界河")
# What joins waters in a list before such a word (黑龙江、乌苏里江 + 界江水域).
WATER_LIST_MARKS = "、和与及"


def place_initials(gaz: Gazetteer) -> str:
    """Return the characters a highway's name may be made of: the first characters of the
    provinces, prefectures and counties and their short forms (随 of 随州, 岳 of 岳阳)."""
    chars = set(EXTRA_INITIALS)
    for name in list(gaz.by_name) + list(gaz.short_of):
        if re.match(f"[{CJK}]", name):
            chars.add(name[0])
    return "".join(sorted(chars))


def highway_pattern(gaz: Gazetteer) -> re.Pattern:
    """Return the regular expression of highways named by their places' initials: 随岳高速,
    上三高速, 贵黄高速公路 (two to four initials, then 高速 or 高速公路)."""
    return re.compile(f"[{re.escape(place_initials(gaz))}]{{2,4}}(高速(?:公路)?)")


class RoadRules:
    """The road and water-area half of the place rules (a mixin of ``Rules``)."""

    def _compile_roads(self, data_dir: Path) -> None:
        """Compile the highway names (after ``self.gaz``) and the words that are none (信息)."""
        self.highway_re = highway_pattern(self.gaz)
        self.not_highway = set(read_words(data_dir / "entity_not_highway.txt"))

    def highways(self, text: str, bounds: set[int] | None) -> list[tuple[int, int]]:
        """Return the highways of ``text`` as (start, end), with the route number before them
        (G4 + 京港澳高速). The name is the longest run of two to four initials before 高速 that
        starts on a word boundary when boundaries are known (境内 + 京港澳高速), not after a
        one-character function word (和 + 杭瑞高速); a division's own name is none (九江 +
        高速交警: the city's highway police), nor is a figure of speech (信息高速公路,
        ``entity_not_highway.txt``) or 高速 as an adverb (高速发展)."""
        out = []
        for m in self.highway_re.finditer(text):
            s, e = m.span()
            if NOT_ROAD_AFTER.match(text, e):
                continue
            head = m.start(1)
            start = next((k for k in range(s, head - 1) if (bounds is None or k in bounds)
                          and not (text[k] in NOT_HIGHWAY_FIRST and (bounds is None or k + 1 in bounds))
                          and not set(text[k + 1:head]) & NOT_HIGHWAY_FIRST
                          and not self.gaz.divisions(text[k:head])
                          and text[k:head] not in self.not_highway), None)
            if start is None:
                continue
            number = ROUTE_NUMBER.search(text, max(0, start - 5), start)
            out.append((number.start() if number else start, e))
        return out + self.numbered_highways(text, out)

    def numbered_highways(self, text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Return the highways named after their route number that ``found`` misses (issue 15):
        G98 + 环岛高速, S15 + 沿江高速 (the name need not be made of places' initials)."""
        if "G" not in text and "S" not in text:
            return []
        out = []
        for m in NUMBERED_HIGHWAY.finditer(text):
            if NOT_ROAD_AFTER.match(text, m.end()) or any(s < m.end() and m.start() < e for s, e in found):
                continue
            out.append(m.span())
        return out

    def road_extent(self, text: str, e: int) -> int:
        """Return the end of a highway or road ending at ``e`` with the kilometre mark after it
        (沪昆高速 + 1968公里处), else ``e``."""
        m = KM_MARK.match(text, e)
        return m.end() if m else e

    def numbered_road_sections(self, text: str, roads: list[tuple[int, int]]) -> list[Candidate]:
        """Return numbered roads with their section or kilometre mark as one LOC (issue 15):
        S306省道 + 岳阳段, 107国道 + 1200公里处."""
        out = []
        for s, e in roads:
            m = ROAD_SECTION.match(text, e)
            if m and not set(m.group()[:-1]) & NOT_NAME_CHARS:
                out.append(Candidate(s, m.end(), "LOC", None, "rule:road", SURE))
            elif KM_MARK.match(text, e):
                out.append(Candidate(s, self.road_extent(text, e), "LOC", None, "rule:road", SURE))
        return out

    def named_area_candidates(self, text: str) -> list[Candidate]:
        """Return a known lake, river or sea with the named area after it as one LOC (issue 15,
        waters with their full extent): 鄱阳湖 + 都昌水域, 太湖 + 吴中水域, 淮河 + 蚌埠闸;
        not 长江 + 附近水域 (no name), not when the name is a clause (长江 + 的水域)."""
        out = self.water_division_candidates(text)
        if not any(w in text for w in ("水域", "海域", "湖区", "库区", "江段", "河段", "闸", "桥", "码头",
                                       "渡口")):
            return out
        for w in self.loc_re.finditer(text):
            if w.group()[-1] not in WATER_FINAL:
                continue
            m = NAMED_AREA.match(text, w.end()) or DIRECT_AREA.match(text, w.end())
            if m is None:
                continue
            if m.re is DIRECT_AREA:
                out.append(Candidate(w.start(), m.end(), "LOC", None, "rule:area", SURE))
                continue
            name = m.group(1)
            if name.startswith(NOT_AREA_NAME) or set(name) & NOT_NAME_CHARS:
                continue
            out.append(Candidate(w.start(), m.end(), "LOC", None, "rule:area", SURE))
        return out

    def _listed_water_divisions(self, text: str, at: int) -> list[Candidate]:
        """Return the divisions named by their water listed before a known water that ends at
        ``at`` (issue 15): [黑龙江]、[乌苏里江] + 界江水域 → 黑龙江 is the river here."""
        known = next((b for b in range(max(at - 5, 0), at - 1) if self.loc_re.fullmatch(text, b, at)), None)
        out: list[Candidate] = []
        while known is not None and known > 0 and text[known - 1] in WATER_LIST_MARKS:
            p = known - 1
            known = None
            for n in (3, 2):
                s = p - n
                name = text[max(s, 0):p]
                if s >= 0 and name[-1] in "湖江河" and (self.gaz.divisions(name) or self.loc_re.fullmatch(name)) \
                        and (s == 0 or not re.match(f"[{CJK}]", text[s - 1]) or text[s - 1] in WATER_NAME_BEFORE):
                    out.append(Candidate(s, p, "LOC", None, "rule:area", SURE))
                    known = s
                    break
        return out

    def water_division_candidates(self, text: str) -> list[Candidate]:
        """Return a division named by its water as the water (LOC) before a shore or surface
        word (issue 15, county names that are also lakes): 在洪湖岸边 → 洪湖, 对洪湖湖区 → 洪湖湖区
        (the area word joins as for 千岛湖水域); not 洪湖市, not 洪湖 + 警方, not 罗江 of 汨罗江."""
        out = []
        for m in SHORE_AFTER.finditer(text):
            out += self._listed_water_divisions(text, m.start())
            for n in (3, 2):
                s = m.start() - n
                name = text[max(s, 0):m.start()]
                if s < 0 or name[-1] not in "湖江河" or not self.gaz.divisions(name):
                    continue
                if any(self.loc_re.fullmatch(text, b, m.start()) for b in range(max(s - 3, 0), s + 1)):
                    break  # a known water (汨罗江 over 罗江): the loc rules tag it
                if s > 0 and re.match(f"[{CJK}]", text[s - 1]) and text[s - 1] not in WATER_NAME_BEFORE:
                    break  # the name goes on before (…罗江): not the division alone
                e = m.end() if DIRECT_AREA.fullmatch(m.group()) else m.start()
                out.append(Candidate(s, e, "LOC", None, "rule:area", SURE))
                break
        return out
