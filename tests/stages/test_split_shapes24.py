"""Shapes first seen in ``tests/fixtures/pages_heldout23`` (examples invented): date lines
with share and font widgets and a bare ``发布：`` label, a site's name with its slogan, a public
account's follow prompt, an e-paper guide line, numbered releases with their signatures, a
digest's compiler line, a site's name over an organ's source line."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.stages.metalines import meta_line

from tests.stages.test_chrome import split


def test_share_and_font_widgets_on_a_date_line_leave_the_date_and_source():
    assert meta_line("2025/07/02 10:20　|　稿源：示例晚报　|　字号：【大 中 小】　|　分享到：朋友圈 新浪微博") == {
        "published": date(2025, 7, 2), "outlet": "示例晚报"}
    assert meta_line("来源：示例法治网 | 发表：2025年4月2日 | 字体：大 中 小 | 【打印】")["published"] == date(2025, 4, 2)
    assert meta_line("2024-01-05 10:00 分享至：微信 QQ空间")["published"] == date(2024, 1, 5)


def test_a_bare_published_label_is_a_date_label():
    assert meta_line("来源：示例新闻网　　发布：2025-11-05　08:47　　【我要分享】") == {
        "published": date(2025, 11, 5), "outlet": "示例新闻网"}
    assert meta_line("作者：李明 发稿：2024-01-05")["published"] == date(2024, 1, 5)
    assert meta_line("发布：关于加强治安管理的通知") is None
    assert meta_line("分享至微信朋友圈") is None


def test_a_web_page_with_a_share_widget_on_its_date_line_has_its_headline():
    doc = split("示例市民警破获一起盗窃案\n2025/07/02 10:20 | 来源：示例晚报 | 分享至：微信 微博\n"
                "7月1日，示例市公安局破获一起盗窃案，抓获嫌疑人2名。\n")
    assert [a.title for a in doc.articles] == ["示例市民警破获一起盗窃案"]
    assert doc.published == date(2025, 7, 2)


def test_a_site_name_with_its_slogan_is_no_headline():
    doc = split("示例法治在线 | 守护一方平安的新闻门户\n首页 > 警方在线 > 正文\n示例警方破获盗窃团伙3个\n"
                "2025-03-18 09:12 来源：示例法治在线\n本网讯 3月17日，示例市公安局通报，破获盗窃团伙3个。\n")
    assert [(a.title, a.kicker) for a in doc.articles] == [("示例警方破获盗窃团伙3个", None)]
    assert doc.chrome[0][2] == "page_title"


def test_a_site_name_over_the_headline_is_the_outlet_before_an_organ_source():
    doc = split("示例政法在线\n示例警方打掉一个涉黑团伙\n发布日期：2025年10月22日　信息来源：示例区公安局\n"
                "10月20日，记者从示例区公安局获悉，该局打掉涉黑组织1个。\n")
    assert [(a.title, a.kicker, a.outlet) for a in doc.articles] == [("示例警方打掉一个涉黑团伙", None, "示例政法在线")]


def test_a_site_name_over_a_text_is_a_kicker_when_no_date_line_follows():
    doc = split("示例政法在线\n示例警方打掉一个涉黑团伙\n本报记者 张明\n10月20日，示例区公安局打掉涉黑组织1个。\n")
    assert doc.articles[0].title == "示例警方打掉一个涉黑团伙"
    assert not any(kind == "page_title" for _s, _e, kind in doc.chrome)


def test_a_post_headline_under_its_account_line_keeps_its_question_mark():
    doc = split("示例公安\n原创　示例公安　2025年06月03日 18:30　浙江\n阅读 3.2万\n深夜砸车窗？示例警方两天破案\n"
                "提示：点击上方“示例公安”免费关注\n5月28日凌晨，示例区一停车场内多辆汽车被砸。民警两天后抓获嫌疑人。\n")
    assert [a.title for a in doc.articles] == ["深夜砸车窗？示例警方两天破案"]
    assert [kind for _s, _e, kind in doc.chrome].count("widget") == 2


def test_html_comments_and_script_lines_are_junk():
    doc = split("示例警方破获一起盗窃案\n2025-03-01 10:00 来源：示例网\n3月1日，示例县公安局破获盗窃案1起。\n"
                "<!-- 广告位 -->\n嫌疑人已被刑事拘留。\nvar _hmt = _hmt || [];\n")
    assert [kind for _s, _e, kind in doc.chrome].count("junk") == 2
    assert len(doc.articles) == 1


def test_a_spaced_headline_with_quotes_loses_its_spaces():
    doc = split("示 例 警 方 “ 春 风 ” 行 动 告 捷\n本报记者 张明\n3月1日，示例县公安局破获盗窃案1起。\n")
    assert doc.articles[0].title == "示例警方“春风”行动告捷"


EPAPER = ("示例法治报　2025年5月20日　星期三\n第03版：示例视窗\n"
          "本版导读：示例区夜巡守护烟火气　示例县法院审结非法捕捞案　示例警方破获 网络赌博案\n"
          "示例区夜巡守护烟火气\n本报记者 张明\n4月以来，示例区公安分局开展夜巡行动。\n"
          "示例县法院审结非法捕捞案\n本报讯（通讯员 李强）5月12日，示例县人民法院宣判一起非法捕捞案。\n"
          "示例警方破获 网络赌博案\n涉案流水逾2亿元\n本报记者 张明\n日前，示例市公安局破获一起网络赌博案。\n")


def test_a_guide_line_without_bullets_is_the_page_header_and_names_the_headlines():
    doc = split(EPAPER)
    assert [kind for _s, _e, kind in doc.chrome] == ["meta", "meta", "page_header"]
    assert [(a.title, a.subtitle) for a in doc.articles] == [
        ("示例区夜巡守护烟火气", None), ("示例县法院审结非法捕捞案", None), ("示例警方破获 网络赌博案", "涉案流水逾2亿元")]


def test_a_guide_label_inside_a_sentence_is_text():
    from pipeline.stages.epaper import guide_row
    assert guide_row("本版导读：甲 乙")
    assert not guide_row("他在导读中写道：本案事实清楚。")


def test_a_compiler_line_with_a_blank_before_its_mark_names_the_outlet():
    assert meta_line("示例市委政法委　编　　2025年7月8日") == {"published": date(2025, 7, 8), "outlet": "示例市委政法委"}
    assert meta_line("示例县公安局 编印 2025年7月8日")["outlet"] == "示例县公安局"
    assert meta_line("市局 编写 2025年7月8日") is None
    doc = split("示例政法简讯\n2025年第19期（总第412期）\n示例市委政法委　编　　2025年7月8日\n"
                "【甲区】7月2日，甲区人民检察院对一起非法吸收公众存款案提起公诉。\n"
                "【乙县】6月以来，乙县法院设立巡回审判点4个。\n")
    assert [(a.title, a.outlet) for a in doc.articles] == [("甲区", "示例市委政法委"), ("乙县", "示例市委政法委")]


def test_an_issue_line_with_its_running_count_in_brackets_is_chrome():
    assert meta_line("2025年第19期（总第412期）") == {}
    assert meta_line("第3期（总第56期）") == {}


RELEASES = ("示例市公安局示例分局\n首页 > 警务公开 > 通知公告\n警情通报\n（第3号）\n"
            "5月2日21时许，示例分局接群众报警称，一饭店内发生纠纷。民警到场处置，控制涉事人员3名。\n"
            "示例市公安局示例分局\n2025年5月3日\n"
            "关于一季度全区盗窃案件情况的通报\n（第4号）\n"
            "2025年第一季度，全区共接报盗窃警情120起，同比下降12%。\n"
            "示例市公安局示例分局\n2025年5月6日\n")


def test_numbered_releases_one_under_the_other_are_articles_of_their_own():
    doc = split(RELEASES)
    assert [(a.title, a.kicker, a.subtitle) for a in doc.articles] == [
        ("警情通报", None, None), ("关于一季度全区盗窃案件情况的通报", None, None)]
    assert [kind for _s, _e, kind in doc.chrome][:3] == ["page_title", "nav", "number"]


def test_each_release_is_published_on_its_signature_date_the_page_on_the_latest():
    doc = split(RELEASES)
    assert [a.published for a in doc.articles] == [date(2025, 5, 3), date(2025, 5, 6)]
    assert doc.published == date(2025, 5, 6)
    assert {a.outlet for a in doc.articles} == {"示例市公安局示例分局"}


def test_a_page_with_a_date_line_keeps_it_for_every_release():
    page = RELEASES.replace("警情通报\n（第3号）\n", "警情通报\n发布时间：2025-05-07 09:00\n", 1)
    doc = split(page)
    assert doc.published == date(2025, 5, 7)
    assert [a.published for a in doc.articles] == [date(2025, 5, 7)] * len(doc.articles)


def test_a_text_under_a_signature_without_a_headline_stays_where_it_was():
    doc = split("关于开展夜间巡逻的通告\n5月1日起，示例县公安局开展夜间巡逻。\n示例县公安局\n2025年5月1日\n"
                "附件：巡逻路线及时间安排表一份，请群众留意。\n")
    assert len(doc.articles) == 1


def test_a_whole_headline_over_a_line_of_its_figures_is_title_and_subtitle():
    doc = split("示例警方破获特大网络赌博案\n涉案流水逾2亿元\n本报记者 张明\n日前，示例市公安局破获一起网络赌博案。\n")
    assert [(a.kicker, a.title, a.subtitle) for a in doc.articles] == [(None, "示例警方破获特大网络赌博案", "涉案流水逾2亿元")]


def test_a_short_slogan_over_a_headline_with_a_figure_stays_a_kicker():
    doc = split("守护春运平安路\n示例警方春节期间接报警情同比下降12.4%\n本报记者 张明\n春节期间，示例市公安局加强巡逻。\n")
    assert [(a.kicker, a.title) for a in doc.articles] == [("守护春运平安路", "示例警方春节期间接报警情同比下降12.4%")]


@pytest.mark.parametrize("line", [
    "时间：2025-03-01 来源：示例网 作者：李明 浏览：123次",
    "日期：2025-03-01  来源：示例网  【大 中 小】【打印】【关闭】",
    "来源：示例网 | 2025-03-01 10:20 | 阅读量：1200",
    "来源：示例网 时间：2025-03-01 [打印] [关闭]",
])
def test_counters_and_bracketed_buttons_beside_a_date_line(line):
    found = meta_line(line)
    assert found["published"] == date(2025, 3, 1) and found["outlet"] == "示例网"


def test_releases_signed_on_one_line_are_articles_of_their_own():
    doc = split(RELEASES.replace("示例市公安局示例分局\n2025年5月3日", "示例市公安局示例分局　2025年5月3日")
                .replace("示例市公安局示例分局\n2025年5月6日", "示例市公安局示例分局　2025年5月6日"))
    assert [(a.title, a.published) for a in doc.articles] == [
        ("警情通报", date(2025, 5, 3)), ("关于一季度全区盗窃案件情况的通报", date(2025, 5, 6))]


def test_releases_dated_in_chinese_numerals_without_serial_lines():
    doc = split("示例县人民法院\n首页 > 法院公告\n关于一起案件的公告\n本院受理的原告李某与被告张某借贷纠纷一案，现依法公告送达。\n"
                "示例县人民法院\n二〇二五年六月三日\n关于开放日的公告\n本院定于6月20日举办司法开放日活动。\n"
                "示例县人民法院\n二〇二五年六月五日\n")
    assert [(a.title, a.published) for a in doc.articles] == [
        ("关于一起案件的公告", date(2025, 6, 3)), ("关于开放日的公告", date(2025, 6, 5))]


def test_a_site_name_and_slogan_parted_by_a_dot():
    doc = split("示例法治在线 · 守护一方平安\n示例警方破获盗窃团伙3个\n2025-03-18 09:12 来源：示例法治在线\n"
                "3月17日，示例市公安局通报，破获盗窃团伙3个。\n")
    assert [(a.title, a.subtitle) for a in doc.articles] == [("示例警方破获盗窃团伙3个", None)]


def test_a_guide_line_with_bars_names_its_headlines():
    from pipeline.stages.epaper import guide_headlines
    assert guide_headlines("本版导读：甲地警方破获盗窃案｜乙县法院审结一案", ["甲地警方破获盗窃案", "乙县法院审结一案"]) == [
        "甲地警方破获盗窃案", "乙县法院审结一案"]


def test_a_kicker_ending_in_a_net_word_over_a_web_headline_stays_a_kicker():
    doc = split("织密安全防护网\n示例县开展冬季治安巡防\n2025-01-06 10:00 来源：示例日报\n1月5日，示例县公安局开展冬季治安巡防。\n")
    assert [(a.kicker, a.title) for a in doc.articles] == [("织密安全防护网", "示例县开展冬季治安巡防")]


def test_an_organ_site_with_its_slogan_is_the_site_and_the_outlet():
    doc = split("示例市公安局 | 对党忠诚 服务人民\n首页 > 警务资讯\n示例警方破获盗窃团伙3个\n发布时间：2025-03-18 09:12\n"
                "3月17日，示例市公安局通报，破获盗窃团伙3个。\n")
    assert [(a.title, a.kicker, a.outlet) for a in doc.articles] == [("示例警方破获盗窃团伙3个", None, "示例市公安局")]


def test_more_counters_and_font_buttons_beside_a_date_line():
    assert meta_line("发布者：管理员 发布时间：2025-05-05 阅读次数：88") == {"published": date(2025, 5, 5)}
    assert meta_line("来源：示例网 2025-05-05 10:20 字号：A+ A-") == {"published": date(2025, 5, 5), "outlet": "示例网"}


def test_a_share_widget_with_its_targets_alone_is_a_widget():
    from pipeline.stages.chromelines import line_kind
    assert line_kind("分享至：微信 微博 QQ空间") == "widget"
    assert line_kind("分享至今已有三年。") is None
