"""Split: articles (title, kicker, bylines, dateline, continuation, truncation) and sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.stages.clean import Cleaner
from pipeline.document import Document
from pipeline.stages.split import ArticleSplitter, SentenceSplitter, ends_sentence, split_sentences

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def split(text: str) -> Document:
    doc = Document("d", "s", text)
    for stage in (Cleaner(), ArticleSplitter(), SentenceSplitter()):
        doc = stage(doc)
    return doc


def structure(doc: Document) -> list[dict]:
    return [dict(title=a.title, kicker=a.kicker, subtitle=a.subtitle,
                 authors=[[x.name, x.role] for x in a.authors], dateline=a.dateline,
                 segments=len(a.segments), truncated=a.truncated,
                 subheads=[doc.clean[s:e] for (s, e), k in zip(a.paragraphs, a.header["paragraph_kinds"])
                           if k == "subhead"])
            for a in doc.articles]


def test_seed_structure_matches_golden(seed_text, regen):
    got = structure(split(seed_text))
    path = GOLDEN / "seed_articles.json"
    if regen:
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert got == json.loads(path.read_text(encoding="utf-8"))


def test_seed_has_nine_articles_and_the_continued_sections(seed_text):
    doc = split(seed_text)
    titles = [a.title for a in doc.articles]
    assert len(titles) == 9
    zhenjiang = doc.articles[0]
    assert "镇江" in zhenjiang.title and len(zhenjiang.segments) == 2
    heads = structure(doc)[0]["subheads"]
    assert heads == ["坚持深挖严打态势不变", "坚持行业治理力度不减", "坚持长效常治责任不松"]
    assert [a.truncated for a in doc.articles[:4]] == [False, True, True, True]
    assert doc.articles[1].kicker == "整治“脏乱差”建设“洁齐美”"
    assert doc.articles[7].kicker == "用实际行行动诠释为民初心"


@pytest.mark.parametrize("page, authors, dateline", [
    ("标题一行\n\n□ 本报记者 丁国锋\n□ 本报通讯员 曹长青 曹令伍\n\n正文开始，内容。",
     [["丁国锋", "reporter"], ["曹长青", "correspondent"], ["曹令伍", "correspondent"]], None),
    ("标题一行\n\n本报讯 记者曹天健 通讯员赵敬美 山东省胶州市公安局将技术与执法融合，效果好。",
     [["曹天健", "reporter"], ["赵敬美", "correspondent"]], "本报讯"),
    ("标题一行\n\n本报讯 通讯员朱勇 江苏省苏州市高新区公安分局开启模式。",
     [["朱勇", "correspondent"]], "本报讯"),
    ("标题一行\n\n本报讯 记者韩宇 近日，辽宁省沈阳市公安局开展活动。",
     [["韩宇", "reporter"]], "本报讯"),
    ("标题一行\n\n新华社北京7月1日电 记者王明 今天，会议召开。",
     [["王明", "reporter"]], "新华社北京7月1日电"),
    # hard negative: a paragraph that merely mentions a reporter is not a byline
    ("标题一行\n\n本报记者 丁国锋\n\n记者从会上获悉，今年以来全市破案数上升。",
     [["丁国锋", "reporter"]], None),
])
def test_bylines_and_datelines(page, authors, dateline):
    article = split(page).articles[0]
    assert article.title == "标题一行"
    assert [[a.name, a.role] for a in article.authors] == authors
    assert article.dateline == dateline


@pytest.mark.parametrize("page, n_articles", [
    # a subhead followed by body text is a section, not an article
    ("标题甲\n\n本报记者 甲乙\n\n第一段，内容。\n\n坚持深挖严打态势不变\n\n第二段，内容。", 1),
    # a second headline with a byline starts a second article
    ("标题甲\n\n本报记者 甲乙\n\n第一段，内容。\n\n标题乙\n\n本报讯 记者丙丁 第二段，内容。", 2),
    # a plain text without any headline is one untitled article
    ("今年以来，全市共破获案件760起，抓获犯罪嫌疑人1134人。", 1),
    ("", 0),
    # a headline with a comma, directly above a byline, starts an article
    ("标题甲\n\n本报记者 甲乙\n\n第一段，内容。\n\n严打犯罪，守护平安\n\n本报记者 丙丁\n\n第二段，内容。", 2),
    # hard negative: the cut-off end of an article is not a headline
    ("标题甲\n\n本报记者 甲乙\n\n专项整治以来，该片区刑事及治安警情\n\n标题乙\n\n本报记者 丙丁\n\n正文，内容。", 2),
])
def test_article_boundaries(page, n_articles):
    assert len(split(page).articles) == n_articles


def test_comma_headline_and_cut_off_article():
    doc = split("标题甲\n\n本报记者 甲乙\n\n专项整治以来，该片区刑事及治安警情\n\n"
                "严打犯罪，守护平安\n\n本报记者 丙丁\n\n第二段，内容。")
    assert [a.title for a in doc.articles] == ["标题甲", "严打犯罪，守护平安"]
    assert [a.truncated for a in doc.articles] == [True, False]
    assert "严打犯罪" not in doc.clean.split("\n\n")[2]  # the headline was not glued to the paragraph


def test_untitled_text_keeps_every_sentence():
    doc = split("今年以来，全市共破获案件760起。抓获犯罪嫌疑人1134人！")
    assert doc.articles[0].title == ""
    assert [doc.clean[s.start:s.end] for s in doc.sentences] == [
        "今年以来，全市共破获案件760起。", "抓获犯罪嫌疑人1134人！"]


@pytest.mark.parametrize("text, sentences", [
    ("一。二！三？四；五", ["一。", "二！", "三？", "四；", "五"]),
    ("他说：“很安全。”群众点赞。", ["他说：“很安全。”", "群众点赞。"]),
    ("等等……然后呢？", ["等等……", "然后呢？"]),
    ("没有句号", ["没有句号"]),
    ("1.5万人，增长12.5%。", ["1.5万人，增长12.5%。"]),  # a decimal point is not a sentence end
])
def test_sentence_boundaries(text, sentences):
    assert [text[s:e] for s, e in split_sentences(text)] == sentences


@pytest.mark.parametrize("text, ends", [
    ("完成。", True), ("他说：“好。”", True), ("警情", False), ("“矿霸”", False), ("", False),
])
def test_ends_sentence(text, ends):
    assert ends_sentence(text) is ends


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["破获", "案件", "。", "！", "”", "“", "，", "……", "；", "a", "1.5",
                                 "?", " "]), max_size=60).map("".join))
def test_sentence_split_is_lossless(text):
    spans = split_sentences(text)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(s < e for s, e in spans)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="破获案件。，！\n 标题□本报记者讯", max_size=200))
def test_sentences_cover_every_article_paragraph(text):
    doc = split(text)
    for article_index, article in enumerate(doc.articles):
        covered = "".join(doc.clean[s.start:s.end] for s in doc.sentences if s.article == article_index)
        expected = "".join(doc.clean[s:e] for s, e in article.paragraphs)
        assert covered == expected


def test_long_runs_are_cut():
    text = "字" * 2000
    spans = split_sentences(text)
    assert len(spans) >= 4 and "".join(text[s:e] for s, e in spans) == text


def test_a_hard_cut_never_parts_a_run_of_digits():
    """A 600-character run with no comma is cut before its figure (…查获毒品|1234…克), and a
    figure longer than a sentence stays whole with its unit (1…1克，)."""
    from pipeline.stages.split import MAX_SENTENCE, split_sentences

    text = "甲" * (MAX_SENTENCE - 10) + "1234567890123456" + "克" * 100
    spans = split_sentences(text)
    assert spans[0] == (0, MAX_SENTENCE - 10)
    digits = "警方查获毒品" + "1" * MAX_SENTENCE + "克，抓获3名。"
    pieces = [digits[s:e] for s, e in split_sentences(digits)]
    assert any(p.startswith("1" * MAX_SENTENCE) and p.endswith("克，") for p in pieces)
