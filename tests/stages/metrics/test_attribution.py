"""Place, place_code/level/source, period, category and statistic of a figure (issue 12).

Every example is a sentence written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import figures, make_article


def fields_of(extractor, paragraphs, span, title=None, published=None) -> dict:
    doc = extractor(make_article(paragraphs, title, published))
    return next(m.fields for m in doc.metrics if doc.clean[m.start:m.end] == span)


# --- place -------------------------------------------------------------------------------------

@pytest.mark.parametrize("paragraphs, title, span, place, source", [
    # 公安部 with a Beijing dateline: national, the dateline and 在京 never decide.
    (["本报北京9月11日电 公安部今天在京召开新闻发布会。今年1至8月，全国公安机关共破获盗窃案件12.4万起。"],
     None, "12.4万起", "全国", "organ"),
    (["最高人民检察院通报，去年共批准逮捕走私犯罪嫌疑人2300人。"], None, "2300人", "全国", "organ"),
    # 湖北警方 -> 湖北省; 全省公安机关 in a 湖北 report -> 湖北省, a city later keeps its sentence.
    (["湖北警方今年破获电诈案件5100起。", "全省公安机关共抓获嫌疑人8800名。武汉市公安局破获案件900起。"],
     "湖北警方通报打击成果", "8800名", "湖北省", "organ"),
    (["湖北警方今年破获电诈案件5100起。", "全省公安机关共抓获嫌疑人8800名。武汉市公安局破获案件900起。"],
     "湖北警方通报打击成果", "900起", "湖北省武汉市", "organ"),
    # 市公安局 in a 沧州 article -> the article's city.
    (["沧州市召开会议。", "市公安局今年共查处酒驾420起。"], "沧州通报交通安全", "420起", "河北省沧州市", "organ"),
    # 全国 naming the country's incidents in a local report: national, not the article's county
    (["瑞安市公安局召开会议。", "今年以来，全国电诈案件发案数同比下降22%。"], "瑞安警方通报", "22%", "全国",
     "organ"),
    # but not an honour: 全国文明城市
    (["瑞安市获评全国文明城市，全市今年破获案件1200起。"], "瑞安警方通报", "1200起", "浙江省温州市瑞安市",
     "organ"),
    # 西安市公安局雁塔分局 -> the district.
    (["西安市公安局雁塔分局近日查获假冒白酒600余瓶。"], None, "600余瓶", "陕西省西安市雁塔区", "organ"),
    # A citywide figure does not take the district of the next clause.
    (["洛阳市公安局通报，全市今年破获盗窃案件2100起，其中，涧西区破获410起。"], None, "2100起",
     "河南省洛阳市", "organ"),
    # A name in quotation marks is not a national organ: 推广安装“国家反诈中心”.
    (["肇庆市公安局推广安装“国家反诈中心”应用程序15万个。"], None, "15万个", "广东省肇庆市", "organ"),
    # A shop named after a county is no organ of it: 涧西区 + 辖区 + 嵩县老街饭庄.
    (["洛阳市涧西区公安分局在辖区嵩县老街饭庄内抓获赌博人员4名。"], None, "4名", "河南省洛阳市涧西区",
     "organ"),
])
def test_place_and_source(extractor, paragraphs, title, span, place, source):
    fields = fields_of(extractor, paragraphs, span, title)
    assert (fields["place"], fields["place_source"]) == (place, source)


@pytest.mark.parametrize("paragraphs, span, place", [
    # Hong Kong's and Macao's own scope words, as 全省 is a province's
    (["警方呼吁市民提高警觉：今年首三季，全港共录得诈骗案2.1万宗。"], "2.1万宗", "香港特别行政区"),
    (["治安部门表示，去年本澳共处理交通意外1.2万宗。"], "1.2万宗", "澳门特别行政区"),
    # a foreign partner listed after the organ's 会同 is not the figure's place
    (["公安部会同老挝、柬埔寨执法部门开展联合打击，共抓获犯罪嫌疑人800余名。"], "800余名", "全国"),
])
def test_place_of_region_scopes_and_partners(extractor, paragraphs, span, place):
    """全港 -> 香港特别行政区, 本澳 -> 澳门特别行政区; 会同老挝、柬埔寨执法部门 -> the organ's place."""
    assert fields_of(extractor, paragraphs, span)["place"] == place


def test_quanqu_in_an_autonomous_region_report_is_the_region(extractor):
    """记者从自治区公安厅获悉，…全区公安机关共破获…4860起 in a report that named a district earlier ->
    新疆维吾尔自治区, not the district."""
    fields = fields_of(extractor, ["乌鲁木齐市天山区召开会议。", "记者从自治区公安厅获悉，今年全区公安机关共破获"
                                   "电诈案件4860起。"], "4860起", title="天山区举办反诈宣传")
    assert fields["place"] == "新疆维吾尔自治区"


def test_an_article_without_a_place_takes_its_pages_province(extractor):
    """A Hong Kong paper: 香港海关…截获… / 警方捣破诈骗集团 拘捕12人 (a second article naming no place) ->
    香港特别行政区; a one-article page without a place stays none."""
    from pipeline.document import ArticleSpan

    doc = make_article(["香港海关昨日在机场截获贩毒案两宗。", "警方捣破诈骗集团，拘捕12名男女。"])
    first, second = doc.sentences[0], doc.sentences[1]
    second.article = 1
    doc.articles[0] = ArticleSpan(index=0, segments=[(first.start, first.end)], title="")
    doc.articles.append(ArticleSpan(index=1, segments=[(second.start, second.end)], title=""))
    doc = extractor(doc)
    got = {doc.clean[m.start:m.end]: m.fields["place"] for m in doc.metrics}
    assert got["12名"] == "香港特别行政区"
    alone = fields_of(extractor, ["警方捣破诈骗集团，拘捕12名男女。"], "12名")
    assert alone["place"] is None


def test_a_site_named_after_the_lead_yields_to_the_pages_province(extractor):
    """A Hong Kong paper's second story names a place only in its third paragraph (以深水埗一单位作据点):
    the story is about Hong Kong, not about the site of the raid; a one-article page keeps the site."""
    from pipeline.document import ArticleSpan

    texts = ["香港海关昨日在机场截获贩毒案两宗。", "警方捣破诈骗集团，拘捕12名男女。", "警方冻结银行户口41个。",
             "据悉，集团以深水埗区一个工业大厦单位作据点。"]
    doc = make_article(texts)
    for k, sentence in enumerate(doc.sentences[1:], start=1):
        sentence.article, sentence.paragraph = 1, k
    doc.articles[0] = ArticleSpan(index=0, segments=[(doc.sentences[0].start, doc.sentences[0].end)], title="")
    doc.articles.append(ArticleSpan(index=1, segments=[(doc.sentences[1].start, doc.sentences[-1].end)], title=""))
    doc = extractor(doc)
    got = {doc.clean[m.start:m.end]: m.fields["place"] for m in doc.metrics}
    assert got["12名"] == "香港特别行政区"
    alone = fields_of(extractor, texts[1:3] + ["据悉，集团在西安市雁塔区一处写字楼作据点。"], "12名")
    assert alone["place"] == "陕西省西安市雁塔区"


def test_place_code_and_level_of_a_national_figure(extractor):
    """公安部通报…全国共破获案件30万起 -> 全国, 100000, country."""
    fields = fields_of(extractor, ["公安部通报，去年全国共破获案件30万起。"], "30万起")
    assert (fields["place"], fields["place_code"], fields["place_level"]) == ("全国", "100000", "country")


