"""Score count-once links (pipeline.facts.link) against hand marks (tests/fixtures/facts/.gold.jsonl).

Scores: same-statistic pairs within a document (P/R/F), republished document pairs (P/R),
parts (gold parts whose part_of is the total's fact; predicted parts not marked), conflicts
found, and cross-document pairs of the marked statistics (recall). With ``details`` the
scores also list every miss, so it can be read: missed and wrong pairs, parts linked to no or
the wrong total, unmarked parts, missed conflicts and cross-document pairs (``format_details``
prints them).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from pipeline.facts.duplicates import to_simplified

from .corpora import read_jsonl_records
from .facts_sums import sum_counts

_MARK = re.compile(r"\[([^\]]+)\]")


def read_gold(path: str | Path) -> list[dict]:
    """The hand marks of a facts gold file, one record a line."""
    return [record for _, record in read_jsonl_records(path)]


def locate(raw: str, mention: str) -> tuple[int, int] | None:
    """(start, end) of the bracketed figure of ``mention`` in ``raw`` (or in its simplified
    form, for a traditional page); None when absent; an error when not unique."""
    match = _MARK.search(mention)
    if match is None:
        raise ValueError(f"mention without [figure]: {mention!r}")
    plain = mention[:match.start()] + match.group(1) + mention[match.end():]
    for text in (raw, to_simplified(raw)):
        if len(text) != len(raw):
            continue
        at = text.find(plain)
        if at >= 0:
            if text.find(plain, at + 1) >= 0:
                raise ValueError(f"mention not unique: {mention!r}")
            return at + match.start(), at + match.start() + len(match.group(1))
    return None


def metric_at(metrics: list[dict], span: tuple[int, int] | None) -> str | None:
    """The metric_id of the first row of ``metrics`` that overlaps ``span`` (None when none does)."""
    if span is None:
        return None
    hits = [m for m in metrics if m["start"] < span[1] and span[0] < m["end"]]
    return min(hits, key=lambda m: m["start"])["metric_id"] if hits else None


def _prf(found: set, gold: set) -> dict:
    tp = len(found & gold)
    p = tp / len(found) if found else 1.0
    r = tp / len(gold) if gold else 1.0
    return {"tp": tp, "found": len(found), "gold": len(gold), "precision": round(p, 3),
            "recall": round(r, 3), "f": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def documents_by_name(documents: list[dict]) -> dict[str, dict]:
    """{file name of the page: documents row} (the name the hand marks use)."""
    return {Path(str(d["source"]).split(":")[0]).name: d for d in documents}


def _pairs_of_facts(metric_ids: list[str], links: dict) -> set[frozenset]:
    groups: dict[str, list[str]] = {}
    for mid in metric_ids:
        if mid in links:
            groups.setdefault(links[mid][0], []).append(mid)
    return {frozenset(p) for g in groups.values() for p in itertools.combinations(sorted(g), 2)}


def score_links(gold: list[dict], metrics: list[dict], documents: list[dict], links: dict,
                duplicates: dict, facts: list[dict], details: bool = False) -> dict:
    """Scores of a link() output (``links`` = metric columns, ``duplicates`` = document columns);
    with ``details`` also ``details``: every miss, each figure shown in its context."""
    docs = documents_by_name(documents)
    per_doc: dict[str, list[dict]] = {}
    for m in metrics:
        per_doc.setdefault(m["doc_id"], []).append(m)
    marks = {g["doc"]: g for g in gold if "doc" in g}
    conflict = {f["fact_id"]: f["conflict"] for f in facts}
    misses = _Misses(metrics, documents, links)
    gold_pairs, found_pairs, parts_ok, parts_gold, conflicts_ok, conflicts_gold = set(), set(), 0, 0, 0, 0
    marked_parts: set[str] = set()
    for name, mark in marks.items():
        doc = docs[name]
        rows = per_doc.get(doc["doc_id"], [])
        at = misses.reader(name, rows, doc["raw_text"])
        source = marks.get(mark.get("statistics_as"), mark)
        for group in source.get("statistics", []):
            ids = sorted({i for i in map(at, group) if i})
            gold_pairs |= {frozenset(p) for p in itertools.combinations(ids, 2)}
        found_pairs |= _pairs_of_facts([r["metric_id"] for r in rows], links)
        for part, total in source.get("parts", []):
            p, t = at(part), at(total)
            if p and t:
                parts_gold += 1
                marked_parts.add(p)
                linked = links.get(p, (None, None))[1] == links.get(t, (None,))[0]
                parts_ok += linked
                if not linked:
                    misses.part(p, t)
        for mention in source.get("conflicts", []):
            m = at(mention)
            if m:
                conflicts_gold += 1
                found = bool(conflict.get(links[m][0]))
                conflicts_ok += found
                if not found:
                    misses.conflict(m)
    predicted_parts = {mid for mid, (_, part) in links.items() if part}
    name_of = {d["doc_id"]: n for n, d in docs.items()}
    gold_dups = {frozenset((m["doc"], m["republishes"])) for m in marks.values() if m.get("republishes")}
    found_dups = {frozenset((name_of[d], name_of[o])) for d, (o, _) in duplicates.items()
                  if o and d in name_of and o in name_of}
    scores = {
        "within_pairs": _prf(found_pairs, gold_pairs),
        "duplicate_pairs": _prf(found_dups, gold_dups),
        "parts": {"gold": parts_gold, "linked_to_total": parts_ok,
                  "unmarked_parts": len(predicted_parts - marked_parts)},
        "conflicts": {"gold": conflicts_gold, "found": conflicts_ok},
        "across": _across(gold, docs, per_doc, links, misses),
        "sums": sum_counts(gold, metrics, documents, links, facts, details=details),
    }
    if details:
        misses.lists["sum_differences"] = scores["sums"].pop("differences")
        misses.pairs(gold_pairs - found_pairs, found_pairs - gold_pairs)
        misses.unmarked(predicted_parts - marked_parts, set(name_of))
        misses.duplicates(gold_dups - found_dups, found_dups - gold_dups)
        scores["details"] = misses.lists
    return scores


class _Misses:
    """The misses of one scoring, each figure described in its context (``describe``)."""

    def __init__(self, metrics: list[dict], documents: list[dict], links: dict) -> None:
        self.rows = {m["metric_id"]: m for m in metrics}
        self.docs = {d["doc_id"]: d for d in documents}
        self.names = {d["doc_id"]: n for n, d in documents_by_name(documents).items()}
        self.links = links
        self.lists: dict[str, list] = {key: [] for key in (
            "marks_not_read", "missed_pairs", "wrong_pairs", "missed_parts", "unmarked_parts",
            "missed_conflicts", "missed_across", "missed_republications", "wrong_republications")}

    def reader(self, name: str, rows: list[dict], raw: str):
        """mention -> metric_id of the page ``name``; a mention found in the text that no row
        covers (a figure the metrics stage did not read) is listed."""
        def at(mention: str) -> str | None:
            span = locate(raw, mention)
            mid = metric_at(rows, span)
            if span and mid is None and {"doc": name, "mark": mention} not in self.lists["marks_not_read"]:
                self.lists["marks_not_read"].append({"doc": name, "mark": mention})
            return mid
        return at

    def show(self, mid: str | None, with_doc: bool = False) -> str | None:
        """The row ``mid`` as ``describe`` shows it (with its page's name)."""
        if mid is None or mid not in self.rows:
            return None
        row = self.rows[mid]
        text = describe(row, self.docs[row["doc_id"]]["raw_text"])
        return f"{self.names.get(row['doc_id'], row['doc_id'])}: {text}" if with_doc else text

    def total_of(self, mid: str) -> str | None:
        """The first statement (same page first) of the fact ``mid``'s part_of points at."""
        target = self.links.get(mid, (None, None))[1]
        if target is None:
            return None
        doc = self.rows[mid]["doc_id"]
        rows = [r for r in self.rows.values() if self.links.get(r["metric_id"], (None,))[0] == target]
        if not rows:
            return f"fact {target[:12]} (no row)"
        first = min(rows, key=lambda r: (r["doc_id"] != doc, r["doc_id"], r["start"]))
        return self.show(first["metric_id"], with_doc=first["doc_id"] != doc)

    def part(self, part: str, total: str) -> None:
        """A marked part whose part_of is not its total's fact."""
        self.lists["missed_parts"].append({
            "doc": self.names[self.rows[part]["doc_id"]], "part": self.show(part),
            "total": self.show(total), "points_at": self.total_of(part),
            "same_fact": self.links.get(part, (None,))[0] == self.links.get(total, (None,))[0]})

    def conflict(self, mid: str) -> None:
        """A marked conflict statement whose fact is not flagged."""
        self.lists["missed_conflicts"].append({"doc": self.names[self.rows[mid]["doc_id"]],
                                               "statement": self.show(mid)})

    def pairs(self, missed: set, wrong: set) -> None:
        """Same-statistic pairs not linked, and linked pairs not marked."""
        for key, pairs in (("missed_pairs", missed), ("wrong_pairs", wrong)):
            for a, b in sorted(sorted(p, key=lambda i: self.rows[i]["start"]) for p in pairs):
                self.lists[key].append({"doc": self.names[self.rows[a]["doc_id"]],
                                        "a": self.show(a), "b": self.show(b)})
        for key in ("missed_pairs", "wrong_pairs"):
            self.lists[key].sort(key=lambda x: (x["doc"], x["a"], x["b"]))

    def unmarked(self, parts: set, marked_docs: set) -> None:
        """Parts the run found that the marks do not list (in marked pages)."""
        for mid in parts:
            if self.rows.get(mid, {}).get("doc_id") in marked_docs:
                self.lists["unmarked_parts"].append({"doc": self.names[self.rows[mid]["doc_id"]],
                                                     "part": self.show(mid), "points_at": self.total_of(mid)})
        self.lists["unmarked_parts"].sort(key=lambda x: (x["doc"], x["part"]))

    def across(self, a: str | None, b: str | None, mentions: tuple) -> None:
        """A marked cross-document pair whose statements are not one fact."""
        self.lists["missed_across"].append({
            "marks": [f"{n}: {m}" for n, m in mentions],
            "a": self.show(a, with_doc=True), "b": self.show(b, with_doc=True),
            "facts": [self.links.get(a, (None,))[0], self.links.get(b, (None,))[0]]})

    def duplicates(self, missed: set, wrong: set) -> None:
        """Republished pairs not found, and pairs found that are not marked."""
        self.lists["missed_republications"] = sorted(sorted(p) for p in missed)
        self.lists["wrong_republications"] = sorted(sorted(p) for p in wrong)


def describe(row: dict, raw: str, width: int = 14) -> str:
    """A metrics row as it reads, the figure in brackets in its context, then what the metrics
    stage made of it: ``…全省公安机关共破获电信网络诈骗案件[8936起]，抓获犯 | cases_solved 电信网络诈骗案件
    甘肃 2024-01-01..2024-11-30 = 8936 起``."""
    start, end = row["start"], row["end"]
    before = raw[max(0, start - width):start].replace("\n", "⏎")
    after = raw[end:end + 4].replace("\n", "⏎")
    period = f"{row.get('period_start') or ''}..{row.get('period_end') or ''}".strip(".")
    value = row.get("value")
    if isinstance(value, float):
        value = f"{value:.0f}" if value.is_integer() else f"{value:g}"
    attrs = [row.get("category"), row.get("action"), row.get("object"), row.get("place"), period,
             f"= {value} {row.get('unit') or ''}".strip()]
    return f"…{before}[{raw[start:end]}]{after}… | " + " ".join(str(a) for a in attrs if a)


def format_details(details: dict) -> str:
    """The misses of ``score_links(..., details=True)`` as lines of text, one block per kind."""
    lines: list[str] = []
    for key, items in details.items():
        lines.append(f"{key}: {len(items)}")
        for item in items:
            if isinstance(item, dict):
                fields = [f"{k}: {v}" for k, v in item.items() if k != "doc"]
                lines.append(f"  {item.get('doc', '')}")
                lines += [f"    {f}" for f in fields]
            else:
                lines.append(f"  {item}")
    return "\n".join(lines)


def _across(gold: list[dict], docs: dict, per_doc: dict, links: dict, misses: _Misses | None = None) -> dict:
    found = total = 0
    for line in gold:
        if "across" not in line:
            continue
        mids = []
        for name, mention in line["across"]:
            doc = docs[name]
            mids.append(metric_at(per_doc.get(doc["doc_id"], []), locate(doc["raw_text"], mention)))
        for (a, ma), (b, mb) in itertools.combinations(list(zip(mids, line["across"])), 2):
            fa, fb = (links.get(m, (None,))[0] if m else None for m in (a, b))
            total += 1
            found += fa is not None and fa == fb
            if misses is not None and (fa is None or fa != fb):
                misses.across(a, b, (tuple(ma), tuple(mb)))
    return {"gold_pairs": total, "found": found}


def score_run(gold: list[dict], out: str | Path, details: bool = False) -> dict:
    """Scores of the links a run wrote: metrics.fact_id / part_of, documents.duplicate_of and
    the facts table of the output folder ``out`` (with ``details``, every miss listed)."""
    import pyarrow.parquet as pq

    out = Path(out)
    metrics = pq.read_table(out / "metrics").to_pylist()
    documents = pq.read_table(out / "documents", columns=["doc_id", "source", "raw_text", "duplicate_of",
                                                           "similarity"]).to_pylist()
    facts = pq.read_table(out / "facts").to_pylist()
    links = {m["metric_id"]: (m["fact_id"], m["part_of"]) for m in metrics if m["fact_id"]}
    duplicates = {d["doc_id"]: (d["duplicate_of"], d["similarity"]) for d in documents}
    return score_links(gold, metrics, documents, links, duplicates, facts, details=details)
