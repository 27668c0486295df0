"""Verify gold files: offsets, span text (seed), required keys, value sanity; rebuild metrics_docs.jsonl.

Usage: python tests/gold/tools/verify.py [--write-docs]
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import goldlib

GOLD = Path(__file__).resolve().parents[1]
KINDS = {"count", "money", "percent", "weight", "length", "area", "volume", "duration", "other"}
LABELS = {"PERSON", "ORG", "GPE", "LOC", "DATE", "LAW", "CRIME"}


def load(name: str) -> list[dict]:
    p = GOLD / name
    return [json.loads(l) for l in p.read_text(encoding="utf-8").splitlines() if l.strip()] if p.exists() else []


def main() -> int:
    errors = 0
    metrics = load("metrics_seed.jsonl") + load("metrics_pd1998.jsonl")
    if not goldlib.PD.exists():  # corpus absent: check the seed page only
        print("PD1998 corpus not found; checking seed files only")
        metrics = [r for r in metrics if r["doc"].startswith("seed:")]
    by_doc: dict[str, list[dict]] = {}
    for r in metrics:
        text = goldlib.doc_text(r["doc"])
        span = text[r["start"]:r["end"]]
        problems = []
        if not span or span != span.strip():
            problems.append("bad span")
        if r["doc"].startswith("seed:") and r.get("text") != span:
            problems.append(f"text mismatch {r.get('text')!r} != {span!r}")
        if r["doc"].startswith("pd1998:") and "text" in r:
            problems.append("pd1998 record carries text")
        if r["quantity_kind"] not in KINDS:
            problems.append("kind")
        if r["approx"] not in (None, "over", "under", "about"):
            problems.append("approx")
        if r["change"] not in (None, "up", "down") or r["change_basis"] not in (None, "yoy", "mom", "other"):
            problems.append("change")
        if r["change_basis"] and not r["change"]:
            problems.append("basis without change")
        if r["quantity_kind"] == "percent" and not (0 <= r["value"] <= 100) and r["unit"] != "%":
            problems.append("percent range")
        if r["value_max"] is not None and r["value_max"] < r["value"]:
            problems.append("range order")
        if problems:
            errors += 1
            print(r["doc"], r["start"], span, problems)
        by_doc.setdefault(r["doc"], []).append(r)
    for doc, rs in by_doc.items():
        rs.sort(key=lambda r: r["start"])
        for a, b in zip(rs, rs[1:]):
            if b["start"] < a["end"]:
                errors += 1
                print("overlap", doc, a["start"], b["start"])
    for e in load("entities_seed.jsonl"):
        span = goldlib.doc_text(e["doc"])[e["start"]:e["end"]]
        if span != e["text"] or e["label"] not in LABELS:
            errors += 1
            print("entity", e)
    ents = sorted(load("entities_seed.jsonl"), key=lambda e: e["start"])
    for a, b in zip(ents, ents[1:]):
        if b["start"] < a["end"]:
            errors += 1
            print("entity overlap", a, b)
    # documents: annotated docs incl. zero-metric ones listed in metrics_docs.jsonl
    docs = {d["doc"]: d for d in load("metrics_docs.jsonl")}
    if "--write-docs" in sys.argv:
        extra = [l.strip() for l in Path(sys.argv[sys.argv.index("--write-docs") + 1]).read_text().splitlines() if l.strip()] \
            if len(sys.argv) > sys.argv.index("--write-docs") + 1 else []
        all_docs = sorted(set(docs) | set(by_doc) | set(extra))
        with open(GOLD / "metrics_docs.jsonl", "w", encoding="utf-8") as fh:
            for d in all_docs:
                fh.write(json.dumps({"doc": d, "n_metrics": len(by_doc.get(d, [])),
                                     "sha1": goldlib.sha1(goldlib.doc_text(d))}, ensure_ascii=False) + "\n")
        docs = {d["doc"]: d for d in load("metrics_docs.jsonl")}
    if not goldlib.PD.exists():
        docs = {d: v for d, v in docs.items() if d.startswith("seed:")}
    for d, info in docs.items():
        if info["n_metrics"] != len(by_doc.get(d, [])) or info["sha1"] != goldlib.sha1(goldlib.doc_text(d)):
            errors += 1
            print("docs mismatch", d)
    for d in by_doc:
        if d not in docs:
            errors += 1
            print("doc missing from metrics_docs.jsonl", d)
    kinds = Counter(r["quantity_kind"] for r in metrics)
    print(f"docs={len(docs)} zero-metric={sum(1 for d in docs.values() if d['n_metrics']==0)} "
          f"metrics={len(metrics)} kinds={dict(kinds)} entities={len(ents)} errors={errors}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
