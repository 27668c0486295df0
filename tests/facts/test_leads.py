"""A digest's item led by 地名： is read with that place by the linking."""

from __future__ import annotations

from datetime import date

from pipeline.facts import link
from pipeline.facts.leads import item_place, lead_place

from .rows import document, metric

# Invented texts: a digest of two cities' items, and the second city's own report.
DIGEST = ("法治快讯\n\n绵阳：今年以来，全市公安机关破获盗窃案件1284起，追回赃款560万元。\n\n"
          "大同：今年以来，全市公安机关抓获涉毒违法犯罪嫌疑人2317名。\n")
REPORT = "本报讯 今年以来，大同市公安机关持续开展禁毒攻坚，共抓获涉毒违法犯罪嫌疑人2317名。"
PERIOD = dict(period="今年以来", period_start=date(2026, 1, 1), period_end=date(2026, 12, 1))
SUSPECTS = dict(category="suspects_arrested", action="抓获", obj="涉毒违法犯罪嫌疑人", kind="count")


def test_a_short_form_that_is_a_word_still_leads_an_item():
    """大同 alone is a stop word of the gazetteer; before a colon at a paragraph's start it is the city."""
    start = DIGEST.index("大同：")
    full, code, body = lead_place(DIGEST, start)
    assert (full, code) == ("山西省大同市", "140200") and DIGEST[body - 1] == "："


def test_a_lead_that_names_no_place_is_none():
    text = "记者：今年以来，全市公安机关抓获犯罪嫌疑人12名。"
    assert lead_place(text, 0) is None


def test_an_items_figure_read_with_the_place_before_it_takes_its_leads_place():
    row = metric(DIGEST, "2317名", 2317, "名", place="四川省绵阳市", **SUSPECTS, **PERIOD)
    row["place_code"] = "510700"
    read = item_place(row, DIGEST)
    assert read["place"] == "山西省大同市" and read["place_code"] == "140200"
    assert row["place"] == "四川省绵阳市"  # the metrics row itself is left as it is


def test_a_place_within_the_lead_or_named_in_the_item_stays():
    """大同：…云冈区… keeps 云冈区 (within 大同); 大同：…太原市… keeps 太原 (the item names it)."""
    inner = "大同：今年以来，云冈区公安分局抓获犯罪嫌疑人46名。"
    row = metric(inner, "46名", 46, "名", place="山西省大同市云冈区", **SUSPECTS)
    row["place_code"] = "140214"
    assert item_place(row, inner) is row
    named = "大同：今年以来，太原市公安机关抓获犯罪嫌疑人57名。"
    row = metric(named, "57名", 57, "名", place="山西省太原市", **SUSPECTS)
    row["place_code"] = "140100"
    assert item_place(row, named) is row


def test_a_figure_before_the_colon_or_without_a_lead_stays():
    text = "今年以来，全市公安机关抓获犯罪嫌疑人88名。"
    row = metric(text, "88名", 88, "名", place="四川省绵阳市", **SUSPECTS)
    assert item_place(row, text) is row


def test_a_digest_item_meets_its_citys_own_report():
    """The digest's 大同 item, read by the metrics stage with 绵阳's place, joins 大同's 2317名."""
    rows = [metric(DIGEST, "1284起", 1284, "起", doc_id="dg", place="四川省绵阳市", category="cases_solved",
                   action="破获", obj="盗窃案件", **PERIOD),
            metric(DIGEST, "2317名", 2317, "名", doc_id="dg", place="四川省绵阳市", **SUSPECTS, **PERIOD),
            metric(REPORT, "2317名", 2317, "名", doc_id="dr", place="山西省大同市", **SUSPECTS, **PERIOD)]
    for row, code in zip(rows, ("510700", "510700", "140200")):
        row["place_code"] = code  # as the metrics stage codes them
    docs = [document(DIGEST, "dg", "g.txt"), document(REPORT, "dr", "r.txt")]
    facts, columns, _ = link(rows, docs)
    fact_id = columns[rows[1]["metric_id"]][0]
    assert fact_id == columns[rows[2]["metric_id"]][0]
    fact = next(f for f in facts if f["fact_id"] == fact_id)
    assert fact["n_documents"] == 2 and fact["place"] == "山西省大同市"
    assert columns[rows[0]["metric_id"]][0] != fact_id
