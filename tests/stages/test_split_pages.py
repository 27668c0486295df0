"""Digest shapes of real pages: numbered items, and numbered lists that stay inside an article."""

from __future__ import annotations

import pytest

from pipeline.stages import chrome
from tests.stages.test_chrome import split


def test_numbered_digest_items_are_articles():
    doc = split("【法治速递】\n1. 最高人民检察院发布一批典型案例。\n2. 公安部部署开展夏季治安打击整治行动。\n"
                "3. 司法部印发关于加强公共法律服务平台建设的意见。")
    assert len(doc.articles) == 3 and doc.chrome[0][2] == "column"


def test_a_numbered_list_under_a_headline_stays_in_its_article():
    doc = split("关于开展电动自行车登记的通告\n为加强管理，现将有关事项通告如下：\n1. 登记对象为未登记的电动自行车。\n"
                "2. 车主可到就近登记点办理。")
    assert len(doc.articles) == 1


def test_an_ellipsis_cuts_an_article_of_a_web_outlet_but_not_a_print_feature():
    web = split("他们这样守护孩子\n示例网北京6月1日电 多地检察机关开展主题活动。据了解，今年以来共办理案件……")
    assert web.articles[0].truncated is True
    feature = split("走访牧奎村\n王忠范\n走出老张家的院子，今冬的太阳是这样温暖……")
    assert feature.articles[0].truncated is False


def test_bulleted_headlines_above_their_text_start_items():
    doc = split("基层动态\n▲县公安局开展反诈宣传进校园\n近日，县公安局民警走进辖区中学讲解诈骗手法。\n"
                "▲县法院巡回法庭走进乡村\n县人民法院巡回法庭近日来到某村审理一起纠纷。")
    assert [a.title for a in doc.articles] == ["县公安局开展反诈宣传进校园", "县法院巡回法庭走进乡村"]


def test_untitled_brief_on_an_epaper_page_is_an_article_but_a_subhead_elsewhere_is_not():
    page = ("全市启动冬季消防安全专项整治\n本报记者 岳阳\n即日起，全市启动为期三个月的冬季消防安全专项整治。\n"
            "派出所民警帮走失老人回家\n12月2日晚，一名八旬老人在街头迷路，民警将老人安全送回家中。")
    assert len(split("第07版：平安建设\n" + page).articles) == 2
    assert len(split(page).articles) == 1


def test_a_brief_run_on_after_a_full_stop_is_an_item_of_its_own():
    doc = split("法治简报\n◆市公证协会开展“公证进社区”活动。又讯 市公证处日前开通老年人办证绿色通道。\n"
                "◆市法律援助中心发布上半年工作情况。")
    assert [a.dateline for a in doc.articles] == [None, "又讯", None]


def test_a_date_glued_to_the_headline_is_cut_off_as_a_date_line():
    """男子盗窃电动车电瓶被刑拘2022-11-03: the title without the date, the date the page's."""
    doc = split("男子盗窃电动车电瓶被刑拘2022-11-03\n11月1日，某派出所接到居民报警，当日即将嫌疑人抓获。")
    assert doc.articles[0].title == "男子盗窃电动车电瓶被刑拘"
    assert str(doc.published) == "2022-11-03" and any(kind == "meta" for _s, _e, kind in doc.chrome)


def test_a_date_source_line_without_colons_is_read():
    """来源示例晚报作者纪律2022-11-03 08:15: outlet, author and date, no colon or space."""
    doc = split("男子盗窃电动车电瓶被刑拘\n来源示例晚报作者纪律2022-11-03 08:15\n"
                "11月1日，某派出所接到居民报警，当日即将嫌疑人抓获。")
    article = doc.articles[0]
    assert (article.outlet, [a.name for a in article.authors]) == ("示例晚报", ["纪律"])
    assert str(article.published) == "2022-11-03"


def test_a_bold_headline_lead_in_brackets_titles_its_item():
    """【县法院召开审判委员会会议】3月2日，…: a lead longer than a place tag is the item's title."""
    doc = split("要闻简报\n【县法院召开审判委员会会议】3月2日，县法院召开会议，研究重大案件3件。\n"
                "【县司法局部署年度普法工作】2月28日，县司法局对全年普法工作作出部署。")
    assert [a.title for a in doc.articles] == ["县法院召开审判委员会会议", "县司法局部署年度普法工作"]


