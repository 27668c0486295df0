"""Planning a run: the inputs cut into shards, and reading one shard back.

A shard is a run of input files, a block of lines of one JSONL file, or a run of entries that
discovery set aside (skipped or unreadable: they become quarantine rows), numbered in input
order. The plan depends on the inputs alone, so any worker, in any order, reads the same
shard the same way, and ``read_shard`` over the plan gives exactly what ``read_inputs`` gives.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from .. import errors
from ..errors import InputError
from ..io import (JSONL_SUFFIXES, SAMPLE, Found, Rejected, control_heavy, decode, discover,
                  jsonl_lines, read_file, read_jsonl_lines)

MIN_SHARD_BYTES = 64 * 1024  # each part file costs about 3 ms: 2% of a 64 KB shard's work
MAX_SHARD_BYTES = 4 * 2**20  # bounds a worker's memory and the loss when a shard is retried
TARGET_SHARDS = 64  # small corpora are cut this fine so that two or more workers stay busy
MAX_LINES = 2000  # JSONL lines per shard
MAX_FILES = 1000  # files per shard
CHUNK_BYTES = 2**20  # the planner streams large JSONL files in chunks of this size


@dataclass(frozen=True)
class Shard:
    """Files ``paths`` read whole, lines [first, last) of the one JSONL file in ``paths``, or
    ``rejects``: (source, reason, message) of entries discovery set aside.

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
    rejects: tuple[tuple[str, str, str], ...] = ()

    @property
    def name(self) -> str:
        return f"part-{self.index:06d}.parquet"

    def sources(self) -> list[str]:
        return list(self.paths) + [source for source, _, _ in self.rejects]

    def describe(self) -> str:
        if self.rejects:
            return f"{len(self.rejects)} skipped or unreadable entries"
        if self.first is None:
            return self.paths[0] if len(self.paths) == 1 else f"{self.paths[0]} (+{len(self.paths) - 1} files)"
        return f"{self.paths[0]} lines {self.first + 1}-{self.last}"


def _jsonl_lines(path: Path) -> list[str] | None:
    """Return the lines of a JSONL file as the reader numbers them, or None if undecodable."""
    try:
        text, _ = decode(path.read_bytes())
    except (InputError, OSError):
        return None
    return jsonl_lines(text)


def _utf8_blocks(path: Path, shard_bytes: int, max_lines: int
                 ) -> list[tuple[int, int, int, int]] | None:
    """Return (first line, last line, start byte, end byte) blocks of a UTF-8 JSONL file.

    The file is streamed, never held whole; lines end at ``\\n`` only, as ``jsonl_lines``
    cuts them. Returns None when the file is not plain UTF-8 text (another encoding, a UTF-16
    BOM, NUL or control bytes, only whitespace): the whole-file reader then decides its fate.
    """
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    blocks: list[tuple[int, int, int, int]] = []
    with open(path, "rb") as handle:
        head = handle.read(4)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return None
        offset = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
        handle.seek(offset)
        position = block_start = offset
        lines = first = 0
        sample, has_text = b"", False
        while chunk := handle.read(CHUNK_BYTES):
            if b"\x00" in chunk:
                return None
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return None
            sample += chunk[:max(0, SAMPLE - len(sample))]
            has_text = has_text or bool(chunk.strip())
            at = chunk.find(b"\n")
            while at >= 0:
                lines += 1
                end = position + at + 1
                if end - block_start >= shard_bytes or lines - first >= max_lines:
                    blocks.append((first, lines, block_start, end))
                    first, block_start = lines, end
                at = chunk.find(b"\n", at + 1)
            position += len(chunk)
    try:
        decoder.decode(b"", True)
    except UnicodeDecodeError:
        return None
    if not has_text or control_heavy(sample):
        return None
    if position > block_start:
        tail_is_line = not _ends_with_newline(path, position)
        blocks.append((first, lines + tail_is_line, block_start, position))
    elif not blocks:
        blocks.append((first, lines, block_start, position))
    return blocks


def _ends_with_newline(path: Path, size: int) -> bool:
    with open(path, "rb") as handle:
        handle.seek(size - 1)
        return handle.read(1) == b"\n"


