"""Government and organ sites: a release's metadata table (索引号, 发布机构, 成文日期, 发布日期) is
chrome and its 发布日期 the page's date; the browser title ``站名 - 首页 - 频道``; ``X在线讯`` datelines;
an outlet named beside the date; on an organ's own site the organ is the outlet, not a department
or another organ that a 来源 or 发布机构 field names (the medium that published the page).
All pages are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.stages import chrome, metalines
from tests.stages.test_chrome import split

# The table under the headline, one field a line, 信息来源 and 文号, spaced labels.
TABLE_BELOW = """示例县人民政府
首页 > 信息公开 > 工作动态
县市场监管局开展春季食品安全专项检查
索 引 号：0000-2026-00031
信息来源：示例县市场监督管理局
文　　号：示市监〔2026〕4号
成文日期：2026-03-09
公开日期：2026-03-11
3月上旬，县市场监管局对全县学校食堂和校外托管机构开展专项检查，共检查单位86家。
检查中发现问题隐患23处，已全部督促整改到位。
【打印本页】　【关闭窗口】"""

# The table above the headline, two fields a line, 发文机关, then the signature and a footer.
TABLE_ABOVE = """示例市司法局
当前位置：首页 > 通知公告
发文机关：示例市司法局　　主题分类：司法、公共法律服务
成文日期：2026-05-20　　发布日期：2026-05-22
示例市司法局关于开展“法律明白人”培训的通知
各区县司法局：
为提升基层法治宣传水平，市局决定于6月组织“法律明白人”集中培训，请各单位按名额报送人员。
示例市司法局
2026年5月20日
主办：示例市司法局　　网站标识码：0000000001"""

# Only the date written: no publication date is made up from it.
WRITTEN_ONLY = """示例区人民政府
首页 > 政务公开
索引号：XQ-2025-118　　发布机构：示例区应急管理局
成文日期：2025-11-02
区应急管理局部署冬季消防安全检查
11月初，区应急管理局召开会议，部署辖区冬季消防安全检查工作。"""


def test_a_release_table_under_the_headline_is_chrome_and_gives_date_and_outlet():
    doc = split(TABLE_BELOW)
    assert [a.title for a in doc.articles] == ["县市场监管局开展春季食品安全专项检查"]
    article = doc.articles[0]
    assert doc.published == date(2026, 3, 11) and article.published == date(2026, 3, 11)
    assert article.outlet == "示例县人民政府"  # the site publishes; 信息来源 names who wrote it
    body = "".join(doc.clean[start:end] for start, end in article.paragraphs)
    assert "索" not in body and "文号" not in body and "3月上旬" in body


def test_a_release_table_above_the_headline_is_chrome_not_a_title():
    doc = split(TABLE_ABOVE)
    assert [a.title for a in doc.articles] == ["示例市司法局关于开展“法律明白人”培训的通知"]
    assert doc.published == date(2026, 5, 22)  # 发布日期, not 成文日期 (2026-05-20)
    assert doc.articles[0].outlet == "示例市司法局"
    assert sum(kind == "meta" for _s, _e, kind in doc.chrome) >= 2


def test_a_date_written_is_not_the_date_published():
    doc = split(WRITTEN_ONLY)
    assert [a.title for a in doc.articles] == ["区应急管理局部署冬季消防安全检查"]
    assert doc.published is None and doc.articles[0].outlet == "示例区人民政府"


@pytest.mark.parametrize("line, found", [
    ("成文日期：2024-02-01　　发布日期：2024-02-03", {"published": date(2024, 2, 3)}),
    ("发文机关：示例省公安厅　　文号：无", {"outlet": "示例省公安厅"}),
    ("主题分类：公安　　体裁分类：通知", {}),
    ("发布日期：113-04-22", {"published": date(2024, 4, 22)}),  # a ROC year on a Taiwan portal
])
def test_release_fields(line, found):
    assert metalines.meta_line(line) == found


@pytest.mark.parametrize("line", ["发布日期：2024-02-03 点击：12", "信息来源于群众举报，警方立即出警"])
def test_a_line_with_other_labels_is_no_release_table(line):
    assert metalines.release_fields(line) is None


@pytest.mark.parametrize("line, published", [
    ("成文日期：2024-02-01 来源：示例县公安局 发布时间：2024-02-03 09:30", date(2024, 2, 3)),
    ("成文日期：2024-02-01 点击：12", None),  # not a release table (点击), and still no page date
    ("印发日期：2024-02-01 来源：示例县公安局", None),
    ("来源：示例县公安局 2024-02-05 10:20", date(2024, 2, 5)),
])
def test_a_date_line_reads_the_release_tables_date_labels(line, published):
    """One reader of the table's labels: a published label dates the page, a written one never."""
    assert (metalines.meta_line(line) or {}).get("published") == published


