"""The corpus-level pass: statements within documents, then across republications and
documents, folded into facts.

1. Per document (metrics sorted by doc_id, one document's rows in Python at a time): the
   statements of one statistic (restate.py) and the parts of totals (parts.py) give local facts.
2. Republications (duplicates.py): a near-duplicate's local facts join its first copy's local
   facts of the same unit whose values agree (廣州…14.5萬人次 → 广州…14.5万人次).
3. Across documents, by blocking key (category, place_code or place, period, unit): local facts
   whose values agree within rounding fold. Only facts with a strong category, a place and a
   period are blocked; the others stay facts of their own document (and its republications).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from pipeline.document import content_id

from .leads import item_place
from .parts import part_targets
from .periods import year_so_far
from .restate import (Boundaries, Cluster, abbreviates, cluster_statements, read_those_backrefs, kind_of, normalise_object, overlap,
                      statement)
from .values import WEAK_CATEGORIES, Stated, agree, significant_digits

# Durations (五年, 3年) describe a story, not a statistic another outlet restates.
NOT_ACROSS = frozenset({"duration"})
_PERIOD_NOISE = re.compile(r"^.*\s|本报讯")


# What a local fact keeps of its most precise statement's row (not the whole row).
KEPT = ("value", "value_max", "unit", "quantity_kind", "currency", "change_direction", "place",
        "place_code", "period", "period_start", "period_end")


@dataclass(slots=True)
class Local:
    """A statistic as one document states it (one within-document cluster)."""

    lid: int
    doc_id: str
    order: tuple
    first_start: int
    first_metric_id: str
    row: dict            # the most precise statement's row
    rep: Stated
    unit_class: str
    category: str
    object: str | None
    n_statements: int
    conflict: bool
    values: list[Stated] = field(default_factory=list)
    published: object = None
    periods: tuple = ()


def _precision(item) -> tuple:
    return (item.stated.relative_width, item.start, item.index)


def _strong_category(cluster: Cluster) -> str:
    for member in cluster.members:
        if member.category not in WEAK_CATEGORIES:
            return member.category
    return cluster.members[0].category


def _first_object(cluster: Cluster, rep) -> str | None:
    if rep.object:
        return rep.object
    return next((m.object for m in cluster.members if m.object), None)


def document_locals(doc_id: str, order: tuple, raw: str | None, rows: list[dict], first_lid: int,
                    published=None) -> tuple[list[Local], dict[str, int], dict[str, int]]:
    """The local facts of one document, metric_id → local id, and part metric_id → the local
    id of its total."""
    bounds = Boundaries(raw) if raw else None
    items = [statement(i, item_place(row, raw), raw, bounds, published) for i, row in enumerate(rows)]
    read_those_backrefs(items)
    targets = part_targets(items)
    clusters = cluster_statements(items, targets)
    locals_: list[Local] = []
    of_metric: dict[str, int] = {}
    lid_of_index: dict[int, int] = {}
    for number, cluster in enumerate(clusters):
        lid = first_lid + number
        rep = min(cluster.members, key=_precision)
        first = min(cluster.members, key=lambda m: (m.start, m.index))
        locals_.append(Local(
            lid, doc_id, order, first.start, first.row["metric_id"],
            {key: rep.row[key] for key in KEPT if rep.row.get(key) is not None}, rep.stated,
            rep.unit_class, _strong_category(cluster), _first_object(cluster, rep),
            len(cluster.members), cluster.conflict, [m.stated for m in cluster.members], published,
            tuple(sorted({key for m in cluster.members for key in period_keys(m.row, published)}))))
        for member in cluster.members:
            of_metric[member.row["metric_id"]] = lid
            lid_of_index[member.index] = lid
    parts = {rows[p]["metric_id"]: lid_of_index[t] for p, t in targets.items()}
    share_periods(locals_, [(lid_of_index[p], lid_of_index[t]) for p, t in targets.items()], first_lid)
    return locals_, of_metric, parts


def share_periods(locals_: list[Local], parts: list[tuple[int, int]], first_lid: int) -> None:
    """A part stated for the same period as its total (a period key in common) is blocked under
    every period its total is stated with: 截至11月底，挽回损失23516万元，其中发还1.62亿元, where the
    23516万元 restates 今年以来…2.35亿元, meets another report's 今年以来…发还1.62亿元."""
    for part, total in parts:
        mine, theirs = locals_[part - first_lid], locals_[total - first_lid]
        if part != total and set(mine.periods) & set(theirs.periods):
            mine.periods = tuple(sorted(set(mine.periods) | set(theirs.periods)))


