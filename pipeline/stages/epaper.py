"""An e-paper page's guide line: ``本版导读：甲地警方破获…案　乙县法院审结…案`` lists the
headlines printed on the page, apart by spaces, without bullets. The line is the page header
(chrome); the headlines it lists open articles below.

Read by the chrome stage (``chrome.py``).
"""

from __future__ import annotations

import re

from .layout import heading_like

# 本版导读：…, 今日导读 …, 本期要目：…: the label of a guide line with its headlines on it.
_GUIDE_ROW = re.compile(r"^(?:本版|今日|本期)?(?:导读|要目)[:：][ \t]*(?=\S)")


def guide_row(text: str) -> bool:
    """True for a guide line that lists headlines after its label (``本版导读：甲…　乙…``)."""
    return bool(_GUIDE_ROW.match(text)) and "。" not in text


def guide_headlines(text: str, below: list[str]) -> list[str]:
    """The headlines a guide line lists that the page prints again below on lines of their own:
    ``本版导读：甲地警方破获…案 乙县法院审结…案`` over ``甲地警方破获…案`` / … → both. A headline
    with a space in it (``甲地警方破案 追回损失``) is found by joining the parts that follow."""
    label = _GUIDE_ROW.match(text)
    if label is None:
        return []
    parts = [part for part in re.split(r"[ \t|｜/／]+", text[label.end():]) if part]
    printed = {line for line in below if heading_like(line)}
    found, i = [], 0
    while i < len(parts):
        joined = next((j for j in range(i + 1, min(len(parts), i + 3) + 1) if " ".join(parts[i:j]) in printed), None)
        if joined is None:
            i += 1
            continue
        found.append(" ".join(parts[i:joined]))
        i = joined
    return found
