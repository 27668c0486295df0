"""The number grammar: tables of (text, value) with hard negatives, and property tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.stages.numbers import Quantity, parse_money, parse_number, parse_quantity, to_chinese


@pytest.mark.parametrize("text, expected", [
    ("760", 760), ("1,134", 1134), ("1，134", 1134), ("812.6", 812.6), ("99.13", 99.13),
    ("２·４７", 2.47),  # PD1998 writes the decimal point as a middle dot (after NFKC: 2·47)
    ("1.2万", 12000), ("13亿", 1.3e9), ("14.5万", 145000), ("3千万", 3e7), ("3千万亿", 3e15),
    ("100万三千", 1003000), ("1万600", 10600), ("200亿零四千230", 20000004230),
    ("一千零三十九", 1039), ("六百二十二点三", 622.3), ("两", 2), ("两百点两", 200.2),
    ("廿", 20), ("廿二", 22), ("卅", 30), ("十", 10), ("十五", 15), ("一十一", 11),
    ("一百零一", 101), ("一千零十", 1010), ("十万零一千", 101000),
    ("一亿五千万零六千三百五十五", 150006355), ("三万五", 35000), ("两千六", 2600),
    ("一百二", 120), ("一万零六", 10006), ("壹佰壹拾壹", 111), ("贰拾万零叁仟", 203000),
    ("一九九八", 1998), ("一七二零点一", 1720.1), ("零点零一", 0.01), ("负一", -1),
    ("〇", 0),
])
def test_parse_number(text, expected):
    assert parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", [
    "", "点", "十七十八", "10.1万零100", "10..1万", "1.2.3", "万余", "亿万", "abc", "负",
    "三十两十",
])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text, expected", [
    ("超九成", Quantity(90, None, "over", "成")),
    ("九成", Quantity(90, None, None, "成")),
    ("七成六", Quantity(76, None, None, "成")),
    ("百分之四十", Quantity(40, None, None, "%")),
    ("百分之四十五点五", Quantity(45.5, None, None, "%")),
    ("三分之一", Quantity(33.33, None, None, "%")),
    ("1/3", Quantity(33.33, None, None, "%")),
    ("千分之五", Quantity(0.5, None, None, "‰")),
    ("99.13%", Quantity(99.13, None, None, "%")),
    ("30%至50%", Quantity(30, 50, None, "%")),
    ("百分之十六至百分之十八", Quantity(16, 18, None, "%")),
    ("30万至50万", Quantity(300000, 500000, None, None)),
    ("30至50万", Quantity(300000, 500000, None, None)),
    ("两到三万", Quantity(20000, 30000, None, None)),
    ("1至10", Quantity(1, 10, None, None)),
    ("五到二十", Quantity(5, 20, None, None)),
    ("一至二十", Quantity(1, 20, None, None)),
    ("两到三百", Quantity(200, 300, None, None)),
    ("三五万", Quantity(30000, 50000, None, None)),
    ("五六十", Quantity(50, 60, None, None)),
    ("3万余", Quantity(30000, None, "over", None)),
    ("200万余", Quantity(2000000, None, "over", None)),  # at least 2,000,000: not a range
    ("二十余", Quantity(20, None, "over", None)),
    ("1500多", Quantity(1500, None, "over", None)),
    ("近5000", Quantity(5000, None, "under", None)),
    ("不足10", Quantity(10, None, "under", None)),
    ("约2.5亿", Quantity(2.5e8, None, "about", None)),
    ("10左右", Quantity(10, None, "about", None)),
    ("50万以上", Quantity(500000, None, "over", None)),
    ("逾七千", Quantity(7000, None, "over", None)),
])
def test_parse_quantity(text, expected):
    got = parse_quantity(text)
    assert got is not None
    assert got.value == pytest.approx(expected.value, rel=1e-3)
    assert got.value_max == (pytest.approx(expected.value_max) if expected.value_max else None)
    assert (got.approx, got.percent) == (expected.approx, expected.percent)


@pytest.mark.parametrize("text", ["", "超", "百分之", "分之一", "三十成", "50万至30万", "余"])
def test_parse_quantity_rejects(text):
    assert parse_quantity(text) is None


@pytest.mark.parametrize("text, expected", [
    ("壹佰捌拾壹圆柒角", 181.7), ("玖仟陆佰陆拾伍圆壹角捌分", 9665.18), ("壹拾壹元整", 11),
    ("3块5", 3.5), ("82，225.00元", 82225), ("1.2万元", 12000),
])
def test_parse_money(text, expected):
    assert parse_money(text) == pytest.approx(expected)


# --- properties -----------------------------------------------------------------------------

integers = st.integers(min_value=0, max_value=10**12 - 1)


@settings(max_examples=300, deadline=None)
@given(integers)
def test_arabic_and_chinese_renderings_agree(n):
    assert parse_number(str(n)) == parse_number(to_chinese(n)) == n


@settings(max_examples=200, deadline=None)
@given(integers.filter(lambda n: n < 10**8))
def test_formal_numerals_agree(n):
    assert parse_number(to_chinese(n, formal=True)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=9999), st.sampled_from([("万", 10**4), ("亿", 10**8)]))
def test_wan_yi_scaling(n, unit):
    char, scale = unit
    assert parse_number(f"{n}{char}") == n * scale
    assert parse_number(f"{to_chinese(n)}{char}") == n * scale


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=99))
def test_decimal_scaling(whole, frac):
    text = f"{whole}.{frac:02d}万"
    assert parse_number(text) == pytest.approx((whole + frac / 100) * 10**4)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**6),
       st.sampled_from(["至", "到", "-", "~"]))
def test_generated_ranges_round_trip(low, span, sep):
    high = low + span
    got = parse_quantity(f"{low}{sep}{high}")
    assert (got.value, got.value_max) == (low, high)
    if high % 100:  # 两到三百 is 200 to 300: a unit written once scales both ends
        got = parse_quantity(f"{to_chinese(low)}{sep}{to_chinese(high)}")
        assert (got.value, got.value_max) == (low, high)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**6),
       st.sampled_from([("余", "over"), ("多", "over"), ("以上", "over"), ("左右", "about")]),
       st.sampled_from([("", None), ("近", "under"), ("约", "about"), ("超过", "over")]))
def test_generated_approx_round_trip(n, suffix, prefix):
    text = f"{prefix[0]}{n}{suffix[0]}"
    got = parse_quantity(text)
    assert got.value == n
    assert got.approx == suffix[1]  # the marker after the number is the one that holds


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=100), st.sampled_from(["%", "％"]))
def test_generated_percentages(n, sign):
    assert parse_quantity(f"{n}{sign}").value == n
    assert parse_quantity(f"百分之{to_chinese(n)}").value == n


def test_a_figure_longer_than_a_float_keeps_is_not_read():
    """A 16-digit or 500-digit figure would come back rounded: no value at all instead."""
    assert parse_number("123456789012345") == 123456789012345
    assert parse_number("1234567890123456") is None
    assert parse_number("1" * 500) is None
    assert parse_number("0000001") == 1
