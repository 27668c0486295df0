"""Categories of the justice stages named around a figure (issue 12, category round 2)."""

from __future__ import annotations

import pytest

from .helpers import figures, make_article


@pytest.mark.parametrize("sentence, span, category", [
    # restoration a court orders the offender to pay for is money made good, not a penalty
    ("法院判处被告人刑罚，并责令其出资52万元修复受损林地。", "52万元", "losses_recovered"),
    ("法院判令被告赔偿生态修复费用30万元。", "30万元", "losses_recovered"),
    # ... while 判令 to pay restoration costs with no compensation verb stays a penalty of the judgment
    ("法院判令被告支付生态修复费用18万元。", "18万元", "sentences_imposed"),
    # the people a fraud took money from are its victims, whatever verb the rules read first
    ("张某以投资理财为名骗取本村9名老人存款共计40万元。", "9名", "casualties"),
    # defendants counted in one of the court's cases were tried
    ("在一起非法采砂案件中，被告人李某等4人在河道夜间采砂。", "4人", "adjudicated"),
    # the verb after the case the people are charged in decides
    ("某区人民检察院近日对王某等7人帮助信息网络犯罪活动一案提起公诉。", "7人", "prosecuted"),
    # 支持起诉 backs a civil suit: no prosecution
    ("该院今年追缴违法所得12万元，支持起诉9件。", "9件", "other"),
    # money that flowed through the cards of a fraud is the money of the offence
    ("经查，上述账户共流入涉诈资金2100余万元。", "2100余万元", "money_involved"),
    # a price per item in an offence, and the cards bought for resale, are the offence's
    ("刘某以每张200元至400元的价格收购银行卡50张。", "200元至400元", "money_involved"),
    ("刘某以每张200元至400元的价格收购银行卡50张。", "50张", "money_involved"),
    # wild birds freed from the poachers are the goods of the offence, as is a part after 其中
    ("民警现场收缴捕鸟网12张，解救野生鸟类86只，其中国家二级保护野生动物5只。", "86只", "money_involved"),
    ("民警现场收缴捕鸟网12张，解救野生鸟类86只，其中国家二级保护野生动物5只。", "5只", "money_involved"),
    # a difference to last year's whole is a change, not the stock
    ("全市检察机关今年以来追赃挽损12.3亿元，比去年全年多出2.1亿元。", "2.1亿元", "incidents_change"),
    ("全市检察机关今年以来追赃挽损12.3亿元，比去年全年多出2.1亿元。", "12.3亿元", "losses_recovered"),
    # Taiwan wording: a detention requested by the prosecutor and granted
    ("檢方聲押獲准5人。", "5人", "arrests_approved"),
    # the clause's own 发案 decides over 侦破 carried from the clause before
    ("今年以来，某县公安局共侦破盗窃案件15起，比去年同期多4起，甲镇、乙镇分别发案6起和2起。", "6起", "cases_filed"),
    ("今年以来，某县公安局共侦破盗窃案件15起，比去年同期多4起，甲镇、乙镇分别发案6起和2起。", "15起", "cases_solved"),
    # a share stated right after its case noun, with no 占, is a share of the cases counted before
    ("今年全省破获毒品案件1200起，贩卖毒品案件超四成。", "超四成", "cases_solved"),
    # ... but a clearance rate is a level of its own
    ("今年全省破获毒品案件1200起，破案率超九成。", "超九成", "cases_solved"),
])
def test_stage_named_around_the_figure(extractor, sentence, span, category):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["category"] == category


def test_remittances_stopped_at_the_counter_are_warnings_and_their_amount_is_saved(extractor):
    """攔阻臨櫃匯款43件、金額共3,100萬元: the cases are fraud_warnings, the amount losses_recovered."""
    doc = extractor(make_article(["某市警察局今年受理詐騙案件1,612件，攔阻民眾臨櫃匯款28件、金額共1,200萬元。"],
                                 title="某市警察局防詐騙成果"))
    found = {doc.clean[m.start:m.end]: m.fields["category"] for m in doc.metrics}
    assert found["28件"] == "fraud_warnings"
    assert found["1,200萬元"] == "losses_recovered"


@pytest.mark.parametrize("title", ["检 察 官 提 醒", "某县人民检察院"])
def test_a_procuratorate_handling_cases_prosecutes(extractor, title):
    """我院共办理帮信案件30件50人 under a heading spaced out (检 察 官 提 醒) or naming the
    procuratorate: the procuratorate's stage, prosecuted, not cases_filed."""
    doc = extractor(make_article(["今年以来，我院共办理帮信案件30件50人。"], title=title))
    assert [m.fields["category"] for m in doc.metrics] == ["prosecuted", "prosecuted"]
