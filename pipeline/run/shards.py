"""Shards: the unit of work of a run, shared by the local process pool and the Dask engine.

A shard is a run of input files, or a block of lines of one JSONL file, numbered in input
order. ``process_shard`` reads one shard, runs the pipeline over each of its documents and
writes one part file per table, ``<staging>/<table>/part-<shard:06d>.parquet``: first under a
hidden temporary name, renamed when complete. A retried or repeated shard replaces its own
parts, so it can never duplicate rows, and reading a table directory (files in name order)
gives the rows in input order whatever the number of workers or the engine.

The driver appends one line per finished shard to ``<staging>/manifest.jsonl`` (its counts and
row numbers); ``--resume`` skips the shards listed there. The first line holds a fingerprint of
the inputs and the plan, so a resume over changed inputs is refused instead of mixing runs.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import shutil
import signal
import time
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from schemas.arrow import SCHEMAS
from schemas.records import TABLES

from .. import errors
from ..errors import InputError, UserError
from ..io import (JSONL_SUFFIXES, Rejected, _looks_like_text, decode, iter_input_files, read_inputs,
                 read_jsonl_lines)
from .pipeline import models_of

STAGING = ".staging"
MANIFEST = "manifest.jsonl"
MIN_SHARD_BYTES = 64 * 1024  # each part file costs about 3 ms: 2% of a 64 KB shard's work
MAX_SHARD_BYTES = 4 * 2**20  # bounds a worker's memory and the loss when a shard is retried
TARGET_SHARDS = 64  # small corpora are cut this fine so that two or more workers stay busy
MAX_LINES = 2000  # JSONL lines per shard
MAX_FILES = 1000  # files per shard
CHUNK_BYTES = 2**20  # the planner streams large JSONL files in chunks of this size
ROWS_PER_GROUP = {"documents": 500}  # documents carry whole pages; other tables default below
DEFAULT_ROWS_PER_GROUP = 10000
ABORT_ENV = "FAZHI_TEST_KILL_AFTER_SHARDS"  # test hook: the driver kills itself (SIGKILL)


@dataclass(frozen=True)
class Shard:
    """Files ``paths`` read whole, or lines [first, last) of the one JSONL file in ``paths``.

    For a UTF-8 JSONL file the block's bytes [start, end) are known too, so that a worker
    reads only its block; other encodings are decoded whole (and cached per process).
    """

    index: int
    paths: tuple[str, ...]
    first: int | None = None
    last: int | None = None
    start: int | None = None
    end: int | None = None
    size: int = 0  # bytes of input, for scheduling the biggest shards first

    @property
    def name(self) -> str:
        return f"part-{self.index:06d}.parquet"

    def describe(self) -> str:
        if self.first is None:
            return self.paths[0] if len(self.paths) == 1 else f"{self.paths[0]} (+{len(self.paths) - 1} files)"
        return f"{self.paths[0]} lines {self.first + 1}-{self.last}"


# --- planning ---------------------------------------------------------------------------------

def _jsonl_lines(path: Path) -> list[str] | None:
    """Return the lines of a JSONL file as the reader numbers them, or None if undecodable."""
    try:
        text, _ = decode(path.read_bytes())
    except (InputError, OSError):
        return None
    return text.splitlines()


def _utf8_blocks(path: Path, shard_bytes: int, max_lines: int
                 ) -> list[tuple[int, int, int, int]] | None:
    """Return (first line, last line, start byte, end byte) blocks of a UTF-8 JSONL file.

    The file is streamed, never held whole; lines are numbered as ``str.splitlines`` numbers
    them over the whole text (what ``read_inputs`` does). Returns None when the file is not
    plain UTF-8 text (another encoding, a UTF-16 BOM, NUL bytes, control characters, only
    whitespace): such a file goes through the whole-file reader, which decides its fate.
    """
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    blocks: list[tuple[int, int, int, int]] = []
    with open(path, "rb") as handle:
        head = handle.read(4)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return None
        offset = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
        handle.seek(offset)
        carry, checked, has_text = "", False, False
        lines, first, block_start, block_bytes = 0, 0, offset, 0
        while True:
            chunk = handle.read(CHUNK_BYTES)
            final = not chunk
            if b"\x00" in chunk:
                return None
            try:
                text = carry + decoder.decode(chunk, final)
            except UnicodeDecodeError:
                return None
            if not checked and (final or len(text) >= 20000):
                if not _looks_like_text(text[:20000]):
                    return None
                checked = True
            has_text = has_text or bool(text.strip())
            pieces = text.splitlines(keepends=True)
            carry = ""
            # A last piece without its line break (or with a \r whose \n may follow) waits.
            if pieces and not final and (pieces[-1].endswith("\r") or
                                         pieces[-1] == pieces[-1].rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")):
                carry = pieces.pop()
            for piece in pieces:
                lines += 1
                block_bytes += len(piece.encode("utf-8"))
                if block_bytes >= shard_bytes or lines - first >= max_lines:
                    blocks.append((first, lines, block_start, block_start + block_bytes))
                    first, block_start, block_bytes = lines, block_start + block_bytes, 0
            if final:
                break
    if not has_text:
        return None
    if lines > first or not blocks:
        blocks.append((first, lines, block_start, block_start + block_bytes))
    return blocks


def plan_shards(inputs: Iterable[str | os.PathLike], shard_bytes: int | None = None,
                max_lines: int = MAX_LINES, max_files: int = MAX_FILES) -> list[Shard]:
    """Cut the inputs into shards, in input order; the plan depends on the inputs alone.

    Consecutive text files are grouped up to ``shard_bytes``; a JSONL file bigger than that is
    cut into blocks of lines. By default ``shard_bytes`` is the corpus size over 64, kept
    between 64 KB and 4 MB: fine enough for load balance, coarse enough for few files.
    """
    files = [(path, path.stat().st_size) for path in iter_input_files(inputs)]
    if shard_bytes is None:
        total = sum(size for _, size in files)
        shard_bytes = min(max(total // TARGET_SHARDS, MIN_SHARD_BYTES), MAX_SHARD_BYTES)
    shards: list[Shard] = []
    pending: list[str] = []
    pending_bytes = 0

    def flush() -> None:
        nonlocal pending_bytes
        if pending:
            shards.append(Shard(len(shards), tuple(pending), size=pending_bytes))
            pending.clear()
            pending_bytes = 0

    for path, size in files:
        if path.suffix.lower() in JSONL_SUFFIXES and size > shard_bytes:
            flush()
            blocks = _utf8_blocks(path, shard_bytes, max_lines)
            if blocks is not None:
                for first, last, start, end in blocks:
                    shards.append(Shard(len(shards), (str(path),), first, last, start, end,
                                        end - start))
                continue
            lines = _jsonl_lines(path)
            if lines is None:
                shards.append(Shard(len(shards), (str(path),), size=size))
                continue
            bytes_per_char = size / max(1, sum(len(line) + 1 for line in lines))
            first, block_bytes = 0, 0.0
            for number, line in enumerate(lines):
                block_bytes += (len(line) + 1) * bytes_per_char
                if block_bytes >= shard_bytes or number + 1 - first >= max_lines:
                    shards.append(Shard(len(shards), (str(path),), first, number + 1,
                                        size=int(block_bytes)))
                    first, block_bytes = number + 1, 0.0
            if first < len(lines) or not lines:
                shards.append(Shard(len(shards), (str(path),), first, len(lines),
                                    size=int(block_bytes)))
            continue
        if pending and (pending_bytes + size > shard_bytes or len(pending) >= max_files):
            flush()
        pending.append(str(path))
        pending_bytes += size
    flush()
    return shards


def fingerprint(shards: list[Shard], settings: dict) -> str:
    """Return a hash of the plan, the inputs' sizes and times, and the output-relevant settings."""
    digest = hashlib.sha1()
    seen = set()
    for shard in shards:
        digest.update(json.dumps(asdict(shard)).encode())
        for path in shard.paths:
            if path not in seen:
                seen.add(path)
                st = os.stat(path)
                digest.update(f"{path}\x1f{st.st_size}\x1f{st.st_mtime_ns}".encode())
    digest.update(json.dumps(settings, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:16]


# --- reading and processing one shard -----------------------------------------------------------

_LINES_CACHE: dict[str, list[str] | None] = {}


def _cached_lines(path: str) -> list[str] | None:
    # Blocks of one file usually go to the same worker one after another: decode it once.
    if path not in _LINES_CACHE:
        _LINES_CACHE.clear()
        _LINES_CACHE[path] = _jsonl_lines(Path(path))
    return _LINES_CACHE[path]


def read_shard(shard: Shard, published: date | None = None) -> Iterator:
    """Yield the Documents and Rejecteds of ``shard``, exactly as ``read_inputs`` would."""
    if shard.first is None:
        yield from read_inputs(shard.paths, published=published)
        return
    if shard.start is not None:
        try:
            with open(shard.paths[0], "rb") as handle:
                handle.seek(shard.start)
                lines = handle.read(shard.end - shard.start).decode("utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            lines = None
        if lines is None or len(lines) != shard.last - shard.first:
            yield Rejected(shard.describe(), errors.UNREADABLE,
                           "the file changed while the run was going")
            return
        yield from read_jsonl_lines(shard.paths[0], lines, published, first=shard.first)
        return
    lines = _cached_lines(shard.paths[0])
    if lines is None:  # the planner saw it decode; it changed since
        yield Rejected(shard.paths[0], errors.UNREADABLE, "the file changed while the run was going")
        return
    yield from read_jsonl_lines(shard.paths[0], lines[shard.first:shard.last], published,
                                first=shard.first)


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


BATCH_CHARS = 20_000  # documents are processed in batches of about this much text


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


def process_shard(shard: Shard, staging: str | os.PathLike, pipeline,
                  published: date | None = None) -> dict:
    """Run ``pipeline`` over ``shard``, write its part files; return its counts and row numbers."""
    staging = Path(staging)
    for table in TABLES:  # a repeated shard replaces what an earlier attempt left
        (staging / table / shard.name).unlink(missing_ok=True)
    writers = {table: PartWriter(staging / table, shard.name, SCHEMAS[table],
                                 ROWS_PER_GROUP.get(table, DEFAULT_ROWS_PER_GROUP))
               for table in TABLES}
    counts: Counter = Counter()
    seconds: Counter = Counter()
    items = 0
    cpu_started = time.process_time()
    try:
        for batch in _batches(read_shard(shard, published)):
            for result in pipeline.handle_many(batch):
                items += 1
                for table, rows in result.rows.items():
                    if rows:
                        writers[table].write(rows)
                counts.update(result.counts)
                seconds.update(result.seconds)
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
    return {"shard": shard.index, "items": items, "counts": dict(counts),
            "seconds": {k: round(v, 6) for k, v in seconds.items()},
            "rows": {table: writer.rows for table, writer in writers.items()},
            "cpu": round(time.process_time() - cpu_started, 6), "models": models_of(pipeline)}


# --- the manifest -----------------------------------------------------------------------------

class Manifest:
    """The staging area's record of finished shards: what ``--resume`` skips."""

    def __init__(self, staging: Path, key: str, n_shards: int, *, resume: bool,
                 say: Callable[[str], None] | None = None) -> None:
        self.staging = Path(staging)
        self.path = self.staging / MANIFEST
        self.done: dict[int, dict] = {}
        self._recorded = 0
        self._kill_after = int(os.environ.get(ABORT_ENV, "0") or 0)
        self._lock = _lock_out(self.staging)
        try:
            self._open(key, n_shards, resume, say)
        except BaseException:
            self._unlock()
            raise

    def _open(self, key: str, n_shards: int, resume: bool, say) -> None:
        header = self._header()
        if resume and header is not None:
            if header.get("fingerprint") != key:
                raise UserError(
                    f"{self.staging} holds an interrupted run over other inputs or settings "
                    "(files changed since, or other options). Run without --resume to start over.")
            self.done = self._finished(n_shards)
            self._clean_temporaries()
            if say:
                say(f"Resuming: {len(self.done)} of {n_shards} shards already done.")
            self._handle = open(self.path, "a", encoding="utf-8")
            return
        if resume and say:
            say(f"Nothing to resume in {self.staging}: starting the run from the beginning.")
        elif header is not None and say:
            say(f"Discarding the interrupted run in {self.staging} (pass --resume to continue it).")
        if self.staging.exists():
            shutil.rmtree(self.staging)
        self.staging.mkdir(parents=True)
        self._handle = open(self.path, "w", encoding="utf-8")
        self._append({"fingerprint": key, "shards": n_shards})

    def _header(self) -> dict | None:
        try:
            with open(self.path, encoding="utf-8") as handle:
                return json.loads(handle.readline())
        except (OSError, ValueError):
            return None

    def _finished(self, n_shards: int) -> dict[int, dict]:
        done = {}
        with open(self.path, encoding="utf-8") as handle:
            next(handle)
            for line in handle:
                try:
                    entry = json.loads(line)
                except ValueError:  # a line cut short by the crash
                    continue
                index = entry.get("shard")
                if not isinstance(index, int) or not 0 <= index < n_shards:
                    continue
                name = Shard(index, ()).name
                if all((self.staging / t / name).exists() for t, n in entry["rows"].items() if n):
                    done[index] = entry
        return done

    def _clean_temporaries(self) -> None:
        for table in TABLES:
            directory = self.staging / table
            if directory.is_dir():
                for temp in directory.glob(".part-*.tmp"):
                    temp.unlink(missing_ok=True)

    def _append(self, entry: dict) -> None:
        self._handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def record(self, result: dict) -> None:
        """Note a finished shard (its part files are already in place)."""
        self._append(result)
        self.done[result["shard"]] = result
        self._recorded += 1
        if self._kill_after and self._recorded >= self._kill_after:
            os.kill(os.getpid(), signal.SIGKILL)  # tests: an interruption at a known point

    def close(self) -> None:
        self._handle.close()
        self._unlock()

    def _unlock(self) -> None:
        if self._lock is not None:
            Path(self._lock.name).unlink(missing_ok=True)
            self._lock.close()  # closing releases the lock
            self._lock = None


def _lock_out(staging: Path):
    """Return the open lock file of ``staging``'s output directory; one run at a time writes there.

    A POSIX record lock: it belongs to this process only (forked workers do not hold it) and
    goes away with the process, so a killed run never leaves a stale lock behind.
    """
    import fcntl

    staging.parent.mkdir(parents=True, exist_ok=True)
    handle = open(staging.parent / f"{STAGING}.lock", "a")
    try:
        fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise UserError(f"another fazhi run is writing into {staging.parent}: wait for it to "
                        "finish, or choose another --out") from None
    return handle


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
