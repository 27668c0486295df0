"""The entity stage: bylines and later mentions, a bare day after the last named month,
offsets, and (slow) the seed page against its hand-made gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.document import Document
from pipeline.stages.entities import EntityTagger

from .helpers import make_doc

ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT / "tests" / "gold" / "entities_seed.jsonl"


# --- bylines and mentions of the same person --------------------------------------------------

def test_byline_names_are_person_with_role(tagger):
    text = "本报记者 丁国锋\n本报通讯员 吴也尤\n丁国锋报道。"
    doc = make_doc(text, tagger.nlp)
    doc.sentences[0].kind = doc.sentences[1].kind = "byline"
    doc.articles[0].header["authors"] = [(5, 8, "丁国锋", "reporter"),
                                         (15, 18, "吴也尤", "correspondent")]
    tagger(doc)
    got = [(text[e.start:e.end], e.label, e.normalized, e.source) for e in doc.entities]
    assert ("丁国锋", "PERSON", "reporter", "byline") in got
    assert ("吴也尤", "PERSON", "correspondent", "byline") in got
    # the body mention of a bylined name is the same person
    assert ("丁国锋", "PERSON", "reporter", "rule:coref") in got


def test_titled_person_found_again_later(tagger):
    text = "河北区检察院第四检察部主任李志泉介绍，效果好。“要做好教育。”李志泉说。"
    got = [(text[e.start:e.end], e.label, e.normalized) for e in tagger(make_doc(text, tagger.nlp)).entities]
    assert got.count(("李志泉", "PERSON", "河北区检察院第四检察部主任")) == 2


# --- offsets --------------------------------------------------------------------------------

@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "镇江市公安局", "张某某", "寻衅滋事", "7月27日", "《刑法》", "，", "。", "在", "桂林象山区",
    "公安机关", "长航公安局镇江分局", "今年以来", "主任李志泉介绍", "x", "12", "\n"]), max_size=25))
def test_entities_are_flat_sorted_and_inside_their_sentence(tagger, parts):
    text = "".join(parts)
    doc = tagger(make_doc(text, tagger.nlp))
    previous_end = 0
    for e in doc.entities:
        sentence = doc.sentences[e.sentence]
        assert sentence.start <= e.start < e.end <= sentence.end
        assert e.start >= previous_end
        previous_end = e.end
        assert e.label in {"PERSON", "ORG", "GPE", "LOC", "DATE", "LAW", "CRIME"}


def test_empty_document_gets_no_entities(tagger):
    doc = Document(doc_id="e", source="e", raw="", clean="", offsets=[0])
    assert tagger(doc).entities == []


# --- slow: the seed page through the normal pipeline ------------------------------------------

MUST_FIND = {"GPE", "ORG", "LAW", "CRIME"}


@pytest.fixture(scope="module")
def seed_result(nlp):
    from pipeline.stages.clean import Cleaner
    from pipeline.io import document_from_text
    from pipeline.run.pipeline import Pipeline
    from pipeline.stages.tokenize import Tokenizer
    from pipeline.stages.split import ArticleSplitter, SentenceSplitter

    pipe = Pipeline(nlp, stages=[Cleaner(), ArticleSplitter(), SentenceSplitter(), Tokenizer(nlp),
                                 EntityTagger(nlp)])
    path = ROOT / "seeds" / "000_151922b201effb69.txt"
    text = path.read_text(encoding="utf-8")
    doc = pipe.process(document_from_text(text, str(path)))
    pred = {}
    for e in doc.entities:
        s, t = doc.raw_span(e.start, e.end)
        pred[(s, t, e.label)] = e
    gold = {}
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        gold[(r["start"], r["end"], r["label"])] = r
    return text, pred, gold


@pytest.mark.slow
def test_seed_finds_every_place_organ_law_offence_and_byline(seed_result):
    text, pred, gold = seed_result
    missing = [(text[s:e], label) for (s, e, label), r in gold.items()
               if (label in MUST_FIND or "byline" in r.get("note", "")) and (s, e, label) not in pred]
    assert missing == []


@pytest.mark.slow
def test_seed_no_generic_or_headline_org(seed_result):
    text, pred, _ = seed_result
    orgs = [text[s:e] for (s, e, label) in pred if label == "ORG"]
    for generic in ("公安机关", "警方", "检察机关", "市公安局", "反诈中心", "政法委"):
        assert generic not in orgs
    assert all(len(o) <= 20 for o in orgs)


@pytest.mark.slow
@pytest.mark.parametrize("label,floor", [("PERSON", 0.9), ("GPE", 0.95), ("ORG", 0.95),
                                         ("DATE", 0.9), ("LAW", 1.0), ("CRIME", 1.0), ("LOC", 0.5)])
def test_seed_precision_and_recall_per_label(seed_result, label, floor):
    _, pred, gold = seed_result
    p = {k for k in pred if k[2] == label}
    g = {k for k in gold if k[2] == label}
    precision = len(p & g) / len(p) if p else 1.0
    recall = len(p & g) / len(g) if g else 1.0
    assert precision >= floor and recall >= floor, (label, precision, recall)


@pytest.mark.slow
def test_seed_byline_roles_and_anonymised(seed_result):
    _, pred, gold = seed_result
    for key, r in gold.items():
        note = r.get("note", "")
        if note.startswith("byline") and key in pred:
            assert pred[key].normalized == note.split()[1]
        if note == "anonymised" and key in pred:
            assert pred[key].normalized == "anonymised"


@pytest.mark.parametrize("text,expected", [
    # a bare day follows the month last named in the article
    ("6月13日，吴先生来信。17日下午，民警检查。", ["2021-06-13", "2021-06-17"]),
    ("9月30日开会。2日结束。", ["2021-09-30", "2021-10-02"]),
    # with nothing named before, the publication month
    ("17日下午，民警检查。", ["2021-10-17"]),
])
def test_bare_day_follows_the_last_named_month(tagger, text, expected):
    doc = tagger(make_doc(text, tagger.nlp))
    assert [e.normalized for e in doc.entities if e.label == "DATE"] == expected
