"""Verify the entity dev gold (issue 15): offsets, overlaps, labels, normalized values, sha1s, counts.

Checks entities_pd1998.jsonl, entities_pages.jsonl and entities_dev_docs.jsonl:
- every record's document is listed in the docs file, and every PD1998 paragraph id in
  entities_dev_ids.txt; the sha1 of each document's text matches (PD1998 read from the corpus
  at run time; skipped with a notice when the corpus is absent);
- spans are non-empty, inside the text, without surrounding spaces, and do not overlap;
  page records carry the span ``text`` (PD1998 records must not);
- labels are the seven of GUIDE_entities.md; GPE normalized values are gazetteer divisions,
  countries of gazetteer_countries.txt, or a division followed by a town/village/zone name;
  DATE normalized values are ISO dates or start/end ranges in order;
- n_entities in the docs file matches. Prints counts by label and by source.
Usage: python tests/gold/tools/verify_entities.py   (exit status 1 on any problem)
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

import entlib

GOLD = Path(__file__).resolve().parents[1]


def load(name: str) -> list[dict]:
    path = GOLD / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def check_date(value: str) -> bool:
    parts = value.split("/")
    try:
        days = [dt.date.fromisoformat(p) for p in parts]
    except ValueError:
        return False
    return len(days) in (1, 2) and days == sorted(days)


def main() -> int:
    problems: list[str] = []
    docs = {d["doc"]: d for d in load("entities_dev_docs.jsonl")}
    records = load("entities_pd1998.jsonl") + load("entities_pages.jsonl")
    have_pd = entlib.PD.exists()
    if not have_pd:
        print("PD1998 corpus not found: PD1998 offsets and sha1s not checked")
    texts: dict[str, str] = {}
    for doc in docs:
        kind, _, name = doc.partition(":")
        if kind == "pd1998":
            if have_pd:
                texts[doc] = entlib.pd_texts()[name]
        elif kind == "page":
            texts[doc] = (GOLD / name).read_text(encoding="utf-8")
        else:
            problems.append(f"{doc}: unknown document kind")
    for doc, text in texts.items():
        if entlib.sha1(text) != docs[doc]["sha1"]:
            problems.append(f"{doc}: sha1 differs from entities_dev_docs.jsonl")
    ids = [l.strip() for l in (GOLD / "entities_dev_ids.txt").read_text(encoding="utf-8").splitlines()
           if l.strip() and not l.startswith("#")]
    pd_docs = sorted(d.split(":", 1)[1] for d in docs if d.startswith("pd1998:"))
    if sorted(ids) != pd_docs:
        problems.append("entities_dev_ids.txt differs from the PD1998 documents of the docs file")
    by_doc: dict[str, list[dict]] = {}
    for r in records:
        where = f"{r.get('doc')}:{r.get('start')}-{r.get('end')}"
        if r.get("doc") not in docs:
            problems.append(f"{where}: document not in entities_dev_docs.jsonl")
            continue
        by_doc.setdefault(r["doc"], []).append(r)
        if r["label"] not in entlib.LABELS:
            problems.append(f"{where}: label {r['label']!r}")
        if "normalized" not in r:
            problems.append(f"{where}: no normalized key")
        text = texts.get(r["doc"])
        if r["doc"].startswith("pd1998:") and "text" in r:
            problems.append(f"{where}: PD1998 record carries corpus text")
        if text is None:
            continue
        span = text[r["start"]:r["end"]]
        if not (0 <= r["start"] < r["end"] <= len(text)) or span != span.strip():
            problems.append(f"{where}: bad span {span!r}")
        if r["doc"].startswith("page:") and r.get("text") != span:
            problems.append(f"{where}: text {r.get('text')!r} != {span!r}")
        norm = r.get("normalized")
        if r["label"] == "GPE" and norm and not entlib.gpe_norm_ok(norm):
            problems.append(f"{where}: GPE {span!r} normalized {norm!r} not in the gazetteer")
        if r["label"] == "DATE" and norm and not check_date(norm):
            problems.append(f"{where}: DATE {span!r} normalized {norm!r}")
    for doc, rs in by_doc.items():
        rs.sort(key=lambda r: (r["start"], r["end"]))
        for a, b in zip(rs, rs[1:]):
            if b["start"] < a["end"]:
                problems.append(f"{doc}: overlapping spans {a['start']}-{a['end']} and {b['start']}-{b['end']}")
    for doc, d in docs.items():
        if d["n_entities"] != len(by_doc.get(doc, [])):
            problems.append(f"{doc}: n_entities {d['n_entities']} != {len(by_doc.get(doc, []))}")
    for p in problems:
        print("PROBLEM", p)
    sources = Counter(d["source"] for d in docs.values())
    print(f"documents: {dict(sources)}; entities: {len(records)}")
    for source, prefix in (("pd1998", "pd1998:"), ("pages", "page:"), ("all", "")):
        c = Counter(r["label"] for r in records if r["doc"].startswith(prefix))
        print(f"  {source:<7}{sum(c.values()):>6}  " + "  ".join(f"{l} {c[l]}" for l in entlib.LABELS))
    norm = Counter(r["label"] for r in records if r.get("normalized"))
    print("  with normalized: " + "  ".join(f"{l} {norm[l]}" for l in entlib.LABELS if norm[l]))
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
