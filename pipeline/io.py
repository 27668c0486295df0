"""Reading inputs into Documents: which files are inputs, how their bytes decode, JSONL records.

Every input ends as Documents or as quarantine records (``Rejected``) with a reason; nothing
is skipped silently and no character is ever replaced:

- in a folder, files whose suffix is in ``INPUT_SUFFIXES`` are read; other files, hidden
  files and folders, FIFOs and sockets are listed as ``skipped``; loops, dangling links and
  unreadable folders as ``unreadable``. A file named on the command line is read whatever its
  suffix. A folder holding fazhi's outputs (a ``.fazhi`` marker) is never read back in.
- bytes decode strictly: UTF-8 (BOM or not), UTF-16 (BOM, or no BOM when the bytes show it),
  then GB18030 or Big5 (a detector decides when both decode). A file is ``binary`` only on
  evidence in its bytes: NUL bytes that are not UTF-16, or many control bytes.
- a JSONL file is split on ``\\n`` only (a U+2028 inside a string is not a line break), and
  every record is its own failure domain: whatever it holds ends as a document or a
  quarantine row with a reason.
- a document longer than ``MAX_DOC_CHARS`` is cut into pieces at paragraph boundaries, so
  that the stages' time stays linear in the size of the input.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
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

INPUT_SUFFIXES = (".txt", ".jsonl", ".ndjson", ".html", ".htm", ".warc", ".warc.gz")  # read in a folder
JSONL_SUFFIXES = (".jsonl", ".ndjson")
OUTPUT_MARKER = ".fazhi"  # the file that marks a folder of fazhi's outputs (pipeline.run.outputs)
OUTPUT_NAMES = ("documents", "articles", "sentences", "entities", "metrics", "quarantine", "facts",
                "run.json", OUTPUT_MARKER, ".staging", ".snapshots", ".current")  # fazhi's there
EXCERPT = 200
MAX_DOC_CHARS = 200_000  # longer documents are cut into pieces (docs/reliability.md)
CONTROL_SHARE = 0.01  # more control bytes than this (NUL aside) and a file is binary
SAMPLE = 65536


@dataclass
class Rejected:
    """An input that could not become a Document (the read stage's quarantine record)."""

    source: str
    reason: str
    message: str
    excerpt: str = ""


# --- which files are inputs ---------------------------------------------------------------

@dataclass(frozen=True)
class Found:
    """A file to read (``reason`` None) or an entry to list in quarantine with its reason."""

    path: str
    reason: str | None = None
    message: str = ""

    def rejected(self) -> Rejected:
        return Rejected(self.path, self.reason or errors.SKIPPED, self.message)


def discover(paths: Iterable[str | os.PathLike], exclude: Iterable[str | os.PathLike] = ()
             ) -> Iterator[Found]:
    """Yield every input under ``paths`` in a stable order (files first, then sub-folders).

    ``exclude`` names folders never to enter (the run's ``--out``). Raises UserError for a
    path given on the command line that does not exist.
    """
    skip = {_dir_key(Path(p)) for p in exclude if Path(p).is_dir()}
    for given in paths:
        path = Path(given)
        if not path.exists() and not path.is_symlink():
            raise UserError(f"No such file or directory: {given}")
        if path.is_dir():
            seen = {_dir_key(path)}
            yield from _walk(path, skip, seen)
        else:
            yield _named(path)


def iter_input_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Yield the files under ``paths`` that are read (see ``discover``)."""
    for found in discover(paths):
        if found.reason is None:
            yield Path(found.path)


def _dir_key(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_dev, st.st_ino


def _named(path: Path) -> Found:
    """A path named on the command line: read whatever its suffix, if it is a regular file."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return Found(str(path), errors.UNREADABLE, _os_message(path, exc))
    if not stat.S_ISREG(mode):
        return Found(str(path), errors.SKIPPED, f"not a regular file ({_kind(mode)})")
    return Found(str(path))


def _walk(folder: Path, skip: set, seen: set) -> Iterator[Found]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Found(str(folder), errors.UNREADABLE, f"cannot list the folder: {exc.strerror}")
        return
    folders = []
    ours = (folder / OUTPUT_MARKER).is_file()  # ``fazhi run . --out .``: the tables are not inputs
    for entry in entries:
        path = Path(entry.path)
        if ours and entry.name in OUTPUT_NAMES:
            continue
        if entry.name.startswith("."):
            yield Found(str(path), errors.SKIPPED, "a hidden file or folder")
            continue
        try:
            st = os.stat(path)  # follows links
        except OSError as exc:
            yield Found(str(path), errors.UNREADABLE, _os_message(path, exc))
            continue
        if stat.S_ISDIR(st.st_mode):
            folders.append((path, (st.st_dev, st.st_ino)))
        elif not stat.S_ISREG(st.st_mode):
            yield Found(str(path), errors.SKIPPED, f"not a regular file ({_kind(st.st_mode)})")
        elif readers.suffix_of(path.name) not in INPUT_SUFFIXES:
            yield Found(str(path), errors.SKIPPED, "not an input type (in a folder fazhi reads "
                        f"{' '.join(INPUT_SUFFIXES)}; name the file to read it anyway)")
        else:
            yield Found(str(path))
    for path, key in folders:
        if key in skip or (path / OUTPUT_MARKER).is_file():
            continue  # fazhi's own outputs are never read back in
        if key in seen:
            yield Found(str(path), errors.UNREADABLE,
                        "a symbolic link to a folder already read (a loop)")
            continue
        seen.add(key)
        yield from _walk(path, skip, seen)


def _os_message(path: Path, exc: OSError) -> str:
    if path.is_symlink() and not path.exists():
        return f"a dangling symbolic link (to {os.readlink(path)})"
    return f"cannot read: {exc.strerror}"


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a file"


# --- decoding -----------------------------------------------------------------------------

_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")  # C0 bytes that text does not use


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding) for ``data``, or raise InputError. Never replaces characters.

    ``"公安".encode("big5")`` gives ``("公安", "big5")``; bytes with NULs that are not
    UTF-16 are ``binary``; bytes that nothing decodes are ``undecodable``.
    """
    if not data.strip():
        raise InputError(errors.EMPTY, "the input is empty")
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _strict(data, "utf-8-sig"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _strict(data, "utf-16"), "utf-16"
        text = text[1:] if text and text.startswith("\ufeff") else text
    else:
        text, encoding = _without_bom(data)
    if text is None:
        raise InputError(errors.UNDECODABLE, f"starts with a {encoding} byte-order mark but is "
                         f"not valid {encoding}", _hex_excerpt(data))
    if not text.strip():
        raise InputError(errors.EMPTY, "the input holds only whitespace")
    return text, encoding


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _without_bom(data: bytes) -> tuple[str, str]:
    text = _strict(data, "utf-8")
    if text is not None and b"\x00" not in data and not control_heavy(data):
        return text, "utf-8"
    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is not None:
            return found
        raise InputError(errors.BINARY, "NUL bytes: binary data, not text (nor UTF-16)",
                         _hex_excerpt(data))
    if control_heavy(data):
        raise InputError(errors.BINARY, "control bytes in more than 1% of the first 64 KB: "
                         "binary data, not text", _hex_excerpt(data))
    return _chinese_legacy(data)


def control_heavy(data: bytes) -> bool:
    """True when more than 1% of the first 64 KB are control bytes that text does not use."""
    sample = data[:SAMPLE].decode("latin-1")
    return len(_CONTROLS.findall(sample)) > CONTROL_SHARE * len(sample)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: ASCII characters (digits, line breaks) give NULs on one side."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    encoding = "utf-16-le" if odd > 4 * even else "utf-16-be" if even > 4 * odd else None
    text = _strict(data, encoding) if encoding else None
    if text is None or "\x00" in text or _CONTROLS.search(text[:SAMPLE]):
        return None
    return text, encoding


def _chinese_legacy(data: bytes) -> tuple[str, str]:
    """GB18030 or Big5: the one that decodes; when both do, the detector's clear choice.

    Big5 bytes are nearly always valid GB18030 too (as mojibake), so a Big5 page needs the
    detector; when it cannot tell them apart (a few characters), GB18030 is kept.
    """
    decoded = {enc: text for enc in ("gb18030", "big5")
               if (text := _strict(data, enc)) is not None}
    if not decoded:
        raise InputError(errors.UNDECODABLE, "not valid UTF-8, UTF-16, GB18030 or Big5",
                         _hex_excerpt(data))
    if len(decoded) == 2 and _detect(data) == "big5":
        return decoded["big5"], "big5"
    encoding = "gb18030" if "gb18030" in decoded else "big5"
    return decoded[encoding], encoding


def _detect(data: bytes) -> str | None:
    """Return charset-normalizer's choice between GB18030 and Big5, or None on a tie."""
    from charset_normalizer import from_bytes

    matches = {m.encoding: (m.chaos, -m.coherence)
               for m in from_bytes(data[:SAMPLE], cp_isolation=["gb18030", "big5"])}
    if "big5" in matches and ("gb18030" not in matches or matches["big5"] < matches["gb18030"]):
        return "big5"
    return "gb18030" if "gb18030" in matches else None


