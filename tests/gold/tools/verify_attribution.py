"""Verify the attribution gold (issue 12) and print its counts.

Checks every record of attribution_pd1998.jsonl, attribution_seed.jsonl and attribution_pages.jsonl:
offsets valid and span non-empty (and equal to `text` where the record carries it), no overlapping
spans, the same offsets and value as the metrics gold for documents that are in it, place / code /
level / source consistent with the gazetteer TSV, category in categories.json, statistic known,
dates valid ISO with start <= end; and the docs files (sha1, n_figures, publication dates).
Usage: python tests/gold/tools/verify_attribution.py    (exit status 1 on any error)
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from collections import Counter, defaultdict

import attrlib
import goldlib

FILES = ["attribution_seed.jsonl", "attribution_pd1998.jsonl", "attribution_pages.jsonl", "attribution_pages3.jsonl", "attribution_pages5.jsonl", "attribution_pages6.jsonl", "attribution_pages7.jsonl", "attribution_pages8.jsonl", "attribution_pages9.jsonl", "attribution_pages10.jsonl", "attribution_pages11.jsonl", "attribution_pages12.jsonl", "attribution_pages13.jsonl", "attribution_pages14.jsonl", "attribution_pages15.jsonl"]
DOC_FILES = ["attribution_docs.jsonl", "attribution_pages_docs.jsonl", "attribution_pages3_docs.jsonl", "attribution_pages5_docs.jsonl", "attribution_pages6_docs.jsonl", "attribution_pages7_docs.jsonl", "attribution_pages8_docs.jsonl", "attribution_pages9_docs.jsonl", "attribution_pages10_docs.jsonl", "attribution_pages11_docs.jsonl", "attribution_pages12_docs.jsonl", "attribution_pages13_docs.jsonl", "attribution_pages14_docs.jsonl", "attribution_pages15_docs.jsonl"]


def load(name: str) -> list[dict]:
    path = attrlib.GOLD / name
    return [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]


def check_place(r: dict, levels_by_code: dict[str, str]) -> list[str]:
    """place, place_code, place_level and place_source agree with each other and the gazetteer."""
    place, code, level, source = r["place"], r["place_code"], r["place_level"], r["place_source"]
    if source not in attrlib.SOURCES:
        return [f"place_source {source!r}"]
    if place is None:
        return [] if (code, level, source) == (None, None, "none") else ["null place with code/level/source"]
    if source == "none":
        return ["place without source"]
    if place == "全国":
        return [] if (code, level) == ("100000", "country") else ["全国 must be 100000/country"]
    if place in attrlib.COUNTRIES:
        return [] if (code, level) == (None, "country") else ["foreign place must have no code, level country"]
    _, by_code = attrlib.gazetteer()
    if code not in by_code:
        return [f"place_code {code} not in gazetteer"]
    full = by_code[code]
    if level == "township":
        return [] if place.startswith(full) and len(place) > len(full) else [f"township {place} not under {full}"]
    problems = []
    if place != full:
        problems.append(f"place {place} != gazetteer {full} for {code}")
    if level != levels_by_code[code]:
        problems.append(f"level {level} != {levels_by_code[code]}")
    return problems


def check_dates(r: dict) -> list[str]:
    out = []
    dates = []
    for key in ("period_start", "period_end"):
        v = r[key]
        if v is None:
            continue
        try:
            dates.append(dt.date.fromisoformat(v))
        except ValueError:
            out.append(f"{key} {v!r} not ISO")
    if len(dates) == 2 and dates[0] > dates[1]:
        out.append("period_start > period_end")
    return out


def check_record(r: dict, text: str, cats: dict, levels_by_code: dict, metric: dict | None) -> list[str]:
    problems = []
    missing = [k for k in attrlib.FIELDS if k != "text" and k not in r]
    if missing:
        return [f"missing keys {missing}"]
    s, e = r["start"], r["end"]
    span = text[s:e] if 0 <= s < e <= len(text) else ""
    if not span or span != span.strip():
        problems.append(f"bad span {s}-{e} {span!r}")
    if r["doc"].startswith("pd1998:") and "text" in r:
        problems.append("pd1998 record carries corpus text")
    if not r["doc"].startswith("pd1998:") and r.get("text") != span:
        problems.append(f"text {r.get('text')!r} != span {span!r}")
    if metric is not None and metric["value"] != r["value"]:
        problems.append(f"value {r['value']} != metrics gold {metric['value']}")
    if r["category"] not in cats:
        problems.append(f"category {r['category']!r} not in categories.json")
    if r["statistic"] not in attrlib.STATISTICS:
        problems.append(f"statistic {r['statistic']!r}")
    return problems + check_place(r, levels_by_code) + check_dates(r)


def check_categories(cats: dict) -> list[str]:
    out = []
    for name, c in cats.items():
        if not c.get("definition") or len(c.get("examples", [])) < 2 or "includes" not in c or "excludes" not in c:
            out.append(f"categories.json: {name} needs definition, 2+ examples, includes, excludes")
    return out


def metrics_index() -> tuple[dict, set]:
    index, docs = {}, set()
    for name in ("metrics_pd1998.jsonl", "metrics_seed.jsonl"):
        for r in load(name):
            index[(r["doc"], r["start"], r["end"])] = r
            docs.add(r["doc"])
    docs |= {d["doc"] for d in load("metrics_docs.jsonl")}
    return index, docs


def main() -> int:
    errors: list[str] = []
    cats = json.loads((attrlib.GOLD / "categories.json").read_text(encoding="utf-8"))
    errors += check_categories(cats)
    levels_by_code = {code: level for code, level in attrlib.gazetteer()[0].values()}
    metrics, metric_docs = metrics_index()
    corpus = goldlib.PD.exists()
    records = {name: load(name) for name in FILES}
    docs = {d["doc"]: d for name in DOC_FILES for d in load(name)}
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for name, recs in records.items():
        for r in recs:
            by_doc[r["doc"]].append(r)
            if r["doc"].startswith("pd1998:") and not corpus:
                continue
            text = attrlib.doc_text(r["doc"])
            metric = metrics.get((r["doc"], r["start"], r["end"]))
            if r["doc"] in metric_docs and metric is None:
                errors.append(f"{r['doc']} {r['start']}-{r['end']}: not a span of the metrics gold")
            errors += [f"{name} {r['doc']} {r['start']}-{r['end']}: {p}"
                       for p in check_record(r, text, cats, levels_by_code, metric)]
    for doc, recs in by_doc.items():
        spans = sorted((r["start"], r["end"]) for r in recs)
        errors += [f"{doc}: overlapping spans {a} {b}" for a, b in zip(spans, spans[1:]) if b[0] < a[1]]
        if doc not in docs:
            errors.append(f"{doc}: missing from the docs files")
    for doc, info in docs.items():
        if info["n_figures"] != len(by_doc.get(doc, [])):
            errors.append(f"{doc}: n_figures {info['n_figures']} != {len(by_doc.get(doc, []))}")
        if info.get("published"):
            try:
                dt.date.fromisoformat(info["published"])
            except ValueError:
                errors.append(f"{doc}: published {info['published']!r} not ISO")
        if doc.startswith("pd1998:") and not corpus:
            continue
        if info["sha1"] != attrlib.sha1(attrlib.doc_text(doc)):
            errors.append(f"{doc}: sha1 mismatch")
        if doc in metric_docs:
            have = {(r["start"], r["end"]) for r in by_doc.get(doc, [])}
            lost = [k[1:] for k in metrics if k[0] == doc and k[1:] not in have]
            if lost:
                errors.append(f"{doc}: metrics gold spans without attribution {lost}")
    for e in errors:
        print("ERROR", e)
    report(records, docs)
    print(f"errors={len(errors)}" + ("" if corpus else " (PD1998 corpus absent: pd1998 offsets not checked)"))
    return 1 if errors else 0


def report(records: dict[str, list[dict]], docs: dict[str, dict]) -> None:
    for name, recs in records.items():
        doc_set = {d for d in docs if d.split(":")[0] == recs[0]["doc"].split(":")[0]} if recs else set()
        zero = sum(1 for d in doc_set if docs[d]["n_figures"] == 0)
        print(f"{name}: documents={len(doc_set)} (with figures {len(doc_set) - zero}, hard negatives {zero}) "
              f"figures={len(recs)}")
    every = [r for recs in records.values() for r in recs]
    for key in ("category", "place_level", "statistic", "place_source", "quantity_kind"):
        counts = Counter(str(r[key]) for r in every)
        print(f"  by {key}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    for name, recs in records.items():
        n = len(recs) or 1
        print(f"  {name}: place set {sum(r['place'] is not None for r in recs) / n:.2f}, "
              f"period_start set {sum(r['period_start'] is not None for r in recs) / n:.2f}, "
              f"period_end set {sum(r['period_end'] is not None for r in recs) / n:.2f}")


if __name__ == "__main__":
    sys.exit(main())
