"""Sharded runs: identical tables whatever the workers, after a kill and --resume, and flat memory.

These tests use ``spacy.blank("zh")`` and the basic stages (clean, split, sentences,
tokenize), so they need neither pkuseg nor the corpora; ``test_engine_dask.py`` and the slow
tests below run the real pipeline.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import textwrap
import tracemalloc
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.errors import UserError
from pipeline.io import OUTPUT_MARKER, read_inputs
from pipeline.run.driver import run
from pipeline.run import plan as shards
from pipeline.run.pipeline import PipelineSpec
from pipeline.run.manifest import ABORT_ENV, MANIFEST, STAGING
from pipeline.run.plan import plan_shards, read_shard
from schemas.arrow import SCHEMAS
from schemas.records import OUTPUT_TABLES, TABLES

ROOT = Path(__file__).resolve().parents[2]
BASIC = PipelineSpec(stages="basic", blank=True)

_WORDS = ["公安机关", "破获", "电信网络诈骗", "案件", "犯罪嫌疑人", "全市", "依法", "打击",
          "今年以来", "共", "抓获", "涉案资金", "群众", "挽回", "损失", "民警", "开展", "专项行动"]


def page(rng: random.Random, n: int) -> str:
    """A generated news page: headline, byline, a dateline lead and body paragraphs."""
    def sentence() -> str:
        words = rng.choices(_WORDS, k=rng.randint(4, 12))
        return "".join(words) + f"{rng.randint(2, 999)}起" + rng.choice("。。。！；")

    lines = [f"{rng.choice(_WORDS)}{rng.choice(_WORDS)}第{n}期", "本报记者 王小明",
             "本报讯 " + "".join(sentence() for _ in range(3))]
    lines += ["".join(sentence() for _ in range(rng.randint(2, 6))) for _ in range(rng.randint(2, 8))]
    return "\n".join(lines) + "\n"


def make_corpus(root: Path, files: int = 6, jsonl_lines: int = 300, jsonl_files: int = 1,
                seed: int = 7) -> Path:
    """Text pages, JSONL files big enough to be cut into blocks, and a few bad inputs."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    for i in range(files):
        (root / f"page-{i:03d}.txt").write_text(page(rng, i), encoding="utf-8")
    (root / "page-bad.txt").write_bytes(b"\xff\xfe\x00\x00binary\x00")
    for f in range(jsonl_files):
        with open(root / f"pages-{f:02d}.jsonl", "w", encoding="utf-8") as handle:
            for i in range(jsonl_lines):
                if i == 17:
                    handle.write("{not json\n")
                    continue
                record = {"id": f"{f}-{i}", "date": "2021-11-01", "text": page(rng, i)}
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return root


def tables(out: Path) -> dict[str, pa.Table]:
    return {table: pq.read_table(out / table) for table in OUTPUT_TABLES}


def assert_same(a: Path, b: Path) -> None:
    ta, tb = tables(a), tables(b)
    for table in OUTPUT_TABLES:
        assert ta[table].num_rows == tb[table].num_rows, table
        assert ta[table].equals(tb[table]), table


@pytest.fixture(scope="module")
def pipeline():
    return BASIC.build()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def reference(tmp_path_factory, corpus, pipeline) -> Path:
    out = tmp_path_factory.mktemp("reference")
    run([corpus], out, pipeline=pipeline, workers=1, shard_bytes=16 * 1024)
    return out


def test_plan_covers_every_input_once_in_order(corpus):
    shards = plan_shards([corpus], shard_bytes=16 * 1024)
    assert [s.index for s in shards] == list(range(len(shards)))
    blocks = [s for s in shards if s.first is not None]
    assert len(blocks) > 3, "the JSONL file should be cut into blocks of lines"
    assert blocks[0].first == 0 and blocks[-1].last == 300
    assert all(a.last == b.first for a, b in zip(blocks, blocks[1:]))
    whole = [p for s in shards if s.first is None for p in s.paths]
    assert whole == sorted(str(p) for p in corpus.glob("page-*.txt"))
    assert plan_shards([corpus], shard_bytes=16 * 1024) == shards


