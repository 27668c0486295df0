"""Reading inputs into Documents, and moving finished tables into place atomically.

Reading decodes strictly: UTF-8 (with or without BOM), UTF-16 with a BOM, then GB18030
(which covers GBK). Nothing is ever replaced silently: bytes that none of these decode, or
that decode to something that is not text, are quarantined with a reason.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import shutil
import unicodedata
from dataclasses import dataclass
from io import BytesIO
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from . import errors, readers
from .document import Document, content_id
from .errors import InputError, UserError

JSONL_SUFFIXES = (".jsonl", ".ndjson")
EXCERPT = 200


@dataclass
class Rejected:
    """An input that could not become a Document (the read stage's quarantine record)."""

    source: str
    reason: str
    message: str
    excerpt: str = ""


def iter_input_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Yield the files under ``paths`` (recursively, sorted, hidden files skipped)."""
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise UserError(f"No such file or directory: {given}")
        if path.is_file():
            yield path
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and name.lower() != "readme.md":
                    yield Path(root) / name


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding) for ``data``, or raise InputError. Never replaces characters."""
    if not data.strip():
        raise InputError(errors.EMPTY, "the input is empty")
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        if b"\x00" in data:
            raise InputError(errors.BINARY, "NUL bytes: this is binary data, not text",
                             _hex_excerpt(data))
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-16" and text.startswith("\ufeff"):
            text = text[1:]
        if not _looks_like_text(text):
            raise InputError(errors.BINARY, f"decodes as {encoding} but is not text "
                             "(control characters or unassigned code points)", _hex_excerpt(data))
        if not text.strip():
            raise InputError(errors.EMPTY, "the input holds only whitespace")
        return text, encoding
    raise InputError(errors.UNDECODABLE, "not valid UTF-8, UTF-16 (with BOM) or GB18030",
                     _hex_excerpt(data))


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    bad = 0
    for char in sample:
        if char in "\n\r\t\f":
            continue
        category = unicodedata.category(char)
        if category in ("Cc", "Cs", "Co", "Cn"):
            bad += 1
    return bad == 0 if len(sample) < 50 else bad / len(sample) < 0.001


def _hex_excerpt(data: bytes) -> str:
    return data[:48].hex(" ")


def read_inputs(paths: Iterable[str | os.PathLike], published: date | None = None
                ) -> Iterator[Document | Rejected]:
    """Yield a Document for every readable input and a Rejected for every other one."""
    for path in iter_input_files(paths):
        source = str(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield Rejected(source, errors.UNREADABLE, f"cannot read: {exc.strerror}")
            continue
        if path.suffix.lower() in JSONL_SUFFIXES:
            yield from _read_jsonl(source, data, published)
            continue
        if readers.suffix_of(path.name) in readers.HTML_SUFFIXES + readers.WARC_SUFFIXES:
            yield from read_web(source, data, published)
            continue
        try:
            text, encoding = decode(data)
        except InputError as exc:
            yield Rejected(source, exc.reason, exc.message, exc.excerpt)
            continue
        yield document_from_text(text, source, published=published, encoding=encoding)


def read_web(source: str, data: bytes, published: date | None = None
             ) -> Iterator[Document | Rejected]:
    """Yield the Document of an HTML page, or one per HTML response of a WARC archive."""
    if readers.suffix_of(source) in readers.HTML_SUFFIXES:
        try:
            text, meta, page_date = readers.read_html(data)
        except InputError as exc:
            yield Rejected(source, exc.reason, exc.message, data[:EXCERPT].decode("utf-8", "replace"))
            return
        yield document_from_text(text, source, published=page_date or published, meta=meta)
        return
    n = -1
    try:
        for n, (uri, text, meta, page_date) in enumerate(readers.iter_warc(BytesIO(data))):
            where = f"{source}#{uri or n}"
            if text is None:
                yield Rejected(where, readers.BAD_HTML, meta["error"])
                continue
            yield document_from_text(text, where, published=page_date or published, meta=meta)
    except Exception as exc:  # warcio raises several types on a damaged archive
        yield Rejected(source, errors.UNREADABLE, f"not a readable WARC archive: {exc}")
        return
    if n < 0:
        yield Rejected(source, errors.EMPTY, "no HTML response in this WARC archive",
                       data[:EXCERPT].decode("utf-8", "replace"))


def _read_jsonl(source: str, data: bytes, published: date | None) -> Iterator[Document | Rejected]:
    try:
        text, _ = decode(data)
    except InputError as exc:
        yield Rejected(source, exc.reason, exc.message, exc.excerpt)
        return
    yield from read_jsonl_lines(source, text.splitlines(), published)


def read_jsonl_lines(source: str, lines: list[str], published: date | None, first: int = 0
                     ) -> Iterator[Document | Rejected]:
    """Yield a Document or Rejected per line of a JSONL file; ``lines[0]`` is line ``first + 1``.

    Shards of a large JSONL file (``pipeline.shards``) call this on blocks of its lines.
    """
    for number, line in enumerate(lines, start=first + 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejected(where, errors.BAD_JSONL, f"not JSON: {exc.msg} at column {exc.colno}",
                           line[:EXCERPT])
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Rejected(where, errors.BAD_JSONL, 'a JSONL record needs a "text" string',
                           line[:EXCERPT])
            continue
        if not record["text"].strip():
            yield Rejected(where, errors.EMPTY, "the record's text is empty", line[:EXCERPT])
            continue
        # A partial or odd date (2019-03, 2022/08/05, 2022年8月5日) never rejects a record.
        record_date = readers.lenient_date(record.get("date")) or published
        if record.get("id") is not None:
            where = f"{source}#{record['id']}"
        meta = {k: record[k] for k in ("id", "source", "title", "url") if record.get(k) is not None}
        if "url" not in meta and str(meta.get("source", "")).startswith(("http://", "https://")):
            meta["url"] = meta["source"]
        yield document_from_text(record["text"], where, published=record_date, meta=meta)


_PRINTED_DATE = re.compile(r"(20\d\d|19\d\d)年(\d{1,2})月(\d{1,2})日")


def document_from_text(text: str, source: str, published: date | None = None,
                       encoding: str = "utf-8", meta: dict | None = None) -> Document:
    """Return a Document for ``text`` (the id is a hash of source and text).

    Without a ``published`` date, a date printed on a short line among the first lines of the
    page (a masthead such as ``2021年11月2日 星期二``) is taken as the publication date.
    """
    return Document(doc_id=content_id(source, text), source=source, raw=text,
                    encoding=encoding, published=published or printed_date(text), meta=meta or {})


def printed_date(text: str) -> date | None:
    """Return the date printed on a masthead-like line at the top of ``text``, if any."""
    lines = [line.strip() for line in text[:600].splitlines() if line.strip()][:3]
    for line in lines:
        if len(line) > 40:
            continue
        match = _PRINTED_DATE.search(line.translate(_DIGITS))
        if match:
            try:
                return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                return None
    return None


_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def commit_outputs(staging: Path, out: Path, names: Iterable[str]) -> None:
    """Move the finished tables and run.json from ``staging`` into ``out``.

    Each old table directory is moved aside before the new one is renamed into place, so a
    crash before this point leaves the previous outputs untouched.
    """
    out.mkdir(parents=True, exist_ok=True)
    trash = staging / ".old"
    trash.mkdir(exist_ok=True)
    for name in names:
        target = out / name
        if target.exists():
            os.replace(target, trash / name)
        os.replace(staging / name, target)
    shutil.rmtree(staging, ignore_errors=True)


def read_table(out: str | os.PathLike, name: str) -> pa.Table:
    """Read one output table (``out/<name>/``) as a pyarrow Table."""
    return pq.read_table(Path(out) / name)
