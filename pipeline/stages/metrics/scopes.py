"""Places named without their area: scope words and organs (全省, 市公安局, 该局, 全区), read in
the place named before them, the article's main area or the parts named after them.

全省公安机关 in a 湖北 article -> 湖北省; 市公安局 in a 沧州 article -> 河北省沧州市; 该院 -> the
organ named before; 全市…。其中，武陵区… -> the city of the parts.
"""

from __future__ import annotations

import re

from ...document import Document
from ...places import NATION, TAIWAN
from .place_links import activity_sites, drop_helpers, outside_sites
from .place_rules import Place
from .regions import REGION_NAMED, autonomous_region, region_scopes

_THAT_ORGAN = re.compile(r"该(?:院|局|分局|所|署|队|支队|大队|关|庭)")  # 该院 -> the organ named before
# 全省多地群众, 全市各地的受害人: the spread of the people a case touched
SCOPE_SPREAD = re.compile(r"(?:多地|各地|多个地区|多个县区)的?(?:群众|居民|市民|村民|受害人|被害人|消费者|投资人|人员|买家|网民|用户)")
PART_PLACE = re.compile(r"其中[，,]?\s*$")  # 其中大连市…: a part of the paragraph's area, not its place
_SHARE_OF = re.compile(r"(?:占|居|比|较)了?$")  # 占全省破获案件的46%: the whole a share is of, not its place


def scope_mentions(lex, gaz, doc: Document, mentions: list[list[Place]],
                   article_places: dict[int, str]) -> None:
    """Add the scopes and organs named without their place, read in the place named before
    them in the sentence, else the article's main area, else the last place the article named
    (该/本: the last named first): 全省公安机关 in a 湖北 article -> 湖北省; 市公安局 in a 沧州
    article -> 河北省沧州市; 该区 after 象山区 -> 象山区; 全区 in an autonomous region -> the region."""
    recent: dict[int, str] = {}  # the last Chinese place named in each article
    organ: dict[int, str] = {}  # the place of the last organ named in each article
    regions: set[int] = set()  # articles that speak of an autonomous region (自治区公安厅, 我区)
    for index, sentence in enumerate(doc.sentences):
        text = doc.clean[sentence.start:sentence.end]
        if REGION_NAMED.search(text):
            regions.add(sentence.article)
        added = []
        for hit in _THAT_ORGAN.finditer(text):
            start = sentence.start + hit.start()
            before = [p for p in mentions[index] if p.end <= start and p.source == "organ"]
            name = before[-1].name if before else organ.get(sentence.article)
            if name and not any(p.start <= start < p.end for p in mentions[index]):
                added.append(Place(start, sentence.start + hit.end(), name, "organ"))
        for hit in lex.local_scope_re.finditer(text):
            start = sentence.start + hit.start()
            if any(p.start <= start < p.end for p in mentions[index]) or SCOPE_SPREAD.match(text, hit.end()) \
                    or _SHARE_OF.search(text, 0, hit.start()):
                continue  # 诱骗全省多地群众230余人: how far the victims lived; 占全省…的46%: a share's whole
            before = [p.name for p in mentions[index] if p.end <= start and p.name != NATION]
            areas = [recent.get(sentence.article), article_places.get(sentence.article)]
            if hit.group(0)[0] not in "该本":  # 全市, 市公安局: the article's city; 该区: the last named
                areas.reverse()
            name = scope_place(gaz, hit.group("scope") or hit.group("organ"), [*before[-1:], *areas])
            if name is None and hit.group(0)[0] == "全":  # 全市共发生…。其中，武陵区… -> the parts' city
                name = scope_of_parts(gaz, hit.group("scope") or hit.group("organ"), parts_after(doc, mentions, index, start))
            if hit.group(0) == "全区" and sentence.article in regions:
                name = autonomous_region(gaz, [*before[-1:], *areas]) or name
            if name:
                added.append(Place(start, sentence.start + hit.end(), name, "organ"))
        for place in mentions[index]:
            if gaz.code_and_level(place.name)[0] not in (None, "100000"):
                recent[sentence.article] = place.name
            if place.source == "organ":
                organ[sentence.article] = place.name
        added += region_scopes(text, sentence.start, mentions[index])
        if added:
            mentions[index] = sorted(mentions[index] + added, key=lambda p: p.start)
        mentions[index] = drop_helpers(doc.clean, mentions[index])
        if any(p.source == "organ" for p in added):  # 市局…，在婺源县县城…捣毁: the city organ's site
            activity_sites(gaz, doc.clean, sentence.start, mentions[index])
        outside_sites(gaz, doc.clean, sentence.start, mentions[index], article_places.get(sentence.article))
    abroad_scopes(gaz, doc, mentions, article_places)