class UnionFind:
    """Disjoint sets over local ids; the root of a set is its smallest (first) id."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _copies_agree(copy: Local, first: Local) -> bool:
    """A copy's local fact states the first copy's when their most precise statements agree, or
    when it states one of the first copy's figures as written (the 145万人次 of a conflict). A
    figure that only falls within another statement's rounding is not enough: 民事案件21307件 lies
    within the headline's 审结案件近3万件, yet it is a kind broken out of 29683件, not that total."""
    if kind_of(copy) != kind_of(first):
        return False
    if agree(copy.rep, first.rep):
        return True
    return any(a.value == b.value and agree(a, b) for a in copy.values for b in first.values)


def _reps_agree(copy: Local, first: Local) -> int:
    return int(agree(copy.rep, first.rep))


def _copy_level(copy: Local, first: Local) -> tuple[int, int]:
    """How well a republication's local fact matches one of the first copy's, best first: the
    category (2 when both carry the same strong one, 1 when either is weak, 0 when they clash:
    a republication's figures may be read with other categories), then the place (2 the same,
    1 one missing, 0 two others: 南明区86起 and 云岩区86起 are two figures in both copies)."""
    if copy.category == first.category and copy.category not in WEAK_CATEGORIES:
        category = 2
    else:
        category = 1 if copy.category in WEAK_CATEGORIES or first.category in WEAK_CATEGORIES else 0
    here = copy.row.get("place_code") or copy.row.get("place")
    there = first.row.get("place_code") or first.row.get("place")
    return category, 2 if here == there else 1 if not here or not there else 0


def merge_republications(by_root: dict[str, list[Local]], sets: UnionFind) -> None:
    """A republication's local facts join the first copy's that agree in unit and value, at the
    best category level (the 38名 of 处分党员干部 joins the first copy's 处分, not its 抓获)."""
    for group in by_root.values():
        docs = sorted({(local.order, local.doc_id) for local in group})
        if len(docs) < 2:
            continue
        first_doc = docs[0][1]
        firsts: dict[tuple, list[Local]] = defaultdict(list)  # by unit, kind, currency, direction
        for local in group:
            if local.doc_id == first_doc:
                firsts[kind_of(local)].append(local)
        for local in group:
            if local.doc_id == first_doc:
                continue
            matches = [((_reps_agree(local, f), *_copy_level(local, f)), f)
                       for f in firsts.get(kind_of(local), ()) if _copies_agree(local, f)]
            best = max((level for level, _ in matches), default=(0, 0, 0))
            for level, match in matches:
                if level == best:
                    sets.union(match.lid, local.lid)


def period_keys(row: dict, published) -> list[tuple]:
    """The periods a statement can be blocked on: its resolved dates; an open period (…以来)
    also by its start, so 今年以来 resolved on one page and left as written on another (with
    the publication year) meet, and so does the year so far (今年 of a report of Dec 9, or
    今年1至11月: ``periods.year_so_far``); else the period as written with the publication year."""
    keys: list[tuple] = []
    text = _PERIOD_NOISE.sub("", row.get("period") or "").strip()
    start, end = row.get("period_start"), row.get("period_end")
    if start and end:
        keys.append(("dates", str(start), str(end)))
        if "以来" in text or year_so_far((start, end), published):
            keys.append(("since", str(start)))
    elif text and published is not None:
        year = str(published)[:4]
        keys.append(("since", f"{year}-01-01") if text.startswith("今年") and "以来" in text
                    else ("text", text, year))
    return keys


