"""fazhi's linear NER as a spaCy component, and the mapping of its spans to Doc offsets."""

from __future__ import annotations

import bisect
import os

from spacy.language import Language


class LinearNERComponent:
    """fazhi's linear NER (``pipeline/ner/linear.py``, or the character-level
    ``pipeline/ner/char.py``) as a spaCy component.

    ``char_spans`` gives the entities as character offsets into each Doc's text: what the
    entity stage uses, since a character-level model may start or end an entity inside a
    pkuseg word (华 in 华人). As a spaCy component it sets ``doc.ents`` to the entities that
    line up with the Doc's tokens.
    """

    def __init__(self, path: str | os.PathLike) -> None:
        from .load import load_model

        self.path = str(path)
        self.model = load_model(path)

    def __call__(self, doc):
        return next(iter(self.pipe([doc])))

    def char_spans(self, docs, batch_size: int = 4096) -> list[list[tuple[int, int, str]]]:
        """(start_char, end_char, label) of the entities of each Doc, in batches of
        ``batch_size`` Docs (bigger batches are faster)."""
        docs = list(docs)
        out: list[list[tuple[int, int, str]]] = []
        for first in range(0, len(docs), batch_size):
            block = docs[first:first + batch_size]
            words = [[t.text for t in d] for d in block]
            for doc, ws, spans in zip(block, words, self.model.char_spans(words)):
                out.append(to_doc_offsets(doc, ws, spans) if spans else [])
        return out

    def pipe(self, docs, batch_size: int = 4096):
        docs = list(docs)
        for doc, spans in zip(docs, self.char_spans(docs, batch_size)):
            found = (doc.char_span(a, b, label=label) for a, b, label in spans)
            doc.ents = [span for span in found if span is not None]
            yield doc


def char_span_component(pipeline) -> LinearNERComponent | None:
    """The NER component of ``pipeline`` (``nlp.pipeline``: (name, component) pairs) that gives
    character offsets, fazhi's linear NER, when it is the only component; else None."""
    if len(pipeline) == 1 and hasattr(pipeline[0][1], "char_spans"):
        return pipeline[0][1]
    return None


def to_doc_offsets(doc, words: list[str], spans) -> list[tuple[int, int, str]]:
    """Spans given as offsets into the concatenated ``words`` of ``doc``, as offsets into its
    text (the same unless whitespace between tokens is not a token of its own)."""
    idx = [t.idx for t in doc]
    if not idx or idx[-1] + len(words[-1]) == sum(map(len, words)):
        return list(spans)
    starts, at = [], 0
    for w in words:
        starts.append(at)
        at += len(w)

    def text_offset(c: int, end: bool) -> int:
        k = bisect.bisect_right(starts, c - 1 if end else c) - 1
        return idx[k] + c - starts[k]

    return [(text_offset(a, False), text_offset(b, True), label) for a, b, label in spans]


@Language.factory("fazhi_linear_ner", default_config={"path": ""})
def make_linear_ner(nlp: Language, name: str, path: str) -> LinearNERComponent:
    return LinearNERComponent(path)


