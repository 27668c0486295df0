"""Shapes first seen in ``tests/fixtures/pages_heldout24`` (examples invented): a channel's name
between a paper's masthead date line and its headline."""

from __future__ import annotations

import pytest

from tests.stages.test_chrome import split


@pytest.mark.parametrize("channel", ["國際", "本地", "要聞", "社會"])
def test_a_channel_name_under_the_masthead_is_no_kicker(channel):
    doc = split(f"示例晨報　2025年4月2日（星期三）\n{channel}\n示例區男子涉盜竊被捕 警方追回財物\n"
                "【示例晨報訊】警方昨日在示例區拘捕一名男子，追回財物約5萬元。\n")
    [article] = doc.articles
    assert article.title == "示例區男子涉盜竊被捕 警方追回財物"
    assert article.kicker is None
    assert any(kind == "column" for _, _, kind in doc.chrome)


def test_a_kicker_that_is_no_channel_name_stays_under_the_masthead():
    doc = split("示例晨報　2025年4月2日（星期三）\n反詐騙\n示例區男子涉盜竊被捕 警方追回財物\n"
                "【示例晨報訊】警方昨日在示例區拘捕一名男子，追回財物約5萬元。\n")
    assert doc.articles[0].kicker == "反詐騙"


def test_a_channel_name_under_an_edition_line_is_left_to_the_edition_rules():
    doc = split("示例法治报　2025年4月2日\n第03版：综合\n社会\n示例区男子盗窃被抓 警方追回财物\n"
                "本报讯 警方昨日在示例区抓获一名男子，追回财物约5万元。\n")
    assert doc.articles[0].title == "示例区男子盗窃被抓 警方追回财物"


@pytest.mark.parametrize(("title", "issuer"), [
    ("示例县公安局关于“5·12”盗窃案侦破情况的通报", "示例县公安局"),
    ("示例區人民檢察院關於一起交通肇事案的情況說明", "示例區人民檢察院"),
    ("示例市公安局交通警察支队关于节日期间道路管制的通告", "示例市公安局交通警察支队"),
])
def test_a_release_whose_headline_names_its_issuer_has_it_as_outlet(title, issuer):
    doc = split(f"{title}\n5月12日，我局接群众报警称家中财物被盗，民警迅速开展侦查，抓获嫌疑人2名。\n特此通报。\n")
    assert [(a.title, a.outlet) for a in doc.articles] == [(title, issuer)]


def test_a_release_headline_without_an_issuer_gives_no_outlet():
    doc = split("关于“5·12”盗窃案侦破情况的通报\n5月12日，我局接群众报警称家中财物被盗，民警抓获嫌疑人2名。\n")
    assert doc.articles[0].outlet is None
    doc = split("示例县公安局破获一起盗窃案\n5月12日，示例县公安局接群众报警称家中财物被盗，民警抓获嫌疑人2名。\n")
    assert doc.articles[0].outlet is None


def test_the_source_line_wins_over_the_issuer_in_the_headline():
    doc = split("示例县公安局关于“5·12”盗窃案侦破情况的通报\n发布时间：2025-05-13 10:00 来源：示例晚报\n"
                "5月12日，示例县公安局接群众报警称家中财物被盗，民警抓获嫌疑人2名。\n")
    assert doc.articles[0].outlet == "示例晚报"


@pytest.mark.parametrize(("top", "site"), [("示例边关网-法治频道", "示例边关网"), ("示例快讯网", "示例快讯网"),
                                           ("示例平安网｜法治频道", "示例平安网")])
def test_the_web_site_named_at_the_top_is_the_outlet_not_the_organ_of_the_source_line(top, site):
    doc = split(f"{top}\n示例县警方破获一起走私案\n发布日期：2025年6月3日　信息来源：示例县公安局\n"
                "6月1日，示例县公安局破获一起走私案，抓获嫌疑人5名。\n")
    assert [(a.title, a.outlet) for a in doc.articles] == [("示例县警方破获一起走私案", site)]


def test_a_news_outlet_on_the_source_line_stays_the_outlet_under_a_site_name():
    doc = split("示例快讯网\n示例县警方破获一起走私案\n发布日期：2025年6月3日　来源：示例晚报\n"
                "6月1日，示例县公安局破获一起走私案，抓获嫌疑人5名。\n")
    assert doc.articles[0].outlet == "示例晚报"


@pytest.mark.parametrize("note", ["（来源：新华社、示例市公安局）", "(稿源：示例晚报)", "（信息来源：示例县人民法院）"])
def test_a_bracketed_source_note_under_the_text_closes_a_complete_article(note):
    text = ("示例市破获一批侵犯个人信息案件\n2025-06-03 08:00　来源：示例网\n"
            "记者从示例市公安局获悉，今年以来全市破获侵犯公民个人信息案件20起。\n"
            f"截至5月底，全市开展防范宣传活动15场。\n{note}\n")
    doc = split(text)
    [article] = doc.articles
    assert article.truncated is False
    assert any(text[s:e] == note and kind == "editor" for s, e, kind in doc.chrome)



def test_a_bracketed_remark_without_a_source_label_stays_text():
    from pipeline.stages.chromelines import line_kind
    assert line_kind("（来源：示例晚报）") == "editor"
    assert line_kind("（线索来源于群众举报）") is None
    assert line_kind("（来源：群众举报称，其家中被盗。）") is None
