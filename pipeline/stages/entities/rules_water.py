"""LOC rules for waters, ports and the sections of rivers and highways (issue 15: one LOC
with its full extent).

- a river or highway with its section: 长江 + 南通段通州沙水域, 京港澳高速 + 湘潭段, 沪昆高速 +
  德安服务区; numbered roads (107国道);
- ports after their place: 如皋港, 南通港狼山港区10号码头, 及 + 董家口港;
- a river named before its banks: 祊河沿线, 双林塘沿岸, 湄江河畔;
- a river pkuseg gives as one word named after a division: 华容河;
- the rivers of a list that holds a known one: 湘江、资水、沅水和洞庭湖 → 资水, 沅水.

A mixin of ``Rules``: it reads ``self.gaz``, ``self.loc_re`` and ``self.not_loc``
(``rules_place``) and the highways of ``rules_roads``.
"""

from __future__ import annotations

import re

from .candidate import CJK, SOFT, SURE, Candidate, token_bounds
from .place_words import NOT_LOC_CHARS, NOT_LOC_FIRST, NOT_SECTION, PORT_BEFORE, LOC_VERB_START, lake_part

# The section of a river or a highway after its name (issue 15: one LOC with its full
# extent): 长江 + 南通段, 长江 + 南通段通州沙水域, 赣江 + 樟树市临江镇段水域, 长江 + 干流南通段.
# A kind of water after the section is no part of its name: 长江岳阳段 + 禁捕水域 (issue 15).
SECTION = re.compile(f"(?:干流|支流)?([{CJK}]{{2,8}}?)段(?:(?!附近|禁捕|禁渔|危险)[{CJK}]{{0,4}}?水域)?")
# A service area or toll station on the highway named right before it: one LOC with the
# highway, as a section is (issue 15): 沪昆高速 + 德安服务区, 大广高速 + 吉安南收费站, 随岳高速 +
# 洪湖出口.
HIGHWAY_SITE = re.compile(f"([{CJK}]{{2,4}}?)(?:服务区|收费站|停车区|出口|入口)")
# A river name that pkuseg gives as a word: 清水江, 黄杨河, 通吕运河.
RIVER_END = ("江", "河", "运河")
# A port after its place, with its harbour area or pier (issue 15): 如皋港, 南通港狼山港区10号码头,
# 芜湖港朱家桥外贸码头, 大连港客运站.
PORT = re.compile(f"港(?:[{CJK}]{{2,4}}港区(?:[0-9０-９]{{1,3}}号码头)?|(?:[{CJK}]{{2,6}}?)?码头"
                  f"|客运站|客运中心|国际客运站|邮轮码头)?"
                  f"(?![{CJK}]*(?:派出所|公安|海关|边检|集团|公司))")
# Words between a port and 码头 that describe the pier rather than name it: 某港 + 一处简易码头.
PORT_NOT_NAME = re.compile("[一的该这那]|简易|临时|废弃")
# The banks of a river (祊河 + 沿线, 双林塘 + 沿岸, 湄江 + 河畔); its name ends in one of WATER_END.
WATER_SIDE_RE = re.compile("沿岸|沿线|两岸|岸边|河畔|河道|流域|河床|入海口|入江口|入湖口|江面|河面|落水")
WATER_END = "河江湖塘溪渠"
LISTED_WATER_END = "江河水湖溪"
LIST_MARKS = "、和及与"
# An item of a list of rivers: 2-3 characters before the next mark (资水 + 、, 沅水 + 和).
LISTED_ITEM = re.compile(f"[{CJK}]{{2,3}}(?=[、和及与等，。；）]|$)")
# Numbered roads: 107国道 (G4京港澳高速 is rules_roads'); 312国道, S229省道.
NUMBERED_ROAD = re.compile("[GSXgsx]?[0-9０-９]{2,4}(?:国道|省道|县道)")
RIVER_CHARS = re.compile("[河江湖溪]")
# A list of two or more rivers or lakes, none of them needing to be known (issue 15): 府河、南河和
# 沙河; 桃溪、清江、柳河 (each item 2-3 characters ending in 江/河/湖/溪).
WATER_LIST = re.compile(f"[{CJK}]{{1,2}}[江河湖溪](?:[、和及与][{CJK}]{{1,2}}[江河湖溪])+")
# What after a list of two makes it waters (府河、南河 + 水位上涨); a list of three needs none.
WATER_WORDS_AFTER = re.compile("水位|沿岸|沿线|两岸|流域|河道|河段|水域|水质|干流|支流|上游|下游|"
                               "汛情|险情|洪水|一带|交汇|入河|入江|入湖|[等]?(?:河流|水系|江河|湖泊)")
