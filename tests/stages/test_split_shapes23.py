"""Shapes of ``tests/fixtures/pages_dev11`` (examples invented): a bulletin's issue line without
brackets, a public account's post line without 原创, the one list of signing organs and outlets."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.stages import chrome, layout, signatures
from pipeline.stages.metalines import meta_line

from tests.stages.test_chrome import split


@pytest.mark.parametrize("line", ["2026年第23期", "第15期", "第15期 总第230期", "（2026年第23期）"])
def test_an_issue_line_atop_the_page_is_chrome(line):
    doc = split(f"示例政法动态\n{line}\n示例县公安局破获盗窃案\n"
                "3月1日，示例县公安局破获一起盗窃案，抓获嫌疑人2名。\n")
    assert [a.title for a in doc.articles] == ["示例县公安局破获盗窃案"]
    assert any(kind == "meta" for _start, _end, kind in doc.chrome)


def test_an_issue_inside_a_text_or_below_it_is_not_chrome():
    assert meta_line("据2026年第23期刊载") is None
    doc = split("期刊头条\n本栏介绍各刊物的头条作品。\n《示例手记》作者张明《示例文学》\n1998年第一期\n"
                "青藏高原，冰天雪地。\n")
    assert not doc.chrome


@pytest.mark.parametrize("line, outlet, author", [
    ("示例公安　示例公安　2025年04月23日 17:30　河南", "示例公安", None),
    ("李晓　示例公安　2025-04-23　河南", "示例公安", "李晓"),
    ("示例公安 2025年04月23日 17:30 发表于河南", "示例公安", None),
])
def test_an_accounts_post_line_names_the_account_not_the_province(line, outlet, author):
    found = meta_line(line.replace("\u3000", " "))
    assert found["outlet"] == outlet and found["published"] == date(2025, 4, 23)
    assert found.get("authors") == author


def test_signers_and_glued_dates_read_one_list():
    assert signatures.SIGNER_ORGAN.match("示例县人民政府办公室")
    assert layout.glued_dates([layout.Line(0, 23, "示例县人民政府办公室 2025年4月23日", "body",
                                           "示例县人民政府办公室 2025年4月23日")])[0].end == 23
    parts = layout.glued_dates([layout.Line(0, 21, "示例县破获系列盗窃案 2025年4月23日", "body",
                                            "示例县破获系列盗窃案 2025年4月23日")])
    assert [p.text for p in parts] == ["示例县破获系列盗窃案", "2025年4月23日"]


def test_a_colon_headline_atop_the_page_is_the_title():
    doc = split("示例法院：一年审结欠薪案件412件\n春节前后，示例区人民法院审结欠薪案件412件。\n该院设立绿色通道。\n")
    assert [a.title for a in doc.articles] == ["示例法院：一年审结欠薪案件412件"]
    doc = split("示例县开展普法活动\n3月1日，示例县司法局开展普法活动。\n地址：示例县人民路100号\n")
    assert [a.title for a in doc.articles] == ["示例县开展普法活动"]


def test_headlines_pointing_to_other_pages_are_the_page_header():
    doc = split("示例法治报　2026年3月6日　星期五\n第01版：要闻\n今日导读\n示例县公布典型案例　▶第3版\n"
                "示例区启动校园安全排查　▶第4版\n\n示例市召开政法工作会议\n本报讯（记者 张明）3月5日，示例市召开政法工作会议。\n")
    assert [a.title for a in doc.articles] == ["示例市召开政法工作会议"]
    assert chrome.line_kind("示例县公布典型案例（见第3版）") == "page_header"
    assert chrome.line_kind("示例法治报 2026年3月6日 第3版") != "page_header"


def test_an_english_nav_bar_and_a_language_switch_are_chrome():
    assert chrome.line_kind("Home | News | Law | About Us") == "nav"
    assert chrome.line_kind("English 繁體 简体") == "widget"
    doc = split("Home | News | Law | About Us\nEnglish　繁體　简体\nCounty police crack smuggling ring\n"
                "示例县警方破获一起走私案\nSource: 示例新闻网　Date: 2026-03-04 16:30\n"
                "示例新闻网讯（记者 张明）3月3日，示例县公安局破获一起走私案。\n")
    assert [a.title for a in doc.articles] == ["示例县警方破获一起走私案"]


@pytest.mark.parametrize("line", ["（2026）示01执恢18号", "(2025)示0102民初217号"])
def test_a_notice_number_line_is_chrome_not_a_subtitle(line):
    assert chrome.line_kind(line) == "number"
    doc = split(f"示例市中级人民法院\n公告\n{line}\n被执行人示例有限公司：本院依法向你公司公告送达执行通知书。\n")
    assert doc.articles[0].subtitle is None


def test_a_dateline_after_the_leads_first_sentence_is_the_articles():
    doc = split("示例法院审结欠薪案件412件\n春节前后，正是农民工讨薪的高峰时段。示例日报讯（记者 张明 通讯员 李华）"
                "3月4日，记者从示例区人民法院获悉，该院审结欠薪案件412件。\n")
    article = doc.articles[0]
    assert article.dateline == "示例日报讯"
    assert [(a.name, a.role) for a in article.authors] == [("张明", "reporter"), ("李华", "correspondent")]
    cited = split("示例县破获一起诈骗案\n近日，示例县破获一起诈骗案。据新华社北京3月4日电，全国公安机关开展专项行动。\n")
    assert cited.articles[0].dateline is None


def test_a_stations_mark_opening_the_text_is_no_digest_tag():
    doc = split("示例县开展消防安全检查\n来源：示例县融媒体中心　发布时间：2026-03-06 20:15\n"
                "【示例新闻】3月6日，示例县消防救援大队对全县人员密集场所开展消防安全检查。\n检查组当场反馈问题。\n")
    assert [a.title for a in doc.articles] == ["示例县开展消防安全检查"]
    article = doc.articles[0]
    start, end = next(p for p, k in zip(article.paragraphs, article.header["paragraph_kinds"]) if k == "body")
    assert doc.clean[start:end].startswith("【示例新闻】3月6日")
    digest = split("政法一周\n【示例县】3月2日，示例县公安局开展夜间巡逻。\n【示例区】近日，示例区法院集中执行一批案件。\n")
    assert [a.title for a in digest.articles] == ["示例县", "示例区"]


def test_a_radio_and_tv_sites_name_above_the_nav_is_chrome():
    doc = split("示例广电网\n首页 | 新闻 | 视听 | 直播 | 专题\n示例县开展消防安全检查_示例广电网\n示例县开展消防安全检查\n"
                "来源：示例县融媒体中心　发布时间：2026-03-06 20:15\n3月6日，示例县消防救援大队开展消防安全检查。\n")
    assert [(a.kicker, a.title) for a in doc.articles] == [(None, "示例县开展消防安全检查")]


def test_a_sites_crumb_with_dashes_and_a_players_buttons_are_chrome():
    assert chrome.line_kind("示例新闻网 - 视频 - 法治") == "nav"
    assert chrome.line_kind("播放 暂停 全屏") == "widget"
    doc = split("示例新闻网 - 视频 - 法治\n视频｜示例交警查处一批改装摩托车\n示例新闻网　2026-03-05 21:10\n"
                "播放　暂停　全屏\n3月5日晚，示例区交警大队开展夜查行动，查处非法改装摩托车14辆。\n")
    assert [(a.kicker, a.title, a.subtitle) for a in doc.articles] == [("视频", "示例交警查处一批改装摩托车", None)]


def test_a_date_line_with_a_text_size_control_is_read():
    assert meta_line("发布时间：2026-03-04  字号：T | T  [ 打印 ]") == {"published": date(2026, 3, 4)}


def test_text_continued_from_another_page_below_a_finished_article_is_an_article_of_its_own():
    doc = split("示例晚报\n2026年3月6日　第07版：警界\n示例警方破获系列盗窃案\n"
                "本报讯 记者张明报道 近日，示例市公安局破获系列盗窃案，抓获犯罪嫌疑人3名。\n"
                "（上接第一版）\n对于拒不执行的被执行人，法院将依法纳入失信名单。\n")
    assert [a.title for a in doc.articles] == ["示例警方破获系列盗窃案", ""]
    under_headline = split("示例晚报\n第07版：警界\n示例法院执行见实效\n（上接第1版）\n"
                           "去年以来，示例法院执结案件3000件。\n")
    assert [a.title for a in under_headline.articles] == ["示例法院执行见实效"]

