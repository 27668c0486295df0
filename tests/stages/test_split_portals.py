"""Portal, mobile and agency pages of shapes first seen in ``tests/fixtures/pages_dev10``: their
widgets, site lines and crumbs are chrome, the headline is the title (examples invented)."""

from __future__ import annotations

import pytest

from pipeline.stages import chrome

from tests.stages.test_chrome import split


@pytest.mark.parametrize("line", ["作者头像", "点赞 26", "在看", "举报", "收藏 3", "评论 12", "字级",
                                  "点击播报本文，约", "請繼續往下閱讀..."])
def test_action_bars_avatars_and_read_aloud_buttons_are_widgets(line):
    doc = split(f"示例县法院审结一起诈骗案\n2024-05-06 10:20 来源：示例网\n{line}\n"
                "近日，示例县人民法院审结一起诈骗案。\n被告人被判处有期徒刑三年。\n")
    (article,) = doc.articles
    assert (article.kicker, article.title, article.subtitle) == (None, "示例县法院审结一起诈骗案", None)
    assert any(kind == "widget" for _s, _e, kind in doc.chrome)


def test_a_bare_comment_column_is_not_a_widget():
    assert chrome.line_kind("评论") is None


@pytest.mark.parametrize("top", ["示例网首页", "示例网 | 新闻 | 法治", "示例社 SNA", "示例日报 Example Daily"])
def test_a_sites_name_line_over_the_headline_is_no_kicker(top):
    doc = split(f"{top}\n示例市警方破获一起盗窃案\n2024-05-06 10:20 来源：示例网\n"
                "近日，示例市公安局破获一起盗窃案。\n")
    (article,) = doc.articles
    assert (article.kicker, article.title) == (None, "示例市警方破获一起盗窃案")


def test_a_channel_pair_and_a_headline_with_bars_stay_text():
    assert chrome.line_kind("法治 | 示例网") is None  # a channel and a site: _channel_site reads it
    assert chrome.line_kind("扫黑 | 除恶 | 进行时") is None


def test_crumbs_ending_with_the_headline_are_navigation():
    doc = split("示例网 > 法治 > 示例市警方破获一起特大网络赌博案\n示例市警方破获一起特大网络赌博案\n"
                "2024-05-06 10:20 来源：示例网\n近日，示例市公安局破获一起网络赌博案。\n")
    (article,) = doc.articles
    assert (article.kicker, article.title) == (None, "示例市警方破获一起特大网络赌博案")
    doc = split("示例网 > 法治 > 示例市警方破获一起特大…\n示例市警方破获一起特大网络赌博案\n"
                "2024-05-06 10:20 来源：示例网\n近日，示例市公安局破获一起网络赌博案。\n")
    assert doc.articles[0].kicker is None  # the last crumb cut short


def test_crumbs_of_another_headline_are_not_taken_for_navigation():
    kicker = "房东 > 二房东 > 租客的押金纠纷应当如何处理"  # a kicker over another headline
    doc = split(f"{kicker}\n示例区法院审结一起转租纠纷案\n2024-05-06 10:20 来源：示例网\n"
                "近日，示例区人民法院审结一起转租纠纷案。\n")
    assert doc.articles[0].kicker == kicker


def test_a_sites_news_mark_with_its_reporters_in_brackets_is_a_dateline():
    doc = split("示例调查：一张银行卡的去向\n来源：示例客户端 2024-05-06 08:05\n"
                "示例网消息（记者 张明 李华）：近日，记者跟随民警追踪了一起案件。\n")
    (article,) = doc.articles
    assert article.dateline == "示例网消息"
    assert [(a.name, a.role) for a in article.authors] == [("张明", "reporter"), ("李华", "reporter")]


def test_a_channels_name_between_the_date_lines_and_the_text_is_chrome():
    doc = split("示例區劏房涉非法改裝電錶 警拘兩人\n發佈時間：2024/03/14 06:30\n港聞\n"
                "【示例日報報道】警方前日在示例區進行行動，兩名業主被捕。\n")
    (article,) = doc.articles
    assert (article.kicker, article.title) == (None, "示例區劏房涉非法改裝電錶 警拘兩人")
    assert any(kind == "column" for _s, _e, kind in doc.chrome)


def test_a_short_headline_under_an_edition_line_stays_a_headline():
    doc = split("示例法治报 2024年6月5日 第03版\n禁毒宣传\n6月5日，示例社区民警开展禁毒宣传。 通讯员 常青 摄\n")
    assert doc.articles[0].title == "禁毒宣传"


def test_the_account_over_a_self_media_posts_date_line_is_its_outlet_not_its_title():
    doc = split("男子冒充教授诈骗被判刑\n作者头像\n示例法眼\n2024-03-14 12:06·湖南\n关注\n"
                "近日，示例区人民法院审结一起诈骗案。\n法官提醒，招生录取均通过正规渠道。\n")
    (article,) = doc.articles
    assert (article.kicker, article.title, article.outlet) == (None, "男子冒充教授诈骗被判刑", "示例法眼")


