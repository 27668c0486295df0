"""Fault injection: kill a run at random moments, the driver or a worker, during the shards or
during the commit, and find the outputs always the old complete set or the new one, and
``--resume`` giving exactly the tables of a clean run (same part files, byte for byte).

Slow (about two minutes on two cores): 21 trials, each a real ``run`` in a subprocess on the basic stages.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from pathlib import Path

import psutil
import pytest

from pipeline.run.driver import run
from pipeline.run.outputs import COMMIT_STEPS, KILL_STEP_ENV
from pipeline.run.pipeline import PipelineSpec
from schemas.records import TABLES

from .test_reliability import run_subprocess, snapshot_state
from .test_shards import make_corpus

pytestmark = pytest.mark.slow
TRIALS = 21
BASIC = PipelineSpec(stages="basic", blank=True)


def part_bytes(out: Path) -> dict[str, list[tuple[str, bytes]]]:
    return {table: [(p.name, p.read_bytes()) for p in sorted((out / table).glob("part-*.parquet"))]
            for table in TABLES}


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    root = tmp_path_factory.mktemp("faults")
    pipeline = BASIC.build()
    old_in = make_corpus(root / "old_in", files=5, jsonl_lines=50, seed=11)
    new_in = make_corpus(root / "new_in", files=12, jsonl_lines=200, seed=12)
    run([old_in], root / "old", pipeline=pipeline, shard_bytes=4096)
    run([new_in], root / "new", pipeline=pipeline, shard_bytes=4096)
    started = time.perf_counter()
    clean = run_subprocess(new_in, root / "timed", workers=2)
    assert clean.returncode == 0, clean.stderr.read()
    return root, pipeline, time.perf_counter() - started


def _children(pid: int) -> list:
    try:
        return psutil.Process(pid).children()
    except psutil.NoSuchProcess:
        return []


def _kill_worker(pid: int, rng: random.Random) -> bool:
    try:
        workers = psutil.Process(pid).children()
    except psutil.NoSuchProcess:
        return False
    if not workers:
        return False
    try:
        rng.choice(workers).send_signal(signal.SIGKILL)
    except psutil.NoSuchProcess:
        return False
    return True


def test_random_kills_leave_old_or_new_and_resume_is_identical(tmp_path, setup):
    root, pipeline, seconds = setup
    rng = random.Random(16)
    seen = {"old": 0, "new": 0}
    kinds = []
    for trial in range(TRIALS):
        out = tmp_path / f"out-{trial}"
        shutil.copytree(root / "old", out, symlinks=True)
        kind = ("commit", "driver", "worker")[trial % 3]
        env = {KILL_STEP_ENV: str(rng.randint(1, COMMIT_STEPS))} if kind == "commit" else None
        proc = run_subprocess(root / "new_in", out, env=env, workers=2, wait=False)
        workers = []
        if kind != "commit":
            time.sleep(rng.uniform(0.3, seconds))
            workers = _children(proc.pid)
            if kind == "driver":
                proc.send_signal(signal.SIGKILL)
            elif not _kill_worker(proc.pid, rng):
                kind = "worker (none alive)"
        proc.wait(300)
        _, alive = psutil.wait_procs(workers, timeout=10)
        assert not alive, "a worker outlived its driver (it would go on writing)"
        kinds.append(kind)
        if kind == "worker":  # the run notices, runs the shard again and finishes
            assert proc.returncode == 0, proc.stderr.read()
        state = snapshot_state(out, root / "old", root / "new")
        assert state in ("old", "new"), (trial, kind)
        seen[state] += 1
        run([root / "new_in"], out, pipeline=pipeline, shard_bytes=4096, resume=True, workers=2)
        assert snapshot_state(out, root / "old", root / "new") == "new"
        assert part_bytes(out) == part_bytes(root / "new"), (trial, kind)
        shutil.rmtree(out)
    assert kinds.count("commit") == TRIALS // 3 and kinds.count("driver") == TRIALS // 3
    assert seen["old"] and seen["new"], seen
    assert os.environ.get(KILL_STEP_ENV) is None