@pytest.mark.parametrize("line", ["示例法治在线 - 首页 - 平安频道", "示例晚报—首页—社会新闻", "示例网_首页"])
def test_a_browser_title_with_the_home_page_is_navigation(line):
    assert chrome.line_kind(line) == "nav"


def test_a_headline_with_a_dash_is_no_browser_title():
    assert chrome.line_kind("男子冒充首页客服 - 骗走3万元") is None


WEB_PAGE = """示例法治在线 - 首页 - 平安频道
县交警查处一批超载货车
2025-04-02 10:15　来源：示例法治在线　作者：周原
示例法治在线讯（记者 周原 通讯员 韩青）4月1日，县交警大队在国道沿线查处超载货车12辆。
民警提醒驾驶人遵守限载规定。"""


def test_a_site_dateline_names_its_reporters_and_the_browser_title_is_no_kicker():
    article = split(WEB_PAGE).articles[0]
    assert article.title == "县交警查处一批超载货车" and article.kicker is None
    assert article.dateline == "示例法治在线讯"
    assert [(a.name, a.role) for a in article.authors] == [("周原", "reporter"), ("韩青", "correspondent")]


@pytest.mark.parametrize("lead, outlet", [
    ("示例新闻客户端讯（记者 张三 李四）近日，警方破获一起盗窃案。", "示例新闻客户端"),
    ("示例新闻讯（记者 刘明）昨天，法院审结一起诈骗案。", "示例新闻"),
    ("示例在线讯 近日，消防部门开展演练。", "示例在线"),
])
def test_web_and_app_datelines(lead, outlet):
    article = split("标题行\n" + lead).articles[0]
    assert article.dateline == outlet + "讯" and article.outlet == outlet


@pytest.mark.parametrize("line, outlet", [
    ("海灣快訊　2025-02-11 09:40", "海灣快訊"), ("示例资讯 2024-05-06 18:00", "示例资讯"),
    ("示例法治在线 2025-03-01 08:00", "示例法治在线")])
def test_an_outlet_named_beside_the_date_is_the_outlet(line, outlet):
    doc = split(f"海灣快訊\n港澳 > 社會\n司警破獲電騙集團 拘捕三人\n{line}\n【本報訊】司法警察局昨日拘捕三名男子。")
    assert doc.articles[0].title == "司警破獲電騙集團 拘捕三人" and doc.articles[0].outlet == outlet


ORGAN_SITE = """示例省人民检察院
当前位置：首页 > 检察动态
省检察机关通报知识产权检察工作情况
发布时间：2025-04-25　来源：{source}　【字体：大 中 小】
4月25日，省检察院召开新闻发布会，通报去年以来全省知识产权检察工作情况。"""


@pytest.mark.parametrize("source, outlet", [
    ("省院第四检察部", "示例省人民检察院"), ("政治部", "示例省人民检察院"), ("市局宣传处", "示例省人民检察院"),
    ("示例市人民检察院", "示例省人民检察院"),  # another organ contributed the item; the site published it
    ("示例日报", "示例日报"),  # a paper the site carries is the outlet
])
def test_a_department_is_not_the_outlet_of_its_organs_site(source, outlet):
    doc = split(ORGAN_SITE.format(source=source))
    assert doc.articles[0].title == "省检察机关通报知识产权检察工作情况" and doc.articles[0].outlet == outlet


def test_a_department_without_the_organ_on_the_page_stays_the_outlet():
    doc = split(ORGAN_SITE.format(source="省院第四检察部").split("\n", 1)[1])
    assert doc.articles[0].outlet == "省院第四检察部"


@pytest.mark.parametrize("name, department", [
    ("省院第二检察部", True), ("第三检察部", True), ("办公室", True), ("公安部", False),
    ("国务院新闻办公室", False), ("示例县人民检察院", False)])
def test_is_department(name, department):
    assert chrome.is_department(name) is department


SIGNED_NOTICE = """示例县人民法院
当前位置：首页 > 公告通报
关于开展诉讼服务开放日的公告
发布时间：2026-04-02 09:00
本院定于4月10日举办诉讼服务开放日，欢迎群众参加。
示例县人民法院
2026年4月2日"""


def test_a_notice_an_organ_signs_on_its_own_site_has_the_site_as_outlet():
    doc = split(SIGNED_NOTICE)
    assert doc.articles[0].outlet == "示例县人民法院"
    alone = split(SIGNED_NOTICE.split("\n", 2)[2])  # no site named: the signer is no medium
    assert alone.articles[0].outlet is None
