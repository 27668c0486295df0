"""Shapes first seen in ``tests/fixtures/pages_heldout23`` (examples invented): date lines
with share and font widgets and a bare ``发布：`` label, a site's name with its slogan, a public
account's follow prompt, an e-paper guide line, numbered releases with their signatures, a
digest's compiler line, a site's name over an organ's source line."""

from __future__ import annotations

from datetime import date

from pipeline.stages.metalines import meta_line

from tests.stages.test_chrome import split


def test_share_and_font_widgets_on_a_date_line_leave_the_date_and_source():
    assert meta_line("2025/07/02 10:20　|　稿源：示例晚报　|　字号：【大 中 小】　|　分享到：朋友圈 新浪微博") == {
        "published": date(2025, 7, 2), "outlet": "示例晚报"}
    assert meta_line("来源：示例法治网 | 发表：2025年4月2日 | 字体：大 中 小 | 【打印】")["published"] == date(2025, 4, 2)
    assert meta_line("2024-01-05 10:00 分享至：微信 QQ空间")["published"] == date(2024, 1, 5)


def test_a_bare_published_label_is_a_date_label():
    assert meta_line("来源：示例新闻网　　发布：2025-11-05　08:47　　【我要分享】") == {
        "published": date(2025, 11, 5), "outlet": "示例新闻网"}
    assert meta_line("作者：李明 发稿：2024-01-05")["published"] == date(2024, 1, 5)
    assert meta_line("发布：关于加强治安管理的通知") is None
    assert meta_line("分享至微信朋友圈") is None


def test_a_web_page_with_a_share_widget_on_its_date_line_has_its_headline():
    doc = split("示例市民警破获一起盗窃案\n2025/07/02 10:20 | 来源：示例晚报 | 分享至：微信 微博\n"
                "7月1日，示例市公安局破获一起盗窃案，抓获嫌疑人2名。\n")
    assert [a.title for a in doc.articles] == ["示例市民警破获一起盗窃案"]
    assert doc.published == date(2025, 7, 2)
