"""Report pages (a headline, the date line, a dash subtitle and the signer) and the outlet a
web page prints beside its date or with its channel's name."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.stages import chrome, headers

from tests.stages.test_chrome import split


def test_a_reports_signer_under_its_dash_subtitle_is_its_author_not_a_headline_line():
    doc = split("示例县人民检察院工作报告\n发布时间：2024-02-03 10:00 来源：示例县人民检察院\n"
                "——2024年1月28日在示例县第五届人民代表大会第三次会议上\n示例县人民检察院检察长 林晓东\n"
                "过去一年，全县检察机关共受理审查逮捕案件210件。\n依法惩治各类犯罪。全年起诉312人。\n")
    (article,) = doc.articles
    assert article.title == "示例县人民检察院工作报告"
    assert article.subtitle == "——2024年1月28日在示例县第五届人民代表大会第三次会议上"
    assert [(a.name, a.role) for a in article.authors] == [("林晓东", "other")]


@pytest.mark.parametrize("line, name", [("示例市公安局局长 韩立", "韩立"), ("示例省高级人民法院代院长 欧阳明", "欧阳明")])
def test_a_signer_is_an_organ_a_post_and_a_name(line, name):
    assert [found[2:] for found in headers.byline_authors(line)] == [(name, "other")]


def test_a_line_ending_in_a_post_without_a_name_signs_nothing():
    assert headers.SIGNER.match("示例市中级人民法院院长") is None
    assert headers.byline_authors("示例市中级人民法院院长") == []


def test_a_headline_line_of_post_and_words_under_a_kicker_is_no_signer():
    doc = split("专项行动\n示例县法院院长 走进社区\n本报讯 近日，示例县法院院长到社区接待群众。\n")
    (article,) = doc.articles
    assert article.title == "示例县法院院长 走进社区"
    assert article.authors == []


@pytest.mark.parametrize("line", ["示例晨刊 2024-03-05 08:10 分享到", "示例晨刊 2024-03-05 08:10 大字体 小字体"])
def test_the_outlet_beside_the_date_is_read_past_the_share_widgets(line):
    assert chrome.meta_line(line) == {"published": date(2024, 3, 5), "outlet": "示例晨刊"}


def test_the_outlet_beside_the_date_and_a_share_widget_is_the_articles_outlet():
    doc = split("首页 | 新闻 | 法治\n示例市警方破获一起盗窃案\n示例晨刊 2024-03-05 08:10　分享到\n"
                "本报讯（记者 方圆）4日，示例市公安局通报破获一起盗窃案。\n警方提醒市民注意防范。\n")
    (article,) = doc.articles
    assert (article.title, article.outlet, article.published) == ("示例市警方破获一起盗窃案", "示例晨刊", date(2024, 3, 5))


@pytest.mark.parametrize("top", ["社會｜示例新聞網", "示例新聞網｜社會"])
def test_a_channel_and_site_line_at_the_top_names_the_outlet(top):
    doc = split(f"{top}\n示例縣警方破獲詐騙集團 逮捕12人\n2024/05/06 10:20\n"
                "示例縣警察局今（6）日表示，破獲一個詐騙集團。\n全案移送偵辦。\n")
    (article,) = doc.articles
    assert article.title == "示例縣警方破獲詐騙集團 逮捕12人"
    assert article.outlet == "示例新聞網"


def test_a_headline_line_under_a_dash_subtitle_without_a_post_is_no_signer():
    doc = split("示例报告\n——在示例会议上\n示例县法院工作回顾\n过去一年，全县法院审结案件1200件。\n")
    assert doc.articles[0].authors == []


def test_two_channel_words_at_the_top_name_no_outlet():
    doc = split("社会｜法治\n示例县警方破获诈骗集团\n2024-05-06 10:20\n示例县警方6日表示，破获一个诈骗集团。\n")
    assert doc.articles[0].outlet is None


@pytest.mark.parametrize("headline", ["两名逃犯终难逃法网", "农村老人学会上网"])
def test_a_headline_ending_in_a_word_with_net_is_no_site_line(headline):
    doc = split(f"{headline}\n示例县公安局近日通报了此事，群众纷纷点赞。\n")
    assert doc.chrome == [] and doc.articles[0].title == headline
