"""The tables do not depend on the order of the inputs, on sharding or on the number of workers.

The same documents are run in one process, in reversed order cut into small shards, and with
two workers; every table must hold the same rows. The corpus carries a pair that once broke
this (the metrics stage learnt a verb from one document and read the next one with it).
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.conftest import CORPORA, SEED

pytestmark = pytest.mark.slow

TABLES = ("documents", "articles", "sentences", "entities", "metrics", "quarantine", "facts")

# Written for this test. The first teaches nothing to a fresh pipeline; read after the second
# (which uses 闻到 as a verb) it must still give the same metrics.
OWN_RECORDS = [
    {"id": "gas", "date": "2021-03-02", "text": "居民经常闻到燃气味。这批燃气味包括异味3种。"},
    {"id": "smell", "date": "2021-03-01",
     "text": "他闻到了一股焦味。邻居闻到浓烈的煤气味，立即报警，民警疏散群众20人。"},
    {"id": "police", "date": "2021-05-10",
     "text": "某市公安局今年以来破获电信网络诈骗案件126起，抓获犯罪嫌疑人203名，"
             "为群众挽回经济损失860余万元，同比下降12.5%。"},
    # the same story republished with other page chrome: its figures join the first copy's facts
    {"id": "police-copy", "date": "2021-05-11",
     "text": "首页 | 法治 | 正文\n某市公安局今年以来破获电信网络诈骗案件126起，抓获犯罪嫌疑人203名，"
             "为群众挽回经济损失860余万元，同比下降12.5%。\n分享到：微信 微博"},
]


def corpus_records(n: int = 40) -> list[dict]:
    """Our own records plus the first ``n`` People's Daily 1998 articles, when the corpus is there."""
    records = list(OWN_RECORDS)
    path = CORPORA / "pd1998" / "199801.utf8.txt"
    if path.exists():
        from pipeline.evaluation.corpora import read_pd1998

        articles: dict[str, list[str]] = {}
        for para in read_pd1998(path):
            key = para.para_id.rsplit("-", 1)[0]
            if key not in articles and len(articles) >= n:
                break
            articles.setdefault(key, []).append(para.text)
        records += [{"id": key, "date": f"{key[:4]}-{key[4:6]}-{key[6:8]}", "text": "\n".join(p)}
                    for key, p in articles.items()]
    return records


def write_inputs(folder: Path, records: list[dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    with open(folder / "records.jsonl", "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def table_rows(out: Path) -> dict[str, list[str]]:
    """Every table's rows as sorted JSON strings (row order in the files is not compared)."""
    return {name: sorted(json.dumps(row, ensure_ascii=False, sort_keys=True, default=str)
                         for row in pq.read_table(out / name).to_pylist())
            for name in TABLES}


def test_order_sharding_and_workers_give_the_same_tables(tmp_path, nlp):
    from pipeline.run.driver import run
    from pipeline.run.pipeline import Pipeline

    records = corpus_records()
    inputs = tmp_path / "inputs"  # one path for every run: the document ids hash the source

    write_inputs(inputs, records)
    run([inputs], tmp_path / "one", pipeline=Pipeline(nlp))
    one = table_rows(tmp_path / "one")

    write_inputs(inputs, records[::-1])
    run([inputs], tmp_path / "reversed", pipeline=Pipeline(nlp), shard_bytes=2048)
    reversed_small_shards = table_rows(tmp_path / "reversed")

    run([inputs], tmp_path / "two", pipeline=Pipeline(nlp), workers=2, shard_bytes=4096)
    two_workers = table_rows(tmp_path / "two")

    assert one["metrics"], "the corpus gives metrics"
    assert any('"duplicate_of": null' not in row for row in one["documents"]), "the copy is linked"
    for name in TABLES:
        assert reversed_small_shards[name] == one[name], f"{name}: reversed, small shards"
        assert two_workers[name] == one[name], f"{name}: two workers"


def test_a_document_reads_the_same_fresh_and_after_another(nlp):
    """居民经常闻到燃气味。这批燃气味包括异味3种。 gives the same metrics on a fresh pipeline and
    after a document that uses 闻到 as a verb."""
    from pipeline.io import document_from_text
    from pipeline.run.pipeline import Pipeline

    def metrics_of(pipeline, record: dict) -> list[dict]:
        doc = document_from_text(record["text"], record["id"])
        return pipeline.handle(doc).rows["metrics"]

    gas, smell = OWN_RECORDS[0], OWN_RECORDS[1]
    fresh = metrics_of(Pipeline(nlp), gas)
    used = Pipeline(nlp)
    metrics_of(used, smell)
    assert fresh and metrics_of(used, gas) == fresh