def _hex_excerpt(data: bytes) -> str:
    return data[:48].hex(" ")


# --- reading ------------------------------------------------------------------------------

def read_inputs(paths: Iterable[str | os.PathLike], published: date | None = None,
                exclude: Iterable[str | os.PathLike] = ()) -> Iterator[Document | Rejected]:
    """Yield a Document for every readable input and a Rejected for every other one."""
    for found in discover(paths, exclude):
        if found.reason is not None:
            yield found.rejected()
        else:
            yield from read_file(found.path, published)


def read_file(path: str | os.PathLike, published: date | None = None
              ) -> Iterator[Document | Rejected]:
    """Yield the Documents (or the Rejected) of one file, whatever its suffix."""
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        yield Rejected(source, errors.UNREADABLE, f"cannot read: {exc.strerror}")
        return
    if readers.suffix_of(Path(path).name) in readers.HTML_SUFFIXES + readers.WARC_SUFFIXES:
        yield from read_web(source, data, published)
        return
    try:
        text, encoding = decode(data)
    except InputError as exc:
        yield Rejected(source, exc.reason, exc.message, exc.excerpt)
        return
    if Path(path).suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl_lines(source, jsonl_lines(text), published)
        return
    yield from documents_from_text(text, source, published=published, encoding=encoding)


