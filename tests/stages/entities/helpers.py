"""Helpers for the entity tests: a Document over a text, what the tagger finds in it."""

from __future__ import annotations

import re
from datetime import date

from pipeline.document import ArticleSpan, Document, SentenceSpan

PUBLISHED = date(2021, 11, 10)


def make_doc(text: str, nlp=None, published: date | None = PUBLISHED, kind: str = "body") -> Document:
    """Return a Document over ``text`` with one sentence per 。！？； (clean == raw)."""
    doc = Document(doc_id="t", source="t", raw=text, clean=text,
                   offsets=list(range(len(text) + 1)), published=published)
    start = 0
    for m in re.finditer(r"[。！？；\n]+|$", text):
        if text[start:m.end()].strip():
            sent = SentenceSpan(0, 0, len(doc.sentences), start, m.end(), kind=kind)
            if nlp is not None:
                sent.doc = nlp.make_doc(text[start:m.end()])
            doc.sentences.append(sent)
        start = m.end()
        if m.end() == len(text):
            break
    doc.articles.append(ArticleSpan(0, [(0, len(text))]))
    return doc


def found(tagger, text: str, **kw) -> list[tuple[str, str]]:
    doc = tagger(make_doc(text, tagger.nlp, **kw))
    return [(text[e.start:e.end], e.label) for e in doc.entities]


def entity(tagger, text: str, span: str, **kw):
    doc = tagger(make_doc(text, tagger.nlp, **kw))
    hits = [e for e in doc.entities if text[e.start:e.end] == span]
    assert hits, f"{span} not found in {[(text[e.start:e.end], e.label) for e in doc.entities]}"
    return hits[0]
