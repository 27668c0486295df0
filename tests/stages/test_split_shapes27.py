"""Shapes of ``tests/fixtures/pages_dev14`` and issue 14's round-two errors (examples invented):
a browser title ``headline_site`` over the headline, a site's line of three parts, HTML wrapper
lines, a Taiwan masthead with a 民國 date and a section label, a digest's 供稿 credit line, a
bulletin's name over its issue line, and a headline after a 又讯 brief."""

from __future__ import annotations

import pytest

from pipeline.evaluation.articles import evaluate_articles
from pipeline.stages import chromelines, sitenames
from pipeline.stages.metalines import meta_line
from tests.stages.test_chrome import split

_BODY = ("2026-04-12 09:15\n4月10日，示例区人民法院公开宣判一起诈骗案，被告人刘某被判处有期徒刑三年。\n"
         "经审理查明，刘某骗取12名被害人共计18万余元。\n")
_TITLE = "示例区法院审结一起诈骗案"


def _chrome_texts(doc) -> dict[str, str]:
    return {"".join(doc.clean[s:e].split()): kind for s, e, kind in doc.chrome}


@pytest.mark.parametrize("joint", ["_", " - ", "|", "｜"])
def test_a_browser_title_names_the_site_as_the_outlet_when_nothing_else_does(joint):
    doc = split(f"{_TITLE}{joint}示例法治在线\n{_TITLE}\n{_BODY}")
    [article] = doc.articles
    assert (article.title, article.kicker, article.outlet) == (_TITLE, None, "示例法治在线")
    assert _chrome_texts(doc)[f"{_TITLE}{joint.strip()}示例法治在线"] == "page_title"


@pytest.mark.parametrize("top, site", [
    ("示例网_平安示例_示例市政法综合信息平台", "示例网"),
    ("法治 - 示例新闻网 - 权威发布", "示例新闻网"),
    ("示例法治在线 - 法治 - 权威发布", "示例法治在线"),
])
def test_a_site_line_of_three_parts_is_chrome_never_a_kicker(top, site):
    assert sitenames.parted_site(top) == site
    doc = split(f"{top}\n{_TITLE}\n{_BODY}")
    [article] = doc.articles
    assert (article.title, article.kicker, article.outlet) == (_TITLE, None, site)


@pytest.mark.parametrize("line", [f"{_TITLE}_示例网", "2026-08-19", "打击犯罪_守护平安_服务人民", "逃犯_难逃_法网"])
def test_no_parted_site_in_a_browser_title_a_date_or_a_slogan(line):
    assert sitenames.parted_site(line) is None


@pytest.mark.parametrize("line", ['<div class="title">', "</div>", "<p><br/>", "<h1 class='t'>"])
def test_an_html_wrapper_line_is_junk(line):
    assert chromelines.line_kind(line) == "junk"


def test_html_wrapper_lines_around_a_headline_leave_the_headline():
    doc = split(f'示例网_平安示例_示例市政法综合信息平台\n<div class="title">\n{_TITLE}\n</div>\n{_BODY}')
    [article] = doc.articles
    assert (article.title, article.kicker) == (_TITLE, None)


@pytest.mark.parametrize("line, published, outlet", [
    ("示例日報　中華民國115年10月8日　星期四", "2026-10-08", "示例日報"),
    ("示例時報 中華民國114年2月3日", "2025-02-03", "示例時報"),
])
def test_a_masthead_with_a_minguo_date_gives_date_and_outlet(line, published, outlet):
    doc = split(f"{line}\n社會\n警方破獲詐騙集團　拘捕十一人\n【本報訊】警方昨日公布，拘捕一個詐騙集團的十一名成員。\n")
    [article] = doc.articles
    assert (article.title, article.kicker) == ("警方破獲詐騙集團 拘捕十一人", None)
    assert (str(article.published), article.outlet) == (published, outlet)
    assert _chrome_texts(doc)["社會"] == "column"


def test_the_minguo_date_is_read_with_its_zhonghua_prefix():
    found = meta_line("示例日报 中华民国115年9月21日 星期一")
    assert (str(found["published"]), found["outlet"]) == ("2026-09-21", "示例日报")


