"""NER evaluation: readers for each format, label mapping, exact-span scoring, the report,
user mistakes; (slow) the real pipeline on a small slice of MSRA and pd_ner test."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pipeline.document import EntitySpan
from pipeline.errors import UserError
from pipeline.evaluation.ner import evaluate_ner, format_report, map_label, read_examples

ROOT = Path(__file__).resolve().parents[2]
NER_DIR = ROOT / "pipeline" / "models" / "ner"


@dataclass
class FakeDoc:
    clean: str
    entities: list = field(default_factory=list)

    def raw_span(self, start, end):
        return start, end


class FakePipeline:
    """Tags every occurrence of fixed strings: the scorer is tested, not a model."""

    def __init__(self, strings: dict[str, str]):
        self.strings = strings
        self.seen: list[str] = []

    def process(self, doc):
        self.seen.append(doc.raw)
        out = FakeDoc(doc.raw)
        for text, label in self.strings.items():
            at = doc.raw.find(text)
            while at >= 0:
                out.entities.append(EntitySpan(0, at, at + len(text), label))
                at = doc.raw.find(text, at + 1)
        return out


def write_bio(path: Path, sentences: list[list[tuple[str, str]]]) -> Path:
    path.write_text("\n\n".join("\n".join(f"{c}\t{t}" for c, t in s) for s in sentences) + "\n",
                    encoding="utf-8")
    return path


def bio(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    tags = ["O"] * len(text)
    for s, e, label in spans:
        tags[s] = f"B-{label}"
        for k in range(s + 1, e):
            tags[k] = f"I-{label}"
    return list(zip(text, tags))


@pytest.fixture
def msra_like(tmp_path):
    return write_bio(tmp_path / "test.bio", [
        bio("张三在北京市公安局工作", [(0, 2, "PER"), (3, 9, "ORG")]),
        bio("李四去了上海", [(0, 2, "PER"), (4, 6, "LOC")]),
    ])


def test_bio_exact_spans_and_label_mapping(msra_like):
    # GPE maps to LOC; DATE is not in the file and is ignored; 李 alone is a boundary error.
    pipe = FakePipeline({"张三": "PERSON", "北京市公安局": "ORG", "上海": "GPE", "李": "PERSON",
                         "今天": "DATE"})
    result = evaluate_ner(msra_like, "bio", pipe)
    assert result["labels"]["PER"] == {"tp": 1, "fp": 1, "fn": 1, "p": 0.5, "r": 0.5, "f": 0.5}
    assert result["labels"]["LOC"]["tp"] == 1 and result["labels"]["ORG"]["tp"] == 1
    assert result["overall"]["tp"] == 3 and result["overall"]["fp"] == 1
    assert result["overall"]["fn"] == 1
    assert pipe.seen == ["张三在北京市公安局工作", "李四去了上海"]  # one document per sentence


def test_limit_takes_the_first_examples(msra_like):
    pipe = FakePipeline({})
    result = evaluate_ner(msra_like, "bio", pipe, limit=1)
    assert result["examples"] == 1 and pipe.seen == ["张三在北京市公安局工作"]
    assert result["overall"]["fn"] == 2


@pytest.mark.parametrize("label,file_labels,fmt,expected", [
    ("PERSON", {"PER", "LOC", "ORG"}, "bio", "PER"),
    ("GPE", {"PER", "LOC", "ORG"}, "bio", "LOC"),
    ("LOC", {"PER", "LOC", "ORG"}, "bio", "LOC"),
    ("GPE", {"PER", "LOC", "GPE", "ORG"}, "bio", "GPE"),  # Weibo keeps GPE apart
    ("DATE", {"PER", "LOC", "ORG"}, "bio", None),
    ("CRIME", {"PER", "LOC", "ORG"}, "cluener", None),
    ("ORG", {"PER", "LOC", "ORG"}, "cluener", "ORG"),
    ("LAW", {"PERSON", "LAW"}, "jsonl", "LAW"),
])
def test_map_label(label, file_labels, fmt, expected):
    assert map_label(label, file_labels, fmt) == expected


def test_weibo_nominal_mentions_are_not_gold(tmp_path):
    path = write_bio(tmp_path / "weibo.bio", [
        bio("老师和张三", [(0, 2, "PER.NOM"), (3, 5, "PER.NAM")])])
    [(text, spans)] = list(read_examples(path, "bio"))
    assert spans == [(3, 5, "PER")]


def test_cluener_mapping_and_ignored_types(tmp_path):
    path = tmp_path / "dev.json"
    path.write_text(json.dumps({"text": "浙商银行企业信贷部叶老桂博士", "label": {
        "name": {"叶老桂": [[9, 11]]}, "company": {"浙商银行": [[0, 3]]},
        "position": {"博士": [[12, 13]]}}}, ensure_ascii=False) + "\n", encoding="utf-8")
    [(text, spans)] = list(read_examples(path, "cluener"))
    assert sorted(spans) == [(0, 4, "ORG"), (9, 12, "PER")]
    result = evaluate_ner(path, "cluener", FakePipeline({"叶老桂": "PERSON", "浙商银行": "ORG",
                                                         "博士": "PERSON"}))
    assert result["overall"]["tp"] == 2 and result["overall"]["fp"] == 1


def test_jsonl_sentences_with_our_labels(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(
        json.dumps({"text": "依照《刑法》判处", "entities": [[3, 5, "LAW"]]}, ensure_ascii=False) + "\n"
        + json.dumps({"text": "寻衅滋事", "entities": [{"start": 0, "end": 4, "label": "CRIME"}]},
                     ensure_ascii=False) + "\n", encoding="utf-8")
    result = evaluate_ner(path, "jsonl", FakePipeline({"刑法": "LAW", "寻衅滋事": "PERSON"}))
    assert result["labels"]["LAW"]["f"] == 1.0
    assert result["labels"]["CRIME"]["fn"] == 1 and result["labels"]["PERSON"]["fp"] == 1


def test_jsonl_gold_records_read_the_seed_page():
    gold = ROOT / "tests" / "gold" / "entities_seed.jsonl"
    [(text, spans)] = list(read_examples(gold, "jsonl"))
    assert text.startswith("\n") and len(spans) > 100
    assert all(text[s:e] for s, e, _ in spans)


@pytest.mark.parametrize("path,fmt,message", [
    ("does/not/exist.txt", "bio", "does not exist"),
    ("tests/gold/entities_seed.jsonl", "conll", "Unknown format"),
])
def test_user_mistakes_give_one_clear_message(path, fmt, message):
    with pytest.raises(UserError, match=message):
        evaluate_ner(ROOT / path, fmt, FakePipeline({}))


def test_report_lists_every_label_and_overall(msra_like):
    result = evaluate_ner(msra_like, "bio", FakePipeline({"张三": "PERSON"}))
    report = format_report(result)
    lines = report.splitlines()
    assert lines[1].split() == ["label", "P", "R", "F1", "gold", "pred"]
    assert [line.split()[0] for line in lines[2:]] == ["LOC", "ORG", "PER", "overall"]
    assert lines[-1].split()[1:] == ["1.000", "0.250", "0.400", "4", "1"]


# --- slow: the real pipeline ------------------------------------------------------------------

@pytest.fixture(scope="module")
def ner_pipeline(nlp):
    if not (NER_DIR / "meta.json").exists():
        pytest.skip("no shipped NER model in pipeline/models/ner")
    from pipeline.stages.clean import Cleaner
    from pipeline.stages.entities import EntityTagger
    from pipeline.run.pipeline import Pipeline
    from pipeline.stages.tokenize import Tokenizer
    from pipeline.stages.split import ArticleSplitter, SentenceSplitter

    return Pipeline(nlp, stages=[Cleaner(), ArticleSplitter(), SentenceSplitter(), Tokenizer(nlp),
                                 EntityTagger(nlp)])


@pytest.mark.slow
@pytest.mark.parametrize("relpath,floor", [
    ("msra/msra_test_bio.txt", 0.75),
    ("pd_ner/example.test", 0.75),
])
def test_pipeline_scores_above_a_floor_on_a_test_slice(corpora, ner_pipeline, relpath, floor):
    result = evaluate_ner(corpora / relpath, "bio", ner_pipeline, limit=200)
    assert result["overall"]["f"] >= floor, format_report(result)


@pytest.mark.slow
def test_seed_gold_through_the_pipeline(nlp):
    from pipeline.stages.clean import Cleaner
    from pipeline.stages.entities import EntityTagger
    from pipeline.run.pipeline import Pipeline
    from pipeline.stages.tokenize import Tokenizer
    from pipeline.stages.split import ArticleSplitter, SentenceSplitter

    pipe = Pipeline(nlp, stages=[Cleaner(), ArticleSplitter(), SentenceSplitter(), Tokenizer(nlp),
                                 EntityTagger(nlp)])
    result = evaluate_ner(ROOT / "tests" / "gold" / "entities_seed.jsonl", "jsonl", pipe)
    assert result["overall"]["p"] >= 0.9 and result["overall"]["r"] >= 0.9
