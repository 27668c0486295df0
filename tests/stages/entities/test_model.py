"""The model's spans: how they combine with the rules, and the vetting of the character
model's spans against pkuseg words."""

from __future__ import annotations

import pytest
import spacy

from pipeline.stages.entities import EntityTagger
from pipeline.stages.entities.candidate import token_bounds
from pipeline.stages.entities.model import vet_spans

from .helpers import make_doc


@pytest.fixture(scope="module")
def fake_model_tagger():
    """A blank pipeline whose 'model' is an entity ruler: it plays the statistical NER."""
    nlp = spacy.blank("zh")
    ruler = nlp.add_pipe("fazhi_test_ruler_ner")
    ruler.add_patterns([
        {"label": "ORG", "pattern": "公安机关"},
        {"label": "PERSON", "pattern": "黄玉萍"},
        {"label": "GPE", "pattern": "江苏"},
        {"label": "ORG", "pattern": "镇江市公安局"},
        {"label": "PERSON", "pattern": "江市公"},
        {"label": "LOC", "pattern": "东门口"},
        {"label": "ORG", "pattern": "市公安局"},
        {"label": "PERSON", "pattern": "雷鸣球"},
        {"label": "ORG", "pattern": "桂林象山区"},
        {"label": "ORG", "pattern": "瓦窑西路片区治安"},
        {"label": "ORG", "pattern": "中国女篮"},
        {"label": "ORG", "pattern": "辽宁省沈阳市公安局"},
        {"label": "ORG", "pattern": "交管支队"},
        {"label": "GPE", "pattern": "镇江"},
        {"label": "GPE", "pattern": "烦心事"},
        {"label": "ORG", "pattern": "平安镇江建设，努力"},
        {"label": "GPE", "pattern": [{"ORTH": "日"}]},
        {"label": "GPE", "pattern": [{"ORTH": "港"}]},
        {"label": "PERSON", "pattern": "174.2万"},
        {"label": "ORG", "pattern": "政法委"},
        {"label": "PERSON", "pattern": "11．"},
    ])
    return EntityTagger(nlp)


@pytest.mark.parametrize("text,expected", [
    ("市民黄玉萍十分高兴。", [("黄玉萍", "PERSON", "model")]),
    # the model's generic ORG is vetoed
    ("各级公安机关推出措施。", []),
    # a place-less organ the model tags is vetoed too
    ("市公安局机关安排警力。", []),
    # the rule's ORG is the same span; the model's sub-unit extension makes it longer
    ("镇江市公安局党委部署。", [("镇江市公安局党委", "ORG", "rule:org")]),
    ("在端州区东门口跳舞。", [("端州区", "GPE", "gazetteer"), ("东门口", "LOC", "model")]),
    # a road rule that cuts through a name the model found loses to the name
    ("南京市雷鸣球路甬祥出席。", [("南京市", "GPE", "gazetteer"), ("雷鸣球", "PERSON", "model")]),
    # a model ORG that runs into the rules must end like an ORG (桂林象山区 is two places)...
    ("桂林象山区紧盯痛点。", [("桂林", "GPE", "gazetteer"), ("象山区", "GPE", "gazetteer")]),
    ("瓦窑西路片区治安形势复杂。", [("瓦窑西路片区", "LOC", "rule:loc")]),
    # ...unless it only holds a place at its start
    ("中国女篮夺冠。", [("中国女篮", "ORG", "model")]),
    # nor may it swallow a sure ORG from the left (the province stays a GPE)
    ("辽宁省沈阳市公安局发挥作用。", [("辽宁省", "GPE", "gazetteer"), ("沈阳市公安局", "ORG", "rule:org")]),
    ("法院联合该区交管支队。", []),
    # campaign names, clause-crossing spans and common words are not places
    ("通过将平安镇江建设，努力推进。", []),
    ("群众的烦心事。", []),
    # one-character places only where they read as places
    ("以日计算。", []),
    ("他多次赴港。", [("港", "GPE", "model")]),
    # a figure is not a person; a bare 政法委 is a generic organ
    ("安装174.2万个。", []),
    ("市委常委、政法委书记。", []),
    # the model's span without a letter is not a name
    ("11．会议结束。", []),
])
def test_model_and_rules_combine(fake_model_tagger, text, expected):
    doc = fake_model_tagger(make_doc(text, fake_model_tagger.nlp))
    assert [(text[e.start:e.end], e.label, e.source) for e in doc.entities] == expected


