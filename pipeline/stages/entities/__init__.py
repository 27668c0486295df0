"""The entity stage: domain rules for legal news combined with fazhi's statistical NER model.

``EntityTagger`` appends ``EntitySpan``s (clean coordinates, flat, non-overlapping, sorted) to
``doc.entities``. How the two sources combine (see docs/entities.md):

1. Sure rules first: byline names (PERSON, role), titles in 《》 (LAW), offence names from
   the official list of charges (CRIME), calendar and relative dates (DATE), and the ORG
   grammar place + organ (+ sub-units): 镇江市公安局, 长航公安局镇江分局, 河北区检察院第四检察部.
   Among themselves the longest span wins.
2. Then the model's PERSON/ORG/GPE/LOC spans and the softer rules (gazetteer GPE, anonymised
   people 张某某/吴先生, names after a title, roads) compete, longest first. A candidate that
   overlaps a span already taken is dropped, unless it strictly contains it and may nest it
   (an ORG may swallow a GPE or ORG, a GPE or LOC may swallow a GPE): the longest correct span
   wins. A model span never swallows a sure span except by adding sub-units on its right.
3. Vetoes on the model: generic phrases (公安机关, 警方) and place-less organs (市公安局) are
   never ORG; a model ORG that runs into the rules' spans must end like an ORG (局, 院, 公司…);
   spans across a clause, inside campaign names (平安镇江) or ending like a common word are
   dropped. Weak rules (roads, 林先生) yield to a model PERSON they cut through.
4. A name introduced by a byline or a title is tagged again where it recurs.

Every list lives in ``pipeline/data`` (``entity_*``, ``gazetteer_*``); rules run per sentence
with regular expressions compiled once from those lists (tries, not alternations over
thousands of words), never per token over big lists.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ...dates import DATE_FIRST, DATE_PATTERN, _anchor_day, normalize_date
from ...document import Document, EntitySpan
from ...lexicon import DATA_DIR, read_list, read_words, trie_pattern
from ...ner.component import char_span_component
from ...places import ZONE_PATTERN, ZONES, Division, Gazetteer, _parent_of

SURE = 3  # byline, LAW, CRIME, DATE, ORG grammar
SOFT = 2  # gazetteer, anonymised and titled persons
MODEL = 1

# Which labels a longer span may swallow when it strictly contains them.
NESTS = {
    "ORG": {"GPE", "ORG", "LOC"},
    "GPE": {"GPE"},
    "LOC": {"GPE", "LOC"},
    "PERSON": set(),
}
MODEL_LABELS = {"PERSON", "ORG", "GPE", "LOC"}
WEAK_RULES = {"rule:loc", "rule:anonymised", "rule:town", "rule:zone"}
# A LAW span is the title inside 《》, without the marks (as in the seed gold).
LAW_WITH_BRACKETS = False
CJK = "\u4e00-\u9fff\u3400-\u4dbf"
CLAUSE_BREAKS = set("，。；：！？“”‘’（）()《》【】「」\n\r\t 　□■●◆,;:!?\"'")


@dataclass
class Candidate:
    start: int  # sentence-relative
    end: int
    label: str
    normalized: str | None
    source: str
    tier: int
    text_end: str = ""  # the last characters of the span (for the ORG head check)
    fixed_left: bool = False  # an ORG whose province was split off on purpose (辽宁省|沈阳市…)

    @property
    def length(self) -> int:
        return self.end - self.start


class Rules:
    """The compiled rules, built once from the data files."""

    def __init__(self, data_dir: Path = DATA_DIR):
        self.gaz = gaz = Gazetteer(data_dir)
        place = gaz.place_pattern
        county_short = trie_pattern(gaz.county_short)

        # ORG grammar ---------------------------------------------------------------------
        organs, organs_any = [], []
        for row in read_list(data_dir / "entity_org_organs.txt"):
            (organs_any if len(row) > 1 and row[1] == "any" else organs).append(row[0])
        subunits, subunits_any = [], []
        for row in read_list(data_dir / "entity_org_subunits.txt"):
            (subunits_any if len(row) > 1 and row[1] == "any" else subunits).append(row[0])
        self.org_names = set(read_words(data_dir / "entity_org_names.txt"))
        self.not_org = set(read_words(data_dir / "entity_not_org.txt"))
        self.modifiers = set(read_words(data_dir / "entity_place_modifiers.txt"))
        self.org_not_after = tuple(read_words(data_dir / "entity_org_not_after.txt"))
        self.org_heads = tuple(read_words(data_dir / "entity_org_heads.txt"))
        self.relative_prefixes = tuple(read_words(data_dir / "entity_org_relative.txt"))
        self.not_place_final = set("".join(read_words(data_dir / "entity_not_place_final.txt")))
        self.org_relative = re.compile(
            f"(?:{trie_pattern(read_words(data_dir / 'entity_org_relative.txt'))})"
            f"(?:{trie_pattern(organs + organs_any + subunits)})")
        organ = trie_pattern(organs + organs_any)
        self.zone = ZONE_PATTERN
        ordinal = r"第[一二三四五六七八九十\d]{1,3}"
        sub = (f"(?:{trie_pattern(subunits)}|{ordinal}{trie_pattern(subunits + subunits_any)}"
               f"|(?:{place}|{county_short})(?:{trie_pattern(subunits_any)}))")
        # The ORG grammar (镇江市公安局, 江苏省苏州市高新区公安分局, 长航公安局镇江分局) runs
        # anchored on organ words (few per sentence) and looks back for the places the
        # gazetteer scan found: much faster than one big regex tried at every character.
        self.organ_re = re.compile(organ)
        self.session_re = re.compile(r"第?[一二三四五六七八九十\d０-９]{1,3}届")
        companies = trie_pattern(read_words(data_dir / "entity_company_suffixes.txt"))
        self.company_re = re.compile(f"某[{CJK}]{{0,10}}?(?:{companies})")
        self.ordinal_before_re = re.compile(r"第[一二三四五六七八九十\d]{1,3}")
        self.organs_any = set(organs_any)
        self.org_names_re = re.compile(trie_pattern(self.org_names))
        self.zones = ZONES
        # 皇姑分局, 大旺公安分局, 浙川检方: an unknown name before an organ that takes any name.
        self.any_organ_re = re.compile(f"(?:{trie_pattern(organs_any)})")
        self.sub_re = re.compile(f"(?:{sub})+")
        self.any_sub_re = re.compile(f"([{CJK}]{{2,4}}?)(?:{trie_pattern(subunits_any)})")
        # A leading province is a GPE of its own before a lower place (辽宁省|沈阳市公安局);
        # municipalities stay (天津市河北区人民法院).
        provinces = set()
        for name, divs in list(gaz.by_name.items()) + list(gaz.short_of.items()):
            if any(d.level == "province" and d.code[:2] not in ("11", "12", "31", "50") for d in divs):
                provinces.add(name)
        self.province_re = re.compile(trie_pattern(provinces))

        # GPE extras --------------------------------------------------------------------------
        self.campaign = tuple(read_words(data_dir / "gazetteer_campaign_prefixes.txt"))
        self.generic_heads = tuple(read_words(data_dir / "entity_org_generic_heads.txt"))
        self.zone_re = re.compile(self.zone)
        self.town_re = re.compile(f"[{CJK}]{{2,3}}?(?:镇|乡|街道)(?![{CJK}]*(?:派出所|政府|党委))")
        self.loc_re = re.compile(trie_pattern(read_words(data_dir / "gazetteer_loc.txt")))
        self.abbr = {r[0]: r[1] for r in read_list(data_dir / "gazetteer_abbreviations.txt")}
        ctx = read_list(data_dir / "entity_abbreviation_contexts.txt")
        chars = re.escape("".join(self.abbr))
        after = trie_pattern(r[0] for r in ctx if r[1] == "after_pair")
        self.abbr_pair_re = re.compile(f"[{chars}]{{2,3}}(?={after})")
        self.abbr_after_re = re.compile(f"(?:{after}|方|军|籍|侨)")
        self.abbr_side_re = re.compile(f"(?=[{chars}]方)")
        self.abbr_word_re = re.compile(
            f"(?:{trie_pattern(r[0] for r in ctx if r[1] == 'word')})(?!盛顿|沙|东|南|北|西|中|山|夏)")
        self.loc_suffix_re = re.compile(trie_pattern(read_words(data_dir / "entity_loc_suffixes.txt")))
        self.loc_more_re = re.compile(r"(?:[一二三四五六七八九十\d]{1,3}(?:巷|号|弄))?(?:片区)?")
        self.not_loc = set(read_words(data_dir / "entity_not_loc.txt"))
        # A name with a numeral or a determiner in it is a description (六路, 各大公园, 之路).
        self.not_loc_chars = set("一二三四五六七八九十百千万两第各之的条个几多每该这那其")

        # LAW ---------------------------------------------------------------------------------
        self.newspapers = set(read_words(data_dir / "entity_newspapers.txt"))
        self.law_suffix_re = re.compile(
            f"(?:{trie_pattern(read_words(data_dir / 'entity_law_suffixes.txt'))})$")
        self.law_re = re.compile(r"《([^《》\n]{1,80})》")
        self.not_law_after = tuple(read_words(data_dir / "entity_not_law_after.txt"))
        self.law_tail_re = re.compile(r"[（(][^（）()]{1,12}[）)]$")

        # CRIME -------------------------------------------------------------------------------
        loose, strict = [], []
        for name in ("entity_crimes.txt", "entity_crimes_common.txt"):
            for row in read_list(data_dir / name):
                (strict if len(row) > 1 and row[1].strip() == "罪" else loose).append(row[0].strip())
        self.crime_re = re.compile(
            f"(?:{trie_pattern(loose + strict)})罪|(?:{trie_pattern(loose)})(?!罪)"
        )
        ctx = read_list(data_dir / "entity_crime_context.txt")
        self.crime_after = tuple(r[0] for r in ctx if len(r) > 1 and r[1] == "after")
        self.crime_before = tuple(r[0] for r in ctx if len(r) > 1 and r[1] == "before")

        # PERSON ------------------------------------------------------------------------------
        surnames = read_words(data_dir / "entity_surnames.txt")
        self.surnames = set(surnames)
        honor = read_list(data_dir / "entity_person_honorifics.txt")
        not_after = read_words(data_dir / "entity_not_person_after_mou.txt")
        self.anon_re = re.compile(
            f"(?:{trie_pattern(surnames)})(?:{trie_pattern(r[0] for r in honor)})"
            f"(?!{trie_pattern(not_after)})"
        )
        self.titles = read_words(data_dir / "entity_person_titles.txt")
        self.title_end_re = re.compile(f"(?:{trie_pattern(self.titles)})$")
        self.title_re = re.compile(trie_pattern(self.titles))
        followers = read_words(data_dir / "entity_person_followers.txt")
        self.not_names = set(read_words(data_dir / "entity_not_names.txt"))
        self.titled_name_re = re.compile(
            f"(?:{trie_pattern(self.titles)})"
            f"((?:{trie_pattern(surnames)})[{CJK}]{{1,2}}?)(?={trie_pattern(followers)})"
        )

        # DATE --------------------------------------------------------------------------------
        words = read_list(data_dir / "entity_date_words.txt")
        plain = [r[0] for r in words if len(r) < 2 or r[1] == "word"]
        holidays = [r[0] for r in words if len(r) > 1 and r[1] == "holiday"]
        # The lookahead on the characters a DATE can start with spares the alternation at the
        # other positions (``re`` finds no such prefix by itself behind the optional groups).
        first = "".join(sorted({w[0] for w in plain + holidays} | set(DATE_FIRST) | {"目"}))
        self.date_re = re.compile(
            f"(?=[{re.escape(first)}])(?:"
            + DATE_PATTERN
            + f"|(?P<vague>{trie_pattern(plain)}|(?<=截至)目前|(?<=截止)目前)"
            + f"|(?P<holiday>(?:{trie_pattern(holidays)})(?:期间|假期|长假|前后|前夕))"
            + ")"
        )

    # -----------------------------------------------------------------------------------------

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

    def candidates(self, text: str, tokens: list[tuple[int, int]] | None, published: date | None,
                   known_counties: set[str], context: set[str] = frozenset(),
                   places: list[tuple[int, int]] | None = None,
                   bounds: set[int] | None = None) -> list[Candidate]:
        """Return every rule candidate in one sentence (sentence-relative offsets).

        ``bounds`` (the token boundaries, ``_bounds(tokens)``) may be passed when the caller
        has them already.
        """
        if bounds is None:
            bounds = _bounds(tokens)
        if places is None:
            places = self.scan_places(text, bounds)
        out: list[Candidate] = []
        out += self.org_candidates(text, bounds, places)
        out += self.law_candidates(text)
        out += self.crime_candidates(text)
        out += self.date_candidates(text, published)
        out += self.person_candidates(text)
        out += self.gpe_candidates(text, known_counties, bounds, context, places)
        out += self.loc_candidates(text, tokens)
        out += self.abbreviation_candidates(text, tokens)
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
            more = self.loc_more_re.match(text, e)
            if more.end() > e:
                e = more.end()
            elif e not in ends:
                continue  # 广场舞
            elif m.group() in ("路", "街") and not (p >= 3 and self.gaz.divisions(text[p - 3:p])):
                # A bare 路 names a road only with a number, a lane or a place around it
                # (长江路88号, 瓦窑西路一巷); alone it is too often a figure of speech (下坡路).
                if not self._place_before_name(text, p):
                    continue
            for b in range(p - 2, max(p - 5, -1), -1):
                if b < 0 or b not in starts:
                    continue
                if not (p in starts or token_start.get(p) == b):
                    break  # 进行道路: the suffix belongs to another word
                name = text[b:p]
                if re.fullmatch(f"[{CJK}]+", name) and self._proper_name(name) and \
                        not self.gaz.divisions(name) and name not in self.not_loc and \
                        text[b:e] not in self.not_loc and not (set(name) & self.not_loc_chars):
                    out.append(Candidate(b, e, "LOC", None, "rule:loc", SOFT))
                break
        return out

    def org_candidates(self, text: str, bounds: set[int] | None = None,
                       places: list[tuple[int, int]] | None = None) -> list[Candidate]:
        """Return place + organ (+ sub-units) ORGs, named central organs and unknown-name units."""
        if places is None:
            places = self.scan_places(text)
        gaz = self.gaz
        start_of = {e: s for s, e in places if text[s:e] not in gaz.needs_parent}
        chained = {e: s for s, e in places}  # 阳泉市 + 城区: a parent makes any name a place
        out = []
        for m in self.org_names_re.finditer(text):
            if bounds is not None and m.end() not in bounds:
                continue  # 公安部门 is not 公安部
            e = self.extend_org(text, m.end())
            begin = start_of.get(m.start(), m.start())  # 美国 + 司法部
            if self._good_org(text, begin, e):
                out.append(Candidate(begin, e, "ORG", None, "rule:org", SURE))
        for m in self.organ_re.finditer(text):
            p = m.start()
            if any(c.start <= p < c.end for c in out):
                continue
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
                while begin in chained and chained[begin] < begin:
                    begin = chained[begin]
            elif m.group() in self.organs_any:
                begin = self._name_before(text, p, bounds)
                if begin is not None and begin in start_of:  # 南山区 + 粤海 + 街道办事处
                    at = begin
                    begin = start_of[begin]
                    while begin in chained and chained[begin] < begin:
                        begin = chained[begin]
            if begin is None:
                continue
            e = self.extend_org(text, m.end())
            if not self._good_org(text, begin, e):
                continue
            # A leading province is a GPE of its own before a lower place (辽宁省|沈阳市公安局).
            pm = self.province_re.match(text, begin)
            fixed = False
            if pm and pm.end() < at and pm.end() in chained.values():
                begin, fixed = pm.end(), True
            out.append(Candidate(begin, e, "ORG", None, "rule:org", SURE, fixed_left=fixed))
        for s_, e_ in places:  # 浙江 + 某科技有限公司: an anonymised company
            m = self.company_re.match(text, e_)
            if m and not any(c.start <= e_ < c.end for c in out):
                out.append(Candidate(s_, m.end(), "ORG", None, "rule:company", SOFT))
        for c in out:  # 第八届全国人民代表大会, 十三届全国人大常委会
            m = self.session_re.search(text, max(0, c.start - 5), c.start)
            if m and m.end() == c.start:
                c.start = m.start()
        return out

    def _good_org(self, text: str, s: int, e: int) -> bool:
        span = text[s:e]
        if span in self.not_org:
            return False
        if span.endswith(("公安", "警方", "检方")) and text.startswith(self.org_not_after, e):
            return False
        if s >= 2 and text[s - 2:s] in self.campaign:
            return False
        if span.endswith("部") and text.startswith(("门", "署", "分"), e):
            return False  # 公安部门, 部署: the word goes on
        return True

    def _name_before(self, text: str, at: int, bounds: set[int] | None) -> int | None:
        """Return where a 2-4 character proper name ending at ``at`` starts, or None."""
        for begin in range(at - 2, max(at - 5, -1), -1):
            if begin < 0:
                break
            name = text[begin:at]
            if not re.fullmatch(f"[{CJK}]+", name):
                return None
            if bounds is not None and begin not in bounds:
                continue
            if not self._proper_name(name):
                return None
            return begin
        return None

    def _proper_name(self, name: str) -> bool:
        if name in self.modifiers or name[-1] in "的与及在了是为对将把被向" or any(
                name.endswith(mod) for mod in self.modifiers if len(mod) >= 2):
            return False
        if self.title_re.search(name) or name in self.not_org:
            return False
        return True

    def extend_org(self, text: str, end: int) -> int:
        """Return the end of the sub-units after an ORG ending at ``end`` (党委, 浒墅关派出所)."""
        while True:
            m = self.sub_re.match(text, end)
            if m:
                end = m.end()
                continue
            m = self.any_sub_re.match(text, end)
            if m and self._proper_name(m.group(1)):
                end = m.end()
                continue
            return end

    def _place_before_name(self, text: str, p: int) -> bool:
        """Return True when a gazetteer place ends 2-4 characters before ``p`` (南京市长江路)."""
        for b in range(p - 2, max(p - 5, -1), -1):
            for k in (2, 3, 4, 5):
                if b - k >= 0 and self.gaz.divisions(text[b - k:b]):
                    return True
        return False

    def law_candidates(self, text: str) -> list[Candidate]:
        out = []
        for m in self.law_re.finditer(text):
            title = m.group(1).strip()
            if title in self.newspapers or title.endswith(("报", "杂志", "周刊", "月刊")):
                continue
            if text.startswith(self.not_law_after, m.end()):
                continue
            bare = self.law_tail_re.sub("", title)  # …意见（二）, …条例（试行）
            if not (self.law_suffix_re.search(bare) or title.startswith("中华人民共和国")):
                continue
            s, e = (m.start(), m.end()) if LAW_WITH_BRACKETS else m.span(1)
            out.append(Candidate(s, e, "LAW", title, "rule:law", SURE))
        return out

    def crime_candidates(self, text: str) -> list[Candidate]:
        out = []
        for m in self.crime_re.finditer(text):
            s, e = m.span()
            name = m.group().removesuffix("罪")
            if len(name) <= 2 and not m.group().endswith("罪"):
                if not (text.startswith(self.crime_after, e)
                        or any(text.endswith(w, 0, s) for w in self.crime_before)):
                    continue
            out.append(Candidate(s, e, "CRIME", name, "rule:crime", SURE))
        return out

    def date_candidates(self, text: str, published: date | None) -> list[Candidate]:
        out = []
        for m in self.date_re.finditer(text):
            if not m.group().strip():
                continue
            if m.group().endswith("年") and self._starts_a_title(text, m.start(), m.end()):
                continue  # (2021年自然资源领域…整治工作方案): the year is part of a title
            out.append(Candidate(m.start(), m.end(), "DATE", normalize_date(m, published),
                                 "rule:date", SURE))
        return out

    def _starts_a_title(self, text: str, start: int, end: int) -> bool:
        """Return True when a bare year opens a bracketed document title: (2021年…工作方案)."""
        if start == 0 or text[start - 1] not in "（(《":
            return False
        close = re.compile(r"[^（）()《》，。；]{2,80}?(?=[）)》])").match(text, end)
        return bool(close and self.law_suffix_re.search(self.law_tail_re.sub("", close.group())))

    def person_candidates(self, text: str) -> list[Candidate]:
        out = []
        for m in self.anon_re.finditer(text):
            before = text[m.start() - 1] if m.start() else ""
            if before in self.surnames and before not in "向于和与从对将把被给为以及同":
                continue  # 鲍林先生: the surname is the end of a longer name
            if self.title_end_re.search(text[max(0, m.start() - 3):m.start() + 1]):
                continue  # 主席先生
            out.append(Candidate(m.start(), m.end(), "PERSON", "anonymised", "rule:anonymised", SOFT))
        for m in self.titled_name_re.finditer(text):
            s, e = m.span(1)
            if m.group(1) in self.not_names:
                continue
            out.append(Candidate(s, e, "PERSON", self.title_before(text, s), "rule:titled", SOFT))
        return out

    def title_before(self, text: str, start: int) -> str | None:
        """Return the chain of titles written right before ``start`` (镇江市委常委、政法委书记)."""
        if not self.title_end_re.search(text[max(0, start - 12):start]):
            return None
        begin = start
        while begin > 0 and text[begin - 1] not in CLAUSE_BREAKS and start - begin < 60:
            begin -= 1
        title = text[begin:start].strip()
        title = re.sub(r"^(?:据悉|据|经|由|在|向|对|记者从|从)", "", title)  # 据办案民警 → 办案民警
        return title or None

    def gpe_candidates(self, text: str, known_counties: set[str], bounds: set[int] | None = None,
                       context: set[str] = frozenset(),
                       places: list[tuple[int, int]] | None = None) -> list[Candidate]:
        out: list[Candidate] = []
        gaz = self.gaz
        last_divs: list[Division] = []
        if places is None:
            places = self.scan_places(text)
        for s, e in places:
            name = text[s:e]
            adjacent = bool(out) and out[-1].end == s
            divs = gaz.divisions(name)
            if s >= 2 and text[s - 2:s] in self.campaign:
                continue
            full = name in gaz.by_name or name in gaz.countries
            if name in gaz.needs_parent:
                if not (adjacent and any(_parent_of(p, d) for p in last_divs for d in divs)):
                    continue
            elif not full or name in gaz.countries:
                if bounds is not None and (s not in bounds or e not in bounds):
                    continue
                if name in gaz.county_short and not (
                        name in known_counties or self._organ_follows(text, e)):
                    continue
            elif bounds is not None and s not in bounds and not adjacent:
                continue
            normalized = gaz.normalize(name, context | {d.code[:4] for d in last_divs})
            zm = self.zone_re.match(text, e)
            if zm:  # 苏州高新区 is one place
                e = zm.end()
                normalized = (normalized or name) + zm.group()
            out.append(Candidate(s, e, "GPE", normalized, "gazetteer", SOFT))
            last_divs = divs
            if any(d.level == "county" for d in divs) and not zm:
                tm = self.town_re.match(text, e)
                if tm and self._proper_name(tm.group()[:-1].removesuffix("街")):
                    out.append(Candidate(e, tm.end(), "GPE",
                                         (normalized or name) + tm.group(), "rule:town", SOFT))
        # An unnamed zone right after a place: 肇庆市 + 大旺高新区.
        for c in list(out):
            zm = re.compile(f"([{CJK}]{{2}}){self.zone}").match(text, c.end)
            if zm and self._proper_name(zm.group(1)):
                out.append(Candidate(c.end, zm.end(), "GPE", None, "rule:zone", SOFT))
        for m in self.loc_re.finditer(text):
            if bounds is None or (m.start() in bounds and m.end() in bounds):
                out.append(Candidate(m.start(), m.end(), "LOC", None, "gazetteer", SOFT))
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
        for m in self.abbr_word_re.finditer(text):
            k = m.start() + m.group().index("华")
            out.append(Candidate(k, k + 1, "GPE", self.abbr["华"], "rule:abbreviation", SOFT))
        return out

    def _organ_follows(self, text: str, at: int) -> bool:
        return text.startswith(("公安", "法院", "检察", "警方", "检方", "市委", "县委", "区委",
                                "政府", "交警", "消防", "法庭", "纪委", "监委"), at)


# ---------------------------------------------------------------------------------------------
# Resolution


def resolve(candidates: list[Candidate], org_heads: tuple[str, ...] = ()) -> list[Candidate]:
    """Return flat, non-overlapping spans: sure rules first, then the rest, longest first."""
    if len(candidates) < 2:
        return list(candidates)  # nothing to compete with (and nothing vetoes a lone span)
    people = [c for c in candidates if c.tier == MODEL and c.label == "PERSON"]
    if people:
        # A road or a 林先生 that cuts through a name the model found (雷鸣球|路甬祥, 鲍林|先生)
        # is the rule misreading the name.
        candidates = [c for c in candidates if c.source not in WEAK_RULES or not any(
            _overlap(c, p) and not _inside(p, c) and not _inside(c, p) for p in people)]
    ruled = [c for c in candidates if c.tier > MODEL]
    if org_heads:
        # A model ORG that runs into what the rules found must end like an ORG, unless all it
        # holds is places at its start (中国女篮, 郑州越秀酒家): 桂林象山区 and
        # 瓦窑西路片区治安 are misreadings.
        def misread(c: Candidate) -> bool:
            hits = [r for r in ruled if _overlap(c, r)]
            if not hits or c.text_end.endswith(org_heads):
                return False
            return c.length > 8 or not all(r.label == "GPE" and _inside(r, c) and r.end < c.end
                                           for r in hits)

        candidates = [c for c in candidates
                      if not (c.tier == MODEL and c.label == "ORG" and misread(c))]
    sure = sorted((c for c in candidates if c.tier >= SURE), key=lambda c: (-c.length, c.start))
    rest = sorted((c for c in candidates if c.tier < SURE),
                  key=lambda c: (-c.length, -c.tier, c.start))
    taken: list[Candidate] = []
    for c in sure:
        if not any(_overlap(c, t) for t in taken):
            taken.append(c)
    sure_taken = list(taken)
    for c in rest:
        hits = [t for t in taken if _overlap(c, t)]
        if not hits:
            taken.append(c)
            continue
        # A model span that cuts a sure span is wrong about at least one boundary; it may
        # swallow a sure ORG only by adding sub-units on the right (…公安局 + 党委) or a name
        # on the left (中国 + 全国政协), never a province the rules split off.
        if all(_inside(t, c) and t.length < c.length and t.label in NESTS.get(c.label, set())
               and t.source != "byline" for t in hits):
            if any(t in sure_taken and not (t.label == "ORG" and (
                    t.start == c.start or (t.end == c.end and not t.fixed_left))) for t in hits):
                continue
            for t in hits:
                taken.remove(t)
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


_NAME_CHAR = re.compile(f"[{CJK}A-Za-z]")
_DIGIT = re.compile(r"[0-9０-９]")
_CLAUSE_PUNCT = re.compile("[，。；：！？,;:!?]")
_OPEN_QUOTE = re.compile("[‘“「『]")
_CLOSE_QUOTE = re.compile("[’”」』]")
_ORG_BEFORE = "局院委部厅所队"  # 局 + 治安大队: the unit belongs to the organ before it
_ADMIN_END = "省市县区镇乡旗州"
_ABBR_PEOPLE = "人方军籍侨商企资胞"  # 华人, 美方, 台商, 港资: after a place's one-character form


def _overlap(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def _inside(inner: Candidate, outer: Candidate) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


# ---------------------------------------------------------------------------------------------
# The stage


class EntityTagger:
    """Tag PERSON ORG GPE LOC DATE LAW CRIME in every sentence of a document."""

    name = "entities"

    def __init__(self, nlp, data_dir: Path = DATA_DIR, *, use_model: bool = True,
                 use_rules: bool = True):
        self.nlp = nlp
        self.use_rules = use_rules  # False gives the bare model, to measure what rules add
        self.rules = Rules(Path(data_dir))
        components = [(n, p) for n, p in nlp.pipeline] if (nlp is not None and use_model) else []
        # fazhi's linear NER, the one model component: character offsets, also inside words.
        self.model = char_span_component(components) if components else None
        self.components = components if self.model is not None else []

    # -- model ------------------------------------------------------------------------------

    def model_spans(self, texts: list[str], docs: list | None = None) -> list[list[tuple[int, int, str]]]:
        """Return the model's (start, end, label) per text, batched over all texts.

        ``docs`` are the sentences' pkuseg Docs when the tokenize stage made them (reused: the
        model reads their words); a missing or stale one is made again from its text.
        """
        if self.model is None:
            return [[] for _ in texts]
        batch = []
        for i, t in enumerate(texts):
            d = docs[i] if docs is not None else None
            if d is None or (len(d) and d[-1].idx + len(d[-1]) > len(t)):
                d = self.nlp.make_doc(t)
            batch.append(d)
        spans = self.model.char_spans(batch)  # one call per batch: faster
        return [[s for s in found if s[2] in MODEL_LABELS] for found in spans]

    # -- document -----------------------------------------------------------------------------

    def prepare(self, docs: list[Document]) -> None:
        """Run the model over the sentences of many documents in one batch (``__call__`` uses it)."""
        self._prepared = {}
        if not self.components:
            return
        texts = [doc.clean[s.start:s.end] for doc in docs for s in doc.sentences]
        spans = self.model_spans(texts, [s.doc for doc in docs for s in doc.sentences])
        at = 0
        for doc in docs:
            self._prepared[id(doc)] = (doc, spans[at:at + len(doc.sentences)])
            at += len(doc.sentences)

    def __call__(self, doc: Document) -> Document:
        sentences = doc.sentences
        if not sentences:
            return doc
        texts = [doc.clean[s.start:s.end] for s in sentences]
        ready = getattr(self, "_prepared", {}).pop(id(doc), None)
        if ready is not None and ready[0] is doc and len(ready[1]) == len(sentences):
            model = ready[1]
        else:
            model = self.model_spans(texts, [s.doc for s in sentences])
        tokens = []
        for s, text in zip(sentences, texts):
            spans = token_spans(s.doc) if s.doc is not None else None
            if spans and spans[-1][1] > len(text):
                spans = None  # not this sentence's Doc: no word boundaries to rely on
            tokens.append(spans)
        bounds = [_bounds(k) for k in tokens] if self.use_rules else []
        places = [self.rules.scan_places(t, b) for t, b in zip(texts, bounds)]
        known_counties, context = self._document_places(texts, places)
        # Sentences are in article order, which is not page order when an article continues.
        order = sorted(range(len(sentences)), key=lambda k: sentences[k].start)
        starts = [sentences[k].start for k in order]
        cands: list[list[Candidate]] = [[] for _ in sentences]
        for (bs, be, _name, role) in self._byline_spans(doc):
            j = bisect.bisect_right(starts, bs) - 1
            i = order[j] if j >= 0 else -1
            if i >= 0 and be <= sentences[i].end:
                s0 = sentences[i].start
                cands[i].append(Candidate(bs - s0, be - s0, "PERSON", role, "byline", SURE + 1))
        for i, s in enumerate(sentences):
            if s.kind == "byline" and cands[i]:
                continue
            if not self.use_rules:
                cands[i] += [Candidate(a, b, lab, None, "model", MODEL) for a, b, lab in model[i]]
                continue
            cands[i] += self.rules.candidates(texts[i], tokens[i], doc.published, known_counties,
                                              context, places[i], bounds[i])
            if model[i]:
                cands[i] += self._model_candidates(texts[i], model[i], s.kind, tokens[i],
                                                   bounds[i], places[i])
        chosen = [resolve(c, self.rules.org_heads) for c in cands]
        # A name the document introduces with a byline or a title is the same person later on
        # (”李志泉说): tag its other mentions too.
        people: dict[str, str | None] = {}
        for i, spans in enumerate(chosen if self.use_rules else []):
            for c in spans:
                if c.label != "PERSON" or c.normalized == "anonymised" or c.length < 2:
                    continue
                title = c.normalized or self.rules.title_before(texts[i], c.start)
                if c.source == "byline" or title:
                    people.setdefault(texts[i][c.start:c.end], title)
        if people:
            names = re.compile(trie_pattern(people))
            for i, text in enumerate(texts):
                extra = [Candidate(m.start(), m.end(), "PERSON", people[m.group()], "rule:coref", SOFT)
                         for m in names.finditer(text)
                         if not any(_overlap(Candidate(m.start(), m.end(), "", None, "", 0), c)
                                    for c in chosen[i])]
                if extra:
                    chosen[i] = resolve(chosen[i] + extra)
        anchor: date | None = None  # the last day named in the article, for a bare 17日
        article = None
        for i, spans in enumerate(chosen):
            s0 = sentences[i].start
            if sentences[i].article != article:
                article, anchor = sentences[i].article, None
            for c in spans:
                normalized = c.normalized
                if c.label == "DATE":
                    normalized, anchor = _anchor_day(texts[i][c.start:c.end], normalized, anchor,
                                                     doc.published)
                if c.label == "GPE" and normalized is None:
                    normalized = self.rules.gaz.normalize(texts[i][c.start:c.end], context)
                if c.label == "PERSON" and normalized is None:
                    normalized = self.rules.title_before(texts[i], c.start)
                doc.entities.append(EntitySpan(sentence=i, start=s0 + c.start, end=s0 + c.end,
                                               label=c.label, normalized=normalized,
                                               source=c.source))
        doc.entities.sort(key=lambda e: (e.start, e.end))
        return doc

    def _model_candidates(self, text: str, spans: list[tuple[int, int, str]], kind: str,
                          tokens: list[tuple[int, int]] | None = None,
                          bounds: set[int] | None = None,
                          places: list[tuple[int, int]] | None = None) -> list[Candidate]:
        """Vet the model's spans. The model tags characters, so a span may start or end
        inside a pkuseg word (华 in 华人, 邓小平 in 邓小平理论); ``tokens`` and ``bounds``
        (the words and their boundaries, when known) let the rules judge such spans;
        ``places`` are the gazetteer's hits in the sentence."""
        places = places or []
        out = []
        rules = self.rules
        singles = {s for s, e, label in spans if e - s == 1 and label in ("GPE", "LOC")}
        words = set(tokens) if tokens and singles else None
        for s, e, label in spans:
            span = text[s:e]
            if not _NAME_CHAR.search(span):
                continue  # "11." is not a name
            if label == "PERSON" and _DIGIT.search(span):
                continue  # 174.2万
            cut = _OPEN_QUOTE.search(span, 1)
            if cut and label != "PERSON" and not _CLOSE_QUOTE.search(span, cut.end()) \
                    and cut.start() >= 2:
                e, span = s + cut.start(), span[:cut.start()]  # 肇庆公安‘局长信箱’: 肇庆公安
            if e - s == 1 and label in ("GPE", "LOC") and not self._abbreviation_in_context(
                    text, s, singles, words):
                continue  # 以日计算, 很美, 盛京: a day, "beautiful", a name; 中美, 华人 stay
            if (_CLAUSE_PUNCT.search(span) or "”“" in span or span.count("“") != span.count("”")
                    or span.count("‘") != span.count("’")):
                continue  # a name does not run across a clause or out of its quotes
            if s >= 2 and text[s - 2:s] in rules.campaign:
                continue  # 平安镇江, “平安肇庆”
            if label in ("GPE", "LOC") and span.startswith(rules.campaign):
                continue  # 平安 on its own, 平安镇江 as one span: a campaign, not a place
            if label == "ORG" and bounds is not None and (s not in bounds or e not in bounds):
                continue  # 斗争工作领导小组 out of 专项斗争: organisations start and end with words
            if label == "ORG" and span.endswith(rules.generic_heads) and not any(
                    s <= ps < pe <= e for ps, pe in places) and not (
                    s and text[s - 1] in _ORG_BEFORE):
                continue  # 综合整治领导小组, 治安巡逻大队: a unit with no place or parent
            if label in ("GPE", "LOC"):
                head = next((pe for ps, pe in places if ps == s and e - pe >= 2
                             and text[pe - 1] in _ADMIN_END), None)
                if head is not None and _NAME_CHAR.match(text, head):
                    # 端州区东门广场: the district is a GPE, the square a LOC
                    out.append(Candidate(s, head, "GPE", None, "model", MODEL, text[s:head]))
                    s, span = head, text[head:e]
                    label = "LOC"
            if label in ("GPE", "LOC") and span[-1] in rules.not_place_final:
                continue  # 烦心事, 普惠性
            if label == "ORG" and self._relative_before(text, s):
                continue  # 该区 + 交管支队
            if label == "ORG":
                if span in rules.not_org or span.strip("“”\"「」") in rules.not_org:
                    continue
                if rules.org_relative.match(span) and not rules.org_candidates(span):
                    continue
                e = rules.extend_org(text, e)
                # A headline is not an organisation: the model sometimes takes half of one.
                if kind in ("title", "kicker", "subtitle") and e - s > 0.6 * len(text.strip()) \
                        and not text[s:e].endswith(rules.org_heads):
                    continue
            if label == "LOC" and rules.gaz.divisions(span):
                label = "GPE"
            out.append(Candidate(s, e, label, None, "model", MODEL, text[max(s, e - 3):e]))
        return out

    def _abbreviation_in_context(self, text: str, at: int, singles: set[int],
                                 tokens: set[tuple[int, int]] | None) -> bool:
        """Return True when a one-character place the model found reads as one (中美, 中、美两国)."""
        if text[at] not in self.rules.abbr:
            return False
        if tokens is None:
            return True
        if (at, at + 1) not in tokens:  # inside a word: 中美, 港台 and 华人, 访华 yes; 盛京 no
            word = next(((s, e) for s, e in tokens if s <= at < e), None)
            if word is None or all(c in self.rules.abbr for c in text[word[0]:word[1]]):
                return True  # 中美, 港澳台
            if word == (at, at + 2) and text[at + 1] in _ABBR_PEOPLE:
                return True  # 华人, 港人, 美方, 台商
        if (at - 2) in singles or (at + 2) in singles or (at - 1) in singles or (at + 1) in singles:
            return True  # 中、美; 欧、美
        if at and text[at - 1] in "赴来在进返离抵访驻对从到回去往由和与及同":
            return True  # 赴港, 来京, 驻港, 与美
        return bool(self.rules.abbr_after_re.match(text, at + 1))

    def _relative_before(self, text: str, start: int) -> bool:
        """Return True when the ORG at ``start`` follows a place-less prefix (该区, 市, 自治区)."""
        for prefix in self.rules.relative_prefixes:
            if text.endswith(prefix, 0, start):
                if len(prefix) > 1 or not any(self.rules.gaz.divisions(text[k:start])
                                              for k in range(max(0, start - 9), start - 1)):
                    return True
        return False

    def _byline_spans(self, doc: Document) -> list[tuple[int, int, str, str]]:
        out = []
        for art in doc.articles:
            for item in art.header.get("authors", []) or []:
                try:
                    start, end, name, role = item
                except (TypeError, ValueError):
                    continue
                out.append((int(start), int(end), name, role))
        return out

    def _document_places(self, texts: list[str], places: list[list[tuple[int, int]]]
                         ) -> tuple[set[str], set[str]]:
        """Return the county short forms whose full name the document writes (象山区 → 象山)
        and the province/city code prefixes it names (to pick 桂林市象山区 over 宁波市象山县)."""
        gaz = self.rules.gaz
        known: set[str] = set()
        codes: set[str] = set()
        for text, spans in zip(texts, places):
            for s, e in spans:
                name = text[s:e]
                codes |= gaz.prefixes(name)
                if any(d.level == "county" for d in gaz.by_name.get(name, [])):
                    for suf in ("自治县", "县", "区", "市", "旗"):
                        if name.endswith(suf) and name[: -len(suf)] in gaz.county_short:
                            known.add(name[: -len(suf)])
        return known, codes


def _bounds(tokens: list[tuple[int, int]] | None) -> set[int] | None:
    if not tokens:
        return None
    return {s for s, _ in tokens} | {e for _, e in tokens}


def token_spans(spacy_doc) -> list[tuple[int, int]]:
    """Return (start, end) character offsets of the tokens (from arrays: no Token objects)."""
    from spacy.attrs import IDX, LENGTH

    if len(spacy_doc) == 0:
        return []
    return [(i, i + n) for i, n in spacy_doc.to_array([IDX, LENGTH]).tolist()]
