"""Parts of a stated total: 其中…, 包括…, a sub-period or a sub-area. A part is linked to its
total (``part_of``) and never folded into it, so a sum over facts can leave parts out."""

from __future__ import annotations

import re

from .restate import Statement, objects_agree
from .values import WEAK_CATEGORIES

# 破获案件14870起，其中跨境案件2100起 / 查扣资产2.4亿元，包括现金4600万元 / 上述38名嫌疑人中，已有30名
_MARKER = re.compile(r"其中|包括|包含|含|中，|中,|中有")
_INNER = ("中，", "中,", "中有")


def marker_position(item: Statement) -> tuple[int, int] | None:
    """(offset of the last 其中/包括/…中， before the figure in its sentence, the earliest offset
    its total may start at), or None. 其中 and 包括 may follow a total in the sentence before;
    …中， (上述38名犯罪嫌疑人中，已有30名) needs the total in its own sentence."""
    found = None
    for match in _MARKER.finditer(item.sentence_prefix):
        floor = item.prefix_start if match.group() in _INNER else item.previous_start
        found = (item.prefix_start + match.start(), floor)
    return found


def _topics_fit(part: Statement, total: Statement) -> bool:
    if part.category in WEAK_CATEGORIES or total.category in WEAK_CATEGORIES or total.backref:
        return True
    return part.category == total.category or objects_agree(part, total)


def _comparable(part: Statement, total: Statement) -> bool:
    return (part.unit_class == total.unit_class and part.unit_class not in ("%", "pp")
            and part.row.get("quantity_kind") == total.row.get("quantity_kind")
            and part.stated.hi <= total.stated.lo + total.stated.step
            and part.stated.value < total.stated.value)


def _inside(inner: tuple, outer: tuple) -> bool:
    return (all(inner) and all(outer) and inner != outer
            and outer[0] <= inner[0] and inner[1] <= outer[1])


def _subdivision(part: Statement, total: Statement) -> bool:
    """A sub-period (10月 within 1至10月) or a sub-area (锦江区 within 成都市) of a total of the
    same strong category."""
    if part.category in WEAK_CATEGORIES or part.category != total.category:
        return False
    p, t = part.row, total.row
    if _inside((p.get("period_start"), p.get("period_end")), (t.get("period_start"), t.get("period_end"))):
        return True
    for key in ("place_code", "place"):
        inner, outer = p.get(key), t.get(key)
        if inner and outer:
            return inner != outer and inner.startswith(outer)
    return False


def part_targets(items: list[Statement]) -> dict[int, int]:
    """Map each part's statement index to its total's: the nearest earlier figure of the same
    unit and a larger value before the marker (其中跨境电信网络诈骗案件2100起 → 14870起), or an
    earlier total it subdivides by period or place."""
    ordered = sorted(items, key=lambda s: (s.start, s.index))
    targets: dict[int, int] = {}
    for position, item in enumerate(ordered):
        if item.backref:
            continue
        marker = marker_position(item)
        earlier = ordered[:position]
        if marker is not None:
            candidates = [t for t in earlier if marker[1] <= t.start < marker[0] and _comparable(item, t)
                          and _topics_fit(item, t)]
        else:
            candidates = [t for t in earlier if _comparable(item, t) and _subdivision(item, t)]
        if candidates:
            targets[item.index] = candidates[-1].index
    return targets
