"""The local engine: shards processed in this process, or in forked worker processes that
share the loaded models. A worker that dies (killed, out of memory) is noticed: the shards it
may have held are run again one at a time, and a shard that fails twice is quarantined."""

from __future__ import annotations

import errno
import os
import signal
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from pathlib import Path
from typing import Callable

from .parts import failed_shard, process_shard
from .pipeline import freeze_models
from .plan import LINES_CACHE, Shard

ATTEMPTS = 2  # a shard is tried twice, then its inputs are quarantined (shard_failed)
FATAL = (errno.ENOSPC, errno.EDQUOT, errno.EROFS)  # the output cannot be written: stop the run
RUNNING = ".running"  # <staging>/.running/<shard>: a worker is on it (left behind if it dies)

_LOCAL: dict = {}


def _init_worker(parent: int) -> None:
    """Workers leave Ctrl-C to the driver, die quietly on SIGTERM (no tracebacks), and die
    with the driver: an orphan would go on writing into the staging area of the next run."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    if os.getppid() != parent:  # the driver died before the line above took effect
        os._exit(1)


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this process when its parent dies (prctl PR_SET_PDEATHSIG)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: orphans end when their queue breaks
        pass


def _local_task(shard: Shard) -> dict:
    staging = Path(_LOCAL["staging"])
    mark = staging / RUNNING / str(shard.index)
    mark.write_text(str(os.getpid()))
    result = process_shard(shard, staging, _LOCAL["pipeline"], _LOCAL["published"])
    mark.unlink(missing_ok=True)
    return result


def run_local(shards: list[Shard], staging: Path, pipeline, workers: int,
              on_done: Callable[[dict], None], published: date | None = None) -> None:
    """Process ``shards``; ``on_done(result)`` for each (the driver records it)."""
    freeze_models(pipeline)
    _LOCAL.update(staging=staging, pipeline=pipeline, published=published)
    (Path(staging) / RUNNING).mkdir(parents=True, exist_ok=True)
    try:
        if workers <= 1 or len(shards) <= 1:
            _in_process(shards, staging, on_done)
        else:
            _in_pool(shards, staging, workers, on_done)
    finally:
        _LOCAL.clear()
        LINES_CACHE.clear()


def _fatal(exc: BaseException) -> bool:
    return not isinstance(exc, Exception) or (isinstance(exc, OSError) and exc.errno in FATAL)


def _why(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def _in_process(shards: list[Shard], staging: Path, on_done) -> None:
    for shard in shards:
        for attempt in range(1, ATTEMPTS + 1):
            try:
                on_done(_local_task(shard))
                break
            except BaseException as exc:
                if _fatal(exc):
                    raise
                if attempt == ATTEMPTS:
                    on_done(failed_shard(shard, staging, f"failed twice: {_why(exc)}"))


def _in_pool(shards: list[Shard], staging: Path, workers: int, on_done) -> None:
    """Run in pools of ``workers``; after a pool breaks, its suspects run alone, then the rest."""
    attempts: Counter = Counter()
    queue = list(shards)
    while queue:
        suspects, queue = _pool_pass(queue, staging, min(workers, len(queue)), attempts, on_done)
        for shard in suspects:  # the one that killed its worker dies again here, alone
            left, rest = _pool_pass([shard], staging, 1, attempts, on_done)
            if left or rest:
                on_done(failed_shard(shard, staging, "its worker process died twice (killed, "
                                                     "or out of memory)"))


def _pool_pass(queue: list[Shard], staging: Path, workers: int, attempts: Counter, on_done
               ) -> tuple[list[Shard], list[Shard]]:
    """Run ``queue`` in one pool; return (suspects, not yet run) if a worker died, else ([], [])."""
    by_future = {}
    # Forked after the models are loaded: the workers share them copy-on-write.
    import multiprocessing as mp

    pool = ProcessPoolExecutor(workers, mp_context=mp.get_context("fork"),
                               initializer=_init_worker, initargs=(os.getpid(),))
    try:
        for shard in queue:
            by_future[pool.submit(_local_task, shard)] = shard
        pending = set(by_future)
        while pending:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            broken = _collect(finished, by_future, pool, pending, staging, attempts, on_done)
            if broken:
                return _after_break(by_future, pending | broken, staging)
        return [], []
    finally:
        _stop(pool)


def _collect(finished, by_future, pool, pending, staging, attempts, on_done) -> set:
    """Record finished shards, retry failed ones once; return the futures a broken pool lost."""
    broken = set()
    for future in finished:
        shard = by_future[future]
        exc = future.exception()
        if exc is None:
            on_done(future.result())
        elif isinstance(exc, BrokenProcessPool):
            broken.add(future)
        elif _fatal(exc):
            raise exc
        else:
            attempts[shard.index] += 1
            if attempts[shard.index] >= ATTEMPTS:
                on_done(failed_shard(shard, staging, f"failed twice: {_why(exc)}"))
            else:
                retry = pool.submit(_local_task, shard)
                by_future[retry] = shard
                pending.add(retry)
    return broken


def _after_break(by_future: dict, lost: set, staging: Path) -> tuple[list[Shard], list[Shard]]:
    running = Path(staging) / RUNNING
    marks = {int(p.name) for p in running.iterdir() if p.name.isdigit()}
    for p in running.iterdir():
        p.unlink(missing_ok=True)
    shards = sorted({by_future[f] for f in lost}, key=lambda s: s.index)
    suspects = [s for s in shards if s.index in marks]
    rest = [s for s in shards if s.index not in marks]
    return suspects, rest


def _stop(pool: ProcessPoolExecutor) -> None:
    """Shut the pool down now: cancel what did not start, terminate what runs."""
    processes = list(getattr(pool, "_processes", {}).values())  # the stdlib's own table
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(5)
