"""The local engine: shards processed in this process or in a forked pool sharing the models."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Callable

from .pipeline import freeze_models
from .shards import _LINES_CACHE, Manifest, Shard, process_shard


_LOCAL: dict = {}


def _local_task(shard: Shard) -> dict:
    return process_shard(shard, _LOCAL["staging"], _LOCAL["pipeline"], _LOCAL["published"])


def run_local(shards: list[Shard], staging: Path, pipeline, workers: int, manifest: Manifest,
              published: date | None = None, progress: Callable[[int], None] | None = None) -> None:
    """Process ``shards`` in this process or a forked pool that shares the loaded models."""
    import multiprocessing as mp

    freeze_models(pipeline)
    _LOCAL.update(staging=staging, pipeline=pipeline, published=published)
    try:
        if workers <= 1 or len(shards) <= 1:
            results = map(_local_task, shards)
            pool = None
        else:
            # Forked after the models are loaded: the workers share them copy-on-write.
            pool = mp.get_context("fork").Pool(min(workers, len(shards)))
            results = pool.imap_unordered(_local_task, shards, chunksize=1)
        try:
            for result in results:
                manifest.record(result)
                if progress:
                    progress(result["items"])
        finally:
            if pool is not None:
                pool.terminate()
                pool.join()
    finally:
        _LOCAL.clear()
        _LINES_CACHE.clear()
