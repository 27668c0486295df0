"""Build the JSONL of one directory of written entity pages, without touching the PD1998 part.

Each ``*.ann`` page (first line ``# published: YYYY-MM-DD``, then the page in ``[[span|LABEL]]``
markup) is written next to itself as ``.txt``; the records and the per-document lines are written
with the same normalisation as build_entities_dev.py.

Usage:
    python tests/gold/tools/build_entities_pages.py entity_pages_new entities_newpages.jsonl \
        entities_newpages_docs.jsonl        # paths relative to tests/gold
    python tests/gold/tools/build_entities_pages.py entity_pages entities_pages.jsonl \
        entities_dev_docs.jsonl             # the dev pages: replaces only their lines
"""
from __future__ import annotations

import json
import sys
from collections import Counter

from build_entities_dev import GOLD, read_pages


def build(pages_dir: str) -> tuple[list[dict], list[dict], list[str]]:
    """Return (records, document lines, warnings) of the pages in ``pages_dir``."""
    warnings: list[str] = []
    records, docs = read_pages(pages_dir, warnings)
    return records, docs, warnings


def main(pages_dir: str, out_name: str, docs_name: str) -> None:
    records, docs, warnings = build(pages_dir)
    prefix = f"page:{pages_dir}/"
    docs_path = GOLD / docs_name
    kept = []
    if docs_path.exists():  # keep the other documents of a shared docs file (PD1998)
        kept = [json.loads(x) for x in docs_path.read_text(encoding="utf-8").splitlines() if x.strip()]
        kept = [d for d in kept if not d["doc"].startswith(prefix)]
    with open(GOLD / out_name, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(docs_path, "w", encoding="utf-8") as fh:
        for d in kept + docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    for w in warnings:
        print("warning:", w, file=sys.stderr)
    print(pages_dir, len(records), dict(sorted(Counter(r["label"] for r in records).items())))


if __name__ == "__main__":
    main(*sys.argv[1:4])