def read_web(source: str, data: bytes, published: date | None = None
             ) -> Iterator[Document | Rejected]:
    """Yield the Document of an HTML page, or one per HTML response of a WARC archive."""
    if readers.suffix_of(source) in readers.HTML_SUFFIXES:
        try:
            text, meta, page_date = readers.read_html(data)
        except InputError as exc:
            yield Rejected(source, exc.reason, exc.message, data[:EXCERPT].decode("utf-8", "replace"))
            return
        yield from documents_from_text(text, source, published=page_date or published, meta=meta)
        return
    n = -1
    try:
        for n, (uri, text, meta, page_date) in enumerate(readers.iter_warc(BytesIO(data))):
            where = f"{source}#{uri or n}"
            if text is None:
                yield Rejected(where, readers.BAD_HTML, meta["error"])
                continue
            yield from documents_from_text(text, where, published=page_date or published, meta=meta)
    except Exception as exc:  # warcio raises several types on a damaged archive
        yield Rejected(source, errors.UNREADABLE, f"not a readable WARC archive: {exc}")
        return
    if n < 0:
        yield Rejected(source, errors.EMPTY, "no HTML response in this WARC archive",
                       data[:EXCERPT].decode("utf-8", "replace"))


def jsonl_lines(text: str) -> list[str]:
    """Split a JSONL text on ``\\n`` only: a U+2028 or a lone \\r inside a record stays in it."""
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n")


def read_jsonl_lines(source: str, lines: list[str], published: date | None, first: int = 0
                     ) -> Iterator[Document | Rejected]:
    """Yield Documents or a Rejected per line of a JSONL file; ``lines[0]`` is line ``first + 1``.

    Shards of a large JSONL file (``pipeline.run.plan``) call this on blocks of its lines.
    """
    for number, line in enumerate(lines, start=first + 1):
        if not line.strip():
            continue
        try:
            yield from _record(source, number, line, published)
        except Exception as exc:  # errors.py: a record the code cannot handle is quarantined
            yield Rejected(f"{source}:{number}", errors.BAD_JSONL,
                           f"{type(exc).__name__}: {str(exc)[:300]}", _excerpt(line))


