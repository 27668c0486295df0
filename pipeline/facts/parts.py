"""Parts of a stated total: 其中…, 包括…, a sub-period or a sub-area. A part is linked to its
total (``part_of``) and never folded into it, so a sum over facts can leave parts out."""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from .periods import BASE_WORD, EARLIER_WORD, EARLIER_YEAR, same_window, to_date, window
from .restate import Statement, actions_agree, objects_agree, overlap, refers_back, same_statistic, same_thing, slipped
from .values import WEAK_CATEGORIES, agree, code_within

# 破获案件14870起，其中跨境案件2100起 / 查扣资产2.4亿元，包括现金4600万元 / 上述38名嫌疑人中，已有30名
# 这126起案件里，刷单返利类就有57起: 里 after a counted set is the spoken form of …中，
_MARKER = re.compile(r"其中|包括|包含|含|中，|中,|中有|(?<=[案件人员起名宗])里(?:，|,|有)")
_INNER = ("中，", "中,", "中有", "里，", "里,", "里有")
# 在缴获的毒品中， / 这些案件中， / 侦办的418起经济犯罪案件中，: a set named before, which may be
# stated in the sentence before (with the figure of another unit: the money of those 418 cases)
_SET_BEFORE = re.compile(r"(的|上述|这些|这批|该批)([^，。；,;]{0,12})$")


class Marker(NamedTuple):
    """Where a 其中/包括/…中， stands, and where its total may be."""

    at: int              # offset of the marker
    floor: int           # the earliest offset its total may start at
    inner: bool          # …中， naming a set
    named: str = ""      # the set it names: 这些犯罪嫌疑人中 → 犯罪嫌疑人
    named_start: int = -1  # where that set's words start (a total stated inside them is its own)


def marker_position(item: Statement) -> Marker | None:
    """The last 其中/包括/…中， before the figure in its sentence, or None. 其中 and 包括 may
    follow a total in the sentence before; …中， (上述38名犯罪嫌疑人中，已有30名) needs the total in
    its own sentence, unless it names a set stated before (在缴获的毒品中，冰毒11.3吨 two sentences
    after 缴获毒品20.6吨). A paragraph that opens with 其中 breaks down a total of the paragraph
    before. 包括 or 其中 right after …中， lists that set (今年破获的896起案件中，包括…163起、…58起): the
    …中， stands. (A clause after ； continuing an enumeration opened with 其中 is handled by
    ``part_targets``.)"""
    found, found_end = None, 0
    for match in _MARKER.finditer(item.sentence_prefix):
        at = item.prefix_start + match.start()
        inner = match.group() in _INNER
        named, named_start = "", -1
        if inner:
            named_match = _SET_BEFORE.search(item.sentence_prefix[:match.start()])
            floor = item.earlier_start if named_match else item.prefix_start
            if named_match:
                named, named_start = named_match.group(2), item.prefix_start + named_match.start(2)
        elif not item.sentence_prefix[:match.start()].strip() and item.prefix_start <= item.paragraph_start + 1:
            floor = item.previous_paragraph_start  # 其中 opening a paragraph
        else:
            floor = item.previous_start
        if found is not None and found.inner and not inner and not item.sentence_prefix[
                found_end - item.prefix_start:match.start()].strip(" \u3000"):
            found_end = item.prefix_start + match.end()
            continue  # 今年破获的896起案件中，包括…163起: the 包括 lists the set the …中， names
        found, found_end = Marker(at, floor, inner, named, named_start), item.prefix_start + match.end()
    return found


def _set_rank(item: Statement, marker: Marker):
    """How well a total fits the set a …中， names, as a sort key (best last): a figure inside
    the set's words (抓获的[38名]犯罪嫌疑人中), then one of the part's own topic, then one whose
    object the set names (这些犯罪嫌疑人中 → 抓获毒品犯罪嫌疑人311名, not 查获吸毒人员519名 stated
    after it), then the nearest."""
    def rank(total: Statement) -> tuple:
        names = bool(total.object and marker.named and (
            total.object in marker.named or overlap(total.object, marker.named) >= 0.6))
        inside = marker.named_start >= 0 and total.start >= marker.named_start
        return (inside, _topics_fit(item, total), names, total.start)
    return rank


