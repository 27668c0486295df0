"""The tokenize stage: every sentence segmented into pkuseg words (a spaCy Doc).

A traditional-script page is segmented in its simplified view (``layout.simplified_view``: the
same length, so a word's offsets hold for the page): pkuseg was trained on simplified text and
cuts 貴陽警方破獲 into single characters, but 贵阳 警方 破获 into words.
"""

from __future__ import annotations

from ..document import Document
from .layout import simplified_view


class Tokenizer:
    """Segment every sentence with pkuseg into a spaCy Doc (``SentenceSpan.doc``)."""

    name = "tokenize"

    def __init__(self, nlp) -> None:
        self.tokenizer = nlp.tokenizer

    def prepare(self, docs: list[Document]) -> None:
        """Segment the sentences of ``docs`` not segmented yet, in one batch where the
        tokenizer has ``pipe`` (fazhi's segmenter)."""
        todo = [(doc, s) for doc in docs for s in doc.sentences if s.doc is None]
        views = {id(doc): simplified_view(doc.clean) for doc in docs}
        texts = [views[id(doc)][s.start:s.end] for doc, s in todo]
        pipe = getattr(self.tokenizer, "pipe", None)
        sdocs = pipe(texts) if pipe is not None else map(self.tokenizer, texts)
        for (_, sentence), sdoc in zip(todo, sdocs):
            sentence.doc = sdoc

    def __call__(self, doc: Document) -> Document:
        self.prepare([doc])  # a no-op for the sentences a batch ``prepare`` already did
        return doc
