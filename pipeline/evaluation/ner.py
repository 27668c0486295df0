"""NER evaluation: run each sentence of an annotated file through the normal pipeline and score
exact character spans, per label and overall.

Formats:
- ``bio``: one character per line with BIO tags (MSRA, ``pd_ner``, Weibo); labels PER LOC ORG
  (Weibo also GPE; its nominal ``.NOM`` mentions are not names and are left out).
- ``cluener``: CLUENER2020 JSON lines; name → PER, organization/government/company → ORG,
  address → LOC; its other types (book, game, movie, position, scene) are not scored.
- ``jsonl``: fazhi's own labels. Either ``{"text": ..., "entities": [[start, end, label], ...]}``
  (or entities as ``{"start", "end", "label"}`` objects) one sentence a line, or the gold record
  format of ``tests/gold`` (``{"doc": "seed:<file>", "start", "end", "label"}``, one entity a
  line; ``seed:`` documents are read from the repository's ``seeds/``).

Our labels are mapped to the file's: PERSON → PER, GPE and LOC → LOC (GPE stays GPE when the
file has GPE), ORG → ORG. Predicted labels the file does not annotate (DATE, LAW, CRIME in MSRA)
are ignored.
"""

from __future__ import annotations

import time
from collections import defaultdict
from pathlib import Path
from typing import Iterator

from .corpora import read_bio, read_cluener, read_jsonl_records
from .scoring import count_spans, prf, total
from ..errors import UserError
from ..io import document_from_text

FORMATS = ("bio", "cluener", "jsonl")
REPO = Path(__file__).resolve().parents[2]
CLUENER_LABELS = {"name": "PER", "organization": "ORG", "government": "ORG", "company": "ORG",
                  "address": "LOC"}
OURS_TO_PER_LOC_ORG = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG"}

Spans = set[tuple[int, int, str]]


def read_examples(path: str | Path, fmt: str) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """Yield (text, gold spans) from an annotated file, gold labels in the file's own scheme."""
    path = Path(path)
    if fmt not in FORMATS:
        raise UserError(f"Unknown format {fmt!r}: use one of {', '.join(FORMATS)}.")
    if not path.exists():
        raise UserError(f"{path} does not exist: pass an annotated file (MSRA test, pd_ner test, "
                        "CLUENER dev or a fazhi JSONL gold file).")
    if fmt == "bio":
        for text, spans in read_bio(path):
            gold = []
            for s, e, label in spans:
                base, _, kind = label.partition(".")
                if kind == "NOM":
                    continue
                gold.append((s, e, base))
            yield text, gold
    elif fmt == "cluener":
        for text, spans in read_cluener(path):
            yield text, [(s, e, CLUENER_LABELS[label]) for s, e, label in spans
                         if label in CLUENER_LABELS]
    else:
        yield from _read_jsonl(path)


def _read_jsonl(path: Path) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for n, record in read_jsonl_records(path):
        if "text" in record and "entities" in record:
            spans = []
            for ent in record["entities"]:
                if isinstance(ent, dict):
                    spans.append((int(ent["start"]), int(ent["end"]), ent["label"]))
                else:
                    spans.append((int(ent[0]), int(ent[1]), ent[2]))
            yield record["text"], spans
        elif "doc" in record:
            by_doc[record["doc"]].append((int(record["start"]), int(record["end"]),
                                          record["label"]))
        else:
            raise UserError(f"{path}:{n}: expected {{\"text\", \"entities\"}} or a gold "
                            "record with \"doc\", \"start\", \"end\", \"label\".")
    for doc, spans in by_doc.items():
        yield _read_doc(doc, path), spans


def _read_doc(doc: str, gold_path: Path) -> str:
    kind, _, name = doc.partition(":")
    candidates = [REPO / "seeds" / name] if kind == "seed" else []
    candidates += [gold_path.parent / name, Path(name)]
    for candidate in candidates:
        if candidate.exists():
            return candidate.read_text(encoding="utf-8")
    raise UserError(f"Cannot find the text of document {doc!r} named in {gold_path}.")


def map_label(label: str, file_labels: set[str], fmt: str) -> str | None:
    """Return our label in the file's scheme, or None when the file does not annotate it."""
    if fmt == "jsonl":
        return label if label in file_labels else None
    if label == "GPE" and "GPE" in file_labels:
        return "GPE"
    mapped = OURS_TO_PER_LOC_ORG.get(label)
    return mapped if mapped in file_labels else None


def predict(pipeline, text: str, source: str) -> list[tuple[int, int, str]]:
    """Return (start, end, label) in ``text`` coordinates from the normal pipeline."""
    doc = pipeline.process(document_from_text(text, source))
    out = []
    for ent in doc.entities:
        start, end = doc.raw_span(ent.start, ent.end)
        out.append((start, end, ent.label))
    return out


def evaluate_ner(path: str | Path, fmt: str, pipeline, limit: int | None = None) -> dict:
    """Return precision, recall and F1 per label and overall (exact character spans), each as
    ``pipeline.evaluation.scoring.prf`` gives them (``p``, ``r``, ``f``, ``tp``, ``fp``, ``fn``).

    Each sentence (or document, for gold records) of ``path`` becomes a Document that goes
    through ``pipeline.process`` exactly as in ``fazhi run``.
    """
    examples = list(read_examples(path, fmt))
    if limit is not None:
        examples = examples[:limit]
    if fmt == "cluener":
        file_labels = set(CLUENER_LABELS.values())
    elif fmt == "jsonl":
        file_labels = {"PERSON", "ORG", "GPE", "LOC", "DATE", "LAW", "CRIME"}
    else:
        file_labels = {label for _, spans in examples for _, _, label in spans}
    golds: list[Spans] = []
    preds: list[Spans] = []
    chars = 0
    started = time.perf_counter()
    for n, (text, gold_spans) in enumerate(examples):
        chars += len(text)
        golds.append({(s, e, label) for s, e, label in gold_spans if label in file_labels})
        pred: Spans = set()
        if text.strip():
            for s, e, label in predict(pipeline, text, f"{path}:{n + 1}"):
                mapped = map_label(label, file_labels, fmt)
                if mapped is not None:
                    pred.add((s, e, mapped))
        preds.append(pred)
    seconds = time.perf_counter() - started
    counts = count_spans(golds, preds)
    labels = {label: prf(c["tp"], c["fp"], c["fn"]) for label, c in sorted(counts.items())
              if label in file_labels}
    result = {
        "file": str(path),
        "format": fmt,
        "examples": len(examples),
        "chars": chars,
        "seconds": round(seconds, 2),
        "chars_per_second": round(chars / seconds) if seconds else None,
        "labels": labels,
        "overall": total(counts),
    }
    result["text"] = format_report(result)  # what `fazhi evaluate ner` prints
    return result


def format_report(result: dict) -> str:
    """Return the evaluation as an aligned plain-text table."""
    lines = [f"{result['file']} ({result['format']}): {result['examples']} examples, "
             f"{result['chars']} characters, {result['seconds']} s",
             f"{'label':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}"]
    rows = list(result["labels"].items()) + [("overall", result["overall"])]
    for label, m in rows:
        lines.append(f"{label:<8}{m['p']:>8.3f}{m['r']:>8.3f}{m['f']:>8.3f}"
                     f"{m['tp'] + m['fn']:>8}{m['tp'] + m['fp']:>8}")
    return "\n".join(lines)
