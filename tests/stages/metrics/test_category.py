"""The category taxonomy."""

from __future__ import annotations

import pytest

from .helpers import attribute, figures, make_article


def test_category_and_period(extractor):
    from datetime import date

    doc = extractor(make_article(["今年以来，呼伦贝尔市公安局共破获案件760起。"],
                                 published=date(2021, 11, 2)))
    figure = doc.metrics[0].fields
    assert figure["category"] == "cases_solved"
    assert figure["period"] == "今年以来"
    assert (figure["period_start"], figure["period_end"]) == (date(2021, 1, 1), date(2021, 11, 2))
    assert figure["subject"] == "呼伦贝尔市公安局"
    assert figure["place"] == "内蒙古自治区呼伦贝尔市"


@pytest.mark.parametrize("sentence, span, category", [
    ("发动村干部、网格员等与民警、辅警组建5支10人一队的护农队。", "5支", "deployment"),
    # A count without an object is read on its own clause: 干部 earlier is not what it counts.
    ("发动村干部参与巡逻，共5支。", "5支", "other"),
    ("查处党员干部违纪问题，处理干部12人。", "12人", "officials_punished"),
    # A change without a noun of its own is read on its sentence.
    ("其中出口1827亿美元，增长20.9%。", "20.9%", "economy"),
    # A suspended term with no verb of its own is still a sentence (or_objects).
    ("以贪污罪判处樊某有期徒刑3年，缓刑5年，没收财产1万元。", "5年", "sentences_imposed"),
])
def test_category(extractor, sentence, span, category):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["category"] == category


def test_every_category_is_in_the_taxonomy(extractor):
    names = [c["name"] for c in extractor.categories]
    assert names[-1] == "other"  # a category may have several rules, tried in order
    for rule in extractor.categories:
        assert rule["description"] and set(rule) <= {
            "name", "description", "examples", "actions", "or_objects", "objects", "words",
            "sentence_words",
            "not_words", "kinds", "change"}, rule
    for required in ("cases_solved", "suspects_arrested", "gangs_dismantled", "assets_seized",
                     "officials_punished", "losses_recovered", "fraud_warnings",
                     "social", "incidents_change", "cases_filed", "arrests_approved", "prosecuted",
                     "adjudicated", "money_involved", "police_service", "deployment"):
        assert required in names


@pytest.mark.parametrize("sentences", [
    ["今年以来共破获诈骗案件1487起，其中跨境诈骗案件210起，冒充客服类诈骗案件340起。"],
    ["今年以来共破获诈骗案件1487起。其中，跨境诈骗案件210起，冒充客服类诈骗案件340起。"],
])
def test_a_subtotal_after_qizhong_takes_the_category_of_its_total(extractor, sentences):
    """破获诈骗案件1487起。其中，跨境诈骗案件210起: the parts were solved too (not cases_filed),
    in the same sentence or in the next one that 其中 opens."""
    doc = extractor(make_article(sentences))
    categories = {doc.clean[m.start:m.end]: m.fields["category"] for m in doc.metrics}
    assert categories == {"1487起": "cases_solved", "210起": "cases_solved",
                          "340起": "cases_solved"}


def test_a_traditional_script_page_is_read_through_its_simplified_view(extractor):
    """廣州市反詐中心發出預警勸阻14.5萬人次 reads as 预警劝阻: fraud_warnings, as its simplified twin."""
    simplified = figures(extractor, "今年以来，广州市反诈中心发出预警劝阻14.5万人次，避免群众损失3.2亿元。")
    traditional = figures(extractor, "今年以來，廣州市反詐中心發出預警勸阻14.5萬人次，避免羣衆損失3.2億元。")
    assert [f["category"] for f in traditional] == [f["category"] for f in simplified]
    assert traditional[0]["category"] == "fraud_warnings"


@pytest.mark.parametrize("title, paragraph, span, category", [
    # A sentence naming no organ takes the stage of the organ its headline names.
    ("某区人民检察院工作报告", "全年办理电信网络诈骗犯罪案件318件。", "318件", "prosecuted"),
    ("某县人民法院关于集中执行工作的通报", "春节期间，我院共执结案件126件。", "126件", "adjudicated"),
    # A sentence naming its own organ keeps it: the police file the cases they handle.
    ("某区人民检察院工作报告", "区公安分局全年办理刑事案件318件。", "318件", "cases_filed"),
])
def test_a_sentence_without_organ_takes_the_headline_organs_stage(extractor, title, paragraph,
                                                                   span, category):
    doc = make_article([paragraph], title)
    assert attribute(extractor, doc, span, "category") == category


@pytest.mark.parametrize("sentence, span, category", [
    # 拦截 of money saves it for the victims; of calls it is a warning.
    ("全区公安机关平均每天劝阻群众860余人次，拦截涉诈资金28.6亿元。", "28.6亿元", "losses_recovered"),
    ("各地公安机关累计拦截诈骗电话18.6亿次、诈骗短信21.2亿条。", "21.2亿条", "fraud_warnings"),
    # money a court's enforcement brings in is recovered, not money involved
    ("共执结案件126件，执行到位金额860万元。", "860万元", "losses_recovered"),
    # a conviction rate is the court's stage
    ("法院已判决的案件中，有罪判决率100%。", "100%", "adjudicated"),
])
def test_stage_of_intercepted_money_enforcement_and_conviction_rates(extractor, sentence, span,
                                                                    category):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["category"] == category


@pytest.mark.parametrize("sentence, span, category", [
    # In a discipline report the people transferred to the judiciary are officials punished.
    ("有154人受到党纪政纪处分，移送司法机关7人。", "7人", "officials_punished"),
    ("查处失职渎职案件395件、涉案人员1183人。", "1183人", "officials_punished"),
    # Outside one they are prosecuted.
    ("海关向检察机关移送起诉走私犯罪嫌疑人263名。", "263名", "prosecuted"),
])
def test_officials_in_discipline_reports(extractor, sentence, span, category):
    figure = next(f for f in figures(extractor, sentence) if f["text"] == span)
    assert figure["category"] == category
