"""Digest shapes of real pages: numbered items, and numbered lists that stay inside an article."""

from __future__ import annotations

from tests.stages.test_chrome import split


def test_numbered_digest_items_are_articles():
    doc = split("【法治速递】\n1. 最高人民检察院发布一批典型案例。\n2. 公安部部署开展夏季治安打击整治行动。\n"
                "3. 司法部印发关于加强公共法律服务平台建设的意见。")
    assert len(doc.articles) == 3 and doc.chrome[0][2] == "column"


def test_a_numbered_list_under_a_headline_stays_in_its_article():
    doc = split("关于开展电动自行车登记的通告\n为加强管理，现将有关事项通告如下：\n1. 登记对象为未登记的电动自行车。\n"
                "2. 车主可到就近登记点办理。")
    assert len(doc.articles) == 1
