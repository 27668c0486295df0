"""The linking pass of ``fazhi run``: facts, fact_id/part_of, duplicate_of, and its failures."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from pipeline.run.driver import run
from pipeline.run.pipeline import Pipeline
from pipeline.run.sides import SIDE_DIR

pytestmark = pytest.mark.slow

# Written for this test: a headline figure restated in the lead and body, a subtotal, and the
# same story republished with other page chrome.
REPORT = ("某市警方破获电诈案件近1.5万起\n"
          "本报讯 今年以来，某市公安机关破获电信网络诈骗案件14870起，抓获犯罪嫌疑人3126名。"
          "其中，破获跨境电信网络诈骗案件2100起。\n"
          "据介绍，上述3126名犯罪嫌疑人均已被依法采取刑事强制措施。\n")
COPY = "首页 | 法治 | 正文\n" + REPORT + "责任编辑：王某\n分享到：微信 微博\n"


@pytest.fixture(scope="module")
def linked(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("in")
    (folder / "a.jsonl").write_text(
        json.dumps({"id": "first", "date": "2022-11-08", "text": REPORT}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "copy", "date": "2022-11-09", "text": COPY}, ensure_ascii=False) + "\n",
        encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    summary = run([folder], out, pipeline=Pipeline(nlp))
    return summary, out


def test_every_metric_row_gets_a_fact_and_the_facts_count_each_statement_once(linked):
    summary, out = linked
    metrics = pq.read_table(out / "metrics").to_pylist()
    facts = pq.read_table(out / "facts").to_pylist()
    assert metrics and all(m["fact_id"] for m in metrics)
    assert {m["fact_id"] for m in metrics} == {f["fact_id"] for f in facts}
    assert sum(f["n_statements"] for f in facts) == len(metrics)
    assert summary.rows["facts"] == len(facts) < len(metrics)


def test_restatements_parts_and_the_copy_are_linked(linked):
    _, out = linked
    metrics = pq.read_table(out / "metrics").to_pylist()
    documents = {d["source"].rsplit("#", 1)[-1]: d for d in pq.read_table(out / "documents").to_pylist()}
    by_text = {}
    for m in metrics:
        by_text.setdefault(m["text"], set()).add(m["fact_id"])
    (cases,) = by_text["14870起"]
    assert by_text["近1.5万起"] == {cases}  # headline and lead, in both copies
    (part,) = {m["part_of"] for m in metrics if m["text"] == "2100起"}
    assert part == cases
    assert len(by_text["3126名"] | by_text.get("3126名犯罪嫌疑人", set())) == 1
    copy, first = documents["copy"], documents["first"]
    assert copy["duplicate_of"] == first["doc_id"] and copy["similarity"] >= 0.8
    assert first["duplicate_of"] is None


def test_the_staging_tables_are_not_published(linked):
    _, out = linked
    assert (out / "facts").is_dir()
    assert not list(out.rglob(SIDE_DIR))


def test_a_document_the_pass_cannot_read_is_quarantined_and_the_run_goes_on(tmp_path, nlp, monkeypatch):
    import pipeline.run.sides as sides

    real = sides.document_facts

    def fragile(document, metrics):
        if "坏" in (document.get("raw_text") or ""):
            raise ValueError("unreadable figures")
        return real(document, metrics)

    monkeypatch.setattr(sides, "document_facts", fragile)
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "bad.txt").write_text("坏" + REPORT.replace("某市", "另一市"), encoding="utf-8")
    out = tmp_path / "out"
    run([tmp_path / "good.txt", tmp_path / "bad.txt"], out, pipeline=Pipeline(nlp))
    quarantine = pq.read_table(out / "quarantine").to_pylist()
    assert [(q["stage"], q["reason"]) for q in quarantine] == [("facts", "stage_failed")]
    assert "unreadable figures" in quarantine[0]["message"]
    metrics = pq.read_table(out / "metrics").to_pylist()
    good = [m for m in metrics if m["doc_id"] != quarantine[0]["doc_id"]]
    assert good and all(m["fact_id"] for m in good)
    assert all(m["fact_id"] is None for m in metrics if m["doc_id"] == quarantine[0]["doc_id"])