def test_place_code_and_level_of_a_county(extractor):
    """仁化县公安局破获案件56起 -> 广东省韶关市仁化县, 440224, county."""
    fields = fields_of(extractor, ["韶关市仁化县公安局今年破获案件56起。"], "56起")
    assert (fields["place"], fields["place_code"], fields["place_level"]) == (
        "广东省韶关市仁化县", "440224", "county")


def test_a_paragraph_place_is_inherited_and_said_so(extractor):
    """温州市遭遇台风。灾后共救助群众300人 -> 浙江省温州市 from the paragraph (a place, not an organ)."""
    fields = fields_of(extractor, ["温州市上周遭遇强台风。灾后共救助受困群众300人。"], "300人")
    assert (fields["place"], fields["place_source"]) == ("浙江省温州市", "paragraph")


def test_an_organ_named_earlier_in_the_paragraph_is_the_source(extractor):
    """温州市公安局召开会议。会上通报，破获案件300起 -> 浙江省温州市, organ: the acting organ named
    in an earlier sentence of the paragraph fixes the place (issue 12: the acting organ before the
    paragraph)."""
    fields = fields_of(extractor, ["温州市公安局召开总结会议。会上通报，今年共破获案件300起。"], "300起")
    assert (fields["place"], fields["place_source"]) == ("浙江省温州市", "organ")


def test_a_figure_without_any_place_has_source_none(extractor):
    """同时，投入300万元设立警务室 -> no place, place_source none."""
    fields = fields_of(extractor, ["同时，投入300万元设立警务室。"], "300万元")
    assert (fields["place"], fields["place_code"], fields["place_source"]) == (None, None, "none")


def test_the_district_of_a_that_word_is_the_last_named(extractor):
    """象山区…。该区查处违法人员20余名 -> 广西壮族自治区桂林市象山区 (该区 is the district named)."""
    fields = fields_of(extractor, ["桂林市象山区开展清查行动。", "该区查处违法人员20余名。"], "20余名",
                       "广西开展治安整治")
    assert fields["place"] == "广西壮族自治区桂林市象山区"


def test_most_specific_is_not_quadratic_and_keeps_the_inner_place():
    """内蒙古自治区 + 内蒙古自治区呼伦贝尔市 -> 呼伦贝尔市 only (one look at the next sorted name)."""
    from pipeline.stages.metrics.who_where import Place, most_specific

    places = [Place(0, 6, "内蒙古自治区"), Place(6, 11, "内蒙古自治区呼伦贝尔市"), Place(20, 22, "全国")]
    assert [p.name for p in most_specific(places)] == ["内蒙古自治区呼伦贝尔市", "全国"]


# --- period ------------------------------------------------------------------------------------

P = date(2024, 9, 12)


