"""Pages of official sites, mobile scrapes, public accounts and Taiwan/Hong Kong outlets: the
article's headline, date and outlet under their chrome."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.stages import chrome, headers

from tests.stages.test_chrome import split


def test_a_wire_story_is_published_on_the_day_the_page_prints():
    doc = split("示例法院发布典型案例\n2022-03-15 09:20 来源：示例日报\n"
                "新华社北京3月14日电（记者 张华）最高人民法院14日发布一批典型案例。\n法院表示，将继续依法审判。\n")
    (article,) = doc.articles
    assert article.dateline == "新华社北京3月14日电"
    assert article.published == date(2022, 3, 15) == doc.published


def test_an_undated_page_gives_a_wire_story_no_date():
    doc = split("示例法院发布典型案例\n新华社北京3月14日电（记者 张华）最高人民法院14日发布一批典型案例。\n")
    assert doc.articles[0].published is None


def test_a_taiwan_release_dated_in_roc_years_with_its_issuing_unit_as_outlet():
    doc = split("某地警方破獲詐騙集團 查扣現金\n發布單位：示例警察局\n發布日期：113-04-22\n更新日期：113-04-23\n"
                "示例警察局今（22）日表示，日前搜索詐騙據點，逮捕主嫌等5人。\n全案移送偵辦。\n")
    (article,) = doc.articles
    assert article.title == "某地警方破獲詐騙集團 查扣現金"
    assert (doc.published, article.outlet) == (date(2024, 4, 22), "示例警察局")


def test_roc_dates_need_the_era_or_a_date_label():
    assert headers.find_date("民國113年5月3日") == date(2024, 5, 3)
    assert headers.find_date("发布日期：112/11/20") == date(2023, 11, 20)
    assert headers.find_date("编号113-04-22") is None


@pytest.mark.parametrize("line", ["打开APP", "示例新闻 APP内打开", "打开APP，阅读体验更佳", "下载客户端"])
def test_a_mobile_pages_app_banner_is_a_widget(line):
    assert chrome.line_kind(line) == "widget"


def test_a_public_accounts_line_names_writer_account_and_date_not_the_province():
    assert chrome.meta_line("原创 李晓 示例检察 2024-02-27 17:30 江苏") == {
        "published": date(2024, 2, 27), "outlet": "示例检察", "authors": "李晓"}
    # the account's short name before its full name is no writer
    assert chrome.meta_line("原创 示例检察 示例检察院 2023-07-06 18:30 发表于江苏") == {
        "published": date(2023, 7, 6), "outlet": "示例检察院"}


def test_site_names_above_the_crumbs_and_between_headline_and_date_line_are_chrome():
    doc = split("示例省公安厅\n警务动态\n示例市警方捣毁一个制售假药窝点\n示例省公安厅门户网站\n"
                "信息来源：示例市公安局  发布日期：2024-03-05\n3月初，示例市公安局查获假冒药品1200余盒。\n")
    (article,) = doc.articles
    assert (article.kicker, article.title, article.subtitle) == (None, "示例市警方捣毁一个制售假药窝点", None)
    assert article.outlet == "示例省公安厅"  # the site publishes; 信息来源 names the contributing organ
    kinds = {doc.clean[s:e]: k for s, e, k in doc.chrome}
    assert kinds["示例省公安厅"] == kinds["示例省公安厅门户网站"] == "page_title"


def test_a_two_line_headline_ending_in_a_court_is_no_site_name():
    doc = split("男子拒不履行判决\n被诉至示例市法院\n2024-03-05 10:00 来源：示例网\n近日，男子李某因拒不履行判决被起诉。\n")
    assert "被诉至示例市法院" not in {doc.clean[s:e] for s, e, _k in doc.chrome}


def test_hong_kong_crumbs_a_repeated_headline_and_an_update_line():
    doc = split("示例日報\n港聞 > 社會\n男子涉盜竊名錶被捕 警方追回贓物\n男子涉盜竊名錶被捕 警方追回贓物\n"
                "2024年3月8日 星期五 16:05\n更新：2024年3月9日 星期六 18:40\n"
                "【本報訊】尖沙咀一間鐘錶店前日被盜去三隻名錶。\n警方表示，案件正在調查。\n")
    (article,) = doc.articles
    assert (article.kicker, article.title, article.subtitle) == (None, "男子涉盜竊名錶被捕 警方追回贓物", None)
    assert (article.outlet, article.published, article.dateline) == ("示例日報", date(2024, 3, 8), "【本報訊】")


@pytest.mark.parametrize("opening,closing", [("【", "】"), ("〔", "〕"), ("（", "）")])
def test_dateline_brackets_are_read_alike(opening, closing):
    for mark, dateline, outlet in [("本报讯", f"{opening}本报讯{closing}", None),
                                   ("示例日报讯", f"{opening}示例日报讯{closing}", "示例日报"),
                                   ("中央社记者王明台北3日电", "中央社记者王明台北3日电", "中央社")]:
        doc = split(f"示例标题一则\n{opening}{mark}{closing}近日，示例县法院审结一起案件。\n法院表示，将继续努力。\n")
        (article,) = doc.articles
        assert (article.title, article.dateline, article.outlet) == ("示例标题一则", dateline, outlet)


def test_an_agency_reporters_name_stops_before_the_city():
    doc = split("示例标题一则\n（中央社記者陳文台南3日電）台南地檢署今天起訴一名男子。\n")
    assert [a.name for a in doc.articles[0].authors] == ["陳文"]


def test_an_outlets_credit_alone_under_the_text_is_no_new_article():
    doc = split("邊境管制站檢獲毒品\n海關昨日檢獲懷疑可卡因，一名男子被捕。\n（星島日報報道）\n")
    (article,) = doc.articles
    assert article.outlet == "星島日報" and article.dateline is None


def test_an_editions_name_under_a_bare_edition_line_is_no_kicker():
    doc = split("2021年12月10日 星期五 第5版\n法院新闻\n网络购物退货引发纠纷\n法官：商家不得拒绝退货\n本报记者 卞和\n"
                "消费者在网上购买一件外套，商家拒绝退货。\n")
    (article,) = doc.articles
    assert (article.kicker, article.title, article.subtitle) == (None, "网络购物退货引发纠纷", "法官：商家不得拒绝退货")


def test_a_short_slogan_over_a_quote_stays_a_kicker():
    doc = split("聚焦两会\n最高法：去年审结案件同比上升\n本报记者 卞和\n最高人民法院今天作工作报告。\n")
    assert (doc.articles[0].kicker, doc.articles[0].subtitle) == ("聚焦两会", None)


def test_two_short_clauses_over_a_web_pages_date_line_are_one_title():
    doc = split("男子酒驾被查\n竟称只喝一口\n2024-05-04 06:30 来源：示例日报\n近日，男子李某酒后驾车被交警查获。\n")
    assert (doc.articles[0].kicker, doc.articles[0].title) == (None, "男子酒驾被查竟称只喝一口")


def test_a_headline_line_ending_in_a_measure_runs_on():
    doc = split("最高法发布一批\n涉未成年人保护典型案例\n2024-05-04 06:30 来源：示例日报\n"
                "新华社北京5月3日电（记者 魏然）最高人民法院3日发布一批典型案例。\n")
    (article,) = doc.articles
    assert (article.kicker, article.title) == (None, "最高法发布一批涉未成年人保护典型案例")
    assert (article.published, article.outlet) == (date(2024, 5, 4), "示例日报")


def test_numbered_headlines_under_a_column_line_are_items_titled_without_their_number():
    doc = split("本周政法要闻回顾\n一、省高院出台意见规范网络司法拍卖\n省高级人民法院日前出台指导意见。\n"
                "二、省公安厅通报交通安全形势\n一季度，全省道路交通事故起数同比下降8.2%。\n")
    assert [a.title for a in doc.articles] == ["省高院出台意见规范网络司法拍卖", "省公安厅通报交通安全形势"]


def test_numbered_sections_of_a_notice_stay_in_its_article():
    doc = split("关于春节期间部分路段实行交通管制的通告\n一、管制时间\n2024年2月9日至2月17日。\n"
                "二、管制路段\n示例大道全线。\n示例市公安局交通警察支队\n2024年2月5日\n")
    assert [a.title for a in doc.articles] == ["关于春节期间部分路段实行交通管制的通告"]


@pytest.mark.parametrize("line, day", [("民國113年05月03日 星期五", date(2024, 5, 3)), ("113/05/03 10:20", date(2024, 5, 3)),
                                       ("113-04-22", date(2024, 4, 22))])
def test_a_date_line_in_roc_years(line, day):
    doc = split(f"檢方起訴詐騙車手 求處重刑\n{line}\n高雄地檢署今天起訴一名詐騙車手。\n")
    assert (doc.articles[0].title, doc.published) == ("檢方起訴詐騙車手 求處重刑", day)


def test_an_accounts_line_without_its_original_mark_drops_the_province():
    assert chrome.meta_line("示例公安 2024-03-01 20:00 浙江") == {"published": date(2024, 3, 1), "outlet": "示例公安"}


def test_a_headline_about_downloading_an_app_is_no_banner():
    assert chrome.line_kind("警方提醒：谨慎下载陌生APP") is None


def test_a_news_clients_name_beside_the_date_is_the_outlet():
    doc = split("下载APP\n男子冒充民警诈骗 被判三年\n示例新闻客户端 2024-03-12 10:41\n近日，示例区法院审结一起招摇撞骗案。\n")
    (article,) = doc.articles
    assert (article.title, article.outlet) == ("男子冒充民警诈骗 被判三年", "示例新闻客户端")


def test_a_line_introducing_the_quote_below_stays_a_kicker():
    doc = split("副总理分别致信全国医药和轻工会议提出\n医药：加快推进结构调整\n本报北京1月6日讯 记者李建报道：会议今日召开。\n")
    assert doc.articles[0].kicker == "副总理分别致信全国医药和轻工会议提出"


def test_a_writers_credit_under_the_text_names_the_author():
    doc = split("小区电梯广告纠纷案宣判\n原创 示例法院 2024-03-02 18:00 广东\n近日，示例区法院审结一起电梯广告收益纠纷案。\n"
                "文字：王丽\n编辑：刘明\n")
    assert [(a.name, a.role) for a in doc.articles[0].authors] == [("王丽", "other")]


def test_a_headline_line_ending_in_an_open_verb_runs_on_under_a_kicker():
    doc = split("示例法治报 2024年4月2日 星期二\n第01版：要闻\n护航高质量发展\n示例市法院推出\n优化营商环境二十条措施\n"
                "本报讯 记者高原 近日，示例市中级人民法院出台二十条措施。\n")
    (article,) = doc.articles
    assert (article.kicker, article.title) == ("护航高质量发展", "示例市法院推出优化营商环境二十条措施")


def test_a_long_kicker_over_a_topic_and_colon_stays_a_kicker():
    doc = split("坚持和发展新时代“枫桥经验”\n示例县：矛盾纠纷就地化解\n本报记者 舒心\n走进示例县综治中心，群众反映的问题在这里统一登记。\n")
    assert (doc.articles[0].kicker, doc.articles[0].subtitle) == ("坚持和发展新时代“枫桥经验”", None)


def test_a_four_character_column_over_a_web_headline_stays_a_kicker():
    doc = split("以案说法\n遗产继承纠纷\n2024-05-04 06:30 来源：示例日报\n近日，示例区法院审结一起遗产继承纠纷案。\n")
    assert (doc.articles[0].kicker, doc.articles[0].title) == ("以案说法", "遗产继承纠纷")


def test_a_photo_caption_between_headline_and_lead_stays_in_the_article():
    doc = split("示例法治报 2024年4月2日 星期二\n第03版：综合\n禁毒宣传进校园\n"
                "图片说明：4月1日，民警在示例中学开展禁毒宣传。 本报记者 高原 摄\n"
                "本报讯 记者高原 4月1日，示例市公安局禁毒支队走进示例中学开展禁毒宣传活动。\n活动现场发放宣传资料800余份。\n")
    (article,) = doc.articles
    assert (article.title, article.dateline) == ("禁毒宣传进校园", "本报讯")
    assert [(a.name, a.role) for a in article.authors] == [("高原", "reporter")]


def test_a_site_and_its_channel_on_the_top_line_are_chrome_and_the_site_is_the_outlet():
    """示例平安网 - 警务动态 atop the page: no kicker; the site, not the organ of its 来源 line."""
    doc = split("示例平安网 - 警务动态\n城北警方破获一起盗窃案\n发布时间：2025-06-03　来源：示例区公安分局\n"
                "示例平安网讯　6月1日，示例区公安分局破获一起盗窃案，抓获犯罪嫌疑人3名。\n警方提醒市民保管好财物。\n")
    (article,) = doc.articles
    assert (article.title, article.kicker, article.outlet) == ("城北警方破获一起盗窃案", None, "示例平安网")


def test_a_site_name_needs_a_channel_after_it_to_be_chrome():
    from pipeline.stages import sitenames
    assert sitenames.channel_site("示例法治在线_法院要闻") == "示例法治在线"
    assert sitenames.channel_site("示例网 - 守护一方平安") is None
    assert sitenames.channel_site("男子落网 - 警方通报") is None


def test_a_byline_glued_to_the_last_paragraph_gives_the_authors_and_no_cut():
    """…提级侦办。（记者 张三 通讯员 李四）: the authors of the article, and it is complete."""
    doc = split("城北警方破获一起盗窃案\n发布时间：2025-06-03　来源：示例区公安分局\n"
                "6月1日，示例区公安分局破获一起盗窃案，抓获犯罪嫌疑人3名。\n"
                "警方提醒市民保管好财物。（记者 赵一鸣 通讯员 钱小雨）\n")
    (article,) = doc.articles
    assert [(a.name, a.role) for a in article.authors] == [("赵一鸣", "reporter"), ("钱小雨", "correspondent")]
    assert article.truncated is False