def plan_shards(inputs: Iterable[str | os.PathLike], shard_bytes: int | None = None,
                max_lines: int = MAX_LINES, max_files: int = MAX_FILES,
                exclude: Iterable[str | os.PathLike] = ()) -> list[Shard]:
    """Cut the inputs into shards, in input order; the plan depends on the inputs alone.

    Consecutive text files are grouped up to ``shard_bytes``; a JSONL file bigger than that is
    cut into blocks of lines. By default ``shard_bytes`` is the corpus size over 64, kept
    between 64 KB and 4 MB: fine enough for load balance, coarse enough for few files.
    """
    found = list(discover(inputs, exclude))
    sizes = {f.path: _size(f.path) for f in found if f.reason is None}
    if shard_bytes is None:
        total = sum(sizes.values())
        shard_bytes = min(max(total // TARGET_SHARDS, MIN_SHARD_BYTES), MAX_SHARD_BYTES)
    shards: list[Shard] = []
    pending: list[Found] = []
    pending_bytes = 0

    def flush() -> None:
        nonlocal pending_bytes
        if pending:
            paths = tuple(f.path for f in pending if f.reason is None)
            rejects = tuple((f.path, f.reason, f.message) for f in pending if f.reason)
            shards.append(Shard(len(shards), paths, size=pending_bytes, rejects=rejects))
            pending.clear()
            pending_bytes = 0

    for entry in found:
        if entry.reason is not None:  # a run of set-aside entries is a shard of its own
            if pending and pending[-1].reason is None:
                flush()
            pending.append(entry)
            continue
        size = sizes[entry.path]
        if pending and pending[-1].reason is not None:
            flush()
        if Path(entry.path).suffix.lower() in JSONL_SUFFIXES and size > shard_bytes:
            flush()
            shards.extend(_jsonl_shards(Path(entry.path), size, len(shards), shard_bytes, max_lines))
            continue
        if pending and (pending_bytes + size > shard_bytes or len(pending) >= max_files):
            flush()
        pending.append(entry)
        pending_bytes += size
    flush()
    return shards


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _jsonl_shards(path: Path, size: int, index: int, shard_bytes: int, max_lines: int
                  ) -> list[Shard]:
    """The shards of one large JSONL file: byte blocks if UTF-8, else blocks of decoded lines."""
    blocks = _utf8_blocks(path, shard_bytes, max_lines)
    if blocks is not None:
        return [Shard(index + k, (str(path),), first, last, start, end, end - start)
                for k, (first, last, start, end) in enumerate(blocks)]
    lines = _jsonl_lines(path)
    if lines is None:
        return [Shard(index, (str(path),), size=size)]
    shards = []
    bytes_per_char = size / max(1, sum(len(line) + 1 for line in lines))
    first, block_bytes = 0, 0.0
    for number, line in enumerate(lines):
        block_bytes += (len(line) + 1) * bytes_per_char
        if block_bytes >= shard_bytes or number + 1 - first >= max_lines:
            shards.append(Shard(index + len(shards), (str(path),), first, number + 1,
                                size=int(block_bytes)))
            first, block_bytes = number + 1, 0.0
    if first < len(lines) or not lines:
        shards.append(Shard(index + len(shards), (str(path),), first, len(lines),
                            size=int(block_bytes)))
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


# --- reading one shard --------------------------------------------------------------------------

LINES_CACHE: dict[str, list[str] | None] = {}


def _cached_lines(path: str) -> list[str] | None:
    # Blocks of one file usually go to the same worker one after another: decode it once.
    if path not in LINES_CACHE:
        LINES_CACHE.clear()
        LINES_CACHE[path] = _jsonl_lines(Path(path))
    return LINES_CACHE[path]


def read_shard(shard: Shard, published: date | None = None) -> Iterator:
    """Yield the Documents and Rejecteds of ``shard``, exactly as ``read_inputs`` would."""
    for source, reason, message in shard.rejects:
        yield Rejected(source, reason, message)
    if shard.first is None:
        for path in shard.paths:
            yield from read_file(path, published)
        return
    if shard.start is not None:
        try:
            with open(shard.paths[0], "rb") as handle:
                handle.seek(shard.start)
                lines = jsonl_lines(handle.read(shard.end - shard.start).decode("utf-8"))
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
