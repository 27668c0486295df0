"""Run the shards of a run on a Dask cluster: ``fazhi run --engine dask [--scheduler ADDRESS]``.

Needs the ``dask`` extra (``pip install 'fazhi[dask]'``, which brings ``distributed``).
Without ``--scheduler`` a LocalCluster of ``--workers`` single-threaded processes is started.

Each task runs ``pipeline.shards.process_shard``, the same function as the local runner. A
task ships a ``PipelineSpec`` (a few strings), never a pickled ``nlp``: every worker process
builds its pipeline once (``pipeline_for`` keeps it) and the driver warms all workers before
submitting. Tasks write their own part files into the staging area under ``--out`` (on a
real cluster that directory must be on a filesystem every worker sees) and retry on failure;
a retried shard replaces its own parts, so rows are never duplicated. The driver records
finished shards in the manifest as they complete (so ``--resume`` works as with the local
engine), shows progress, and commits the outputs and run.json at the end.
"""

from __future__ import annotations

import logging
import time
import uuid
from datetime import date
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from ..errors import UserError
from .parts import failed_shard, process_shard
from .pipeline import PipelineSpec, pipeline_for
from .plan import Shard

RETRIES = 2
# Settings of the LocalCluster's workers (on a cluster of your own, put the same keys in the
# workers' Dask configuration; docs/scale-out.md):
# - Dask starts workers with MALLOC_TRIM_THRESHOLD_=65536, so glibc hands freed memory back to
#   the system at once and takes it again for the next batch's arrays: measured on the
#   benchmark, the task threads used 14 s of CPU instead of 11.5 s. 64 MiB still returns large
#   blocks.
# - A worker's own bookkeeping competes with its task for the GIL: the statistical profiler
#   samples every thread's stack every 10 ms, the event loop checks its health every 20 ms, the
#   memory monitor polls every 100 ms. fazhi's tasks are long (seconds) and report their own
#   timings, so the workers run without the profiler and poll less often (about 5%).
MALLOC_TRIM_THRESHOLD = str(64 * 2**20)
QUIET_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.worker.memory.monitor-interval": "1s",
}


def _warm(spec: PipelineSpec) -> float:
    """Build this worker's pipeline (loading the models) and return the seconds it took."""
    started = time.perf_counter()
    pipeline_for(spec)
    return time.perf_counter() - started


def _task(shard: Shard, staging: str, spec: PipelineSpec, published: date | None) -> dict:
    return process_shard(shard, staging, pipeline_for(spec), published)


def _distributed():
    try:
        import distributed
    except ImportError:
        raise UserError("--engine dask needs the dask extra: pip install 'fazhi[dask]' "
                        "(it installs distributed)") from None
    return distributed


def connect(scheduler: str | None, workers: int):
    """Return (client, cluster): a client of ``scheduler``, or of a new LocalCluster."""
    distributed = _distributed()
    Client, LocalCluster = distributed.Client, distributed.LocalCluster
    if scheduler:
        try:
            return Client(scheduler, timeout="30s"), None
        except OSError as exc:
            raise UserError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    import dask

    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", default=None) or {})
    environ["MALLOC_TRIM_THRESHOLD_"] = MALLOC_TRIM_THRESHOLD  # keeps OMP_NUM_THREADS=1 etc.
    settings = {**QUIET_WORKERS, "distributed.nanny.pre-spawn-environ": environ}
    with dask.config.set(settings):  # the nannies hand their config to the workers
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
    return Client(cluster), cluster


@contextmanager
def session(scheduler: str | None, workers: int) -> Iterator:
    """A Dask client for the length of a run (the shards, then the linking pass's tasks)."""
    client, cluster = connect(scheduler, max(1, workers))
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _job(task: Callable, store, job: tuple):
    return task(store, *job)


def on_cluster(client) -> Callable:
    """A mapper (``pipeline.facts.tasks``) that runs the linking pass's chunks as Dask tasks;
    their results come back in the order of the jobs, each released once read."""
    def mapper(task: Callable, store, jobs) -> Iterator:
        token = uuid.uuid4().hex[:8]
        futures = client.map(_job, [task] * len(jobs), [store] * len(jobs), list(jobs), pure=False,
                             key=[f"fazhi-link-{task.__name__}-{token}-{i:06d}" for i in range(len(jobs))])
        for future in futures:
            yield future.result()
            future.release()
    mapper.where = "dask"
    return mapper


def run_dask(shards: list[Shard], staging: Path, spec: PipelineSpec,
             on_done: Callable[[dict], None], client, *, scheduler: str | None = None,
             published: date | None = None, say: Callable[[str], None] | None = None,
             retries: int = RETRIES) -> float:
    """Process ``shards`` on Dask through ``client`` (``session``), ``on_done(result)`` for
    each; return the load seconds.

    A shard whose retries are spent (its worker died, or it raised) is quarantined as
    ``shard_failed`` and the run goes on (``pipeline.errors``).
    """
    as_completed = _distributed().as_completed
    started = time.perf_counter()
    if say and scheduler:
        say(f"Dask: {len(client.scheduler_info().get('workers', {}))} workers at {scheduler}")
    client.run(_warm, spec)  # every worker loads the models once, before the tasks
    load_seconds = time.perf_counter() - started
    token = uuid.uuid4().hex[:8]  # keys unique per run on a long-lived cluster
    futures = [client.submit(_task, shard, str(staging), spec, published, retries=retries,
                             pure=False, key=f"fazhi-shard-{token}-{shard.index:06d}")
               for shard in shards]
    by_key = {future.key: shard for future, shard in zip(futures, shards)}
    for future in as_completed(futures):
        try:
            result = future.result()  # raises the task's error once its retries are spent
        except Exception as exc:
            why = f"failed {retries + 1} times: {type(exc).__name__}: {exc}"
            result = failed_shard(by_key[future.key], staging, why)
        on_done(result)
        future.release()
    return load_seconds
