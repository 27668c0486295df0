"""Shared fixtures. Slow fixtures load the pkuseg model once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_151922b201effb69.txt"
CORPORA = ROOT.parent / "shared" / "corpora"
GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("FAZHI_REGEN_GOLDEN") == "1"


def pytest_addoption(parser):
    parser.addoption("--regen-golden", action="store_true",
                     help="Rewrite the golden files from the current output.")


@pytest.fixture(scope="session")
def regen(request) -> bool:
    return REGEN or request.config.getoption("--regen-golden")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpora() -> Path:
    if not CORPORA.exists():
        pytest.skip("the shared corpora are not beside this checkout")
    return CORPORA


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline (pkuseg tokenizer + shipped NER), loaded once."""
    from pipeline.nlp.models import default_pkuseg_dir, is_pkuseg_model

    if not (os.environ.get("FAZHI_PKUSEG_MODEL") or is_pkuseg_model(default_pkuseg_dir())):
        pytest.skip("no pkuseg model: run `fazhi models fetch`")
    from pipeline.ner.load import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def fazhi_pipeline(nlp):
    from pipeline.run.pipeline import Pipeline

    return Pipeline(nlp)


@pytest.fixture(scope="session")
def seed_outputs(tmp_path_factory, fazhi_pipeline):
    """The seed page run through the whole pipeline into Parquet (once per session)."""
    from pipeline.run.driver import run

    out = tmp_path_factory.mktemp("seed_outputs")
    run([SEED], out, pipeline=fazhi_pipeline)
    return out


class RulerCharNER:
    """Plays fazhi's NER in tests: an entity ruler whose entities come as character offsets
    (``char_spans``), the interface the entity stage reads from the shipped model."""

    def __init__(self, nlp) -> None:
        from spacy.pipeline import EntityRuler

        self.ruler = EntityRuler(nlp)

    def add_patterns(self, patterns) -> None:
        self.ruler.add_patterns(patterns)

    def __call__(self, doc):
        return self.ruler(doc)

    def char_spans(self, docs):
        return [[(e.start_char, e.end_char, e.label_) for e in self.ruler(d).ents] for d in docs]


@Language.factory("fazhi_test_ruler_ner")
def _make_ruler_ner(nlp, name):
    return RulerCharNER(nlp)


@pytest.fixture(scope="session")
def words_nlp():
    """A bare pipeline whose tokenizer gives pkuseg's words (the compiled segmenter over the
    cached model), loaded once: what the metrics stage reads in the fast tests."""
    from pipeline.nlp.models import default_pkuseg_dir, is_pkuseg_model
    from pipeline.nlp.spacy_nlp import load_tokenizer_nlp

    model = os.environ.get("FAZHI_PKUSEG_MODEL") or default_pkuseg_dir()
    if not is_pkuseg_model(Path(model)):
        pytest.skip("no pkuseg model: run `fazhi models fetch`")
    return load_tokenizer_nlp(model)
