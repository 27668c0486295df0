"""Page chrome and page headers: date/source lines in more forms, widgets, end and cut marks."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.document import Document
from pipeline.stages import chrome, headers
from pipeline.stages.clean import Cleaner
from pipeline.stages.split import ArticleSplitter


def split(text: str, **meta) -> Document:
    doc = Document("d", "s", text, meta=meta)
    for stage in (Cleaner(), ArticleSplitter()):
        doc = stage(doc)
    return doc


@pytest.mark.parametrize("line, published, outlet", [
    ("Posted on Aug 5, 2022 10:32 AM", date(2022, 8, 5), None),
    ("Updated: 2021-11-30 09:00  Source: 示例在线", date(2021, 11, 30), "示例在线"),
    ("2021年9月3日（星期五）", date(2021, 9, 3), None),
    ("2023-04-12 09:31 联合报/ 记者陈怡君/台北即时报导", date(2023, 4, 12), "联合报"),
    ("发布日期：2020-05-06　信息来源：县司法局　浏览次数：1523", date(2020, 5, 6), "县司法局"),
    ("时间：2023年2月17日", date(2023, 2, 17), None),
    ("2020.11.26 来源：示例法院网", date(2020, 11, 26), "示例法院网"),
    ("二〇二三年七月二十二日", date(2023, 7, 22), None),
])
def test_more_date_and_source_line_forms(line, published, outlet):
    found = chrome.meta_line(line)
    assert found is not None and found.get("published") == published
    assert found.get("outlet") == outlet


def test_edition_section_is_not_an_outlet_and_a_time_line_is_meta():
    found = chrome.meta_line("第5版 法院新闻  2020年09月22日")
    assert found == {"published": date(2020, 9, 22)}
    assert chrome.meta_line("香港时间17时05分") == {}
    assert chrome.meta_line("17时许，民警赶到现场") is None


@pytest.mark.parametrize("line, kind", [
    ("您当前的位置：首页 > 新闻中心 > 法治", "nav"), ("点击：368次", "widget"),
    ("完", "end_mark"), ("（未完）", "jump"), ("（未完待续）", "jump"), ("未完的事业", None),
])
def test_line_kinds(line, kind):
    assert chrome.line_kind(line) == kind


@pytest.mark.parametrize("text, day", [
    ("5 August 2022", date(2022, 8, 5)), ("Aug 5, 2022", date(2022, 8, 5)),
    ("二〇二〇年十二月一日", date(2020, 12, 1)), ("2022年13月5日", None),
])
def test_find_date_in_english_and_chinese_numerals(text, day):
    assert headers.find_date(text) == day


def test_cut_marks_make_an_article_truncated_and_end_marks_close_it():
    cut = split("检察机关护航民营企业发展\n时间：2023年2月17日\n本报讯 记者冷月 今年以来，全省检察机关办理涉企案件2000余件。\n（未完）")
    assert cut.articles[0].truncated is True and cut.published == date(2023, 2, 17)
    dots = split("非法集资案件宣判\n2020.11.26 来源：示例法院网\n法院审理查明，被告人吸收资金共计3亿余元，至案发时……")
    assert dots.articles[0].truncated is True
    closed = split("警方打击非法赌博\n2021年9月3日（星期五）\n香港时间17时05分\n警方今日打击非法赌博活动，拘捕十一人。\n完\n"
                   "2021年9月3日（星期五）")
    assert [a.title for a in closed.articles] == ["警方打击非法赌博"] and closed.articles[0].truncated is False


def test_browser_title_with_a_site_name_and_a_channel_label_are_chrome():
    doc = split("网约车司机拾金不昧获表扬_示例网\n网约车司机拾金不昧 乘客送锦旗致谢\n来源：示例晚报 作者：赵一鸣 2023-09-15 08:45\n"
                "9月13日，乘客王女士将一面锦旗送到某网约车平台，感谢司机归还其钱包。")
    [article] = doc.articles
    assert article.title == "网约车司机拾金不昧 乘客送锦旗致谢" and article.kicker is None
    doc = split("【法治】\n2020年12月01日 08:12:33 | 来源：示例法制网 | 作者：谷雨\n县检察院对一起非法捕捞案提起公益诉讼\n"
                "近日，县人民检察院对一起非法捕捞水产品案件提起公益诉讼。")
    [article] = doc.articles
    assert article.kicker is None and doc.chrome[0][2] == "column"


def test_epaper_page_header_with_bullets_names_titles_and_starts_articles():
    doc = split("示例法治报 2023年6月14日 星期三\n第03版：综合新闻\n本版导读\n·夏季治安打击整治行动启动\n·法律援助惠及农民工\n"
                "夏季治安打击整治行动启动\n首周抓获违法犯罪嫌疑人200余名\n本报记者 秦川\n6月以来，市公安局部署开展行动。\n下转第四版\n"
                "法律援助惠及农民工\n（上接第一版）\n今年以来，市法律援助中心共为农民工讨回欠薪600余万元。")
    assert [(a.title, a.subtitle, a.truncated) for a in doc.articles] == [
        ("夏季治安打击整治行动启动", "首周抓获违法犯罪嫌疑人200余名", True), ("法律援助惠及农民工", None, False)]


def test_bulleted_items_with_the_headline_on_the_same_line():
    doc = split("本期关注\n●市检察院开展检察开放日活动 10月9日，市检察院邀请人大代表走进检察机关。\n"
                "●区法院开通网上立案“绿色通道” 区人民法院近日开通网上立案“绿色通道”，提供上门立案服务。")
    assert [a.title for a in doc.articles] == ["市检察院开展检察开放日活动", "区法院开通网上立案“绿色通道”"]
    assert doc.chrome[0][2] == "column"


def test_date_line_with_print_widgets_keywords_and_link_footer():
    doc = split("网络主播偷逃税款被追缴\n时间：2021-10-08 10:21:33 作者：刘晓 来源：示例法制网 【打印】【关闭】\n"
                "近日，某市税务部门追缴税款、加收滞纳金并处罚款共计600余万元。\n关键词：网络主播 偷逃税款\n"
                "本文链接：https://news.example.org/c/1.html")
    [article] = doc.articles
    assert doc.published == date(2021, 10, 8) and article.outlet == "示例法制网"
    assert [(a.name, a.role) for a in article.authors] == [("刘晓", "other")] and article.truncated is False
    assert [k for _s, _e, k in doc.chrome] == ["meta", "widget", "footer"]
    assert chrome.meta_line("Published: 15 Jun 2023 09:12") == {"published": date(2023, 6, 15)}


def test_a_copyright_footer_does_not_close_a_cut_off_article():
    doc = split("县法院集中清理涉企积案\n2022-04-12 来源：示例日报\n今年以来，县人民法院共清理长期未结案件120余件，其中\n"
                "版权所有 示例日报社 未经授权不得转载")
    assert doc.articles[0].truncated is True


def test_crumbs_broken_into_lines_are_navigation():
    doc = split("首页\n-\n消费\n快递柜“超时费”引争议 消协：应充分告知\n2021年07月02日 09:30\n"
                "本报讯（记者 闵行）近日，不少市民反映快递柜会收取“超时费”。")
    [article] = doc.articles
    assert article.title == "快递柜“超时费”引争议 消协：应充分告知" and article.kicker is None
    assert [k for _s, _e, k in doc.chrome][:3] == ["nav", "nav", "nav"]


def test_bulleted_headline_above_a_dateline_is_a_headline():
    doc = split("法治快讯\n■ 县法院开展执行“夏季攻势”\n本报讯 6月以来，县人民法院执结案件300余件。\n\n"
                "■ 县检察院召开公益诉讼听证会\n本报讯 近日，县人民检察院召开公开听证会。")
    assert [(a.title, a.dateline) for a in doc.articles] == [("县法院开展执行“夏季攻势”", "本报讯"),
                                                           ("县检察院召开公益诉讼听证会", "本报讯")]


@pytest.mark.parametrize("line, published, outlet", [
    ("作者：齐心　　来源：《示例日报》　　2022-03-01", date(2022, 3, 1), "示例日报"),
    ("《示例日报海外版》（2022年08月05日 第 04 版）", date(2022, 8, 5), "示例日报海外版"),
    ("原创 示例检察 示例检察院 2023-07-06 18:30 发表于江苏", date(2023, 7, 6), "示例检察院"),  # the account is the outlet
])
def test_outlets_in_title_marks_edition_notes_and_account_lines(line, published, outlet):
    found = chrome.meta_line(line)
    assert found is not None and found.get("published") == published and found.get("outlet") == outlet


def test_a_headline_with_two_words_and_a_date_is_no_date_line():
    assert chrome.meta_line("全市法院 召开会议 2023-07-06") is None
    assert chrome.line_kind("【我要纠错】") == "correction"


def test_english_headline_credit_line_and_brief_column():
    doc = split("Police arrest three over online fraud\n警方拘捕三人涉網上詐騙\n2023年3月22日\n"
                "警方昨日拘捕三名涉嫌參與網上購物騙案的男子。")
    assert (doc.articles[0].title, doc.articles[0].kicker) == ("警方拘捕三人涉網上詐騙", None)
    doc = split("驾车玩手机撞上护栏 司机被罚\n发布时间：2021年04月22日　来源：交警示例支队\n"
                "4月20日，一辆小客车在快速路上撞上护栏。\n（文：交警示例支队）")
    assert doc.articles[0].truncated is False and doc.chrome[-1][2] == "editor"
    assert chrome.line_kind("法治简报") == "column"


@pytest.mark.parametrize("line, kind", [
    ("点击蓝字 关注我们", "widget"), ("点击上方蓝字关注", "widget"), ("关注", "widget"), ("≡ 新闻", "widget"),
    ("【更多新闻】", "teaser"), ("更多新闻", "teaser"), ("关注民生", None),
])
def test_wechat_and_mobile_widgets_and_a_bracketed_teaser_heading(line, kind):
    assert chrome.line_kind(line) == kind


def test_a_site_name_ending_in_wang_above_a_mobile_headline_is_no_title():
    """示例快讯网 over the app banner and the headline: the site's name, not the title."""
    doc = split("示例快讯网\n打开APP\n示例市警方破获一起走私冻品案\n示例快讯网 2026-03-05 14:22\n"
                "记者5日获悉，示例市公安局近日破获一起走私冻品案，抓获犯罪嫌疑人26名。")
    assert [a.title for a in doc.articles] == ["示例市警方破获一起走私冻品案"]


