"""GPE and LOC rules: gazetteer places, towns and development zones, one-character place
names, roads and squares.

江苏省 + 镇江市 (one GPE per division), 苏州高新区, 南丰镇, 中美两国 → 中 + 美, 访华 → 华,
瓦窑西路一巷, 东门广场. Word lists: ``gazetteer_*``, ``entity_loc_suffixes.txt``,
``entity_not_loc.txt``, ``entity_abbreviation_contexts.txt``, ``entity_not_place_final.txt``.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...lexicon import read_list, read_tagged, read_words, trie_pattern
from ...places import ZONE_PATTERN, ZONES, Division, is_parent_of
from .candidate import CJK, SOFT, SURE, Candidate, token_bounds

# A town after a county (封开县 + 南丰镇), not a township organ (…镇派出所, …镇政府), not an
# old town (嘉善 + 西塘古镇 is a site).
TOWN = f"[{CJK}]{{2,3}}?(?:(?<!古)镇|乡|街道)(?![{CJK}]*(?:派出所|政府|党委))"
# What may follow a road or square: 一巷, 88号, 片区.
LOC_MORE = r"(?:[一二三四五六七八九十\d]{1,3}(?:巷|号|弄))?(?:片区)?"
# A name with a numeral or a determiner in it is a description (六路, 各大公园, 之路).
NOT_LOC_CHARS = set("一二三四五六七八九十百千万两第各之的条个几多每该这那其等了诸")
# The section of a river or a highway after its name (issue 15: one LOC with its full
# extent): 长江 + 南通段, 长江 + 南通段通州沙水域, 赣江 + 樟树市临江镇段水域, 长江 + 干流南通段.
SECTION = re.compile(f"(?:干流|支流)?([{CJK}]{{2,8}}?)段(?:(?!附近)[{CJK}]{{0,4}}?水域)?")
# A service area or toll station on the highway named right before it: one LOC with the
# highway, as a section is (issue 15): 沪昆高速 + 德安服务区, 大广高速 + 吉安南收费站, 随岳高速 +
# 洪湖出口.
HIGHWAY_SITE = re.compile(f"([{CJK}]{{2,4}}?)(?:服务区|收费站|停车区|出口|入口)")
# A toll station or service area named by its place and a direction: 吉安 + 南收费站.
DIRECTION_SITE = re.compile("[东西南北](?:收费站|服务区)")
# A river name that pkuseg gives as a word: 清水江, 黄杨河, 通吕运河.
RIVER_END = ("江", "河", "运河")
# A port after its place, with its harbour area or pier (issue 15): 如皋港, 南通港狼山港区10号码头,
# 芜湖港朱家桥外贸码头.
PORT = re.compile(f"港(?:[{CJK}]{{2,4}}港区(?:[0-9０-９]{{1,3}}号码头)?|(?:[{CJK}]{{2,6}}?)?码头)?"
                  f"(?![{CJK}]*(?:派出所|公安|海关|边检|集团|公司))")
# What may stand before a port that is a word of its own: 及 + 董家口港, 、 + 海门港.
PORT_BEFORE = set("在于从至到和及与经过、，；：　 ")
# Prepositions that never start a site's name (在 + 瓦窑西路片区, 对 + 瓦窑片区, 涉 + 西湖断桥).
NOT_LOC_FIRST = set("在于从至到和及与经对向把被将由自涉沿")
# Verbs of motion or position that never start a site's name (在 + 通往 + 灵隐寺).
LOC_VERB_START = ("通往", "前往", "位于", "来到", "途经", "赶往", "赶赴", "驶往", "返回", "进入",
                  "驶入", "附近", "沿着", "靠近", "做好", "加强", "开展", "整治", "规范", "负责",
                  "治理", "修复", "清理", "巡查", "守护", "保护")
# A site word followed by one of these names a company or an organ (红塔集团, 码头公司).
LOC_NOT_BEFORE = re.compile(f"[{CJK}]{{0,2}}(?:集团|公司|酒店|宾馆|派出所|管理处|管委会|办事处)")
# The banks of a river (祊河 + 沿线, 双林塘 + 沿岸, 湄江 + 河畔); its name ends in one of WATER_END.
WATER_SIDE_RE = re.compile("沿岸|沿线|两岸|岸边|河畔|河道|流域|河床|入海口|入江口|入湖口|江面|河面|落水")
WATER_END = "河江湖塘溪渠"
LISTED_WATER_END = "江河水湖溪"
LIST_MARKS = "、和及与"
CONJUNCTIONS = set("和及与或、")
# An item of a list of rivers: 2-3 characters before the next mark (资水 + 、, 沅水 + 和).
LISTED_ITEM = re.compile(f"[{CJK}]{{2,3}}(?=[、和及与等，。；）]|$)")
# Characters before 岛 that make a verb or a common word of it (上岛 登岛 爱岛 海岛 小岛 该岛).
NOT_ISLAND_BEFORE = set("上登离守爱建环全海小孤荒半本该驻进出赴回到在绕宝列群诸")
# The area of a sea, lake or river after its name: one LOC with it (issue 15: 雷州湾海域,
# 洞庭湖水域, 洪湖湖区, 长江流域); a mountain's foot likewise (太行山 + 东麓).
WATER_AREA = re.compile("水域|海域|湖区|库区|流域|[东西南北]麓")
# A list of places closed by a count or 等 and a township word: 福宝、尧坝等古镇, 长寿、加义三镇.
LISTED_UNITS = re.compile(f"([{CJK}]{{2,3}}(?:[、和][{CJK}]{{2,3}})+)(?:等|[两三四五六七八九十]个?)"
                          "(?:古镇|镇|乡|村|街道)(?!民|亲|镇|干部|医|长|级)")
# Numbered roads: 107国道 (G4京港澳高速 is rules_roads'); 312国道, S229省道.
NUMBERED_ROAD = re.compile("[GSXgsx]?[0-9０-９]{2,4}(?:国道|省道|县道)")
# One-character names of China's neighbours, for borders (中老边境, 中哈边境).
NEIGHBOURS = "俄蒙朝越老缅印尼哈吉塔巴阿不锡"
# Characters that never stand in a section's place name (这段时间, 在…段).
NOT_SECTION = NOT_LOC_CHARS | set("的在向对与和了是将把被等从为及也都并还就又时间")
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
        """Compile the place rules: zones, towns, LOC words and one-character place names."""
        self.campaign = tuple(read_words(data_dir / "gazetteer_campaign_prefixes.txt"))
        self.zones = ZONES
        self.zone_re = re.compile(ZONE_PATTERN)  # 苏州 + 高新区
        self.unnamed_zone_re = re.compile(f"([{CJK}]{{2}}){ZONE_PATTERN}")  # 大旺 + 高新区
        self.town_re = re.compile(TOWN)
        self.loc_re = re.compile(trie_pattern(read_words(data_dir / "gazetteer_loc.txt")
                                              + read_words(data_dir / "entity_loc_names.txt")
                                              + read_words(data_dir / "entity_loc_nature.txt")))
        self.loc_suffix_re = re.compile(trie_pattern(read_words(data_dir / "entity_loc_suffixes.txt")))
        self.site_after_place_re = re.compile(
            trie_pattern(read_words(data_dir / "entity_site_after_place.txt")))
        self.loc_more_re = re.compile(LOC_MORE)
        self.not_loc = set(read_words(data_dir / "entity_not_loc.txt"))
        self.not_place_final = set("".join(read_words(data_dir / "entity_not_place_final.txt")))
        self.abbr = {r[0]: r[1] for r in read_list(data_dir / "gazetteer_abbreviations.txt")}
        contexts = read_tagged(data_dir / "entity_abbreviation_contexts.txt")
        chars = re.escape("".join(self.abbr))
        after = trie_pattern(contexts.get("after_pair", []))
        self.abbr_pair_re = re.compile(f"[{chars}]{{2,3}}(?={after})")  # 中美 + 两国
        self.abbr_after_re = re.compile(f"(?:{after}|方|军|籍|侨)")
        self.abbr_side_re = re.compile(f"(?=[{chars}]方)")  # 中方, 美方
        # 中老边境, 中缅边境: one LOC (China's neighbours by their one-character names too)
        self.border_re = re.compile(f"[{chars}{NEIGHBOURS}]{{2}}边境(?:线|地区)?")
        self.abbr_word_re = re.compile(  # 访华, 来华 (not 华盛顿)
            f"(?:{trie_pattern(contexts.get('word', []))})(?!盛顿|沙|东|南|北|西|中|山|夏)")

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
                out.append(Candidate(_lake_part(text, m.start(), m.group()),
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
                if tm and self.proper_name(tm.group()[:-1].removesuffix("街")):
                    out.append(Candidate(e, tm.end(), "GPE",
                                         (normalized or name) + tm.group(), "rule:town", SOFT))
        return out

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
        starts = [(_lake_part(text, m.start(), m.group()), m.end()) for m in self.loc_re.finditer(text)]
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
            pm = PORT.match(text, p)
            if pm:
                out.append(Candidate(begin, pm.end(), "LOC", None, "rule:port", SURE))
        return out

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

    def _listed_water(self, text: str, b: int, e: int) -> bool:
        """Return True when ``text[b:e]`` may be a river or lake's name (资水; not 江河, 这条河)."""
        name = text[b:e]
        return 2 <= len(name) <= 3 and name[-1] in LISTED_WATER_END and \
            self.proper_name(name) and not set(name) & NOT_LOC_CHARS and \
            name not in self.not_loc and not self.gaz.divisions(name)

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

    def _division_not_river(self, name: str) -> bool:
        """Return True when ``name`` before a river's banks is a division and not the river: a
        full name or a province's or city's short form (湘潭 + 沿线); a county's short form
        there is the river it was named after (桃江 + 沿岸, 锦江 + 落水, 沙河 + 河道)."""
        return bool(self.gaz.divisions(name)) and (
            name in self.gaz.by_name or name in self.gaz.high_short or name[-1] not in "江河湖溪")

    def _city_and_site(self, text: str, b: int, p: int, e: int, one_word: bool = False) -> list[Candidate]:
        """Return the LOC ``text[b:e]``, or a city or province it begins with as a GPE and the
        site after it (issue 15): 泉州东湖公园 → 泉州 + 东湖公园, 嘉善西塘古镇 → 嘉善 + 西塘古镇;
        a name pkuseg keeps as ``one_word`` stays whole (天涯海角 + 景区: 天涯 is no county here)."""
        m = self.gaz.pattern.match(text, b)
        if m and not one_word and p - m.end() >= 2 and (m.group() in self.gaz.by_name or m.group() in self.gaz.high_short
                                       or m.group() in self.gaz.county_short):
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
            out += [Candidate(m.start(), m.end(), "LOC", None, "rule:border", SOFT)
                    for m in self.border_re.finditer(text)]
        for m in self.abbr_word_re.finditer(text):
            k = m.start() + m.group().index("华")
            out.append(Candidate(k, k + 1, "GPE", self.abbr["华"], "rule:abbreviation", SOFT))
        return out


