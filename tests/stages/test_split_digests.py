"""Digests in shapes first seen in ``tests/fixtures/pages_dev10``: items led by a place in
〔〕 brackets, bulleted items under a column line further down the page (examples invented)."""

from __future__ import annotations

from pipeline.stages import chrome

from tests.stages.test_chrome import split


def test_items_led_by_a_place_in_brackets_are_titled_by_the_place():
    doc = split("示例法制报 2024年3月14日 第06版\n法治快讯\n〔示例县〕3月11日，示例县人民法院开设巡回法庭。\n"
                "〔示例自治县〕近日，示例县人民检察院提起一起公益诉讼。\n")
    assert [a.title for a in doc.articles] == ["示例县", "示例自治县"]


def test_short_news_is_a_column_name():
    assert chrome.line_kind("政法短讯") == "column"


def test_bulleted_items_under_a_column_line_further_down_are_items_of_their_own():
    doc = split("示例法制报 2024年3月14日 第06版\n法治快讯\n〔示例县〕3月11日，示例县人民法院开设巡回法庭。\n"
                "政法短讯\n■ 3月10日，示例市司法局开展法律明白人培训。\n■ 示例区人民法院近日发出一份人身安全保护令。\n")
    assert [a.title for a in doc.articles] == ["示例县", "", ""]
    assert doc.clean[doc.articles[2].paragraphs[0][0]:].startswith("示例区人民法院")


def test_bulleted_subheads_inside_an_article_stay_in_it():
    doc = split("示例市警方追踪一起贩卡案\n本报讯（记者 张明）近日，示例市警方追踪了一起贩卖银行卡案件。\n"
                "■ 收卡人盯上学生\n去年9月，学生小吴在兼职群里看到一条出租银行卡的消息。\n"
                "■ 层层转手形成链条\n据民警介绍，这些银行卡先后经过了三道转手。\n")
    assert len(doc.articles) == 1


def test_a_documents_year_in_brackets_leading_a_line_is_no_tag():
    doc = split("示例县开展安全生产大检查\n本报讯 近日，示例县开展安全生产大检查。\n"
                "〔2024〕12号文件对检查范围作出了规定，各乡镇须在月底前完成自查。\n")
    assert len(doc.articles) == 1
