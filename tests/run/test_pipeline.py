"""The whole path on real models: seed page to Parquet, the offset contract, determinism."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.run.driver import run

from tests.conftest import SEED
from tests.test_io import PIECE, make_broken_folder, source_name

pytestmark = pytest.mark.slow
TABLES = ("documents", "articles", "sentences", "entities", "metrics", "quarantine")


def rows(out: Path, table: str) -> list[dict]:
    return pq.read_table(out / table).to_pylist()


def test_seed_tables_exist_and_count(seed_outputs):
    for table in TABLES:
        assert (seed_outputs / table).is_dir()
        assert list((seed_outputs / table).glob("part-*.parquet"))
    assert len(rows(seed_outputs, "documents")) == 1
    assert len(rows(seed_outputs, "articles")) == 9
    assert rows(seed_outputs, "quarantine") == []
    info = json.loads((seed_outputs / "run.json").read_text())
    assert info["rows"]["articles"] == 9
    assert {"fazhi", "spacy", "spacy_pkuseg", "python"} <= info["versions"].keys()
    assert "pkuseg" in info["models"]


def test_offset_contract_on_every_span(seed_outputs):
    raw = {d["doc_id"]: d["raw_text"] for d in rows(seed_outputs, "documents")}
    for table in ("sentences", "entities", "metrics"):
        for row in rows(seed_outputs, table):
            assert raw[row["doc_id"]][row["start"]:row["end"]] == row["text"], (table, row)
    for article in rows(seed_outputs, "articles"):
        text = raw[article["doc_id"]]
        assert article["text"] == "\n\n".join(text[s["start"]:s["end"]] for s in article["segments"])


def test_sentences_cover_the_page(seed_outputs):
    raw = rows(seed_outputs, "documents")[0]["raw_text"]
    covered = set()
    for sentence in rows(seed_outputs, "sentences"):
        covered.update(range(sentence["start"], sentence["end"]))
        assert sentence["tokens"], sentence
    missed = {raw[i] for i in range(len(raw)) if i not in covered}
    assert missed <= set("\n □")


def test_seed_articles_as_the_reader_sees_them(seed_outputs):
    articles = sorted(rows(seed_outputs, "articles"), key=lambda a: a["index"])
    first = articles[0]
    assert first["authors"] == [{"name": "丁国锋", "role": "reporter"},
                                {"name": "吴也尤", "role": "correspondent"}]
    assert len(first["segments"]) == 2 and "坚持长效常治责任不松" in first["text"]
    assert [a["truncated"] for a in articles] == [False, True, True, True, False, False, False, False, False]
    assert articles[3]["dateline"] == "本报讯"


def test_reruns_are_identical(tmp_path, fazhi_pipeline, seed_outputs):
    run([SEED], tmp_path / "again", pipeline=fazhi_pipeline)
    for table in TABLES:
        assert pq.read_table(tmp_path / "again" / table).equals(pq.read_table(seed_outputs / table)), table


def test_broken_folder_runs_to_the_end(tmp_path, fazhi_pipeline, monkeypatch):
    from pipeline import io

    monkeypatch.setattr(io, "MAX_DOC_CHARS", PIECE)
    expected = make_broken_folder(tmp_path / "broken")
    summary = run([tmp_path / "broken"], tmp_path / "out", pipeline=fazhi_pipeline)
    docs = [source_name(d["source"]) for d in rows(tmp_path / "out", "documents")]
    quarantined = {source_name(q["source"]) for q in rows(tmp_path / "out", "quarantine")}
    for name, kind in expected.items():
        if kind == "document":
            assert name in docs, name
        elif kind == "pieces":
            assert docs.count(name) == 3, name
        elif kind == "quarantine":
            assert name in quarantined, name
    stages = summary.run_info["stages"]
    for stage in ("read", "clean", "split", "tokenize", "entities", "metrics", "validate"):
        counts = stages[stage]
        assert counts["in"] == counts["out"] + counts["quarantined"], stage


def test_a_crash_leaves_previous_outputs_intact(tmp_path, fazhi_pipeline, seed_outputs):
    out = tmp_path / "out"
    run([SEED], out, pipeline=fazhi_pipeline)
    before = {t: pq.read_table(out / t) for t in TABLES}

    def explode(_n):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run([SEED, SEED], out, pipeline=fazhi_pipeline, progress=explode)
    for table in TABLES:
        assert pq.read_table(out / table).equals(before[table]), table


def test_loaders_read_every_table(seed_outputs):
    import duckdb
    import pandas as pd
    import polars as pl

    for table in TABLES:
        path = seed_outputs / table
        n = len(rows(seed_outputs, table))
        assert len(pd.read_parquet(path)) == n
        assert pl.read_parquet(f"{path}/*.parquet").height == n
        assert duckdb.sql(f"select count(*) from '{path}/*.parquet'").fetchall()[0][0] == n


# --- batches: handle_many is handle, document by document -----------------------------------

def _docs(texts):
    from pipeline.io import document_from_text

    return [document_from_text(t, f"doc-{k}.txt") for k, t in enumerate(texts)]


BATCH_TEXTS = ["镇江市公安局今年以来破获案件760起，抓获犯罪嫌疑人1134人。",
               "",
               "呼伦贝尔市公安局打掉涉黑涉恶组织35个，查扣涉案资产13亿元。\n\n群众安全感达99.13%。",
               "桂林象山区检察院起诉寻衅滋事、敲诈勒索犯罪嫌疑人20余名。"]


def test_a_batch_gives_what_one_document_at_a_time_gives(fazhi_pipeline):
    one_by_one = [fazhi_pipeline.handle(d) for d in _docs(BATCH_TEXTS)]
    batched = fazhi_pipeline.handle_many(_docs(BATCH_TEXTS))
    assert [dict(r.rows) for r in batched] == [dict(r.rows) for r in one_by_one]
    assert [r.counts for r in batched] == [r.counts for r in one_by_one]
    assert sum(len(r.rows["entities"]) for r in batched) > 5


class _Upper:
    """A stage whose batch step fails and which fails on one document."""

    name = "upper"

    def prepare(self, docs):
        raise RuntimeError("batch step broke")

    def __call__(self, doc):
        if "坏" in doc.raw:
            raise ValueError("this one is bad")
        doc.meta["upper"] = doc.raw.upper()
        return doc


def test_a_failing_batch_step_and_a_bad_document_quarantine_only_that_document():
    from pipeline.run.pipeline import Pipeline

    pipeline = Pipeline(None, stages=[_Upper()])
    results = pipeline.handle_many(_docs(["好的 a", "坏的 b", "好的 c"]))
    assert [r.counts["upper.out"] for r in results] == [1, 0, 1]
    assert [len(r.rows["quarantine"]) for r in results] == [0, 1, 0]
    assert "this one is bad" in results[1].rows["quarantine"][0]["message"]
    assert [len(r.rows["documents"]) for r in results] == [1, 0, 1]


def test_metrics_share_the_entity_stages_gazetteer(fazhi_pipeline):
    stages = {stage.name: stage for stage in fazhi_pipeline.stages}
    assert stages["metrics"].gazetteer is stages["entities"].rules.gaz


def test_warm_up_leaves_the_results_unchanged(nlp):
    from pipeline.run.pipeline import Pipeline

    cold, warm = Pipeline(nlp), Pipeline(nlp)
    warm.warm()
    assert warm._warm and not getattr(cold, "_warm", False)
    docs = lambda: _docs(BATCH_TEXTS)  # noqa: E731
    assert [dict(r.rows) for r in warm.handle_many(docs())] == \
        [dict(r.rows) for r in cold.handle_many(docs())]


# --- traditional script: segmented and tagged through the simplified view -------------------

TRADITIONAL = "今年以來，貴州省貴陽市公安機關破獲毒品犯罪案件693起，其中南明區86起、雲巖區72起。"
SIMPLIFIED = "今年以来，贵州省贵阳市公安机关破获毒品犯罪案件693起，其中南明区86起、云岩区72起。"


def test_a_traditional_page_gets_the_entities_and_places_of_its_simplified_twin(fazhi_pipeline):
    """貴陽 南明區 雲巖區 are tagged where 贵阳 南明区 云岩区 are, with the same ``normalized``;
    the sentence's words are printed as on the page (南明區, not 南明区)."""
    traditional, simplified = fazhi_pipeline.handle_many(_docs([TRADITIONAL, SIMPLIFIED]))

    def entities(result):
        return [(e["start"], e["end"], e["label"], e["normalized"]) for e in result.rows["entities"]]

    assert entities(traditional) == entities(simplified)
    assert ("南明區", "GPE") in {(e["text"], e["label"]) for e in traditional.rows["entities"]}
    assert [m["place"] for m in traditional.rows["metrics"]] == [m["place"] for m in simplified.rows["metrics"]]
    words = [w for s in traditional.rows["sentences"] for w in s["tokens"]]
    assert "".join(words) == TRADITIONAL
    assert "南明區" in words


