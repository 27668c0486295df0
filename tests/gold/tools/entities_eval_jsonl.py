"""Write the entity dev gold as ``{"text", "entities"}`` JSONL for ``fazhi evaluate ner``.

PD1998 records carry offsets only, so the paragraph text is read from the corpus at run time
(and its sha1 checked against entities_dev_docs.jsonl); the written pages are read from
tests/gold/entity_pages/. Documents without entities are kept (every prediction there is a
false positive). The output holds corpus text: write it to a temporary file, never commit it.

Usage:
    python tests/gold/tools/entities_eval_jsonl.py OUT.jsonl [--source pd1998|page|all]
    python -m pipeline evaluate ner OUT.jsonl --format jsonl
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import entlib

GOLD = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--source", choices=("pd1998", "page", "all"), default="all")
    args = ap.parse_args()
    spans: dict[str, list] = {}
    for name in ("entities_pd1998.jsonl", "entities_pages.jsonl"):
        for line in (GOLD / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                spans.setdefault(r["doc"], []).append([r["start"], r["end"], r["label"]])
    n = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for line in (GOLD / "entities_dev_docs.jsonl").read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            if args.source != "all" and d["source"] != args.source:
                continue
            kind, _, name = d["doc"].partition(":")
            text = entlib.pd_texts()[name] if kind == "pd1998" else (GOLD / name).read_text(encoding="utf-8")
            if entlib.sha1(text) != d["sha1"]:
                raise SystemExit(f"{d['doc']}: text differs from the annotated version (sha1)")
            out.write(json.dumps({"doc": d["doc"], "text": text,
                                  "entities": sorted(spans.get(d["doc"], []))}, ensure_ascii=False) + "\n")
            n += 1
    print(f"{n} documents -> {args.out}")


if __name__ == "__main__":
    main()
