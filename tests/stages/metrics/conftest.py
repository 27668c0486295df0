"""The metrics stage of the tests, on pkuseg words (``words_nlp``, tests/conftest.py)."""

from __future__ import annotations

import pytest

from pipeline.stages.metrics import MetricExtractor

from .helpers import WithWords


@pytest.fixture(scope="module")
def extractor(words_nlp) -> WithWords:
    return WithWords(MetricExtractor(), words_nlp)
