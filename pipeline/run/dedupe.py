"""One row per doc_id: a record repeated with the same source and text is quarantined.

The doc_id is a hash of the source and the text, so a JSONL file holding the same ``id`` and
``text`` twice gives two documents with one id, and every table would hold each row twice.
Within a shard the worker sets the repeat aside (``Deduper``); across shards the driver does,
after the shards and before the commit (``drop_repeats_across_shards``): the first copy in
input order is kept, the rows of the later copies are dropped and each is listed as
``duplicate`` in quarantine.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from schemas.arrow import SCHEMAS
from schemas.records import TABLES

from .. import errors
from ..io import Rejected
from .records import quarantine_row, replace_part
from .sides import SIDE_SCHEMAS, side_dir


def repeat(source: str, doc_id: str) -> Rejected:
    return Rejected(source, errors.DUPLICATE, f"the same source and text as an earlier record "
                    f"(doc_id {doc_id}): kept once")


class Deduper:
    """Turn the second Document with a doc_id seen in this shard into a ``duplicate`` Rejected."""

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def __call__(self, items):
        for item in items:
            doc_id = getattr(item, "doc_id", None)
            if doc_id is None:
                yield item
            elif doc_id in self.seen:
                yield repeat(item.source, doc_id)
            else:
                self.seen.add(doc_id)
                yield item


def drop_repeats_across_shards(staging: Path, results: dict[int, dict]) -> None:
    """Drop, from every table, the rows of documents an earlier shard already holds.

    ``results`` (shard index -> result) get their row counts and read counts adjusted.
    """
    seen: set[str] = set()
    for part in sorted((Path(staging) / "documents").glob("part-*.parquet")):
        table = pq.read_table(part, columns=["doc_id", "source"])
        ids = table.column("doc_id").to_pylist()
        again = {i: s for i, s in zip(ids, table.column("source").to_pylist()) if i in seen}
        seen.update(ids)
        if again:
            _drop(Path(staging), part.name, again, results[int(part.stem.split("-")[1])])


def _drop(staging: Path, name: str, again: dict[str, str], result: dict) -> None:
    drop = pa.array(sorted(again))
    for table in TABLES:
        path = staging / table / name
        if path.exists():
            rows = pq.read_table(path, schema=SCHEMAS[table])
        elif table == "quarantine":
            rows = SCHEMAS[table].empty_table()
        else:
            continue
        keep = rows.filter(pc.invert(pc.fill_null(pc.is_in(rows.column("doc_id"), drop), False)))
        if table == "quarantine":
            extra = [quarantine_row(source, doc_id, "read", errors.DUPLICATE,
                                    repeat(source, doc_id).message)
                     for doc_id, source in sorted(again.items())]
            keep = pa.concat_tables([keep, pa.Table.from_pylist(extra, schema=SCHEMAS[table])])
        result["rows"][table] = keep.num_rows
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_part(keep, path)
    for table, schema in SIDE_SCHEMAS.items():
        path = side_dir(staging, table) / name
        if path.exists():
            rows = pq.read_table(path, schema=schema)
            replace_part(rows.filter(pc.invert(pc.is_in(rows.column("doc_id"), drop))), path)
    counts = result["counts"]
    counts["read.quarantined"] = counts.get("read.quarantined", 0) + len(again)
    counts["read.out"] = counts.get("read.out", 0) - len(again)
