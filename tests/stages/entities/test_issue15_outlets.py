"""Issue 15, outlets in datelines and shops named by their brand are ORG; a modifier before an
organ word, or a bare 集团, is no body. Sentences written for the tests."""

from __future__ import annotations

import pytest

from .helpers import found


@pytest.mark.parametrize("text, outlet", [
    ("【南海晨报讯】水警昨日截获一艘快艇。", "南海晨报"),
    ("江城法治在线讯（记者 李四）昨天，区法院开庭。", "江城法治在线"),
    ("北疆平安网讯 3月2日凌晨，民警接到报警。", "北疆平安网"),
])
def test_the_outlet_of_a_dateline_is_an_org(tagger, text, outlet):
    assert (outlet, "ORG") in found(tagger, text)


@pytest.mark.parametrize("text", ["本报讯（记者 李四）昨天，两人被判刑。", "【快讯】警方通报一起案件。"])
def test_own_paper_and_news_flash_are_no_outlets(tagger, text):
    assert not [s for s, label in found(tagger, text) if label == "ORG"]


@pytest.mark.parametrize("text, shop", [
    ("两人在一家名为“江边鱼馆”的店内发生争执。", "江边鱼馆"),
    ("他在一家叫“老王记”的饭店打工。", "老王记"),
    ("民警在辖区福满楼饭庄内抓获两名赌博人员。", "福满楼饭庄"),
])
def test_a_shop_named_by_its_brand_is_an_org(tagger, text, shop):
    assert (shop, "ORG") in found(tagger, text)


@pytest.mark.parametrize("text, not_org", [
    ("以“稳赚理财”的公司名义实施诈骗。", "稳赚理财"),   # a pretext name
    ("他们到一家大饭店吃饭。", "大饭店"),
    ("从各分局的情况看，城区破案最多。", "从各分局"),    # 各 is no name
    ("据查，集团以出租屋作为据点。", "集团"),
])
def test_no_org_from_pretexts_modifiers_or_a_bare_group(tagger, text, not_org):
    assert (not_org, "ORG") not in found(tagger, text)


def test_a_place_less_bureau_keeps_its_traffic_unit(tagger):
    assert ("县公安局交管大队", "ORG") in found(tagger, "县公安局交管大队在国道设卡检查。")
