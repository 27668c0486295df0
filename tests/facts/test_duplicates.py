"""Republished documents: chrome ignored, scripts compared alike, the first copy by a stable order."""

from __future__ import annotations

import pytest

from pipeline.facts.duplicates import (THRESHOLD, Doc, find_duplicates, is_chrome, order_key, roots,
                                       signature, similarity, story_text, to_simplified)

STORY = ("广州反诈中心预警劝阻群众14.5万人次\n\n"
         "本报讯 今年1至10月，广州市反诈中心发出预警劝阻14.5万人次，避免群众损失3.2亿元。\n\n"
         "广州市公安局反诈中心负责人介绍，该中心共预警劝阻潜在受害群众145万人次，避免群众损失3.2亿元。"
         "其中，10月份预警劝阻1.6万人次。\n\n"
         "该中心还联合金融机构冻结涉诈资金账户4100个，开展反诈宣传进社区活动260场。\n")
OTHER = ("深圳反诈中心预警劝阻群众9.8万人次\n\n"
         "本报讯 今年前三季度，深圳市反诈中心发出预警劝阻9.8万人次，避免群众损失2.1亿元。\n\n"
         "深圳市公安局负责人介绍，今年以来该市新增反诈志愿者1200名，走进校园开展宣讲380场。"
         "下一步，将联合通信企业加强对涉诈电话卡的治理。\n")


@pytest.mark.parametrize("line", [
    "首页 | 新闻 | 政法 | 社会 | 视频", "当前位置：首页 > 政法频道 > 正文", "分享到：微信 微博 QQ空间",
    "责任编辑：王晓", "（来源：金陵晚报）", "版权所有 法治在线网 未经授权禁止转载", "上一篇 下一篇",
    "【字號 大 中 小】【打印】【關閉】",
])
def test_page_chrome_lines_are_recognised(line):
    """Navigation, share widgets, source/editor lines and footers are not story text."""
    assert is_chrome(to_simplified(line))


@pytest.mark.parametrize("line", [
    "本报讯 今年1至10月，广州市反诈中心发出预警劝阻14.5万人次，避免群众损失3.2亿元。",
    "广州反诈中心预警劝阻群众14.5万人次",
])
def test_story_lines_are_not_chrome(line):
    """A headline or a paragraph of the story is kept, even when it mentions a share of money."""
    assert not is_chrome(line)


def test_traditional_and_simplified_copies_read_alike():
    """廣州反詐中心預警勸阻 → 广州反诈中心预警劝阻: one story in either script."""
    traditional = ("廣州反詐中心預警勸阻羣衆14.5萬人次\n\n本報訊 今年1至10月，廣州市反詐中心發出預警勸阻14.5萬人次，"
                   "避免羣衆損失3.2億元。")
    assert story_text(traditional) == story_text(STORY.split("\n\n广州市")[0])


def test_chrome_spans_from_the_page_are_ignored():
    """A (start, end) span of documents.chrome is left out of the shingles."""
    page = "热门推荐：某某品牌手机限时特惠，点击购买\n" + STORY
    span = [(0, page.index("\n") + 1)]
    assert story_text(page, span) == story_text(STORY)
    assert story_text(page) != story_text(STORY)


def _copies():
    chrome = "首页 | 要闻 | 社会 | 财经\n\n" + STORY + "\n分享到：微信 微博\n责任编辑：李文\n版权所有 港湾日报\n"
    return [Doc("b", order_key("b"), chrome), Doc("a", order_key("a"), STORY), Doc("c", order_key("c"), OTHER)]


def test_a_republication_with_other_chrome_is_a_duplicate_of_the_first_copy():
    """The same story under another site's navigation and footer: duplicate_of the first by doc_id."""
    found = find_duplicates(_copies())
    assert found["a"] == (None, None)
    assert found["b"][0] == "a" and found["b"][1] >= 0.9
    assert found["c"] == (None, None)


def test_a_different_story_on_the_same_template_is_no_duplicate():
    """深圳…9.8万人次 is written like 广州…14.5万人次 but is another story."""
    assert similarity(signature(STORY), signature(OTHER)) < THRESHOLD


def test_the_first_copy_is_decided_by_the_stable_order_not_the_input_order():
    """Reading the copies in any order names the same first copy."""
    docs = _copies()
    assert find_duplicates(docs) == find_duplicates(list(reversed(docs)))
    dated = [Doc("a", order_key("a", "2022-11-09"), STORY), Doc("b", order_key("b", "2022-11-08"), STORY)]
    assert find_duplicates(dated)["a"][0] == "b"  # the earlier publication is the first copy


def test_chains_of_republications_share_their_root():
    """c copies b, b copies a: all three belong to a."""
    assert roots({"a": (None, None), "b": ("a", 0.9), "c": ("b", 0.8)}) == {"a": "a", "b": "a", "c": "a"}


def test_an_empty_page_is_never_a_duplicate():
    """A page of chrome only has no story to compare."""
    found = find_duplicates([Doc("a", order_key("a"), "分享到：微信\n"), Doc("b", order_key("b"), "分享到：微信\n")])
    assert found == {"a": (None, None), "b": (None, None)}
