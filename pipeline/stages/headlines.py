"""Headline lines: which line of a page is a heading, a weak heading (a headline with a comma),
a byline, dateline or body (``classify``); which run of weak headings heads an article
(``mark_headlines``); and the title, kicker and subtitle read from an article's headline lines
(``header_fields``, roles from ``headers.header_roles``). Used by ``split.py``."""

from __future__ import annotations

import re

from . import headers
from .endings import BARE_CREDIT, ends_sentence
from .layout import Line, dash_subtitle

HEADING_PUNCT = re.compile(r"[，。；！？：,;!?]")
# 石湾法院：一年审结欠薪案件412件: a headline that names its subject before a colon, with no
# other punctuation (not 地址：示例路100号, 记者：今年有哪些打算？, 案情：); the page's first line.
_COLON_HEADLINE = re.compile(r"^[\u4e00-\u9fff“”]{2,12}：(?=[^，。；！？：,;!?]*[\u4e00-\u9fff]{4})[^，。；！？：,;!?]{6,30}$")

def classify(line: Line) -> str:
    text = line.simple
    if line.kind in ("tag", "headmark", "listed"):
        return line.kind
    if line.kind == "tagged_headline":
        return "heading"
    if headers.BYLINE.match(text):
        return "byline"
    if headers.DATELINE.match(text) or any(p.match(text) for p in headers.AGENCY_DATELINES):
        return "dateline"
    if headers.TAIL_BYLINE.match(text) or headers.TAIL_CREDIT.match(text):
        return "tail"
    if line.kind == "item":  # a bulleted digest item (▲市法院召开…)
        return "item"
    if BARE_CREDIT.match(text):  # （新华社记者刘前刚摄） under a caption: never a headline
        return "body"
    if len(text) <= 40 and not HEADING_PUNCT.search(text):
        return "heading"
    if is_weak_heading(text):
        return "weak"
    return "body"


def is_weak_heading(text: str) -> bool:
    """A short line that may be a headline with punctuation (严打犯罪，守护平安).

    Only a run of such lines followed by a byline or dateline counts as a headline: alone, a
    short line without a full stop is more often the cut-off end of an article.
    """
    return (len(text) <= 32 and not ends_sentence(text) and "。" not in text
            and len(HEADING_PUNCT.findall(text)) <= 2)


def mark_headlines(lines: list[Line], titled: set[int] = frozenset()) -> None:
    """Promote a run of weak headings to headings when a byline or dateline follows the run.

    So a headline with a comma is recognised as the title of the article below it; so is one
    above a dash subtitle (``——…侧记``) or right above the page's date/source line (``titled``,
    line ends). A short line without a full stop anywhere else is body text (the cut-off end
    of an article).
    """
    for i, line in enumerate(lines):  # “钱追回来了！” above a dash subtitle or the date line
        if line.kind == "body" and len(line.text) <= 40 and "。" not in line.text and (
                line.end in titled or (i + 1 < len(lines) and dash_subtitle(lines[i + 1]))):
            line.kind = "weak"
    if lines and lines[0].kind == "weak" and _COLON_HEADLINE.match(lines[0].simple):
        lines[0].kind = "heading"  # 石湾法院：一年审结欠薪案件412件 atop the page, over its text
    promoted = 0  # length of the run of promoted lines just below
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if line.kind != "weak":
            promoted = 0
            continue
        below = lines[i + 1] if i + 1 < len(lines) else None
        kind_below = below.kind if below is not None else None
        dash_below = below is not None and dash_subtitle(below)
        # Higher up the run, a line with a comma is more likely a cut-off end of text.
        heads_article = (kind_below in ("byline", "dateline") or dash_below or line.end in titled
                         or (kind_below == "heading" and 0 < promoted < 3
                             and "，" not in line.simple))
        line.kind = "heading" if heads_article else "body"
        promoted = promoted + 1 if heads_article else 0


def tag_text(line: Line) -> str:
    """A digest tag without its marks: ``【江苏】`` → 江苏, ``公安|`` → 公安, ``一、省高院…`` → 省高院…,
    ``一、禁毒|`` → 禁毒."""
    if line.kind != "tag":
        return line.text
    number = headers.ENUMERATED.match(line.simple)
    text = line.text.rstrip()
    if number:  # 一、禁毒| → 禁毒
        text = line.text[number.end():].strip()
        return text.strip("【】〖〗〔〕|｜ ") if text.endswith(("|", "｜", "】", "〗", "〕")) else text
    if text.endswith(("|", "｜")):  # 【柳州】禁毒| → 禁毒
        text = re.split(r"[】〗〕]", text)[-1]
    return text.strip("【】〖〗〔〕|｜ ")


def header_fields(header: list[Line], is_article: bool, dated: frozenset[int] | set[int] = frozenset(),
                  ) -> tuple[str, str | None, str | None, dict]:
    """Title, kicker, subtitle and their spans from the headline lines of an article's first
    block (none when the block does not start an article); ``dated``: the ends of lines right
    above a web page's date line (a headline there has no kicker)."""
    title, kicker, subtitle = "", None, None
    spans: dict = {}
    heads = [line for line in header if line.kind != "headmark"]
    if is_article and heads:
        roles = headers.header_roles(heads, dated=heads[-1].end in dated)
        for line, role in zip(heads, roles):
            start = spans[role][0] if role in spans else line.start
            spans[role] = (start, line.end)
            value = tag_text(line)
            if role == "title":
                title += value
            elif role == "kicker":
                kicker = value
            else:  # （…通过） / 中华人民共和国主席令: two subtitle lines
                subtitle = value if subtitle is None else f"{subtitle} {value}"
    return title, kicker, subtitle, spans