def _topics_fit(part: Statement, total: Statement) -> bool:
    if part.category in WEAK_CATEGORIES or total.category in WEAK_CATEGORIES or total.backref:
        return True
    # 受理…486件 is no part of 审结1195件, however alike their objects
    return part.category == total.category or objects_agree(part, total) and actions_agree(part, total)


def _comparable(part: Statement, total: Statement) -> bool:
    return (part.unit_class == total.unit_class and part.unit_class not in ("%", "pp")
            and part.row.get("quantity_kind") == total.row.get("quantity_kind")
            and part.stated.hi <= total.stated.lo + total.stated.step
            and part.stated.value < total.stated.value)


def _inside(inner: tuple, outer: tuple) -> bool:
    return (all(inner) and all(outer) and inner != outer
            and outer[0] <= inner[0] and inner[1] <= outer[1])


def _place_within(part: dict, total: dict) -> bool | None:
    """True when the part's place lies strictly inside the total's (锦江区 in 成都市), False when
    it is the same, None when they cannot be compared or the part's is not inside."""
    inner, outer = part.get("place_code"), total.get("place_code")
    if inner and outer:
        return True if code_within(inner, outer) else False if inner == outer else None
    inner, outer = part.get("place"), total.get("place")
    if inner and outer:
        return True if inner != outer and inner.startswith(outer) else False if inner == outer else None
    return False if not inner and not outer else None


def _subdivision(part: Statement, total: Statement, later: bool = False) -> bool:
    """A sub-period (10月 within 1至10月) of a total of the same place, or a sub-area (锦江区
    within 成都市) of a total of the same or a wider period, of the same strong category: a
    week's figure of a city is no part of a district's figure of the year. A total stated
    after its part must share one of the two (南明区86起 before 全市693起 of the same window).
    Windows that are one (``periods.same_window``: 今年 and 今年1至11月 in a report of Dec 9) are
    the same period, but for a figure that could not restate the total (another value or
    thing): 4126起 of 1至11月 is within the year's 284519起; 超28万起 of 1至11月 restates it."""
    if part.category in WEAK_CATEGORIES or part.category != total.category:
        return False
    p, t = part.row, total.row
    inner, outer = (p.get("period_start"), p.get("period_end")), (t.get("period_start"), t.get("period_end"))
    area = _place_within(p, t)
    one = same_window(p, t, part.published)
    restates = agree(part.stated, total.stated) and same_thing(part, total) or slipped(part, total)
    if _inside(inner, outer) and not (one and restates):
        return area is False if later else area is not None
    return bool(area) and (inner == outer or one)


def part_targets(items: list[Statement]) -> dict[int, int]:
    """Map each part's statement index to its total's: the nearest earlier figure of the same
    unit and a larger value before the marker (其中跨境电信网络诈骗案件2100起 → 14870起), or a
    total it subdivides by period or place (the nearest earlier one, else the nearest later one)."""
    ordered = sorted(items, key=lambda s: (s.start, s.index))
    _bases_take_topics(ordered)
    targets = _marked_parts(ordered)
    by_index = {item.index: item for item in ordered}
    breakdowns = {part for part, total in targets.items() if _same_frame(by_index[part], by_index[total])}
    previous = None
    for item in ordered:
        if item.backref or item.index in targets:
            previous = item
            continue
        # no marker, or a marker whose total is not at hand (…案中，缴获182千克)
        candidates = (_kind_of_all(item, ordered) or _share_of(item, ordered)
                      or _kinds_before_total(item, ordered, targets)
                      or _subdivided(item, ordered, breakdowns))
        candidates = [t for t in candidates if not _restates_whole_of(item, t, targets, by_index)]
        if not candidates and previous is not None:
            candidates = _listed_with(item, previous, targets, by_index)
        if candidates:
            targets[item.index] = candidates[-1].index
        previous = item
    return targets


_BASE = re.compile(f"(?:{EARLIER_YEAR})?(?:{BASE_WORD})(?:为|是|有|共)?$")


