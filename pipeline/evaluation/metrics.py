"""Score the metrics stage against hand-annotated gold (``fazhi evaluate metrics``).

Gold is JSONL, one metric a line: ``{"doc", "start", "end", "value", "value_max", "unit",
"quantity_kind", "approx", "change", "change_basis", "action", "object"}`` with offsets into the
document's raw text. ``doc`` names the document: ``pd1998:<para_id>`` for a paragraph of the
People's Daily 1998 corpus (the text is read from the corpus file given as input, never stored
with the gold), otherwise ``<prefix>:<file name>`` for a text file given as input
(``seed:000_151922b201effb69.txt``). A ``metrics_docs.jsonl`` next to the gold lists every
annotated document, including those with no metric (hard negatives); when present, only those
documents are scored.

A prediction matches a gold item in the same document when the spans overlap and the values
agree (relative difference below 0.5%); matching is one-to-one, best overlap first.
``action`` and ``object`` agree when equal after removing quotation marks and folding character
widths (ＶＣＤ = VCD), or when one ends with the other (Chinese noun phrases are head-final:
长江特大非法采矿案 ends with 非法采矿案); for an object the shorter must have two characters at
least (率 alone is no match for 回复率). Their exact-match accuracy is reported as well.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Iterable

from .corpora import read_pd1998
from .scoring import prf
from ..errors import UserError
from ..io import document_from_text

_QUOTES = str.maketrans("", "", "“”‘’\"'「」『』")
ATTRIBUTES = ("quantity_kind", "approx", "change", "change_basis", "unit", "value_max",
              "action", "object")


def load_gold(paths: str | Path | Iterable[str | Path]) -> tuple[list[dict], set[str] | None]:
    """Return the gold records of one or several JSONL files and the annotated doc names."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    records: list[dict] = []
    docs: set[str] | None = None
    for path in map(Path, paths):
        if not path.exists():
            raise UserError(f"gold file {path} does not exist: give a JSONL file of metrics")
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise UserError(f"{path}:{number}: not JSON ({exc.msg}); fix the line") from None
                if not {"doc", "start", "end", "value"} <= record.keys():
                    raise UserError(f"{path}:{number}: a gold metric needs doc, start, end, value")
                records.append(record)
        listing = path.parent / "metrics_docs.jsonl"
        if listing.exists():
            # The listing covers every gold file of the folder: keep the documents of the
            # kinds (seed:, pd1998:) this gold file annotates.
            prefixes = {r["doc"].split(":", 1)[0] for r in records}
            docs = docs or set()
            with open(listing, encoding="utf-8") as handle:
                docs.update(name for name in (json.loads(line)["doc"] for line in handle
                                              if line.strip())
                            if name.split(":", 1)[0] in prefixes)
    return records, docs


