"""Real pages: chrome, datelines and bylines, digests, traditional script and scraping noise."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.document import Document
from pipeline.evaluation.articles import evaluate_articles
from pipeline.stages import chrome, headers
from pipeline.stages.clean import Cleaner
from pipeline.stages.layout import noise_spans, simplified_view
from pipeline.stages.split import ArticleSplitter, SentenceSplitter

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def split(text: str, **meta) -> Document:
    doc = Document("d", "s", text, meta=meta)
    for stage in (Cleaner(), ArticleSplitter(), SentenceSplitter()):
        doc = stage(doc)
    return doc


WEB = ("首页 > 法治 > 正文\n示例县破获一起盗窃案\n2022年08月05日 15:40 来源：示例日报\n分享到：\n"
       "本报讯 记者甲乙丙 通讯员丁戊 近日，示例县公安局破获一起盗窃案，抓获嫌疑人3名。\n"
       "(完)\n责任编辑：某某\n【纠错】\n相关阅读\n另一条新闻标题\n版权所有 示例日报社")


def test_web_page_chrome_is_listed_and_kept_out_of_articles():
    doc = split(WEB)
    assert [a.title for a in doc.articles] == ["示例县破获一起盗窃案"]
    kinds = [kind for _s, _e, kind in doc.chrome]
    assert kinds == ["nav", "meta", "widget", "end_mark", "editor", "correction", "teaser",
                     "teaser", "footer"]
    for s, e, _kind in doc.chrome:
        assert not any(s < sent.end and sent.start < e for sent in doc.sentences)
    article = doc.articles[0]
    assert article.published == date(2022, 8, 5) and doc.published == date(2022, 8, 5)
    assert article.outlet == "示例日报" and article.dateline == "本报讯"
    assert [(a.name, a.role) for a in article.authors] == [("甲乙丙", "reporter"), ("丁戊", "correspondent")]
    assert article.truncated is False  # (完) closes it


@pytest.mark.parametrize("line, published, outlet", [
    ("2022年08月05日 15:40 来源：中国新闻网", date(2022, 8, 5), "中国新闻网"),
    ("2023-08-04 13:07:33", date(2023, 8, 4), None),
    ("南方日报 2020-07-13 06:21", date(2020, 7, 13), "南方日报"),
    ("16.05.2016 05:30", date(2016, 5, 16), None),
    ("发布时间：2021-03-02 来源：区司法局 作者：赵小兰", date(2021, 3, 2), "区司法局"),
    ("法治日报 2021年11月2日 星期二", date(2021, 11, 2), "法治日报"),
])
def test_date_and_source_lines(line, published, outlet):
    found = chrome.meta_line(line)
    assert found is not None and found.get("published") == published
    assert found.get("outlet") == outlet


@pytest.mark.parametrize("line", ["2022年全市法院审结案件十万件", "县公安局破获一起网络赌博案",
                                  "2022年7月3日14时许，我局接群众报警称，某小区门口发生纠纷。"])
def test_headlines_and_sentences_are_not_date_lines(line):
    assert chrome.meta_line(line) is None


@pytest.mark.parametrize("lead, mark, names", [
    ("中新网8月5日电 (记者 王明) 记者从当地警方获悉，案件告破。", "中新网8月5日电", [("王明", "reporter")]),
    ("新华社杭州7月10日电（记者 钱江）记者10日获悉，工作推进。", "新华社杭州7月10日电", [("钱江", "reporter")]),
    ("法治网讯 记者刘洋 通讯员何平 日前，检察院提起公诉。", "法治网讯", [("刘洋", "reporter"), ("何平", "correspondent")]),
    ("【本报综合报道】 多地法院发布报告，数量增长。", "【本报综合报道】", []),
    ("又讯 县公安局近日开展检查，排查隐患。", "又讯", []),
    ("据新华社北京1月6日电（记者李光茹）会议提出，要深化改革。", "据新华社北京1月6日电", [("李光茹", "reporter")]),
])
def test_dateline_forms(lead, mark, names):
    doc = split("一条示例标题\n" + lead)
    article = doc.articles[-1]
    assert article.dateline == mark
    assert [(a.name, a.role) for a in article.authors] == names


def test_byline_with_reporting_suffix_and_several_roles():
    assert [n for _s, _e, n, _r in headers.byline_authors("记者李志明 周家豪报道")] == ["李志明", "周家豪"]
    found = headers.byline_authors("本报记者 冯涛 本报通讯员 秦岭 实习生 李晓")
    assert [(n, r) for _s, _e, n, r in found] == [("冯涛", "reporter"), ("秦岭", "correspondent"),
                                                 ("李晓", "other")]


def test_digest_tags_and_briefs_are_articles():
    doc = split("简讯\n【江苏】省检察院发布白皮书，数量上升。\n【浙江】省法院召开发布会。此外，还发布了案例。\n"
                "本报讯 县公安局举办开放日活动。\n又讯 县公安局开展消防检查。")
    assert [a.title for a in doc.articles] == ["江苏", "浙江", "", ""]
    assert [a.dateline for a in doc.articles] == [None, None, "本报讯", "又讯"]
    assert doc.chrome[0][2] == "column"


def test_epaper_headline_list_edition_line_and_jump():
    doc = split("第02版：要闻\n标题甲乙丙\n标题丁戊己\n标题甲乙丙\n本报讯 第一篇内容，完整。\n"
                "标题丁戊己\n本报讯 第二篇内容，还没有写完，\n下转第二版")
    assert [a.title for a in doc.articles] == ["标题甲乙丙", "标题丁戊己"]
    assert [a.truncated for a in doc.articles] == [False, True]
    assert [k for _s, _e, k in doc.chrome] == ["meta", "page_header", "page_header", "jump"]


def test_editor_line_closes_an_article_without_full_stop():
    doc = split("标题甲乙丙\n本报讯 正文内容，没有句号\n责任编辑：某某")
    assert doc.articles[0].truncated is False
    assert split("标题甲乙丙\n本报讯 正文内容，没有句号").articles[0].truncated is True


def test_traditional_page_is_read_through_a_simplified_view_at_the_same_offsets():
    text = "警方破獲跨境詐騙集團\n記者 陳美玲 報道\n【本報訊】警方昨日採取行動，拘捕12人。"
    assert len(simplified_view(text)) == len(text)
    doc = split(text)
    article = doc.articles[0]
    assert article.title == "警方破獲跨境詐騙集團"
    assert [(a.name, a.role) for a in article.authors] == [("陳美玲", "reporter")]
    assert article.dateline == "【本報訊】"


def test_html_leftovers_and_spaced_lines_are_dropped_from_clean_text_only():
    text = "<p>市 公 安 局 开 展 巡 逻</p>\n&nbsp;近日，民警开展巡逻。"
    assert noise_spans(text)
    doc = split(text)
    assert doc.clean == "市公安局开展巡逻\n近日，民警开展巡逻。"
    assert doc.raw == text
    s, e = doc.raw_span(0, 4)
    assert doc.raw[s:e] == "市 公 安 局"


def test_one_article_page_takes_the_inputs_title():
    doc = split("正文第一句，内容完整。", title="给定的标题")
    assert doc.articles[0].title == "给定的标题"


def test_fixture_pages_split_right():
    scores = evaluate_articles(PAGES.parent / "pages.gold.jsonl", [PAGES])
    assert scores["pages"] >= 40
    assert scores["pages_split_right"] >= 0.9 * scores["pages"]
    assert scores["articles_precision"] >= 0.95 and scores["articles_recall"] >= 0.95
    found, dated = map(int, scores["dates_found"].split("/"))
    assert found >= 0.9 * dated


def test_headline_with_exclamation_above_a_dash_subtitle_or_the_date_line():
    doc = split("新闻详情\n“钱终于追回来了！”\n——经侦支队追赃工作侧记\n2023年01月09日 来源：示例日报\n"
                "“钱终于追回来了！”1月6日，经侦支队举行返还仪式。")
    assert [(a.title, a.subtitle) for a in doc.articles] == [("“钱终于追回来了！”", "——经侦支队追赃工作侧记")]
    doc = split("严打犯罪，守护平安\n2023-01-09 10:00\n近日，示例县开展专项行动，效果明显。")
    assert [a.title for a in doc.articles] == ["严打犯罪，守护平安"]


def test_site_line_outlet_bylines_and_names_after_a_dateline():
    doc = split("示例日报 - 示例网\n示例网记者 周宇 通讯员 赵强\n开庭前，法官组织双方调解，最终促成和解。")
    assert doc.chrome[0][2] == "page_title"
    assert [(a.name, a.role) for a in doc.articles[0].authors] == [("周宇", "reporter"), ("赵强", "correspondent")]
    doc = split("标题甲乙丙\n人民网长沙12月15日电 （刘丹）15日，省里召开发布会。")
    assert [(a.name, a.role) for a in doc.articles[0].authors] == [("刘丹", "other")]


def test_headlines_ending_like_outlets_are_not_site_lines():
    doc = split("你的公司如何上网\n配备好你的电脑硬件和软件，然后再上路。")
    assert doc.chrome == [] and doc.articles[0].title == "你的公司如何上网"


def test_byline_on_the_date_line_of_a_traditional_page():
    doc = split("外國人涉非法勞工案被捕\n2019-05-21 13:05 聯合報 記者張志明／即時報導\n警方昨天在工地查獲5名外籍人士。")
    article = doc.articles[0]
    assert [(a.name, a.role) for a in article.authors] == [("張志明", "reporter")]
    assert article.outlet == "聯合報" and article.published == date(2019, 5, 21)


def test_enumerated_subheads_are_not_headline_lines():
    doc = split("全面提升执法规范化水平\n一、完善制度体系\n市公安局制定执法办案规范30项。\n二、强化监督\n该局每月通报考评结果。")
    assert [a.title for a in doc.articles] == ["全面提升执法规范化水平"]
    assert doc.articles[0].kicker is None


def test_closing_byline_and_credit_lines():
    doc = split("派出所侦破案件百余起\n记者昨日获悉，全市派出所共侦破案件130余起。\n（记者 王五 通讯员 赵六）")
    assert [(a.name, a.role) for a in doc.articles[0].authors] == [("王五", "reporter"), ("赵六", "correspondent")]
    assert doc.articles[0].truncated is False
    doc = split("邊境管制站檢獲毒品\n海關昨日檢獲約兩公斤毒品，一名男子被捕。\n（星島日報報道）")
    assert doc.articles[0].outlet == "星島日報"
    doc = split("农民乐队为群众义演\n农民乐队在元旦为村民演出。\n（新华社记者樊如钧摄）")
    assert doc.articles[0].authors == []  # a photo credit names no author


def test_reporter_dateline_in_brackets():
    doc = split("竊盜慣犯落網\n〔記者王小明／台中報導〕台中市警方日前逮捕一名竊盜慣犯。")
    article = doc.articles[0]
    assert article.dateline == "記者王小明/台中報導"
    assert [(a.name, a.role) for a in article.authors] == [("王小明", "reporter")]


def test_bulleted_digest_items_but_not_bullets_inside_an_article():
    doc = split("政法动态\n▲市法院召开审判委员会会议。\n▲市检察院组织业务竞赛。")
    assert len(doc.articles) == 2 and doc.chrome[0][2] == "column"
    doc = split("企业上网五步走\n新华社记者某某\n第一步是准备设备。\n▲通知你的客户，建立电子邮件记录。\n▲通知你的银行。")
    assert len(doc.articles) == 1


def test_names_written_without_a_space_between_bylines():
    found = headers.byline_authors("新华社记者李争艳本报记者彭嘉陵")
    assert [(n, r) for _s, _e, n, r in found] == [("李争艳", "reporter"), ("彭嘉陵", "reporter")]


def test_a_legal_papers_byline_without_a_space_is_a_byline_with_its_outlet():
    """示例法治报记者 张三 under the headline: a byline (not the title, not a place 示例), the outlet 示例法治报."""
    doc = split("某市两级法院审结案件近4万件\n\n湘南法治报记者 彭小刚\n\n本报讯 12月8日，市中级人民法院通报审判工作情况。")
    article = doc.articles[0]
    assert article.title == "某市两级法院审结案件近4万件"
    assert [(a.name, a.role) for a in article.authors] == [("彭小刚", "reporter")]
    assert article.outlet == "湘南法治报"


def test_a_sites_byline_with_a_space_before_the_role_is_a_byline():
    """示例法治网 记者 张三 under the headline: a byline naming its outlet, not the title."""
    doc = split("某市警方今年破获环境犯罪案件132起\n\n示例法治网 记者 韩小刚\n\n本报讯 今年以来，某市公安机关破获案件132起。")
    article = doc.articles[0]
    assert article.title == "某市警方今年破获环境犯罪案件132起"
    assert [(a.name, a.role) for a in article.authors] == [("韩小刚", "reporter")]
    assert article.outlet == "示例法治网"


def test_junk_glued_to_a_sentence_end_is_dropped():
    doc = split("标题甲乙丙\n警方提醒，高回报投资都是诈骗。Zx8Kq2Lm")
    assert doc.clean.endswith("都是诈骗。") and doc.articles[0].truncated is False


def test_dateline_carrying_the_headline():
    doc = split("中新网北京6月1日电 题：“六一”前夕，他们这样守护孩子\n记者 孙菲\n多地检察机关开展主题活动。")
    article = doc.articles[0]
    assert article.title == "“六一”前夕，他们这样守护孩子"
    assert article.dateline == "中新网北京6月1日电" and article.outlet == "中新网"
    assert [(a.name, a.role) for a in article.authors] == [("孙菲", "reporter")]


def test_masthead_name_above_the_date_line_gives_the_outlet():
    doc = split("示例法治报\n2024年5月8日 星期三\n第3版：法院在线\n网上立案让群众少跑腿\n本报讯 今年一季度，网上立案率达到85%。")
    assert doc.chrome[0][2] == "page_title"
    assert doc.articles[0].outlet == "示例法治报" and doc.articles[0].title == "网上立案让群众少跑腿"