def test_a_transliterated_name_with_a_dot_is_one_author():
    """本报记者 欧阳明月 通讯员 阿依古丽·买买提: the byline, not the title."""
    doc = split("边境派出所守护平安路\n本报记者 欧阳明月 通讯员 阿依古丽·买买提\n"
                "清晨，边境派出所的民警已经开始巡逻。")
    article = doc.articles[0]
    assert article.title == "边境派出所守护平安路"
    assert [(a.name, a.role) for a in article.authors] == [("欧阳明月", "reporter"),
                                                            ("阿依古丽·买买提", "correspondent")]


def test_a_headline_line_ending_in_an_open_verb_runs_on_into_the_next():
    """检察机关开展 / 民事支持起诉专项活动: one title on two lines, not a kicker and a title."""
    doc = split("第03版：政法要闻\n检察机关开展\n民事支持起诉专项活动\n"
                "本报讯 记者舒心 近日，省检察院部署开展民事支持起诉专项活动。\n"
                "让司法更有温度\n巡回法庭开到田间地头\n本报记者 白露\n秋收时节，巡回审判车驶进了村里。")
    assert [(a.kicker, a.title) for a in doc.articles] == [
        (None, "检察机关开展民事支持起诉专项活动"), ("让司法更有温度", "巡回法庭开到田间地头")]


def test_each_titled_photo_on_a_photo_page_is_an_article():
    """图片新闻 / 夜查酒驾 / 6月8日晚，…。 本报记者 钟声 摄 / 普法进校园 / …: one article a photo."""
    doc = split("图片新闻\n夜查酒驾\n6月8日晚，交警在城区主干道开展酒驾整治行动。 本报记者 钟声 摄\n"
                "普法进校园\n6月7日，检察官走进示例中学上法治课。 通讯员 林木 摄")
    assert [(a.kicker, a.title) for a in doc.articles] == [(None, "夜查酒驾"), (None, "普法进校园")]
    assert doc.chrome[0][2] == "column"


def test_plain_paragraphs_under_a_column_line_are_its_items():
    """要闻简报 / 近日，省高院…。此外，… / 省公安厅部署…。: each paragraph an item (此外 stays in)."""
    doc = split("要闻简报\n近日，省高级人民法院召开执行工作推进会。此外，会议还通报了联合惩戒情况。\n"
                "省公安厅部署开展夏季治安打击整治行动。\n日前，省司法局印发通知规范法律服务。")
    assert len(doc.articles) == 3
    untitled = split("近日，省高级人民法院召开执行工作推进会。\n会议还通报了联合惩戒情况。")
    assert len(untitled.articles) == 1


def test_a_site_name_and_home_link_line_is_navigation():
    """示例市场监管网 首页 above the headline is navigation, not a kicker."""
    assert chrome.line_kind("示例市场监管网 首页") == "nav"
    assert chrome.line_kind("回到首页") is None


def test_a_crumb_trail_without_a_home_link_is_navigation():
    """示例新闻网 > 法治频道 > 正文: two or more crumb separators make navigation."""
    assert chrome.line_kind("示例新闻网 > 法治频道 > 正文") == "nav"
    assert chrome.line_kind("收入 > 支出") is None


def test_a_photo_credit_on_its_own_line_is_never_a_headline():
    """图片新闻 / 1、…。 / （姜伟摄影报道） / 2、…。（周振全摄）: two photos, no credit for a title."""
    doc = split("图片新闻\n1、派出所长年开展讲文明活动，方便了警民联系。\n（姜伟摄影报道）\n"
                "2、火车站派出所在售票厅设立警示牌。图为旅客在看警示牌。\n（周振全摄）")
    assert [a.title for a in doc.articles] == ["", ""]
    single = split("北京举行新年音乐会\n首都各界群众欣赏了新年音乐会的精彩节目。\n（新华社记者樊如钧摄）\n"
                   "演出在雄壮的乐曲中拉开帷幕。")
    assert [a.title for a in single.articles] == ["北京举行新年音乐会"]


