"""``run``: inputs cut into shards, processed by the local or the Dask engine, committed."""

from __future__ import annotations

import errno
import json
import os
import platform
import shutil
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable

from .. import __version__, errors
from ..facts.tasks import in_process
from ..io import INPUT_SUFFIXES
from .dedupe import drop_repeats_across_shards
from .linking import drop_side_tables, link_run, trim_heap
from .local import RUNNING, run_local
from .manifest import Manifest
from .outputs import FULL, OutputFolder
from .parts import finish_tables, merge_results
from .pipeline import Pipeline, PipelineSpec, Result, models_of
from .plan import fingerprint, plan_shards


@dataclass
class RunSummary:
    out: Path
    counts: Counter
    rows: dict[str, int]
    seconds: dict[str, float]
    run_info: dict[str, Any]

    @property
    def quarantined(self) -> int:
        return self.rows.get("quarantine", 0)


def run(inputs: Iterable[str | os.PathLike], out: str | os.PathLike, *,
        pipeline: Pipeline | None = None, pkuseg_model=None, workers: int = 1,
        published: date | None = None, say: Callable[[str], None] | None = None,
        progress: Callable[[dict], None] | None = None, options: dict | None = None,
        resume: bool = False, engine: str = "local", scheduler: str | None = None,
        spec=None, shard_bytes: int | None = None, force: bool = False) -> RunSummary:
    """Process ``inputs`` into Parquet tables under ``out``; return the run's summary.

    The inputs are cut into shards (``pipeline.run.plan``) whose part files and manifest go to
    ``out/.staging``; ``resume=True`` skips the shards an interrupted run finished there.
    ``engine="dask"`` runs the shards on a Dask cluster (``scheduler``, else a LocalCluster
    of ``workers`` processes) whose workers build their pipeline from ``spec``. The finished
    tables become visible in one rename (``pipeline.run.outputs``); ``progress(result)`` is
    called per shard, once first with ``{"total": input bytes}``.
    """
    started = time.perf_counter()
    inputs = [str(p) for p in inputs]
    if engine not in ("local", "dask"):
        raise errors.UserError(f"unknown engine {engine!r}: use local or dask")
    plan = plan_shards(inputs, shard_bytes, exclude=[out])  # UserError on a missing path
    n_files = sum(len(shard.paths) for shard in plan if shard.first is None) + len(
        {shard.paths[0] for shard in plan if shard.first is not None})
    if n_files == 0:
        raise errors.UserError(f"no input files in {', '.join(inputs)} (in a folder fazhi reads "
                               f"{' '.join(INPUT_SUFFIXES)}): nothing to do; {out} is left as it was")
    with OutputFolder(out, force=force, say=say) as folder:
        try:
            return _run_locked(folder, plan, inputs, n_files, started, pipeline=pipeline,
                               pkuseg_model=pkuseg_model, workers=workers, published=published,
                               say=say, progress=progress, options=options, resume=resume,
                               engine=engine, scheduler=scheduler, spec=spec)
        except OSError as exc:
            if exc.errno in FULL:
                folder.discard_staging_when_full(exc)
            if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM) and str(out) in str(
                    exc.filename or ""):
                raise errors.UserError(f"cannot write into {out}: {exc.strerror}") from None
            raise


