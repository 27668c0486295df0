"""Sentences: every body paragraph of every article cut into sentences (``doc.sentences``).

Sentences end at 。！？；…… with their closing quotes; headline, byline and subhead
paragraphs are one sentence each. A run longer than ``MAX_SENTENCE`` characters is cut at its
last comma (or, with none, where no figure is parted), so memory stays bounded.
"""

from __future__ import annotations

import re

from ..document import Document, SentenceSpan

_SENT_END = re.compile(r"(?:[。！？!?；;]|…+)[”’」』）)》]*")
MAX_SENTENCE = 500  # characters; longer runs are cut at a comma, else hard, to bound memory


def split_sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Return (start, end) sentence spans covering ``text`` exactly, offset by ``start``.

    Sentences end at 。！？；…… with their closing quotes (``说：“很安全。”``) and at the end
    of the text; a run longer than ``MAX_SENTENCE`` is cut at its last comma.
    """
    spans = []
    pos = 0
    for match in _SENT_END.finditer(text):
        end = match.end()
        spans.extend(_bounded(text, pos, end))
        pos = end
    if pos < len(text):
        spans.extend(_bounded(text, pos, len(text)))
    return [(start + s, start + e) for s, e in spans if e > s]


def _bounded(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    while e - s > MAX_SENTENCE:
        window = text[s:s + MAX_SENTENCE]
        cut = max(window.rfind("，"), window.rfind(","), window.rfind(" "), window.rfind("、"))
        cut = s + cut + 1 if cut > MAX_SENTENCE // 4 else _hard_cut(text, s, e)
        out.append((s, cut))
        s = cut
    out.append((s, e))
    return out


def _hard_cut(text: str, s: int, e: int) -> int:
    """Where a run with no comma is cut: at ``MAX_SENTENCE``, but never inside a run of digits.

    A figure cut in two would be read as two smaller figures (a 600-digit run as its last
    100 digits): the cut moves back before the digits, or, when the digits alone are longer
    than a sentence, forward after them and their unit, so the number stays whole (and is then too long to
    read: quarantined as ``unparsed_number``, never a wrong value).
    """
    cut = s + MAX_SENTENCE
    if not text[cut - 1].isdigit():  # a cut right after a digit parts it from the rest
        return cut
    first = cut
    while first > s and text[first - 1].isdigit():
        first -= 1
    if first > s:
        return first
    while cut < e and text[cut].isdigit():
        cut += 1
    tail = re.search(r"[，,、 ]", text[cut:min(e, cut + MAX_SENTENCE // 4)])  # and its unit
    return cut + tail.end() if tail else cut


class SentenceSplitter:
    """Cut every paragraph of every article into sentences (``doc.sentences``)."""

    name = "sentences"

    def __call__(self, doc: Document) -> Document:
        sentences = []
        for a_idx, article in enumerate(doc.articles):
            kinds = article.header.get("paragraph_kinds", [])
            index = 0
            for p_idx, (p_start, p_end) in enumerate(article.paragraphs):
                kind = kinds[p_idx] if p_idx < len(kinds) else "body"
                spans = ([(p_start, p_end)] if kind != "body"
                         else split_sentences(doc.clean[p_start:p_end], p_start))
                for s, e in spans:
                    sentences.append(SentenceSpan(a_idx, p_idx, index, s, e, kind))
                    index += 1
        doc.sentences = sentences
        return doc
