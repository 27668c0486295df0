"""Issue 15, blind set 16: an everyday word that is a charge only with 罪 (赌博, 放火) names
the offence before a noun of a case or a gang; a direction part of a lake and a pier
described after a port are no site names.
Sentences written for the tests."""

from __future__ import annotations

import pytest

from .helpers import found


@pytest.mark.parametrize("text, crime", [
    ("警方上月打掉赌博团伙三个。", "赌博"),
    ("县公安局侦破一起放火案，抓获一人。", "放火"),
    ("民警在城郊捣毁一处赌博窝点。", "赌博"),
    ("该市今年共破获赌博案件十余起。", "赌博"),
])
def test_a_charge_word_before_a_case_noun_is_a_crime(tagger, text, crime):
    assert (crime, "CRIME") in found(tagger, text)


@pytest.mark.parametrize("text, word", [
    ("有人在家中聚众赌博，被邻居举报。", "赌博"),     # narrated, no case noun
    ("小区内发生一起燃气爆炸，无人受伤。", "爆炸"),
])
def test_the_bare_word_stays_untagged(tagger, text, word):
    assert (word, "CRIME") not in found(tagger, text)


def test_a_direction_part_of_a_lake_is_no_site(tagger):
    got = found(tagger, "渔政人员在洞庭湖北部水域巡查。")
    assert ("洞庭湖", "LOC") in got and ("北部水域", "LOC") not in got
    assert ("北部水域", "LOC") not in found(tagger, "渔政人员在太湖北部水域巡查。")


def test_a_town_named_after_its_port_is_no_port(tagger):
    got = found(tagger, "民警在龙门港镇巡查渔船。")  # 龙门 is a county, 龙门港镇 a town
    assert not any(label == "LOC" and span.startswith("龙门港") for span, label in got)


def test_a_pier_described_after_a_port_stays_out_of_the_port(tagger):
    got = found(tagger, "一艘货船停靠在如皋港一处临时码头。")
    assert ("如皋港", "LOC") in got
    assert not any("码头" in span for span, _ in got)
