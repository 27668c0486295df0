"""Build the spaCy pipeline: Chinese with pkuseg words, plus fazhi's shipped components.

The pkuseg model (180 MB) is never serialized with our components: ``load_nlp`` builds a
``Chinese`` tokenizer over the model directory and attaches the NER components that ship in
``pipeline/models/ner`` (without tokenizer). Tests can pass ``spacy.blank("zh")`` instead.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

import spacy
from spacy.language import Language

from .models import resolve_pkuseg_model

NER_DIR = Path(__file__).parent / "models" / "ner"


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
    path (``pipeline.segment``, the same words, several times faster, tables compiled on first
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


def load_nlp(pkuseg_model: str | os.PathLike | None = None, *, with_ner: bool = True,
             say=None, segmenter: str | None = None) -> Language:
    """Return fazhi's spaCy pipeline: pkuseg tokenizer, then the shipped NER components."""
    model_dir = resolve_pkuseg_model(pkuseg_model, say=say)
    nlp = load_tokenizer_nlp(model_dir, segmenter)
    nlp.meta["fazhi_pkuseg_model"] = str(model_dir)
    if with_ner and has_ner_model(NER_DIR):
        attach_components(nlp, NER_DIR)
        nlp.meta["fazhi_ner"] = ner_identity(NER_DIR)
    return nlp


def has_ner_model(path: Path) -> bool:
    """A linear NER (``model.json``) or spaCy components (``config.cfg``) saved at ``path``."""
    return (path / "model.json").exists() or (path / "config.cfg").exists()


class LinearNERComponent:
    """fazhi's linear NER (``pipeline/ner_linear.py``, or the character-level
    ``pipeline/ner_char.py``) as a spaCy component.

    ``char_spans`` gives the entities as character offsets into each Doc's text: what the
    entity stage uses, since a character-level model may start or end an entity inside a
    pkuseg word (华 in 华人). As a spaCy component it sets ``doc.ents`` to the entities that
    line up with the Doc's tokens.
    """

    def __init__(self, path: str | os.PathLike) -> None:
        from .ner_linear import LinearNER

        self.path = str(path)
        self.model = LinearNER.load(path)

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
    import bisect

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


def ner_identity(path: Path) -> dict:
    """Return what run.json says of the NER components: path, tokens, labels, size, scores."""
    import json

    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    scores_path = path / "scores.json"
    scores = json.loads(scores_path.read_text(encoding="utf-8")) if scores_path.exists() else None
    summary = None
    if isinstance(scores, dict):
        summary = {name: (block.get("ALL", {}) or {}).get("f") for name, block in scores.items()
                   if isinstance(block, dict) and "ALL" in block}
    return {"path": str(path), "kind": meta.get("kind", "spaCy tok2vec + ner"),
            "tokens": meta.get("fazhi", {}).get("tokens"),
            "labels": meta.get("labels", {}).get("ner"), "spacy_version": meta.get("spacy_version"),
            "bytes": size, "f1": summary}


def attach_components(nlp: Language, path: Path) -> None:
    """Attach the NER saved at ``path`` to ``nlp``: fazhi's linear NER (``model.json``), or
    spaCy components saved without tokenizer (``config.cfg``)."""
    if (Path(path) / "model.json").exists():
        nlp.add_pipe("fazhi_linear_ner", name="ner", config={"path": str(path)})
        return
    trained = spacy.load(path, exclude=["tokenizer"])
    for name in trained.pipe_names:
        nlp.add_pipe(name, source=trained)