# What around a list makes its items people (王海江、李长河和张清湖三人; 被告人 + 李江、王河).
PEOPLE_AFTER = re.compile("等?[0-9一二三四五六七八九十两几多]*[人名]|[等均都]?(?:被|系|因|称|说|表示|供述|同志|先生|女士)")
PEOPLE_BEFORE = ("嫌疑人", "被告人", "被害人", "受害人", "当事人", "民警", "辅警", "男子", "女子", "村民",
                 "人员", "同志", "记者", "律师", "法官", "检察官", "队员")
# What after a list makes its items divisions (沙河、清河两县, 桃江、沅江等地).
DIVISIONS_AFTER = re.compile("等?[两三四五六七八九十]?个?(?:县|市|区|地|乡|镇|村|旗)")


class WaterRules:
    """The waters, ports and sections half of the place rules (a mixin of ``Rules``)."""

    def section_candidates(self, text: str, tokens: list[tuple[int, int]] | None,
                           places: list[tuple[int, int]] = ()) -> list[Candidate]:
        """Return rivers and highways with the section after them as one LOC (issue 15):
        长江南通段通州沙水域, 清水江旁海段, 京港澳高速湘潭段; a highway alone (京港澳高速);
        ports after their place (如皋港, 南通港狼山港区10号码头)."""
        ports = self._ports(text, tokens) if "港" in text else []
        if "道" in text:
            roads = [m.span() for m in NUMBERED_ROAD.finditer(text)]
            ports += [Candidate(s, e, "LOC", None, "rule:section", SOFT) for s, e in roads]
            ports += self.numbered_road_sections(text, roads)
        if "段" not in text and "高速" not in text:
            return ports  # most sentences: no section and no highway
        starts = [(lake_part(text, m.start(), m.group()), m.end()) for m in self.loc_re.finditer(text)]
        starts += [(_after_a_day(text, s), e) for s, e in self.highways(text, token_bounds(tokens))]
        if tokens and "段" in text:
            words = set(tokens)
            starts += [(_river_start(text, s, words), e) for s, e in tokens if 2 <= e - s <= 4
                       and text[s:e].endswith(RIVER_END) and self.proper_name(text[s:e])]
        out = []
        for s, e in starts:
            m = SECTION.match(text, e)
            if m and (not set(m.group(1)) & NOT_SECTION or self.gaz.divisions(m.group(1))):
                out.append(Candidate(s, self.road_extent(text, _highway_site(text, s, m.end())),
                                     "LOC", None, "rule:section", SURE))
            elif text[s:e].endswith(("高速", "高速公路")):
                out.append(Candidate(s, self.road_extent(text, _highway_site(text, s, e)), "LOC", None,
                                     "rule:section", SURE))
        return out + ports

    def _ports(self, text: str, tokens: list[tuple[int, int]] | None) -> list[Candidate]:
        """Return ports after their place's name (如皋港, 南通港狼山港区10号码头) and ports that
        are a word of their own after a preposition or in a list (及 + 董家口港)."""
        out = []
        words = {s: e for s, e in tokens} if tokens else {}
        for m in re.finditer("港", text):
            p = m.start()
            begin = next((p - k for k in (4, 3, 2) if p - k >= 0
                          and self.gaz.divisions(text[p - k:p])
                          and not self.gaz.divisions(text[p - k:p + 1])), None)
            if begin is None:
                begin = next((s for s in range(max(0, p - 4), p - 1) if words.get(s) == p + 1
                              and (s == 0 or text[s - 1] in PORT_BEFORE)
                              and self.proper_name(text[s:p])
                              and not self.gaz.divisions(text[s:p + 1])), None)  # 、 + 张家港: the city
            if begin is None:
                continue
            if text[p + 1:p + 2] in ("镇", "乡", "村") or self.gaz.divisions(text[begin:p + 2]):
                continue  # 龙门港镇: a town named after its port
            pm = PORT.match(text, p)
            if pm:
                end = p + 1 if PORT_NOT_NAME.search(text, p + 1, pm.end()) else pm.end()
                out.append(Candidate(begin, end, "LOC", None, "rule:port", SURE))
        return out

    def water_candidates(self, text: str, tokens: list[tuple[int, int]] | None) -> list[Candidate]:
        """Return a river, pond or canal named before the stretch of its banks (issue 15):
        祊河沿线, 双林塘沿岸, 湄江河畔 (the river is 湄江)."""
        out: list[Candidate] = []
        if not tokens or not WATER_SIDE_RE.search(text):
            return out
        starts = {s for s, _ in tokens}
        words = set(tokens)
        for m in WATER_SIDE_RE.finditer(text):
            # 淮河 + 畔, but 湄江 + 河畔 (the river's name ends before 河畔)
            named_before = m.group().startswith("河畔") and m.start() > 0 and text[m.start() - 1] in WATER_END
            e = m.start() + (1 if m.group().startswith("河畔") and not named_before else 0)
            if any(self.loc_re.fullmatch(text, b, e) for b in range(max(e - 5, 0), e - 1)):
                continue  # 淮河: the gazetteer has it
            lead = [b for b in range(e - 2, max(e - 5, -1), -1) if b == 0 or text[b - 1] in PORT_BEFORE]
            word = [_river_start(text, b, words) for b in range(e - 2, max(e - 5, -1), -1)
                    if (b, e) in words]
            # the river as one word first (负责 + 潍河), then after 在/、, then shortest
            for b in word + lead + list(range(e - 2, max(e - 5, -1), -1)):
                name = text[b:e]
                if b in starts and text[e - 1] in WATER_END and re.fullmatch(f"[{CJK}]+", name) \
                        and name[0] not in NOT_LOC_FIRST and not set(name) & NOT_LOC_CHARS \
                        and not name.startswith(LOC_VERB_START) \
                        and not self._division_not_river(name) and self.proper_name(name):
                    out.append(Candidate(b, e, "LOC", None, "rule:water", SOFT))
                    break
            else:
                if m.group().startswith("河畔") and not named_before and e - 1 >= 2:
                    b = next((k for k in range(e - 3, max(e - 5, -1), -1) if k in starts
                              and text[k] not in NOT_LOC_FIRST), None)
                    if b is not None and not set(text[b:e - 1]) & NOT_LOC_CHARS:
                        out.append(Candidate(b, e - 1, "LOC", None, "rule:water", SOFT))
        return out

    def river_word_candidates(self, text: str, tokens: list[tuple[int, int]] | None
                              ) -> list[Candidate]:
        """Return a river or lake that pkuseg gives as one word and that is named after a
        division (issue 15): 华容河, 新墙河 (新墙 is no division: not this rule's); not a
        division of its own (桃江, 黑龙江)."""
        if not tokens or not RIVER_CHARS.search(text):
            return []
        divisions = self.gaz.divisions
        return [Candidate(s, e, "LOC", None, "rule:water", SOFT) for s, e in tokens
                if 3 <= e - s <= 4 and text[e - 1] in "河江湖溪" and text[e - 2] not in "省市县区州盟旗"
                and divisions(text[s:e - 1]) and not divisions(text[s:e])]

    def listed_water_candidates(self, text: str, tokens: list[tuple[int, int]] | None
                                ) -> list[Candidate]:
        """Return the rivers and lakes of a list that holds a known one (issue 15): 湘江、资水、
        沅水和洞庭湖 → 资水 (2-3 characters ending in 江/河/水/湖/溪 between list marks, next to
        a listed river or lake; the item before one only as a pkuseg word: 瓯江 + 、龙泉溪)."""
        known = [(m.start(), m.end()) for m in self.loc_re.finditer(text)
                 if m.group()[-1] in LISTED_WATER_END]
        word_before = {e: s for s, e in tokens if e - s >= 2} if tokens else {}
        found, out = set(known), []
        while known:
            s, e = known.pop()
            nxt = LISTED_ITEM.match(text, e + 1) if text[e:e + 1] in LIST_MARKS else None
            items = [(e + 1, nxt.end())] if nxt else []
            if s >= 1 and text[s - 1] in LIST_MARKS and s - 1 in word_before:
                items.append((word_before[s - 1], s - 1))
            for b, we in items:
                if (b, we) not in found and self._listed_water(text, b, we):
                    found.add((b, we))
                    known.append((b, we))
                    out.append(Candidate(b, we, "LOC", None, "rule:water", SOFT))
        return out

    def water_list_candidates(self, text: str, tokens: list[tuple[int, int]] | None
                              ) -> list[Candidate]:
        """Return every river of a list of rivers when none of them is known (issue 15): 府河、
        南河和沙河水位上涨 → 府河, 南河, 沙河 (沙河 is a county elsewhere: a list of waters makes it
        the river). Three items suffice; two need a water word after them (水位, 沿岸, 一带); none
        before a level word (沙河、清河两县). The first item starts on a word boundary."""
        out: list[Candidate] = []
        starts = {s for s, _ in tokens} if tokens else None
        for m in WATER_LIST.finditer(text):
            items = [(k.start(), k.end()) for k in re.finditer(f"[^{LIST_MARKS}]+", m.group())]
            items = [(m.start() + a, m.start() + b) for a, b in items]
            first = self._list_start(text, items[0][0], items[0][1], starts)
            if first is None:
                continue
            items[0] = (first, items[0][1])
            end = items[-1][1]
            if DIVISIONS_AFTER.match(text, end) or len(items) < 3 and not WATER_WORDS_AFTER.match(text, end):
                continue
            if PEOPLE_AFTER.match(text, end) or text.endswith(PEOPLE_BEFORE, 0, first):
                continue
            names = [text[a:b] for a, b in items]
            if any(len(n) < 2 or set(n) & NOT_LOC_CHARS or n[0] in NOT_LOC_FIRST or n in self.not_loc
                   or n in self.gaz.by_name or not self.proper_name(n) for n in names):
                continue
            out += [Candidate(a, b, "LOC", None, "rule:water", SURE) for a, b in items
                    if not self.loc_re.fullmatch(text, a, b)]  # 黄河 + 流域: the gazetteer's
        return out

    def _list_start(self, text: str, s: int, e: int, starts: set[int] | None) -> int | None:
        """Return where the first item ``text[s:e]`` of a list of rivers starts: the earliest
        word boundary leaving it 2-3 characters that no preposition starts (涉 + 鄱阳湖, 在 +
        府河), else None."""
        for b in range(s, e - 1):
            if text[b] in NOT_LOC_FIRST:
                continue
            if (b == 0 or text[b - 1] in PORT_BEFORE or text[b - 1] in NOT_LOC_FIRST
                    or not re.match(f"[{CJK}]", text[b - 1])) or starts is not None and b in starts:
                return b
        return None

    def _listed_water(self, text: str, b: int, e: int) -> bool:
        """Return True when ``text[b:e]`` may be a river or lake's name (资水; not 江河, 这条河)."""
        name = text[b:e]
        return 2 <= len(name) <= 3 and name[-1] in LISTED_WATER_END and \
            self.proper_name(name) and not set(name) & NOT_LOC_CHARS and \
            name not in self.not_loc and not self.gaz.divisions(name)

    def _division_not_river(self, name: str) -> bool:
        """Return True when ``name`` before a river's banks is a division and not the river: a
        full name or a province's or city's short form (湘潭 + 沿线); a county's short form
        there is the river it was named after (桃江 + 沿岸, 锦江 + 落水, 沙河 + 河道)."""
        return bool(self.gaz.divisions(name)) and (
            name in self.gaz.by_name or name in self.gaz.high_short or name[-1] not in "江河湖溪")


