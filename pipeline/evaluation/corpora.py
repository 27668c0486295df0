"""Readers for the public corpora fazhi trains and evaluates on (read by path, never shipped).

- People's Daily 1998 (``199801.utf8.txt``): one paragraph a line, ``id/m  word/pos ...``,
  bracketed compounds ``[中国/ns  政府/n]nt``.
- Character-per-line BIO files (MSRA, ``pd_ner``, Weibo): ``char<TAB or space>tag``.
- CLUENER2020 JSON lines.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from ..errors import UserError

_TOKEN = re.compile(r"^(\[?)(.+)/([a-zA-Z]+)(\]([a-zA-Z]+))?$")


@dataclass
class PDWord:
    text: str
    pos: str
    start: int  # character offsets into PDParagraph.text
    end: int


@dataclass
class PDCompound:
    """A bracketed compound ``[...]nt``: words[first:last+1] form one name of type ``pos``."""

    first: int
    last: int
    pos: str


@dataclass
class PDParagraph:
    para_id: str  # e.g. 19980101-01-001-006
    text: str  # the words joined, exactly as in the corpus (full-width digits kept)
    words: list[PDWord] = field(default_factory=list)
    compounds: list[PDCompound] = field(default_factory=list)


def read_pd1998(path: str | Path) -> Iterator[PDParagraph]:
    """Yield the paragraphs of the People's Daily 1998 corpus with words, POS and compounds."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if not parts:
                continue
            para_id = parts[0].split("/")[0]
            words: list[PDWord] = []
            compounds: list[PDCompound] = []
            open_at: int | None = None
            pos_in_text = 0
            for part in parts[1:]:
                match = _TOKEN.match(part)
                if not match:
                    continue
                opening, word, pos, closing, compound_pos = match.groups()
                if opening:
                    open_at = len(words)
                words.append(PDWord(word, pos, pos_in_text, pos_in_text + len(word)))
                pos_in_text += len(word)
                if closing and open_at is not None:
                    compounds.append(PDCompound(open_at, len(words) - 1, compound_pos))
                    open_at = None
            yield PDParagraph(para_id, "".join(w.text for w in words), words, compounds)


def read_bio(path: str | Path) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """Yield (text, [(start, end, label)]) per sentence of a char-per-line BIO file.

    Accepts tab- or space-separated columns and Weibo's ``char+segpos`` first column and
    ``B-PER.NAM`` style tags (the part after the dot is dropped by the caller's mapping).
    """
    chars: list[str] = []
    tags: list[str] = []

    def flush():
        text = "".join(chars)
        spans = bio_to_spans(tags)
        chars.clear()
        tags.clear()
        return text, spans

    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\r\n")
            if not line.strip():
                if chars:
                    yield flush()
                continue
            cols = line.split("\t") if "\t" in line else line.split(" ")
            if len(cols) < 2:
                continue
            char, tag = cols[0], cols[-1]
            if len(char) > 1 and char[-1].isdigit():  # Weibo: 科0 = char + segment position
                char = char[:-1]
            chars.append(char[:1] if char else " ")
            tags.append(tag)
    if chars:
        yield flush()


def bio_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Return (start, end, label) spans from BIO/BIOES tags; a stray I- starts a span."""
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, name = tag.partition("-")
        if prefix in ("B", "S") or prefix == "O" or (prefix in ("I", "M", "E") and name != label):
            if start is not None:
                spans.append((start, i, label))
                start, label = None, None
            if prefix in ("B", "S", "I", "M", "E") and name:
                start, label = i, name
        if prefix in ("S", "E") and start is not None:
            spans.append((start, i + 1, label))
            start, label = None, None
    return spans


def read_cluener(path: str | Path) -> Iterator[tuple[str, list[tuple[int, int, str]]]]:
    """Yield (text, [(start, end, label)]) from CLUENER2020 JSON lines (ends made exclusive)."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            spans = []
            for label, mentions in record.get("label", {}).items():
                for positions in mentions.values():
                    for start, end in positions:
                        spans.append((start, end + 1, label))
            yield record["text"], sorted(spans)


def read_jsonl_records(path: str | Path) -> Iterator[tuple[int, dict]]:
    """Yield (line number, record) of a gold JSONL file, blank lines skipped; a line that is not
    JSON stops with one message naming the file and line (a gold file is the user's, to fix)."""
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UserError(f"{path}:{number}: not JSON ({exc.msg}); fix the line") from None
            yield number, record