def _run_locked(folder: OutputFolder, plan, inputs, n_files, started, *, pipeline, pkuseg_model,
                workers, published, say, progress, options, resume, engine, scheduler, spec
                ) -> RunSummary:
    staging = folder.staging
    owned = False
    if engine == "dask":
        if spec is None:
            spec = getattr(pipeline, "spec", None) or PipelineSpec(
                str(pkuseg_model) if pkuseg_model else None)
        stages = spec.stage_names()
    else:
        load_started = time.perf_counter()
        owned = pipeline is None  # loaded here: let go of it before the linking pass
        if owned:
            pipeline = Pipeline.load(pkuseg_model, say=say)
        load_seconds = time.perf_counter() - load_started
        stages = [stage.name for stage in pipeline.stages]
    key = fingerprint(plan, {"published": published, "stages": stages})
    manifest = Manifest(staging, key, len(plan), resume=resume, say=say)
    # Biggest first, so that the run does not end waiting on one big shard (output order is
    # set by the part names, not by the order of processing).
    todo = sorted((shard for shard in plan if shard.index not in manifest.done),
                  key=lambda shard: -shard.size)
    if progress:
        progress({"total": sum(shard.size for shard in plan),
                  "size": sum(r.get("size", 0) for r in manifest.done.values()), "items": 0})

    def on_done(result: dict) -> None:
        manifest.record(result)
        if progress:
            progress(result)

    connect_started = time.perf_counter()

    with _engine_session(engine, scheduler, workers) as client:
        connect_seconds = time.perf_counter() - connect_started
        try:
            if engine == "dask":
                from .dask import run_dask

                load_seconds = connect_seconds + run_dask(todo, staging, spec, on_done, client,
                                                          scheduler=scheduler, published=published, say=say)
            else:
                run_local(todo, staging, pipeline, workers, on_done, published=published)
        finally:
            manifest.close()
        shutil.rmtree(staging / RUNNING, ignore_errors=True)
        drop_repeats_across_shards(staging, manifest.done)
        results = [manifest.done[index] for index in sorted(manifest.done)]
        finish_tables(staging)
        models = next((r["models"] for r in results if r.get("models")), None) or (
            models_of(pipeline) if pipeline is not None else {})
        if owned:  # the pass reads no text: the models the shards used can go
            pipeline = None
            _let_go()
        linked = link_run(staging, mapper=_mapper(client), threads=workers)
    totals = Result()
    totals.counts, totals.seconds, rows = merge_results(results)
    rows["facts"] = linked["facts"]
    totals.seconds["link"] += linked["seconds"]
    totals.counts["write.in"] = sum(rows.values())
    totals.counts["write.out"] = sum(rows.values())
    run_info = _run_info(pipeline, inputs, n_files, totals, rows, options or {},
                         load_seconds, time.perf_counter() - started, models=models)
    run_info["shards"] = {"total": len(plan), "resumed": len(plan) - len(todo),
                          "failed": sum(1 for r in results if r.get("failed")),
                          "cpu_seconds": round(sum(r.get("cpu", 0) for r in results), 3)}
    run_info["facts"] = linked
    # run.json is written last: a staging folder holding it is complete (pipeline.run.outputs).
    (staging / "run.json").write_text(json.dumps(run_info, ensure_ascii=False, indent=2,
                                                 default=str), encoding="utf-8")
    snapshot = folder.commit()
    drop_side_tables(snapshot)
    return RunSummary(folder.out, totals.counts, rows, dict(totals.seconds), run_info)


def _let_go() -> None:
    """Free the models the driver loaded for its shards, now unreferenced (spaCy's objects hold
    cycles), and give the pages back, so the linking pass runs a few hundred MB lower."""
    import gc

    gc.collect()
    trim_heap()


@contextmanager
def _engine_session(engine: str, scheduler: str | None, workers: int) -> Iterator:
    """The Dask client of a ``--engine dask`` run (open from the shards to the linking pass);
    None for the local engine."""
    if engine != "dask":
        yield None
        return
    from .dask import session

    with session(scheduler, workers) as client:
        yield client


def _mapper(client):
    """Where the linking pass's group tasks run: on the cluster, or in this process."""
    if client is None:
        return in_process
    from .dask import on_cluster

    return on_cluster(client)


def stage_counts(counts: Counter) -> dict[str, dict[str, int]]:
    """Return {stage: {"in", "out", "quarantined"}} from the flat counter."""
    stages: dict[str, dict[str, int]] = {}
    for key, value in counts.items():
        stage, _, what = key.partition(".")
        stages.setdefault(stage, {"in": 0, "out": 0, "quarantined": 0})
        if what in ("in", "out", "quarantined"):
            stages[stage][what] += value
        else:
            stages[stage][what] = stages[stage].get(what, 0) + value
    return stages


def _run_info(pipeline: Pipeline | None, inputs, n_files, totals: Result, rows, options,
              load_seconds, wall, models: dict | None = None) -> dict:
    import pyarrow
    import pydantic
    import spacy

    try:
        from importlib.metadata import version
        pkuseg_version = version("spacy-pkuseg")
    except Exception:  # pragma: no cover - metadata missing in odd installs
        pkuseg_version = None
    if models is None:  # the Dask engine passes what its workers loaded
        models = models_of(pipeline)
    return {
        "fazhi": __version__,
        "versions": {"fazhi": __version__, "spacy": spacy.__version__,
                     "spacy_pkuseg": pkuseg_version, "pydantic": pydantic.__version__,
                     "pyarrow": pyarrow.__version__, "python": platform.python_version()},
        "models": models,
        "options": options,
        "inputs": inputs,
        "input_files": n_files,
        "stages": stage_counts(totals.counts),
        "rows": rows,
        "timings": {"load_seconds": round(load_seconds, 3), "wall_seconds": round(wall, 3),
                    "stage_seconds": {k: round(v, 3) for k, v in totals.seconds.items()}},
    }