def _highway_site(text: str, s: int, e: int) -> int:
    """Return the end of a highway ``text[s:e]`` with the service area or toll station named
    right after it (沪昆高速 + 德安服务区), else ``e``."""
    if "高速" not in text[s:e]:
        return e
    m = HIGHWAY_SITE.match(text, e)
    return m.end() if m and not set(m.group(1)) & NOT_SECTION else e


def _after_a_day(text: str, s: int) -> int:
    """Return the start of a highway's name, past the 日 of a date written right before it
    (10月1日 + 沪昆高速: 日 is also the one-character name of 日照 in 日兰高速)."""
    if text.startswith("日", s) and s > 0 and (text[s - 1].isdigit() or text[s - 1] in "一二三四五六七八九十"):
        return s + 1
    return s


def _river_start(text: str, s: int, words: set[tuple[int, int]]) -> int:
    """Return the start of a river's name that pkuseg gives from ``s``, one character earlier
    when that character is a word of its own that no mark or preposition is (曹 + 娥江 is
    曹娥江; 在 + 潍河 stays 潍河)."""
    if s > 0 and (s - 1, s) in words and re.match(f"[{CJK}]", text[s - 1]) and \
            text[s - 1] not in PORT_BEFORE and text[s - 1] not in NOT_LOC_FIRST and \
            text[s - 1] not in NOT_SECTION:
        return s - 1
    return s

