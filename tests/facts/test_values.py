"""Figures as stated: the rounding a figure can hide, and when two statements agree."""

from __future__ import annotations

import pytest

from pipeline.facts.values import agree, stated, step_of, tenfold_slip, unit_class


@pytest.mark.parametrize("rounded, exact", [
    (stated(150000, approx="under"), stated(148700)),        # 近15万 / 14.87万
    (stated(3000, approx="over"), stated(3126)),             # 3000余 / 3126
    (stated(40, approx="over"), stated(41.2)),               # 超四成 / 41.2%
    (stated(15000), stated(14870)),                          # 1.5万 / 14870
    (stated(240000000, approx="about"), stated(235000000)),  # 约2.4亿 / 2.35亿
    (stated(1500000000, approx="under"), stated(1460000000)),  # 近15亿 / 14.6亿
])
def test_the_precise_figure_within_the_rounding_of_the_less_precise_agrees(rounded, exact):
    """近15万 and 14.87万, 3000余 and 3126, 超四成 and 41.2% are one figure."""
    assert agree(rounded, exact) and agree(exact, rounded)


@pytest.mark.parametrize("a, b", [
    (stated(1000), stated(1500)),                  # 1000元 / 1500元: different prizes
    (stated(3000), stated(3126)),                  # an exact 3000 is not 3000余
    (stated(10), stated(5)),                       # 十年 / 五年
    (stated(10000000000), stated(10720000000)),    # 首次突破100亿 / 107.2亿
    (stated(90), stated(95)),                      # 90% / 95%
    (stated(3000, approx="over"), stated(2990)),   # 3000余 is not 2990
    (stated(150000, approx="under"), stated(151000)),  # 近15万 is not 15.1万
    (stated(1, approx="under"), stated(1, approx="over")),  # 一年以内 / 一年以上
    (stated(20, approx="about"), stated(11)),       # 20%左右 is not 11%
])
def test_figures_outside_each_others_rounding_disagree(a, b):
    """1000 does not stand for 1500, nor 十年 for 五年, nor 3000余 for 2990."""
    assert not agree(a, b) and not agree(b, a)


def test_step_is_the_last_significant_digit():
    """148700 → 100, 3000 → 1000, 41.2 → 0.1."""
    assert (step_of(148700), step_of(3000), step_of(41.2), step_of(14870.000000000002)) == (100, 1000, 0.1, 10)


def test_a_slipped_decimal_point_is_a_power_of_ten_digit_for_digit():
    """14.5万人次 in the lead and 145万人次 in the body: a 10x slip."""
    assert tenfold_slip(stated(145000), stated(1450000))
    assert not tenfold_slip(stated(5), stated(50))          # 5年 / 50年: one digit, no evidence
    assert not tenfold_slip(stated(3200, approx="over"), stated(3, approx="over"))
    assert not tenfold_slip(stated(145000), stated(145000))


@pytest.mark.parametrize("a, b", [("名", "人"), ("件", "起"), ("成", "%"), ("个团伙", "个")])
def test_units_that_count_the_same_thing_share_a_class(a, b):
    """38名 and 38人 count people; 12个团伙 is counted in 个."""
    assert unit_class(a) == unit_class(b)


def test_people_and_person_times_are_different_units():
    """14.5万人次 counts contacts, not people."""
    assert unit_class("人次") != unit_class("人")


def test_an_abbreviation_keeps_the_order_of_the_full_form():
    """起诉 abbreviates 提起公诉, 电诈 电信网络诈骗; 诉起 does not, nor a word as long as the other."""
    from pipeline.facts.restate import abbreviates

    assert abbreviates("起诉", "提起公诉") and abbreviates("电诈", "电信网络诈骗")
    assert not abbreviates("诉起", "提起公诉") and not abbreviates("抓获", "处分")
    assert not abbreviates("起诉", "起诉")


def test_equally_precise_figures_tie_on_relative_width():
    """24.6万 and 246万 (a tenfold slip) are stated equally precisely: neither wins on a float's
    last bit, so the earlier statement is the conflict fact's value."""
    assert stated(24.6).relative_width == stated(246).relative_width
    assert stated(14.87).relative_width < stated(15, approx="about").relative_width
