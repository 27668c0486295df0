"""The category taxonomy."""

from __future__ import annotations

import pytest

from .helpers import figures, make_article


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