def _bases_take_topics(ordered: list[Statement]) -> None:
    """A base read without a category (破获盗窃案件98起，去年同期为104起: 104起 has no verb of its
    own) counts what the figure it is the base of counts: it takes that figure's category,
    object and action (the figure before it in its sentence, of its unit). Its own period
    (last year's, when the metrics stage read it) stays, so it is a sub-period of a stated
    last-year total (2025年…121起), not a restatement of this year's figure."""
    for position, item in enumerate(ordered):
        if item.category not in WEAK_CATEGORIES or not _BASE.search(item.sentence_prefix):
            continue
        before = next((s for s in reversed(ordered[:position]) if s.prefix_start == item.prefix_start
                       and s.unit_class == item.unit_class and s.category not in WEAK_CATEGORIES), None)
        if before is not None:
            item.category, item.object, item.action = before.category, before.object, before.action


def _listed_with(item: Statement, previous: Statement, targets: dict[int, int],
                 by_index: dict[int, Statement]) -> list[Statement]:
    """The total of the figure before ``item`` in one 、-list, when that one is a part of it:
    受理刑事案件820件、民事案件3650件、行政案件214件，共计受理各类案件4684件 (行政案件 read with
    another category than its neighbours). Only items joined by 、 alone, of the same unit,
    smaller than the total."""
    total = by_index.get(targets.get(previous.index, -1))
    if total is None or previous.unit_class != item.unit_class:
        return []
    between = item.sentence_prefix[max(0, int(previous.row.get("end") or 0) - item.prefix_start):]
    if previous.prefix_start != item.prefix_start or "、" not in between or _CLAUSE_SPLIT.search(between):
        return []
    return [total] if _comparable(item, total) else []


_CLAUSE_SPLIT = re.compile(r"[，,；;：:]")


def _restates_whole_of(item: Statement, total: Statement, targets: dict[int, int],
                       by_index: dict[int, Statement]) -> bool:
    """True when ``total`` is itself a part of a figure ``item`` restates (or slips against):
    1至11月缴获毒品31.8千克 is no sub-period of 今年以来…318千克's 其中冰毒205千克; it states the 318."""
    whole = targets.get(total.index)
    if whole is None or whole == item.index:
        return whole == item.index
    return same_statistic(item, by_index[whole]) or slipped(item, by_index[whole])


def _of_all_kinds(total: Statement) -> bool:
    """The figure's clause counts all kinds of a thing: 查处各类交通违法行为超28万起."""
    return "各类" in _CLAUSE_SPLIT.split(total.sentence_prefix)[-1]


def _common_head(a: str, b: str) -> int:
    """The length of the common ending of two objects: 酒驾醉驾违法行为 / 交通违法行为 → 4 (违法行为)."""
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _kind_of_all(item: Statement, ordered: list[Statement]) -> list[Statement]:
    """A figure of one kind right after a total of all kinds, in its sentence, without a marker:
    查处各类交通违法行为超28万起，查处酒驾醉驾违法行为4126起 (the same category, action, place and
    window; an object of another kind of the same head noun, 违法行为; a smaller value that does
    not restate it). A district's figure is a sub-area (``_subdivided``), 日均2310起 no kind."""
    found = []
    for total in ordered:
        if total.start >= item.start:
            break
        if (total.start >= item.prefix_start and not refers_back(total) and _of_all_kinds(total)
                and item.category == total.category and item.category not in WEAK_CATEGORIES
                and item.object and total.object and item.object != total.object
                and _common_head(item.object, total.object) >= 2 and actions_agree(item, total)
                and _place_within(item.row, total.row) is False and _comparable(item, total)
                and not agree(item.stated, total.stated) and _one_window(item, total)):
            found.append(total)
    return found


_TOTAL_WORD = re.compile(r"总|共|累计|合计")
# …486起，占破获毒品犯罪案件总数的41.2%: the clause between a figure and its share of a whole
_SHARE_OF = re.compile(r"^[，,]?\s*(?:约|共)?占[^，。；,;]{1,30}?的?$")


def _share_of(item: Statement, ordered: list[Statement]) -> list[Statement]:
    """The whole a figure is stated as a share of, right after it: 全市破获贩卖毒品案件486起，
    占破获毒品犯罪案件总数的41.2% is part of the 破获毒品犯罪案件1180起 stated before (486 / 1180 is
    41.2%). The whole is the nearest figure of the part's unit, place and window, anywhere in
    the report, whose ratio to the part is the stated share within its rounding."""
    share = next((s for s in ordered if s.start > item.start and s.prefix_start == item.prefix_start
                  and s.unit_class == "%" and s.row.get("unit") in ("%", "％")), None)
    end = int(item.row.get("end") or item.start)
    if share is None or not _SHARE_OF.match(share.sentence_prefix[max(0, end - share.prefix_start):]):
        return []
    fits = [t for t in ordered if t is not item and not refers_back(t) and _comparable(item, t)
            and _place_within(item.row, t.row) is False and _one_window(item, t)
            and abs(100 * item.stated.value / t.stated.value - share.stated.value) <= max(share.stated.step, 0.05)]
    fits.sort(key=lambda t: -abs(t.start - item.start))
    return fits


