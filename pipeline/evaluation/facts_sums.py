"""Sums of money, cases and suspects: fazhi's count-once sum against the hand count (issue 13).

Three sums per group of categories (``GROUPS``), over all places and per place:

- **naive**: every metrics row added (what summing the rows gives: restatements, subtotals and
  republished copies all count);
- **fazhi**: the facts added as the README's analysis does (one value per fact, the value of its
  most precise statement; a fact some row of which is ``part_of`` a total is left out, per
  place only when the total is in the same place);
- **hand**: what the hand marks imply: every marked statistic once (its statements, the
  cross-document ``across`` marks and the statements of a republished copy joined), a marked
  part left out like fazhi's, a republished copy (``republishes``) adding nothing, and every
  figure in no mark counted as itself.

Category, place, value and statistic come from the metrics rows (what the metrics stage read),
for the hand count too: the measure isolates the count-once links from attribution. A
statistic's value is that of its most precise statement that is not marked a conflict
(14.5万人次 / 145万人次: the marked slip is not taken). Money is summed in 元 (``value`` folds 万
and 亿 in); rows of money in another currency are counted apart (``other_currency_rows``).
``details`` lists the statistics where fazhi and the hand count differ, each with a reason.
"""

from __future__ import annotations

from pipeline.facts.values import stated, unit_class

GROUPS: dict[str, tuple[str, ...]] = {
    "money": ("money_involved", "assets_seized", "losses_recovered"),
    "cases": ("cases_filed", "cases_solved"),
    "suspects": ("suspects_arrested",),
}
_KIND = {"money": ("money", "元"), "cases": ("count", "起"), "suspects": ("count", "人")}
NO_PLACE = "(no place)"


def group_of(row: dict) -> str | None:
    """The group a metrics row (or fact) is summed in, or None: 查扣涉案资产13.2亿元 (money in 元)
    → money; 破获14870起 → cases; 抓获3126名 → suspects; 破案率41.2% (a rate) → None."""
    if row.get("statistic") not in (None, "total") or row.get("change_direction") is not None:
        return None
    for group, categories in GROUPS.items():
        kind, unit = _KIND[group]
        if row.get("category") in categories and row.get("quantity_kind") == kind:
            return group if unit_class(row.get("unit"), kind) == unit else None
    return None


def place_key(row: dict | None) -> str:
    """The place a row or fact is summed under: its division code and name (``320100 南京市``),
    else its place name."""
    if not row:
        return NO_PLACE
    return " ".join(p for p in (row.get("place_code"), row.get("place")) if p) or NO_PLACE


def precision(row: dict) -> float:
    """The rounding of a stated figure relative to its value (smaller is more precise):
    14870起 is more precise than 近1.5万起."""
    figure = stated(row["value"], row.get("value_max"), row.get("approx"))
    return figure.relative_width


class _Tally:
    """naive / fazhi / hand sums per group, per group and category, and per group and place."""

    def __init__(self) -> None:
        self.sums: dict[tuple, dict[str, float]] = {}

    def add(self, which: str, group: str, category: str, place: str, value: float,
            whole: bool = True, in_place: bool = True) -> None:
        """Add ``value`` to the overall sums (when ``whole``) and to its place's (``in_place``)."""
        keys = ([(group, None, None), (group, category, None)] if whole else []) + (
            [(group, None, place)] if in_place else [])
        for key in keys:
            entry = self.sums.setdefault(key, {"naive": 0.0, "fazhi": 0.0, "hand": 0.0})
            entry[which] += value

    def report(self) -> dict:
        """{group: {naive, fazhi, hand, error, naive_error, by_category, by_place}}."""
        out: dict[str, dict] = {}
        for group in GROUPS:
            if (group, None, None) not in self.sums:
                continue
            entry = _scored(self.sums[(group, None, None)])
            entry["by_category"] = {c: _scored(s) for (g, c, p), s in sorted(self.sums.items(), key=str)
                                    if g == group and c is not None}
            entry["by_place"] = {p: _scored(s) for (g, c, p), s in sorted(self.sums.items(), key=str)
                                 if g == group and p is not None}
            entry["places_within_5pct"] = _within(entry["by_place"])
            out[group] = entry
        return out


