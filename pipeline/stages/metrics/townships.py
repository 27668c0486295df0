"""Townships an organ is named after: 虹桥镇派出所 in a 乐清 article -> 浙江省温州市乐清市虹桥镇,
封开县公安局南丰派出所 -> 广东省肇庆市封开县南丰镇 when the document names 南丰镇 in full."""

from __future__ import annotations

import re

from ...document import Document
from ...places import TOWNSHIP_ENDS
from .place_rules import Place

# 虹桥镇派出所, 新安街道司法所: an organ of a township (its name of two characters at least, then
# the organ; a cut name, 桥镇派出所, is none)
_TOWNSHIP_ORGAN = re.compile(r"([\u4e00-\u9fff]{2,5}?(?:镇|乡|街道))(?:边防)?(?:派出所|司法所|人民法庭|法庭|"
                             r"综治中心|政府|人民政府|党委|纪委|纪工委|办事处|警务站|警务室|检察室|交警中队)")
# 黄粱梦派出所, 邯郸县公安局黄粱梦派出所, 南京东路警署: an organ named by a bare township name
_BARE_ORGAN = re.compile(r"(?:^|公安局|分局|[县区市旗])?([\u4e00-\u9fff]{2,4}?)(?:边防)?(?:派出所|警署|司法所|人民法庭|法庭)")

def township_of_organ(gaz, org: str, place: str | None, county: str | None) -> str | None:
    """Return the township an organ is named after, under its county: 虹桥镇派出所 in a 乐清
    article -> 浙江省温州市乐清市虹桥镇; 瑞安市塘下镇派出所 -> 浙江省温州市瑞安市塘下镇;
    新安街道派出所 -> …宝安区新安街道. None when the organ names no township or no county is known."""
    found = _TOWNSHIP_ORGAN.search(org)
    if found is None:
        return None
    township = found.group(1)
    head = gaz.pattern.match(township)  # 瑞安市塘下镇: the county's name is not the township's
    while head and len(township) - head.end() > (3 if township.endswith("街道") else 2) - 1:
        township = township[head.end():]
        if township[0] in "市县区" and len(township) > 3:
            township = township[1:]  # 瑞安 + 市塘下镇
        head = gaz.pattern.match(township)
    base = gaz.ancestor(place, "county") if place else None
    if place and base is None:
        return None  # 西安市雁塔街道…: a city's organ, no county to hang the township on
    base = base or county
    if base is None or gaz.code_and_level(base)[1] != "county" or township in base:
        return None
    return base + township


def bare_township_organs(gaz, doc: Document, mentions: list[list[Place]]) -> None:
    """Read an organ named by a township without its 镇/乡/街道 as the township the document names
    in full: 封开县南丰镇…。封开县公安局南丰派出所民警… -> 广东省肇庆市封开县南丰镇 (the 派出所 of
    黄粱梦镇 is 黄粱梦派出所). A bare name the document never writes in full stays its county's:
    without a gazetteer of townships 浒墅关派出所 cannot say whether it is a 镇 or a 街道."""
    townships = {p.name for found in mentions for p in found
                 if p.name.endswith(TOWNSHIP_ENDS) and gaz.code_and_level(p.name)[1] == "township"}
    if not townships:
        return
    for entity in doc.entities:
        if entity.label != "ORG" or not 0 <= entity.sentence < len(mentions):
            continue
        bare = _BARE_ORGAN.search(doc.clean, entity.start, entity.end)
        if bare is None or bare.end() != entity.end:
            continue
        found = [p for p in mentions[entity.sentence] if (p.start, p.end) == (entity.start, entity.end)]
        county = gaz.ancestor(found[0].name, "county") if found else None
        names = [t for t in sorted(townships) if any(t.endswith(bare.group(1) + end) for end in TOWNSHIP_ENDS)
                 and (county is None or t.startswith(county))]
        if len(names) != 1:
            continue  # none, or two counties' towns of one name
        place = Place(entity.start, entity.end, names[0], "organ")
        mentions[entity.sentence] = [p for p in mentions[entity.sentence] if p not in found] + [place]
        mentions[entity.sentence].sort(key=lambda p: p.start)
