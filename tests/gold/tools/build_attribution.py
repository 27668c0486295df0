"""Build the attribution gold (issue 12) from spec files (see attrlib for the format).

Usage: python tests/gold/tools/build_attribution.py OUT.jsonl DOCS.jsonl SPEC... [--text]
  --text  write the span `text` into each record (seed page and our own pages; never pd1998).
Spans of documents already in metrics_pd1998.jsonl / metrics_seed.jsonl must reuse their offsets
(`Gn`) and every existing record of such a document must be attributed.
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import attrlib
import candidates
import goldlib

META_KEYS = ("published", "dateline", "year")


def existing_gold() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for name in ("metrics_pd1998.jsonl", "metrics_seed.jsonl"):
        for line in (attrlib.GOLD / name).read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            out[r["doc"]].append(r)
    return out


def full_doc(doc: str) -> str:
    return doc if doc.startswith(("seed:", "page:", "pd1998:")) else "pd1998:" + doc


def locate(ref: str, text: str, doc: str, gold: dict) -> tuple[int, int, dict]:
    """REF -> (start, end, base attributes from the existing gold or derived from the span)."""
    if ref.startswith("G"):
        r = gold[doc][int(ref[1:])]
        return r["start"], r["end"], {k: r[k] for k in ("value", "value_max", "unit", "quantity_kind", "approx")}
    if re.fullmatch(r"\d+-\d+", ref):  # explicit offsets (the committed pd1998 spec)
        s, e = map(int, ref.split("-"))
        if ref in {f"{r['start']}-{r['end']}" for r in gold.get(doc, [])}:
            r = next(r for r in gold[doc] if (r["start"], r["end"]) == (s, e))
            return s, e, {k: r[k] for k in ("value", "value_max", "unit", "quantity_kind", "approx")}
        return s, e, {"span": text[s:e]}
    if ref.startswith("C"):
        s, e, x = list(candidates.spans(text))[int(ref[1:])]
        while x and x[0] in "，、":
            s, x = s + 1, x[1:]
    else:
        m = re.fullmatch(r"@(.*)\[(.+)\](.*)", ref)
        if not m:
            raise ValueError(f"bad ref {ref}")
        left, span, right = m.groups()
        n = text.count(left + span + right)
        if n != 1:
            raise ValueError(f"anchor occurs {n} times: {ref}")
        s = text.index(left + span + right) + len(left)
        e = s + len(span)
    span = text[s:e]
    return s, e, {"span": span}


def base_values(base: dict, kv: dict) -> dict:
    if "span" not in base:
        out = dict(base)
    else:
        d = {"value": None, "value_max": None, "unit": None, "approx": None}
        if not ("value" in kv and "unit" in kv):
            d = attrlib.derive(base["span"])
        out = {"value": d["value"], "value_max": d["value_max"], "unit": d["unit"], "approx": d["approx"]}
        out["quantity_kind"] = goldlib.KIND_BY_UNIT.get(kv.get("unit", out["unit"]) or "", "count")
    if "value" in kv:
        out["value"] = float(kv["value"])
    if "vmax" in kv:
        out["value_max"] = float(kv["vmax"])
    if "unit" in kv:
        out["unit"] = "" if kv["unit"] == "''" else kv["unit"]
    if "kind" in kv:
        out["quantity_kind"] = kv["kind"]
    if "approx" in kv:
        out["approx"] = None if kv["approx"] == "-" else kv["approx"]
    return out


def parse_kv(tokens: list[str]) -> dict:
    kv = {}
    for tok in tokens:
        k, _, v = tok.partition("=")
        kv[k] = v
    return kv


def build(spec_paths: list[str], with_text: bool) -> tuple[list[dict], dict[str, dict]]:
    gold = existing_gold()
    records: list[dict] = []
    docs: dict[str, dict] = {}
    for path in spec_paths:
        doc = text = None
        defaults: dict = {}
        for i, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                if line.startswith("=="):
                    parts = line[2:].split()
                    doc = full_doc(parts[0])
                    defaults = parse_kv(parts[1:])
                    text = attrlib.doc_text(doc)
                    meta = {k: (None if defaults[k] == "-" else defaults[k]) for k in META_KEYS if k in defaults}
                    if doc.startswith("pd1998:"):  # the publication date is the para_id's first 8 digits
                        d8 = doc[7:15]
                        meta.setdefault("published", f"{d8[:4]}-{d8[4:6]}-{d8[6:]}")
                    docs.setdefault(doc, {"doc": doc, "sha1": attrlib.sha1(text), **meta})
                    continue
                if line.startswith("@"):  # anchors may contain spaces: split from the right
                    m = re.fullmatch(r"(@.*\].*?)\s+(\S+)\s+(\S+)((?:\s+\S+=\S*)*)", line)
                    ref, cat, stat, rest = m.groups()
                    tokens = rest.split()
                else:
                    ref, cat, stat, *tokens = line.split()
                kv = {**defaults, **parse_kv(tokens)}
                start, end, base = locate(ref, text, doc, gold)
                rec = {"doc": doc, "start": start, "end": end, **base_values(base, kv)}
                if with_text:
                    rec["text"] = text[start:end]
                rec.update(attrlib.resolve_place(kv.get("place")))
                rec["place_source"] = kv.get("src", "none") if rec["place"] else "none"
                rec["period_start"] = attrlib.iso(kv.get("ps"))
                rec["period_end"] = attrlib.iso(kv.get("pe"))
                rec["category"] = cat
                rec["statistic"] = stat
                records.append(rec)
            except Exception as exc:  # noqa: BLE001
                raise SystemExit(f"{path}:{i}: {exc}: {line}")
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        by_doc[r["doc"]].append(r)
    for doc in docs:
        have = {(r["start"], r["end"]) for r in by_doc[doc]}
        missing = [(r["start"], r["end"]) for r in gold.get(doc, []) if (r["start"], r["end"]) not in have]
        if missing:
            raise SystemExit(f"{doc}: existing gold spans not attributed: {missing}")
        docs[doc]["n_figures"] = len(by_doc[doc])
    return records, docs


def dump(records: list[dict], docs: dict[str, dict], out: Path, docs_out: Path) -> None:
    seen = set()
    with open(out, "w", encoding="utf-8") as fh:
        for r in sorted(records, key=lambda r: (r["doc"], r["start"])):
            key = (r["doc"], r["start"], r["end"])
            if key in seen:
                raise SystemExit(f"duplicate span {key}")
            seen.add(key)
            fh.write(json.dumps({k: r[k] for k in attrlib.FIELDS if k in r}, ensure_ascii=False) + "\n")
    with open(docs_out, "w", encoding="utf-8") as fh:
        for d in sorted(docs):
            fh.write(json.dumps(docs[d], ensure_ascii=False) + "\n")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--text"]
    recs, docs = build(args[2:], "--text" in sys.argv)
    dump(recs, docs, Path(args[0]), Path(args[1]))
    print(len(recs), "records,", len(docs), "documents ->", args[0])