def _highway_site(text: str, s: int, e: int) -> int:
    """Return the end of a highway ``text[s:e]`` with the service area or toll station named
    right after it (沪昆高速 + 德安服务区), else ``e``."""
    if "高速" not in text[s:e]:
        return e
    m = HIGHWAY_SITE.match(text, e)
    return m.end() if m and not set(m.group(1)) & NOT_SECTION else e


def _starts_a_name(text: str, s: int, places: list[tuple[int, int]]) -> bool:
    """Return True when a name may start at ``s``: after a mark, a preposition or another
    place (九江 + 长江大桥), not inside a word (大名府 + 故城)."""
    return s == 0 or text[s - 1] in PORT_BEFORE or text[s - 1] in NOT_LOC_FIRST or \
        not re.match(f"[{CJK}]", text[s - 1]) or any(pe == s for _, pe in places)


def _lake_part(text: str, s: int, name: str) -> int:
    """Return the start of a lake's name with the part of the lake written before it (issue 15):
    东 + 洞庭湖, 西 + 洞庭湖 are one LOC (a direction alone, after a break or a preposition)."""
    if s >= 1 and name.endswith("湖") and len(name) >= 3 and text[s - 1] in "东西南北" and (
            s == 1 or text[s - 2] in PORT_BEFORE):
        return s - 1
    return s


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


NUMERALS = set("一二三四五六七八九十百千两")


def _numbered_name(name: str) -> set[str]:
    """Return the numerals that may stand in a site's name of three or more characters that
    starts with its only numeral and counts nothing (七里山 + 码头; 八一 + 广场 is too short),
    else no character: 六路, 一条路, 第三码头, 两个公园, 两江四 + 湖 stay descriptions."""
    if len(name) >= 3 and name[0] in NUMERALS and not set(name[1:]) & NUMERALS and \
            not set(name) & set("第个条座处只家号名批次年月日"):
        return NUMERALS
    return set()
