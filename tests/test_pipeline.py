"""The whole path on real models: seed page to Parquet, the offset contract, determinism."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.runner import run

from tests.conftest import SEED
from tests.test_io import make_broken_folder

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


def test_broken_folder_runs_to_the_end(tmp_path, fazhi_pipeline):
    expected = make_broken_folder(tmp_path / "broken")
    summary = run([tmp_path / "broken"], tmp_path / "out", pipeline=fazhi_pipeline)
    docs = {Path(d["source"]).name for d in rows(tmp_path / "out", "documents")}
    quarantined = {Path(q["source"].split("#")[0].rsplit(":", 1)[0]).name
                   for q in rows(tmp_path / "out", "quarantine")}
    for name, kind in expected.items():
        if kind == "document":
            assert name in docs, name
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