def _kind_of_measure(part: Statement, total: Statement) -> bool:
    """The part names a narrower kind of the total's measure (an object of its own ending like
    the total's, two characters or more): 非法集资类案件涉案金额 of 涉案总金额, whatever verb was read
    from the kind's name (集资 / 涉案)."""
    return bool(part.object and total.object and part.object != total.object
                and _common_head(part.object, total.object) >= 2)


def _later_total(item: Statement, ordered: list[Statement]) -> list[Statement]:
    """The total of a marked part when no figure before it is of its topic, if stated later in
    the same or the next paragraph as a total (总, 共, 累计, 合计 in its clause), of the same
    category, place and window: 在立案侦办的352起案件中，非法集资类案件64起，涉案金额5.83亿元；…
    今年以来经济犯罪案件涉案总金额达12.38亿元 (the nearest such figure; not the 挽回经济损失 of the
    cases, stated before)."""
    for total in ordered:
        if total.start <= item.start or refers_back(total):
            continue
        if item.paragraph_start not in (total.paragraph_start, total.previous_paragraph_start):
            if total.paragraph_start > item.paragraph_start:
                break
            continue
        if (total.category == item.category and item.category not in WEAK_CATEGORIES
                and _TOTAL_WORD.search(_CLAUSE_SPLIT.split(total.sentence_prefix)[-1])
                and (actions_agree(item, total) or _kind_of_measure(item, total))
                and _place_within(item.row, total.row) is False
                and _comparable(item, total) and _one_window(item, total)):
            return [total]
    return []


# the clause of a figure that counts all of a measure: 涉案总金额, 合计, 共计, 累计, 全市…, 全部…
_ALL_WORD = re.compile(r"总|共|累计|合计|全市|全省|全区|全县|全部")
_OWN_TOTAL_WORD = re.compile(r"总|共计|合计|累计")
_EARLIER = re.compile(EARLIER_WORD)


def _kinds_before_total(item: Statement, ordered: list[Statement], targets: dict[int, int]) -> list[Statement]:
    """The total a list of kinds adds up to when it is stated after them, in the same sentence
    (across ；): 盗抢类案件涉案金额3.2亿元，诈骗类案件涉案金额1.5亿元，全县经济犯罪案件涉案总金额
    达6.9亿元. The first later figure of the same category and unit is the total when its
    clause marks it as one after the part (总, 共, 累计, 合计, 全市, 全部), it has the part's place
    and window and a larger value, the part names a narrower kind of its measure (an object of
    its own ending like the total's: 盗抢类案件涉案金额 / 涉案总金额, whatever actions were read;
    no total word in the part's clause), and the kinds of the sentence before it (not already
    parts or totals of something) add up to no more than it. A figure before one that is not
    marked as a total is no part of it (破获盗窃案件320起，破获诈骗案件150起), nor of a total of another measure
    (资产规模6000亿美元、管理基金总额10000亿美元) or of an earlier year (…，去年同期总数为31000起)."""
    if (item.category in WEAK_CATEGORIES or not item.object
            or _OWN_TOTAL_WORD.search(_CLAUSE_SPLIT.split(item.sentence_prefix)[-1])):
        return []
    end = int(item.row.get("end") or item.start)
    kinds: list[Statement] = []
    for later in ordered:
        if later.full_start != item.full_start or refers_back(later) or later.index in targets:
            if later.start > item.start and later.full_start != item.full_start:
                break
            continue
        if later.category != item.category or later.unit_class != item.unit_class:
            continue
        if later.start <= item.start:  # this kind, or one of the list before it (not a total)
            if later is item or not _ALL_WORD.search(_CLAUSE_SPLIT.split(later.sentence_prefix)[-1]):
                kinds.append(later)
            continue
        clause = _CLAUSE_SPLIT.split(later.sentence_prefix[max(0, end - later.prefix_start):])[-1]
        if not _ALL_WORD.search(clause):
            kinds.append(later)  # a kind of the list after this one
            continue
        total_of_kinds = sum(kind.stated.value for kind in kinds if kind.index not in targets.values())
        fits = (not _EARLIER.search(clause) and later.object != item.object
                and _common_head(item.object, later.object or "") >= 2
                and _place_within(item.row, later.row) is False and _comparable(item, later)
                and _one_window(item, later) and total_of_kinds <= later.stated.hi + later.stated.step)
        return [later] if fits else []
    return []