def _record(source: str, number: int, line: str, published: date | None
            ) -> Iterator[Document | Rejected]:
    where = f"{source}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        yield Rejected(where, errors.BAD_JSONL, f"not JSON: {exc.msg} at column {exc.colno}",
                       _excerpt(line))
        return
    except (ValueError, RecursionError) as exc:  # a 5,000-digit integer, 10,000 nested brackets
        yield Rejected(where, errors.BAD_JSONL, f"not readable JSON: {str(exc)[:200]}",
                       _excerpt(line))
        return
    problem = _record_problem(record)
    if problem:
        yield Rejected(where, *problem, _excerpt(line))
        return
    # A partial or odd date (2019-03, 2022/08/05, 2022年8月5日) never rejects a record.
    record_date = readers.lenient_date(record.get("date")) or published
    if record.get("id") is not None:
        where = f"{source}#{record['id']}"
    meta = {k: record[k] for k in ("id", "source", "title", "url") if record.get(k) is not None}
    if "url" not in meta and str(meta.get("source", "")).startswith(("http://", "https://")):
        meta["url"] = meta["source"]
    yield from documents_from_text(record["text"], where, published=record_date, meta=meta)


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _record_problem(record) -> tuple[str, str] | None:
    """Return (reason, message) for a JSONL record fazhi cannot take, else None.

    ``{"text": "\\ud800"}`` is valid JSON but a lone surrogate is not a character: rejected.
    """
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return errors.BAD_JSONL, 'a JSONL record needs a "text" string'
    for key in ("id", "source", "title", "date", "url"):
        value = record.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (str, int))):
            return errors.BAD_JSONL, f'"{key}" must be a string or a number'
    for key in ("text", "id", "source", "title", "date", "url"):
        value = record.get(key)
        if isinstance(value, str) and _SURROGATE.search(value):
            return errors.BAD_JSONL, f'"{key}" holds a lone surrogate (\\u{ord(_SURROGATE.search(value).group()):04x}), not a character'
    if not record["text"].strip():
        return errors.EMPTY, "the record's text is empty"
    return None


def _excerpt(line: str) -> str:
    return _SURROGATE.sub("\ufffd", line[:EXCERPT])


_PRINTED_DATE = re.compile(r"(20\d\d|19\d\d)年(\d{1,2})月(\d{1,2})日")
_DASH_LEAD = ("——", "--", "—", "－－")  # a subtitle line


def document_from_text(text: str, source: str, published: date | None = None,
                       encoding: str = "utf-8", meta: dict | None = None) -> Document:
    """Return a Document for ``text`` (the id is a hash of source and text).

    Without a ``published`` date, a date printed on a short line among the first lines of the
    page (a masthead such as ``2021年11月2日 星期二``) is taken as the publication date.
    """
    return Document(doc_id=content_id(source, text), source=source, raw=text,
                    encoding=encoding, published=published or printed_date(text), meta=meta or {})


def documents_from_text(text: str, source: str, published: date | None = None,
                        encoding: str = "utf-8", meta: dict | None = None,
                        limit: int | None = None) -> Iterator[Document]:
    """Yield one Document for ``text``, or one per piece when it is longer than ``limit``.

    A piece's source is ``<source>[start:end]``, its characters in the whole text, so the
    offset contract holds inside the piece and ``text[start:end]`` finds it in the input.
    """
    limit = limit or MAX_DOC_CHARS
    if len(text) <= limit:
        yield document_from_text(text, source, published, encoding, meta)
        return
    published = published or printed_date(text)
    for start, end in pieces(text, limit):
        yield document_from_text(text[start:end], f"{source}[{start}:{end}]", published,
                                 encoding, meta)


def pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut ``text`` into [start, end) pieces of at most ``limit`` characters.

    A cut falls after the last blank line (``\\n\\n``) in the window, else after the last line
    break, else after the last 。！？, else at ``limit``.
    """
    spans, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = -1
        for mark in ("\n\n", "\n", "。", "！", "？"):
            cut = window.rfind(mark)
            if cut > limit // 4:
                cut += len(mark)
                break
            cut = -1
        end = start + (cut if cut > 0 else limit)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


def printed_date(text: str) -> date | None:
    """Return the date printed on a masthead-like line at the top of ``text``, if any; never
    the date of a dash subtitle (``——2026年1月18日在示例市人民代表大会上``: the day of the
    session, not of the page)."""
    lines = [line.strip() for line in text[:600].splitlines() if line.strip()][:3]
    for line in lines:
        if len(line) > 40 or line.startswith(_DASH_LEAD):
            continue
        match = _PRINTED_DATE.search(line.translate(readers.DIGITS))
        if match:
            try:
                return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                return None
    return None




def read_table(out: str | os.PathLike, name: str) -> pa.Table:
    """Read one output table (``out/<name>/``, a link into the current snapshot) as a Table."""
    return pq.read_table(Path(out) / name)