@pytest.mark.parametrize("paragraphs, span, start, end", [
    # a range stays one range
    (["3月5日至4月20日，全省开展集中行动，共侦破案件680起。"], "680起", "2024-03-05", "2024-04-20"),
    # 一年来: one year back from the publication date
    (["一年来，县公安局共化解矛盾纠纷1280起。"], "1280起", "2023-09-12", "2024-09-12"),
    # 截至7月底: the end only
    (["截至7月底，全市共受理案件460起。"], "460起", None, "2024-07-31"),
    # 第一季度, 前三季度
    (["今年第一季度，全市共查处酒驾310起。"], "310起", "2024-01-01", "2024-03-31"),
    # the comparison base is never the period
    (["今年1至7月，全市破案率达到71.5%，较去年同期提高9.3个百分点。"], "9.3个百分点", "2024-01-01",
     "2024-07-31"),
    # a holiday from the statutory calendar: 国庆期间 2024 -> 10-01..10-07
    (["国庆期间，全省公安机关共投入警力16.5万人次。"], "16.5万人次", "2024-10-01", "2024-10-07"),
    (["春节期间，全市公安机关累计接报警情8.8万起。"], "8.8万起", "2024-02-10", "2024-02-17"),
    # from a month on, to the publication date; a single day; 今天 in a dated report
    (["今年5月份起，支队在市区设立警务站12个。"], "12个", "2024-05-01", "2024-09-12"),
    (["9月8日，全市集中销毁毒品1.2吨。"], "1.2吨", "2024-09-08", "2024-09-08"),
    (["县法院今天公开宣判，判处被告人有期徒刑5年。"], "5年", "2024-09-12", "2024-09-12"),
    # 目前 overrides the paragraph's window: a level up to now, no start
    (["今年以来，全省破获毒品案件1200起。目前，全省已建立戒毒所69所。"], "69所", None, "2024-09-12"),
    # a holiday's whole break, 国庆 and 中秋 together in 2023 (published 2024: 去年)
    (["去年国庆假期期间，全市共接报警情13.2万起。"], "13.2万起", "2023-09-29", "2023-10-06"),
    # a yearless quarter not begun at publication is last year's
    (["第四季度，全国电信网络诈骗案件发案数环比下降18.5%。"], "18.5%", "2023-10-01", "2023-12-31"),
    # a year and an end stated apart in one sentence: the year's start, 截至's end
    (["截至7月底，南京海关今年共移送起诉走私犯罪嫌疑人263名。"], "263名", "2024-01-01", "2024-07-31"),
    (["今年截至7月底，全市共破获案件300起。"], "300起", "2024-01-01", "2024-07-31"),
    # 今年已…: the year so far (as 今年以来), not the whole year
    (["派出所今年已劝阻潜在受害群众860人。"], "860人", "2024-01-01", "2024-09-12"),
    (["今年累计查处酒驾醉驾违法行为1300起。"], "1300起", "2024-01-01", "2024-09-12"),
    # a figure with its own month inside a 今年以来 paragraph keeps its month
    (["今年以来，全市共破获案件2100起。8月，全市警情同比下降12%。"], "12%", "2024-08-01", "2024-08-31"),
    (["今年以来，全市共抓获嫌疑人900名，其中7月份抓获120名。"], "120名", "2024-07-01", "2024-07-31"),
    # 到8月 is up to August, not August alone: the end it states, the start of the running window
    (["今年以来，全市共破获案件2100起。到8月，全市共抓获嫌疑人900名。"], "900名", "2024-01-01", "2024-08-31"),
    # end-only windows (到/至 a month): the start from the year stated with them or the running
    # window of the paragraph; a closed window before them gives none; a range is not cut
    (["今年到7月底，全市立案侦查诈骗案件200起。"], "200起", "2024-01-01", "2024-07-31"),
    (["今年以来全县共破获案件500起，至8月底已追回赃款300万元。"], "300万元", "2024-01-01", "2024-08-31"),
    (["今年1至6月，全市破获案件500起。到8月底，全市共抓获嫌疑人300名。"], "300名", None, "2024-08-31"),
    (["自5月开展夏季治安打击整治行动以来，全区共破获案件90起。至8月底，共抓获嫌疑人86名。"], "86名",
     "2024-05-01", "2024-08-31"),
    (["3月至8月，全市电诈案件立案数降到800起。"], "800起", "2024-03-01", "2024-08-31"),
    (["今年以来，全省共破获案件3万起。上半年，全省刑事警情同比下降9%。"], "9%", "2024-01-01", "2024-06-30"),
    # the day a figure was made public is not its window (公安部15日通报, 据当地传媒30日报道)
    (["据公安部15日通报，全国共破获侵财案件3.1万起。"], "3.1万起", None, None),
    # nor the day it was filed (沈阳3月5日电) or the reporter learned it (记者5日从…获悉)
    (["示例网沈阳9月5日电 记者从省公安厅获悉，大连市公安局近日侦破一起走私案，抓获犯罪嫌疑人26名。"], "26名", None, None),
    (["记者10日从市公安局获悉，警方近日打掉诈骗团伙3个。"], "3个", None, None),
    (["今年以来，全省破获案件1200起。", "据当地媒体10日报道，全省共抓获嫌疑人250余名。"], "250余名",
     "2024-01-01", "2024-09-12"),
    # the level a change starts from has its own year; the level reached has the paragraph's window
    (["今年以来，全市刑事案件由去年的9.6起降至每万人6.2起。"], "6.2起", "2024-01-01", "2024-09-12"),
    (["今年以来，全市刑事案件由去年的9.6起降至每万人6.2起。"], "9.6起", "2023-01-01", "2023-12-31"),
    (["从今年3月起，全市警情下降到每天50起。"], "50起", "2024-03-01", "2024-09-12"),  # a window, not a level
    # a year written without 年 before its part; windows counted back in months; next year's plan
    (["2024上半年，全市破获盗窃案件88起。"], "88起", "2024-01-01", "2024-06-30"),
    (["半年来，该局共抓获嫌疑人45名。"], "45名", "2024-03-12", "2024-09-12"),
    (["近3个月来，全市共破获案件120起。"], "120起", "2024-06-12", "2024-09-12"),
    (["今年重点整治的市场将扩大到30个，明年增加到50个。"], "50个", "2025-01-01", "2025-12-31"),
    (["上半年，全县共抓获嫌疑人45名。"], "45名", "2024-01-01", "2024-06-30"),  # 上半年 is no 半年 back
    # the day of a meeting that opens a release dates the meeting: the window it reports, or none
    (["1月15日，市公安局召开新闻发布会，通报2023年全市公安工作情况。全年共破获刑事案件3200起。"], "3200起",
     "2023-01-01", "2023-12-31"),
    (["1月15日，市公安局召开新闻发布会。全市共破获刑事案件3200起。"], "3200起", None, None),
    # 同期 with no window carried: the window of the figure read last
    (["全市今年已破获盗窃案件300起。", "省公安厅同期破获此类案件1.1万起。"], "1.1万起", "2024-01-01",
     "2024-09-12"),
    # 前N月 without 个 (a Taiwan and Hong Kong form): months 1..N; 同期全市 then takes that window
    (["分局表示，今年前5月辖区共受理诈骗案件230件。"], "230件", "2024-01-01", "2024-05-31"),
    (["分局表示，今年前5月辖区共受理诈骗案件230件。另据市警局统计，同期全市诈骗案件发生1800件。"],
     "1800件", "2024-01-01", "2024-05-31"),
    (["市检察院前三月共起诉诈骗犯罪嫌疑人41人。"], "41人", "2024-01-01", "2024-03-31"),
    # a stock built up to now inside an operation's window: (null, publication day); a result keeps it
    (["7月1日至9月1日，市公安局开展夜间巡查。负责人说，全市已设立巡防点位85个。"], "85个", None, "2024-09-12"),
    (["7月1日至9月1日，市公安局开展夜间巡查。负责人说，已抓获嫌疑人85名。"], "85名", "2024-07-01", "2024-09-01"),
    # a verdict's day: its penalties, in the next sentence too, take it; the crime told in it takes none
    (["5月6日，某县人民法院公开宣判一起盗窃案，被告人钱某亮盗窃邻居财物价值8.2万元。",
      "法院以盗窃罪判处钱某亮有期徒刑三年，并处罚金2万元。"], "8.2万元", None, None),
    (["5月6日，某县人民法院公开宣判一起盗窃案，被告人钱某亮盗窃邻居财物价值8.2万元。",
      "法院以盗窃罪判处钱某亮有期徒刑三年，并处罚金2万元。"], "2万元", "2024-05-06", "2024-05-06"),
    # the day the reporter learned of a case is not the case's day; a window stated after it is kept
    (["8月2日，记者从某县公安局获悉，该局破获一起盗窃案，抓获嫌疑人3名。"], "3名", None, None),
    (["8月2日，记者从某县公安局获悉，今年以来，该局破获盗窃案件57起。"], "57起", "2024-01-01", "2024-09-12"),
    # a threshold of an operation's cases takes the operation's window, not the 截至 window before it
    (["2月1日至5月1日，全市公安机关开展专项行动，共破获诈骗案件96起。",
      "截至4月底，全市共劝阻群众3100人次。市公安局负责人表示，涉案金额100万元以上的案件已全部成立专班。"],
     "100万元以上", "2024-02-01", "2024-05-01"),
    # penalties and prosecutions after a crime's own window do not take it (they came later)
    (["近日，某县人民法院审结一起盗伐林木案，被告人孙某林在2023年3月至6月期间盗伐林木52立方米。",
      "法院以盗伐林木罪判处孙某林有期徒刑二年，并处罚金3万元。"], "3万元", None, None),
    (["近日，某县人民法院审结一起盗伐林木案，被告人孙某林在2023年3月至6月期间盗伐林木52立方米。",
      "法院以盗伐林木罪判处孙某林有期徒刑二年，并处罚金3万元。"], "52立方米", "2023-03-01", "2023-06-30"),
    (["2023年5月至9月，男子吴某伙同他人收购银行卡40张。", "县检察院以帮助信息网络犯罪活动罪对3人提起公诉。"],
     "3人", None, None),
    # a reward offered for tips is a standing offer: no window
    (["今年以来，全县破获赌博案件12起。欢迎举报，经查证属实的给予最高2000元奖励。"], "2000元", None, None),
    # but a court's results in a report's window keep it
    (["今年1至6月，某县人民法院审结盗伐林木案件7件。法院判处被告人11人，并处罚金共计26万元。"], "26万元",
     "2024-01-01", "2024-06-30"),
    # a crime's own window 自8月中旬起: from the 旬's first day to the publication day
    (["经审讯，嫌疑人自8月中旬起多次盗窃电缆，非法获利2.3万元。"], "2.3万元", "2024-08-11", "2024-09-12"),
])
def test_period(extractor, paragraphs, span, start, end):
    fields = fields_of(extractor, paragraphs, span, published=P)
    got = tuple(d.isoformat() if d else None for d in (fields["period_start"], fields["period_end"]))
    assert got == (start, end)