def block_keys(local: Local) -> list[tuple]:
    """(category, place, period, unit) keys the fact folds across documents under, one per
    period its statements give; none when it says too little to be compared with another
    document's (no specific category, no place, no period, or a duration)."""
    place = local.row.get("place_code") or local.row.get("place")
    if local.category in WEAK_CATEGORIES or not place or local.row.get("quantity_kind") in NOT_ACROSS:
        return []
    return [(local.category, place, period, *map(str, kind_of(local))) for period in local.periods] + undated_keys(local)


UNDATED = "undated"


def undated_keys(local: Local) -> list[tuple]:
    """The key under which a statement without a period meets the dated statements of its
    figure: category, place, unit and the exact value, written with 3 or more significant
    digits (a digest's 破获…案件127起 without 今年前10个月 and the report's 今年以来…127起; a
    round 120起 or an approximate 近130起 says too little to be joined without a period)."""
    place = local.row.get("place_code") or local.row.get("place")
    if local.category in WEAK_CATEGORIES or not place or local.row.get("quantity_kind") in NOT_ACROSS \
            or not local.rep.exact or significant_digits(local.rep.value) < 3:
        return []
    return [(UNDATED, local.category, place, *map(str, kind_of(local)), repr(float(local.rep.value)))]


def fold_undated(members: list[Local], sets: UnionFind) -> None:
    """Under one ``undated_keys`` key: a statement without a period joins the dated statements
    of other documents whose objects fit, when they all share a period (nothing contradicts:
    a 2316万元 read without a period beside 2316万元 of 今年 and 2316万元 of 去年 stays apart).
    Dated statements are never joined to each other here."""
    dated = [m for m in members if m.periods]
    for local in (m for m in members if not m.periods):
        anchors = [d for d in dated if d.doc_id != local.doc_id and _objects_fit(local, d)]
        if anchors and set.intersection(*(set(a.periods) for a in anchors)):
            for anchor in anchors:
                sets.union(anchor.lid, local.lid)


def fold_block(members: list[Local], sets: UnionFind) -> None:
    """The local facts of one blocking key, in stable order: each joins the first group all of
    whose members it agrees with in value and object (浙江…1.487万起 and 浙江…14870起)."""
    groups: list[list[Local]] = []
    for local in sorted(members, key=lambda x: (x.order, x.first_start, x.lid)):
        home = next((g for g in groups if all(
            agree(local.rep, other.rep) and _objects_fit(local, other) for other in g)), None)
        if home is None:
            groups.append([local])
        else:
            home.append(local)
            sets.union(home[0].lid, local.lid)


def _objects_fit(a: Local, b: Local) -> bool:
    """电信网络诈骗案件 and 电信诈骗案件 fit, and so does an abbreviation (电诈案件). A missing object fits only the same number written
    at least as precisely (两位 significant digits): 海关征税增一成 and another report's
    10.1%左右 of the same category, place and year are two statistics."""
    x, y = normalise_object(a.object), normalise_object(b.object)
    if x is None or y is None:
        return a.rep.value == b.rep.value and min(significant_digits(a.rep.value),
                                                  significant_digits(b.rep.value)) >= 2
    short, long = sorted((x, y), key=len)
    return x in y or y in x or overlap(x, y) >= 0.6 or (
        len(short) >= 3 and short[0] == long[0] and abbreviates(short, long))  # 电诈案件 / 电信网络诈骗案件


def fact_key(rep: Local, category: str, obj: str | None, scope: str | None) -> str:
    """The document-independent content hash of a fact: category, object, place, period, unit
    and the most precise value; ``scope`` (its first document) only for unblocked facts."""
    row = rep.row
    key = content_id("fact", category, normalise_object(obj) or "", row.get("place_code") or
                     row.get("place") or "", row.get("period_start") or "", row.get("period_end") or "",
                     rep.unit_class, repr(float(rep.rep.value)), repr(row.get("value_max")))
    return scoped(key, scope)


def scoped(key: str, scope: str | None) -> str:
    """The id of a fact that cannot be compared across documents: its key within ``scope``."""
    return content_id(key, scope) if scope else key
