"""Processing one shard into part files: ``<staging>/<table>/part-<shard:06d>.parquet``.

Each part is written under a hidden temporary name and renamed when complete. A retried or
repeated shard replaces its own parts, so it can never duplicate rows, and reading a table
folder (files in name order) gives the rows in input order whatever ran the shards.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from schemas.arrow import SCHEMAS
from schemas.records import TABLES

from .. import errors
from .records import quarantine_row
from .dedupe import Deduper
from .sides import SIDE_SCHEMAS, side_dir, side_rows
from .pipeline import models_of
from .plan import Shard, read_shard

ROWS_PER_GROUP = {"documents": 500}  # documents carry whole pages; other tables default below
DEFAULT_ROWS_PER_GROUP = 10000
BATCH_CHARS = 20_000  # documents are processed in batches of about this much text


class PartWriter:
    """Write rows of one table for one shard into a hidden file, renamed on ``commit``.

    Rows arrive as dicts; ``seal`` (called after every batch of documents) turns the ones
    waiting into an Arrow record batch, several times smaller than the dicts, so that a row
    group of ``rows_per_group`` rows costs little memory however big the shard is.
    """

    def __init__(self, directory: Path, name: str, schema: pa.Schema, rows_per_group: int) -> None:
        self.final = directory / name
        self.temp = directory / f".{name}.{os.getpid()}.tmp"
        self.schema = schema
        self.rows_per_group = rows_per_group
        self.buffer: list[dict] = []
        self.sealed: list[pa.RecordBatch] = []
        self.pending = 0  # rows in ``sealed`` and ``buffer``
        self.writer: pq.ParquetWriter | None = None
        self.rows = 0

    def write(self, rows: list[dict]) -> None:
        self.buffer.extend(rows)
        self.pending += len(rows)
        if self.pending >= self.rows_per_group:
            self.flush()

    def seal(self) -> None:
        if self.buffer:
            self.sealed.append(pa.RecordBatch.from_pylist(self.buffer, schema=self.schema))
            self.buffer = []

    def flush(self) -> None:
        """Write the waiting rows as one row group."""
        self.seal()
        if not self.sealed:
            return
        table = pa.Table.from_batches(self.sealed, schema=self.schema)
        if self.writer is None:
            self.final.parent.mkdir(parents=True, exist_ok=True)
            self.writer = pq.ParquetWriter(self.temp, self.schema, compression="zstd")
        self.writer.write_table(table, row_group_size=max(len(table), 1))
        self.rows += len(table)
        self.sealed, self.pending = [], 0

    def commit(self) -> None:
        """Close the file and give it its final name (no file when the table got no rows)."""
        self.flush()
        if self.writer is not None:
            self.writer.close()
            os.replace(self.temp, self.final)

    def abort(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.temp.unlink(missing_ok=True)


def _batches(items: Iterable, limit: int = BATCH_CHARS) -> Iterator[list]:
    """Group ``items`` into lists of about ``limit`` characters of text (at least one item)."""
    batch: list = []
    size = 0
    for item in items:
        batch.append(item)
        size += len(getattr(item, "raw", "") or "")
        if size >= limit:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _writers(shard: Shard, staging: Path) -> dict[str, PartWriter]:
    """The shard's part writers: the tables, then the linking pass's staging tables."""
    for table in TABLES:  # a repeated shard replaces what an earlier attempt left
        (staging / table / shard.name).unlink(missing_ok=True)
    for table in SIDE_SCHEMAS:
        (side_dir(staging, table) / shard.name).unlink(missing_ok=True)
    writers = {table: PartWriter(staging / table, shard.name, SCHEMAS[table],
                                 ROWS_PER_GROUP.get(table, DEFAULT_ROWS_PER_GROUP))
               for table in TABLES}
    writers.update({table: PartWriter(side_dir(staging, table), shard.name, schema, DEFAULT_ROWS_PER_GROUP)
                    for table, schema in SIDE_SCHEMAS.items()})
    return writers


def _stage_facts(result, writers: dict[str, PartWriter], seconds: Counter, counts: Counter) -> None:
    """Write a processed document's staging rows for the linking pass. A document the pass
    cannot read is listed in quarantine (its metrics keep no fact_id); the run goes on."""
    started = time.perf_counter()
    try:
        staged = side_rows(result.rows)
    except Exception as exc:  # one bad record never kills a run
        doc = (result.rows.get("documents") or [{}])[0]
        writers["quarantine"].write([quarantine_row(doc.get("source", "?"), doc.get("doc_id"), "facts",
                                                    errors.STAGE_FAILED, f"linking: {exc!r}"[:1000])])
        counts["facts.quarantined"] += 1
        staged = {}
    for table, rows in staged.items():
        if rows:
            writers[table].write(rows)
    seconds["facts"] += time.perf_counter() - started


def process_shard(shard: Shard, staging: str | os.PathLike, pipeline,
                  published: date | None = None) -> dict:
    """Run ``pipeline`` over ``shard``, write its part files; return its counts and row numbers."""
    staging = Path(staging)
    writers = _writers(shard, staging)
    counts: Counter = Counter()
    seconds: Counter = Counter()
    items = 0
    cpu_started = time.process_time()
    try:
        for batch in _batches(Deduper()(read_shard(shard, published))):
            for result in pipeline.handle_many(batch):
                items += 1
                for table, rows in result.rows.items():
                    if rows:
                        writers[table].write(rows)
                counts.update(result.counts)
                seconds.update(result.seconds)
                _stage_facts(result, writers, seconds, counts)
            for writer in writers.values():
                writer.seal()
        started = time.perf_counter()
        for writer in writers.values():
            writer.commit()
        seconds["write"] += time.perf_counter() - started
    except BaseException:
        for writer in writers.values():
            writer.abort()
        raise
    return {"shard": shard.index, "items": items, "size": shard.size, "counts": dict(counts),
            "seconds": {k: round(v, 6) for k, v in seconds.items()},
            "rows": {table: writer.rows for table, writer in writers.items() if table in TABLES},
            "staged": {table: writers[table].rows for table in SIDE_SCHEMAS},
            "cpu": round(time.process_time() - cpu_started, 6), "models": models_of(pipeline)}


def failed_shard(shard: Shard, staging: str | os.PathLike, why: str) -> dict:
    """Quarantine the inputs of a shard that failed twice (``shard_failed``); return its result.

    The shard's other parts are removed: a shard is in the tables whole or not at all.
    """
    writers = _writers(shard, Path(staging))
    rows = [quarantine_row(source, None, "read", errors.SHARD_FAILED,
                           f"{shard.describe()}: {why}"[:1000])
            for source in shard.sources()]
    writers["quarantine"].write(rows)
    for writer in writers.values():
        writer.commit()
    n = len(rows)
    return {"shard": shard.index, "items": n, "size": shard.size,
            "counts": {"read.in": n, "read.quarantined": n}, "seconds": {},
            "rows": {table: writer.rows for table, writer in writers.items() if table in TABLES}, "cpu": 0.0,
            "models": {}, "failed": why}


def finish_tables(staging: Path) -> None:
    """Give every table that got no rows at all one empty part file, so that it can be read."""
    for table in TABLES:
        directory = Path(staging) / table
        directory.mkdir(parents=True, exist_ok=True)
        if not any(directory.glob("part-*.parquet")):
            pq.write_table(SCHEMAS[table].empty_table(), directory / "part-000000.parquet",
                           compression="zstd")


def merge_results(results: Iterable[dict]) -> tuple[Counter, Counter, dict[str, int]]:
    """Return (counts, seconds, rows per table) summed over shard results, in shard order."""
    counts: Counter = Counter()
    seconds: Counter = Counter()
    rows = {table: 0 for table in TABLES}
    for result in sorted(results, key=lambda r: r["shard"]):
        counts.update(result["counts"])
        seconds.update(result["seconds"])
        for table, n in result["rows"].items():
            rows[table] += n
    return counts, seconds, rows