@pytest.mark.parametrize("paragraphs, span, start, end", [
    # a single day after a stated day is that day, not the window around it
    (["今年以来，全市破获案件900起。", "5月8日，某区公安分局接到报警。民警当晚抓获嫌疑人2名。"], "2名",
     "2024-05-08", "2024-05-08"),
    (["6月1日起，全省进入汛期。水警当天出动巡逻艇6艘。"], "6艘", "2024-06-01", "2024-06-01"),
    (["春节期间，全县接报火灾9起。", "除夕夜，某镇因燃放鞭炮引发火灾2起。"], "2起", "2024-02-09", "2024-02-09"),
    # Hong Kong and Macao forms; the figure's own year before last
    (["今年首三季，全港共录得盗窃案4100宗。"], "4100宗", "2024-01-01", "2024-09-30"),
    (["上月，警方破获一个贩毒集团，拘捕6人。"], "6人", "2024-08-01", "2024-08-31"),
    (["去年全市共立案1200宗，其中诈骗案由前年的300宗增至410宗。"], "300宗", "2022-01-01", "2022-12-31"),
    (["警方在第二季推出止付机制，拦截可疑转账40笔。"], "40笔", "2024-04-01", "2024-06-30"),
    (["8月中旬，某区公安分局破获一起盗窃案。追回电动车9辆。"], "9辆", "2024-08-11", "2024-08-20"),
    # a case's window stated inside the sentence dates the crime's figures, not the penalties after it
    # (decided in round 2: a penalty comes after the crime, GUIDE_attribution.md 2.2)
    (["被告人李某在2022年3月至2023年1月期间多次盗窃，价值5万元。法院判处其有期徒刑二年。"], "5万元",
     "2022-03-01", "2023-01-31"),
    (["被告人李某在2022年3月至2023年1月期间多次盗窃，价值5万元。法院判处其有期徒刑二年。"], "二年",
     None, None),
    # a penalty in a sentence opened by the verdict's day takes that day, the crime its window
    (["又讯 6月10日，某区人民法院对一起盗伐林木案公开宣判，被告人张某2023年3月至9月盗伐林木80立方米，"
      "被判处有期徒刑三年，并处罚金5万元。"], "5万元", "2024-06-10", "2024-06-10"),
    (["又讯 6月10日，某区人民法院对一起盗伐林木案公开宣判，被告人张某2023年3月至9月盗伐林木80立方米，"
      "被判处有期徒刑三年，并处罚金5万元。"], "80立方米", "2023-03-01", "2023-09-30"),
    # one offender's deed told in a paragraph with a window of results: no window
    (["今年1月至4月，县检察院共批准逮捕49人。办案检察官介绍，犯罪嫌疑人王某在一超市盗窃价值900余元的商品。"],
     "900余元", None, None),
    # a gang's deed keeps it; a single day stated before stays
    (["今年以来，市公安局打掉诈骗团伙5个。犯罪嫌疑人杨某某等12人诱骗群众230余人签订借款合同。"], "230余人",
     "2024-01-01", "2024-09-12"),
    (["7月2日，某区检察院对一起集资诈骗案提起公诉。犯罪嫌疑人杜某以开办养生馆为名吸收资金860万元。"], "860万元",
     "2024-07-02", "2024-07-02"),
    # 行动中 / “雷霆”行动期间: the window stated for the operation earlier in the article
    (["警务处于本月3日至6日采取代号“雷霆”的拘捕行动，拘捕18人。",
      "警方相信，该集团自去年10月起清洗黑钱逾3亿元。行动中，警方冻结存款约2600万元。"], "约2600万元",
     "2024-09-03", "2024-09-06"),
    (["警方于上月10日至13日开展打击行动，拘捕12人。"], "12人", "2024-08-10", "2024-08-13"),
    # 历时N个月 after a single day: the months the work lasted up to that day
    (["6月20日，某县公安局通报，该局历时3个月侦破一起网络诈骗案，抓获嫌疑人14名。"], "14名",
     "2024-03-20", "2024-06-20"),
    # a Republic of China year (Taiwan's reports) is its Gregorian year
    (["據警政署統計，民國112年1至5月全台竊盜案件發生8,400件。"], "8,400件", "2023-01-01", "2023-05-31"),
    # a range of days whose ends each carry their year crosses the new year as one window
    (["2023年12月5日至2024年2月20日，某市公安局开展“清风”行动，共查获赌博案件61起。"], "61起",
     "2023-12-05", "2024-02-20"),
    (["1月10日至3月10日，全市开展“飓风”专项行动，共破获案件356起。",
      "乐清市公安局3月3日破获一起诈骗案。", "“飓风”行动期间，全市共侦破重大案件9起。"], "9起",
     "2024-01-10", "2024-03-10"),
    # the window a lead says the report is about, for later paragraphs that state none
    (["6月26日，州里举行禁毒宣传活动，州禁毒办通报了1至5月各地禁毒工作情况。", "1至5月，甲县破获毒品案件9起。",
      "在乙市，禁毒办会同市场监管部门检查娱乐场所126家次。"], "126家次", "2024-01-01", "2024-05-31"),
    # what the investigation found after the day a case was solved is the case's past: no window
    (["甲县公安局在3月3日破获的一起诈骗案中，查明该团伙先后骗取群众460余人。"], "460余人", None, None),
    (["乙区公安分局在3月12日侦破的一起诈骗案中，抓获嫌疑人2名，追回被骗资金46万元。"], "46万元",
     "2024-03-12", "2024-03-12"),
    # what a press conference released takes its day, not the window it reported
    (["1月24日，市检察院召开新闻发布会，通报2023年全市检察工作情况。", "去年，全市检察机关共起诉1426人。",
      "发布会上，市检察院还通报了5起典型案例。"], "5起", "2024-01-24", "2024-01-24"),
    # a penalty a law provides has no window
    (["今年以来，海关破获毒品案件80宗。根据条例，贩运毒品最高刑罚为终身监禁及罚款300万元。"], "300万元", None, None),
    # 其中 lists parts of the figures just stated, whatever window the paragraph carried
    (["今年以来，全市破获案件900起。", "9月3日，海关在机场截获走私案3宗。其中一名旅客藏有象牙4公斤。"], "4公斤",
     "2024-09-03", "2024-09-03"),
])
def test_period_of_days_and_parts(extractor, paragraphs, span, start, end):
    """当晚, 当天, 除夕夜, 首三季, 上月, 前年的, 第二季, 中旬, a case's window, 其中 (issue 12)."""
    fields = fields_of(extractor, paragraphs, span, published=P)
    got = tuple(d.isoformat() if d else None for d in (fields["period_start"], fields["period_end"]))
    assert got == (start, end)


def test_the_lead_after_a_pages_label_lines(extractor):
    """索引号：…　发布机构：… / 成文日期：… (label lines) / 自5月10日行动开展以来，…。 / 行动中，检查场所300家次
    -> the lead is the first prose paragraph: May 10 to the publication date."""
    fields = fields_of(extractor, ["索引号：ABC123/2024-00123　发布机构：某市公安局", "成文日期：2024-09-11",
                                   "自5月10日行动开展以来，全市公安机关共破获案件500起。",
                                   "行动中，民警共检查场所300家次。"], "300家次", published=P)
    assert (fields["period_start"], fields["period_end"]) == (date(2024, 5, 10), P)


def test_a_headline_restates_a_rounded_or_people_figure(extractor):
    """警方破获贩毒案 缴获毒品市值逾千万元 / 9月3日…缴获毒品市值约1300万元 -> the headline's 逾千万元 takes
    Sep 3; 拘捕12人 restates 拘捕12名."""
    doc = extractor(make_article(["9月3日，警方在某口岸截获贩毒案，缴获毒品市值约1300万元，拘捕12名嫌疑人。"],
                                 "警方截获贩毒案 毒品市值逾千万元 拘捕12人", published=P))
    got = {doc.clean[m.start:m.end]: m.fields["period_start"] for m in doc.metrics if doc.sentences[m.sentence].kind == "title"}
    assert got == {"逾千万元": date(2024, 9, 3), "12人": date(2024, 9, 3)}


def test_the_lead_window_holds_for_later_paragraphs(extractor):
    """今年1至8月，…(lead)。 / 其中，南湖区破获案件96起 -> 2024-01-01..2024-08-31 inherited."""
    fields = fields_of(extractor, ["今年1至8月，嘉兴市公安局共破获案件1200起。", "其中，南湖区破获案件96起。"],
                       "96起", published=P)
    assert (fields["period_start"], fields["period_end"]) == (date(2024, 1, 1), date(2024, 8, 31))


def test_a_whole_year_opening_the_lead_is_the_reports_window(extractor):
    """2023年，全院共批准逮捕…。 / 全年办理案件318件 -> 2023-01-01..2023-12-31 (a work report)."""
    fields = fields_of(extractor, ["2023年，全院共批准逮捕犯罪嫌疑人503人。", "全年办理诈骗案件318件。"],
                       "318件", published=P)
    assert (fields["period_start"], fields["period_end"]) == (date(2023, 1, 1), date(2023, 12, 31))