def _one_window(part: Statement, total: Statement) -> bool:
    """The same window of counting (``periods.same_window``); when a period has no start, the
    same words, or two ends that both stop to date: 截至11月底 (to Nov 30) and 今年以来 (to the
    publication day) in a report of Dec 20 count the year so far."""
    p, t = part.row, total.row
    unresolved = not (p.get("period_start") and p.get("period_end") and t.get("period_start") and t.get("period_end"))
    if same_window(p, t, part.published):
        return True
    return unresolved and (p.get("period") == t.get("period") or (
        to_date(window(p), part.published) and to_date(window(t), part.published)))


def _marked_parts(ordered: list[Statement]) -> dict[int, int]:
    """Parts by a marker (其中, 包括, …中，, a ；-clause continuing 其中): part index → total index.
    The items of one enumeration share its totals, one per unit: 其中，刷单返利类诈骗4386起；虚假投资
    理财类诈骗2251起 are both parts of the 1.12万起 the first found, whatever the second's
    category was read as; so are the figures after one marker in its sentence (a 、- or ，-list)
    when no total fits an item's own topic (包括盗窃犯罪207人、帮助信息网络犯罪活动犯罪164人, the second read with 帮助
    as its verb)."""
    targets: dict[int, int] = {}
    by_index = {item.index: item for item in ordered}
    opened: tuple[int, Marker] | None = None  # (clause start, marker) of the last 其中
    totals: dict[tuple[int, str], int] = {}  # (marker offset, unit class) → the total found
    for position, item in enumerate(ordered):
        if item.backref:
            continue
        marker = marker_position(item)
        if marker is None and item.after_semicolon and opened and continues(item, opened[0]):
            marker = opened[1]  # 其中，起诉…5120人；起诉…2730人
            shared = totals.get((marker.at, item.unit_class))
            if shared is not None and _comparable(item, by_index[shared]):
                targets[item.index] = shared
                opened = (item.prefix_start, marker)
                continue
        if marker is None:
            continue
        opened = (item.prefix_start, marker)
        # …中， names the set the part is drawn from: 抓获的38名犯罪嫌疑人中，已有30名被批准逮捕 is
        # a part of the 38名 at a later stage of the process, whatever its category
        candidates = [t for t in ordered[:position] if marker.floor <= t.start < marker.at
                      and _comparable(item, t) and (marker.inner or _topics_fit(item, t))]
        if marker.inner:
            candidates.sort(key=_set_rank(item, marker))
        shared = totals.get((marker.at, item.unit_class))
        if not candidates and shared is not None and _comparable(item, by_index[shared]):
            candidates = [by_index[shared]]  # 包括危险驾驶犯罪318人、…帮助信息网络犯罪活动犯罪164人
        if not any(_topics_fit(item, t) or 0 <= marker.named_start <= t.start for t in candidates):
            candidates = _later_total(item, ordered) or candidates  # …案件中，…涉案金额5.83亿元 … 涉案总金额
        if not candidates and not marker.inner and not item.sentence_prefix[:marker.at - item.prefix_start].strip():
            candidates = _earlier_total(item, [t for t in ordered[:position] if t.start < marker.floor])
        if candidates:
            targets[item.index] = candidates[-1].index
            totals.setdefault((marker.at, item.unit_class), candidates[-1].index)
    return targets


def _earlier_total(item: Statement, before: list[Statement]) -> list[Statement]:
    """The total of a 其中 opening its sentence when the sentence before holds none of its
    unit: the nearest figure further back (``before``), in its paragraph or the one before, of
    the part's own category, a larger value and an agreeing named topic (…涉案金额2.46亿元。
    在这些案件中，…。其中，非法采砂案件涉案金额1.38亿元: the money of the kind is part of the
    money stated two sentences back)."""
    if item.category in WEAK_CATEGORIES or not item.object:
        return []
    for total in reversed(before):
        if total.start < item.previous_paragraph_start:
            break
        if (not refers_back(total) and _comparable(item, total) and total.category not in WEAK_CATEGORIES
                and total.object and total.stated.value > item.stated.value and _last_year(total) == _last_year(item)
                and (total.category == item.category and objects_agree(item, total) and actions_agree(item, total)
                     or _verbless_kind(item, total))):
            return [total]
    return []


