"""Place, period and category rules of the issue-12 round on news never seen (wt-h36).

Every example is a sentence written for these tests."""

from __future__ import annotations

from datetime import date

from .helpers import make_article


def fields_of(extractor, paragraphs, span, title=None, published=None) -> dict:
    doc = extractor(make_article(paragraphs, title, published))
    return next(m.fields for m in doc.metrics if doc.clean[m.start:m.end] == span)


def test_people_from_a_country_do_not_move_the_figure_there(extractor):
    """台中市警方…劫持了日本游客一家4口 -> 台湾省台中市, not 日本 (where the people come from)."""
    fields = fields_of(extractor, ["台中市警方通报，嫌犯上月劫持了日本游客一家4口。"], "4口")
    assert fields["place"] == "台湾省台中市"


def test_residents_of_hong_kong_counted_by_a_national_organ_stay_national(extractor):
    """公安部…其中香港永久居民在内地所生子女0.9万人 -> 全国, not 香港 (whose children they are)."""
    fields = fields_of(extractor, ["公安部出入境管理局介绍，去年批准内地居民赴港定居3万人，"
                                   "其中香港永久居民在内地所生子女0.9万人。"], "0.9万人")
    assert fields["place"] == "全国"


def test_goods_shipped_to_a_place_do_not_move_the_next_figure_there(extractor):
    """广州海关…货车将鲜活商品运往澳门。预计…200万人次 -> 广东省广州市, not 澳门 (where goods went)."""
    fields = fields_of(extractor, ["广州海关介绍，每天有大批货车将鲜活商品运往澳门。"
                                   "预计春节期间将有200万人次旅客出入口岸。"], "200万人次",
                       published=date(2020, 1, 20))
    assert fields["place"] == "广东省广州市"


def test_an_organ_named_after_china_is_national(extractor):
    """中国人民银行对1254户大型企业的监测 -> 全国 (the place columns never hold 中国)."""
    fields = fields_of(extractor, ["中国人民银行最近对1254户大型企业的经营状况进行了监测。"], "1254户")
    assert fields["place"] == "全国"
