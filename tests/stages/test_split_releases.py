"""Release, law and web-page shapes: serial numbers, glued date lines, channel words, clause
titles under a kicker, a law's name over its adoption note, bracketed datelines of several
reporters, writer credits and 另讯 items."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.stages import chrome, headers
from tests.stages.test_chrome import split


@pytest.mark.parametrize("line", ["（编号：2023-102）", "通报编号：第8号", "示检通〔2023〕12号", "某县政府令[2021]第3号"])
def test_a_release_number_is_chrome(line):
    assert chrome.line_kind(line) == "number"


@pytest.mark.parametrize("line", ["编号为2023-102的车辆驶入服务区。", "三〔2023〕年"])
def test_a_sentence_naming_a_number_is_not(line):
    assert chrome.line_kind(line) is None


def test_a_release_title_over_its_number_and_signature():
    doc = split("关于加强电动自行车停放管理的通告\n某公通〔2022〕9号\n为消除火灾隐患，现通告如下：\n"
                "禁止在楼道内停放电动自行车。\n某县公安局\n2022年5月3日")
    assert [a.title for a in doc.articles] == ["关于加强电动自行车停放管理的通告"]
    assert doc.published == date(2022, 5, 3) and doc.articles[0].outlet is None
    assert not doc.articles[0].truncated


def test_a_date_source_line_glued_to_the_lead_is_cut_off():
    doc = split("县法院审结一起非法采砂案\n2023-03-02 09:15 来源：示例政法网 本报讯 记者 田园 近日，县法院审结一起非法采砂案。\n"
                "被告人被判处有期徒刑一年。")
    article = doc.articles[0]
    assert doc.published == date(2023, 3, 2) and article.outlet == "示例政法网"
    assert article.dateline == "本报讯" and [a.name for a in article.authors] == ["田园"]
    assert any(kind == "meta" for _s, _e, kind in doc.chrome)


def test_a_lead_opening_with_a_bare_date_stays_whole():
    doc = split("男子醉驾被查\n2023年3月2日 晚上，交警在城区查获一名醉驾男子。\n民警依法对其采取强制措施。")
    assert doc.published is None and not doc.chrome
    assert doc.clean[doc.articles[0].paragraphs[1][0]:].startswith("2023年3月2日 晚上")


def test_an_update_note_and_a_last_updated_label_are_date_lines():
    assert chrome.meta_line("2022/10/05 09:12（10/5 11:40 更新）") == {"published": date(2022, 10, 5)}
    assert chrome.meta_line("最后更新日期：2022-10-05 11:40")["published"] == date(2022, 10, 5)
    assert chrome.meta_line("来源：示例晨报 | 2022-10-05 | 评论：8")["outlet"] == "示例晨报"


@pytest.mark.parametrize("line, kind", [
    ("示例日报网 | 社会 | 正文", "nav"), ("#交通 #醉驾", "widget"), ("热门新闻", "teaser"), ("往期回顾", "teaser")])
def test_more_web_chrome(line, kind):
    assert chrome.line_kind(line) == kind


def test_a_channel_word_over_a_web_headline_is_chrome_but_an_epaper_kicker_is_not():
    web = split("社会\n货车侧翻致道路拥堵 交警紧急疏导\n2023-06-01 10:00\n今天上午，一辆货车在高速路口侧翻。")
    assert web.articles[0].kicker is None and web.chrome[0][2] == "column"
    paper = split("第02版：要闻\n以案说法\n网购纠纷如何维权\n本报记者 白露\n近日，区法院审结一起网购纠纷。")
    assert paper.articles[0].kicker == "以案说法"


def test_two_clause_lines_under_a_kicker_are_one_title():
    doc = split("第04版：法治\n平安建设在行动\n守住校园安全线\n护好成长每一步\n本报记者 白露\n"
                "开学以来，市公安局在校园周边增设护学岗。")
    article = doc.articles[0]
    assert (article.kicker, article.title, article.subtitle) == ("平安建设在行动", "守住校园安全线护好成长每一步", None)


def test_a_title_with_a_longer_subtitle_keeps_its_subtitle():
    doc = split("第04版：法治\n平安建设在行动\n守住校园安全线\n市公安局在中小学周边增设护学岗两百余个\n本报记者 白露\n"
                "开学以来，市公安局在校园周边增设护学岗。")
    assert doc.articles[0].subtitle == "市公安局在中小学周边增设护学岗两百余个"


def test_a_law_name_over_its_adoption_note_is_the_title():
    doc = split("示例省物业管理条例\n（2020年3月5日示例省人民代表大会常务委员会会议通过）\n示例省人民代表大会常务委员会公告\n"
                "第十号\n《示例省物业管理条例》已由省人民代表大会常务委员会会议通过，现予公布。")
    article = doc.articles[0]
    assert article.title == "示例省物业管理条例" and article.kicker is None
    assert article.subtitle.startswith("（2020年3月5日")


def test_a_bracketed_dateline_of_two_reporters_names_both():
    doc = split("夜市攤販糾紛釀傷 警方到場處理\n〔記者王大明、陳小華／高雄報導〕高雄一處夜市昨晚發生攤販糾紛，一人受傷送醫。")
    article = doc.articles[0]
    assert [(a.name, a.role) for a in article.authors] == [("王大明", "reporter"), ("陳小華", "reporter")]
    assert article.dateline == "記者王大明、陳小華/高雄報導"  # the clean text: ／ → /


@pytest.mark.parametrize("line, names", [("撰文：黄小雨", ["黄小雨"]), ("采写：周正 钱多", ["周正", "钱多"]),
                                         ("文／图 林木", ["林木"])])
def test_writer_credits_are_bylines(line, names):
    assert headers.BYLINE.match(line)
    assert [name for _s, _e, name, role in headers.byline_authors(line)] == names


def test_an_item_run_on_after_another_report_mark_is_an_article():
    doc = split("法治快讯\n【区法院开展送法进社区活动】6月1日，区法院法官走进社区开展普法宣传。另讯 区法院当天还受理咨询30余件。\n"
                "【县公安局举行警营开放日】5月31日，县公安局邀请群众走进警营。")
    assert [(a.title, a.dateline) for a in doc.articles] == [
        ("区法院开展送法进社区活动", None), ("", "另讯"), ("县公安局举行警营开放日", None)]


def test_a_wire_code_after_the_editor_note_does_not_cut_the_article():
    doc = split("颱風來襲 多處道路封閉\n（中央社記者林一台北5日電）颱風今天登陸，多處道路封閉。（編輯：王二）1120805")
    assert not doc.articles[0].truncated


def test_a_read_more_link_under_an_excerpt_cuts_it():
    doc = split("男子醉驾被查\n2023-03-02 09:15\n昨晚，交警在城区查获一名醉驾男子。\n点击阅读全文")
    assert doc.articles[0].truncated
    whole = split("男子醉驾被查\n2023-03-02 09:15\n昨晚，交警在城区查获一名醉驾男子。\n责任编辑：王五")
    assert not whole.articles[0].truncated


@pytest.mark.parametrize("line, names", [("记者 张三 李四 发自北京", ["张三", "李四"]),
                                         ("示例日报记者 张三 通讯员 李四", ["张三", "李四"])])
def test_a_sending_place_and_an_outlet_glued_to_its_reporter_are_no_names(line, names):
    assert headers.BYLINE.match(line)
    assert [name for _s, _e, name, _r in headers.byline_authors(line)] == names


@pytest.mark.parametrize("line, kind", [
    ("示例网>>法治>>正文", "nav"), ("示例报 > 社会", "nav"), ("小字号", "widget"), ("字号", "widget"),
    ("（作者单位：示例县人民检察院）", "editor"), ("（作者系示例县人民检察院检察官）", None)])
def test_crumbs_font_widgets_and_an_affiliation_line(line, kind):
    assert chrome.line_kind(line) == kind


def test_a_note_on_the_author_closes_an_article():
    doc = split("读书有感\n一本好书让人受益终身。\n（作者系示例大学法学院教授）")
    assert not doc.articles[0].truncated


def test_a_public_account_is_the_outlet_of_its_date_line():
    assert chrome.meta_line("示例警方 2022-04-01 20:15 发表于浙江")["outlet"] == "示例警方"


def test_a_byline_above_the_headline_of_a_web_page():
    doc = split("示例新闻记者 江河\n2023-01-05 08:00 来源：示例新闻\n男子酒后驾车撞上护栏 被吊销驾照\n"
                "近日，一男子酒后驾车撞上道路护栏，被依法吊销机动车驾驶证。")
    article = doc.articles[0]
    assert article.title == "男子酒后驾车撞上护栏 被吊销驾照"
    assert [(a.name, a.role) for a in article.authors] == [("江河", "reporter")]


@pytest.mark.parametrize("lead, names, dateline", [
    ("【示例时报报道 记者 江河】近日，某地警方破获一起案件。", [("江河", "reporter")], "【示例时报报道 记者 江河】"),
    ("（记者 江河 通讯员 林木）近日，某地警方破获一起案件。", [("江河", "reporter"), ("林木", "correspondent")], None),
    ("示例广播网杭州5月6日消息（记者江河）近日，某地警方破获一起案件。", [("江河", "reporter")], "示例广播网杭州5月6日消息"),
    ("本报综合报道 近日，某地警方破获一起案件。", [], "本报综合报道"),
])
def test_more_dateline_forms(lead, names, dateline):
    article = split("某地警方破获一起案件\n" + lead).articles[0]
    assert [(a.name, a.role) for a in article.authors] == names and article.dateline == dateline


@pytest.mark.parametrize("byline, names", [
    ("示例日报客户端 | 记者 江河", [("江河", "reporter")]), ("示例新闻记者 | 江河", [("江河", "reporter")]),
    ("记者｜江河", [("江河", "reporter")]), ("文|江河", [("江河", "other")]),
    ("记者 江河 通讯员 林木 文/图", [("江河", "reporter"), ("林木", "correspondent")])])
def test_bylines_with_bars_and_a_closing_credit(byline, names):
    article = split(f"某地警方破获一起案件\n{byline}\n近日，某地警方破获一起案件。").articles[0]
    assert article.title == "某地警方破获一起案件"
    assert [(a.name, a.role) for a in article.authors] == names


@pytest.mark.parametrize("tail", ["【责任编辑：王五】", " 编辑：王五 审核：赵六", "（编辑：王五）"])
def test_an_editor_note_glued_to_the_last_paragraph_is_chrome(tail):
    doc = split("男子醉驾被查\n2023-03-02 09:15\n昨晚，交警在城区查获一名醉驾男子。" + tail)
    article = doc.articles[0]
    assert not article.truncated and doc.chrome[-1][2] == "editor"
    assert doc.clean[article.paragraphs[-1][0]:article.paragraphs[-1][1]].endswith("醉驾男子。")


def test_a_sentence_about_an_editor_keeps_its_words():
    doc = split("编辑部来信\n读者来信称，编辑：请关注小区停车难问题")
    assert not doc.chrome


@pytest.mark.parametrize("line, published, outlet", [
    ("05-06 10:00", None, None), ("2小时前", None, None), ("昨天 10:00", None, None),
    ("2023-05-06 10:00 · 示例网", date(2023, 5, 6), "示例网"), ("示例网 · 2023-05-06", date(2023, 5, 6), "示例网"),
    ("示例网 2023年5月6日 10:00 阅读 1.2万", date(2023, 5, 6), "示例网")])
def test_date_lines_without_a_year_with_dots_or_counts(line, published, outlet):
    found = chrome.meta_line(line)
    assert found is not None and found.get("published") == published and found.get("outlet") == outlet


def test_a_time_without_a_year_is_no_headline():
    doc = split("男子盗窃电瓶被抓\n05-06 10:00\n近日，某地一男子盗窃电瓶被抓。")
    assert doc.articles[0].title == "男子盗窃电瓶被抓" and doc.published is None


@pytest.mark.parametrize("widget", ["资料图", "视频加载中...", "听新闻"])
def test_a_photo_note_or_a_player_under_the_headline_is_no_title(widget):
    doc = split(f"男子冒充民警诈骗老人被抓\n{widget}\n近日，某地一男子冒充民警诈骗老人钱财被抓。")
    assert [(a.kicker, a.title) for a in doc.articles] == [(None, "男子冒充民警诈骗老人被抓")]


def test_a_section_number_of_a_feature_stays_in_its_article():
    assert chrome.line_kind("2") is None


def test_a_wire_dateline_beside_the_date_is_part_of_the_date_line():
    assert chrome.meta_line("2023-10-13 16:20 中央社 台北13日电") == {"published": date(2023, 10, 13), "outlet": "中央社"}
    doc = split("颱風來襲 多處道路封閉\n2023-10-05 16:20 中央社 台北5日電\n（中央社記者林一台北5日電）颱風今天登陸，多處道路封閉。")
    assert doc.articles[0].title == "颱風來襲 多處道路封閉"


def test_a_two_crumb_trail_ending_in_the_article_mark_is_navigation():
    assert chrome.line_kind("法治 > 正文") == "nav"
