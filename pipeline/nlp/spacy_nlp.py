"""Build the spaCy ``Chinese`` object whose tokenizer gives pkuseg's words.

The pkuseg model (180 MB) is never serialized with our components: ``load_nlp`` builds a
``Chinese`` tokenizer over the model directory and attaches the NER components that ship in
``pipeline/models/ner`` (without tokenizer). Tests can pass ``spacy.blank("zh")`` instead.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager

import spacy
from spacy.language import Language



@contextmanager
def _quiet_stderr():
    # spacy-pkuseg prints format warnings on stderr that mean nothing to our users.
    fd = sys.stderr.fileno() if hasattr(sys.stderr, "fileno") else None
    try:
        saved = os.dup(fd) if fd is not None else None
    except (OSError, ValueError):
        saved = None
    if saved is None:
        yield
        return
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), fd)
        try:
            yield
        finally:
            os.dup2(saved, fd)
            os.close(saved)


ENV_SEGMENTER = "FAZHI_SEGMENTER"
SEGMENTERS = ("fast", "pkuseg")


def load_tokenizer_nlp(pkuseg_model: str | os.PathLike, segmenter: str | None = None) -> Language:
    """Return a bare ``Chinese`` pipeline whose tokenizer gives pkuseg's words with ``pkuseg_model``.

    ``segmenter`` (default ``$FAZHI_SEGMENTER``, else ``fast``): ``fast`` is fazhi's compiled
    path (``pipeline.nlp.segment``, the same words, several times faster, tables compiled on first
    use); ``pkuseg`` is spaCy's own ``ChineseTokenizer`` over spacy-pkuseg.
    """
    segmenter = segmenter or os.environ.get(ENV_SEGMENTER) or "fast"
    if segmenter not in SEGMENTERS:
        raise ValueError(f"unknown segmenter {segmenter!r}; choose one of {', '.join(SEGMENTERS)}")
    if segmenter == "fast":
        from .segment import SegmentTokenizer, load_segmenter

        nlp = spacy.blank("zh")
        nlp.tokenizer = SegmentTokenizer(nlp.vocab, load_segmenter(pkuseg_model))
        nlp.meta["fazhi_segmenter"] = "fast"
        return nlp
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    with _quiet_stderr():
        nlp.tokenizer.initialize(pkuseg_model=str(pkuseg_model), pkuseg_user_dict="default")
    nlp.meta["fazhi_segmenter"] = "pkuseg"
    return nlp
