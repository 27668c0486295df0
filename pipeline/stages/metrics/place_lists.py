"""Lists of places (甲区、乙区): one Place for the list, the smallest division that holds them
all, and the k-th place of the list for the k-th figure after 分别.

    深圳、东莞警方联合侦破…           ->  广东省 (parts 深圳市, 东莞市)
    甲区、乙区两区案件分别上升5%和8%   ->  8% is 乙区's
"""

from __future__ import annotations

import re

from .place_rules import Place, common_division, domestic_spread, joint_organ_place

_ORGAN_GAP = re.compile(r"(?:警方|公安|海关|检方)?")  # 香港警方与深圳警方: one list of places
_JOINED = re.compile(r"\s*(?:、|以及|和|与|及)\s*")  # 甲区、乙区: one list of places
_FIGURE_JOIN = re.compile(r"[、和及与](?=[约近超逾达]?[\d０-９零一二三四五六七八九十两])")  # 25%、19%和17%
NEXT_CLAUSE = re.compile(r"[，,；;]\s*(?:其中|同时|另外|此外)?")  # a place after this is another clause's
# 信州、广丰、鄱阳三地…，分别…: a list counted as one subject, which the clauses after it go on about
_COUNTED_LIST = re.compile(r"[两二三四五六七八九十\d]+个?(?:地|县区|区县|县市|市县|县|区|市|省|州|旗)")
_COMMA = re.compile(r"[，,]")


def joint_places(gaz, clean: str, found: list[Place]) -> list[Place]:
    """Replace a list of divisions joined by 、/和/与/及 by one Place: the smallest division that
    holds them all (甲县、乙县两地共抓获 -> their city; 深圳、东莞警方联合侦破 -> 广东省), its
    ``parts`` the listed places in order (for 分别), its source the last place's (深圳、东莞警方:
    organ). A list with no common division (北京、上海,
    a foreign country, 全国) stays as it is."""
    out: list[Place] = []
    for place in found:
        last = out[-1] if out else None
        between = listed_between(gaz, clean[last.end:place.start], last.name, place.name) if last else None
        if between is not None:
            parts = (last.parts or (last.name,)) + between + (place.name,)
            name = common_division(gaz, parts) or domestic_spread(gaz, parts)
            if name:
                out[-1] = Place(last.start, place.end, name, place.source, parts)
                continue
        wider = joint_organ_place(clean, last, place) if last else None
        if wider:  # 台湾刑事警察局会同台中市警察局: 台湾省
            out[-1] = Place(last.start, place.end, wider, "organ")
            continue
        out.append(place)
    return out


def listed_between(gaz, gap: str, left: str, right: str) -> tuple[str, ...] | None:
    """Return the places listed between two places of one list, () for a bare 、/和, None when
    the text between is no list: 历下、市中、槐荫 with 市中 not tagged -> (山东省济南市市中区,), the
    one division of that name in the division both neighbours lie in."""
    pieces = _JOINED.split(gap)
    if len(pieces) < 2 or not _ORGAN_GAP.fullmatch(pieces[0].strip()) or pieces[-1].strip():
        return None
    common = common_division(gaz, (left, right))
    found = []
    for piece in pieces[1:-1]:
        names = [piece.strip()] + [piece.strip() + end for end in "区县市旗"]  # 市中 -> 市中区
        divs = {d.full for n in names for d in gaz.divisions(n) if common and d.full.startswith(common)
                and d.full != common}
        if len(divs) != 1:
            return None
        found.append(divs.pop())
    return tuple(found)


def each_place(text: str, offset: int, place: Place, position: int) -> str | None:
    """Return the k-th place of a joint list that the k-th figure after 分别 is about, when
    the list and the figures count the same: 甲区、乙区两区案件分别上升5%和8% -> 8% is 乙区's; a list
    counted as one subject goes on over one comma (甲县、乙县两地案件较多，分别为12起和9起)."""
    start, at = place.end - offset, position - offset
    clause = text[start:at]
    if "分别" not in clause:
        return None
    if NEXT_CLAUSE.search(clause) and not (_COUNTED_LIST.match(text, start) and not re.search(r"[；;。]", clause)
                                           and len(_COMMA.findall(clause)) == 1):
        return None  # (信州、广丰、鄱阳三地破案数居前，分别破获42起、37起和35起: each county's)
    each = start + clause.index("分别")
    if NEXT_CLAUSE.search(text, each, at):
        return None  # (两区分别查获9起、7起，共缴获1.6公斤: a total after the breakdown)
    end = NEXT_CLAUSE.search(text, at)
    end = end.start() if end else len(text)
    before = sum(1 for m in _FIGURE_JOIN.finditer(text, each, at + 1) if m.start() < at)
    after = sum(1 for _ in _FIGURE_JOIN.finditer(text, at, end))
    if before + 1 + after != len(place.parts):
        return None
    return place.parts[before]
