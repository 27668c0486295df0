"""Issue 15: a foreign place keeps its level word (菲律宾 + 宿务省), a bracketed month and day
after 昨日 is one DATE, and a model PERSON ending in 江/河/湖 may be the river. Sentences
written for the tests."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.stages.entities.model import river_not_person

from .helpers import entity, found


@pytest.mark.parametrize("text, place", [
    ("嫌疑人藏身于菲律宾宿务省一处公寓。", "宿务省"),    # not in the list: after its country
    ("该团伙曾在日本大阪府租房。", "大阪府"),
    ("专案组赴泰国清迈府押解嫌疑人。", "清迈府"),        # a listed city + its level word
    ("嫌疑人被遣返前住在柬埔寨西港市。", "西港市"),
])
def test_a_foreign_place_keeps_its_level_word(tagger, text, place):
    assert (place, "GPE") in found(tagger, text)


@pytest.mark.parametrize("text, wrong", [
    ("日本政府对此表示关注。", "政府"),               # an organ, no place
    ("越南芒街市场上查获走私冻品。", "芒街市"),        # 市场 is a word of its own
    ("窝点位于缅甸东部的掸邦。", "东部的掸邦"),        # a phrase, no name
])
def test_a_level_word_that_starts_another_word_stays_out(tagger, text, wrong):
    assert all(span != wrong and not span.endswith(wrong) for span, _ in found(tagger, text))


def test_a_bracketed_month_and_day_after_yesterday_is_one_date(tagger):
    text = "记者昨日（11月14日）从区法院获悉此案。"
    e = entity(tagger, text, "昨日（11月14日）", published=date(2021, 11, 15))
    assert e.label == "DATE" and e.normalized == "2021-11-14"


def test_a_bracketed_month_later_than_publication_is_last_year(tagger):
    e = entity(tagger, "昨日（12月31日），警方通报案情。", "昨日（12月31日）", published=date(2022, 1, 1))
    assert e.normalized == "2021-12-31"


@pytest.mark.parametrize("text, s, e, river", [
    ("濂溪为章江支流。", 0, 2, True),          # 濂 is no surname
    ("罗长河水位持续上涨。", 0, 3, True),       # a surname, but a water word follows
    ("罗长河表示愿意赔偿。", 0, 3, False),      # a person
    ("贺兰表示愿意赔偿。", 0, 2, False),        # no water ending
])
def test_a_model_person_ending_in_a_water_word(tagger, text, s, e, river):
    assert river_not_person(tagger.rules, text, s, e) is river


@pytest.mark.parametrize("text, town, wrong", [
    ("嵩县在车村镇设立检查站。", "车村镇", "在车村镇"),   # county + 在 + town
    ("嵩县对车村镇开展排查。", "车村镇", "对车村镇"),
])
def test_a_preposition_between_county_and_town_stays_out(tagger, text, town, wrong):
    got = found(tagger, text)
    assert (town, "GPE") in got and (wrong, "GPE") not in got
