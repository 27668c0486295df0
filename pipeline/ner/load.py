"""Load the shipped NER: the model class named in ``model.json``, and the full spaCy pipeline
(pkuseg words, then the NER component)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from spacy.language import Language

from ..nlp.models import resolve_pkuseg_model
from ..nlp.spacy_nlp import load_tokenizer_nlp

NER_DIR = Path(__file__).resolve().parent.parent / "models" / "ner"


def load_model(path: str | os.PathLike):
    """Return the linear NER saved at ``path``: a ``LinearNER`` (``"level": "word"``, the
    default) or a ``CharNER`` (``"level": "char"``), as its ``model.json`` says."""
    from .char import CharNER
    from .linear import LinearNER

    classes = {cls.level: cls for cls in (LinearNER, CharNER)}
    meta = json.loads((Path(path) / "model.json").read_text(encoding="utf-8"))
    level = meta.get("level", "word")
    if level not in classes:
        raise ValueError(f"{path}: unknown model level {level!r}")
    return classes[level].load(path)


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
    """True when a linear NER (``model.json``) is saved at ``path``."""
    return (path / "model.json").exists()


def _shown(path: Path) -> str:
    """``path`` relative to the installed package's parent (pipeline/models/ner), else as is."""
    try:
        return Path(path).resolve().relative_to(NER_DIR.parent.parent.parent).as_posix()
    except ValueError:
        return str(path)


def ner_identity(path: Path) -> dict:
    """Return what run.json says of the NER components: path, tokens, labels, size, scores."""
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    scores_path = path / "scores.json"
    scores = json.loads(scores_path.read_text(encoding="utf-8")) if scores_path.exists() else None
    summary = None
    if isinstance(scores, dict):
        summary = {name: (block.get("ALL", {}) or {}).get("f") for name, block in scores.items()
                   if isinstance(block, dict) and "ALL" in block}
    return {"path": _shown(path), "kind": meta.get("kind", "spaCy tok2vec + ner"),
            "tokens": meta.get("fazhi", {}).get("tokens"),
            "labels": meta.get("labels", {}).get("ner"), "spacy_version": meta.get("spacy_version"),
            "bytes": size, "f1": summary}


def attach_components(nlp: Language, path: Path) -> None:
    """Attach fazhi's linear NER saved at ``path`` to ``nlp`` as its ``ner`` component."""
    from . import component  # noqa: F401  (registers the fazhi_linear_ner factory)

    nlp.add_pipe("fazhi_linear_ner", name="ner", config={"path": str(path)})
