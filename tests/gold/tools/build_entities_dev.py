"""Build the entity development gold (issue 15) from reviewed markup.

Inputs
- PD1998 markup (kept outside the repo: it quotes corpus text): blocks ``@@ <para_id>`` + one
  line of markup (see entlib.py), as written by prefill_entities.py + apply_fixes.py.
- tests/gold/entity_pages/*.ann: our own pages; first line ``# published: YYYY-MM-DD``, the
  rest is the page in markup. The plain page is written next to it as ``.txt``.
Outputs (tests/gold/)
- entities_pd1998.jsonl: {doc, start, end, label, normalized} (no text)
- entities_pages.jsonl: {doc, start, end, text, label, normalized}
- entities_dev_docs.jsonl: {doc, source, published, sha1, n_entities}
- entities_dev_ids.txt: the PD1998 paragraph ids (hold-out: never train NER on them)
normalized: given by hand in the markup, else derived (GPE full name from the gazetteer with the
document's other places as context, DATE ISO / range, CRIME without 罪, LAW the title).
Usage: python tests/gold/tools/build_entities_dev.py PD_MARKUP [PD_MARKUP ...]
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

import entlib

GOLD = Path(__file__).resolve().parents[1]
PAGES = GOLD / "entity_pages"


def pub_of(para_id: str) -> dt.date:
    d = para_id[:8]
    return dt.date(int(d[:4]), int(d[4:6]), int(d[6:8]))


def normalize(text: str, spans, pub: dt.date, doc: str, warn) -> list[dict]:
    """Records with ``normalized`` for the spans of one document."""
    context: list[str] = []
    for s, e, label, norm, given in spans:  # pass 1: places that are unambiguous or given
        if label == "GPE":
            cands = entlib.gpe_candidates(text[s:e])
            value = norm if given else (cands[0] if len(cands) == 1 else None)
            if value and value not in entlib.countries():
                context.append(value)
    # the article's province and city first, so 朝阳 resolves inside them
    context.sort(key=lambda v: (len(v), v))
    out, county, before = [], None, []
    for s, e, label, norm, given in spans:
        span = text[s:e]
        if not given:
            if label == "GPE":
                # the nearest place before the span first: 台北市大安区 is not 台中市大安区
                norm = entlib.resolve_gpe(span, before[::-1] + context)
                if norm is None and span.endswith(("镇", "乡", "街道", "村")) and county:
                    norm = county + span  # a town after its county or city: 宛城区瓦店镇, 东莞市虎门镇
                if norm is None:
                    warn(f"{doc} GPE {span!r} unresolved")
            elif label == "DATE":
                norm = entlib.normalize_date(span, pub)
            elif label == "CRIME":
                norm = entlib.normalize_crime(span)
            elif label == "LAW":
                norm = span
        if label == "GPE" and norm and norm not in entlib.countries():
            if norm in entlib.full_names():
                before.append(norm)
            if not entlib.is_province(norm):
                county = norm  # the unit a following town or village belongs to
        out.append({"doc": doc, "start": s, "end": e, "label": label, "normalized": norm})
    return out


def read_pd(paths: list[str]) -> dict[str, str]:
    blocks, pid = {}, None
    for path in paths:
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if line.startswith("@@ "):
                pid = line[3:].strip()
            elif pid and line.strip():
                if pid in blocks:
                    raise SystemExit(f"{pid} annotated twice")
                blocks[pid] = line
    return blocks


def read_pages(pages_dir: str, warnings: list[str]) -> tuple[list[dict], list[dict]]:
    """(records, document lines) of the written pages in ``GOLD / pages_dir``: each ``*.ann``
    (first line ``# published: YYYY-MM-DD``, then ``[[span|LABEL]]`` markup) is also written next
    to itself as ``.txt``."""
    records, docs = [], []
    for ann in sorted((GOLD / pages_dir).glob("*.ann")):
        first, _, body = ann.read_text(encoding="utf-8").partition("\n")
        assert first.startswith("# published: "), ann
        pub = dt.date.fromisoformat(first.split(": ", 1)[1].strip())
        plain, spans = entlib.parse_markup(body)
        txt = ann.with_suffix(".txt")
        txt.write_text(plain, encoding="utf-8")
        doc = f"page:{pages_dir}/{txt.name}"
        recs = normalize(plain, spans, pub, doc, warnings.append)
        records += [{"doc": doc, "start": r["start"], "end": r["end"], "text": plain[r["start"]:r["end"]],
                     "label": r["label"], "normalized": r["normalized"]} for r in recs]
        docs.append({"doc": doc, "source": "page", "published": pub.isoformat(),
                     "sha1": entlib.sha1(plain), "n_entities": len(recs)})
    return records, docs


def main(pd_paths: list[str]) -> None:
    warnings = []
    texts = entlib.pd_texts()
    pd_records, docs = [], []
    for pid, marked in sorted(read_pd(pd_paths).items()):
        plain, spans = entlib.parse_markup(marked)
        if plain != texts[pid]:
            raise SystemExit(f"{pid}: markup text differs from the corpus")
        doc = f"pd1998:{pid}"
        recs = normalize(plain, spans, pub_of(pid), doc, warnings.append)
        pd_records += recs
        docs.append({"doc": doc, "source": "pd1998", "published": pub_of(pid).isoformat(),
                     "sha1": entlib.sha1(plain), "n_entities": len(recs)})
    page_records, page_docs = read_pages(PAGES.name, warnings)
    docs += page_docs
    for name, rows in (("entities_pd1998.jsonl", pd_records), ("entities_pages.jsonl", page_records),
                       ("entities_dev_docs.jsonl", docs)):
        with open(GOLD / name, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    ids = [d["doc"].split(":", 1)[1] for d in docs if d["source"] == "pd1998"]
    (GOLD / "entities_dev_ids.txt").write_text(
        "# People's Daily 1998 paragraphs of the entity dev gold (issue 15): never train NER on them\n"
        + "\n".join(ids) + "\n", encoding="utf-8")
    for w in warnings:
        print("warning:", w, file=sys.stderr)
    for source, rows in (("pd1998", pd_records), ("pages", page_records)):
        c = Counter(r["label"] for r in rows)
        print(source, len(rows), dict(sorted(c.items())))


if __name__ == "__main__":
    main(sys.argv[1:])
