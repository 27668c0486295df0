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
    if with_ner and (NER_DIR / "config.cfg").exists():
        attach_components(nlp, NER_DIR)
        nlp.meta["fazhi_ner"] = ner_identity(NER_DIR)
    return nlp


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
    return {"path": str(path), "tokens": meta.get("fazhi", {}).get("tokens"),
            "labels": meta.get("labels", {}).get("ner"), "spacy_version": meta.get("spacy_version"),
            "bytes": size, "f1": summary}


def attach_components(nlp: Language, path: Path) -> None:
    """Load the components saved at ``path`` (a spaCy model dir without tokenizer) into ``nlp``."""
    trained = spacy.load(path, exclude=["tokenizer"])
    for name in trained.pipe_names:
        nlp.add_pipe(name, source=trained)