def test_a_date_line_glued_to_the_lead_is_no_window(extractor):
    """发布日期：2024年2月20日春节期间，我院执结案件126件。/ 出动40余人次 -> 春节期间 (2024-02-10..17),
    the page's printing date is not the paragraph's window."""
    fields = fields_of(extractor, ["发布日期：2024年2月20日春节期间，我院共执结案件126件。行动中，执行干警"
                                   "平均每天出动40余人次。"], "40余人次", published=date(2024, 2, 20))
    assert (fields["period_start"], fields["period_end"]) == (date(2024, 2, 10), date(2024, 2, 17))


def test_a_source_line_glued_to_the_lead_leaves_its_window_open(extractor):
    """来源：乐清市公安局今年以来，…破获案件900起。/ 抓获嫌疑人300名 -> 今年以来 (not 乐清市公安局今年以来,
    which names no window): the source line is no part of the period and the window opens the lead."""
    fields = fields_of(extractor, ["2024-09-12 来源：乐清市公安局今年以来，乐清市公安局共破获案件900起。",
                                   "行动中，全市抓获犯罪嫌疑人300名。"], "300名", published=P)
    assert (fields["period_start"], fields["period_end"]) == (date(2024, 1, 1), P)


def test_a_campaign_window_starts_with_the_dated_lead(extractor):
    """6月3日至7月20日，全省开展集中行动…。/ 专项行动开展以来，全省共收到举报线索2300余条 -> Jun 3 to the
    publication date; with a lead of 今年以来 (no campaign date) it stays undated."""
    fields = fields_of(extractor, ["6月3日至7月20日，全省公安机关开展集中行动，共侦破案件680起。",
                                   "专项行动开展以来，全省共收到群众举报线索2300余条。"], "2300余条", published=P)
    assert (fields["period_start"], fields["period_end"]) == (date(2024, 6, 3), P)
    fields = fields_of(extractor, ["今年以来，全省公安机关共侦破案件680起。",
                                   "专项行动开展以来，全省共收到群众举报线索2300余条。"], "2300余条", published=P)
    assert (fields["period_start"], fields["period_end"]) == (None, None)


def test_a_headline_left_in_the_body_is_not_the_lead(extractor):
    """公安部：全国公安机关今年已抓获…逾万名 (a headline line in the body) / 6月以来，全国…破获… /
    其中，江苏警方打掉团伙320个 -> 6月以来 (2024-06-01..P) is the report's window."""
    fields = fields_of(extractor, ["公安部：全国公安机关夏季行动战果显著",
                                   "6月以来，全国公安机关共破获刑事案件26.8万起。",
                                   "其中，江苏警方共打掉电诈团伙320个。"], "320个", published=P)
    assert (fields["period_start"], fields["period_end"]) == (date(2024, 6, 1), P)


def test_a_year_of_history_opening_the_lead_is_no_window(extractor):
    """1971年，他创办了工厂。/ 现有职工300人 -> no period: a year long before publication."""
    fields = fields_of(extractor, ["1971年，他创办了一家农机厂。", "现有职工300人。"], "300人", published=P)
    assert (fields["period_start"], fields["period_end"]) == (None, None)


def test_an_event_date_in_the_lead_is_no_window(extractor):
    """1994年7月，该公司成立。/ 投资100美元 -> no period carried to the next paragraph."""
    fields = fields_of(extractor, ["1994年7月，该基金开始发售股票。", "只要投资100美元就可收回500美元。"],
                       "500美元", published=P)
    assert (fields["period_start"], fields["period_end"]) == (None, None)


# --- category and statistic ---------------------------------------------------------------------

@pytest.mark.parametrize("sentence, span, category", [
    ("区检察院依法批准逮捕犯罪嫌疑人146人。", "146人", "arrests_approved"),
    # people the text right after the figure says died or were hurt: casualties, whatever the verb
    ("全省共发生道路交通事故1260起，造成210人死亡、980人受伤。", "210人", "casualties"),
    ("全省共发生道路交通事故1260起，造成210人死亡、980人受伤。", "980人", "casualties"),
    ("这些犯罪案件共造成1132人丧生。", "1132人", "casualties"),
    # 发生 accidents and fires are recorded incidents
    ("全省共发生道路交通事故1260起，造成210人死亡、980人受伤。", "1260起", "cases_filed"),
    ("警方移送审查起诉560人。", "560人", "prosecuted"),        # 起诉 is not suspects_arrested
    ("县法院一审审结刑事案件290件。", "290件", "adjudicated"),
    ("该团伙涉案金额2.3亿元。", "2.3亿元", "money_involved"),   # 涉案 money is not seized
    ("为群众挽回经济损失1800万元。", "1800万元", "losses_recovered"),  # 挽回 is not money_other
    # 查处 people suspected of crimes arrests them; 涉案 goods are money involved
    ("开展入户清查行动，查处20余名违法犯罪嫌疑人。", "20余名", "suspects_arrested"),
    ("打掉一个非法采矿团伙，涉案江砂8万余吨。", "8万余吨", "money_involved"),
    # gambling stakes and money flows are the money a case involves
    ("该团伙平均每天投注额超过300万元，资金流水达15亿余元。", "15亿余元", "money_involved"),
    # a court's 受理 records cases (received is not decided: categories.json cases_filed); the
    # amount of the judged cases is money involved
    ("2023年，地方各级人民法院受理案件4557.4万件，结案标的额8.5万亿元。", "4557.4万件", "cases_filed"),
    ("2023年，地方各级人民法院受理案件4557.4万件，结案标的额8.5万亿元。", "8.5万亿元", "money_involved"),
    ("查封、扣押、冻结涉案资产9.4亿元。", "9.4亿元", "assets_seized"),
    ("全市刑事案件立案数同比下降12.8%。", "12.8%", "incidents_change"),
    ("武汉市公安局破获刑事案件1.6万起，约占全省的三成。", "三成", "cases_solved"),  # a share restates
    ("追回被盗电动车27辆，价值8.5万元。", "8.5万元", "losses_recovered"),        # a value restates
    ("火灾造成直接财产损失15亿元。", "15亿元", "casualties"),
    # cases a procuratorate received (受理) for arrest review or for charging are recorded, not yet
    # decided: cases_filed; the approvals and charges are figures of their own
    ("今年以来，全市检察机关共受理审查逮捕案件320件，受理审查起诉案件280件。", "320件", "cases_filed"),
    ("今年以来，全市检察机关共受理审查逮捕案件320件，受理审查起诉案件280件。", "280件", "cases_filed"),
    ("区检察院受理审查逮捕案件97件153人，批准逮捕86人。", "86人", "arrests_approved"),
    # 提请批准逮捕 is the police asking for an arrest: the police stage, not an approval
    ("县公安局今年提请批准逮捕犯罪嫌疑人56人。", "56人", "suspects_arrested"),
    # 接获 cases is recording them; the 损失金额 of fraud victims is the money the offence took
    ("警方今年共接获诈骗案720宗，损失金额达1.2亿元。", "720宗", "cases_filed"),
    ("警方今年共接获诈骗案720宗，损失金额达1.2亿元。", "1.2亿元", "money_involved"),
    ("这场火灾造成损失金额300万元。", "300万元", "casualties"),  # a loss caused stays harm
    # traffic offences dealt with are administrative violations, not seized goods
    ("交警大队今年共查处酒驾醉驾230起。", "230起", "violations_handled"),
    ("交警大队今年共查处超载车辆300辆。", "300辆", "violations_handled"),
    # money by stage: frozen is seized, stopped payments and returns are recovered, a gang's is involved
    ("警方冻结涉案资金1.2亿元，止付涉诈资金3600万元，返还被骗资金800万元。", "1.2亿元", "assets_seized"),
    ("警方冻结涉案资金1.2亿元，止付涉诈资金3600万元，返还被骗资金800万元。", "3600万元", "losses_recovered"),
    ("警方冻结涉案资金1.2亿元，止付涉诈资金3600万元，返还被骗资金800万元。", "800万元", "losses_recovered"),
    ("县法院审结电诈案件88件，判处罪犯230人。", "230人", "adjudicated"),
    # a money figure that qualifies a case noun is the amount the cases involve, whatever the verb
    ("全市百万元以上电诈案全部告破，其中500万元以上大案3起。", "500万元以上", "money_involved"),
    ("挽回损失80万元，案件正在进一步侦办中。", "80万元", "losses_recovered"),  # a comma: not the case's
    # cases an administrative organ hands to the police or a procuratorate: the charge stage
    ("今年以来，市市场监管局向公安机关移送涉嫌犯罪案件36件。", "36件", "prosecuted"),
    ("海关缉私部门向检察机关移送走私犯罪嫌疑人52名。", "52名", "prosecuted"),
])
def test_justice_process_category(extractor, sentence, span, category):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["category"] == category


