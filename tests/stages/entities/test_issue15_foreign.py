"""Issue 15, places of other countries (``rules_foreign``). Sentences written for the tests."""

from __future__ import annotations

import pytest

from .helpers import found


@pytest.mark.parametrize("text, country, town", [
    ("被告人在缅甸妙瓦底参加诈骗集团。", "缅甸", "妙瓦底"),
    ("两名男子从越南芒街偷渡入境。", "越南", "芒街"),
    ("他被骗到老挝万象后失去联系。", "老挝", "万象"),  # an everyday word after its country
])
def test_a_foreign_town_after_its_country_is_a_gpe(tagger, text, country, town):
    got = found(tagger, text)
    assert (country, "GPE") in got
    assert (town, "GPE") in got


def test_a_foreign_town_alone_is_a_gpe(tagger):
    assert ("迪拜", "GPE") in found(tagger, "嫌疑人从迪拜回国后投案。")


@pytest.mark.parametrize("text", ["这本书包罗万象。", "游客在老街上散步。"])
def test_an_everyday_word_without_its_country_is_no_town(tagger, text):
    assert not [s for s, label in found(tagger, text) if label == "GPE"]


def test_a_compound_named_in_a_foreign_town_is_a_loc(tagger):
    got = found(tagger, "他在缅甸妙瓦底KK园区从事诈骗。")
    assert ("KK园区", "LOC") in got


def test_a_described_compound_is_no_name(tagger):
    got = found(tagger, "他在妙瓦底诈骗园区工作。")
    assert ("妙瓦底", "GPE") in got
    assert not [s for s, label in got if label == "LOC"]


# Listed districts (rules_units) and a city named like a port (rules_water._ports).

def test_districts_listed_before_their_level_word_are_gpe(tagger):
    got = found(tagger, "济南市历下、市中、槐荫三区刑事警情下降。")
    assert ("市中", "GPE") in got  # 市中 + 区 is a district, too common a word alone
    assert ("槐荫", "GPE") in got


def test_directions_listed_before_a_level_word_are_no_districts(tagger):
    assert not [s for s, label in found(tagger, "全市东部、西部两区发案下降。") if label == "GPE"]


def test_a_listed_city_ending_in_gang_is_no_port(tagger):
    got = found(tagger, "昆山、张家港、常熟三地警方联合行动。")
    assert ("张家港", "GPE") in got
