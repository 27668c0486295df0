"""Page layout helpers shared by the cleaner and the splitter: lines, a simplified-script view
and the noise that scraping leaves in a page.

- ``Line``: one non-blank line of the clean text, with its offsets, and ``simple``, the same
  line in simplified characters (``警方破獲`` → ``警方破获``), character for character, so a
  rule written for simplified text matches a traditional page at the same offsets.
- ``numbered_items``, ``item_headline``, ``run_on_items``: digest items (``1. …`` ``2. …``;
  ``●标题 正文…``; ``…。又讯 …``).
- ``noise_spans``: leftover HTML tags and entities (``<p>``, ``&nbsp;``), the spaces of a
  line written with a space between every character (``市 公 安 局``) and anti-scraping
  strings glued to a sentence end (``…诈骗。Zx8Kq2Lm``); the cleaner drops them
  and keeps its offset map, so the raw text is never changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import DATA_DIR, alternation, read_tagged

_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>\n]{0,200})?/?>|&(?:nbsp|amp|lt|gt|quot|ensp|emsp|#\d{2,5})[;；]")
# 市 公 安 局, 示 例 警 方 “ 春 风 ” 行 动: a line of characters set apart by spaces (quotes,
# brackets and digits among them; four Chinese characters at least).
_SPACED_CHAR = r"[\u4e00-\u9fff“”‘’「」《》（）、：·0-9]"
_SPACED_LINE = re.compile(rf"(?m)^[ \t]*(?=(?:[^\n\u4e00-\u9fff]*[\u4e00-\u9fff]){{4}})(?:{_SPACED_CHAR}[ \t]+){{3,}}{_SPACED_CHAR}[ \t]*$")
# An anti-scraping string glued to the end of a sentence: …都是诈骗。Zx8Kq2Lm
_HEADLINE_PUNCT = re.compile(r"[，。；！？：,;!?]")
# (with a lower-case letter: 760760AB or GB18030 after a quote is a code, not junk)
_TRAILING_JUNK = re.compile(r"(?m)(?<=[。！？”])(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{6,}(?=[ \t]*$)")
# Frequent characters that only traditional script uses: a page with none of them in its
# first 1000 characters is read as simplified, without a conversion.
_TRADITIONAL_HINTS = frozenset(
    "們這個國來說時會對於發經過與進後從當還長樣點開關頭報記訊電網門問間體無實現變讓應該將業務義"
    "華區縣鄉議員係學們給見覺們歲專傳價買賣錢銀聽聲讀寫認識請謝談論設計際環節檢審決訴"
    "獲詐騙嚴員師導覽熱愛戰爭黨軍陸島嶼灣臺愛麼嗎歡樂療醫藥護衛條規則網購貨運輸車輛駕駛勞動")


@dataclass
class Line:
    start: int
    end: int
    text: str
    kind: str = "body"  # body | heading | weak | byline | dateline | tag
    simple: str = ""

    def __post_init__(self) -> None:
        if not self.simple:
            self.simple = self.text


def heading_like(text: str) -> bool:
    """A line short and bare enough to be a headline or a signer: no comma or sentence stop."""
    return len(text) <= 40 and not re.search(r"[，。；！？,;!?]", text)


def dash_subtitle(line: Line) -> bool:
    """A subtitle line led by a dash: ``——市公安局经侦支队追赃挽损工作侧记``."""
    return line.kind == "heading" and line.text.startswith(("——", "--"))


def page_lines(text: str, simple: str | None = None) -> list[Line]:
    """Return the non-blank lines of ``text``, stripped, with their offsets and simplified view."""
    simple = text if simple is None else simple
    lines = []
    pos = 0
    for raw_line in text.split("\n"):
        stripped = raw_line.strip()
        if stripped:
            start = pos + len(raw_line) - len(raw_line.lstrip())
            end = start + len(stripped)
            lines.append(Line(start, end, stripped, simple=simple[start:end]))
        pos += len(raw_line) + 1
    return lines


def numbered_items(lines: list[Line]) -> None:
    """A digest of numbered items: the page's text starts at ``1.`` and every line is the
    next number (``1. 最高检发布…`` ``2. 公安部部署…``); a numbered list inside an article,
    under a headline or a lead, is left alone."""
    numbers = [re.match(r"^(\d{1,2})[.、]", line.simple) for line in lines]
    if len(lines) >= 2 and all(numbers) and [int(m.group(1)) for m in numbers] == list(range(1, len(lines) + 1)):
        for line in lines:
            line.kind = "item"
        return
    count = numbered_run(lines, numbers)
    if count >= 2:
        for line in lines[:count]:
            line.kind = "item"


def numbered_run(lines: list[Line], numbers: list) -> int:
    """The length of a digest's run of numbered items that opens the page's text, each a
    paragraph of sentences, before lines of no number (a run-on ``又讯 …`` item, a credit):
    ``1. 6月15日，…。`` ``2. 今年…。`` ``又讯 6月18日，…。`` → 2; 0 when the numbers do not run
    1, 2, … or a later line is numbered again (a list inside an article)."""
    count = 0
    while count < len(lines) and numbers[count] and int(numbers[count].group(1)) == count + 1:
        count += 1
    if count < 2 or any(numbers[count:]) or not all(line.simple.endswith(("。", "”")) for line in lines[:count]):
        return 0
    return count


def item_headline(line: Line) -> list[Line]:
    """Cut the headline off a bulleted item that runs on into its text:
    ``●市检察院开展检察开放日活动 10月9日，市检察院邀请…`` → headline + text."""
    head = re.match(r"^(\S{4,30}?)[ \t]+(?=\S)", line.simple)
    rest = line.simple[head.end():] if head else ""
    if (line.kind != "item" or not head or _HEADLINE_PUNCT.search(head.group(1))
            or len(rest) < 20 or not _HEADLINE_PUNCT.search(rest)):
        return [line]
    cut = len(head.group(1))
    return [Line(line.start, line.start + cut, line.text[:cut], "tag", line.simple[:cut]),
            Line(line.start + head.end(), line.end, line.text[head.end():], "body", rest)]


# 男子盗窃电动车电瓶被刑拘2022-11-03 (or … 2022-11-03 08:15, 【2022-11-03】…): a headline with
# the page's date glued to its end or its start (not （1997年12月23日） under a speech's title).
_DAY = r"(?:19|20)\d\d(?:-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|年\d{1,2}月\d{1,2}日)(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?"
_GLUED_DATE = re.compile(rf"(?<=[\u4e00-\u9fff”」』》])[ \t]*{_DAY}$")
_LEADING_DATE = re.compile(rf"^(?:【{_DAY}】|\[{_DAY}\]|{_DAY})[ \t]*(?=[\u4e00-\u9fff“「])")  # not （1997年12月29日…通过）
_META_WORDS = re.compile(r"来源|稿源|作者|编辑|发布|时间|日期|星期|第[ \t]*\S{1,3}[ \t]*版|记者|通讯员|报道|报导|[/／|｜]"
                         r"|\d{1,2}日[电讯]")  # 2023-10-13 16:20 中央社 台北13日电
# The last words of a signing organ (示例县公安局) and of an outlet (示例法治在线): one list,
# read by the signatures, the compiler line and the outlet beside a date line.
SIGNER_ENDS = read_tagged(DATA_DIR / "split_signer_ends.txt")
ORGAN_END = alternation(SIGNER_ENDS["organ"])
OUTLET_END = alternation(SIGNER_ENDS["outlet"])
# 示例县公安局 2021年4月15日, 示例法治在线 2025-03-01 08:00: a signature or an outlet with its
# date, not a headline.
_SIGNER_END = re.compile(rf"(?:{ORGAN_END}|{OUTLET_END})(?:[ \t]*(?:编印|编发|编))?$")  # 示例市委政法委　编


def glued_dates(lines: list[Line]) -> list[Line]:
    """Cut a date glued to a headline off its line: ``男子盗窃电动车电瓶被刑拘2022-11-03`` →
    ``男子盗窃电动车电瓶被刑拘`` + ``2022-11-03`` (a date line of its own); so for a date after
    a space, and one before the headline (``【2022-11-03】男子…被刑拘``). A
    line with a label (``来源示例晚报2022-11-03``), sentence punctuation, a short head or a
    signer (``示例县公安局 2021年4月15日``) is left whole."""
    out = []
    for line in lines:
        if len(line.simple) > 60 or not any(c.isdigit() for c in line.simple[:24] + line.simple[-24:]):
            out.append(line)
            continue
        glued = _GLUED_DATE.search(line.simple)
        leading = None if glued else _LEADING_DATE.match(line.simple)
        head = line.simple[:glued.start()] if glued else line.simple[leading.end():] if leading else ""
        if (len(head) < 6 or _HEADLINE_PUNCT.search(head) or _META_WORDS.search(head)
                or _SIGNER_END.search(head)):
            out.append(line)
            continue
        at = glued.start() if glued else leading.end()
        out.extend(_part(line, 0, at) + _part(line, at, len(line.text)))
    return out


def _part(line: Line, start: int, end: int) -> list[Line]:
    """The stretch ``start:end`` of a line as a line of its own, blanks trimmed (none if empty)."""
    text = line.text[start:end]
    lead, trail = len(text) - len(text.lstrip()), len(text.rstrip())
    if lead >= trail:
        return []
    return [Line(line.start + start + lead, line.start + start + trail, text[lead:trail], line.kind,
                 line.simple[start + lead:start + trail])]


_LEAD_JUMP = re.compile(r"^[（(]?(?:上接|接)第[ \t]*[0-9０-９一二三四五六七八九十]{1,3}[ \t]*版[）)]?(?=[ \t]+\S)")


def glued_jumps(lines: list[Line]) -> list[Line]:
    """Cut an e-paper jump mark that leads a line after a gap off it: ``上接第1版　示例区法院…`` →
    ``上接第1版`` (chrome, as on a line of its own) + the text, so ``（上接第1版）　…``;
    ``（上接第一版）春节期间…``, glued to the text without a gap, stays in it."""
    out = []
    for line in lines:
        jump = _LEAD_JUMP.match(line.simple)
        out.extend(_part(line, 0, jump.end()) + _part(line, jump.end(), len(line.text)) if jump else [line])
    return out


_RUN_ON = re.compile(r"(?<=[。！？”])[ \t]*(?=(?:又讯|另讯)[ \t])")


def run_on_items(lines: list[Line]) -> list[Line]:
    """Cut a brief run on after a full stop off its line: ``…免费咨询。又讯 市公证处…`` → two
    lines, the second led by its dateline."""
    out = []
    for line in lines:
        cut = _RUN_ON.search(line.simple)
        if cut is None:
            out.append(line)
            continue
        at = cut.end()
        out.append(Line(line.start, line.start + cut.start(), line.text[:cut.start()], line.kind,
                        line.simple[:cut.start()]))
        out.append(Line(line.start + at, line.end, line.text[at:], "body", line.simple[at:]))
    return out


def noise_spans(text: str) -> list[tuple[int, int]]:
    """Spans the cleaner drops: HTML tags/entities and the gaps of spaced-out lines.

    ``<p>近日，区法院…</p>`` → the tags; ``市 公 安 局 开 展`` → the spaces between characters.
    """
    spans = [m.span() for m in _TAG.finditer(text)] if ("<" in text or "&" in text) else []
    if spans:  # read spaced lines as if the tags were blanks, at the same offsets
        chars = list(text)
        for start, end in spans:
            chars[start:end] = " " * (end - start)
        text = "".join(chars)
    spans.extend(m.span() for m in _TRAILING_JUNK.finditer(text))
    for line in _SPACED_LINE.finditer(text):
        body = line.group().strip()
        offset = line.start() + line.group().index(body)
        spans.extend((offset + m.start(), offset + m.end()) for m in re.finditer(r"[ \t]+", body))
    return spans


@lru_cache(maxsize=1)
def t2s_converter():
    """opencc's traditional-to-simplified converter: the compiled binding when installed (fast),
    else opencc-purepy (a dependency), else None (the view is an aid: without it traditional
    pages match less)."""
    try:
        import opencc

        return opencc.OpenCC("t2s")
    except ImportError:
        pass
    try:
        from opencc_purepy import OpenCC
    except ImportError:
        return None
    return OpenCC("t2s")


def simplified_view(text: str) -> str:
    """Return ``text`` in simplified characters, the same length (``報訊`` → ``报讯``).

    Only pages with traditional characters are converted; a conversion that would change the
    length (a phrase rewritten) falls back to converting character by character.
    """
    if len(_TRADITIONAL_HINTS.intersection(text[:1000])) < 2:
        return text
    return _converted(text)


@lru_cache(maxsize=32)
def _converted(text: str) -> str:
    """``simplified_view`` of a traditional page, converted once: the split and metrics stages
    both read the view of the same page."""
    converter = t2s_converter()
    if converter is None:
        return text
    whole = converter.convert(text)
    if len(whole) == len(text):
        return whole
    out = []
    for char in text:
        one = converter.convert(char)
        out.append(one if len(one) == 1 else char)
    return "".join(out)