@pytest.mark.parametrize("sentence, span, statistic", [
    ("春节期间，全市平均每天出动警力3.2万人次。", "3.2万人次", "average"),  # never summed as a total
    ("被骗群众人均被骗7.4万元。", "7.4万元", "average"),
    ("单笔最高被骗金额达86万元。", "86万元", "maximum"),
    ("其中，涉案金额1000万元以上的案件9起。", "1000万元以上", "threshold"),
    ("其中，涉案金额1000万元以上的案件9起。", "9起", "total"),
    ("全市警情同比下降21%。", "21%", "rate"),
    ("共破获案件760起。", "760起", "total"),
    # the peak of a rate is a maximum, a rate per hour an average; 高峰乡 is a place
    ("黄浦分局在外滩实施管控，最高峰时段每小时疏导游客4.5万人次。", "4.5万人次", "maximum"),
    ("民警每小时巡查路段12公里。", "12公里", "average"),
    ("科技服务队到禄丰县高峰乡送科技图书资料2000份。", "2000份", "total"),
    # a class boundary before a noun and 的 (五年以上有期徒刑的罪犯) is a threshold
    ("其中，判处五年以上有期徒刑的重刑犯占比下降至16%。", "五年以上", "threshold"),
])
def test_statistic(extractor, sentence, span, statistic):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["statistic"] == statistic


@pytest.mark.parametrize("paragraphs, title, span, place", [
    # a street named after a city is no place of it: 南京东路 in Shanghai
    (["黄浦区南京东路派出所民警去年受理治安案件2400多起。"], "上海黄浦警方", "2400多起", "上海市黄浦区"),
    # 该院 is the organ named before
    (["虹口区人民检察院去年查处贪污案件45件。", "该院追回赃款1000万元。"], "上海检察工作", "1000万元",
     "上海市虹口区"),
])
def test_streets_and_that_organ(extractor, paragraphs, title, span, place):
    assert fields_of(extractor, paragraphs, span, title)["place"] == place


@pytest.mark.parametrize("sentence, span, category", [
    ("检察机关办理毒品犯罪案件1万多起，逮捕毒品犯罪嫌疑人1.6万多人。", "1.6万多人", "arrests_approved"),
    ("对证据不足的依法不批准逮捕260余人。", "260余人", "other"),     # never summed with approvals
    ("全省法院审结检察机关提起公诉的案件2.9万件。", "2.9万件", "adjudicated"),  # the verb decides
    ("其女儿索要和接受360万元人民币、10万元港币。", "10万元港币", "money_involved"),  # a list shares it
    ("车站派出所查获各类违法人员86名。", "86名", "violations_handled"),   # administrative
])
def test_category_the_verb_then_the_organ(extractor, sentence, span, category):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["category"] == category


@pytest.mark.parametrize("sentence, span, statistic", [
    ("今年共侦破50万元以上电诈案件12起。", "50万元以上", "threshold"),
    ("责令物业在七日内整改。", "七日", "threshold"),
    ("民警与网格员组建5支10人一队的巡逻队。", "10人", "average"),
    ("被告人分别被判处有期徒刑三年至七年六个月不等。", "三年至七年", "maximum"),
])
def test_statistic_of_thresholds_units_and_ranges(extractor, sentence, span, statistic):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["statistic"] == statistic


def test_an_undated_page_resolves_what_its_year_allows(extractor):
    """An undated page that names 2021年上半年: 今年以来 starts 2021-01-01 and has no end."""
    fields = fields_of(extractor, ["2021年上半年，全市警情同比下降9%。", "今年以来，全市破获案件760起。"], "760起")
    assert (fields["period_start"], fields["period_end"]) == (date(2021, 1, 1), None)


def test_a_reporter_of_the_byline_is_no_subject(extractor):
    """本报讯（记者 王明）…破获案件12起: the subject is never 王明."""
    fields = fields_of(extractor, ["本报讯（记者 王明）近日，镇江市公安局破获案件12起。"], "12起")
    assert fields["subject"] != "王明"


def test_a_destination_is_not_the_place_of_the_figure(extractor):
    """公安部…批准内地居民赴澳门定居1880人 -> 全国, not 澳门 (where people went)."""
    fields = fields_of(extractor, ["公安部出入境管理局介绍，去年批准内地居民赴澳门定居1880人。"], "1880人")
    assert fields["place"] == "全国"


def test_a_district_shared_by_cities_is_read_in_the_city_of_an_organ(extractor):
    """广州市公安局…。白云区公安分局查获违法人员86名 -> 广东省广州市白云区 (not 贵阳's 白云区)."""
    fields = fields_of(extractor, ["广州市公安局部署春运安保。", "白云区公安分局在车站查获违法人员86名。"],
                       "86名")
    assert fields["place"] == "广东省广州市白云区"


def test_since_a_month(extractor):
    """今年4月以来 -> from April 1 to the publication date, not April only."""
    fields = fields_of(extractor, ["今年4月以来，全市共侦破养老诈骗案件210起。"], "210起", published=P)
    assert (fields["period_start"], fields["period_end"]) == (date(2024, 4, 1), P)


# --- townships, zones and county-level cities (issue 12 round 3) --------------------------------

@pytest.mark.parametrize("paragraphs, title, span, place, level", [
    # 全市 in a county-level city's report is that city, not the prefecture above it
    (["乐清市公安局召开通报会。", "今年以来，全市共破获电诈案件980起。"], "乐清警方通报", "980起",
     "浙江省温州市乐清市", "county"),
    # a development zone is the city it is named after, or the one district it is
    (["西安高新区公安分局上半年共破获盗窃案件120起。"], None, "120起", "陕西省西安市", "prefecture"),
    (["武汉经济技术开发区公安分局今年已受理警情5600起。"], None, "5600起", "湖北省武汉市", "prefecture"),
    (["苏州高新区公安分局今年共查处违法行为800起。"], None, "800起", "江苏省苏州市虎丘区", "county"),
])
def test_townships_zones_and_county_cities(extractor, paragraphs, title, span, place, level):
    fields = fields_of(extractor, paragraphs, span, title, published=P)
    assert (fields["place"], fields["place_level"]) == (place, level)