def _items(items) -> list[tuple]:
    return [(type(i).__name__, i.source, getattr(i, "raw", None), getattr(i, "published", None),
             getattr(i, "reason", None)) for i in items]


@pytest.mark.parametrize("chunk", [5, 64, 1 << 20])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_jsonl_blocks_read_exactly_like_the_whole_file(tmp_path, monkeypatch, chunk, encoding):
    """CRLF, CR, blank lines, U+2028 (not a line break in JSONL), a BOM, chunk edges anywhere."""
    monkeypatch.setattr(shards, "CHUNK_BYTES", chunk)
    records = [json.dumps({"id": i, "date": "2021-11-01", "text": f"第{i}条：公安机关破获案件{i}起。"},
                          ensure_ascii=False) for i in range(40)]
    records[35] = json.dumps({"id": 35, "text": "一行\u2028两段"}, ensure_ascii=False)
    raw = ("\r\n".join(records[:10]) + "\r\n" + "\n".join(records[10:20]) + "\n\n"
           + "\r".join(records[20:30]) + "\r" + "\n".join(records[30:]))
    path = tmp_path / "pages.jsonl"
    path.write_bytes(raw.encode(encoding))
    plan = plan_shards([path], shard_bytes=200, max_lines=3)
    assert len(plan) > 10
    if encoding != "gb18030":
        assert all(s.start is not None for s in plan), "UTF-8 files are read block by block"
    got = _items(item for shard in plan for item in read_shard(shard))
    assert got == _items(read_inputs([path]))
    # JSONL lines end at \n only: record 35 keeps its U+2028, the \r-joined records are one
    # line, which is not JSON (one quarantine row).
    assert sum(1 for g in got if g[0] == "Rejected") == 1
    assert any(g[2] == "一行\u2028两段" for g in got)


def test_sharded_output_equals_reading_everything_in_one_go(corpus, pipeline, reference):
    """The rows equal those of handling every input in order, with no shards at all."""
    expected: dict[str, list] = {table: [] for table in TABLES}
    for item in read_inputs([corpus]):
        for table, rows in pipeline.handle(item).rows.items():
            expected[table].extend(rows)
    got = tables(reference)
    for table in TABLES:
        want = pa.Table.from_pylist(expected[table], schema=SCHEMAS[table])
        assert got[table].equals(want), table
    assert got["quarantine"].num_rows == 2  # the binary page and the bad JSONL line
    assert len(list((reference / "documents").glob("part-*.parquet"))) > 3


@pytest.mark.parametrize("workers", [2, 3])
def test_output_is_identical_whatever_the_number_of_workers(tmp_path, corpus, pipeline,
                                                            reference, workers):
    run([corpus], tmp_path / "out", pipeline=pipeline, workers=workers, shard_bytes=16 * 1024)
    assert_same(tmp_path / "out", reference)
    info = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    ref_info = json.loads((reference / "run.json").read_text(encoding="utf-8"))
    assert info["stages"] == ref_info["stages"] and info["rows"] == ref_info["rows"]
    assert not (tmp_path / "out" / STAGING).exists()


_KILLED_RUN = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from pipeline.run.driver import run
    from pipeline.run.pipeline import PipelineSpec
    pipeline = PipelineSpec(stages="basic", blank=True).build()
    run([{corpus!r}], {out!r}, pipeline=pipeline, workers={workers}, shard_bytes=16 * 1024,
        resume={resume})