def test_a_section_label_between_masthead_and_date_line_is_no_kicker():
    doc = split("示例日報\n港聞\n中華民國114年2月3日　星期一\n海關檢獲走私香煙五十萬支\n"
                "【本報訊】海關昨日在貨櫃碼頭截獲一批走私香煙。\n")
    [article] = doc.articles
    assert (article.title, article.kicker, article.outlet) == ("海關檢獲走私香煙五十萬支", None, "示例日報")


_DIGEST = ("示例县公安局破获一起盗窃案\n10月9日，示例县公安局破获一起系列盗窃电动车案，追回被盗电动车7辆。\n"
           "又讯　10月10日，示例县人民检察院开展“法律进校园”活动，为800余名师生讲授防范校园欺凌知识。\n")


@pytest.mark.parametrize("credit", ["（供稿：示例县公安局治安大队　示例县人民检察院　示例县司法局）",
                                    "（供稿：县公安局　县检察院）", "供稿：示例县检察院　示例县司法局"])
def test_a_digests_credit_line_is_chrome_and_cuts_off_nothing(credit):
    assert chromelines.line_kind(credit) == "editor"
    doc = split(f"示例政法简讯\n2026年10月12日\n{_DIGEST}{credit}\n")
    assert [(a.dateline, a.truncated) for a in doc.articles] == [(None, False), ("又讯", False)]


def test_a_supply_sentence_in_the_text_is_no_credit_line():
    assert chromelines.line_kind("供稿：县检察院负责供稿，县司法局负责审核。") is None


def test_a_bulletins_name_over_its_issue_line_is_no_kicker():
    doc = split(f"平安示例\n第9期\n示例县委政法委　编　2026年5月6日\n{_DIGEST}")
    assert doc.articles[0].kicker is None
    assert _chrome_texts(doc)["平安示例"] == "column"


def test_a_headline_after_a_yixun_brief_starts_an_item_of_its_own():
    doc = split(f"平安示例\n第9期\n示例县委政法委　编　2026年5月6日\n{_DIGEST}"
                "县司法局开展法律援助进村活动\n5月5日，县司法局在示例村开展法律援助咨询，接待群众60余人次。\n")
    assert [a.title or "" for a in doc.articles] == ["示例县公安局破获一起盗窃案", "", "县司法局开展法律援助进村活动"]


def test_dev14_pages_split_and_fully_right():
    scores = evaluate_articles("tests/fixtures/pages_dev14.gold.jsonl", ["tests/fixtures/pages_dev14"])
    assert scores["pages_split_right"] == scores["pages"] == 5
    assert scores["pages_fully_right"] == 5


def test_a_browser_title_under_the_sites_line_and_crumbs_is_chrome():
    doc = split("示例法治在线 - 示例之声\n首页 | 新闻 | 法院 | 检察 | 公安\n首页 → 政法要闻 → 正文\n"
                f"{_TITLE}_示例法治在线\n{_TITLE}\n2026-04-12 09:15 阅读：3861\n"
                "4月10日，示例区人民法院公开宣判一起诈骗案，被告人刘某被判处有期徒刑三年。\n")
    [article] = doc.articles
    assert (article.title, article.kicker, article.outlet) == (_TITLE, None, "示例法治在线")
    chrome = _chrome_texts(doc)
    assert chrome["示例法治在线-示例之声"] == chrome[f"{_TITLE}_示例法治在线"] == "page_title"


@pytest.mark.parametrize("line, kind", [("[图片]", "widget"), ("【视频】", "widget"), ("点击查看大图", "widget"),
                                        ("ab-2026-0903-反爬校验-请勿转载-7f3a", "footer")])
def test_an_image_placeholder_and_a_watermark_line_are_chrome(line, kind):
    assert chromelines.line_kind(line) == kind


@pytest.mark.parametrize("line", ["图片", "县法院审结一起案件，请勿转载。"])
def test_a_word_or_a_sentence_is_no_placeholder(line):
    assert chromelines.line_kind(line) is None


def test_placeholder_lines_inside_the_text_yield_no_sentence():
    doc = split(f"{_TITLE}\n{_BODY}[图片]\n点击查看大图\n经查，刘某通过社交软件发布虚假信息。\n")
    assert len(doc.articles) == 1
    assert {"[图片]", "点击查看大图"} <= set(_chrome_texts(doc))