@pytest.mark.parametrize("org, place, county, township", [
    # 虹桥镇派出所 in a 乐清 article: the township under the county named before
    ("虹桥镇派出所", None, "浙江省温州市乐清市", "浙江省温州市乐清市虹桥镇"),
    ("东山街道派出所", None, "江苏省南京市江宁区", "江苏省南京市江宁区东山街道"),
    # 瑞安市塘下镇派出所: the county the organ's own name gives
    ("瑞安市塘下镇派出所", "浙江省温州市瑞安市", None, "浙江省温州市瑞安市塘下镇"),
    # no township in the name, or no county to hang it on
    ("石岩派出所", None, "广东省深圳市宝安区", None),
    ("虹桥镇派出所", None, None, None),
    ("桥镇派出所", None, "浙江省温州市乐清市", None),  # a name cut by the entity rules
])
def test_an_organ_named_after_a_township(org, place, county, township):
    from pipeline.places import Gazetteer
    from pipeline.stages.metrics.townships import township_of_organ

    assert township_of_organ(Gazetteer(), org, place, county) == township


@pytest.mark.parametrize("paragraphs, title, span, place", [
    # 全国 in a report about a foreign country is that country, by any of its names
    (["匈牙利警方称，去年全国刑事案件比前年增加10%。"], "匈牙利刑事案件增多", "10%", "匈牙利"),
    (["据捷克共和国内政部统计，去年全国共发生盗窃案件21万起。"], None, "21万起", "捷克"),
    # but not in a Chinese report that names a foreign partner
    (["公安部与美国警方开展执法合作。", "去年全国公安机关共破获案件30万起。"], None, "30万起", "全国"),
])
def test_national_scope_abroad(extractor, paragraphs, title, span, place):
    assert fields_of(extractor, paragraphs, span, title)["place"] == place


@pytest.mark.parametrize("paragraphs, span, place", [
    # a station named by its township without 镇: the township the article writes in full
    (["村民反映封开县长岗镇一处鱼塘被倾倒废渣40吨。", "封开县公安局长岗派出所民警查获运渣车5辆。"], "5辆",
     "广东省肇庆市封开县长岗镇"),
    # never written in full: the county only (no township gazetteer to say 镇 or 街道)
    (["封开县公安局长岗派出所民警查获运渣车5辆。"], "5辆", "广东省肇庆市封开县"),
    # a name after a county is the station's, not a county-level city's short form (尚志市)
    (["哈尔滨市道里区尚志派出所在辖区设立报警亭28处。"], "28处", "黑龙江省哈尔滨市道里区"),
])
def test_a_station_named_by_a_bare_township(extractor, paragraphs, span, place):
    assert fields_of(extractor, paragraphs, span)["place"] == place


@pytest.mark.parametrize("paragraphs, span, place", [
    # how far a case reached (受害人遍布全国, 涉及全国28个省份) is no national scope: the organ's place
    (["嘉兴市公安局破获一起电诈案，受害人遍布全国20多个省份，涉案金额3000余万元。"], "3000余万元", "浙江省嘉兴市"),
    (["温州警方打掉一个赌博团伙，涉及全国28个省份的参赌人员1.2万余人。"], "1.2万余人", "浙江省温州市"),
    (["该团伙成员来自全国各地，台州市公安局共抓获45人。"], "45人", "浙江省台州市"),
    # no organ in the sentence: a count of provinces after a spread verb, in a local report
    (["丽水市公安局破获一起网络赌博案。", "案件波及全国19个省份的参赌人员3000余名。"], "3000余名", "浙江省丽水市"),
    # 全国 as the organ's scope stays national
    (["今年以来，全国公安机关共破获电诈案件30万起。"], "30万起", "全国"),
    (["公安部通报，案件涉及全国31个省份，共抓获嫌疑人800名。"], "800名", "全国"),
])
def test_the_reach_of_a_case_is_not_a_national_scope(extractor, paragraphs, span, place):
    assert fields_of(extractor, paragraphs, span)["place"] == place


def test_a_running_window_after_a_scene_setting_lead_holds_for_the_report(extractor):
    """家住…的市民十分高兴。 / 去年以来，该区开展整治行动…。 / 查处交通违法行为1500余起 -> from Jan 1 of
    last year: the first paragraph only sets a scene, the second states the report's window."""
    paragraphs = ["看着巷子变得干净整洁，家住城南的市民老周十分高兴。",
                  "城南区是主要城区之一，去年以来，该区针对群众反映强烈的问题开展系列整治行动。",
                  "交警部门开展集中整治，查处各类交通违法行为1500余起。"]
    fields = fields_of(extractor, paragraphs, "1500余起", published=P)
    assert (fields["period_start"], fields["period_end"]) == (date(2023, 1, 1), P)
    # a lead that states a figure is the lead: the window of its next paragraph is its own
    paragraphs[0] = "城南警方近日破获一起盗窃案，抓获嫌疑人3名。"
    fields = fields_of(extractor, paragraphs, "1500余起", published=P)
    assert fields["period_start"] is None


def test_an_end_only_window_after_a_launch_runs_from_the_launch(extractor):
    """今年3月8日，某市公安局上线开通“警民直通车”…。截至8月31日，共受理群众诉求512件 -> Mar 8 to
    Aug 31; after a meeting (3月8日召开会议) the end stands alone."""
    paragraphs = ["今年3月8日，某市公安局上线开通“警民直通车”平台。截至8月31日，共受理群众诉求512件。"]
    fields = fields_of(extractor, paragraphs, "512件", published=P)
    assert (fields["period_start"], fields["period_end"]) == (date(2024, 3, 8), date(2024, 8, 31))
    paragraphs = ["今年3月8日，某市公安局召开反诈工作会议。截至8月31日，共受理群众诉求512件。"]
    fields = fields_of(extractor, paragraphs, "512件", published=P)
    assert (fields["period_start"], fields["period_end"]) == (None, date(2024, 8, 31))


@pytest.mark.parametrize("sentence, span, start, end", [
    # a campaign's stated length runs from its stated start: 为期100天 from Jun 11 ends Sep 18
    ("自今年6月11日开展为期100天的专项打击行动以来，全市共破获案件300起。", "100天", "2024-06-11", "2024-09-18"),
    ("今年3月1日起，全省开展为期3个月的夏季行动，抓获嫌疑人50名。", "3个月", "2024-03-01", "2024-05-31"),
    # the figures counted in it keep their own window (to the publication date)
    ("自今年6月11日开展为期100天的专项打击行动以来，全市共破获案件300起。", "300起", "2024-06-11", "2024-09-12"),
])
def test_a_campaign_length_ends_its_own_window(extractor, sentence, span, start, end):
    fields = fields_of(extractor, [sentence], span, published=P)
    assert tuple(d.isoformat() if d else None for d in (fields["period_start"], fields["period_end"])) \
        == (start, end)


def test_an_end_in_a_later_paragraph_takes_no_start_from_the_lead(extractor):
    """今年以来，全市…(lead)。 / 截至10月31日，全市已建成智慧安防小区380个 -> no start: a stock counted
    to a day in another paragraph; the lead's window gives a start only in its own paragraph."""
    paragraphs = ["今年以来，全市公安机关共破获刑事案件1500起。", "截至8月31日，全市已建成智慧安防小区380个。"]
    fields = fields_of(extractor, paragraphs, "380个", published=P)
    assert (fields["period_start"], fields["period_end"]) == (None, date(2024, 8, 31))


@pytest.mark.parametrize("paragraphs, span, category", [
    (["警方在屯门一單位檢獲現金約35萬港元。"], "約35萬港元", "assets_seized"),   # 檢獲 (Hong Kong) = 缴获
    (["九龍城警區今年搗破賭博集團5個。"], "5個", "gangs_dismantled"),         # 搗破 = 捣毁
])
def test_hong_kong_words_for_seizing_and_breaking_up(extractor, paragraphs, span, category):
    """檢獲 and 搗破, read through the simplified view, take the categories of 缴获 and 捣毁."""
    assert fields_of(extractor, paragraphs, span)["category"] == category


