"""The gazetteer (pipeline.places): names and short forms, normalisation to full names,
parents, the context a document's places give, development zones."""

from __future__ import annotations

import re

import pytest

from pipeline.places import ZONE_PATTERN, ZONES, Gazetteer, is_parent_of


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer()


def test_divisions_by_full_name_and_short_form(gaz):
    assert [d.full for d in gaz.divisions("镇江市")] == ["江苏省镇江市"]
    assert [d.full for d in gaz.divisions("镇江")] == ["江苏省镇江市"]
    assert gaz.divisions("公安") == []


@pytest.mark.parametrize("name,context,expected", [
    ("镇江", set(), "江苏省镇江市"),
    ("江苏", set(), "江苏省"),
    ("象山区", set(), "广西壮族自治区桂林市象山区"),
    ("城区", set(), None),  # one in 阳泉, one in 晋城: which, the document must say
    ("城区", {"1403"}, "山西省阳泉市城区"),
    ("美国", set(), "美国"),  # a country is its own name
    ("火星", set(), None),
])
def test_normalize(gaz, name, context, expected):
    assert gaz.normalize(name, context) == expected


def test_a_new_areas_short_form_drops_xinqu(gaz):
    """浦东分局 is the 浦东新区 branch: the short form of 浦东新区 is 浦东, not 浦东新."""
    assert [d.full for d in gaz.divisions("浦东")] == ["上海市浦东新区"]
    assert gaz.divisions("浦东新") == []
    assert [d.full for d in gaz.divisions("清新")] == ["广东省清远市清新区"]  # 清新区 keeps 清新


def test_prefixes_of_provinces_and_cities(gaz):
    assert gaz.prefixes("江苏省") == {"32"}
    assert gaz.prefixes("镇江") == {"3211"}
    assert gaz.prefixes("丹阳市") == set()  # a county names no prefix


def test_is_parent_of(gaz):
    jiangsu, zhenjiang = gaz.divisions("江苏省")[0], gaz.divisions("镇江市")[0]
    danyang = gaz.divisions("丹阳市")[0]
    assert is_parent_of(jiangsu, zhenjiang) and is_parent_of(zhenjiang, danyang)
    assert is_parent_of(jiangsu, danyang)
    assert not is_parent_of(zhenjiang, jiangsu) and not is_parent_of(danyang, danyang)
    assert not is_parent_of(gaz.divisions("阳泉市")[0], danyang)


def test_document_places_gives_known_county_short_forms_and_prefixes(gaz):
    known, codes = gaz.document_places(["桂林", "象山区", "江苏省"])
    assert "象山" in known
    assert {"32", "4503"} <= codes


def test_words_that_are_places_need_a_parent(gaz):
    assert "城区" in gaz.needs_parent and "镇江市" not in gaz.needs_parent
    assert re.fullmatch(gaz.place_pattern, "镇江市") and not re.fullmatch(gaz.place_pattern, "城区")


def test_zone_pattern_prefers_the_longest_zone():
    assert "高新区" in ZONES
    m = re.match(ZONE_PATTERN, "高新技术产业开发区管委会")
    assert m and m.group() == "高新技术产业开发区"


def test_every_un_member_is_a_country_by_its_short_and_full_name(gaz):
    """捷克共和国 and 捷克 are 捷克, 蒙古 is 蒙古国, 沙特 is 沙特阿拉伯: 193 members, each with both forms."""
    from pipeline.places import DATA_DIR, country_forms
    from pipeline.lexicon import read_list
    rows = read_list(DATA_DIR / "gazetteer_un_members.tsv")
    assert len({row[0] for row in rows}) == 193
    forms = country_forms()
    for short, full, *_ in rows:
        assert forms[short] == short and forms[full] == short
    assert gaz.normalize("捷克共和国", set()) == "捷克"
    assert gaz.normalize("蒙古", set()) == "蒙古国"
    assert gaz.normalize("沙特", set()) == "沙特阿拉伯"
    assert gaz.code_and_level("匈牙利") == (None, "country")