def _within(by_place: dict[str, dict]) -> dict:
    """How many places with a hand count have fazhi's sum within 5% of it, and the worst place
    (no place left out)."""
    scored = {p: e["error"] for p, e in by_place.items() if e["error"] is not None and p != NO_PLACE}
    worst = max(sorted(scored), key=lambda p: abs(scored[p]), default=None)
    worst = worst if worst is not None and scored[worst] else None
    return {"places": len(scored), "within": sum(abs(e) <= 0.05 for e in scored.values()),
            "worst": worst, "worst_error": scored.get(worst)}


def _scored(sums: dict[str, float]) -> dict:
    hand = sums["hand"]
    return {"naive": round(sums["naive"], 2), "fazhi": round(sums["fazhi"], 2), "hand": round(hand, 2),
            "error": round((sums["fazhi"] - hand) / hand, 6) if hand else None,
            "naive_error": round((sums["naive"] - hand) / hand, 6) if hand else None}


def sum_counts(gold: list[dict], metrics: list[dict], documents: list[dict], links: dict,
               facts: list[dict], details: bool = False) -> dict:
    """naive, fazhi and hand sums per group (``GROUPS``), overall and per place, of a link()
    output (``links`` = {metric_id: (fact_id, part_of)}, ``facts`` = rows of the facts table);
    ``marked_only``: the same overall sums over the figures some mark names (a figure in no
    mark may be a part or a restatement the marks left out); with ``details`` also
    ``differences``: the statistics where fazhi and the hand count part."""
    hand = _HandCount(gold, metrics, documents)
    report, counted_facts, counted_units = _sums(hand, metrics, links, facts, None)
    marked = _sums(hand, metrics, links, facts, hand.marked)[0]
    report["marked_only"] = {g: {k: v for k, v in e.items() if k not in ("by_category", "by_place")}
                             for g, e in marked.items()}
    report["other_currency_rows"] = sum(
        1 for r in metrics if r.get("category") in GROUPS["money"] and r.get("quantity_kind") == "money"
        and unit_class(r.get("unit"), "money") != "元")
    if details:
        report["differences"] = _differences(hand, links, facts, counted_facts, counted_units)
    return report


def _sums(hand: _HandCount, metrics: list[dict], links: dict, facts: list[dict],
          keep: set[str] | None) -> tuple[dict, set[str], set[str]]:
    """The three sums over the rows ``keep`` (every row when None), and the facts and
    statistics counted in the overall sums."""
    if keep is not None:
        metrics = [m for m in metrics if m["metric_id"] in keep]
        kept = {links[m][0] for m in keep if m in links}
        facts = [f for f in facts if f["fact_id"] in kept]
    tally = _Tally()
    for row in metrics:
        group = group_of(row)
        if group:
            tally.add("naive", group, row["category"], place_key(row), row["value"])
    counted_facts = _fazhi_sums(tally, metrics, links, facts)
    counted_units = hand.add_to(tally, keep)
    return tally.report(), counted_facts, counted_units


