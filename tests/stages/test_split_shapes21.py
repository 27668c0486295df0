"""Shapes first seen in ``tests/fixtures/pages_heldout20`` and ``pages_heldout21`` (examples
invented): a post's counters, a newsletter's issue line, a masthead with its column, a
bracket tag before a bar tag, the sections of a typical case, a report's session line above
the date line, a jump mark glued to the text, inline guide and teaser lists, an organ's short
name on the 来源 line, a news agency named X通讯社."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.io import document_from_text
from pipeline.stages import chrome
from pipeline.stages.clean import Cleaner
from pipeline.stages.split import ArticleSplitter

from tests.stages.test_chrome import split


@pytest.mark.parametrize("line, kind", [
    ("阅读 2.3万", "widget"), ("在看 12 点赞 40", "widget"), ("浏览量：560", "widget"),
    ("本版导读：· 示例县开展禁毒宣传　· 示例区法院审结一案", "page_header"),
    ("相关新闻：· 示例市开展断卡行动　· 示例区举办反诈宣传周", "teaser"),
    ("（本期编辑：张明）", "editor"), ("阅读", None), ("导读：示例县近日开展了一次禁毒宣传。", None),
])
def test_counters_inline_lists_and_issue_editors_are_chrome(line, kind):
    assert chrome.line_kind(line) == kind


def test_a_newsletters_issue_number_stays_on_its_date_line():
    assert chrome.meta_line("2025年3月2日 星期日 第8期") == {"published": date(2025, 3, 2)}


def test_a_post_counter_under_the_account_line_is_not_the_headline():
    doc = split("示例县警方公布春季行动战果\n原创 平安示例 平安示例 2025年4月2日 10:30 江西\n阅读 3.1万\n"
                "3月以来，示例县公安局查处治安案件40起。\n")
    assert [a.title for a in doc.articles] == ["示例县警方公布春季行动战果"]


def test_a_masthead_with_its_column_names_the_outlet_and_a_bar_tag_after_a_bracket_is_the_kicker():
    doc = split("示例法治周刊 · 要闻速递\n2025年3月2日 星期日 第8期\n"
                "【示例市】禁毒|示例市警方破获一起贩毒案\n3月1日，示例市公安局抓获嫌疑人2名。\n"
                "【外省】反诈|示例县设立宣传点12个\n3月1日至10日，示例县公安局设立宣传点12个。\n（本期编辑：张明）\n")
    assert [(a.kicker, a.title) for a in doc.articles] == [
        ("禁毒", "示例市警方破获一起贩毒案"), ("反诈", "示例县设立宣传点12个")]
    assert {a.outlet for a in doc.articles} == {"示例法治周刊"}
    assert not doc.articles[1].truncated


@pytest.mark.parametrize("lone", [False, True])
def test_the_sections_of_a_typical_case_stay_in_one_article(lone):
    gap = "\n" if lone else ""
    doc = split("示例市检察机关发布两起典型案例\n发布时间：2025-04-15　来源：示例市人民检察院\n"
                "今年以来，全市检察机关共受理案件12件。\n案例一：张某诈骗案\n"
                f"【基本案情】{gap}2025年3月，张某在示例区骗取老人钱款20万元。\n"
                f"【办理过程】{gap}2025年5月，示例区人民检察院对张某提起公诉。\n"
                f"【典型意义】{gap}本案提醒老年人提高警惕。\n")
    assert [a.title for a in doc.articles] == ["示例市检察机关发布两起典型案例"]


def test_spaced_tags_and_other_section_labels():
    doc = split("示例法治周刊｜政法要闻\n2026年5月18日 第21期\n【示例市】 禁毒 | 示例市警方破获一起贩毒案\n"
                "5月12日，示例市公安局抓获嫌疑人3名。\n【示例县】 交通 | 示例县查处酒驾12起\n5月1日至15日，示例县查处酒驾12起。\n")
    assert [(a.kicker, a.title) for a in doc.articles] == [
        ("禁毒", "示例市警方破获一起贩毒案"), ("交通", "示例县查处酒驾12起")]
    doc = split("示例区法院发布两起典型案例\n发布时间：2026-03-01　来源：示例区人民法院\n近日，示例区人民法院发布两起典型案例。\n"
                "一、张某盗窃案\n【案情简介】2025年，张某多次盗窃电动车。\n【裁判结果】法院判处张某有期徒刑一年。\n"
                "二、李某诈骗案\n【法律依据】《中华人民共和国刑法》第二百六十六条。\n【案例警示】请群众提高警惕。\n")
    assert len(doc.articles) == 1


def test_a_digests_place_tags_still_open_items():
    doc = split("示例法制报 2024年3月14日 第06版\n法治快讯\n【示例县】3月11日，示例县人民法院开设巡回法庭。\n"
                "【示例区】近日，示例区人民检察院提起一起公益诉讼。\n")
    assert [a.title for a in doc.articles] == ["示例县", "示例区"]


def test_the_date_line_dates_the_page_not_a_reports_session_line():
    text = ("示例市中级人民法院工作报告（摘要）\n——2025年1月18日在示例市人民代表大会第六次会议上\n"
            "发布时间：2025-01-22　来源：示例市中级人民法院\n2024年，全市法院共受理案件15.6万件。\n")
    doc = document_from_text(text, "s")
    assert doc.published is None  # the reader's guess never reads a dash subtitle
    for stage in (Cleaner(), ArticleSplitter()):
        doc = stage(doc)
    assert doc.published == date(2025, 1, 22)
    assert doc.articles[0].published == date(2025, 1, 22)


def test_the_date_line_dates_the_page_not_a_date_in_its_headline():
    text = ("示例省新规2026年3月1日起施行\n发布时间：2026-02-20 09:30　来源：示例法治网\n"
            "本报讯 示例省司法厅日前发布新规，明确了若干事项。\n")
    doc = document_from_text(text, "s")
    assert doc.published == date(2026, 3, 1)  # the reader's guess from the first lines
    for stage in (Cleaner(), ArticleSplitter()):
        doc = stage(doc)
    assert doc.published == date(2026, 2, 20)


def test_a_masthead_date_still_dates_the_page():
    doc = document_from_text("示例法治报　2025年9月10日　星期三\n第03版：政法新闻\n示例县开展禁渔执法\n"
                             "本报讯 今年以来，示例县查处案件41起。\n", "s")
    for stage in (Cleaner(), ArticleSplitter()):
        doc = stage(doc)
    assert doc.published == date(2025, 9, 10)


@pytest.mark.parametrize("mark", ["上接第1版　", "（上接第1版） "])
def test_a_jump_mark_before_a_gap_is_cut_off_the_text(mark):
    doc = split("示例法治报　2025年9月10日\n第03版：政法新闻\n示例法院审结一起赌博案\n"
                f"{mark}示例区人民法院近日审结一起开设赌场案。\n")
    body = doc.articles[0].paragraphs[-1]
    assert doc.clean[body[0]:body[1]].startswith("示例区人民法院")
    assert any(kind == "jump" for _s, _e, kind in doc.chrome)


def test_the_organs_short_name_on_the_source_line_is_the_organ():
    doc = split("示例省公安厅\n首页 > 警务资讯 > 公安要闻\n示例省公安机关破获一批电诈案件\n"
                "发布时间：2025-04-22 10:30　来源：省公安厅　浏览次数：1362\n4月21日，示例省公安厅通报了一季度战果。\n")
    assert doc.articles[0].outlet == "示例省公安厅"


def test_a_news_agency_named_x_tongxunshe_gives_dateline_reporter_and_outlet():
    doc = split("示例通讯社\n诈骗集团遭破获 警方逮捕12人\n（示例通讯社记者王小明台北15日电）刑事警察局今天表示，警方破获一个诈骗集团。\n")
    article = doc.articles[0]
    assert article.dateline == "示例通讯社记者王小明台北15日电"
    assert [(a.name, a.role) for a in article.authors] == [("王小明", "reporter")]
    assert article.outlet == "示例通讯社"
