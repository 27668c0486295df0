"""Places: the gazetteer of Chinese administrative divisions (names, short forms, codes),
countries and development zones, read from ``pipeline/data/gazetteer_*``.

The entity stage tags GPEs with it and normalises them to full official names; the metrics
stage reads the places its figures belong to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .lexicon import DATA_DIR, alternation, read_list, read_words, trie_pattern


@dataclass
class Division:
    """One administrative division: 321100 镇江市 (city), full name 江苏省镇江市."""

    code: str
    name: str
    level: str  # province | city | county
    full: str


DIVISION_FILES = ("gazetteer_cn_divisions.tsv", "gazetteer_cn_supplement.tsv")


def division_rows(data_dir: Path = DATA_DIR) -> list[list[str]]:
    """Return the rows of the division table and of its checked supplement (重庆市江北区 500105,
    missing from the generated table's source), in that order."""
    return [row for name in DIVISION_FILES for row in read_list(data_dir / name)]


class Gazetteer:
    """Chinese administrative divisions (names and short forms) plus countries."""

    def __init__(self, data_dir: Path = DATA_DIR):
        self.by_name: dict[str, list[Division]] = {}
        self.short_of: dict[str, list[Division]] = {}
        self.by_full: dict[str, Division] = {}  # 江苏省镇江市 -> its division (the province for 北京市)
        self.by_code: dict[str, Division] = {}  # 6-digit code -> division
        stop = set(read_words(data_dir / "gazetteer_stop.txt"))
        self.prefecture_forms: dict[str, list[Division]] = {}
        for row in division_rows(data_dir):
            code, name, level, full = row[:4]
            if code.startswith("99"):
                continue  # 苏鲁交界海域 (999900000000 海域): a sea area, no division
            short = row[4] if len(row) > 4 else ""
            if name.endswith("新区") and short == name[:-1] and len(name) > 3:
                short = name[:-2]  # 浦东新区 is 浦东 (浦东分局), not 浦东新
            div = Division(code, name, level, full)
            self.by_full.setdefault(full, div)
            self.by_code.setdefault(code[:6], div)
            if name in ("市辖区", "县", "省直辖县级行政区划"):
                continue
            self.by_name.setdefault(name, []).append(div)
            if short and level == "city" and name.endswith("自治州"):
                # 伊犁州, 黔东南州, 红河州, 玉树州: an autonomous prefecture named by its short form and 州
                # (read, not searched for; the 州 form holds even when the short form alone is a word)
                self.prefecture_forms.setdefault(short + "州", []).append(div)
            if short and short not in stop:
                self.short_of.setdefault(short, []).append(div)
        self.prefecture_forms = {f: ds for f, ds in self.prefecture_forms.items() if f not in self.by_name}
        # A county-level name that is an everyday word (矿区, 城区) needs a parent before it.
        self.needs_parent = {n for n in self.by_name if n in stop}
        self.country_of = country_forms(data_dir)  # 捷克共和国, 捷克 -> 捷克
        self.countries = set(self.country_of)
        # Short forms of provinces and prefectures are safe alone (镇江, 呼伦贝尔); those of
        # counties only in context (胶州公安, or the full name seen earlier in the document).
        self.high_short = {s for s, ds in self.short_of.items()
                           if any(d.level in ("province", "city") for d in ds)}
        self.county_short = set(self.short_of) - self.high_short - set(self.by_name)
        self.zone_districts = dict(row[:2] for row in read_list(data_dir / "gazetteer_zone_districts.tsv"))
        # 以色列国, 日本国 are not looked for: 以色列国防部, 日本国内 hold the short name
        countries = {f for f, short in self.country_of.items()
                     if not (f != short and f.endswith("国") and f[:-1] in self.country_of)}
        names = set(self.by_name) | self.high_short | countries | self.county_short
        self.pattern = re.compile(trie_pattern(names))
        self.place_pattern = trie_pattern(names - self.county_short - self.needs_parent)

    def divisions(self, text: str) -> list[Division]:
        """Return the divisions ``text`` names, by full name first, else by short form (镇江)."""
        return self.by_name.get(text) or self.short_of.get(text) or self.prefecture_forms.get(text) or []

    def normalize(self, text: str, context: set[str]) -> str | None:
        """Return the official full name of ``text``, preferring divisions under ``context`` codes."""
        divs = self.divisions(text)
        if text in self.countries and not any(d.code[:4] in context or d.code[:2] in context for d in divs):
            return self.country_of[text]  # 黑山 is Montenegro unless the article is in 锦州 (黑山县)
        if not divs:
            return None
        if len(divs) > 1:
            # Highest level first (镇江 is the city), then those whose parents the document names.
            top = min(("province", "city", "county").index(d.level) for d in divs)
            divs = [d for d in divs if ("province", "city", "county").index(d.level) == top]
        if len(divs) > 1:
            scored = sorted(divs, key=lambda d: -sum(d.code.startswith(c) for c in context))
            if sum(scored[0].code.startswith(c) for c in context) == 0:
                return None
            divs = scored[:1]
        return divs[0].full

    def code_and_level(self, place: str | None) -> tuple[str | None, str | None]:
        """Return the 6-digit code and level of a place the metrics stage names.

        全国 -> 100000 country; 江苏省镇江市 -> 321100 prefecture; 北京市 -> 110000 province;
        a foreign country -> (None, country); 江苏省苏州市虎丘区浒墅关镇 -> the county's code,
        township; a name the gazetteer does not know -> (None, None).
        """
        if not place:
            return None, None
        if place == NATION:
            return "100000", "country"
        if place in self.countries:
            return None, "country"
        div = self.by_full.get(place)
        if div is None:
            county = max((f for f in self.parents_of(place)), key=len, default=None)
            if county and place.endswith(TOWNSHIP_ENDS) and self.by_full[county].level == "county":
                return self.by_full[county].code[:6], "township"
            return None, None
        return div.code[:6], LEVELS[div.level]

    def settle_zone(self, place: str) -> str:
        """Return a division for a development zone under a city, a township after it kept:
        江苏省苏州市高新区 -> 江苏省苏州市虎丘区 (a zone that is one district,
        ``gazetteer_zone_districts.tsv``); 陕西省西安市高新区 -> 陕西省西安市 (any other zone is
        the city it is named after, 江苏省苏州市苏州工业园区 -> 江苏省苏州市); 江苏省苏州市高新区浒墅关镇
        -> 江苏省苏州市虎丘区浒墅关镇."""
        if place in self.by_full:
            return place
        parent = max(self.parents_of(place), key=len, default=None)
        zone = _ZONE_AT.match(place, len(parent)) if parent else None
        if zone is None:
            return place
        return self.zone_districts.get(place[:zone.end()], parent) + place[zone.end():]

    def taiwan_as_province(self, place: str) -> str:
        """Return 台湾省 for a place in Taiwan (台湾省新北市板桥区 -> 台湾省: the national list of
        division codes gives Taiwan its province code 710000 only), any other place as it is."""
        return TAIWAN if place.startswith(TAIWAN) and place in self.by_full else place

    def parents_of(self, place: str) -> list[str]:
        """Return the full names ``place`` starts with (江苏省镇江市丹阳市 -> 江苏省, 江苏省镇江市)."""
        return [place[:k] for k in range(2, len(place)) if place[:k] in self.by_full]

    def ancestor(self, place: str | None, level: str) -> str | None:
        """Return the full name of the division of ``level`` (province, city, county) that
        ``place`` lies in or is: (河北省沧州市运河区, city) -> 河北省沧州市; (北京市, city) -> 北京市."""
        div = self.by_full.get(place or "")
        if div is None:
            for parent in reversed(self.parents_of(place or "")):
                div = self.by_full[parent]
                break
        if div is None:
            return None
        if level == "province":
            found = self.by_code.get(div.code[:2] + "0000")
        elif level == "city":
            found = self.by_code.get(div.code[:4] + "00") if div.level != "province" else None
            if found is None and div.code[:2] in MUNICIPALITIES:
                found = self.by_code.get(div.code[:2] + "0000")
        else:
            found = div if div.level == "county" else None
        return found.full if found else None

    def prefixes(self, text: str) -> set[str]:
        """Return code prefixes (2 digits for a province, 4 for a city) that ``text`` names."""
        out = set()
        for d in self.divisions(text):
            if d.level == "province":
                out.add(d.code[:2])
            elif d.level == "city":
                out.add(d.code[:4])
        return out

    def context_codes(self, text: str) -> set[str]:
        """Return the code prefixes a place names for reading short names near it: those of
        ``prefixes``, and for a name of one county only its province's and city's (延吉市 -> 22, 2224:
        a bare 龙井 in the same report is then 延边's 龙井市, not 台中's 龙井区)."""
        out = self.prefixes(text)
        divs = self.divisions(text)
        if len(divs) == 1 and divs[0].level == "county":
            out |= {divs[0].code[:2], divs[0].code[:4]}
        return out

    def document_places(self, names: Iterable[str]) -> tuple[set[str], set[str]]:
        """Return what the places a document names tell about its other places.

        First the county short forms whose full name it writes (象山区 → 象山: a bare 象山 is
        then that county), then the province and city code prefixes it names (桂林 → 4503:
        象山区 is then 桂林市象山区, not 宁波市象山县).
        """
        known: set[str] = set()
        codes: set[str] = set()
        for name in names:
            codes |= self.prefixes(name)
            if any(d.level == "county" for d in self.by_name.get(name, [])):
                for suffix in ("自治县", "县", "区", "市", "旗"):
                    if name.endswith(suffix) and name[: -len(suffix)] in self.county_short:
                        known.add(name[: -len(suffix)])
        return known, codes


NATION = "全国"  # the place of a national figure
TAIWAN = "台湾省"  # every place in Taiwan (its province code only in the national list)
LEVELS = {"province": "province", "city": "prefecture", "county": "county"}
TOWNSHIP_ENDS = ("镇", "乡", "街道")
MUNICIPALITIES = ("11", "12", "31", "50")  # 北京 天津 上海 重庆: the city is the province


def country_forms(data_dir: Path = DATA_DIR) -> dict[str, str]:
    """Return every Chinese name of a country and the short name a place column holds: the UN
    members' short, full and other names (捷克共和国 -> 捷克, 沙特 -> 沙特阿拉伯), and the names of
    ``gazetteer_countries.txt`` as themselves."""
    forms = {name: name for name in read_words(data_dir / "gazetteer_countries.txt")}
    for row in read_list(data_dir / "gazetteer_un_members.tsv"):
        short = row[0]
        names = [short, *row[1:2], *(row[2].split(",") if len(row) > 2 else [])]
        for name in names:
            if name.strip():
                forms[name.strip()] = short
    return forms


def is_parent_of(parent: Division, child: Division) -> bool:
    """Return True when ``child`` lies under ``parent`` (阳泉市 over 城区, 江苏省 over 镇江市)."""
    if parent.level == "province":
        return child.code[:2] == parent.code[:2] and child.code != parent.code
    if parent.level == "city":
        return child.code[:4] == parent.code[:4] and child.code != parent.code
    return False


# Development zones (苏州市 + 高新区): one list for the entity rules and the metrics stage.
ZONES: tuple[str, ...] = tuple(read_words(DATA_DIR / "gazetteer_zones.txt"))
ZONE_PATTERN = "(?:" + alternation(ZONES) + ")"
# A zone after its city's full name, with its own name before the zone word (苏州工业园区, 西海岸新区)
_ZONE_AT = re.compile(rf"[\u4e00-\u9fff]{{0,4}}?(?:{ZONE_PATTERN}|工业园区)")


def home_divisions(gazetteer: Gazetteer, names: Iterable[str]) -> dict[str, Division]:
    """Return the unit a place-less organ's level word stands for, by level word: the first
    province (省, 自治区), city (市, 州) or county (县, 区, 旗) the document names with its full
    name or a short form (a 湖州 article: 市公安局 → 湖州市公安局; a 南浔区 article: 区 → 南浔区).
    """
    home: dict[str, Division] = {}
    for name in names:
        for d in gazetteer.divisions(name)[:1]:
            if d.level == "province":
                keys = ("自治区",) if d.name.endswith("自治区") else ("省",)
                if d.name.endswith("市"):  # 北京市: a municipality is the article's 市
                    keys = ("市",)
            elif d.level == "city":
                keys = ("州",) if d.name.endswith("州") and not d.name.endswith("市") else ("市",)
            else:
                keys = tuple(k for k in ("县", "区", "旗", "市") if d.name.endswith(k))
            for k in keys:
                home.setdefault(k, d)
    return home


@lru_cache(maxsize=1)
def shared_gazetteer() -> Gazetteer:
    """The gazetteer of the shipped data, built once per process (0.2 s) and shared by the stages
    that read places (entity rules, page headers, the metrics stage, the facts linking)."""
    return Gazetteer(DATA_DIR)

