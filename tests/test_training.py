"""Training runs in-process from the package (``pipeline.training``), on a tiny corpus.

Slow: needs the pkuseg model (the DocBins are pkuseg words) and ../shared/corpora, of which
the first few hundred sentences of PD1998 and MSRA train are copied into a temporary folder.
"""

from __future__ import annotations

import json
import subprocess
from itertools import islice
from pathlib import Path

import pytest

from pipeline.ner.char import CharNER
from pipeline.ner.linear import LinearNER
from pipeline.ner.load import load_model
from pipeline.training import RECIPE, train_ner
from pipeline.training.fit import FitOptions, fit, shown_path

pytestmark = pytest.mark.slow


def msra_head(path: Path, sentences: int) -> str:
    """The first ``sentences`` sentences of a char-per-line BIO file."""
    out, n = [], 0
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        out.append(line)
        if not line.strip():
            n += 1
            if n == sentences:
                break
    return "".join(out)


@pytest.fixture(scope="module")
def tiny(tmp_path_factory, corpora):
    from pipeline.nlp.models import default_pkuseg_dir, is_pkuseg_model

    if not is_pkuseg_model(default_pkuseg_dir()):
        pytest.skip("no pkuseg model: run `fazhi models fetch`")
    root = tmp_path_factory.mktemp("tiny")
    (root / "pd1998").mkdir()
    (root / "msra").mkdir()
    with open(corpora / "pd1998" / "199801.utf8.txt", encoding="utf-8") as handle:
        (root / "pd1998" / "199801.utf8.txt").write_text("".join(islice(handle, 200)),
                                                         encoding="utf-8")
    (root / "msra" / "msra_train_bio.txt").write_text(
        msra_head(corpora / "msra" / "msra_train_bio.txt", 300), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def trained(tiny, tmp_path_factory):
    """The shipped recipe, one epoch, no subprocess."""
    out = tmp_path_factory.mktemp("model")
    messages = []
    real_run = subprocess.run
    subprocess.run = lambda *a, **k: pytest.fail(f"training ran a subprocess: {a}")
    try:
        scores = train_ner(tiny, out, work=tiny / "work", epochs=1, say=messages.append)
    finally:
        subprocess.run = real_run
    return out, scores, messages


def test_train_ner_saves_a_char_model_that_loads_and_tags(trained):
    out, scores, messages = trained
    assert {p.name for p in out.iterdir()} >= {"model.json", "weights.npz", "meta.json",
                                              "scores.json"}
    model = load_model(out)
    assert isinstance(model, CharNER)
    spans = model.char_spans([["江泽民", "主席", "在", "北京", "会见", "了", "客人", "。"]])
    assert len(spans) == 1 and all(0 <= a < b <= 14 for a, b, _ in spans[0])
    assert any('"epoch": 1' in str(m) for m in messages)
    assert scores["train_minutes"] >= 0


def test_model_files_record_no_absolute_path(trained):
    out, _, _ = trained
    meta = json.loads((out / "model.json").read_text(encoding="utf-8"))
    assert meta["level"] == "char" and meta["float16"] is True
    for key in ("train", "dev"):
        assert not Path(meta[key]).is_absolute() and meta[key].endswith(".spacy")
    card = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    assert card["recipe_options"] == RECIPE
    assert card["fazhi"]["alignment"]["sources"] == {"pd1998": 200, "msra_train": 300}


def test_word_level_fit_on_the_same_docbins(tiny, trained):
    work = tiny / "work"
    model = fit(FitOptions(train=work / "train.spacy", dev=work / "dev.spacy", corpora=tiny,
                           level="word", epochs=1), say=lambda m: None)
    assert type(model) is LinearNER and model.meta["best_epoch"] == 1
    assert model.predict([["江泽民", "主席"]]) == model.predict([["江泽民", "主席"]])


def test_paths_are_shown_relative_to_the_project(tmp_path):
    project = tmp_path / "fazhi"
    assert shown_path(project / "training" / "work" / "train.spacy", project) == \
        "training/work/train.spacy"
    assert shown_path(tmp_path / "shared" / "corpora" / "x.txt", project) == \
        "../shared/corpora/x.txt"
    assert shown_path(Path("/elsewhere/deep/dev.spacy"), project) == "dev.spacy"
    assert shown_path(project / "dev.spacy", None) == "dev.spacy"


def test_score_model_on_dev_uses_the_one_scorer(tiny, trained):
    from pipeline.training.evaluate import score_model

    out, _, _ = trained
    scores = score_model(out, tiny, tiny / "work", dev_only=True, say=lambda m: None)
    assert set(scores["dev"]["ALL"]) == {"p", "r", "f", "tp", "fp", "fn"}
    assert scores["dev"]["ALL"]["tp"] + scores["dev"]["ALL"]["fn"] > 0