def test_a_headline_list_after_benban_daodu_may_word_a_headline_otherwise():
    """本版导读 lists 示例区：守护岸线安全 for the article headed 岸线巡逻常态化: the whole block up
    to the blank line is the page's headline list, not an article."""
    doc = split("示例法治报 2024年11月15日 星期五\n第A04版：政法\n本版导读\n示例市破获侵财案件6200余起\n"
                "示例区：守护岸线安全\n\n示例市破获侵财案件6200余起\n本报讯 今年以来，示例市公安机关破获侵财案件6200余起。\n\n"
                "岸线巡逻常态化\n本报讯 入汛以来，示例区水上巡逻队累计救助落水群众9人。")
    assert [a.title for a in doc.articles] == ["示例市破获侵财案件6200余起", "岸线巡逻常态化"]


def test_a_government_pages_table_is_chrome_and_its_signature_date_is_text():
    # The disclosure table (索引号, 成文日期/发布日期) is chrome and dates the page by 发布日期; the
    # date under the release's signature is text (a DATE of the release), not a date line.
    doc = split("示例县人民政府\n索引号：11130100XY/2024-00315　　发布机构：示例县公安局\n"
                "成文日期：2024-03-08　　发布日期：2024-03-09\n主题分类：公安　　文号：无\n"
                "示例县公安局通报春季整治行动成果\n行动开展以来，全县共破获刑事案件86起。\n"
                "示例县公安局\n2024年3月8日")
    assert doc.published == date(2024, 3, 9)
    chrome_text = [doc.clean[s:e] for s, e, _k in doc.chrome]
    assert any(t.startswith("索引号") for t in chrome_text)
    assert any(t.startswith("成文日期") for t in chrome_text)
    assert not any("2024年3月8日" in t for t in chrome_text)


@pytest.mark.parametrize("line, outlet", [
    ("转自：示例东部法治报　作者：王某", "示例东部法治报"),
    ("转载自：《示例晚报》", "示例晚报"),
])
def test_a_reposted_from_line_names_the_outlet(line, outlet):
    """转自：X报 is a source line like 来源：X报: its outlet, and no place of the article (示例东部法治报
    must not put a 株洲 court report into a district named like the paper)."""
    assert chrome.meta_line(line)["outlet"] == outlet