def test_a_kicker_with_its_subject_is_not_run_on():
    """国务院三峡建委第七次会议召开 / 李鹏主持…: a long kicker ending in a verb stays a kicker."""
    doc = split("国务院三峡建委第七次会议召开\n李鹏主持总结一期建设情况部署二期建设任务\n"
                "本报讯 记者甲乙 会议在北京召开。")
    assert (doc.articles[0].kicker, doc.articles[0].title) == ("国务院三峡建委第七次会议召开",
                                                                "李鹏主持总结一期建设情况部署二期建设任务")


@pytest.mark.parametrize("line, outlet, authors", [
    ("作者：张三2023-05-06来源：示例网", "示例网", "张三"),
    ("发布时间：2023-05-06 10:20:11来源：示例网作者：李四", "示例网", "李四"),
    ("时间：2023年5月6日来源：示例法院网", "示例法院网", None),
])
def test_labelled_values_that_run_together_are_parted(line, outlet, authors):
    """作者：张三2023-05-06来源：示例网: the author, the date and the outlet, each on its own."""
    found = chrome.meta_line(line)
    assert (found.get("outlet"), found.get("authors"), str(found["published"])) == (outlet, authors, "2023-05-06")


@pytest.mark.parametrize("line", ["A07版：法治新闻", "版次：A05 版名：政法新闻 2023-05-16", "第05版：法治新闻 上一版 下一版"])
def test_edition_lines_in_other_shapes_are_read(line):
    """A07版：法治新闻, 版次：A05 版名：…: edition lines; 上一版 下一版 beside one is a widget."""
    doc = split(f"{line}\n餐馆使用过期食材被罚\n本报讯 记者伍德 日前，区市场监管局对一家餐馆作出行政处罚。")
    assert [(a.title, a.kicker) for a in doc.articles] == [("餐馆使用过期食材被罚", None)]
    assert doc.chrome[0][2] == "meta"


def test_page_widgets_of_an_epaper_are_chrome():
    """上一版 下一版 PDF版, 版面导航: widgets, never a kicker; 2023版新规出台 is not an edition."""
    assert chrome.line_kind("上一版 下一版 PDF版") == "widget" and chrome.line_kind("版面导航") == "widget"
    assert chrome.meta_line("2023版新规出台") is None


def test_comments_under_an_article_are_chrome():
    """网友评论 / 山水：支持法院判决！ / 发表评论: chrome, no sentence from them; 评论 alone is a column."""
    doc = split("租客私自转租房屋被判解约\n2023-10-09 来源：示例法治网\n近日，某区人民法院判决解除租赁合同。\n"
                "网友评论\n已有2条评论\n山水：支持法院判决！\n明月：转租要问房东。\n发表评论\n相关文章\n房东私自进屋被判道歉")
    kinds = [kind for _s, _e, kind in doc.chrome]
    assert kinds.count("comment") == 5 and kinds.count("teaser") == 2
    assert all("山水" not in doc.clean[s.start:s.end] for s in doc.sentences)
    assert chrome.line_kind("评论") is None


def test_an_article_closed_by_a_photo_credit_line_is_complete():
    """…奉献在无边的苍穹里。 / （孙久奎摄）: the credit closes the article, it is not cut off."""
    doc = split("飞行表演队的故事\n本报记者 甲乙\n他们把青春无怨无悔地奉献在无边的苍穹里。\n（孙久奎摄）")
    assert doc.articles[0].truncated is False


@pytest.mark.parametrize("byline, name", [("【記者林小明／台中報導】", "林小明"), ("撰文：记者 赵六", "赵六")])
def test_bracketed_and_credited_bylines_name_the_reporter(byline, name):
    """【記者林小明／台中報導】 is a reporter's dateline (not a digest tag); 撰文：记者 赵六 a byline."""
    doc = split(f"警方破獲詐騙集團拘捕五人\n{byline}\n警方昨日採取行動，拘捕五名男子。")
    assert len(doc.articles) == 1 and [a.name for a in doc.articles[0].authors] == [name]


