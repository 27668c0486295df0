"""How the training corpora's places become GPE or LOC, and what a People's Daily sentence
constrains (pipeline.training). Names are examples, no corpus text."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.ner.linear import TAGS
from pipeline.training.corpora import (PD_ORG_PLACES, place_label, place_label_known,
                                        resolve_places)
from pipeline.training.fit import LOC_TAGS, PARTIAL_TAGS, PERSON_TAGS, person_constraints


@pytest.mark.parametrize("name, label", [
    ("长江", "LOC"), ("太行山", "LOC"), ("东海", "LOC"),       # the rules' LOC lists decide first
    ("湛江", "GPE"), ("澳门", "GPE"), ("连云港", "GPE"),      # divisions, though they end like sites
    ("张家口地区", "GPE"),                                   # a prefecture of 1998
    ("华北地区", "LOC"), ("盐城自然保护区", "LOC"), ("三峡库区", "LOC"),
    ("镇江市", "GPE"), ("北京西站", "LOC"),
])
def test_place_label_known_follows_the_entity_conventions(name, label):
    assert place_label_known(name, set()) == label


@pytest.mark.parametrize("name, label", [("湛江", "LOC"), ("太行山", "GPE"), ("长江", "LOC")])
def test_the_shipped_recipe_keeps_the_suffix_labels(name, label):
    stems = {"太行山"}  # from 太行山区: the shipped model was trained with these labels
    assert place_label(name, stems) == label


def test_hotels_and_shops_of_peoples_daily_are_org():
    text = "他住在芙蓉宾馆。"
    spans = [(3, 7, "PLACE")]
    assert resolve_places([(text, spans)], set(), PD_ORG_PLACES, known=True)[0][1] == [(3, 7, "ORG")]
    assert resolve_places([(text, spans)], set())[0][1] == [(3, 7, "LOC")]


def tags(*names):
    return np.array([TAGS.index(n) for n in names])


def test_person_and_loc_constraints_force_the_gold_loc_and_forbid_loc_elsewhere():
    g = tags("O", "B-LOC", "L-LOC", "U-GPE")
    out = person_constraints(g, PARTIAL_TAGS["person+loc"])
    assert out[1, TAGS.index("B-LOC")] == 0 and (out[1] < 0).sum() == len(TAGS) - 1
    assert (out[3, LOC_TAGS] < 0).all() and (out[3, PERSON_TAGS] < 0).all()
    assert out[3, TAGS.index("U-GPE")] == 0 and out[0, TAGS.index("U-ORG")] == 0
    person_only = person_constraints(g)
    assert person_only[1, TAGS.index("U-GPE")] == 0   # PERSON only: a LOC span is free
