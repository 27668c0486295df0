"""Train and evaluate fazhi's statistical NER (PERSON, ORG, GPE, LOC): ``fazhi train ner``.

Everything runs in this process, from the installed package: ``train_ner`` converts the
corpora to DocBins of pkuseg words under ``work`` (``corpora.convert_corpora``, reused when
present), trains the character-level linear NER (``fit.fit`` with ``RECIPE``), saves it,
writes ``meta.json`` and scores it on the test splits (``evaluate``), which are never used for
training or model selection. The scripts in ``training/`` are command-line wrappers over
these functions.

The submodules: ``corpora`` (corpora → fazhi's labels, alignment to pkuseg words, DocBins),
``fit`` (the averaged perceptron), ``splits`` (sub-word splits of the word-level model),
``evaluate`` (exact character spans on the test splits, speed).
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable

from .corpora import LABELS, convert_corpora
from .evaluate import eval_sets, evaluate, load_trained, pkuseg_nlp
from .fit import FitOptions, fit

PROJECT = Path(__file__).resolve().parents[3]  # the checkout (or the installed package's parent)

# The options behind the shipped model: characters; MSRA train with all its labels, PD1998 for
# its persons only (its places and organisations follow other conventions than MSRA's), the
# epoch picked on the same (MSRA dev, and PD1998 dev's persons); float16 weights. See the
# model card for the variants measured.
RECIPE = {"level": "char", "pd_labels": "person", "dev_sources": "msra+pd-person",
          "float16": True}


def default_work_dir() -> Path:
    """Where the DocBins go: ``training/work`` in a checkout, else fazhi's cache."""
    if (PROJECT / "training").is_dir():
        return PROJECT / "training" / "work"
    from ..nlp.models import cache_dir

    return cache_dir() / "ner-train"


def prepare_docbins(corpora: Path, work: Path, *, extra: tuple[str, ...] = (),
                    reuse: bool = True, pkuseg_model=None, say: Callable = print) -> dict:
    """The DocBins of ``corpora`` in ``work`` (converted unless ``reuse`` and present with
    the same settings); returns the conversion report."""
    settings = {"harmonize": True, "extra": sorted(extra), "seed": 0, "dev_fraction": 0.03}
    done = work / "conversion.json"
    reusable = (reuse and (work / "train.spacy").exists() and (work / "dev.spacy").exists()
                and done.exists() and json.loads(done.read_text()).get("settings") == settings)
    if not reusable:
        convert_corpora(corpora, work, pkuseg_nlp(pkuseg_model), extra=extra, say=say)
    return json.loads(done.read_text())


def model_meta(trained: dict, recipe: dict, conversion: dict, train_minutes: float) -> dict:
    """What ``meta.json`` says of a model trained by ``train_ner``."""
    char = trained.get("level") == "char"
    return {"name": "fazhi_linear_ner",
            "kind": ("averaged structured perceptron over characters, pkuseg words as features: "
                     "BILOU tags, Viterbi decoding, hashed features (pipeline/ner/char.py)"
                     if char else
                     "averaged structured perceptron over pkuseg words: BILOU tags, Viterbi "
                     "decoding, hashed word and word-pair features (pipeline/ner/linear.py)"),
            "level": "char" if char else "word", "recipe_options": dict(recipe),
            "labels": {"ner": sorted(LABELS)},
            "fazhi": {"tokens": "pkuseg", "labels": list(LABELS),
                      "train_minutes": round(train_minutes, 1),
                      "best_epoch": trained.get("best_epoch"), "dev_f": trained.get("dev_f"),
                      "recipe": "fazhi train ner",
                      "alignment": {k: conversion.get(k) for k in ("sources", "train", "dev")}}}


def train_ner(corpora: Path, out: Path, minutes: float | None = None, *,
              work: Path | None = None, extra: tuple[str, ...] = (), reuse_docbins: bool = True,
              pkuseg_model: str | os.PathLike | None = None, say: Callable = print,
              epochs: int = 25, recipe: dict = RECIPE, evaluate_sets: bool = True) -> dict:
    """Train the NER on ``corpora``, save it to ``out`` and return the test scores.

    The model is fazhi's character-level linear NER (``pipeline/ner/char.py``: an averaged
    structured perceptron over characters with pkuseg words as features, trained by
    ``fit.fit`` with the options ``recipe``, about 3 minutes on one core): the best of up to
    ``epochs`` epochs by the dev F the recipe names (``RECIPE``: MSRA dev and the PERSON spans
    of PD1998 dev), stopped after ``minutes`` if given. ``extra`` adds corpora ("cluener",
    "weibo"). DocBins in ``work`` are reused when present. Example::

        train_ner(Path("../shared/corpora"), Path("pipeline/models/ner"))
    """
    corpora, out = Path(corpora), Path(out)
    work = Path(work) if work else default_work_dir()
    work.mkdir(parents=True, exist_ok=True)
    conversion = prepare_docbins(corpora, work, extra=extra, reuse=reuse_docbins,
                                 pkuseg_model=pkuseg_model, say=say)
    t0 = time.time()
    opts = replace(FitOptions(train=work / "train.spacy", dev=work / "dev.spacy",
                              corpora=corpora, epochs=epochs, minutes=minutes or 0.0,
                              paths_relative_to=PROJECT), **recipe)
    model = fit(opts, say=say)
    model.save(out)
    train_minutes = (time.time() - t0) / 60
    meta = model_meta(model.meta, recipe, conversion, train_minutes)
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1))
    scores: dict = {}
    if evaluate_sets:
        nlp = load_trained(pkuseg_nlp(pkuseg_model), out)
        for name, (examples, mapping, norm) in eval_sets(corpora).items():
            scores[name] = evaluate(nlp, examples, mapping, norm)
            say(f"{name}: {scores[name]['ALL']}")
    scores["train_minutes"] = round(train_minutes, 1)
    (out / "scores.json").write_text(json.dumps(scores, ensure_ascii=False, indent=2))
    return scores
