"""Issue 15: a verb the segmenter gives right after 某 is no given name (喻某 + 提起), and a
list of rivers none of which is known gives each river a LOC. Sentences written for the tests."""

from __future__ import annotations

import pytest

from pipeline.stages.entities.rules_person import given_name_after

from .helpers import found

VERBS = frozenset({"提起", "提出", "销赃"})


@pytest.mark.parametrize("text, word_end, expected", [
    ("甘某提起诉讼", 4, 0),    # 甘某 | 提起: the verb
    ("钱某提出申请", 4, 0),    # 钱某 | 提出
    ("韩某明持刀伤人", 4, 1),  # 韩某 | 明持: the segmenter's word is no verb, 韩某明 stays
    ("韩某明持刀伤人", None, 1),  # no words: the character rule alone
])
def test_a_known_verb_word_after_mou_is_no_given_name(text, word_end, expected):
    assert given_name_after(text, 0, 2, word_end, VERBS) == expected


def test_the_rules_read_the_segmenters_word_after_mou(tagger):
    text = "邵某提起上诉。"
    tokens = [(0, 2), (2, 4), (4, 6), (6, 7)]  # 邵某 | 提起 | 上诉 | 。
    spans = [(text[c.start:c.end], c.label) for c in tagger.rules.person_candidates(text, tokens)]
    assert ("邵某", "PERSON") in spans and ("邵某提", "PERSON") not in spans


@pytest.mark.parametrize("text, rivers", [
    ("入夏以来，柳溪、杏河和泥湾河水位上涨。", ["柳溪", "杏河", "泥湾河"]),
    ("巡查组对东沙河、西沙河、小清河开展清理。", ["东沙河", "西沙河", "小清河"]),  # three: no water word needed
    ("民警在莲河、桂溪一带劝离野泳人员。", ["莲河", "桂溪"]),
])
def test_a_list_of_rivers_with_no_known_one_is_each_a_loc(tagger, text, rivers):
    got = found(tagger, text)
    for river in rivers:
        assert (river, "LOC") in got


@pytest.mark.parametrize("text, name", [
    ("沙河、清河两县开展联合执法。", "沙河"),        # a level word after the list: divisions
    ("嫌疑人邓春江、罗长河和孔清湖被抓获。", "罗长河"),  # people before the list
    ("邓春江、罗长河和孔清湖三人被抓获。", "罗长河"),    # a count of people after it
])
def test_a_list_of_divisions_or_people_is_no_list_of_rivers(tagger, text, name):
    assert (name, "LOC") not in found(tagger, text)
