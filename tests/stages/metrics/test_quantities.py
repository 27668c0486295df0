"""Finding and reading figures: value, unit, kind, approximation, span; what is no figure;
unreadable numbers quarantined; records validate."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import errors
from pipeline.stages.metrics import MetricExtractor
from schemas.records import Metric

from .helpers import figures, make_doc


@pytest.mark.parametrize("sentence, span, value, unit, kind, approx, change", [
    ("共破获案件760起。", "760起", 760, "起", "count", None, None),
    ("抓获犯罪嫌疑人1134人。", "1134人", 1134, "人", "count", None, None),
    ("查扣涉案资产13亿元。", "13亿元", 1.3e9, "元", "money", None, None),
    ("预警劝阻14.5万人次。", "14.5万人次", 145000, "人次", "count", None, None),
    ("为群众挽损812.6万元。", "812.6万元", 8126000, "元", "money", None, None),
    ("价值200万余元。", "200万余元", 2e6, "元", "money", "over", None),
    ("投入900余万元完成改造。", "900余万元", 9e6, "元", "money", "over", None),
    ("查处20余宗违法犯罪嫌疑人。", "20余宗", 20, "宗", "count", "over", None),
    ("涉案江砂8万余吨。", "8万余吨", 80000, "吨", "weight", "over", None),
    ("群众安全感99.13%。", "99.13%", 99.13, "%", "percent", None, None),
    ("矛盾纠纷化解率超九成。", "超九成", 90, "成", "percent", "over", None),
    ("满意率达七成六。", "七成六", 76, "成", "percent", None, None),
    ("比例为百分之四十。", "百分之四十", 40, "%", "percent", None, None),
    ("占三分之一。", "三分之一", 33.33, "%", "percent", None, None),
    ("辖区各类警情同比下降21%。", "21%", 21, "%", "percent", None, "down"),
    ("发案率比去年下降3个百分点。", "3个百分点", 3, "个百分点", "percent", None, "down"),
    ("被判处有期徒刑七年六个月。", "七年六个月", 7.5, "年", "duration", None, None),
    ("开展为期100天的专项行动。", "100天", 100, "天", "duration", None, None),
    ("连续13个月保持零发案。", "13个月", 13, "个月", "duration", None, None),
    ("罚款30万至50万元。", "30万至50万元", 3e5, "元", "money", None, None),
    ("判处1至10年有期徒刑。", "1至10年", 1, "年", "duration", None, None),
    ("近5000人参加。", "近5000人", 5000, "人", "count", "under", None),
    ("离居民楼不足10米。", "不足10米", 10, "米", "length", "under", None),
    ("完成2300米道路改造。", "2300米", 2300, "米", "length", None, None),
    ("成功破获一起非法采矿案。", "一起", 1, "起", "count", None, None),
    ("打掉一个犯罪团伙。", "一个", 1, "个", "count", None, None),
    ("打掉洗钱窝点、跑分平台51个，GOIP窝点两个。", "两个", 2, "个", "count", None, None),
    ("发动全市30万“盛京义勇”志愿者。", "30万", 3e5, "", "count", None, None),
    ("１９９７年共发生犯罪案件２·４７万起。", "２·４７万起", 24700, "起", "count", None, None),
    ("工期缩短半年。", "半年", 0.5, "年", "duration", None, "down"),
    ("职工人均收入１０多万元。", "１０多万元", 1e5, "元", "money", "over", None),
    ("经济效益增长１．５倍。", "１．５倍", 1.5, "倍", "other", None, "up"),
    ("持卡可享受八五折优惠。", "八五折", 85, "折", "percent", None, None),
    # approximate hundreds and thousands with a measure word (逾千名, 近千人, 千余起, 过千名)
    ("今年抓获犯罪嫌疑人逾千名。", "逾千名", 1000, "名", "count", "over", None),
    ("劝阻潜在受害群众近千人。", "近千人", 1000, "人", "count", "under", None),
    ("共破获盗窃案件千余起。", "千余起", 1000, "起", "count", "over", None),
    ("参战民警过千名。", "过千名", 1000, "名", "count", "over", None),
    ("每天出动警力近万人次。", "近万人次", 10000, "人次", "count", "under", None),
    ("涉案金额千余万元。", "千余万元", 1e7, "元", "money", "over", None),
    # calls counted after 电话 are figures, a phone number is not (拨打电话12345)
    ("拦截诈骗电话48万次。", "48万次", 480000, "次", "count", None, None),
    ("接到报警电话60余次。", "60余次", 60, "次", "count", "over", None),
])
def test_figures(extractor, sentence, span, value, unit, kind, approx, change):
    got = [f for f in figures(extractor, sentence) if f["text"] == span]
    assert got, figures(extractor, sentence)
    figure = got[0]
    assert figure["value"] == pytest.approx(value, rel=1e-3)
    assert (figure["unit"], figure["quantity_kind"], figure["approx"],
            figure["change_direction"]) == (unit, kind, approx, change)


@pytest.mark.parametrize("sentence", [
    "2021年上半年召开会议。",  # a year
    "7月27日，法院公开宣判。",  # a date
    "17日下午，民警赶到现场。",  # a date, not a duration
    "河北区检察院第四检察部主任介绍。",  # an ordinal
    "天津市河北区首批警示教育基地启用。",  # 首批
    "做好12337智能化举报平台的核查。",  # an id
    "拨打110报警。",  # an id
    "侦破“10·7案件”。",  # a case name
    "发挥“三书一函”的作用。",  # a slogan
    "介绍了“四大检察”和“六稳”“六保”的举措。",  # slogans
    "一举打掉张某某团伙。",  # an idiom
    "排查出多名社区矫正对象。",  # vague
    "群众自筹自建一批智能门禁。",  # vague
    "开展了一次法治讲座。",  # 一 outside enforcement verbs
    "规范市县两级扫黑办建设。",  # 两级
    "从预防、发现、查处、追责四个环节入手。",  # a list summed up
    "实现“事前提醒、事中监督、事后考核”三个同步。",  # a slogan summed up
    "实行24小时不间断巡逻。",  # an operating mode
    "１美元合８．０９元人民币。",  # only 8.09元 is a figure
    "纽约一家证券信息公司发布报告。",  # 约 inside a place name
    "深入学习贯彻党的二十大精神。",  # 二十大
    "南京、上海、广州、深圳、珠海等５个城市市场。",  # a list summed up
    "数十人围观。",  # vague
    "１９９７年１月至１１月份。",  # dates
    "浦东分局在陆家嘴设置警务站。",  # 陆 of a name, not 6
    "发布时间：2024-01-182023年，全院召开会议。",  # a date line glued to the paragraph
    "破获案件上千起。",  # vague: 上千, 上万 (the guideline's vague quantities)
    "成千上万名群众赶来。",  # an idiom
    "召开千人大会。",  # a name, not a count (千 without 近, 逾, 余)
    "拨打举报电话12345反映问题。",  # a phone number
])
def test_not_metrics(extractor, sentence):
    got = [f["text"] for f in figures(extractor, sentence)]
    if sentence.startswith("１美元"):
        assert len(got) == 1 and got[0].startswith("８．０９元")
    else:
        assert got == []


def test_unreadable_number_is_quarantined(extractor):
    doc = extractor(make_doc("查处十七十八人。"))
    assert not doc.metrics
    assert [r.reason for r in doc.rejects] == [errors.UNPARSED_NUMBER]
    assert doc.rejects[0].stage == "metrics" and "十七十八" in doc.rejects[0].excerpt


def test_title_lines_are_read(extractor):
    # A headline figure is a statement of its own (the gold set annotates it).
    doc = make_doc("呼伦贝尔50万元以上电诈案实现全破")
    doc.sentences[0].kind = "title"
    assert [doc.clean[m.start:m.end] for m in extractor(doc).metrics] == ["50万元以上"]


def test_bylines_are_skipped(extractor):
    doc = make_doc("本报记者 丁国锋 3人")
    doc.sentences[0].kind = "byline"
    assert extractor(doc).metrics == []


def test_records_validate(extractor, seed_text):
    doc = extractor(make_doc(seed_text))
    assert len(doc.metrics) > 50
    for i, m in enumerate(doc.metrics):
        record = Metric(metric_id=str(i), doc_id="t", article_id="a", sentence_id="s",
                        text=seed_text[m.start:m.end], start=m.start, end=m.end, **m.fields)
        assert seed_text[record.start:record.end] == record.text
        assert record.text and not record.text.isspace()


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=11, max_value=10**7),
       st.sampled_from(["起", "人", "名", "个", "宗", "家", "辆", "人次", "吨", "米", "元"]),
       st.sampled_from(["破获案件", "抓获犯罪嫌疑人", "查处", "共有"]),
       st.text(alphabet="的了在和与群众社会安全工作推进", min_size=0, max_size=12))
def test_planted_figure_comes_back(extractor, n, unit, lead, filler):
    # Oracle test: a figure planted after arbitrary filler comes back at its exact offsets.
    head = f"{filler}，{lead}"
    text = f"{head}{n}{unit}。"
    doc = extractor(make_doc(text))
    spans = [(m.start, m.end, m.fields["value"]) for m in doc.metrics]
    assert (len(head), len(head) + len(str(n)) + len(unit), float(n)) in spans


def test_sentences_without_words_are_an_error():
    """The stage reads pkuseg words: a document the tokenize stage has not seen is a bug of
    the pipeline, said plainly."""
    with pytest.raises(ValueError, match="tokenize"):
        MetricExtractor()(make_doc("共破获案件760起。"))


@pytest.mark.parametrize("sentence, kept", [
    # 上百名, 数十名, 数千万元, 上万名: a vague magnitude, no value to sum (the guideline's convention);
    # 逾千名 and 近百个 state a bound and are figures (1000 over, 100 under)
    ("警方出动上百名民警，抓获数十名嫌疑人，涉案金额数千万元，受害人上万名。", []),
    ("逾千名群众和近百个单位参与反诈宣传。", ["逾千名", "近百个"]),
])
def test_vague_magnitudes_are_no_figures_but_bounds_are(extractor, sentence, kept):
    """上千起/上万名/数十名 -> no figure; 逾千名 -> 1000, approx over."""
    assert [f["text"] for f in figures(extractor, sentence)] == kept


def test_macao_patacas_are_money(extractor):
    """涉款约1.2亿澳门元 -> money, unit 澳门元, currency MOP (as 港元 is HKD): summed with money, not counts."""
    found = [f for f in figures(extractor, "电讯诈骗案涉款约1.2亿澳门元，另有3000澳门币。")]
    assert [(f["text"], f["quantity_kind"], f["unit"], f["currency"]) for f in found] == [
        ("约1.2亿澳门元", "money", "澳门元", "MOP"), ("3000澳门币", "money", "澳门币", "MOP")]