@pytest.mark.parametrize("paragraphs, title, span, place, source", [
    # a place heading a police word is that place's organ, tagged or not
    (["吴中水警今年以来共救助落水群众12人。"], "苏州水上安全通报", "12人", "江苏省苏州市吴中区", "organ"),
    (["今年以来，昆山交警共查处酒驾230起。"], None, "230起", "江苏省苏州市昆山市", "organ"),
    # a county's short form only in news of its province or city: 会同 is a verb here, not 会同县
    (["上海市税务局通报。", "税稽人员会同公安、检察部门，查获虚开发票案值724万元。"], None, "724万元", "上海市",
     "article"),
    (["今年以来，全市深化平安公安建设，共新建警务室12个。"], "沧州警方通报", "12个", "河北省沧州市", "organ"),
    # places listed in no one province (or named jointly) make a figure spread over provinces: 全国
    (["今年以来，北京、上海两地警方共抓获嫌疑人30名。"], None, "30名", "全国", "sentence"),
    (["深港两地警方今年联合破获走私案件12起。"], "深圳海关通报", "12起", "全国", "sentence"),
    (["珠三角地区今年共破获电诈案件3000起。"], None, "3000起", "广东省", "sentence"),
    (["今年，东莞、深圳警方联合破获案件12起。"], None, "12起", "广东省", "organ"),
    # a river bank that shares a district's name is no district; the district's organ is
    (["长江南岸一带今年共有12人溺水。"], "武汉江岸区通报", "12人", "湖北省武汉市江岸区", "article"),
    (["今年以来，南岸警方共破获案件300起。"], "重庆警方通报", "300起", "重庆市南岸区", "organ"),
    # an organ named again by the end of its name keeps the place of its full name
    (["哈尔滨市道里区尚志派出所所长表彰大会召开。", "今年以来，尚志派出所共调解纠纷45起。"], None, "45起",
     "黑龙江省哈尔滨市道里区", "organ"),
    (["哈尔滨市道里区尚志派出所所长表彰大会召开。", "针对尚志地区夜间多发盗窃，所里设立报警亭28处。"], None,
     "28处", "黑龙江省哈尔滨市道里区", "sentence"),
])
def test_untagged_organs_joint_areas_and_banks(extractor, paragraphs, title, span, place, source):
    fields = fields_of(extractor, paragraphs, span, title)
    assert (fields["place"], fields["place_source"]) == (place, source)


def test_a_district_is_read_under_the_city_written_before_it():
    """福州市鼓楼区: the district of 福州, whatever reading the tagger gave the bare name."""
    from pipeline.places import Gazetteer
    from pipeline.stages.metrics.place_rules import read_under

    gaz = Gazetteer()
    assert read_under(gaz, "鼓楼区", "江苏省南京市鼓楼区", "福建省福州市") == "福建省福州市鼓楼区"
    assert read_under(gaz, "鼓楼区", "福建省福州市鼓楼区", "福建省福州市") is None  # nothing to correct
    assert read_under(gaz, "鼓楼区", "江苏省南京市鼓楼区", "全国") is None


@pytest.mark.parametrize("org, place", [
    ("云南红塔集团", "云南省"),  # a firm's brand after its province is no county (红塔区)
    ("胶州公安", "山东省青岛市胶州市"),  # an organ's county short form at its head is
    ("介休纺织厂", "山西省晋中市介休市"),  # and so is a firm's
])
def test_a_firm_name_gives_no_county_from_its_brand(org, place):
    from pipeline.places import Gazetteer
    from pipeline.stages.metrics.who_where import org_place

    assert org_place(Gazetteer(), org, set()) == place


def test_mugian_opening_a_clause_is_up_to_now_and_jinqi_has_no_window(extractor):
    """据介绍，目前市反诈中心日均发出预警指令3000条 -> (None, P), not the paragraph's 今年前两个月;
    各派出所近期共检查商户1.2万家 -> no window (近期 names none)."""
    published = date(2026, 3, 2)
    doc = extractor(make_article(["今年前两个月，全市破获电诈案件300起。",
                                  "据介绍，目前市反诈中心日均发出预警指令3000条，各派出所近期共检查商户1.2万家。"],
                                 published=published))
    fields = {doc.clean[m.start:m.end]: m.fields for m in doc.metrics}
    assert (fields["300起"]["period_start"], fields["300起"]["period_end"]) == (date(2026, 1, 1), date(2026, 2, 28))
    assert (fields["3000条"]["period_start"], fields["3000条"]["period_end"]) == (None, published)
    assert (fields["1.2万家"]["period_start"], fields["1.2万家"]["period_end"]) == (None, None)


def test_a_figure_stated_for_the_comparison_base_takes_the_base_period(extractor):
    """今年上半年立案数同比下降10.5%，去年同期为上升3.2% -> 3.2% is last year's first half."""
    doc = extractor(make_article(["今年上半年，全县刑事案件立案数同比下降10.5%，去年同期为上升3.2%。"],
                                 published=date(2026, 7, 10)))
    fields = {doc.clean[m.start:m.end]: m.fields for m in doc.metrics}
    assert (fields["10.5%"]["period_start"], fields["10.5%"]["period_end"]) == (date(2026, 1, 1), date(2026, 6, 30))
    assert (fields["3.2%"]["period_start"], fields["3.2%"]["period_end"]) == (date(2025, 1, 1), date(2025, 6, 30))


def test_suspects_caught_in_several_districts_keep_the_organs_place(extractor):
    """项城市公安局…。专案组在川汇区、鹿邑县等地同步收网，抓获…7人 -> 河南省周口市项城市 (the acting
    organ's area), not 周口市 (the common city of the two sites)."""
    fields = fields_of(extractor, ["接警后，警方迅速成立专案组开展侦查。",
                                   "专案组在川汇区、鹿邑县等地同步收网，抓获犯罪嫌疑人7人。"], "7人",
                       title="项城市公安局关于一起诈骗案的通报")
    assert fields["place"] == "河南省周口市项城市"


def test_a_list_of_districts_that_is_no_catch_site_stays_joint(extractor):
    """项城市公安局…。川汇区、鹿邑县共发生警情120起 -> the two districts' city, not the organ's."""
    fields = fields_of(extractor, ["接警后，警方迅速成立专案组开展侦查。",
                                   "今年川汇区、鹿邑县共发生警情120起。"], "120起",
                       title="项城市公安局关于一起诈骗案的通报")
    assert fields["place"] == "河南省周口市"



def test_a_breakdown_by_district_passes_on_the_whole_city(extractor):
    """吉阳区、天涯区分别发生火灾6起、5起，海棠区2起。除夕夜…起火1起 -> 海南省三亚市: a sentence after a
    breakdown by district is about the districts' city, not the last district named."""
    fields = fields_of(extractor, ["三亚市消防救援支队通报春节火情。",
                                   "吉阳区、天涯区分别发生火灾6起、5起，海棠区2起。除夕夜，一处景区周边起火1起。"],
                       "1起")
    assert fields["place"] == "海南省三亚市"


def test_one_place_in_the_earlier_sentence_is_still_inherited(extractor):
    """海棠区发生火灾2起。除夕夜，一处景区周边起火1起 -> 海南省三亚市海棠区 (no breakdown)."""
    fields = fields_of(extractor, ["三亚市消防救援支队通报春节火情。",
                                   "海棠区发生火灾2起。除夕夜，一处景区周边起火1起。"], "1起")
    assert fields["place"] == "海南省三亚市海棠区"