def _verbless_kind(part: Statement, total: Statement) -> bool:
    """A kind named without a verb of its own (其中，刷单返利类诈骗案件736起): its category is only
    guessed from the noun, so it is a kind of any earlier figure whose object ends like its own
    (诈骗案件: 破获电信网络诈骗案件2087起), of the same place and window."""
    return (part.action is None and _kind_of_measure(part, total) and _common_head(part.object, total.object) >= 3
            and _place_within(part.row, total.row) is False and _one_window(part, total))


def _same_frame(part: Statement, total: Statement) -> bool:
    """The same place and period: a marked part of such a total breaks it down by kind
    (其中，刑事案件4628件 of 审结58416件), so it holds no sub-area's figure of the total's kind."""
    p, t = part.row, total.row
    return (_place_within(p, t) is False and p.get("period_start") == t.get("period_start")
            and p.get("period_end") == t.get("period_end"))


def continues(item: Statement, opened_at: int) -> bool:
    """True when ``item``'s clause after ； continues the enumeration whose last clause starts
    at ``opened_at``: the clause right after it, or a later figure of the same clause
    (其中，集资类案件138起，涉案9.62亿元；诈骗类案件204起，涉案3.7亿元: 3.7亿元 as well as 204起)."""
    return opened_at in (item.previous_start, item.prefix_start)


def _subdivided(item: Statement, ordered: list[Statement], breakdowns: set[int] = frozenset()) -> list[Statement]:
    """The totals ``item`` subdivides by period or place, best last: one whose object agrees
    (both named: a total without an object, 超速行驶96240起 read with none, is no better fit);
    then not a kind broken out of a total (``breakdowns``) unless it is of the part's own
    object (托克托县审结案件3126件 is part of the city's 审结案件58416件, not of its 刑事案件4628件,
    whatever the county's object was read as; 武汉…盗窃案件5630起 is part of 湖北…盗窃案件19612起,
    not of 湖北…电动车案件6027起); then the same object; then the narrowest period (9月…抓获犯罪嫌疑人
    26名 is part of the year's 抓获犯罪嫌疑人197名, not of the 2019年以来累计1036名 the 197名 is part
    of); then a whole rather than a kind; a sub-area or sub-period may come before its total (南明区86起 …
    全市693起), but an earlier total is preferred, the nearest first."""
    candidates = [t for t in ordered if t is not item and not refers_back(t) and _comparable(item, t)
                  and _last_year(t) == _last_year(item) and _subdivision(item, t, later=t.start > item.start)]
    def rank(t: Statement) -> tuple:
        same, whole = t.object == item.object, t.index not in breakdowns
        return (bool(item.object and t.object) and objects_agree(item, t), same or whole, same, -_days(t.row), whole, t.start < item.start,
                t.start if t.start < item.start else -t.start)
    candidates.sort(key=rank)
    return candidates


_LAST_YEAR = re.compile(f"^\\s*(?:{EARLIER_YEAR})")


def _last_year(item: Statement) -> bool:
    """The figure's sentence opens with an earlier year (去年同期，全市破获此类案件123起) that its row's
    period does not say (it was given this year's 1至11月): it is no total of this year's
    figures, nor a part of them. A row whose period lies in an earlier year than the report's
    (the 去年 was read) is compared by its dates."""
    start, published = item.row.get("period_start"), item.published
    if not (start and published and _LAST_YEAR.search(item.sentence_prefix)):
        return False
    return str(start)[:4] == str(published)[:4] and not _LAST_YEAR.search(item.row.get("period") or "")


def _days(row: dict) -> int:
    """The length of a row's period in days (0 when it has no resolved period)."""
    start, end = row.get("period_start"), row.get("period_end")
    if not (start and end):
        return 0
    try:
        return (date.fromisoformat(str(end)[:10]) - date.fromisoformat(str(start)[:10])).days
    except ValueError:
        return 0
