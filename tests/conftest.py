"""Shared fixtures. Slow fixtures load the pkuseg model once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
    from pipeline.models import default_pkuseg_dir, is_pkuseg_model

    if not (os.environ.get("FAZHI_PKUSEG_MODEL") or is_pkuseg_model(default_pkuseg_dir())):
        pytest.skip("no pkuseg model: run `fazhi models fetch`")
    from pipeline.tokenize import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def fazhi_pipeline(nlp):
    from pipeline.runner import Pipeline

    return Pipeline(nlp)


@pytest.fixture(scope="session")
def seed_outputs(tmp_path_factory, fazhi_pipeline):
    """The seed page run through the whole pipeline into Parquet (once per session)."""
    from pipeline.runner import run

    out = tmp_path_factory.mktemp("seed_outputs")
    run([SEED], out, pipeline=fazhi_pipeline)
    return out
