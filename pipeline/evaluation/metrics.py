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

Attribution gold (``attribution_*.jsonl``, issue 12) adds ``place``, ``place_code``,
``period_start``/``period_end``, ``category`` and ``statistic``; they are scored on the figures
found (``attribution`` in the result: right / gold figures matched). Its listings
(``attribution_docs.jsonl``, ``attribution_pages_docs.jsonl``; a gold file's own
``<stem>_docs.jsonl`` when it has one) give each document's ``published`` date. A PD1998 paragraph is read inside its article: the stage gets all paragraphs of the article
id (the para_id without its last part) joined with newlines, dated by the listing, and only the
figures inside the gold paragraph are scored (offsets shifted back). ``part`` keeps the
development documents (``dev``) or the held-out ones (``held_out``, see ``is_held_out``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Iterable

from .corpora import read_jsonl_records, read_pd1998
from .scoring import prf
from ..errors import UserError
from ..io import document_from_text
from ..places import country_forms

_QUOTES = str.maketrans("", "", "“”‘’\"'「」『』")
ATTRIBUTES = ("quantity_kind", "approx", "change", "change_basis", "unit", "value_max",
              "action", "object")
# Scored where the gold carries them (attribution gold); ``period`` is start and end both right.
ATTRIBUTION = ("place", "place_code", "place_level", "place_source", "period", "period_start",
               "period_end", "category", "statistic")
_LISTINGS = {"attribution": ("attribution_docs.jsonl", "attribution_pages_docs.jsonl"),
             "metrics": ("metrics_docs.jsonl",)}
# 5 of the first 20 pages, p21-p25, and every page of the third set (h01-h10, attribution_pages3)
HELD_OUT_PAGES = ("p04", "p08", "p12", "p16", "p20", "p21", "p22", "p23", "p24", "p25", "h")


def is_held_out(doc: str) -> bool:
    """Return True for a held-out document: every third PD1998 article (by the article
    number: 19980103-01-010 -> 1998010301010 % 3 == 0), pages p04, p08, p12, p16, p20, p21-p25
    and the pages of the third set (h01_…)."""
    prefix, _, rest = doc.partition(":")
    if prefix == "pd1998":
        article = article_id(rest)
        return int(re.sub(r"\D", "", article)) % 3 == 0
    if prefix == "page":
        return rest.startswith(HELD_OUT_PAGES)
    return False


def article_id(para_id: str) -> str:
    """Return the article of a PD1998 paragraph: 19980103-01-009-005 -> 19980103-01-009."""
    return para_id.rsplit("-", 1)[0]


def load_gold(paths: str | Path | Iterable[str | Path],
              published: dict[str, date | None] | None = None) -> tuple[list[dict], set[str] | None]:
    """Return the gold records of one or several JSONL files and the annotated doc names;
    the listings' publication dates go to ``published`` when given."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    records: list[dict] = []
    docs: set[str] | None = None
    for path in map(Path, paths):
        start = len(records)
        if not path.exists():
            raise UserError(f"gold file {path} does not exist: give a JSONL file of metrics")
        for number, record in read_jsonl_records(path):
            if not {"doc", "start", "end", "value"} <= record.keys():
                raise UserError(f"{path}:{number}: a gold metric needs doc, start, end, value")
            records.append(record)
        kind = "attribution" if path.name.startswith("attribution") else "metrics"
        # A listing covers every gold file of the folder: keep the documents of the
        # kinds (seed:, pd1998:) this gold file annotates.
        prefixes = {r["doc"].split(":", 1)[0] for r in records[start:]}
        own = path.parent / f"{path.stem}_docs.jsonl"  # attribution_pages3.jsonl: its own listing
        for listing in [own] if own.exists() else (path.parent / name for name in _LISTINGS[kind]):
            if not listing.exists():
                continue
            docs = docs or set()
            with open(listing, encoding="utf-8") as handle:
                for entry in (json.loads(line) for line in handle if line.strip()):
                    if entry["doc"].split(":", 1)[0] not in prefixes:
                        continue
                    docs.add(entry["doc"])
                    if published is not None and entry.get("published"):
                        published[entry["doc"]] = date.fromisoformat(entry["published"])
    return records, docs


def _texts(inputs: Iterable[str | Path], wanted: set[str],
           articles: dict[str, tuple[str, int]] | None = None) -> dict[str, str]:
    """Return the raw text of every wanted document found among ``inputs``; a PD1998
    paragraph's article (its paragraphs joined with newlines) and the paragraph's offset in it
    go to ``articles``."""
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
            _read_articles(path, pd_ids, texts, articles)
    return texts


def _read_articles(path: Path, pd_ids: set[str], texts: dict[str, str],
                   articles: dict[str, tuple[str, int]] | None) -> None:
    """Read the wanted PD1998 paragraphs, and with ``articles`` their whole articles."""
    wanted_articles = {article_id(p) for p in pd_ids}
    paragraphs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for paragraph in read_pd1998(path):
        if paragraph.para_id in pd_ids:
            texts[f"pd1998:{paragraph.para_id}"] = paragraph.text
        if articles is not None and article_id(paragraph.para_id) in wanted_articles:
            paragraphs[article_id(paragraph.para_id)].append((paragraph.para_id, paragraph.text))
    for parts in paragraphs.values():
        joined = "\n".join(text for _, text in parts)
        offset = 0
        for para_id, text in parts:
            if para_id in pd_ids:
                articles[f"pd1998:{para_id}"] = (joined, offset)
            offset += len(text) + 1


def _looks_like_pd1998(path: Path) -> bool:
    with open(path, encoding="utf-8", errors="replace") as handle:
        first = handle.readline()
    return first[:8].isdigit() and "/m " in first[:30]


def predict(text: str, name: str, pipeline, published: date | None = None) -> list[dict]:
    """Return the metric rows fazhi gives for one document (offsets into its raw text)."""
    doc = pipeline.process(document_from_text(text, name, published=published))
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


_COUNTRIES: dict[str, str] = {}


def same_place(pred: str | None, gold: str | None) -> bool:
    """Return True when two places are the same: equal, or one country by two of its names
    (蒙古 and 蒙古国, 捷克 and 捷克共和国)."""
    if not _COUNTRIES:
        _COUNTRIES.update(country_forms())
    return pred == gold or pred in _COUNTRIES and _COUNTRIES[pred] == _COUNTRIES.get(gold)


def _attribute_agrees(name: str, pred: dict, gold: dict, exact: bool = False) -> bool:
    if name == "place":
        return same_place(pred.get(name), gold.get(name))
    if name == "period":
        return all(_attribute_agrees(k, pred, gold) for k in ("period_start", "period_end"))
    if name in ("period_start", "period_end"):
        value = pred.get(name)
        return (value.isoformat() if isinstance(value, date) else value) == gold.get(name)
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
                     details: bool = False, part: str | None = None) -> dict:
    """Return precision, recall, F1 and per-attribute accuracy of ``pipeline`` on the gold.

    ``gold_path``: a gold JSONL file (or a list of them); ``inputs``: the files that hold the
    documents (text files named as in the gold, and/or the PD1998 corpus file); ``pipeline``:
    anything with ``process(Document) -> Document`` (``pipeline.runner.Pipeline``).
    With ``details`` the result also lists the false positives and false negatives;
    ``part`` ``dev`` or ``held_out`` keeps those documents only (``is_held_out``).
    """
    published: dict[str, date | None] = {}
    gold, annotated = load_gold(gold_path, published)
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for record in gold:
        by_doc[record["doc"]].append(record)
    wanted = set(annotated) if annotated is not None else set(by_doc)
    wanted |= set(by_doc)
    if part:
        wanted = {name for name in wanted if is_held_out(name) == (part == "held_out")}
    articles: dict[str, tuple[str, int]] = {}
    texts = _texts(inputs, wanted, articles)
    tally = _Tally(details)
    cache: dict[str, list[dict]] = {}
    for name in sorted(texts):
        text = texts[name]
        if name in articles:  # a PD1998 paragraph read inside its article
            joined, offset = articles[name]
            if joined not in cache:
                cache[joined] = predict(joined, name, pipeline, published.get(name))
            predicted = [dict(p, start=p["start"] - offset, end=p["end"] - offset)
                         for p in cache[joined] if offset <= p["start"] and p["end"] <= offset + len(text)]
        else:
            predicted = predict(text, name, pipeline, published.get(name))
        tally.add(name, text, predicted, by_doc.get(name, []))
    result = dict(documents=len(texts), missing_documents=sorted(wanted - texts.keys()))
    result.update(tally.scores())
    return result


class _Tally:
    """Counts of one evaluation: matches, right attributes, and with ``details`` the errors."""

    def __init__(self, details: bool) -> None:
        self.details = details
        self.n_pred = self.n_gold = self.n_match = 0
        self.correct: dict[str, int] = defaultdict(int)
        self.exact: dict[str, int] = defaultdict(int)
        self.seen: dict[str, int] = defaultdict(int)  # gold figures matched that carry the key
        self.false_pos: list[dict] = []
        self.false_neg: list[dict] = []
        self.wrong: dict[str, list] = defaultdict(list)

    def add(self, name: str, text: str, predicted: list[dict], golds: list[dict]) -> None:
        """Match one document's predictions with its gold and count."""
        pairs = match(predicted, golds)
        self.n_pred += len(predicted)
        self.n_gold += len(golds)
        self.n_match += len(pairs)
        for p, g in pairs:
            keys = [a for a in ATTRIBUTION if (a if a != "period" else "period_start") in g]
            for attr in (*ATTRIBUTES, *keys):
                self.seen[attr] += 1
                if _attribute_agrees(attr, p, g):
                    self.correct[attr] += 1
                elif self.details:
                    shown = "change_direction" if attr == "change" else attr
                    self.wrong[attr].append(dict(
                        doc=name, text=text[g["start"]:g["end"]],
                        context=text[max(0, g["start"] - 25):g["end"] + 6],
                        gold=g.get(attr) if attr != "period" else (g.get("period_start"), g.get("period_end")),
                        predicted=p.get(shown) if attr != "period" else (
                            str(p.get("period_start")), str(p.get("period_end")))))
                if attr in ("action", "object") and _attribute_agrees(attr, p, g, exact=True):
                    self.exact[attr] += 1
        if self.details:
            matched_p = {id(p) for p, _ in pairs}
            matched_g = {id(g) for _, g in pairs}
            self.false_pos += [dict(doc=name, text=p["text"], value=p["value"],
                                    context=text[max(0, p["start"] - 15):p["end"] + 8])
                               for p in predicted if id(p) not in matched_p]
            self.false_neg += [dict(doc=name, text=text[g["start"]:g["end"]], value=g["value"],
                                    context=text[max(0, g["start"] - 15):g["end"] + 8])
                               for g in golds if id(g) not in matched_g]

    def scores(self) -> dict:
        """Return the scores (and with ``details`` the errors)."""
        # nothing predicted (nothing gold) is a precision (recall) of 1: no metric was missed
        score = prf(self.n_match, self.n_pred - self.n_match, self.n_gold - self.n_match, empty=1.0)
        n = self.n_match
        result = dict(
            predicted=self.n_pred, gold=self.n_gold, matched=n, precision=score["p"],
            recall=score["r"], f1=score["f"],
            attributes={a: round(self.correct[a] / n, 4) if n else None for a in ATTRIBUTES},
            exact={a: round(self.exact[a] / n, 4) if n else None for a in ("action", "object")},
        )
        if any(self.seen[a] for a in ATTRIBUTION):
            result["attribution"] = {a: round(self.correct[a] / self.seen[a], 4)
                                     for a in ATTRIBUTION if self.seen[a]}
        if self.details:
            result.update(false_positives=self.false_pos, false_negatives=self.false_neg,
                          wrong=dict(self.wrong))
        return result
