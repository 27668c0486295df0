"""Within a document: which metric rows state the same statistic.

A report states its main figures two or three times: in the headline (近1.5万起), the lead
(1.487万起) and the body (14870起), and refers back to them (上述3126名). These rows are one
statistic when they count the same thing the same way: the same unit, category, object,
place and period, and values that agree within the rounding of the less precise one. Equal
value alone is no evidence: 抓获犯罪嫌疑人38名 and 处分党员干部38名 are two statistics.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .periods import periods_agree
from .values import UNIT_SCALES, WEAK_CATEGORIES, Stated, agree, code_within, stated, tenfold_slip, unit_class

_SENTENCE_END = "。！？!?；;\n"
_CLAUSE_END = _SENTENCE_END + "，,：:、"
_SENTENCE_ENDS = re.compile(f"[{re.escape(_SENTENCE_END)}]")
# a whole sentence: a ；-list of kinds and the total after it (…涉案金额2.3亿元；…合计…) are one
_FULL_ENDS = re.compile(r"[。！？!?\n]")
_SPACE = " \t\r\n\u3000"
_CLAUSE_ENDS = re.compile(f"[{re.escape(_CLAUSE_END)}]")
# 上述3126名, 这两家, 该案26名, 这批1.2吨: a figure referring back to one stated before
_BACKREF = re.compile(r"(上述|前述|以上|这些|这|该|此)(?:的|[案批])?$")
_BACKREF_OBJECTS = frozenset({"上述", "前述", "以上", "这些", "该", "此"})
_OBJECT_PREFIX = re.compile(r"^(上述|前述|这些|该类|此类|各类|共计|累计|共|总计)")
# 涉案总金额 / 涉案金额, 总人数 / 人数: 总 before a measure of a set says "all of it", which the
# figure says already
_TOTAL_OF = re.compile(r"总(?=(?:金额|人数|案值|价值|产值|货值|件数|起数|次数|面积|重量|数量))")
# A share word read as the object says what is measured (a share), not what is counted.
_SHARE_OBJECTS = frozenset({"占比", "比例", "比重"})
# A change read with a bare measure as its object (数量同比上升14.4%) says how the figure before it
# moved, not what is counted: the rate of 破获案件数 stated elsewhere.
_MEASURE_OBJECTS = frozenset({"数量", "总数", "总量", "数"})
_GENERIC_OBJECTS = frozenset({"占比", "比例", "比重", "案件", "人", "价值", "总数", "数量", "群众"})
_NO_SLIPS = frozenset({"duration", "percent"})
_NUMBERISH = re.compile(r"[0-9０-９.．%％零〇一二两三四五六七八九十百千万亿萬億余多近约超成]")


@dataclass
class Statement:
    """One metric row with what the linking rules read from it and around it."""

    index: int
    row: dict
    stated: Stated
    unit_class: str
    backref: bool = False
    sentence_prefix: str = ""
    prefix_start: int = 0
    previous_start: int = 0
    after_semicolon: bool = False
    earlier_start: int = 0
    paragraph_start: int = 0
    full_start: int = 0  # the start of the whole sentence, across ；
    of_those: bool = False  # 其中的63人: a back-reference when a figure before states 63人
    framed: bool = False  # 在查扣的865万元赃款中: likewise, and still the total of the parts after it
    previous_paragraph_start: int = 0
    clause: str = ""
    published: object = None
    bare_object: str | None = None  # the object without the row's own place before it (乐山电诈发案数 → 电诈发案数)

    start: int = 0
    category: str = "other"
    object: str | None = None
    action: str | None = None


def normalise_object(obj: str | None) -> str | None:
    """The counted thing without back-reference and quantifier words: 上述犯罪嫌疑人 → 犯罪嫌疑人;
    without the 总 of a total's measure: 涉案总金额 → 涉案金额, 总金额 → 金额 (a figure of 涉案金额
    restates it)."""
    if not obj:
        return None
    obj = obj.strip().strip("“”\"'《》")
    if obj in _BACKREF_OBJECTS:
        return None
    obj = _TOTAL_OF.sub("", _OBJECT_PREFIX.sub("", obj))
    return obj or None


_LEVEL = "省市县区州盟旗"


def without_place(obj: str | None, place: str | None) -> str | None:
    """The counted thing without the row's own place before it: 乐山电诈发案数 → 电诈发案数 in a
    row of 四川省乐山市 (the headline's short form of 电信网络诈骗发案数); a place name that is the
    whole object stays."""
    if not obj or not place:
        return obj
    for n in (4, 3, 2):
        head = obj[:n]
        if len(obj) > n + 1 and (place.endswith(head) and head[-1] in _LEVEL or (head + "市") in place
                                  or any(head + level in place for level in _LEVEL)):
            return obj[n:]
    return obj


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} or ({text} if text else set())


def overlap(a: str, b: str) -> float:
    """Share of the smaller text's character bigrams found in the other (0..1)."""
    x, y = _bigrams(a), _bigrams(b)
    if not x or not y:
        return 0.0
    return len(x & y) / min(len(x), len(y))


class Boundaries:
    """Sentence and clause ends of a text, found once, looked up by bisection."""

    def __init__(self, raw: str) -> None:
        self.length = len(raw)
        self.sentence = [m.start() for m in _SENTENCE_ENDS.finditer(raw)]
        self.clause = [m.start() for m in _CLAUSE_ENDS.finditer(raw)]
        self.full = [m.start() for m in _FULL_ENDS.finditer(raw)]

    @staticmethod
    def before(ends: list[int], position: int) -> int:
        """The start of the stretch that holds ``position``: one past the last end before it."""
        i = bisect_left(ends, position)
        return ends[i - 1] + 1 if i else 0

    def after(self, position: int) -> int:
        i = bisect_left(self.clause, position)
        return self.clause[i] if i < len(self.clause) else self.length


def statement(index: int, row: dict, raw: str | None, bounds: Boundaries | None = None,
              published=None) -> Statement:
    """Read a row and its surroundings: 上述3126名 is a back-reference; 其中… opens a part.
    ``published`` (the document's day) says how far 今年 can count (``periods.same_window``)."""
    kind = row.get("quantity_kind")
    scale = UNIT_SCALES.get((row.get("unit") or "").strip(), 1.0)
    value_max = row.get("value_max")
    item = Statement(index, row, stated(row["value"] * scale, None if value_max is None else value_max * scale,
                                        row.get("approx")),
                     unit_class(row.get("unit"), kind), start=int(row.get("start") or 0),
                     category=row.get("category") or "other", object=normalise_object(row.get("object")),
                     action=row.get("action") or None, published=published)
    if not raw:
        item.backref = row.get("object") in _BACKREF_OBJECTS
        return item
    item.bare_object = without_place(item.object, row.get("place"))
    bounds = bounds or Boundaries(raw)
    start, end = item.start, int(row.get("end") or 0)
    left = bounds.before(bounds.sentence, start)
    item.sentence_prefix, item.prefix_start = raw[left:start], left
    item.previous_start = bounds.before(bounds.sentence, _skip_space_back(raw, left - 1))
    item.earlier_start = bounds.before(bounds.sentence, _skip_space_back(raw, item.previous_start - 1))
    item.after_semicolon = left > 0 and raw[left - 1] in "；;"
    item.full_start = bounds.before(bounds.full, start)
    item.paragraph_start = raw.rfind("\n", 0, start) + 1
    before = _skip_space_back(raw, item.paragraph_start - 1)
    item.previous_paragraph_start = raw.rfind("\n", 0, before) + 1 if item.paragraph_start else 0
    item.backref = bool(_BACKREF.search(raw[max(0, start - 3):start]))
    c_left, c_right = bounds.before(bounds.clause, start), bounds.after(end)
    item.of_those = raw[max(0, start - 3):start] == "其中的"
    item.framed = in_frame(raw, c_left, start, end, c_right)
    item.clause = _NUMBERISH.sub("", raw[c_left:start] + raw[end:c_right])
    return item


def in_frame(raw: str, c_left: int, start: int, end: int, c_right: int) -> bool:
    """True for a figure framed as 在…的N…中 (在查扣的865万元赃款中，…): the frame names a set
    stated before, whatever verb it is named with now."""
    return (raw[c_left:start].lstrip(_SPACE).startswith("在") and raw[start - 1:start] == "的"
            and raw[end:c_right].rstrip(_SPACE).endswith("中"))


def refers_back(item: Statement) -> bool:
    """A back-reference that cannot be a total of parts: 上述3126名 can not, 在查扣的865万元赃款中
    (a frame that opens the parts after it) can."""
    return item.backref and not item.framed


def read_those_backrefs(items: list[Statement]) -> None:
    """其中的N (or 在…的N…中) refers back to a figure of the same value stated before
    (其中在校学生63人。民警已逐一走访其中的63人所在学校: the students, whatever the verb before
    it; 追缴赃款865万元 … 在查扣的865万元赃款中); without such a figure it is a part like any
    其中 figure (抓获50人，其中的30人已被起诉) or opens its own parts."""
    for item in items:
        if (item.of_those or item.framed) and not item.backref:
            item.backref = any(other.start < item.start and kind_of(other) == kind_of(item)
                               and other.stated.value == item.stated.value for other in items)


def _skip_space_back(raw: str, position: int) -> int:
    """The last character before the blank lines that end at ``position`` (the end of the
    sentence before): a paragraph that opens with 其中 looks back into the paragraph before."""
    while position > 0 and raw[position] in _SPACE:
        position -= 1
    return max(0, position)


def abbreviates(short: str, long: str) -> bool:
    """True when ``short`` is ``long`` with characters left out, in order: 电诈案件 of
    电信网络诈骗案件, 起诉 of 提起公诉, 批捕 of 批准逮捕; not 诈骗电信 (another order)."""
    if len(short) >= len(long):
        return False
    rest = iter(long)
    return all(char in rest for char in short)


def share_object(obj: str | None) -> bool:
    """An object that names a share, not a thing counted: 占比, 所占比例, 比重."""
    return bool(obj) and any(word in obj for word in _SHARE_OBJECTS)


def bare_measure(item: Statement) -> bool:
    """A rate whose object is only a measure (数量, 总数): 案件119起 数量同比上升14.4% in a headline
    and 破获案件数同比上升14.4% in the lead agree in object; a count of 数量 does not."""
    return item.unit_class in ("%", "pp") and item.object in _MEASURE_OBJECTS


def _bare_share(item: Statement) -> bool:
    """A share with no verb of its own (所占比例超过三成): its category is only a guess from the
    words around, so it is compared as a figure without a category."""
    return item.unit_class == "%" and item.action is None and share_object(item.object)


def objects_agree(a: Statement, b: Statement) -> bool:
    """犯罪嫌疑人 and 嫌疑人 agree (one holds the other), 电诈案件 and 电信网络诈骗案件 (an
    abbreviation of three characters or more, from the same first character; also once the
    row's own place is dropped: 乐山电诈发案数 / 电信网络诈骗发案数); 犯罪嫌疑人 and
    党员干部 do not. A share word (占比, 比例, 比重) says nothing about the thing counted:
    盗窃案件占比近四成 and 占立案总数的38.7% may agree."""
    x, y = a.object, b.object
    if x is None or y is None or share_object(x) or share_object(y) or bare_measure(a) or bare_measure(b):
        return True
    if _objects_match(x, y):
        return True
    bare_x, bare_y = a.bare_object or x, b.bare_object or y
    return (bare_x, bare_y) != (x, y) and _objects_match(bare_x, bare_y)


def _objects_match(x: str, y: str) -> bool:
    if x in y or y in x or overlap(x, y) >= 0.6:
        return True
    short, long = sorted((x, y), key=len)
    return len(short) >= 3 and short[0] == long[0] and abbreviates(short, long)


def actions_agree(a: Statement, b: Statement) -> bool:
    """挽回损失 and 挽回 agree, 起诉 and 提起公诉 (an abbreviation), 破案 and 破获 of 案件 (a
    verb-object word); 抓获 and 处分 do not; a missing action agrees with any."""
    x, y = a.action, b.action
    if x is None or y is None or x in y or y in x:
        return True
    short, long = sorted((x, y), key=len)
    return len(short) >= 2 and abbreviates(short, long) or _verb_object(a, b) or _verb_object(b, a)


def _verb_object(a: Statement, b: Statement) -> bool:
    """A verb-object word without an object of its own abbreviates the other's action and
    object: 破案 (今年已破案近900起) of 破获…案件 (破获电信网络诈骗案件896起), 结案 of 审结案件."""
    return (a.object is None and b.object is not None and a.action is not None and b.action is not None
            and len(a.action) >= 2 and a.action[0] == b.action[0] and abbreviates(a.action, b.action + b.object))


def _same_specific_topic(a: Statement, b: Statement) -> bool:
    """The same specific object and the same action (盘查重点人员 / 盘查重点人员)."""
    specific = (a.object and b.object and a.object not in _GENERIC_OBJECTS
                and b.object not in _GENERIC_OBJECTS)
    return bool(specific and a.object == b.object and a.action and a.action == b.action)


def _weak_topic_agrees(a: Statement, b: Statement) -> bool:
    """Two rows without a category: the same specific object and action, or a rounded and a
    precise figure whose clauses share their words (超四成的案件为冒充客服类诈骗 /
    冒充客服类诈骗占比41.2%). 二等功两次 and 三等功两次 do not."""
    if _same_specific_topic(a, b):
        return True
    if a.stated.step == b.stated.step and a.row.get("approx") == b.row.get("approx"):
        return False  # equal precision and no back-reference: equal value is no evidence
    short = min(len(_bigrams(a.clause)), len(_bigrams(b.clause)))
    return short >= 3 and overlap(a.clause, b.clause) >= 0.6


def _place_agrees(a: dict, b: dict) -> bool:
    """Places agree when one is missing or one contains the other (江苏省南京市 / 南京市;
    420100 / 420000)."""
    x, y = a.get("place_code"), b.get("place_code")
    if x and y:
        return x == y or code_within(x, y) or code_within(y, x)
    x, y = a.get("place"), b.get("place")
    if x and y:
        return x.startswith(y) or y.startswith(x) or x in y or y in x
    return True


def same_thing(a: Statement, b: Statement) -> bool:
    """Everything but the value agrees: unit, kind, place, period, direction, and the topic
    (category, object, action); a back-reference (上述12个) needs only the unit."""
    ra, rb = a.row, b.row
    if kind_of(a) != kind_of(b):
        return False
    if not (periods_agree(ra, rb, a.published or b.published) and _place_agrees(ra, rb)):
        return False
    if a.backref or b.backref:
        return True
    weak_a = a.category in WEAK_CATEGORIES or _bare_share(a)
    weak_b = b.category in WEAK_CATEGORIES or _bare_share(b)
    if not weak_a and not weak_b:
        return a.category == b.category and objects_agree(a, b) and actions_agree(a, b)
    if weak_a and weak_b:
        return _weak_topic_agrees(a, b)
    return objects_agree(a, b) and actions_agree(a, b) and (
        a.object is not None and b.object is not None or _weak_topic_agrees(a, b))


def same_statistic(a: Statement, b: Statement) -> bool:
    """One statistic stated twice: 近1.5万起 and 1.487万起 of 破获电信网络诈骗案件."""
    return agree(a.stated, b.stated) and same_thing(a, b)


def slipped(a: Statement, b: Statement) -> bool:
    """The same statistic with a power-of-ten slip: 预警劝阻14.5万人次 vs 145万人次. Without a
    category, only the same specific object and action is evidence (盘查重点人员2.36万人次 /
    盘查重点人员23.6万人次; not 出动警力4.8万人次 / 48万人次 of another clause's object)."""
    if a.backref or b.backref or a.category != b.category or a.row.get("quantity_kind") in _NO_SLIPS:
        return False
    if not tenfold_slip(a.stated, b.stated) or not same_thing(a, b):
        return False
    if a.category in WEAK_CATEGORIES:
        return _same_specific_topic(a, b)
    return actions_agree(a, b)


@dataclass
class Cluster:
    """Statements of one statistic within a document, in text order."""

    members: list[Statement]
    conflict: bool = False

    def anchors(self) -> list[Statement]:
        return [m for m in self.members if not m.backref] or self.members


def _score(item: Statement, cluster: Cluster) -> tuple:
    best = max(cluster.anchors(), key=lambda m: m.start)
    exact = sum(1 for m in cluster.anchors() if m.category == item.category and m.object == item.object)
    return (exact, best.start)


def kind_of(item) -> tuple:
    """What two statements (or local facts) must share before anything else is compared: the
    unit class, the quantity kind, the currency and the change direction (12个团伙 / 12个)."""
    row = item.row
    return (item.unit_class, row.get("quantity_kind"), row.get("currency") or None,
            row.get("change_direction") or None)


def cluster_statements(items: list[Statement], forbidden: dict[int, int]) -> list[Cluster]:
    """Group a document's statements, in text order, by complete agreement with a cluster's
    anchors (a back-reference joins the nearest cluster it agrees with). ``forbidden`` maps a
    part's index to its total's index: a part never joins its total's cluster. Only clusters
    of the same ``kind_of`` are compared (``same_thing`` needs it)."""
    clusters: list[Cluster] = []
    by_kind: dict[tuple, list[Cluster]] = {}
    where: dict[int, Cluster] = {}
    for item in sorted(items, key=lambda s: (s.start, s.index)):
        barred = where.get(forbidden.get(item.index, -1))
        candidates = by_kind.setdefault(kind_of(item), [])
        if item.backref:
            fits = [c for c in candidates if c is not barred
                    and any(same_statistic(item, m) for m in c.members)]
        else:
            fits = [c for c in candidates if c is not barred
                    and all(same_statistic(item, m) for m in c.anchors())]
        target = max(fits, key=lambda c: _score(item, c)) if fits else None
        if target is None:
            slips = [c for c in candidates if c is not barred and all(
                slipped(item, m) or same_statistic(item, m) for m in c.anchors())
                and any(slipped(item, m) for m in c.anchors())]
            target = max(slips, key=lambda c: _score(item, c)) if slips else None
            if target is not None:
                target.conflict = True
        if target is None:
            target = Cluster([])
            clusters.append(target)
            candidates.append(target)
        target.members.append(item)
        where[item.index] = target
    return merge_slips(clusters, forbidden)


def _scaled(figure: Stated, factor: float) -> Stated:
    return Stated(figure.value * factor, figure.lo * factor, figure.hi * factor, figure.step * factor, figure.exact)


def _slip_factor(x: Cluster, y: Cluster) -> float | None:
    """The power of ten that turns the figures of cluster ``x`` into those of ``y``, when the
    two state one statistic with a slip: every pair of anchors is the same thing, one pair is a
    slip digit for digit (31.8千克 / 318千克) and every other figure agrees once scaled
    (31.8千克 × 10 within the headline's 逾300千克). None when they are two statistics."""
    pairs = [(a, b) for a in x.anchors() for b in y.anchors()]
    slip = next((a for a, b in pairs if slipped(a, b)), None)
    if slip is None:
        return None
    factor = next(b.stated.value / a.stated.value for a, b in pairs if a is slip and slipped(a, b))
    for a, b in pairs:
        if not (same_thing(a, b) and (agree(_scaled(a.stated, factor), b.stated) or slipped(a, b))):
            return None
    return factor


def merge_slips(clusters: list[Cluster], forbidden: dict[int, int]) -> list[Cluster]:
    """A cluster that states a later cluster's statistic with a power-of-ten slip joins it and
    sets ``conflict``: 逾300千克 (headline), 31.8千克 (lead), 318千克 (body) are one statistic with
    a slip, though 31.8 cannot slip against the headline's one significant digit and came first.
    A part and its total (``forbidden``) are never merged."""
    kept: list[Cluster] = []
    for cluster in clusters:
        indices = {m.index for m in cluster.members}
        home = next((k for k in kept if kind_of(k.members[0]) == kind_of(cluster.members[0])
                     and not _barred(k, indices, forbidden) and _slip_factor(k, cluster) is not None), None)
        if home is None:
            kept.append(cluster)
            continue
        home.members = sorted(home.members + cluster.members, key=lambda s: (s.start, s.index))
        home.conflict = True
    return kept


def _barred(cluster: Cluster, indices: set[int], forbidden: dict[int, int]) -> bool:
    mine = {m.index for m in cluster.members}
    return any(forbidden.get(i) in mine for i in indices) or any(forbidden.get(i) in indices for i in mine)
