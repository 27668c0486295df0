"""ORG rules: the grammar place + organ (+ sub-units), bodies named without a place, and
anonymised companies.

镇江市公安局, 长航公安局镇江分局, 河北区检察院第四检察部, 江苏省苏州市高新区公安分局浒墅关派出所,
中央纪委国家监委, 浙江某科技有限公司. The grammar runs anchored on organ words (few per sentence)
and looks back for the places the gazetteer scan found: much faster than one big regex tried at
every character. Word lists: ``entity_org_*``, ``entity_not_org.txt``,
``entity_place_modifiers.txt``, ``entity_company_suffixes.txt``.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...lexicon import read_tagged, read_words, trie_pattern
from .candidate import CJK, SOFT, SURE, Candidate

# 第一 in 上海市第一中级人民法院, 第四 in 第四检察部.
ORDINAL = r"第[一二三四五六七八九十\d]{1,3}"
# 第八届, 十三届: the session before a congress.
SESSION = r"第?[一二三四五六七八九十\d０-９]{1,3}届"
# Municipalities keep their name inside the ORG (天津市河北区人民法院): 北京 天津 上海 重庆.
MUNICIPALITY_CODES = ("11", "12", "31", "50")
# Level words that open a place-less organ (市 + 扫黑办, 自治区 + 公安厅).
LEVELS = ("自治区", "省", "市", "县", "区", "州", "镇", "乡", "旗")
# Characters that may not stand inside the name of a place-less organ (市民向公安局: a phrase).
NOT_IN_RELATIVE = set("的在向对与和了是将把被等到从为及也都并还就又说称两级，。、；：")
# A level character that starts a common word is not a level word: 区域, 市场, 县城, 市民.
LEVEL_WORDS = ("区域", "市场", "县城", "市民", "省份", "市区", "县区", "市县", "乡镇", "镇村",
               "州市", "区县", "市级", "县级", "区级", "省级")
# A head that starts a common word is no organ's end: 市局面, 县局势 (but 市局 + 会同 is the bureau).
HEAD_WORDS = ("局面", "局势", "局部", "局限")
# A town (and village) organ after its county is one ORG (issue 15): 金寨县 + 梅山镇党委,
# 舒城县 + 杭埠镇三河村党总支.
TOWN_ORG = re.compile(f"[{CJK}]{{2,3}}?(?:镇|乡|街道)(?:[{CJK}]{{2,3}}?村)?"
                      "(?:党委|党总支|党支部|人民政府|政府|村委会|纪委|村民委员会)")
# Characters that end a phrase, not a name (我们的, 群众与).
NOT_NAME_FINAL = "的与及在了是为对将把被向各该"  # 从各 + 分局


# A count of units before their organs (两县检察院, 三区法院): several bodies, no one ORG (issue 15).
SEVERAL_UNITS = re.compile("[两三四五六七八九十几多各][县市区旗](?![镇乡街村])")
# A website in a byline or dateline: 杭州网 + 记者, 大江网 + 讯.
SITE_BYLINE = re.compile("网(?=记者|讯(?!息)|消息|报道|通讯员|评论员|客户端)")
# Determiners before an organ word: 各分局, 该局 name no particular body.
DETERMINERS = "各该本全每诸其"
# Verbs of joint action between two bodies (…刑侦大队联合宁平派出所: two ORGs, issue 15).
JOINT_VERBS = ("联合", "会同", "协同", "配合", "指导", "督促", "组织", "协助")
# The outlet of a dateline at the start of a lead or in 【】 (issue 15): 【香江时报讯】,
# 冰城法治在线讯（记者…）, 塞上法治网讯 8月20日 (not 本报讯, 快讯).
DATELINE_OUTLET = re.compile(f"(?:^|(?<=[【\\[〔]))([{CJK}]{{2,10}}?)讯(?=[】\\]〕（(\\s]|[0-9０-９])")
NOT_OUTLET_START = ("本", "据", "快", "简", "通", "综合")
NOT_IN_OUTLET = set("的了是和与及从向对把被将也都就说称")

# Prepositions that open a clause before an outlet's name (据 + 大理法治网 + 报道).
NOT_OUTLET_LEAD = set("据在从由向对与和及将把被经")


# A party committee named by its level alone (围绕市委中心工作) and the titles that make the
# word part of a person's title instead (市委书记, 县委常委).
PARTY_COMMITTEES = ("省委", "市委", "县委", "区委")
COMMITTEE_TITLES = ("书记", "副书记", "常委", "委员", "领导", "班子", "主要")


def _party_committee(text: str, s: int, e: int) -> bool:
    """Return True when ``s:e`` is a party committee named by its level (县委 + 部署, 围绕 + 市委),
    not the start of a title (市委书记, 县委常委)."""
    return text[s:e] in PARTY_COMMITTEES and not text.startswith(COMMITTEE_TITLES, e)


class OrgRules:
    """The ORG half of ``Rules`` (a mixin: ``Rules`` builds the gazetteer and the other halves)."""

    def _compile_org(self, data_dir: Path) -> None:
        """Compile the ORG grammar from the organ, sub-unit and name lists."""
        gaz = self.gaz
        organs = read_tagged(data_dir / "entity_org_organs.txt")
        organs_any = organs.get("any", [])  # 分局: also after an unknown name (皇姑分局)
        organs = [w for tag, words in organs.items() if tag != "any" for w in words]
        subunits = read_tagged(data_dir / "entity_org_subunits.txt")
        subunits_any = subunits.get("any", [])
        subunits = [w for tag, words in subunits.items() if tag != "any" for w in words]
        self.not_org = set(read_words(data_dir / "entity_not_org.txt"))
        self.modifiers = set(read_words(data_dir / "entity_place_modifiers.txt"))
        self.org_not_after = tuple(read_words(data_dir / "entity_org_not_after.txt"))
        self.org_heads = tuple(read_words(data_dir / "entity_org_heads.txt"))
        # 领导小组, 大队: unit heads that need a place or an organ before them.
        self.generic_heads = tuple(read_words(data_dir / "entity_org_generic_heads.txt"))
        self.relative_prefixes = tuple(read_words(data_dir / "entity_org_relative.txt"))
        # 市公安局, 该区交管支队: an organ after a place-less prefix.
        heads = read_words(data_dir / "entity_org_relative_heads.txt")
        # 市 + 扫黑办, 县 + 禁毒委员会办公室, 区委 + 政法委: a place-less organ (issue 15).
        self.relative_org_re = re.compile(
            f"(?:{trie_pattern(LEVELS)})([{CJK}]{{0,8}}?)(?:{trie_pattern(heads + organs)})"
            f"(?:(?<=委)员会(?:办公室)?|(?:纪委)?监委|政法委|政府)?")
        self.relative_before = tuple(read_words(data_dir / "entity_org_relative_before.txt"))
        self.gang_words = tuple(read_words(data_dir / "entity_gang_words.txt"))
        self.media_re = re.compile(trie_pattern(read_words(data_dir / "entity_org_media.txt")))
        shops = read_tagged(data_dir / "entity_org_shops.txt")
        self.shop_before = tuple(shops.get("before", []))
        self.shop_head_re = re.compile(f"(?<=[{CJK}])(?:{trie_pattern(shops.get('head', []))})")
        self.shop_quoted_re = re.compile(
            f"“(?P<n>[^“”，。]{{2,12}})”(?=的?(?:{trie_pattern(shops.get('noun', []))}))")
        self.media_suffix_re = re.compile(
            trie_pattern(read_words(data_dir / "entity_org_media_suffixes.txt")))
        self.org_relative = re.compile(
            f"(?:{trie_pattern(self.relative_prefixes)})"
            f"(?:{trie_pattern(organs + organs_any + subunits)})")
        self.organ_re = re.compile(trie_pattern(organs + organs_any))
        self.organ_end_re = re.compile(f"(?:{trie_pattern(organs + organs_any + ['警方', '检方'])})$")
        self.organs_any = set(organs_any)
        self.org_names_re = re.compile(trie_pattern(read_words(data_dir / "entity_org_names.txt")))
        self.session_re = re.compile(SESSION)
        self.ordinal_before_re = re.compile(ORDINAL)
        companies = trie_pattern(read_words(data_dir / "entity_company_suffixes.txt"))
        self.company_re = re.compile(f"某[{CJK}]{{0,10}}?(?:{companies})")
        # Sub-units after an ORG: 党委 | 第四检察部 | 镇江分局 (a place + an any-name sub-unit).
        place = f"(?:{gaz.place_pattern}|{trie_pattern(gaz.county_short)})"
        sub = (f"(?:{trie_pattern(subunits)}|{ORDINAL}{trie_pattern(subunits + subunits_any)}"
               f"|{place}(?:{trie_pattern(subunits_any)}))")
        self.sub_re = re.compile(f"(?:{sub})+")
        # 浒墅关派出所: an unknown 2-4 character name before an any-name sub-unit.
        self.any_sub_re = re.compile(f"([{CJK}]{{2,4}}?)(?:{trie_pattern(subunits_any)})")
        # A leading province is a GPE of its own before a lower place (辽宁省|沈阳市公安局);
        # municipalities stay (天津市河北区人民法院).
        provinces = {name for name, divs in list(gaz.by_name.items()) + list(gaz.short_of.items())
                     if any(d.level == "province" and d.code[:2] not in MUNICIPALITY_CODES
                            for d in divs)}
        self.province_re = re.compile(trie_pattern(provinces))

    def org_candidates(self, text: str, bounds: set[int] | None = None,
                       places: list[tuple[int, int]] | None = None) -> list[Candidate]:
        """Return place + organ (+ sub-units) ORGs, named central organs and unknown-name units."""
        if places is None:
            places = self.scan_places(text)
        start_of = {e: s for s, e in places if text[s:e] not in self.gaz.needs_parent}
        chained = {e: s for s, e in places}  # 阳泉市 + 城区: a parent makes any name a place
        out = self._named_orgs(text, bounds, start_of)
        for m in self.organ_re.finditer(text):
            if not any(c.start <= m.start() < c.end for c in out):
                found = self._organ_org(text, m, bounds, start_of, chained)
                if found is not None:
                    out.append(found)
        for s_, e_ in places:  # 金寨县 + 梅山镇党委
            m = TOWN_ORG.match(text, e_)
            if m and any(d.level == "county" for d in self.gaz.by_name.get(text[s_:e_], [])) \
                    and not any(c.start <= e_ < c.end for c in out):
                out.append(Candidate(_first_of_chain(s_, chained, text, self.gaz), m.end(), "ORG",
                                     None, "rule:org", SURE))
        for s_, e_ in places:  # 浙江 + 某科技有限公司: an anonymised company
            m = self.company_re.match(text, e_)
            if m and not any(c.start <= e_ < c.end for c in out):
                out.append(Candidate(s_, m.end(), "ORG", None, "rule:company", SOFT))
        self._drop_leading_verb(text, out)
        out += self.relative_orgs(text, out)
        out += self.media_orgs(text, out)
        out += self.shop_orgs(text, out)
        for c in out:  # 第八届全国人民代表大会, 十三届全国人大常委会
            m = self.session_re.search(text, max(0, c.start - 5), c.start)
            if m and m.end() == c.start:
                c.start = m.start()
        return out

    def _drop_leading_verb(self, text: str, found: list[Candidate]) -> None:
        """Start an ORG after a verb that is also a county's name (issue 15): 该局会同 +
        白云区公安分局, 大名警方会同 + 县市场监管局 (a place-less organ then), ，会同 +
        三市派出所. 会同县 at the start of a clause or after its province or city stays the county
        (会同县公安局, 湖南省 + 会同县公安局)."""
        for c in found:
            w = next((w for w in self.relative_before if len(w) >= 2
                      and text.startswith(w, c.start)), None)
            if w is None or c.end - c.start <= len(w) + 1:
                continue
            mid_clause = c.start > 0 and re.match(f"[{CJK}]", text[c.start - 1]) and not (
                _after_parent_unit(text, c.start) and text.startswith(w + "县", c.start))
            if mid_clause or not text.startswith(w + "县", c.start):
                c.start += len(w)
                if text.startswith(LEVELS, c.start):
                    c.source = "rule:org_relative"
                elif self.organ_re.fullmatch(text, c.start, c.end) or text[c.start] in DETERMINERS:
                    c.end = c.start  # 会同 + 公安、工商部门, 联合 + 各分局: no particular body
        found[:] = [c for c in found if c.end > c.start]

    def relative_orgs(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """Return organs written with a level word but no place (issue 15): 市扫黑办, 区委政法委,
        县禁毒委员会办公室, 联合 + 市中级人民法院. ``normalized`` is filled by the stage with the
        article's unit (``rule:org_relative``). The span ends with the organ: 市扫黑办 | 联合."""
        out: list[Candidate] = []
        for m in self.relative_org_re.finditer(text):
            s = m.start()
            if s and re.match(f"[{CJK}]", text[s - 1]) and not text.endswith(
                    self.relative_before, 0, s):
                continue  # 全市, 城区, 超市: the level word ends another word
            if text.startswith(LEVEL_WORDS, s) or set(m.group(1)) & NOT_IN_RELATIVE or any(
                    c.start <= s < c.end for c in found):
                continue
            e = self.extend_org(text, self._any_organ_end(text, m.end()))
            if text.startswith(HEAD_WORDS, e - 1):
                continue  # 市局面: 局 starts 局面
            if _party_committee(text, s, e):
                out.append(Candidate(s, e, "ORG", None, "rule:org_relative", SURE))
                continue  # 围绕 + 市委 + 中心工作 (not 市委书记: a title)
            if text[s:e] in self.not_org or not self._good_org(text, s, e) or \
                    text.startswith("机关", e):
                continue  # 市公安局机关: the bureau's own staff, not the body
            out.append(Candidate(s, e, "ORG", None, "rule:org_relative", SURE))
        return out

    def _any_organ_end(self, text: str, end: int) -> int:
        """Return the end of an organ that only follows a name (分局) right after a place-less
        公安 at ``end``: 区公安 + 分局 is one body (区公安分局), not 区公安 and a stray 分局."""
        if text.endswith("公安", 0, end):
            m = self.organ_re.match(text, end)
            if m and text[end:m.end()] in self.organs_any:
                return m.end()
        return end

    def media_orgs(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """Return news outlets, websites and platforms (澎湃新闻, 人民网, 微信, 支付宝) and
        newspapers by their suffix (潇湘晨报, 四川日报): ORG, never GPE (issue 15)."""
        out = [Candidate(m.start(), m.end(), "ORG", None, "rule:media", SURE)
               for m in self.media_re.finditer(text)]
        for m in self.media_suffix_re.finditer(text):
            for b in range(max(0, m.start() - 4), m.start() - 1):
                name = text[b:m.start()]
                if not re.fullmatch(f"[{CJK}]+", name):
                    continue
                if name[0] in NOT_OUTLET_LEAD and not self.gaz.divisions(name):
                    continue  # 据 + 大理法治网: the preposition is no part of the name
                if b == 0 or not re.match(f"[{CJK}]", text[b - 1]) or self.gaz.divisions(name):
                    out.append(Candidate(b, m.end(), "ORG", None, "rule:media", SURE))
                    break
        if "网" in text:
            out += self._site_bylines(text)
        if "讯" in text:
            for m in DATELINE_OUTLET.finditer(text):
                name = m.group(1)
                if not (name.startswith(NOT_OUTLET_START) or set(name) & NOT_IN_OUTLET
                        or name in self.not_org):
                    out.append(Candidate(m.start(1), m.end(1), "ORG", None, "rule:media", SURE))
        return [c for c in out if not any(f.start < c.end and c.start < f.end for f in found)]

    def shop_orgs(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """Return shops named by their brand (ORG, like hotels): a quoted name before 的 + a shop
        noun (一家名为“老街烧烤”的店), or a name of 3-6 characters + a shop head after a word that
        opens it (在辖区 + 东来顺饭庄, 一家 + 广丰副食店: a place's name and a head of three; not 一家 + 高档饭店),
        or a name led by a place after 的
        (路上的 + 浑源凉粉馆)."""
        out = []
        if "“" in text:
            for m in self.shop_quoted_re.finditer(text):
                if m.group("n") not in self.not_org:
                    out.append(Candidate(m.start("n"), m.end("n"), "ORG", None, "rule:shop", SOFT))
        for m in self.shop_head_re.finditer(text):
            shortest = 2 if m.end() - m.start() >= 3 else 3  # 一家 + 广丰 + 副食店: a long head
            b = next((b for b in range(max(0, m.start() - 6), m.start() - shortest + 1)
                      if (text.endswith(self.shop_before, 0, b) or (
                          text.endswith("的", 0, b) and self.gaz.pattern.match(text, b)))
                      and not any(w in text[b:m.start()] for w in self.shop_before)
                      and re.fullmatch(f"[{CJK}]+", text[b:m.start()])
                      and (m.start() - b >= 3 or self.gaz.pattern.fullmatch(text, b, m.start()))
                      and not set(text[b:m.start()]) & COUNT_CHARS
                      and self.proper_name(text[b:m.start()])), None)
            if b is not None:
                out.append(Candidate(b, m.end(), "ORG", None, "rule:shop", SOFT))
        return [c for c in out if not any(f.start < c.end and c.start < f.end for f in found)]

    def _site_bylines(self, text: str) -> list[Candidate]:
        """Return news websites named in a byline or a dateline (issue 15): a place or a name
        after a mark + 网 + 记者/讯/消息 (杭州网记者, 【大江网讯】) is an ORG, never a GPE."""
        out = []
        for m in SITE_BYLINE.finditer(text):
            p = m.start()
            names = [b for b in range(max(0, p - 4), p - 1) if re.fullmatch(f"[{CJK}]+", text[b:p])
                     and not set(text[b:p]) & set("在于和与的了是从上据")]
            b = next((b for b in names if self.gaz.divisions(text[b:p])), None)  # 杭州 + 网
            if b is None:  # 【大江 + 网讯】: a name after a mark
                b = next((b for b in names if b == 0 or not re.match(f"[{CJK}]", text[b - 1])), None)
            if b is not None:
                out.append(Candidate(b, p + 1, "ORG", None, "rule:media", SURE))
        return out

    def _named_orgs(self, text: str, bounds: set[int] | None,
                    start_of: dict[int, int]) -> list[Candidate]:
        """Return the bodies named without a place (公安部刑侦局), with a place before if any
        (美国 + 司法部)."""
        out = []
        for m in self.org_names_re.finditer(text):
            if bounds is not None and m.end() not in bounds:
                continue  # 公安部门 is not 公安部
            e = self.extend_org(text, m.end())
            begin = start_of.get(m.start(), m.start())
            if self._good_org(text, begin, e):
                out.append(Candidate(begin, e, "ORG", None, "rule:org", SURE))
        return out

    def _organ_org(self, text: str, m: re.Match, bounds: set[int] | None,
                   start_of: dict[int, int], chained: dict[int, int]) -> Candidate | None:
        """Return the ORG an organ word at ``m`` heads: the places before it + the organ +
        the sub-units after it, or None without a place (市公安局)."""
        p = m.start()
        at = p
        om = self.ordinal_before_re.search(text, max(0, p - 5), p)
        if om and om.end() == p:  # 上海市 + 第一 + 中级人民法院
            at = om.start()
        for zone in self.zones:  # 苏州市 + 高新区 + 公安分局
            if text.endswith(zone, 0, at) and (at - len(zone)) in start_of:
                at -= len(zone)
                break
        begin = start_of.get(at)
        if begin is None and text[p] in "省市区县州旗" and (p + 1) in start_of:
            begin = start_of[p + 1]  # 镇江市 + 市委 share the 市: 镇江市委
        if begin is not None:
            begin = _first_of_chain(begin, chained, text, self.gaz)
        elif m.group() in self.organs_any:
            begin = self._name_before(text, p, bounds)
            if begin is not None and begin in start_of:  # 南山区 + 粤海 + 街道办事处
                at = begin
                begin = _first_of_chain(start_of[begin], chained, text, self.gaz)
            elif begin is not None:  # 洞庭湖 + 水上派出所: the lake or river the unit is named by
                begin = next((k for k in range(max(0, begin - 5), begin - 1)
                              if self.loc_re.fullmatch(text, k, begin)), begin)
        if begin is None:
            return None
        e = self.extend_org(text, m.end())
        if not self._good_org(text, begin, e):
            return None
        # A leading province is a GPE of its own before a lower place (辽宁省|沈阳市公安局).
        pm = self.province_re.match(text, begin)
        fixed = False
        if pm and pm.end() < at and pm.end() in chained.values():
            begin, fixed = pm.end(), True
        return Candidate(begin, e, "ORG", None, "rule:org", SURE, fixed_left=fixed)

    def _good_org(self, text: str, s: int, e: int) -> bool:
        """Return False for a span that is not an ORG in its context (镇江市公安 + 机关, 平安 +
        镇江…, 公安部 + 门)."""
        span = text[s:e]
        if span in self.not_org:
            return False
        if span.endswith(("公安", "警方", "检方", "消防")) and text.startswith(self.org_not_after, e):
            return False
        if s >= 2 and text[s - 2:s] in self.campaign:
            return False
        if several_units(span, self):
            return False  # 叙永、古蔺 + 两县检察院: the organs of several counties, no one body
        if span.endswith("检察") and re.match(f"[{CJK}]", text[e:e + 1]):
            return False  # 顺庆检察） is a name; 顺庆检察官, 顺庆检察工作 are not
        if span.endswith("部") and text.startswith(("门", "署", "分"), e):
            return False  # 公安部门, 部署: the word goes on
        return True

    def _name_before(self, text: str, at: int, bounds: set[int] | None) -> int | None:
        """Return where a 2-4 character proper name ending at ``at`` starts, or None (none
        after a determiner: 联合 + 各 + 分局)."""
        if at and text[at - 1] in DETERMINERS:
            return None
        for begin in range(at - 2, max(at - 5, -1), -1):
            if begin < 0:
                break
            name = text[begin:at]
            if not re.fullmatch(f"[{CJK}]+", name):
                return None
            if bounds is not None and begin not in bounds:
                continue
            if not self.proper_name(name):
                return None
            return begin
        return None

    def proper_name(self, name: str) -> bool:
        """Return True when ``name`` may be a proper name before an organ, a road or a town:
        not a modifier (基层, 各级), a phrase (…的) or a title (局长)."""
        if name in self.modifiers or name[-1] in NOT_NAME_FINAL or any(
                name.endswith(mod) for mod in self.modifiers if len(mod) >= 2):
            return False
        if self.title_re.search(name) or name in self.not_org:
            return False
        return True

    def extend_org(self, text: str, end: int) -> int:
        """Return the end of the sub-units after an ORG ending at ``end`` (党委, 浒墅关派出所);
        a verb of joint action starts a second body, no sub-unit (刑侦大队 + 联合宁平派出所)."""
        while True:
            m = self.sub_re.match(text, end)
            if m:
                end = m.end()
                continue
            m = self.any_sub_re.match(text, end)
            if m and self.proper_name(m.group(1)) and not m.group(1).startswith(JOINT_VERBS):
                end = m.end()
                continue
            return end


def _first_of_chain(begin: int, chained: dict[int, int], text: str = "", gaz=None) -> int:
    """Return the start of the chain of places ending at ``begin`` (江苏省 + 镇江市 + 丹阳市).

    A county before a higher unit is not part of its chain but a word of the sentence: 会同
    (会同县) + 遵义市公安局 is 会同 "together with" + the ORG."""
    while begin in chained and chained[begin] < begin:
        if gaz is not None and _county_before_higher(text, chained[begin], begin, gaz):
            break
        begin = chained[begin]
    return begin


def _county_before_higher(text: str, s: int, e: int, gaz) -> bool:
    """Return True when the place ``text[s:e]`` is only a county and the place after it is not
    under it (会同 + 遵义市)."""
    before = gaz.divisions(text[s:e])
    if not before or any(d.level != "county" for d in before):
        return False
    after = next((gaz.divisions(text[e:k]) for k in range(e + 2, min(len(text), e + 8) + 1)
                  if gaz.divisions(text[e:k])), [])
    return any(d.level in ("province", "city") for d in after)


def several_units(span: str, rules) -> bool:
    """Return True when an ORG span counts the units whose organs it names after a place
    (古蔺 + 两县检察院, 务川 + 三县检察院): several bodies; not a name that starts with a
    numeral (三市镇司法所, 会同 + 三市派出所)."""
    m = SEVERAL_UNITS.search(span, 2)
    return m is not None and rules.gaz.pattern.fullmatch(span, 0, m.start()) is not None and \
        span[:m.start()] not in rules.relative_before


# Characters of a count that no shop's name holds: 县城 + 一 + 副食店 is "a shop in town".
COUNT_CHARS = set("一二两三四五几个家间处座")


def _after_parent_unit(text: str, at: int) -> bool:
    """Return True when a province or city name ends right before ``at`` (湖南省 + 会同县公安局,
    怀化市 + 会同县), not a demonstrative unit (该市 + 会同: the verb)."""
    return at >= 3 and text[at - 1] in "省市州" and text[at - 2] not in "该本全我各"
