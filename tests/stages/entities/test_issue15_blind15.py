"""Issue 15, the classes behind the errors of the blind set entities_newpages15 (sentences
written for the tests, none copied from the gold pages)."""

from __future__ import annotations

import pytest

from pipeline.stages.entities.model import vet_spans

from .helpers import entity, found


@pytest.mark.parametrize("text", ["与去年同期相比，全县盗窃警情下降。", "和上年同期比，发案数持平。"])
def test_the_base_of_a_comparison_is_no_date(tagger, text):
    assert not [s for s, label in found(tagger, text) if label == "DATE"]


@pytest.mark.parametrize("text, span, value", [
    ("今年前7月全区共受理诈骗案件90件。", "今年前7月", "2021-01-01/2021-07-31"),
    ("通报称：前6个月全省检察机关起诉走私犯罪。", "前6个月", "2021-01-01/2021-06-30"),
    ("，前两个月共破获案件12起。", "前两个月", "2021-01-01/2021-02-28"),
])
def test_the_first_months_of_a_year_are_one_date(tagger, text, span, value):
    assert entity(tagger, text, span).normalized == value  # published 2021-11-10


def test_months_before_an_event_are_no_date(tagger):
    assert ("前两个月", "DATE") not in found(tagger, "案发前两个月，他曾多次借款。")


@pytest.mark.parametrize("text, org", [
    ("宁晋县林业和草原局查获一起非法狩猎案。", "宁晋县林业和草原局"),
    ("邢台市人力资源和社会保障局通报欠薪案件。", "邢台市人力资源和社会保障局"),
])
def test_bureaus_named_with_he_are_one_org(tagger, text, org):
    assert (org, "ORG") in found(tagger, text)


def test_a_county_after_its_province_is_no_verb(tagger):
    got = found(tagger, "湖南省会同县公安局破获一起盗窃案。")
    assert ("会同县公安局", "ORG") in got and ("县公安局", "ORG") not in got


@pytest.mark.parametrize("text, people", [
    ("嫌疑人禤某伙同他人实施诈骗。", ["禤某"]),
    ("一名男子陇某强伙同其堂弟陇某作案。", ["陇某强", "陇某"]),
])
def test_a_rare_surname_before_mou_after_a_person_word(tagger, text, people):
    got = found(tagger, text)
    for person in people:
        assert (person, "PERSON") in got


def test_no_person_after_a_determiner(tagger):
    assert not [s for s, label in found(tagger, "嫌疑人该某称不知情。") if label == "PERSON"]


def test_a_shop_named_by_a_place(tagger):
    assert ("广丰副食店", "ORG") in found(tagger, "民警在县城一家广丰副食店内查获一批香烟。")
    assert not [s for s, label in found(tagger, "民警在一家大型副食店内查获香烟。") if label == "ORG"]


def test_a_foreign_port_city_is_a_gpe(tagger):
    assert ("西哈努克港", "GPE") in found(tagger, "该团伙以柬埔寨西哈努克港为窝点实施诈骗。")


def test_borders_that_share_one_bianjing_are_each_a_loc(tagger):
    got = found(tagger, "边检部门在中缅、中越边境地区查获偷渡人员。")
    assert ("中缅", "LOC") in got and ("中越边境地区", "LOC") in got
    assert ("缅", "GPE") not in got


@pytest.mark.parametrize("text, span", [
    ("警方破获一个人头帐户集团。", (6, 12)),   # 人头帐户集团: a gang
    ("警方5日会同刑事警察局搜查。", (4, 11)),   # 会同 + 刑事警察局: the verb stays out
])
def test_model_orgs_that_are_a_gang_or_start_with_a_verb_are_dropped(tagger, text, span):
    s, e = span
    assert not [c for c in vet_spans(tagger.rules, text, [(s, e, "ORG")], "body")
                if (c.start, c.end) == (s, e)]


def test_a_company_group_stays_an_org(tagger):
    text = "甲乙控股集团发布声明。"
    assert [c for c in vet_spans(tagger.rules, text, [(0, 6, "ORG")], "body") if c.label == "ORG"]