def test_two_clauses_over_a_date_line_without_a_province_stay_one_title():
    doc = split("男子酒驾被查\n竟称只喝了一口\n2024-05-04 06:30\n近日，示例交警查获一名酒驾男子。\n")
    assert doc.articles[0].title == "男子酒驾被查竟称只喝了一口"


NOTICE_A = "关于公布一批失信被执行人名单的通报\n近期，示例市两级法院依法对一批被执行人采取惩戒措施。\n示例市中级人民法院\n2024年3月14日\n"
NOTICE_B = "关于公开选任人民陪审员的公告\n本院现面向社会公开选任人民陪审员30名。\n特此公告。\n"


def test_notices_separated_by_a_rule_line_are_articles_of_their_own():
    doc = split(NOTICE_A + "———————————————\n" + NOTICE_B)
    assert [a.title for a in doc.articles] == ["关于公布一批失信被执行人名单的通报", "关于公开选任人民陪审员的公告"]
    assert chrome.line_kind("———————") == "end_mark" and not doc.articles[0].truncated


def test_notices_each_over_its_own_date_line_are_articles_of_their_own():
    a, b = NOTICE_A.split("\n", 1), NOTICE_B.split("\n", 1)
    doc = split(f"{a[0]}\n发布时间：2024-03-14 10:00:00\n{a[1]}{b[0]}\n发布时间：2024-03-14 09:30:00\n{b[1]}")
    assert [a.title for a in doc.articles] == ["关于公布一批失信被执行人名单的通报", "关于公开选任人民陪审员的公告"]


def test_the_organ_signing_a_notice_ends_it_and_is_no_kicker_of_the_next():
    for rule in ("", "━━━━━━━━\n"):
        doc = split(NOTICE_A + rule + NOTICE_B.replace("\n", "\n发布日期：2024-03-14 09:30\n", 1))
        assert [(a.kicker, a.title) for a in doc.articles] == [
            (None, "关于公布一批失信被执行人名单的通报"), (None, "关于公开选任人民陪审员的公告")]
        assert not doc.articles[0].truncated


def test_a_headline_over_a_bare_date_at_the_top_is_no_signer():
    doc = split("示例区村屋起火 一人送院\n2024年1月15日\n（示例日報報道）示例區今晨一間村屋起火。\n")
    assert doc.articles[0].title == "示例区村屋起火 一人送院"


def test_a_signer_over_the_bare_date_of_a_signature_starts_no_article():
    doc = split("示例县公安局关于开展冬季交通整治的通告\n为保障群众出行安全，决定开展冬季交通整治。\n"
                "示例县公安局\n2024年3月14日\n特此通告。\n")
    assert len(doc.articles) == 1


def test_a_headline_without_text_after_an_end_mark_starts_no_article():
    doc = split("示例县法院审结一起诈骗案\n2024-05-06 10:20 来源：示例网\n近日，示例县人民法院审结一起诈骗案。\n（完）\n"
                "示例市开展春季交通整治\n")
    assert len(doc.articles) == 1


@pytest.mark.parametrize("line", ["示例视窗 | 首页 新闻 法治 民生 视频 登录 注册", "首页 要闻 政法 社会 图片",
                                  "示例网 ｜ 新闻 评论 专题 登录 注册"])
def test_a_site_menu_of_words_parted_by_spaces_is_navigation(line):
    """A portal's menu on one line (首页 新闻 法治 … 登录 注册) is navigation, never the title."""
    assert chrome.line_kind(line) == "nav"
    doc = split(f"{line}\n示例县警方破获盗窃案件16起\n2025-05-06 10:20　来源：示例视窗\n"
                "近日，示例县公安局破获系列盗窃案件16起，抓获犯罪嫌疑人4名。")
    assert [a.title for a in doc.articles] == ["示例县警方破获盗窃案件16起"]


def test_words_parted_by_spaces_without_menu_words_are_no_menu():
    assert chrome.line_kind("警方 破获 案件 多起") is None


@pytest.mark.parametrize("line", ["示例法治快讯 · 第41期", "政法工作简报（第3期）", "平安示例第十二期"])
def test_a_newsletters_issue_line_is_no_title(line):
    """示例法治快讯 · 第41期 over a digest: the newsletter and its issue, not the first item's title."""
    assert chrome.line_kind(line) == "column"
    doc = split(f"{line}\n2025-10-10　来源：示例法治快讯\n禁毒|示例县警方端掉一处制毒窝点\n"
                "10月8日，示例县公安局端掉一处制毒窝点，抓获犯罪嫌疑人3名。")
    assert doc.articles[0].title == "示例县警方端掉一处制毒窝点"


def test_a_portal_named_视窗_opens_a_dateline():
    """示例视窗讯（记者 张明）: a portal whose name ends in 视窗 (or 之窗, 融媒) signs its lead like 示例网讯."""
    doc = split("示例县警方破获盗窃案件16起\n2025-05-06 10:20　来源：示例视窗\n"
                "示例视窗讯（记者 张明）近日，示例县公安局破获系列盗窃案件16起。")
    article = doc.articles[0]
    assert article.dateline == "示例视窗讯"
    assert [(a.name, a.role) for a in article.authors] == [("张明", "reporter")]
