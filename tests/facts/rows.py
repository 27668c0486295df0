"""Hand-made metric rows over a written text, with offsets that point into it."""

from __future__ import annotations

from pipeline.document import content_id


def metric(raw: str, text: str, value: float, unit: str, *, doc_id: str = "d1", nth: int = 0,
           kind: str = "count", category: str = "other", action: str | None = None,
           obj: str | None = None, approx: str | None = None, place: str | None = None,
           period: str | None = None, period_start=None, period_end=None, value_max=None,
           currency: str | None = None, after: str = "") -> dict:
    """A metrics row for the ``nth`` occurrence of ``text`` (after ``after``) in ``raw``."""
    start = raw.index(after) + len(after) if after else 0
    for _ in range(nth + 1):
        start = raw.index(text, start)
        found, start = start, start + 1
    return {
        "metric_id": content_id(doc_id, found, text), "doc_id": doc_id, "article_id": "a",
        "sentence_id": "s", "text": text, "start": found, "end": found + len(text),
        "value": float(value), "value_max": value_max, "unit": unit, "quantity_kind": kind,
        "currency": currency or ("CNY" if kind == "money" else None), "approx": approx,
        "action": action, "object": obj, "subject": None, "category": category,
        "change_direction": None, "change_basis": None, "period": period,
        "period_start": period_start, "period_end": period_end, "place": place,
    }


def document(raw: str, doc_id: str = "d1", source: str = "x.txt", published=None) -> dict:
    return {"doc_id": doc_id, "source": source, "raw_text": raw, "clean_text": raw,
            "encoding": "utf-8", "published": published, "n_articles": 1}
