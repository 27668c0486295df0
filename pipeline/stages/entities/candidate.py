"""Candidate spans: what every entity rule and the model propose, and the tiers that rank them.

Offsets are sentence-relative; ``resolve`` keeps a flat set of them and the stage turns the
survivors into ``EntitySpan``s in document coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass

SURE = 3  # byline (SURE + 1), LAW, CRIME, DATE, ORG grammar
SOFT = 2  # gazetteer, anonymised and titled persons
MODEL = 1

CJK = "\u4e00-\u9fff\u3400-\u4dbf"
CLAUSE_BREAKS = set("，。；：！？“”‘’（）()《》【】「」\n\r\t 　□■●◆,;:!?\"'")


@dataclass
class Candidate:
    """A proposed entity: 镇江市公安局 (0, 6, ORG) from ``rule:org`` at tier SURE."""

    start: int  # sentence-relative
    end: int
    label: str
    normalized: str | None
    source: str
    tier: int
    text_end: str = ""  # the last characters of the span (for the ORG head check)
    fixed_left: bool = False  # an ORG whose province was split off on purpose (辽宁省|沈阳市…)

    @property
    def length(self) -> int:
        return self.end - self.start


def overlap(a: Candidate, b: Candidate) -> bool:
    """Return True when the two spans share a character."""
    return a.start < b.end and b.start < a.end


def inside(inner: Candidate, outer: Candidate) -> bool:
    """Return True when ``inner`` lies within ``outer`` (equal spans included)."""
    return outer.start <= inner.start and inner.end <= outer.end


def token_bounds(tokens: list[tuple[int, int]] | None) -> set[int] | None:
    """Return the offsets where a word starts or ends (None without words)."""
    if not tokens:
        return None
    return {s for s, _ in tokens} | {e for _, e in tokens}


def token_spans(spacy_doc) -> list[tuple[int, int]]:
    """Return (start, end) character offsets of the tokens (from arrays: no Token objects)."""
    from spacy.attrs import IDX, LENGTH

    if len(spacy_doc) == 0:
        return []
    return [(i, i + n) for i, n in spacy_doc.to_array([IDX, LENGTH]).tolist()]