def _texts(inputs: Iterable[str | Path], wanted: set[str]) -> dict[str, str]:
    """Return the raw text of every wanted document found among ``inputs``."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for name in wanted:
        prefix, _, rest = name.partition(":")
        by_name[rest or prefix].append(name)
    pd_ids = {name.split(":", 1)[1] for name in wanted if name.startswith("pd1998:")}
    texts: dict[str, str] = {}
    files: list[Path] = []
    for item in map(Path, inputs):
        if not item.exists():
            raise UserError(f"input {item} does not exist")
        files.extend(sorted(p for p in item.rglob("*") if p.is_file()) if item.is_dir() else [item])
    for path in files:
        if path.name in by_name:
            text = path.read_text(encoding="utf-8")
            for name in by_name[path.name]:
                texts[name] = text
        elif pd_ids and path.suffix == ".txt" and _looks_like_pd1998(path):
            for paragraph in read_pd1998(path):
                if paragraph.para_id in pd_ids:
                    texts[f"pd1998:{paragraph.para_id}"] = paragraph.text
    return texts


def _looks_like_pd1998(path: Path) -> bool:
    with open(path, encoding="utf-8", errors="replace") as handle:
        first = handle.readline()
    return first[:8].isdigit() and "/m " in first[:30]


def predict(text: str, name: str, pipeline) -> list[dict]:
    """Return the metric rows fazhi gives for one document (offsets into its raw text)."""
    doc = pipeline.process(document_from_text(text, name))
    rows = []
    for metric in doc.metrics:
        start, end = doc.raw_span(metric.start, metric.end)
        rows.append(dict(start=start, end=end, text=text[start:end], **metric.fields))
    return rows


def _values_agree(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= max(0.005 * max(abs(a), abs(b)), 1e-6)


def _words_agree(pred: str | None, gold: str | None, exact: bool = False,
                 min_suffix: int = 1) -> bool:
    """Equal without quotation marks and character widths (ＶＣＤ = VCD), or, unless ``exact``,
    one ending with the other when the shorter has at least ``min_suffix`` characters."""
    if not pred or not gold:
        return not pred and not gold
    pred = unicodedata.normalize("NFKC", pred.translate(_QUOTES)).strip()
    gold = unicodedata.normalize("NFKC", gold.translate(_QUOTES)).strip()
    if exact or pred == gold:
        return pred == gold
    if min(len(pred), len(gold)) < min_suffix:
        return False
    return pred.endswith(gold) or gold.endswith(pred)


def _attribute_agrees(name: str, pred: dict, gold: dict, exact: bool = False) -> bool:
    if name == "change":
        return pred.get("change_direction") == gold.get("change")
    if name == "value_max":
        return _values_agree(pred.get("value_max"), gold.get("value_max"))
    if name == "action":  # a one-character verb is a verb: 产 for 年产
        return _words_agree(pred.get(name), gold.get(name), exact)
    if name == "object":  # but 率 or 额 alone names nothing: 率 is no match for 转岗培训率
        return _words_agree(pred.get(name), gold.get(name), exact, min_suffix=2)
    if name == "unit":
        return (pred.get("unit") or "").replace("％", "%") == (gold.get("unit") or "").replace("％", "%")
    return pred.get(name) == gold.get(name)


def match(predicted: list[dict], gold: list[dict]) -> list[tuple[dict, dict]]:
    """Return one-to-one (prediction, gold) pairs: overlapping spans, agreeing values."""
    pairs = []
    for p in predicted:
        for g in gold:
            overlap = min(p["end"], g["end"]) - max(p["start"], g["start"])
            if overlap > 0 and _values_agree(p["value"], g["value"]):
                pairs.append((overlap, p, g))
    pairs.sort(key=lambda t: -t[0])
    used_p, used_g, out = set(), set(), []
    for _, p, g in pairs:
        if id(p) in used_p or id(g) in used_g:
            continue
        used_p.add(id(p))
        used_g.add(id(g))
        out.append((p, g))
    return out


def evaluate_metrics(gold_path, inputs: Iterable[str | Path], pipeline, *,
                     details: bool = False) -> dict:
    """Return precision, recall, F1 and per-attribute accuracy of ``pipeline`` on the gold.

    ``gold_path``: a gold JSONL file (or a list of them); ``inputs``: the files that hold the
    documents (text files named as in the gold, and/or the PD1998 corpus file); ``pipeline``:
    anything with ``process(Document) -> Document`` (``pipeline.runner.Pipeline``).
    With ``details`` the result also lists the false positives and false negatives.
    """
    gold, annotated = load_gold(gold_path)
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for record in gold:
        by_doc[record["doc"]].append(record)
    wanted = set(annotated) if annotated is not None else set(by_doc)
    wanted |= set(by_doc)
    texts = _texts(inputs, wanted)
    missing = sorted(wanted - texts.keys())
    n_pred = n_gold = n_match = 0
    correct = defaultdict(int)
    exact = defaultdict(int)
    false_pos, false_neg, wrong = [], [], defaultdict(list)
    for name in sorted(texts):
        text = texts[name]
        predicted = predict(text, name, pipeline)
        golds = by_doc.get(name, [])
        pairs = match(predicted, golds)
        n_pred += len(predicted)
        n_gold += len(golds)
        n_match += len(pairs)
        for p, g in pairs:
            for attr in ATTRIBUTES:
                if _attribute_agrees(attr, p, g):
                    correct[attr] += 1
                elif details:
                    wrong[attr].append(dict(doc=name, text=text[g["start"]:g["end"]],
                                            context=text[max(0, g["start"] - 25):g["end"] + 6],
                                            gold=g.get(attr), predicted=p.get(
                                                "change_direction" if attr == "change" else attr)))
                if attr in ("action", "object") and _attribute_agrees(attr, p, g, exact=True):
                    exact[attr] += 1
        if details:
            matched_p = {id(p) for p, _ in pairs}
            matched_g = {id(g) for _, g in pairs}
            for p in predicted:
                if id(p) not in matched_p:
                    false_pos.append(dict(doc=name, text=p["text"], value=p["value"],
                                          context=text[max(0, p["start"] - 15):p["end"] + 8]))
            for g in golds:
                if id(g) not in matched_g:
                    false_neg.append(dict(doc=name, text=text[g["start"]:g["end"]],
                                          value=g["value"],
                                          context=text[max(0, g["start"] - 15):g["end"] + 8]))
    # nothing predicted (nothing gold) is a precision (recall) of 1: no metric was missed
    score = prf(n_match, n_pred - n_match, n_gold - n_match, empty=1.0)
    result = dict(
        documents=len(texts), missing_documents=missing, predicted=n_pred, gold=n_gold,
        matched=n_match, precision=score["p"], recall=score["r"], f1=score["f"],
        attributes={attr: round(correct[attr] / n_match, 4) if n_match else None
                    for attr in ATTRIBUTES},
        exact={attr: round(exact[attr] / n_match, 4) if n_match else None
               for attr in ("action", "object")},
    )
    if details:
        result.update(false_positives=false_pos, false_negatives=false_neg, wrong=dict(wrong))
    return result
