"""Article headers: bylines with credits and separators, datelines in more forms, digest tags."""

from __future__ import annotations

import pytest

from pipeline.stages import headers
from tests.stages.test_chrome import split


@pytest.mark.parametrize("line, names", [
    ("文/图 本报记者 吴桐", [("吴桐", "reporter")]),
    ("文/图 张三", [("张三", "other")]),
    ("记者 苗青 / 通讯员 方园 黄河", [("苗青", "reporter"), ("方园", "correspondent"), ("黄河", "correspondent")]),
    ("本报记者 白露 □本报通讯员 霍华", [("白露", "reporter"), ("霍华", "correspondent")]),
    ("本报记者张晨 实习生李蕾 特约记者王刚报道", [("张晨", "reporter"), ("李蕾", "other"), ("王刚", "reporter")]),
])
def test_byline_lines_with_credits_and_separators(line, names):
    assert headers.BYLINE.match(line)
    assert [(n, r) for _s, _e, n, r in headers.byline_authors(line)] == names


def test_byline_line_is_not_taken_for_the_title():
    doc = split("“小巷管家”守护街巷平安\n发布时间：2024-04-02 16:20:11\n文/图 本报记者 吴桐\n"
                "3月下旬以来，某街道组建“小巷管家”队伍，每天在辖区巡查。")
    [article] = doc.articles
    assert article.title == "“小巷管家”守护街巷平安"
    assert [(a.name, a.role) for a in article.authors] == [("吴桐", "reporter")]


@pytest.mark.parametrize("lead, mark, outlet, names", [
    ("澳門日報消息：司法警察局前日破獲一宗詐騙案，拘捕一名男子。", "澳門日報消息", "澳門日報", []),
    ("【大公報訊】記者李安報道：警方前日展開反毒行動，拘捕兩名男子。", "【大公報訊】", "大公報", [("李安", "reporter")]),
])
def test_hong_kong_and_macau_datelines(lead, mark, outlet, names):
    doc = split("警方破獲詐騙案\n2022年8月5日 星期五\n" + lead)
    [article] = doc.articles
    assert article.dateline == mark and article.outlet == outlet
    assert [(a.name, a.role) for a in article.authors] == names


def test_digest_tag_with_spaces_around_the_bar():
    doc = split("简讯\n公安｜全省公安机关开展专项行动，侦破案件1200余起。\n法院 | 省高级人民法院启用智慧诉讼服务平台。")
    assert [a.title for a in doc.articles] == ["公安", "法院"]


def test_bracketed_report_credit_is_a_dateline_and_a_signature_date_closes_a_release():
    doc = split("海關檢獲大批冒牌手袋\n2021年11月19日 星期五\n【示例日報報道】海關前日在碼頭檢獲一批冒牌手袋，拘捕一名男子。")
    assert doc.articles[0].dateline == "【示例日報報道】" and doc.articles[0].outlet == "示例日報"
    doc = split("关于开展电动自行车登记的通告\n发布日期：2021-04-16 信息来源：市公安局 【字体：大 中 小】\n"
                "为加强管理，现通告如下： 特此通告。 某市公安局 2021年4月15日\n主办：某市公安局 技术支持：某某科技")
    [article] = doc.articles
    assert article.truncated is False and article.outlet == "市公安局"
    assert [k for _s, _e, k in doc.chrome] == ["meta", "footer"]


def test_outlet_reporter_byline_lone_tags_and_end_marks():
    doc = split("外卖骑手被拖欠工资 仲裁帮其讨回\n示例新闻记者 鲁迅行\n2021-05-06 19:20 来源：示例新闻\n"
                "5月6日，记者从市劳动人事争议仲裁院获悉，该院为12名骑手追回工资8万余元。（完）")
    [article] = doc.articles
    assert article.title == "外卖骑手被拖欠工资 仲裁帮其讨回" and article.truncated is False
    assert [(a.name, a.role) for a in article.authors] == [("鲁迅行", "reporter")]
    doc = split("政法简讯\n【广州】\n市中级人民法院发布知识产权审判白皮书。\n【深圳】\n市公安局开展“守护夜”行动。")
    assert [a.title for a in doc.articles] == ["广州", "深圳"]


def test_font_widget_and_read_more_link_are_chrome():
    doc = split("男子盗窃手机被抓现行\n2023-07-19 11:02:45  来源：示例晚报\n【大 中 小】\n"
                "7月17日下午，一名男子在服务区盗窃手机被民警当场抓获。该男子专挑\n点击查看全文")
    [article] = doc.articles
    assert article.truncated is True and [k for _s, _e, k in doc.chrome] == ["meta", "widget", "widget"]


def test_outlet_before_a_byline_and_a_programme_after_a_dateline():
    doc = split("詐團冒用公務員名義行騙 檢方起訴5人\n中國時報 記者 王曉明／台北報導\n2022/08/05 04:10\n"
                "台北地檢署偵辦一起假冒公務員詐騙案，今依詐欺等罪起訴5名被告。")
    [article] = doc.articles
    assert article.title == "詐團冒用公務員名義行騙 檢方起訴5人" and article.outlet == "中國時報"
    assert [(a.name, a.role) for a in article.authors] == [("王曉明", "reporter")]
    doc = split("多地开展宣传月活动\n示例视网消息（晚间新闻）：连日来，多地开展防范非法集资宣传月活动。")
    [article] = doc.articles
    assert (article.dateline, article.outlet, article.authors) == ("示例视网消息", "示例视网", [])
    doc = split("男子冒充网红售假被判刑\n红星新闻记者 万里 实习记者 晴川\n4月5日，记者从某区人民法院获悉此案。")
    assert [(a.name, a.role) for a in doc.articles[0].authors] == [("万里", "reporter"), ("晴川", "reporter")]


@pytest.mark.parametrize("lead, mark, outlet", [
    ("（星島日報報道）元朗今晨發生一宗交通意外，私家車司機當場死亡。", "（星島日報報道）", "星島日報"),
])
def test_outlet_credit_opening_the_lead_is_a_dateline(lead, mark, outlet):
    doc = split("元朗發生車禍 一死兩傷\n2024年1月15日\n" + lead)
    assert (doc.articles[0].dateline, doc.articles[0].outlet) == (mark, outlet)


@pytest.mark.parametrize("line, names", [
    ("法治日报全媒体记者 董柳", [("董柳", "reporter")]),
    ("本报记者 雷鸣 摄影报道", [("雷鸣", "reporter")]),
])
def test_media_reporters_and_photo_reports(line, names):
    assert headers.BYLINE.match(line)
    assert [(n, r) for _s, _e, n, r in headers.byline_authors(line)] == names


def test_an_office_named_as_author_is_no_person_and_tags_in_hollow_brackets():
    doc = split("男子冒充军官诈骗被判刑\n2020年06月30日 14:22:10 来源：示例法院网\n作者：区法院 宣传科\n"
                "6月29日，区人民法院公开宣判一起诈骗案。")
    assert doc.articles[0].authors == []
    doc = split("政法快讯\n〖江西〗省公安厅部署开展专项行动。\n〖湖南〗省法院发布典型案例。")
    assert [a.title for a in doc.articles] == ["江西", "湖南"]
    assert headers.is_person("赵一鸣") and not headers.is_person("区法院")