def test_a_country_that_is_also_a_county_short_form_is_the_county_in_its_city(gaz):
    """黑山 is Montenegro, unless the article is in 锦州 (辽宁省锦州市黑山县)."""
    assert gaz.normalize("黑山", set()) == "黑山"
    assert gaz.normalize("黑山", {"2107"}) == "辽宁省锦州市黑山县"


def test_two_names_of_one_country_are_the_same_place():
    """蒙古 and 蒙古国 (the scorer folds a country's names); 北京市 and 全国 are not the same."""
    from pipeline.evaluation.metrics import same_place
    assert same_place("蒙古国", "蒙古") and same_place("捷克", "捷克共和国")
    assert not same_place("北京市", "全国") and not same_place("捷克", "斯洛伐克")


def test_a_sea_area_is_no_division(gaz):
    """苏鲁交界海域 (a row of the source data) is no administrative unit: 海域 is a common word."""
    assert gaz.divisions("海域") == []
    assert gaz.divisions("苏鲁交界") == []


def test_county_cities_ending_in_zhong_keep_their_short_form(gaz):
    """阆中市 → 阆中, 扬中市 → 扬中 (only banners such as …中旗 drop a final 中)."""
    assert [d.full for d in gaz.divisions("阆中")] == ["四川省南充市阆中市"]
    assert [d.full for d in gaz.divisions("扬中")] == ["江苏省镇江市扬中市"]


def test_county_units_ending_in_zhong_have_their_short_forms(gaz):
    """吴中区 → 吴中, 渝中区 → 渝中, 资中县 → 资中 (so 苏州市公安局吴中分局 is 吴中区's); 市中 stays out."""
    assert [d.full for d in gaz.divisions("吴中")] == ["江苏省苏州市吴中区"]
    assert [d.full for d in gaz.divisions("渝中")] == ["重庆市渝中区"]
    assert [d.full for d in gaz.divisions("资中")] == ["四川省内江市资中县"]
    assert gaz.divisions("市中") == []


# District codes of the four municipalities retired by a merger (the gaps the check allows):
# 北京 崇文 110103, 宣武 110104, 110110 (no division today); 天津 塘沽, 汉沽, 大港 (into
# 滨海新区); 上海 南市 310102, 卢湾 310103, 闸北 310108, 吴淞 310111, 南汇 310119.
_RETIRED = {"110103", "110104", "110110", "120107", "120108", "120109",
            "310102", "310103", "310108", "310111", "310119"}


def test_a_municipalitys_district_codes_have_no_gap_but_retired_ones(gaz):
    """The general check that found 重庆市江北区 (500105) and 渝北区 (500112) missing from the
    generated table: a municipality's districts are numbered 01, 02, … in a row, so a gap that is
    no retired code is a division the table lacks."""
    for prefix in ("1101", "1201", "3101", "5001"):
        numbers = sorted(int(c[4:]) for c, d in gaz.by_code.items()
                         if c.startswith(prefix) and d.level == "county" and int(c[4:]) < 50)
        gaps = {f"{prefix}{n:02d}" for n in range(1, numbers[-1]) if n not in numbers}
        assert gaps <= _RETIRED, sorted(gaps - _RETIRED)


@pytest.mark.parametrize("name,context,expected", [
    ("江北区", {"5001"}, "重庆市江北区"),  # 重庆市江北区 in a 重庆 report, not 宁波's
    ("江北区", {"3302"}, "浙江省宁波市江北区"),
    ("渝北区", set(), "重庆市渝北区"),
    ("渝北", set(), "重庆市渝北区"),
])
def test_the_supplement_adds_chongqings_jiangbei_and_yubei(gaz, name, context, expected):
    """渝北区公安分局, 重庆江北区: districts the generated table lacks, read from the supplement."""
    assert gaz.normalize(name, context) == expected
