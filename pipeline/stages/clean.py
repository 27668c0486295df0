"""Clean: normalise characters and repair layout breaks, keeping a map back to the raw text.

What it does, and why:
- full-width ASCII letters and digits become half-width (``１９９８`` → ``1998``), and the
  full-width forms of ``% . / + -`` too, so numbers parse the same everywhere;
- half-width ``, ; : ? ! ( )`` written between Chinese characters become the full-width
  forms (``黑恶势力,打掉`` → ``黑恶势力，打掉``), but ``1,134`` keeps its separator;
- corner quotes ``「」『』`` become ``“”‘’``; ideographic and no-break spaces become spaces;
- layout bullets (□ ■ ● ◆ ▲ ★) at the start of a line are dropped, and so are leftover HTML
  tags and entities (``<p>``, ``&nbsp;``) and the spaces of a spaced-out line (``市 公 安 局``);
- a paragraph broken by the page layout (``工作\\n\\n制度，全面理顺``) is joined again, but a
  paragraph that really ends (``。``), a heading, a byline or the start of the next article
  is left alone. Typos are never corrected.

Every character substitution is one-to-one; deletions are recorded in ``Document.offsets``
(``offsets[i]`` is the raw index of clean character ``i``; one extra entry at the end).
"""

from __future__ import annotations

import re

from ..document import Document
from .layout import noise_spans

_FULLWIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}  # ０-９
_FULLWIDTH.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_FULLWIDTH.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_FULLWIDTH.update({"％": "%", "．": ".", "／": "/", "＋": "+", "－": "-", "＝": "=",
                   "「": "“", "」": "”", "『": "‘", "』": "’", "〝": "“", "〞": "”",
                   "\u3000": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ",
                   "\u2009": " ", "\u200b": " ", "\ufeff": " ", "\r": "\n"})
_CHAR_TABLE = str.maketrans(_FULLWIDTH)

_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# An ASCII punctuation mark that touches a CJK character (or closing quote) on either side.
_CJK = r"[\u3400-\u9fff\uf900-\ufaff“”‘’（）《》、。，]"
_ASCII_PUNCT = re.compile(rf"(?<={_CJK})[,;:?!()]|[,;:?!()](?={_CJK})")

_BULLET = re.compile(r"(?m)^[ \t]*[□■●◆◇▲△★☆▪•][ \t]*")
# A page-layout break: blank line(s) between two pieces of one paragraph.
_BREAK = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")

_TERMINAL = "。！？!?…；;"
_CLOSERS = "”’」』）)》"
_SENTENCE_PUNCT = re.compile(r"[，。；！？、：,;]")
_BYLINE_START = re.compile(r"^\s*(?:[□■●]\s*)?(?:本报(?:讯|记者|通讯员|评论员)|新华社|中新社|记者|通讯员|图/|文/)")


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip()
    while stripped and stripped[-1] in _CLOSERS:
        stripped = stripped[:-1]
    return not stripped or stripped[-1] in _TERMINAL


def _is_body(line: str, min_len: int = 20) -> bool:
    """True for a line that reads as running text rather than a heading or byline."""
    if _BYLINE_START.match(line):
        return False
    return len(line.strip()) >= min_len or bool(_SENTENCE_PUNCT.search(line))


def is_layout_break(before: str, after: str, following: str = "") -> bool:
    """Return True when ``before`` and ``after`` are two halves of one broken paragraph.

    ``before`` is the last line above the blank line(s), ``after`` the first line below and
    ``following`` the line after that. The first must be running text that stops
    mid-sentence; the second must be running text (with sentence punctuation) that is neither
    a heading, a byline nor a dateline, nor a short headline with a comma (严打犯罪，守护平安)
    followed by a byline.
    """
    if not before.strip() or not after.strip():
        return False
    if _ends_sentence(before):
        return False
    if not (_is_body(before) or before.lstrip().startswith("本报讯")):
        return False
    if _BYLINE_START.match(after):
        return False
    # The continuation carries sentence punctuation within its first sentence, which a
    # headline (short, no punctuation) never does.
    head = after.strip()[:80]
    if len(after.strip()) <= 32 and not _ends_sentence(after) and _BYLINE_START.match(following):
        return False
    return bool(_SENTENCE_PUNCT.search(head)) and len(after.strip()) >= 8


def _next_line(text: str, pos: int) -> str:
    """Return the next non-blank line at or after ``pos`` (a newline), or ""."""
    if pos == -1:
        return ""
    for line in text[pos:pos + 400].split("\n"):
        if line.strip():
            return line
    return ""


class Cleaner:
    """Normalise ``doc.raw`` into ``doc.clean`` and record the offset map."""

    name = "clean"

    def __call__(self, doc: Document) -> Document:
        text = doc.raw.translate(_CHAR_TABLE)
        text = _ASCII_PUNCT.sub(lambda m: _HALF_TO_FULL[m.group()], text)
        keep = [True] * len(text)
        for match in _BULLET.finditer(text):
            for i in range(match.start(), match.end()):
                if text[i] not in "\n":
                    keep[i] = False
        for start, end in noise_spans(text):  # leftover HTML, spaced-out lines
            for i in range(start, end):
                keep[i] = False
        for match in _BREAK.finditer(text):
            line_start = text.rfind("\n", 0, match.start()) + 1
            line_end = text.find("\n", match.end())
            before = text[line_start:match.start()]
            after = text[match.end(): line_end if line_end != -1 else len(text)]
            following = _next_line(text, line_end)
            if is_layout_break(before, after, following):
                for i in range(match.start(), match.end()):
                    keep[i] = False
        clean_chars = []
        offsets = []
        for i, (char, kept) in enumerate(zip(text, keep)):
            if kept:
                clean_chars.append(char)
                offsets.append(i)
        offsets.append(len(text))
        doc.clean = "".join(clean_chars)
        doc.offsets = offsets
        return doc
