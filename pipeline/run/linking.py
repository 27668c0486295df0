"""The linking pass after the shards: the ``facts`` table, and the columns that point at it.

It reads the staging tables the shards wrote (``sides.py``: local facts, MinHashes; no text),
links them (``pipeline.facts.link_staged``), writes ``facts/part-000000.parquet`` and rewrites
each metrics part with its ``fact_id``/``part_of`` and each documents part that holds a
republication with ``duplicate_of``/``similarity``. Every file is written under a temporary
name and renamed; the pass is a pure function of the staged shards, so a resumed run (or a
crash and a rerun of the pass) gives the same tables.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from schemas.arrow import FACT_SCHEMA, SCHEMAS

from ..facts import link_staged
from .parts import DEFAULT_ROWS_PER_GROUP, ROWS_PER_GROUP
from .records import replace_part
from .sides import SIDE_DIR, SIDE_SCHEMAS, side_dir


def _read_side(staging: Path, table: str) -> pa.Table:
    parts = sorted(side_dir(staging, table).glob("part-*.parquet"))
    schema = SIDE_SCHEMAS[table]
    if not parts:
        return schema.empty_table()
    return pa.concat_tables(pq.read_table(p, schema=schema) for p in parts)


def _set_columns(table: pa.Table, links: pa.Table, key: str, names: list[str]) -> pa.Table:
    """``table`` with ``names`` taken from ``links`` (sorted by ``key``) by ``key``."""
    at = pc.index_in(table[key], value_set=links[key])
    for name in names:
        column = links[name].take(at)
        table = table.set_column(table.schema.get_field_index(name), name, column)
    return table


def _rewrite_metrics(staging: Path, metric_links: pa.Table) -> None:
    schema = SCHEMAS["metrics"]
    for path in sorted((staging / "metrics").glob("part-*.parquet")):
        table = pq.read_table(path, schema=schema)
        table = _set_columns(table, metric_links, "metric_id", ["fact_id", "part_of"]).cast(schema)
        replace_part(table, path, ROWS_PER_GROUP.get("metrics", DEFAULT_ROWS_PER_GROUP))


def _rewrite_documents(staging: Path, document_links: pa.Table) -> None:
    """Only the documents parts that hold a republication (or held one before) are rewritten."""
    schema = SCHEMAS["documents"]
    copies = document_links.filter(pc.is_valid(document_links["duplicate_of"]))
    for path in sorted((staging / "documents").glob("part-*.parquet")):
        ids = pq.read_table(path, columns=["doc_id", "duplicate_of"])
        touched = pc.any(pc.is_in(ids["doc_id"], copies["doc_id"])).as_py() or pc.any(
            pc.is_valid(ids["duplicate_of"])).as_py()
        if touched:
            table = pq.read_table(path, schema=schema)
            table = _set_columns(table, document_links, "doc_id", ["duplicate_of", "similarity"]).cast(schema)
            replace_part(table, path, ROWS_PER_GROUP.get("documents", DEFAULT_ROWS_PER_GROUP))


def link_run(staging: str | os.PathLike) -> dict:
    """Run the linking pass over a finished staging folder; return what it found."""
    staging = Path(staging)
    started = time.perf_counter()
    facts, metric_links, document_links = link_staged(
        _read_side(staging, "fact_docs"), _read_side(staging, "fact_locals"), _read_side(staging, "fact_links"))
    (staging / "facts").mkdir(parents=True, exist_ok=True)
    replace_part(facts.cast(FACT_SCHEMA), staging / "facts" / "part-000000.parquet", DEFAULT_ROWS_PER_GROUP)
    _rewrite_metrics(staging, metric_links)
    _rewrite_documents(staging, document_links)
    n_statements = pc.sum(facts["n_statements"]).as_py() or 0
    return {
        "facts": facts.num_rows,
        "rows_folded": n_statements - facts.num_rows,
        "facts_of_several_rows": pc.sum(pc.greater(facts["n_statements"], 1)).as_py() or 0,
        "facts_in_several_documents": pc.sum(pc.greater(facts["n_documents"], 1)).as_py() or 0,
        "part_rows": pc.sum(pc.is_valid(metric_links["part_of"])).as_py() or 0,
        "conflicts": pc.sum(facts["conflict"]).as_py() or 0,
        "republished_documents": pc.sum(pc.is_valid(document_links["duplicate_of"])).as_py() or 0,
        "seconds": round(time.perf_counter() - started, 3),
    }


def drop_side_tables(folder: str | os.PathLike) -> None:
    """Remove the staging tables from a committed snapshot (they are not published)."""
    shutil.rmtree(Path(folder) / SIDE_DIR, ignore_errors=True)
