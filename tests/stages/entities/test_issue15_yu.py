"""Issue 15, the surname 于 that is also a preposition: 于某海 is a person, 于某日 is not.
Sentences written for the tests."""

from __future__ import annotations

import pytest

from .helpers import found


@pytest.mark.parametrize("text, person", [
    ("于某海驾驶渔船出海。", "于某海"),               # at the start of the sentence
    ("船员有张某、于某某等人。", "于某某"),           # in a list
    ("其表弟于某负责联系买家。", "于某"),             # after a kinship word; 负责 is no given name
    ("犯罪嫌疑人于某光被抓获。", "于某光"),
    ("法院判处于某海有期徒刑一年。", "于某海"),     # the object of 判处
])
def test_yu_mou_is_a_person_where_no_preposition_stands(tagger, text, person):
    assert (person, "PERSON") in found(tagger, text)


@pytest.mark.parametrize("text", ["该案于某日审结。", "货物于某地交付，于某年运出。"])
def test_yu_mou_before_a_time_or_place_word_is_the_preposition(tagger, text):
    assert not [e for e in found(tagger, text) if e[1] == "PERSON"]