def _fazhi_sums(tally: _Tally, metrics: list[dict], links: dict, facts: list[dict]) -> set[str]:
    """Add the facts as the README does; the fact_ids counted in the overall sums."""
    rows_of: dict[str, list[dict]] = {}
    for row in metrics:
        if row["metric_id"] in links:
            rows_of.setdefault(links[row["metric_id"]][0], []).append(row)
    place_of = {f["fact_id"]: place_key(f) for f in facts}
    counted = set()
    for fact in facts:
        rows = rows_of.get(fact["fact_id"], [])
        summable = any(r.get("statistic") in (None, "total") and r.get("change_direction") is None for r in rows)
        group = group_of({**fact, "statistic": "total" if summable else "other", "change_direction": None})
        if not group:
            continue
        wholes = {links[r["metric_id"]][1] for r in rows} - {None}
        place = place_key(fact)
        if not wholes:
            counted.add(fact["fact_id"])
        tally.add("fazhi", group, fact["category"], place, fact["value"], whole=not wholes,
                  in_place=all(place_of.get(w, NO_PLACE) != place for w in wholes))
    return counted


class _HandCount:
    """The statistics the hand marks imply: union of the marked statements, parts, conflicts,
    and the republished copies (whose rows add nothing)."""

    def __init__(self, gold: list[dict], metrics: list[dict], documents: list[dict]) -> None:
        from .facts import documents_by_name, locate, metric_at  # facts.py imports this module

        self.rows = {m["metric_id"]: m for m in metrics}
        self.docs = documents_by_name(documents)
        self.parent: dict[str, str] = {}
        self.parts: list[tuple[str, str]] = []
        self.conflicts: set[str] = set()
        self.copies: set[str] = set()
        self.marked: set[str] = set()
        per_doc: dict[str, list[dict]] = {}
        for m in metrics:
            per_doc.setdefault(m["doc_id"], []).append(m)

        def at(name: str, mention: str) -> str | None:
            doc = self.docs.get(name)
            mid = doc and metric_at(per_doc.get(doc["doc_id"], []), locate(doc["raw_text"], mention))
            self.marked |= {mid} - {None}
            return mid

        marks = {g["doc"]: g for g in gold if "doc" in g}
        for name, mark in marks.items():
            source = marks.get(mark.get("statistics_as"), mark)
            if mark.get("republishes") and name in self.docs:
                self.copies.add(self.docs[name]["doc_id"])
                for mention in _mentions(source):
                    at(name, mention)
                continue
            for group in source.get("statistics", []):
                self._join([at(name, m) for m in group])
            self.parts += [(p, t) for p, t in ((at(name, p), at(name, t)) for p, t in source.get("parts", []))
                           if p and t]
            self.conflicts |= {at(name, c) for c in source.get("conflicts", [])} - {None}
        for line in gold:
            self._join([at(name, m) for name, m in line.get("across", [])])

    def find(self, mid: str) -> str:
        """The statistic (root metric_id) the row ``mid`` states."""
        while self.parent.get(mid, mid) != mid:
            mid = self.parent[mid]
        return mid

    def _join(self, mids: list[str | None]) -> None:
        roots = sorted({self.find(m) for m in mids if m})
        for root in roots[1:]:
            self.parent[root] = roots[0]

    def units(self) -> dict[str, dict]:
        """{root: {rows, rep, category, place, group}} of every statistic outside the copies."""
        members: dict[str, list[dict]] = {}
        for row in sorted(self.rows.values(), key=lambda r: (r["doc_id"], r["start"])):
            if row["doc_id"] not in self.copies:
                members.setdefault(self.find(row["metric_id"]), []).append(row)
        units = {}
        for root, rows in members.items():
            sure = [r for r in rows if r["metric_id"] not in self.conflicts] or rows
            rep = min(sure, key=precision)
            category = rep.get("category") or next((r["category"] for r in rows if r.get("category")), None)
            place = place_key(rep)
            if place == NO_PLACE:
                place = next((place_key(r) for r in rows if place_key(r) != NO_PLACE), NO_PLACE)
            units[root] = {"rows": rows, "rep": rep, "category": category, "place": place,
                           "group": group_of({**rep, "category": category})}
        return units

    def add_to(self, tally: _Tally, keep: set[str] | None = None) -> set[str]:
        """Add the hand count to ``tally`` (only statistics with a row in ``keep`` when given);
        the statistics (roots) counted in the overall sums."""
        units = self.units()
        totals: dict[str, set[str]] = {}
        for part, total in self.parts:
            totals.setdefault(self.find(part), set()).add(self.find(total))
        counted = set()
        for root, unit in units.items():
            if not unit["group"] or keep is not None and not any(r["metric_id"] in keep for r in unit["rows"]):
                continue
            wholes = totals.get(root, set())
            if not wholes:
                counted.add(root)
            tally.add("hand", unit["group"], unit["category"], unit["place"], unit["rep"]["value"],
                      whole=not wholes,
                      in_place=all(units.get(w, {}).get("place") != unit["place"] for w in wholes))
        self.counted_units = units
        return counted