def test_a_bare_district_name_of_another_province_is_a_site_not_the_place(fazhi_pipeline):
    """钟楼 in a 西安 report is the bell tower, not 常州市钟楼区 (the entity stage's reading of the
    bare name); a district of another province written in full is meant."""
    text = "西安市公安局春节期间加强巡逻防控。\n\n大唐不夜城、钟楼等人员密集场所共设置临时警务点146个。"
    other = "西安市公安局春节期间加强巡逻防控。\n\n民警协助常州市钟楼区警方抓获犯罪嫌疑人3名。"
    one, two = fazhi_pipeline.handle_many(_docs([text, other]))
    assert [m["place"] for m in one.rows["metrics"]] == ["陕西省西安市"]
    assert [m["place"] for m in two.rows["metrics"]] == ["江苏省常州市钟楼区"]


def test_a_district_written_in_full_that_no_entity_covers_is_the_figures_place(fazhi_pipeline):
    """；新城区破获“两抢”案件19起 in a 西安 report: 陕西省西安市新城区 (several cities have a 新城区;
    the report's province decides), not the city."""
    text = ("西安市公安局通报春节期间治安情况。\n\n碑林区、莲湖区分别破获盗窃案件312起、287起；"
            "新城区破获“两抢”案件19起，同比下降近三成。")
    result = fazhi_pipeline.handle_many(_docs([text]))[0]
    places = {m["text"]: m["place"] for m in result.rows["metrics"]}
    assert places["19起"] == "陕西省西安市新城区"
    assert places["312起"] == "陕西省西安市碑林区"


@pytest.mark.parametrize("text, span, place", [
    # 与曲靖交界: a neighbour of the county, not the figure's place
    ("昆明市公安局通报禁毒工作。\n\n寻甸县公安局在与曲靖交界的山区设卡堵截，在一辆货车中查获冰毒4.6公斤。",
     "4.6公斤", "云南省昆明市寻甸回族彝族自治县"),
    # 全省多地群众: how far the victims lived, not a provincial figure
    ("贵州省公安厅通报典型案例。\n\n遵义市红花岗区公安分局打掉一个诈骗团伙，该团伙诱骗全省多地群众230余人签订借款合同。",
     "230余人", "贵州省遵义市红花岗区"),
])
def test_a_neighbour_and_the_victims_spread_do_not_move_a_figure(fazhi_pipeline, text, span, place):
    result = fazhi_pipeline.handle_many(_docs([text]))[0]
    places = {m["text"]: m["place"] for m in result.rows["metrics"]}
    assert places[span] == place
