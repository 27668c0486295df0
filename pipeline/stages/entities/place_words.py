"""Words and small tests shared by the place rules (``rules_place``, ``rules_sites``,
``rules_water``, ``rules_abbreviation``): what may stand before a site's name and what never
starts or fills one (在 + 瓦窑西路片区, 六路 is a description, 红塔集团 is a company).
"""

from __future__ import annotations

import re

from .candidate import CJK

# A name with a numeral or a determiner in it is a description (六路, 各大公园, 之路).
NOT_LOC_CHARS = set("一二三四五六七八九十百千万两第各之的条个几多每该这那其等了诸")
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
# Characters that never stand in a section's place name (这段时间, 在…段).
NOT_SECTION = NOT_LOC_CHARS | set("的在向对与和了是将把被等从为及也都并还就又时间")


def lake_part(text: str, s: int, name: str) -> int:
    """Return the start of a lake's name with the part of the lake written before it (issue 15):
    东 + 洞庭湖, 西 + 洞庭湖 are one LOC (a direction alone, after a break or a preposition)."""
    if s >= 1 and name.endswith("湖") and len(name) >= 3 and text[s - 1] in "东西南北" and (
            s == 1 or text[s - 2] in PORT_BEFORE):
        return s - 1
    return s
