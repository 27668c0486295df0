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

import datetime as dt
import json
import sys
from collections import Counter

import entlib
from build_entities_dev import GOLD, normalize


def build(pages_dir: str) -> tuple[list[dict], list[dict], list[str]]:
    """Return (records, document lines, warnings) of the pages in ``pages_dir``."""
    records, docs, warnings = [], [], []
    for ann in sorted((GOLD / pages_dir).glob("*.ann")):
        first, _, body = ann.read_text(encoding="utf-8").partition("\n")
        assert first.startswith("# published: "), ann
        pub = dt.date.fromisoformat(first.split(": ", 1)[1].strip())
        plain, spans = entlib.parse_markup(body)
        txt = ann.with_suffix(".txt")
        txt.write_text(plain, encoding="utf-8")
        doc = f"page:{pages_dir}/{txt.name}"
        recs = normalize(plain, spans, pub, doc, warnings.append)
        records += [{"doc": doc, "start": r["start"], "end": r["end"],
                     "text": plain[r["start"]:r["end"]], "label": r["label"],
                     "normalized": r["normalized"]} for r in recs]
        docs.append({"doc": doc, "source": "page", "published": pub.isoformat(),
                     "sha1": entlib.sha1(plain), "n_entities": len(recs)})
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
