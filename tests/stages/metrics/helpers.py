"""Helpers of the metrics tests: documents built by hand, the stage run on pkuseg words."""

from __future__ import annotations

import re
import unicodedata

from pipeline.document import ArticleSpan, Document, SentenceSpan
from pipeline.stages.metrics import MetricExtractor
from pipeline.stages.tokenize import Tokenizer


class WithWords:
    """The metrics stage as the pipeline runs it: the sentences segmented into pkuseg words
    (the tokenize stage) before the figures are read."""

    def __init__(self, stage: MetricExtractor, nlp) -> None:
        self.stage = stage
        self.tokenize = Tokenizer(nlp)

    def __call__(self, doc: Document) -> Document:
        return self.stage(self.tokenize(doc))

    def __getattr__(self, name):
        return getattr(self.stage, name)


def make_doc(text: str, published=None) -> Document:
    """A Document with one article and sentences cut at 。！？； (words come from ``extractor``).

    The clean text is the NFKC form, character for character (full-width digits half-width),
    as the cleaner gives it.
    """
    clean = "".join(unicodedata.normalize("NFKC", c) if len(unicodedata.normalize("NFKC", c)) == 1
                    else c for c in text)
    doc = Document(doc_id="t", source="t", raw=text, clean=clean,
                   offsets=list(range(len(text) + 1)), published=published)
    doc.articles.append(ArticleSpan(index=0, segments=[(0, len(text))], title=""))
    start = 0
    for match in re.finditer(r"[。！？；]|$", text):
        end = match.end()
        if text[start:end].strip():
            doc.sentences.append(SentenceSpan(article=0, paragraph=0, index=len(doc.sentences),
                                              start=start, end=end))
        start = end
    return doc


def figures(extractor, text: str, published=None) -> list[dict]:
    doc = extractor(make_doc(text, published))
    return [dict(text=text[m.start:m.end], **m.fields) for m in doc.metrics]


_TAGGER = None


def make_article(paragraphs: list[str], title: str | None = None, published=None) -> Document:
    """A one-article Document (a title line, then one line per paragraph; sentences cut at
    。！？；) with the entity stage's rules run over it, as the metric stage sees it."""
    global _TAGGER
    from pipeline.stages.entities import EntityTagger

    if _TAGGER is None:
        _TAGGER = EntityTagger(None, use_model=False)
    lines = ([title] if title else []) + paragraphs
    text = "\n".join(lines)
    doc = Document(doc_id="t", source="t", raw=text, clean=text,
                   offsets=list(range(len(text) + 1)), published=published)
    doc.articles.append(ArticleSpan(index=0, segments=[(0, len(text))], title=title or ""))
    position = 0
    for number, line in enumerate(lines):
        start = position
        for match in re.finditer(r"[。！？；]|$", line):
            end = position + match.end()
            if text[start:end].strip():
                doc.sentences.append(SentenceSpan(
                    article=0, paragraph=number, index=len(doc.sentences), start=start, end=end,
                    kind="title" if title and number == 0 else "body"))
            start = end
        position += len(line) + 1
    return _TAGGER(doc)


def attribute(extractor, doc: Document, span: str, name: str):
    found = [m.fields[name] for m in extractor(doc).metrics if doc.clean[m.start:m.end] == span]
    assert found, f"no figure {span}"
    return found[-1]
