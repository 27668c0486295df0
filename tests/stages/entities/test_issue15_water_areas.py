"""Issue 15, a water's area written right after it and counties named by their lake
(``rules_roads.water_division_candidates``, ``model._site_after``). Sentences written for the
tests."""

from __future__ import annotations

import pytest

from pipeline.stages.entities.model import vet_spans

from .helpers import found


@pytest.mark.parametrize("text, area", [
    ("水警在千岛湖水域救起一名落水游客。", "千岛湖水域"),  # a listed lake
    ("渔政人员对洪湖湖区开展禁捕巡查。", "洪湖湖区"),  # a county named by its lake
])
def test_a_water_and_its_area_are_one_loc(tagger, text, area):
    assert (area, "LOC") in found(tagger, text)


def test_a_model_water_takes_its_area_after_it(tagger):
    text = "海警在雷州湾海域拦截一艘走私船。"  # a bay no list has: the model finds it
    got = vet_spans(tagger.rules, text, [(3, 6, "LOC")], "body")
    assert [(text[c.start:c.end], c.label) for c in got] == [("雷州湾海域", "LOC")]
    text = "海警在雷州湾附近海域拦截一艘走私船。"  # no area right after: the bay alone
    got = vet_spans(tagger.rules, text, [(3, 6, "LOC")], "body")
    assert [(text[c.start:c.end], c.label) for c in got] == [("雷州湾", "LOC")]


def test_a_county_named_by_its_lake_before_its_shore_is_the_lake(tagger):
    got = found(tagger, "一名男孩在洪湖岸边与家人走散。")
    assert ("洪湖", "LOC") in got
    assert ("洪湖", "GPE") not in got


def test_the_county_of_the_lake_stays_a_gpe_elsewhere(tagger):
    got = found(tagger, "洪湖警方在洪湖市区查获一批渔具。")
    assert ("洪湖", "GPE") in got
    assert not [s for s, label in got if label == "LOC" and s.startswith("洪湖")]


def test_a_division_inside_a_longer_river_name_is_not_read(tagger):
    got = found(tagger, "双方在汨罗江岸边发生推搡。")  # 罗江 is a county too
    assert ("罗江", "LOC") not in got and ("罗江", "GPE") not in got
    assert not [s for s, label in found(tagger, "双方在新罗江岸边发生推搡。") if s == "罗江"]


def test_a_port_and_its_pier_are_one_loc(tagger):
    assert ("芜湖港码头", "LOC") in found(tagger, "民警在芜湖港码头巡查。")  # the port rule
    text = "民警在关累港码头查获一艘货船。"  # a port the model finds
    got = vet_spans(tagger.rules, text, [(3, 6, "LOC")], "body")
    assert [(text[c.start:c.end], c.label) for c in got] == [("关累港码头", "LOC")]
