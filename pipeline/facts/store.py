"""Where the corpus pass reads local facts from: a table in memory, or an Arrow file on disk.

The pass keeps a few light columns of every local fact (its document, blocking keys and fact
keys) and reads the other columns only for the rows it is folding, a few thousand at a time.
``TableRows`` serves a table already in memory (the library's one-process ``link``);
``FileRows`` serves an uncompressed Arrow IPC file (a run's staged local facts, written part by
part by ``write_rows``), memory-mapped for the length of one call and copying out only the
rows and columns asked for, so the pass's memory does not grow with the corpus.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import numpy as np
import pyarrow as pa
import pyarrow.ipc as ipc


class TableRows:
    """Rows of a table in memory."""

    def __init__(self, table: pa.Table) -> None:
        self.table = table.combine_chunks()
        self.schema = table.schema
        self.num_rows = table.num_rows

    def column(self, name: str) -> pa.Array:
        """One whole column (a light one: the pass keeps it)."""
        return _flat(self.table[name])

    def take(self, rows: np.ndarray, columns: list[str]) -> pa.Table:
        """``columns`` of ``rows`` (row numbers, any order), in that order."""
        return self.table.select(columns).take(pa.array(np.asarray(rows, dtype=np.int64)))


class FileRows:
    """Rows of an Arrow IPC file, mapped only while a call reads from it."""

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = os.fspath(path)
        with pa.memory_map(self.path) as source:
            reader = ipc.open_file(source)
            self.schema = reader.schema
            sizes = [reader.get_batch(i).num_rows for i in range(reader.num_record_batches)]
        self.starts = np.concatenate([[0], np.cumsum(sizes, dtype=np.int64)])
        self.num_rows = int(self.starts[-1])

    def column(self, name: str) -> pa.Array:
        with pa.memory_map(self.path) as source:
            reader = ipc.open_file(source)
            chunks = [reader.get_batch(i).column(name) for i in range(reader.num_record_batches)]
            return _flat(pa.chunked_array(chunks, type=self.schema.field(name).type))

    def take(self, rows: np.ndarray, columns: list[str]) -> pa.Table:
        rows = np.asarray(rows, dtype=np.int64)
        if len(rows) == 0:
            return pa.schema([self.schema.field(c) for c in columns]).empty_table()
        order = np.argsort(rows, kind="stable")
        ordered = rows[order]
        batch_of = np.searchsorted(self.starts, ordered, side="right") - 1
        pieces = []
        with pa.memory_map(self.path) as source:
            reader = ipc.open_file(source)
            for batch in np.unique(batch_of):
                at = ordered[batch_of == batch] - self.starts[batch]
                pieces.append(pa.Table.from_batches([reader.get_batch(int(batch))]).select(columns)
                              .take(pa.array(at)).combine_chunks())
        found = pa.concat_tables(pieces)
        back = np.empty_like(order)
        back[order] = np.arange(len(order))
        return found.take(pa.array(back)).combine_chunks()


def write_rows(tables: Iterable[pa.Table], schema: pa.Schema, path: str | os.PathLike) -> FileRows:
    """Write ``tables`` (one at a time, in order) to an uncompressed Arrow IPC file at ``path``."""
    with ipc.new_file(os.fspath(path), schema) as writer:
        for table in tables:
            writer.write_table(table.cast(schema))
    return FileRows(path)


def _flat(column: pa.ChunkedArray) -> pa.Array:
    if column.num_chunks == 0:
        return pa.array([], type=column.type)
    return column.combine_chunks()