def test_without_rules_the_model_is_bare():
    nlp = spacy.blank("zh")
    nlp.add_pipe("fazhi_test_ruler_ner").add_patterns([{"label": "ORG", "pattern": "公安机关"}])
    doc = EntityTagger(nlp, use_rules=False)(make_doc("各级公安机关。", nlp))
    assert [(e.label, e.source) for e in doc.entities] == [("ORG", "model")]


# --- vetting the character-level model's spans --------------------------------------------------

def vet(words: list[str], spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The model candidates kept for model ``spans`` (text, label) over pkuseg ``words``."""
    text = "".join(words)
    tokens, at = [], 0
    for w in words:
        tokens.append((at, at + len(w)))
        at += len(w)
    model = []
    for span, label in spans:
        start = text.index(span)
        model.append((start, start + len(span), label))
    tagger = EntityTagger(None)
    bounds = token_bounds(tokens)
    places = tagger.rules.scan_places(text, bounds)
    kept = vet_spans(tagger.rules, text, model, "body", tokens, bounds, places)
    return [(text[c.start:c.end], c.label) for c in kept]


@pytest.mark.parametrize("words,spans,expected", [
    # one-character places inside a word
    (["华人", "社团"], [("华", "GPE")], [("华", "GPE")]),
    (["中美", "关系"], [("中", "GPE"), ("美", "GPE")], [("中", "GPE"), ("美", "GPE")]),
    (["美方", "表示"], [("美", "GPE")], [("美", "GPE")]),
    (["盛京", "使者"], [("京", "GPE")], []),
    (["北京", "人"], [("京", "GPE")], []),
    # an ORG must start and end on word boundaries
    (["专项", "斗争工作", "领导小组"], [("工作领导小组", "ORG")], []),
    (["镇江市", "公安局"], [("镇江市公安局", "ORG")], [("镇江市公安局", "ORG")]),
    # unit heads need a place or an organ before them
    (["成立", "综合", "整治", "领导小组"], [("综合整治领导小组", "ORG")], []),
    (["组织", "治安", "巡逻", "大队"], [("治安巡逻大队", "ORG")], []),
    (["镇江市", "扫黑除恶", "领导小组"], [("镇江市扫黑除恶领导小组", "ORG")],
     [("镇江市扫黑除恶领导小组", "ORG")]),
    (["公安局", "治安", "大队"], [("治安大队", "ORG")], [("治安大队", "ORG")]),
    # quotes
    (["肇庆", "公安", "‘", "局长", "信箱", "’"], [("肇庆公安‘局", "ORG")],
     [("肇庆公安", "ORG")]),
    (["平安", "矿山", "”", "“", "平安", "水域"], [("平安矿山”“平安水域", "ORG")], []),
    # campaign words are not places
    (["平安", "志愿者"], [("平安", "GPE")], []),
    (["推进", "平安", "镇江", "建设"], [("平安镇江", "GPE")], []),
    # a district before a square: GPE + LOC
    (["在", "端州区", "东门", "广场"], [("端州区东门广场", "LOC")],
     [("端州区", "GPE"), ("东门广场", "LOC")]),
    # issue 15: a preposition starts no town; a centre is a site; a river's mouth is no county;
    # a count of counties before their organs is no ORG
    (["街道", "至", "章镇镇", "之间"], [("至章镇镇", "GPE")], [("章镇镇", "GPE")]),
    (["在", "寨西", "换乘", "中心"], [("寨西换乘中心", "GPE")], [("寨西换乘中心", "LOC")]),
    (["河", "入", "湖口", "附近"], [("湖口", "GPE")], []),
    (["古蔺", "两", "县", "检察院"], [("古蔺两县检察院", "ORG")], []),
    (["靖江", "马洲岛"], [("靖江马洲岛", "LOC")], [("靖江", "GPE"), ("马洲岛", "LOC")]),
    # a model GPE no gazetteer knows before a company word is the company's name
    (["野村", "证券", "的"], [("野村", "GPE")], []),
    (["在", "白洋淀", "巡查"], [("白洋淀", "GPE")], [("白洋淀", "LOC")]),   # a lake (淀), no unit
    (["海淀", "警方"], [("海淀", "GPE")], [("海淀", "GPE")]),
    (["江苏", "银行"], [("江苏", "GPE")], [("江苏", "GPE")]),
])
def test_character_model_spans_are_vetted(words, spans, expected):
    assert vet(words, spans) == expected
