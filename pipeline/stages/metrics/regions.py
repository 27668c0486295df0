"""Places of regions with their own words: autonomous regions (全区), Hong Kong and Macao (全港, 本澳),
and the one province of a page whose articles all lie in it (issue 12, eighteenth blind set).

    记者从自治区公安厅获悉，…全区公安机关共破获… ->  新疆维吾尔自治区
    今年首三季，全港共錄得詐騙案33,812宗        ->  香港特别行政区
"""

from __future__ import annotations

import re

from ...document import Document
from ...places import NATION
from .place_rules import Place

REGION_NAMED = re.compile(r"自治区")  # an article that speaks of an autonomous region (自治区公安厅)


def autonomous_region(gaz, areas: list[str | None]) -> str | None:
    """Return the autonomous region the first known area lies in (全区公安机关 in an article that
    speaks of the region, 记者从自治区公安厅获悉…全区公安机关共破获 -> 新疆维吾尔自治区, not the district
    named last), or None."""
    for area in areas:
        province = gaz.ancestor(area, "province") if area and area != NATION else None
        if province:
            return province if province.endswith("自治区") else None
    return None


# 全港, 本港: Hong Kong's own scope words (and Macao's 全澳, 本澳), as 全省 is a province's
_SAR_SCOPE = re.compile(r"[全本]([港澳])(?![\u4e00-\u9fff]{0,1}[口币元])")
_SARS = {"港": "香港特别行政区", "澳": "澳门特别行政区"}


def region_scopes(text: str, offset: int, known: list) -> list:
    """Return the places of Hong Kong's and Macao's scope words: 今年首三季，全港共錄得詐騙案33,812宗
    -> 香港特别行政区; 本澳 -> 澳门特别行政区 (not 本港口, 全港币)."""
    return [Place(offset + hit.start(), offset + hit.end(), _SARS[hit.group(1)], "organ")
            for hit in _SAR_SCOPE.finditer(text)
            if not any(p.start <= offset + hit.start() < p.end for p in known)]


def page_area(gaz, doc: Document, areas: dict[int, str]) -> None:
    """Give an article that names no place the province all the page's other articles are in (a
    Hong Kong paper's 警方搗破詐騙集團 after 香港海關…: 香港特别行政区); none when they differ, are
    national or abroad, or the page has one article."""
    provinces = {gaz.ancestor(area, "province") for area in areas.values()}
    if len(provinces) != 1 or None in provinces or len(doc.articles) < 2:
        return
    province = provinces.pop()
    for article in range(len(doc.articles)):
        areas.setdefault(article, province)