def test_a_headline_leading_a_plain_digest_item_titles_it():
    """法治快讯 / 县法院召开审判管理会议　3月2日，县法院…: the lead before the space is the title."""
    doc = split("法治快讯\n县法院召开审判管理会议　3月2日，县法院召开会议，分析审判运行态势。\n"
                "县检察院开展送法进企业活动　3月1日，县检察院检察官走进工业园区为企业提供法律服务。")
    assert [a.title for a in doc.articles] == ["县法院召开审判管理会议", "县检察院开展送法进企业活动"]


@pytest.mark.parametrize("page, titles", [
    ("基层传真\n【东城】区司法局组织律师为小微企业开展法治体检。\n【西城】区法院在社区设立法官工作室。", ["东城", "西城"]),
    ("镜头\n护学岗\n9月1日，民警在学校门口护送学生入校。 本报记者 关山 摄\n"
     "反诈课堂\n8月30日，民警为社区老人讲解防诈骗知识。 通讯员 明月 摄", ["护学岗", "反诈课堂"]),
])
def test_a_short_line_over_digest_items_or_photos_is_the_column(page, titles):
    """基层传真 over 【东城】… items, 镜头 over titled photos: the column's name, whatever it is."""
    doc = split(page)
    assert [(a.kicker, a.title) for a in doc.articles] == [(None, t) for t in titles]
    assert doc.chrome[0][2] == "column"


@pytest.mark.parametrize("line", ["男子盗窃电瓶被刑拘 2022-11-03 08:15", "【2022-11-03】男子盗窃电瓶被刑拘",
                                  "2022-11-03男子盗窃电瓶被刑拘"])
def test_a_date_beside_the_headline_is_cut_off(line):
    """男子盗窃电瓶被刑拘 2022-11-03 08:15, 【2022-11-03】男子…: the headline, and a date line."""
    doc = split(f"{line}\n11月1日，某派出所接到居民报警，当日即将嫌疑人抓获。")
    assert [a.title for a in doc.articles] == ["男子盗窃电瓶被刑拘"] and str(doc.published) == "2022-11-03"


@pytest.mark.parametrize("line", ["示例县公安局 2021年4月15日", "2019-05-21 13:05 聯合報 記者張志明／即時報導"])
def test_a_signature_or_a_byline_with_its_date_stays_one_date_line(line):
    """示例县公安局 2021年4月15日 (a signer), 2019-05-21 聯合報 記者…: no headline is cut off."""
    doc = split(f"男子盗窃电瓶被刑拘\n{line}\n11月1日，某派出所接到居民报警，当日即将嫌疑人抓获。")
    assert [a.title for a in doc.articles] == ["男子盗窃电瓶被刑拘"]
    assert any(doc.clean[s:e] == line.replace("／", "/") or kind == "meta" for s, e, kind in doc.chrome)


def test_a_bracketed_passing_date_and_a_verb_ending_in_a_signer_character_stay_whole():
    """（1997年12月29日…会议通过） stays one line; 货车司机疲劳驾驶被查处2021年8月19日 loses its date."""
    from pipeline.stages.layout import glued_dates, page_lines

    assert len(glued_dates(page_lines("（1997年12月29日第八届全国人民代表大会常务委员会会议通过）"))) == 1
    parts = glued_dates(page_lines("货车司机疲劳驾驶被查处2021年8月19日"))
    assert [p.text for p in parts] == ["货车司机疲劳驾驶被查处", "2021年8月19日"]


@pytest.mark.parametrize("byline, names", [("记者 林小明 台北报道", ["林小明"]), ("記者 陳大文 香港報道", ["陳大文"]),
                                           ("记者李志明 周家豪报道", ["李志明", "周家豪"])])
def test_a_city_glued_to_the_report_word_is_no_author(byline, names):
    """记者 林小明 台北报道: 台北 is where he reports from; 记者李志明 周家豪报道: 周家豪 is a name."""
    doc = split(f"警方破获诈骗集团拘捕五人\n{byline}\n警方昨日采取行动，拘捕五名男子。")
    assert [a.name for a in doc.articles[0].authors] == names
