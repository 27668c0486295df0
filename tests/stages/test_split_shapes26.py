"""Shapes of ``tests/fixtures/pages_dev13`` and issue 14's open errors (examples invented): a
channel's and a site's name joined by ``_`` or ``-`` at the top of a web page, an organ on the
site's 主办/承办 footer line, numbered digest items led by a bar tag, and which of two headline
lines is the kicker."""

from __future__ import annotations

import pytest

from pipeline.evaluation.articles import evaluate_articles
from pipeline.stages import chromelines, headers
from pipeline.stages.layout import Line
from tests.stages.test_chrome import split

_BODY = ("2026-04-12 09:15\n4月10日，示例区人民法院公开宣判一起诈骗案，被告人刘某被判处有期徒刑三年。\n"
         "经审理查明，刘某骗取12名被害人共计18万余元。\n")


@pytest.mark.parametrize("top", ["政法动态_示例新闻网", "政法动态 - 示例新闻网", "示例新闻网-政法动态", "政法动态｜示例新闻网"])
def test_a_channel_and_site_line_is_chrome_and_names_the_outlet(top):
    doc = split(f"{top}\n示例区法院审结一起诈骗案\n{_BODY}")
    [article] = doc.articles
    assert (article.title, article.kicker, article.outlet) == ("示例区法院审结一起诈骗案", None, "示例新闻网")


def test_a_channel_and_site_line_over_no_headline_is_no_title():
    doc = split(f"政法动态_示例新闻网\n{_BODY}")
    assert [(a.title, a.outlet) for a in doc.articles] == [("", "示例新闻网")]


def test_a_paper_and_its_site_is_no_channel_and_site_line():
    doc = split("示例日报 - 示例网\n记者 周宇\n开庭前，法官组织双方当事人进行调解，最终促成和解。\n")
    assert doc.articles[0].outlet is None  # the paper's own site: no other outlet named


@pytest.mark.parametrize("footer", [
    "主办：示例区人民法院",
    "网站主办：示例市示例区人民检察院",
    "主 办：示例区人民法院　　承 办：示例区人民法院办公室",
    "示例市示例区人民政府主办　示例区融媒体中心承办",
    "主办单位：示例市公安局示例分局　地址：示例路8号",
])
def test_a_site_organ_footer_is_chrome_not_the_articles_text(footer):
    assert chromelines.line_kind(footer) == "footer"
    doc = split(f"示例区法院审结一起诈骗案\n{_BODY}{footer}\n")
    [article] = doc.articles
    assert not article.truncated and article.outlet is None
    assert any("".join(doc.clean[s:e].split()) == "".join(footer.split()) and kind == "footer"
               for s, e, kind in doc.chrome)


@pytest.mark.parametrize("line", ["县法院主办首届调解技能大赛", "由县司法局主办的普法活动在示例广场举行。"])
def test_an_organ_hosting_an_event_in_the_text_is_no_footer(line):
    assert chromelines.line_kind(line) != "footer"


def test_numbered_digest_items_led_by_a_bar_tag():
    doc = split("示例平安周报\n2026年6月15日\n一、禁毒|示例市公安局开展禁毒宣传月活动，发放资料两万余份。\n"
                "二、交警|示例交警上周查处酒驾违法行为132起。\n三、消防|示例市消防救援支队检查场所86家。\n")
    assert [a.title for a in doc.articles] == ["禁毒", "交警", "消防"]


def test_a_numbered_section_of_a_case_is_no_digest_item():
    doc = split("示例县法院发布典型案例\n本报讯 近日，示例县人民法院发布典型案例。\n"
                "一、【基本案情】2025年3月，被告人王某驾车撞伤行人后逃逸。\n二、【裁判结果】法院以交通肇事罪判处王某有期徒刑二年。\n")
    assert [a.title for a in doc.articles] == ["示例县法院发布典型案例"]


@pytest.mark.parametrize("first, second, roles", [
    ("示例警方半年破获电诈案件214起", "涉案金额逾3000万元", ["title", "subtitle"]),
    ("示例区检察院一季度批捕嫌疑人86人", "守护群众“钱袋子”", ["title", "subtitle"]),
    ("示例县法院执结涉民生案件二百余件", "兑现案款一千余万元", ["title", "subtitle"]),
    ("护航营商环境", "示例市检察机关办理涉企案件1200余件", ["kicker", "title"]),
    ("“我的钱终于追回来了”", "示例警方为群众挽回损失86万元", ["kicker", "title"]),
    ("守护春运平安路", "示例警方春节期间接报警情下降12.4%", ["kicker", "title"]),
    ("抓获21人", "示例警方捣毁一电诈窝点", ["kicker", "title"]),  # short: a kicker
])
def test_a_headline_line_closing_on_a_count_is_the_title(first, second, roles):
    lines = [Line(0, len(first), first, "heading", first),
             Line(len(first) + 1, len(first) + 1 + len(second), second, "heading", second)]
    assert headers.header_roles(lines) == roles


def test_dev13_pages_split_and_fully_right():
    scores = evaluate_articles("tests/fixtures/pages_dev13.gold.jsonl", ["tests/fixtures/pages_dev13"])
    assert scores["pages_split_right"] == scores["pages"] == 6
    assert scores["pages_fully_right"] == 6


@pytest.mark.parametrize("top", ["示例区法院审结一起诈骗案_政法动态_示例新闻网", "本地新闻频道_示例新闻网"])
def test_the_site_closing_a_browser_title_is_the_outlet(top):
    doc = split(f"{top}\n首页 > 政法动态 > 正文\n示例区法院审结一起诈骗案\n{_BODY}")
    assert [(a.title, a.outlet) for a in doc.articles] == [("示例区法院审结一起诈骗案", "示例新闻网")]


def test_a_source_line_outlet_beats_the_browser_titles_site():
    doc = split("示例区法院审结一起诈骗案_示例新闻网\n示例区法院审结一起诈骗案\n2026-04-12 09:15　来源：示例晚报\n"
                "4月10日，示例区人民法院公开宣判一起诈骗案，被告人刘某被判处有期徒刑三年。\n")
    assert doc.articles[0].outlet == "示例晚报"
