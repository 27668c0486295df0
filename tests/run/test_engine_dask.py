"""The Dask engine gives the same tables as the local runner (slow: starts a LocalCluster)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.errors import UserError
from pipeline.run.driver import run
from pipeline.run.manifest import STAGING

from tests.run.test_shards import BASIC, assert_same, killed_run, make_corpus

ROOT = Path(__file__).resolve().parents[2]


def test_dask_engine_without_distributed_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    corpus = make_corpus(tmp_path / "corpus", files=1, jsonl_lines=0)
    with pytest.raises(UserError, match=r"fazhi\[dask\]"):
        run([corpus], tmp_path / "out", engine="dask", spec=BASIC)


@pytest.fixture(scope="module")
def distributed():
    return pytest.importorskip("distributed", reason="the dask extra is not installed")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("dask-corpus"))


@pytest.fixture(scope="module")
def local_out(tmp_path_factory, corpus):
    out = tmp_path_factory.mktemp("local")
    run([corpus], out, pipeline=BASIC.build(), workers=2, shard_bytes=16 * 1024)
    return out


@pytest.mark.slow
def test_dask_engine_output_equals_the_local_runner(tmp_path, distributed, corpus, local_out):
    summary = run([corpus], tmp_path / "out", engine="dask", workers=2, spec=BASIC,
                  shard_bytes=16 * 1024)
    assert_same(tmp_path / "out", local_out)
    local_info = json.loads((local_out / "run.json").read_text(encoding="utf-8"))
    assert summary.run_info["stages"] == local_info["stages"]
    assert summary.run_info["rows"] == local_info["rows"]
    assert not (tmp_path / "out" / STAGING).exists()


@pytest.mark.slow
def test_dask_engine_resumes_an_interrupted_run(tmp_path, distributed, corpus, local_out):
    out = tmp_path / "out"
    assert killed_run(corpus, out, after=3).returncode == -9
    summary = run([corpus], out, engine="dask", workers=2, spec=BASIC, shard_bytes=16 * 1024,
                  resume=True)
    assert summary.run_info["shards"]["resumed"] == 3
    assert_same(out, local_out)


@pytest.mark.slow
def test_cli_dask_engine_on_the_seed_page(tmp_path, distributed, nlp):
    """The whole default pipeline, through the command line, on a 2-worker LocalCluster."""
    def cli(*args):
        proc = subprocess.run([sys.executable, "-m", "pipeline", "run", "seeds", "--quiet", *args],
                              cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert proc.returncode == 0, proc.stderr
    cli("--out", str(tmp_path / "local"))
    cli("--out", str(tmp_path / "dask"), "--engine", "dask", "--workers", "2")
    assert_same(tmp_path / "dask", tmp_path / "local")


@pytest.mark.slow
def test_dask_engine_gives_the_same_facts_as_the_local_runner(tmp_path, distributed, nlp):
    """The count-once fixtures (restatements, parts, republications in traditional script) cut
    into small shards: the Dask engine's facts, fact_id/part_of and duplicate_of equal the
    local runner's, the republications are found, and the linking pass's group tasks ran on
    the cluster."""
    from datetime import date

    from pipeline.run.pipeline import Pipeline, PipelineSpec

    fixtures = ROOT / "tests" / "fixtures" / "facts"
    options = dict(published=date(2022, 11, 8), shard_bytes=2048)
    run([fixtures], tmp_path / "local", pipeline=Pipeline(nlp), workers=2, **options)
    summary = run([fixtures], tmp_path / "dask", engine="dask", workers=2, spec=PipelineSpec(), **options)
    assert summary.run_info["shards"]["total"] > 3
    assert_same(tmp_path / "dask", tmp_path / "local")
    assert summary.run_info["facts"]["republished_documents"] == 4
    assert summary.run_info["facts"]["rows_folded"] > 0
    assert summary.run_info["facts"]["tasks_ran_on"] == "dask" and summary.run_info["facts"]["group_tasks"] >= 2


def _worker_settings():
    import os

    import dask

    return (os.environ.get("MALLOC_TRIM_THRESHOLD_"), os.environ.get("OMP_NUM_THREADS"),
            dask.config.get("distributed.worker.profile.enabled"))


@pytest.mark.slow
def test_local_cluster_workers_get_fazhis_settings(distributed):
    """Workers keep freed memory (no trim at 64 KB), run without the profiler, and keep Dask's
    one-thread BLAS settings."""
    from pipeline.run.dask import MALLOC_TRIM_THRESHOLD, connect

    client, cluster = connect(None, 1)
    try:
        found = list(client.run(_worker_settings).values())
    finally:
        client.close()
        cluster.close()
    assert found == [(MALLOC_TRIM_THRESHOLD, "1", False)]
