"""The linking pass after the shards: the ``facts`` table, and the columns that point at it.

It reads the staging tables the shards wrote (``sides.py``: local facts, MinHashes; no text),
links them (``pipeline.facts.link_corpus``), writes ``facts/part-000000.parquet`` and rewrites
each metrics part with its ``fact_id``/``part_of`` and each documents part that holds a
republication with ``duplicate_of``/``similarity``.

Memory does not grow with the corpus beyond a few columns per local fact: the staged local
facts and MinHashes are copied part by part into Arrow files the pass reads a few thousand
rows at a time, and each metrics part is rewritten from its own shard's ``fact_links``. Every file is written under a temporary
name and renamed; the pass is a pure function of the staged shards, so a resumed run (or a
crash and a rerun of the pass) gives the same tables.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.ipc as ipc
import pyarrow.parquet as pq

from schemas.arrow import FACT_SCHEMA, SCHEMAS

from ..facts.corpus import METRIC_LIDS, METRIC_LINKS, fact_columns, lid_index, link_corpus, metric_lids, part_facts
from ..facts.store import FileRows, write_rows
from ..facts.tasks import Mapper, in_process
from .parts import DEFAULT_ROWS_PER_GROUP, ROWS_PER_GROUP
from .records import replace_part, rewrite_part
from .sides import SIDE_DIR, SIDE_SCHEMAS, side_dir

_LIBC = ctypes.CDLL(ctypes.util.find_library("c")) if ctypes.util.find_library("c") else None
if _LIBC is not None and not hasattr(_LIBC, "malloc_trim"):
    _LIBC = None


def _ordered(work: Callable, items: Iterable, threads: int) -> Iterator:
    """``work(item)`` for each item, yielded in the items' order, with at most ``threads`` items
    in hand at a time (Arrow's reads, joins and writes release the GIL: the parts of a pass run
    side by side on the cores the run was given, and memory stays a few parts)."""
    if threads <= 1:
        yield from map(work, items)
        return
    with ThreadPoolExecutor(threads, thread_name_prefix="fazhi-link") as pool:
        pending: deque = deque()
        for item in items:
            pending.append(pool.submit(work, item))
            if len(pending) >= threads:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _side_parts(staging: Path, table: str) -> list[Path]:
    return sorted(side_dir(staging, table).glob("part-*.parquet"))


def _side_rows(staging: Path, table: str, threads: int = 1) -> FileRows:
    """A staged table copied, one part at a time, into one Arrow file the pass reads rows
    from (in part order: a local fact's id is its row number)."""
    schema = SIDE_SCHEMAS[table]
    path = staging / SIDE_DIR / f"{table}.arrow"
    parts = _ordered(lambda p: _read(p, schema.names).cast(schema), _side_parts(staging, table), threads)
    return write_rows(parts, schema, path)


def _set_columns(table: pa.Table, links: pa.Table, key: str, names: list[str]) -> pa.Table:
    """``table`` with ``names`` taken from ``links`` (sorted by ``key``) by ``key``."""
    at = pc.index_in(table[key], value_set=links[key])
    for name in names:
        column = links[name].take(at)
        table = table.set_column(table.schema.get_field_index(name), name, column)
    return table


def _firsts(staging: Path) -> dict[str, tuple[int, int]]:
    """Part name → the local ids of its local facts, as (first, end): the rows of the parts
    before it, and its own."""
    firsts, first = {}, 0
    for path in _side_parts(staging, "fact_locals"):
        with pq.ParquetFile(path) as source:
            end = first + source.metadata.num_rows
        firsts[path.name] = (first, end)
        first = end
    return firsts


def _read(path: Path, columns: list[str]) -> pa.Table:
    """``columns`` of one staged part (a ParquetFile read: no dataset discovery per part)."""
    with pq.ParquetFile(path) as source:
        return source.read(columns=columns, use_threads=False)


_LINK_COLUMNS = ["metric_id", "doc_id", "no", "part_no"]


def _part_lids(staging: Path, name: str, lids: tuple[int, int], locals_: FileRows,
               fact_ids: pa.Array) -> tuple[dict[str, str], pa.RecordBatch]:
    """For one part: fact_id → the fact_id of its total (``part_facts``), and metric_id → local
    id (``metric_lids``); its ``fact_links`` are read once, its local facts from ``locals_``."""
    path = side_dir(staging, "fact_links") / name
    schema = pa.schema([SIDE_SCHEMAS["fact_links"].field(c) for c in _LINK_COLUMNS])
    links = _read(path, _LINK_COLUMNS).cast(schema) if path.exists() else schema.empty_table()
    ids = locals_.take(np.arange(*lids), ["doc_id", "no"])
    index = lid_index(ids["doc_id"].combine_chunks(), ids["no"].combine_chunks(), lids[0])
    found = metric_lids(links, index).combine_chunks()
    batch = pa.RecordBatch.from_arrays([found[c].combine_chunks() for c in METRIC_LIDS.names], schema=METRIC_LIDS)
    return part_facts(links, index, fact_ids), batch


def _rewrite_metrics(staging: Path, locals_: FileRows, fact_ids: pa.Array, threads: int = 1) -> int:
    """Each metrics part with its fact_id and part_of, from its own shard's ``fact_links``, a
    few parts at a time (``threads``); returns the number of part rows. A first round finds the
    totals of parts (they may lie in any part) and keeps each part's metric → local id in an
    Arrow file, one batch a part; the second rewrites the parts from it."""
    firsts = _firsts(staging)
    names = list(firsts)
    part: dict[str, str] = {}
    lids_path = staging / SIDE_DIR / "metric_lids.arrow"
    with ipc.new_file(lids_path, METRIC_LIDS) as writer:
        for found, batch in _ordered(lambda name: _part_lids(staging, name, firsts[name], locals_, fact_ids),
                                     names, threads):
            writer.write_batch(batch)
            for own, whole in found.items():
                part[own] = min(whole, part.get(own, whole))
    batch_of = {name: i for i, name in enumerate(names)}
    schema = SCHEMAS["metrics"]

    def rewrite(path: Path) -> int:
        if path.name in batch_of:
            with pa.memory_map(str(lids_path)) as source:
                lids = pa.Table.from_batches([ipc.open_file(source).get_batch(batch_of[path.name])])
            links = fact_columns(lids, fact_ids, part)
        else:  # no document of this part has local facts
            links = METRIC_LINKS.empty_table()
        rewrite_part(path, schema, lambda rows: _set_columns(rows, links, "metric_id", ["fact_id", "part_of"]),
                     ROWS_PER_GROUP.get("metrics", DEFAULT_ROWS_PER_GROUP))
        trim_heap()
        return pc.sum(pc.is_valid(links["part_of"])).as_py() or 0

    rows = sum(_ordered(rewrite, sorted((staging / "metrics").glob("part-*.parquet")), threads))
    lids_path.unlink()
    return rows


def _rewrite_documents(staging: Path, document_links: pa.Table, threads: int = 1) -> None:
    """Only the documents parts that hold a republication (or held one before) are rewritten."""
    schema = SCHEMAS["documents"]
    copies = document_links.filter(pc.is_valid(document_links["duplicate_of"]))

    def rewrite(path: Path) -> None:
        ids = _read(path, ["doc_id", "duplicate_of"])
        touched = pc.any(pc.is_in(ids["doc_id"], copies["doc_id"])).as_py() or pc.any(
            pc.is_valid(ids["duplicate_of"])).as_py()
        if touched:
            rewrite_part(path, schema,
                         lambda rows: _set_columns(rows, document_links, "doc_id", ["duplicate_of", "similarity"]),
                         ROWS_PER_GROUP.get("documents", DEFAULT_ROWS_PER_GROUP))
            trim_heap()

    for _ in _ordered(rewrite, sorted((staging / "documents").glob("part-*.parquet")), threads):
        pass


def trim_heap() -> None:
    """Give the heap pages freed by the last step back to the system (glibc's malloc_trim;
    nothing elsewhere), so the next part is read into them, not on top of them."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


@contextmanager
def system_allocator() -> Iterator[None]:
    """Arrow allocates through the system allocator while the pass runs. Its default pool
    (mimalloc) keeps freed pages in per-thread heaps, which speeds the shards' many small
    tables but holds on to every page the pass's one-off reads and joins touched."""
    pool = pa.default_memory_pool()
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        yield
    finally:
        pa.set_memory_pool(pool)


def link_run(staging: str | os.PathLike, mapper: Mapper = in_process, threads: int = 1) -> dict:
    """Run the linking pass over a finished staging folder; return what it found. ``mapper``
    runs its group tasks (``pipeline.facts.tasks``): here, or on the Dask cluster; the per-part
    reads and rewrites use up to ``threads`` threads (the run's worker count)."""
    with system_allocator():
        return _link_run(Path(staging), mapper, max(1, threads))


def _link_run(staging: Path, mapper: Mapper, threads: int) -> dict:
    started = time.perf_counter()
    tasks = 0

    def counted(task, store, jobs):
        nonlocal tasks
        tasks += len(jobs)
        return mapper(task, store, jobs)

    locals_ = _side_rows(staging, "fact_locals", threads)
    linked = link_corpus(_side_rows(staging, "fact_docs", threads), locals_, counted)
    facts, document_links = linked.facts, linked.document_links
    trim_heap()
    (staging / "facts").mkdir(parents=True, exist_ok=True)
    replace_part(facts.cast(FACT_SCHEMA), staging / "facts" / "part-000000.parquet", DEFAULT_ROWS_PER_GROUP)
    part_rows = _rewrite_metrics(staging, locals_, linked.fact_ids, threads)
    _rewrite_documents(staging, document_links, threads)
    n_statements = pc.sum(facts["n_statements"]).as_py() or 0
    return {
        "facts": facts.num_rows,
        "rows_folded": n_statements - facts.num_rows,
        "facts_of_several_rows": pc.sum(pc.greater(facts["n_statements"], 1)).as_py() or 0,
        "facts_in_several_documents": pc.sum(pc.greater(facts["n_documents"], 1)).as_py() or 0,
        "part_rows": part_rows,
        "conflicts": pc.sum(facts["conflict"]).as_py() or 0,
        "republished_documents": pc.sum(pc.is_valid(document_links["duplicate_of"])).as_py() or 0,
        "group_tasks": tasks, "tasks_ran_on": getattr(mapper, "where", "this process"),
        "seconds": round(time.perf_counter() - started, 3),
    }


def drop_side_tables(folder: str | os.PathLike) -> None:
    """Remove the staging tables from a committed snapshot (they are not published)."""
    shutil.rmtree(Path(folder) / SIDE_DIR, ignore_errors=True)
