"""The working document that every stage reads and annotates.

A ``Document`` carries the raw text exactly as decoded, the clean text the stages work on,
and ``offsets``, the map from clean positions to raw positions. Stages store spans in clean
coordinates (``start``/``end``, half-open); ``Document.raw_span`` turns them into raw
coordinates when records are built, so every output satisfies ``raw[start:end] == text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any


def content_id(*parts: object, length: int = 16) -> str:
    """Return a deterministic id: the first ``length`` hex digits of sha1 over ``parts``."""
    digest = hashlib.sha1()
    for part in parts:
        digest.update(str(part).encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:length]


@dataclass
class Author:
    name: str
    role: str  # reporter | correspondent | other


@dataclass
class ArticleSpan:
    """An article in clean coordinates. ``segments`` are the stretches of the page it covers."""

    index: int
    segments: list[tuple[int, int]]
    title: str = ""
    kicker: str | None = None
    subtitle: str | None = None
    authors: list[Author] = field(default_factory=list)
    dateline: str | None = None
    truncated: bool = False
    published: date | None = None  # the page's date line or edition line, else the input's date
    outlet: str | None = None  # the outlet the page states (来源：南方日报, 新华社…电)
    # Header lines and the byline spans, in clean coordinates, so that stages can tell a
    # title sentence from a body sentence: {"title": (s, e), "kicker": ..., "byline": [...]}
    header: dict[str, Any] = field(default_factory=dict)
    # Paragraphs of the body and header, in reading order: (start, end) in clean coordinates.
    paragraphs: list[tuple[int, int]] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]


@dataclass
class SentenceSpan:
    """A sentence in clean coordinates; ``doc`` is its spaCy Doc once tokenized."""

    article: int  # index into Document.articles
    paragraph: int  # paragraph number within the article (0-based, header lines included)
    index: int  # sentence number within the article
    start: int
    end: int
    kind: str = "body"  # body | title | kicker | subtitle | byline
    doc: Any = None  # spacy.tokens.Doc over clean[start:end]

    def words(self, clean: str) -> list[str]:
        """The sentence's words as printed in ``clean`` (the Doc may be of the page's simplified
        view: 貴陽 is printed, 贵阳 was segmented)."""
        if self.doc is None:
            return []
        text = clean[self.start:self.end]
        return [text[t.idx:t.idx + len(t.text)] for t in self.doc]


@dataclass
class EntitySpan:
    """An entity in clean document coordinates."""

    sentence: int  # index into Document.sentences
    start: int
    end: int
    label: str  # PERSON ORG GPE LOC DATE LAW CRIME
    normalized: str | None = None
    source: str = "model"  # model | rule:<name> | gazetteer | byline


@dataclass
class MetricSpan:
    """A quantity in clean document coordinates, with its normalised attributes.

    ``fields`` holds the Metric columns other than ids, text and offsets (value, unit, ...).
    """

    sentence: int
    start: int
    end: int
    fields: dict[str, Any]


@dataclass
class Reject:
    """A record set aside by a stage: it goes to the quarantine table, the document goes on."""

    stage: str
    reason: str
    message: str
    excerpt: str = ""


@dataclass
class Document:
    doc_id: str
    source: str
    raw: str
    encoding: str = "utf-8"
    published: date | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    clean: str = ""
    offsets: list[int] = field(default_factory=list)  # len(clean) + 1 entries
    articles: list[ArticleSpan] = field(default_factory=list)
    sentences: list[SentenceSpan] = field(default_factory=list)
    entities: list[EntitySpan] = field(default_factory=list)
    metrics: list[MetricSpan] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    # Page chrome in clean coordinates: (start, end, kind), e.g. (0, 12, "nav"); see
    # pipeline/stages/chrome.py. It belongs to no article.
    chrome: list[tuple[int, int, str]] = field(default_factory=list)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Return the raw-text (start, end) of the clean span [start, end)."""
        if not self.offsets:  # not cleaned yet: clean == raw
            return start, end
        raw_start = self.offsets[start]
        raw_end = self.offsets[end - 1] + 1 if end > start else raw_start
        return raw_start, raw_end
