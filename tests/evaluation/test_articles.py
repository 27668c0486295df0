"""``fazhi evaluate articles``: WARC responses named by URI, and the held-out page sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.evaluation.articles import evaluate_articles
from tests.test_readers import PAGE, write_warc

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_two_warc_responses_are_scored_as_two_pages(tmp_path):
    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, [("https://news.example.org/a/1.html", PAGE, "text/html"),
                         ("https://news.example.org/a/2.html", PAGE.replace("劳务", "买卖"), "text/html")])
    gold = tmp_path / "gold.jsonl"
    rows = [{"page": f"https://news.example.org/a/{n}.html", "articles": [
        {"title": f"示例县法院调解一起{kind}纠纷", "body": "本报讯", "dateline": "本报讯"}]}
        for n, kind in ((1, "劳务"), (2, "买卖"))]
    gold.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    scores = evaluate_articles(gold, [archive])
    assert scores["pages"] == 2 and scores["pages_split_right"] == 2


@pytest.mark.parametrize("name", ["pages_heldout", "pages_heldout2", "pages_heldout3", "pages_heldout4", "pages_heldout5", "pages_heldout6", "pages_heldout7", "pages_heldout8", "pages_heldout10", "pages_heldout11", "pages_heldout12", "pages_heldout13", "pages_heldout14"])
def test_held_out_page_sets_split_right(name):
    scores = evaluate_articles(FIXTURES / f"{name}.gold.jsonl", [FIXTURES / name])
    assert scores["pages_split_right"] >= 0.9 * scores["pages"]  # pages_heldout5: 11 of 12
    assert scores["articles_precision"] >= 0.95 and scores["articles_recall"] >= 0.9
