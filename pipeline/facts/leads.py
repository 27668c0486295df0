"""Places that lead a paragraph: a digest's item opens with ``地名：`` and speaks of that place.

A digest (法治简讯) strings items of several places together, each led by its place and a colon::

    天水：今年1至11月，全市公安机关共破获电信网络诈骗案件1046起……
    大同：今年以来，全市公安机关抓获毒品犯罪嫌疑人3126名……

A figure of the second item read with the first item's place (全市 carries no name) would block
under 天水 and never meet 大同's own report of 3126名, and could be folded with 天水's figures of
the digest. The linking reads such a figure with its item's place. The metrics rows are left as
they are: only the statements the linking compares (and so the facts' place) change.
"""

from __future__ import annotations

import re
from pipeline.places import Gazetteer, shared_gazetteer

from .values import code_within

# 大同： / 江苏省南京市： at the start of a paragraph (after spaces); two to eight Han characters.
_LEAD = re.compile(r"[ \t\u3000]*([\u4e00-\u9fff]{2,8})[：:]")
# A short form (大同, a stop word alone) is read with the endings of a division after it.
_ENDINGS = ("", "省", "市", "自治区", "县")


def _gazetteer() -> Gazetteer:
    return shared_gazetteer()


def lead_place(raw: str, paragraph_start: int) -> tuple[str, str, int] | None:
    """The place (full name, code) that leads the paragraph starting at ``paragraph_start`` and
    where its colon ends: ``大同：今年以来…`` → (山西省大同市, 140200, 3); None for a lead that
    names no division (记者：, 据悉：)."""
    match = _LEAD.match(raw, paragraph_start)
    if not match:
        return None
    gazetteer = _gazetteer()
    for ending in _ENDINGS:
        full = gazetteer.normalize(match.group(1) + ending, set())
        code = gazetteer.code_and_level(full)[0] if full else None
        if code:
            return full, code, match.end()
    return None


def _places_agree(code: str, other: str | None) -> bool:
    return bool(other) and (code == other or code_within(code, other) or code_within(other, code))


def _names_another_place(text: str, code: str) -> bool:
    """True when ``text`` names a division that is not within or around ``code``: the item
    itself says whose figure it is (南京：…上海警方破获…)."""
    gazetteer = _gazetteer()
    for match in gazetteer.pattern.finditer(text):
        full = gazetteer.normalize(match.group(0), set())
        named = gazetteer.code_and_level(full)[0] if full else None
        if named and not _places_agree(code, named):
            return True
    return False


def item_place(row: dict, raw: str | None) -> dict:
    """``row`` with the place of the paragraph's lead when the row's place is another one and the
    paragraph names no other place before the figure (天水：… / 大同：…全市…3126名 read with
    天水 → 山西省大同市); else ``row`` itself. A place within the lead's (大同：…云冈区…) stays."""
    if not raw:
        return row
    start = int(row.get("start") or 0)
    paragraph_start = raw.rfind("\n", 0, start) + 1
    lead = lead_place(raw, paragraph_start)
    if lead is None:
        return row
    full, code, body = lead
    place = row.get("place")
    own = row.get("place_code") or (_gazetteer().code_and_level(place)[0] if place else None)
    if start < body or (place and not own) or _places_agree(code, own) or _names_another_place(raw[body:start], code):
        return row  # a place the gazetteer cannot code (a country) is the row's own
    return {**row, "place": full, "place_code": code}