def _mentions(mark: dict) -> list[str]:
    """Every mention of a page's marks (statistics, parts, conflicts)."""
    return ([m for group in mark.get("statistics", []) for m in group]
            + [m for pair in mark.get("parts", []) for m in pair] + list(mark.get("conflicts", [])))


def _differences(hand: _HandCount, links: dict, facts: list[dict], counted_facts: set[str],
                 counted_units: set[str]) -> list[dict]:
    """Where fazhi's overall sums and the hand count part, one item per statistic or fact:
    ``left_out`` (a counted statistic none of whose facts fazhi counts: taken for a part),
    ``counted_twice`` (its statements are several counted facts), ``part_counted`` (a counted
    fact whose statements the marks call a part), ``folded`` (one counted fact for several
    counted statistics), ``copy_counted`` (a fact stated only in republished copies),
    ``other_value`` (one fact, another value), each with its statements as read."""
    from .facts import describe

    units = hand.counted_units
    value = {f["fact_id"]: f["value"] for f in facts}
    fact_of = {mid: link[0] for mid, link in links.items()}
    units_of: dict[str, set[str]] = {}
    for mid, row in hand.rows.items():
        if mid in fact_of:
            units_of.setdefault(fact_of[mid], set())
            if row["doc_id"] not in hand.copies:
                units_of[fact_of[mid]].add(hand.find(mid))
    names = {d["doc_id"]: n for n, d in hand.docs.items()}

    def show(rows: list[dict]) -> list[str]:
        return [f"{names.get(r['doc_id'], r['doc_id'])}: {describe(r, hand.docs[names[r['doc_id']]]['raw_text'])}"
                for r in rows if r["doc_id"] in names]

    found = []
    for root in sorted(counted_units, key=lambda u: (units[u]["rows"][0]["doc_id"], units[u]["rows"][0]["start"])):
        unit = units[root]
        mine = {fact_of.get(r["metric_id"]) for r in unit["rows"]} & counted_facts
        fazhi = sorted(value[f] for f in mine)
        reason = ("left_out" if not mine else "counted_twice" if len(mine) > 1 else
                  "other_value" if abs(fazhi[0] - unit["rep"]["value"]) > 1e-6 * abs(fazhi[0]) else None)
        if reason:
            found.append({"doc": names.get(unit["rows"][0]["doc_id"]), "group": unit["group"], "reason": reason,
                          "hand": unit["rep"]["value"], "fazhi": fazhi, "statements": show(unit["rows"])})
    by_id = {f["fact_id"]: f for f in facts}
    for fact_id in sorted(counted_facts):
        counted = units_of.get(fact_id, set()) & counted_units
        if len(counted) == 1:
            continue
        rows = sorted((r for r in hand.rows.values() if fact_of.get(r["metric_id"]) == fact_id),
                      key=lambda r: (r["doc_id"], r["start"]))
        found.append({"doc": names.get(rows[0]["doc_id"]) if rows else None,
                      "group": group_of({**rows[0], **by_id[fact_id]}) if rows else None,
                      "reason": "copy_counted" if not units_of.get(fact_id) else "part_counted" if not counted
                      else "folded", "fazhi": value[fact_id], "statements": show(rows)})
    return found
