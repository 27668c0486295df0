"""Issue 15, classes seen on the twentieth and twenty-first page sets: people named as a
kind (偷越国境人员), charges with one of their objects, Hong Kong and Taiwan charges, 籍,
outlets after a preposition, border units, campaigns in quotes, 林姓 + 男子, X海警.
Sentences written for the tests."""

from __future__ import annotations

import pytest

from pipeline.stages.entities import EntityTagger
from pipeline.stages.entities.candidate import token_bounds
from pipeline.stages.entities.model import vet_spans
from pipeline.stages.entities.rules_law import object_variants

from .helpers import found


def test_an_offence_before_a_word_for_people_is_no_crime(tagger):
    assert not [s for s, label in found(tagger, "边检站当天查获偷越国境人员3名。")
                if label == "CRIME"]
    assert ("醉驾", "CRIME") in found(tagger, "交警将2名涉嫌醉驾人员带回调查。")


def test_a_charge_takes_one_of_its_verbs_and_objects():
    assert "销售伪劣种子" in object_variants("生产、销售伪劣农药、兽药、化肥、种子")
    assert "生产伪劣产品" in object_variants("生产、销售伪劣产品")
    assert not [v for v in object_variants("伪造、出售伪造的增值税专用发票")
                if v.startswith("伪造伪造")]


@pytest.mark.parametrize("text, crime", [
    ("该院审结一起销售伪劣化肥案。", "销售伪劣化肥"),
    ("被告人以生产伪劣农药罪被判刑。", "生产伪劣农药罪"),
    ("被捕男子涉嫌串谋洗黑钱，将于下周提堂。", "串谋洗黑钱"),
    ("全案依诈欺罪嫌移送检方侦办。", "诈欺罪"),
    ("民警在河边抓获盗窃电缆犯罪嫌疑人一名。", "盗窃"),
])
def test_charges_as_news_write_them(tagger, text, crime):
    assert (crime, "CRIME") in found(tagger, text)


def test_a_charge_with_one_object_needs_its_context(tagger):
    assert not [s for s, label in found(tagger, "他平时销售伪劣化肥给农户。") if label == "CRIME"]


def test_a_place_before_ji_is_a_nationality_not_a_place(tagger):
    spans = found(tagger, "民警在口岸抓获一名老挝籍男子。")
    assert not [s for s, label in spans if label == "GPE"]
    assert ("老挝", "GPE") in found(tagger, "民警在老挝抓获一名男子。")


def test_an_outlet_after_a_preposition_leaves_it_out(tagger):
    assert ("泉州法治网", "ORG") in found(tagger, "据泉州法治网报道，该市近期整治违规场所。")


@pytest.mark.parametrize("text, org", [
    ("3月2日，东兴边境管理大队在江边巡逻。", "东兴边境管理大队"),
    ("两人将在观塘裁判法院提堂。", "观塘裁判法院"),
])
def test_border_units_and_magistrates_courts(tagger, text, org):
    assert (org, "ORG") in found(tagger, text)


def _vetted(words: list[str], spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    text = "".join(words)
    tokens, at = [], 0
    for w in words:
        tokens.append((at, at + len(w)))
        at += len(w)
    model = [(text.index(s), text.index(s) + len(s), label) for s, label in spans]
    tagger = EntityTagger(None)
    bounds = token_bounds(tokens)
    places = tagger.rules.scan_places(text, bounds)
    kept = vet_spans(tagger.rules, text, model, "body", tokens, bounds, places)
    return [(text[c.start:c.end], c.label) for c in kept]


@pytest.mark.parametrize("words, spans, expected", [
    # a quoted campaign name is no person or body
    (["全市", "开展", "“", "秋安", "”", "集中", "清查", "行动"], [("秋安", "PERSON")], []),
    (["“", "净海", "”", "行动", "战果"], [("净海", "ORG")], []),
    # Taiwan-style 林姓 + 男子: the person word stays out
    (["以", "陈姓", "男子", "为首"], [("陈姓男子", "PERSON")], [("陈姓", "PERSON")]),
    # X海警 is the place and the coast guard, no ORG (as 济南交警)
    (["钦州", "海警", "查获"], [("钦州海警", "ORG")], []),
])
def test_model_spans_of_campaigns_and_people(words, spans, expected):
    assert _vetted(words, spans) == expected


@pytest.mark.parametrize("text, span, label", [
    # a party committee named by its level alone, not the start of a title
    ("会议要求紧紧围绕县委中心工作推进平安建设。", "县委", "ORG"),
    # a district whose full name is an everyday word, in a report on its city
    ("洛阳市公安局通报，李某在老城区设立公司非法吸收存款。", "老城区", "GPE"),
    # a district's short form ending in 港 before waters is the port
    ("北海海警局在铁山港附近海域查获一艘走私船。", "铁山港", "LOC"),
    # a shop named by its place after 的
    ("民警在东风路上的阳城牛肉面馆内将嫌疑人抓获。", "阳城牛肉面馆", "ORG"),
    # the first months of a year and two holidays written together are one DATE
    ("今年前两个月，全市破获电诈案件312起。", "今年前两个月", "DATE"),
    ("国庆中秋假期，全市接警4380起。", "国庆中秋假期", "DATE"),
])
def test_issue15_page_classes(tagger, text, span, label):
    assert (span, label) in found(tagger, text)


def test_a_title_keeps_its_committee_out(tagger):
    assert ("市委", "ORG") not in found(tagger, "市委书记在会上强调依法办案。")


def test_the_months_of_a_year_are_normalised(tagger):
    from .helpers import entity
    assert entity(tagger, "今年前两个月，全市破获案件。", "今年前两个月").normalized == \
        "2021-01-01/2021-02-28"


@pytest.mark.parametrize("words, spans, expected", [
    # a count of units is no name (从江 + 三县), a division that starts with a numeral stays
    (["雷山", "、", "从江", "三", "县"], [("从江三县", "GPE")], []),
    (["五", "县市", "交出"], [("五县市", "GPE")], []),
    (["二七区", "警方"], [("二七区", "GPE")], [("二七区", "GPE")]),
])
def test_a_count_of_units_is_no_place(words, spans, expected):
    assert _vetted(words, spans) == expected


def test_taichung_is_read_by_its_short_form(tagger):
    spans = found(tagger, "该男子自去年起在台中、高雄两地招募车手。")
    assert ("台中", "GPE") in spans and ("高雄", "GPE") in spans


def test_a_count_before_a_short_form_is_a_measure_word(tagger):
    assert ("台中", "GPE") not in found(tagger, "这1500台中有300台需要报废。")
