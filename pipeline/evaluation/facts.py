"""Score count-once links (pipeline.facts.link) against hand marks (tests/fixtures/facts/.gold.jsonl).

Scores: same-statistic pairs within a document (P/R/F), republished document pairs (P/R),
parts (gold parts whose part_of is the total's fact; predicted parts not marked), conflicts
found, and cross-document pairs of the marked statistics (recall).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from pipeline.facts.duplicates import to_simplified

from .corpora import read_jsonl_records

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


def _metric_at(metrics: list[dict], span: tuple[int, int] | None) -> str | None:
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


def _by_name(documents: list[dict]) -> dict[str, dict]:
    return {Path(str(d["source"]).split(":")[0]).name: d for d in documents}


def _pairs_of_facts(metric_ids: list[str], links: dict) -> set[frozenset]:
    groups: dict[str, list[str]] = {}
    for mid in metric_ids:
        if mid in links:
            groups.setdefault(links[mid][0], []).append(mid)
    return {frozenset(p) for g in groups.values() for p in itertools.combinations(sorted(g), 2)}


def score_links(gold: list[dict], metrics: list[dict], documents: list[dict], links: dict,
                duplicates: dict, facts: list[dict]) -> dict:
    """Scores of a link() output (``links`` = metric columns, ``duplicates`` = document columns)."""
    docs = _by_name(documents)
    per_doc: dict[str, list[dict]] = {}
    for m in metrics:
        per_doc.setdefault(m["doc_id"], []).append(m)
    marks = {g["doc"]: g for g in gold if "doc" in g}
    conflict = {f["fact_id"]: f["conflict"] for f in facts}
    gold_pairs, found_pairs, parts_ok, parts_gold, conflicts_ok, conflicts_gold = set(), set(), 0, 0, 0, 0
    marked_parts: set[str] = set()
    for name, mark in marks.items():
        doc = docs[name]
        rows = per_doc.get(doc["doc_id"], [])
        at = lambda mention: _metric_at(rows, locate(doc["raw_text"], mention))  # noqa: E731
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
                parts_ok += links.get(p, (None, None))[1] == links.get(t, (None,))[0]
        for mention in source.get("conflicts", []):
            m = at(mention)
            if m:
                conflicts_gold += 1
                conflicts_ok += bool(conflict.get(links[m][0]))
    predicted_parts = {mid for mid, (_, part) in links.items() if part}
    name_of = {d["doc_id"]: n for n, d in docs.items()}
    gold_dups = {frozenset((m["doc"], m["republishes"])) for m in marks.values() if m.get("republishes")}
    found_dups = {frozenset((name_of[d], name_of[o])) for d, (o, _) in duplicates.items()
                  if o and d in name_of and o in name_of}
    return {
        "within_pairs": _prf(found_pairs, gold_pairs),
        "duplicate_pairs": _prf(found_dups, gold_dups),
        "parts": {"gold": parts_gold, "linked_to_total": parts_ok,
                  "unmarked_parts": len(predicted_parts - marked_parts)},
        "conflicts": {"gold": conflicts_gold, "found": conflicts_ok},
        "across": _across(gold, docs, per_doc, links),
    }


def _across(gold: list[dict], docs: dict, per_doc: dict, links: dict) -> dict:
    found = total = 0
    for line in gold:
        if "across" not in line:
            continue
        facts = []
        for name, mention in line["across"]:
            doc = docs[name]
            mid = _metric_at(per_doc.get(doc["doc_id"], []), locate(doc["raw_text"], mention))
            facts.append(links.get(mid, (None,))[0] if mid else None)
        for a, b in itertools.combinations(facts, 2):
            total += 1
            found += a is not None and a == b
    return {"gold_pairs": total, "found": found}


def score_run(gold: list[dict], out: str | Path) -> dict:
    """Scores of the links a run wrote: metrics.fact_id / part_of, documents.duplicate_of and
    the facts table of the output folder ``out``."""
    import pyarrow.parquet as pq

    out = Path(out)
    metrics = pq.read_table(out / "metrics").to_pylist()
    documents = pq.read_table(out / "documents", columns=["doc_id", "source", "raw_text", "duplicate_of",
                                                           "similarity"]).to_pylist()
    facts = pq.read_table(out / "facts").to_pylist()
    links = {m["metric_id"]: (m["fact_id"], m["part_of"]) for m in metrics if m["fact_id"]}
    duplicates = {d["doc_id"]: (d["duplicate_of"], d["similarity"]) for d in documents}
    return score_links(gold, metrics, documents, links, duplicates, facts)
