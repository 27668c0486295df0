"""One precision/recall/F scorer for every evaluation: NER spans, metrics, training's dev set.

Every score is a dict with the same keys: ``p``, ``r``, ``f`` (rounded to four places) and the
counts they come from, ``tp``, ``fp``, ``fn``. Spans are compared exactly: a predicted
(start, end, label) counts only if the gold has the same three values.

>>> prf(3, 1, 1)
{'p': 0.75, 'r': 0.75, 'f': 0.75, 'tp': 3, 'fp': 1, 'fn': 1}
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Hashable, Iterable

Span = tuple[int, int, str]


def prf(tp: int, fp: int, fn: int, *, empty: float = 0.0) -> dict:
    """Precision, recall and F1 of ``tp`` true positives, ``fp`` false positives and ``fn``
    misses; ``empty`` is the precision (recall) when nothing was predicted (nothing is gold).

    >>> prf(0, 0, 2)["r"], prf(0, 0, 0, empty=1.0)["p"]
    (0.0, 1.0)
    """
    p = tp / (tp + fp) if tp + fp else empty
    r = tp / (tp + fn) if tp + fn else empty
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def count_spans(gold: Iterable[set[Span]], pred: Iterable[set[Span]]
                ) -> dict[Hashable, Counter]:
    """Per label, the true positives, false positives and misses of each sentence's
    predicted spans against its gold spans (a span's label is its last value)."""
    counts: dict[Hashable, Counter] = defaultdict(Counter)
    for g, p in zip(gold, pred):
        for span in p:
            counts[span[-1]]["tp" if span in g else "fp"] += 1
        for span in g - p:
            counts[span[-1]]["fn"] += 1
    return counts


def total(counts: dict[Hashable, Counter]) -> dict:
    """The P/R/F of all labels together."""
    tot: Counter = Counter()
    for c in counts.values():
        tot.update(c)
    return prf(tot["tp"], tot["fp"], tot["fn"])


def span_prf(gold: Iterable[set[Span]], pred: Iterable[set[Span]]) -> dict:
    """Exact-span P/R/F over every label: {(0, 2, "PER")} against {(0, 2, "PER"), (3, 5, "LOC")}
    gives p 0.5, r 1.0."""
    return total(count_spans(gold, pred))


def score_spans(gold: list[set[Span]], pred: list[set[Span]],
                aligned: list[set[Span]] | None = None) -> dict:
    """Exact-span P/R/F per label and overall (``ALL``); with ``aligned`` (the gold spans a
    model could output, e.g. those on pkuseg word boundaries) also ``ALL_aligned_gold``: the
    same predictions against that gold (a false positive stays one)."""
    counts = count_spans(gold, pred)
    out = {label: prf(c["tp"], c["fp"], c["fn"]) for label, c in sorted(counts.items())}
    out["ALL"] = total(counts)
    if aligned is not None:
        tp = sum(len(p & a) for p, a in zip(pred, aligned))
        fp = sum(len(p - g) for p, g in zip(pred, gold))
        fn = sum(len(a - p) for p, a in zip(pred, aligned))
        out["ALL_aligned_gold"] = prf(tp, fp, fn)
    return out