""")


def killed_run(corpus: Path, out: Path, after: int, workers: int = 2, resume: bool = False):
    """Run in a subprocess whose driver SIGKILLs itself after ``after`` finished shards."""
    script = _KILLED_RUN.format(root=str(ROOT), corpus=str(corpus), out=str(out),
                                workers=workers, resume=resume)
    env = dict(os.environ, **{ABORT_ENV: str(after)})
    return subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_killed_run_resumes_without_losing_or_duplicating_rows(tmp_path, corpus, pipeline,
                                                                 reference, workers):
    out = tmp_path / "out"
    proc = killed_run(corpus, out, after=3, workers=workers)
    assert proc.returncode == -9, proc.stderr
    staging = out / STAGING
    manifest = (staging / MANIFEST).read_text(encoding="utf-8").splitlines()
    assert len(manifest) == 1 + 3  # the header, then three finished shards
    assert not (out / "documents").exists(), "nothing is committed before the run completes"

    summary = run([corpus], out, pipeline=pipeline, workers=workers, shard_bytes=16 * 1024,
                  resume=True)
    assert summary.run_info["shards"]["resumed"] == 3
    assert_same(out, reference)
    ref_info = json.loads((reference / "run.json").read_text(encoding="utf-8"))
    assert summary.run_info["stages"] == ref_info["stages"]
    assert summary.run_info["rows"] == ref_info["rows"]


def test_resume_after_two_interruptions(tmp_path, corpus, pipeline, reference):
    out = tmp_path / "out"
    assert killed_run(corpus, out, after=2).returncode == -9
    assert killed_run(corpus, out, after=2, resume=True).returncode == -9
    summary = run([corpus], out, pipeline=pipeline, workers=2, shard_bytes=16 * 1024, resume=True)
    assert summary.run_info["shards"]["resumed"] == 4
    assert_same(out, reference)


def test_resume_refuses_changed_inputs(tmp_path, pipeline):
    corpus = make_corpus(tmp_path / "corpus", files=3, jsonl_lines=100)
    out = tmp_path / "out"
    assert killed_run(corpus, out, after=1).returncode == -9
    (corpus / "page-000.txt").write_text("新的内容。\n", encoding="utf-8")
    with pytest.raises(UserError, match="--resume"):
        run([corpus], out, pipeline=pipeline, shard_bytes=16 * 1024, resume=True)
    # Without --resume the interrupted run is discarded and the run starts over.
    summary = run([corpus], out, pipeline=pipeline, shard_bytes=16 * 1024)
    assert summary.run_info["shards"]["resumed"] == 0


def test_resume_with_nothing_to_resume_runs_everything(tmp_path, corpus, pipeline, reference):
    run([corpus], tmp_path / "out", pipeline=pipeline, shard_bytes=16 * 1024, resume=True)
    assert_same(tmp_path / "out", reference)


def _peak_python_memory(corpus: Path, out: Path, pipeline) -> int:
    tracemalloc.start()
    try:
        run([corpus], out, pipeline=pipeline, workers=1, shard_bytes=32 * 1024)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow  # about 40 s
@pytest.mark.parametrize("layout", ["many files", "one JSONL file"])
def test_memory_is_flat_in_the_size_of_the_input(tmp_path, monkeypatch, pipeline, layout):
    """Ten times the input, many times one shard, takes about the same peak memory."""
    monkeypatch.setattr(shards, "CHUNK_BYTES", 16 * 1024)  # as if the files were much larger
    if layout == "many files":
        small = make_corpus(tmp_path / "small", files=2, jsonl_lines=60, jsonl_files=1, seed=1)
        large = make_corpus(tmp_path / "large", files=20, jsonl_lines=60, jsonl_files=10, seed=1)
        n_docs = 20 + 10 * 59
    else:
        small = make_corpus(tmp_path / "small", files=0, jsonl_lines=60, seed=1)
        large = make_corpus(tmp_path / "large", files=0, jsonl_lines=600, seed=1)
        n_docs = 599
    _peak_python_memory(small, tmp_path / "warm-up", pipeline)  # first-use caches and imports
    peak_small = _peak_python_memory(small, tmp_path / "out-small", pipeline)
    peak_large = _peak_python_memory(large, tmp_path / "out-large", pipeline)
    plan = plan_shards([large], shard_bytes=32 * 1024)
    assert len(plan) >= 20
    docs = pq.read_table(tmp_path / "out-large" / "documents")
    assert docs.num_rows == n_docs
    # Every shard wrote its own part files: rows went to disk as the run went along.
    parts = {p.name for t in TABLES for p in (tmp_path / "out-large" / t).glob("part-*.parquet")}
    assert parts == {shard.name for shard in plan}
    assert len(list((tmp_path / "out-large" / "sentences").glob("part-*.parquet"))) >= len(plan) - 1
    # Had the rows, or the input, been held until the end, the peak would grow about tenfold.
    assert peak_large < 1.5 * peak_small, (peak_small, peak_large)


@pytest.mark.slow
def test_cli_workers_and_a_killed_resumed_run_give_the_same_tables(tmp_path, nlp):
    """The whole default pipeline through ``fazhi run``: 1 worker, 2 workers, killed + --resume."""
    corpus = make_corpus(tmp_path / "corpus", files=4, jsonl_lines=120)
    (corpus / "seed.txt").write_text((ROOT / "seeds" / "000_151922b201effb69.txt")
                                     .read_text(encoding="utf-8"), encoding="utf-8")

    def cli(out: str, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pipeline", "run", str(corpus), "--quiet",
                               "--out", str(tmp_path / out), *args], cwd=ROOT, text=True,
                              capture_output=True, timeout=900, env=env)

    assert cli("one", "--workers", "1").returncode == 0
    assert cli("two", "--workers", "2").returncode == 0
    assert_same(tmp_path / "two", tmp_path / "one")
    killed = cli("resumed", "--workers", "2", env=dict(os.environ, **{ABORT_ENV: "2"}))
    assert killed.returncode == -9, killed.stderr
    resumed = cli("resumed", "--workers", "1", "--resume")
    assert resumed.returncode == 0, resumed.stderr
    assert "Resuming: 2 of" in resumed.stderr
    assert_same(tmp_path / "resumed", tmp_path / "one")


def test_a_second_run_into_the_same_output_is_refused_while_the_first_runs(tmp_path, pipeline):

    corpus = make_corpus(tmp_path / "corpus", files=2, jsonl_lines=10)
    out = tmp_path / "out"
    out.mkdir()
    script = textwrap.dedent(f"""
        import fcntl, sys, time
        handle = open({str(out / OUTPUT_MARKER)!r}, "a")
        fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        print("locked", flush=True)
        time.sleep(60)
    """)
    holder = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(UserError, match="another fazhi run"):
            run([corpus], out, pipeline=pipeline)
    finally:
        holder.kill()
        holder.wait()
    run([corpus], out, pipeline=pipeline)  # the holder died: its lock went with it
    assert (out / OUTPUT_MARKER).is_file()  # the marker stays: the folder is fazhi's


def test_part_writer_sealed_batches_give_the_same_file(tmp_path):
    """Rows sealed into Arrow batches between writes give the same rows and row groups."""
    from pipeline.run.parts import PartWriter
    from schemas.arrow import SCHEMAS

    schema = SCHEMAS["quarantine"]
    names = schema.names
    rows = [{name: None for name in names} for _ in range(25)]
    for k, row in enumerate(rows):
        for name, field in zip(names, schema):
            if pa.types.is_string(field.type):
                row[name] = f"{name}-{k}"
            elif pa.types.is_integer(field.type):
                row[name] = k
    files = {}
    for sealed in (False, True):
        writer = PartWriter(tmp_path / str(sealed), "part-000000.parquet", schema, 10)
        for first in range(0, 25, 3):
            writer.write(rows[first:first + 3])
            if sealed:
                writer.seal()
        writer.commit()
        files[sealed] = pq.ParquetFile(writer.final)
    assert files[True].read().equals(files[False].read())
    sizes = [[f.metadata.row_group(i).num_rows for i in range(f.metadata.num_row_groups)]
             for f in (files[False], files[True])]
    assert sizes[0] == sizes[1] == [12, 12, 1]