def parts_after(doc: Document, mentions: list[list[Place]], index: int, start: int) -> list[str]:
    """Return the places named after 其中 later in the paragraph of a scope word at ``start``: parts
    of the scope's whole, which lies above them (2025年，全市共发生事故1386起。其中，武陵区、鼎城区…
    -> the city of 武陵区)."""
    sentence = doc.sentences[index]
    found = []
    for k in range(index, len(doc.sentences)):
        other = doc.sentences[k]
        if other.article != sentence.article or other.paragraph != sentence.paragraph:
            break
        found += [name for p in mentions[k] if p.start > start and p.name != NATION
                  and PART_PLACE.search(doc.clean, max(0, p.start - 4), p.start) for name in p.parts or (p.name,)]
    return found


def scope_of_parts(gaz, level: str, parts: list[str]) -> str | None:
    """Return the division of ``level`` the parts after 其中 lie in, never one of the parts: 全市…其中，
    武陵区… -> 湖南省常德市; 全市…其中，瑞安市… -> None (a county-level 市 is a part, not the 市)."""
    name = scope_place(gaz, level, parts)
    return None if name in parts else name


def abroad_scopes(gaz, doc: Document, mentions: list[list[Place]], article_places: dict[int, str]) -> None:
    """Read 全国 in a report about a foreign country as that country: 匈牙利警方称，去年全国犯罪案件
    增加10% -> 匈牙利; in a report about 台湾 as 台湾省 (刑事局统计，今年全國共查獲…). Only 全国… (not 我国, 公安部, 中国), and only in an article whose main area
    (headline, else lead) is that country: 公安部与美国警方合作。全国公安机关… stays 全国."""
    for index, sentence in enumerate(doc.sentences):
        area = article_places.get(sentence.article)
        if area and area.startswith(TAIWAN):
            area = TAIWAN  # 全國 in a 高雄 report: Taiwan's
        if not mentions[index] or (area not in gaz.countries and area != TAIWAN) or area == "中国":
            continue
        for k, place in enumerate(mentions[index]):
            if place.name == NATION and doc.clean.startswith("全国", place.start):
                mentions[index][k] = Place(place.start, place.end, area, place.source)


def scope_place(gaz, level: str, areas: list[str | None]) -> str | None:
    """Return the division of ``level`` (省 市 县 区 州) the first known area lies in:
    (市, 河北省沧州市运河区) -> 河北省沧州市; (区, 广西壮族自治区桂林市象山区) -> the district;
    (区, 内蒙古自治区…) -> the region when no district is named."""
    for area in areas:
        if not area or area == NATION:
            continue
        county = gaz.ancestor(area, "county")
        if level == "市" and county and county.endswith("市"):
            return county  # 全市 in a 瑞安 article: the county-level city, not 温州市
        if level in ("区", "县"):
            found = gaz.ancestor(area, "county")
            if found:
                return found
            if level == "区" and (gaz.ancestor(area, "province") or "").endswith("自治区"):
                return gaz.ancestor(area, "province")
            continue
        found = gaz.ancestor(area, {"省": "province", "市": "city", "州": "city"}[level])
        if found:
            return found
    return None
