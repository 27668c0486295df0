"""Fixtures of the entity tests: the tagger over character tokens."""

from __future__ import annotations

import pytest
import spacy

from pipeline.stages.entities import EntityTagger


@pytest.fixture(scope="module")
def blank():
    # Character tokens: every offset is a token boundary, so only the rules' own grammar counts.
    return spacy.blank("zh")


@pytest.fixture(scope="module")
def tagger(blank):
    return EntityTagger(blank)
