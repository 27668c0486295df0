"""Issue 15, organs without a place name: 市公安局 is an ORG like 市检察院, a verb before it stays
out, the bureau's own staff (市公安局机关) is no body. Sentences written for the tests."""

from __future__ import annotations

import pytest

from pipeline.stages.entities.model import vet_spans

from .helpers import found


@pytest.mark.parametrize("text", [
    "市公安局召开冬季治安防控工作会议。",
    "会上，市公安局副局长通报了案情。",
    "法院将联合市公安局、市检察院推进源头治理。",
])
def test_city_public_security_bureau_is_an_org(tagger, text):
    assert ("市公安局", "ORG") in found(tagger, text)


def test_the_bureaus_staff_is_no_org(tagger):
    assert ("市公安局", "ORG") not in found(tagger, "其中，市公安局机关每天安排百余人巡逻。")


def test_a_model_org_does_not_take_the_verb_before_the_level_word(tagger):
    text = "法院将联合市公安局推进源头治理。"
    s = text.index("联合")
    assert vet_spans(tagger.rules, text, [(s, s + 6, "ORG")], "body", None, None, []) == []


def test_x_jiaojing_is_a_place_not_an_org(tagger):
    # [济南]交警: like X警方, the place is a GPE and the model's ORG is vetoed.
    text = "济南交警的带头人受到表彰。"
    assert vet_spans(tagger.rules, text, [(0, 4, "ORG")], "body", None, None, []) == []


@pytest.mark.parametrize("text, span", [
    ("与会的19个阿拉伯国家代表讨论了协议。", "阿拉伯"),
    ("意大利就库尔德难民问题举行会谈。", "库尔德"),
])
def test_a_people_or_region_adjective_is_no_gpe(tagger, text, span):
    s = text.index(span)
    places = tagger.rules.scan_places(text)
    cands = vet_spans(tagger.rules, text, [(s, s + len(span), "GPE")], "body", None, None, places)
    assert cands == []
