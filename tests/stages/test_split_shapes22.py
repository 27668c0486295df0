"""Shapes first seen in ``tests/fixtures/pages_heldout22`` (examples invented): a digest of
numbered items without headlines before a run-on 又讯 item, a bulletin's issue and compiler
lines, a public account's name over its post line, a tag's headline with a comma, a spaced
section heading under the headline, an e-paper's headline list on one line."""

from __future__ import annotations

from datetime import date

from pipeline.stages import chrome
from pipeline.stages.metalines import meta_line

from tests.stages.test_chrome import split

DIGEST = ("法治简讯\n（2026年第7期）\n示例市委政法委编　2026年3月2日\n"
          "1. 3月1日，示例县公安局破获一起盗窃案，抓获嫌疑人2名。\n"
          "2. 今年1至2月，示例区法院审结民事案件320件。\n"
          "又讯　2月28日，示例市检察院召开新闻发布会，通报典型案例5件。\n")


def test_numbered_items_without_headlines_are_articles_of_their_own():
    doc = split(DIGEST)
    bodies = [doc.clean[a.paragraphs[0][0]:a.paragraphs[0][1]] for a in doc.articles]
    assert [b[:2] for b in bodies] == ["1.", "2.", "又讯"]
    assert all(not a.title for a in doc.articles)


def test_the_compiler_line_is_no_headline_and_names_the_outlet():
    doc = split(DIGEST)
    assert [a.outlet for a in doc.articles] == ["示例市委政法委"] * 3
    assert meta_line("示例市委政法委编 2026年3月2日") == {"published": date(2026, 3, 2), "outlet": "示例市委政法委"}


def test_a_bracketed_issue_line_is_chrome_a_journal_issue_in_a_text_is_not():
    assert meta_line("（2026年第7期）") == {}
    assert meta_line("据2026年第一期刊载") is None


def test_a_numbered_list_inside_an_article_stays_in_it():
    doc = split("示例县开展三项行动\n本报记者 张明\n1. 示例县公安局开展夜间巡逻。\n2. 示例县法院开展巡回审判。\n"
                "此外，示例县检察院开展普法宣传。\n")
    assert [a.title for a in doc.articles] == ["示例县开展三项行动"]


def test_an_accounts_name_over_its_post_line_is_not_an_article():
    doc = split("示例检察\n原创　示例检察　2026年08月12日 17:30　江西\n阅读 800\n"
                "以案释法 | 非法捕鱼被判刑，还要放流鱼苗！\n案 情 回 顾\n"
                "2026年3月，示例县村民李某多次在示例河使用电鱼工具捕鱼。\n今年5月，县检察院对其提起公诉。\n")
    assert len(doc.articles) == 1
    article = doc.articles[0]
    assert (article.kicker, article.title, article.subtitle) == ("以案释法", "非法捕鱼被判刑，还要放流鱼苗！", None)
    assert article.outlet == "示例检察"


def test_a_headline_list_on_one_line_is_the_page_header():
    assert chrome.headline_row("示例县警方破获贩毒案件 示例区法院审结非法采矿案",
                               ["禁毒行动", "示例县警方破获贩毒案件", "示例区法院审结非法采矿案"]) == [
        "示例县警方破获贩毒案件", "示例区法院审结非法采矿案"]
    assert chrome.headline_row("示例县警方破获贩毒案件 示例区法院审结非法采矿案", ["示例县警方破获贩毒案件"]) is None
    doc = split("示例法治报　2026年5月14日\n第04版：市州观察\n示例县警方破获贩毒案件 示例区法院审结非法采矿案\n"
                "禁毒行动\n示例县警方破获贩毒案件\n本报记者 张明\n5月1日，示例县公安局破获贩毒案件3起。\n"
                "示例区法院审结非法采矿案\n本报记者 李华\n近日，示例区法院审结一起非法采矿案。\n")
    assert [a.title for a in doc.articles] == ["示例县警方破获贩毒案件", "示例区法院审结非法采矿案"]
