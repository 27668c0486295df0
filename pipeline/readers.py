"""Readers for web inputs: HTML pages (trafilatura) and WARC archives (warcio), and the
lenient date reading that JSONL, HTML and WARC metadata share.

An HTML page becomes one text: trafilatura's main text, the page title as the first line
when the text does not already start with it. The HTML itself is kept out of the tables; the
page's URL, title, site name and date (htmldate, through trafilatura) go into the document's
metadata. A WARC file yields one such text per HTML response, with its target URI; the WARC
capture date is kept as ``fetched`` and is not taken for the publication date (a page is
often captured years after it was published).

Each reader returns ``(text, meta, published)``; ``pipeline.io`` makes the Documents.
"""

from __future__ import annotations

import re
from datetime import date
from html import unescape
from typing import BinaryIO, Iterator

from .errors import InputError

HTML_SUFFIXES = (".html", ".htm")
WARC_SUFFIXES = (".warc", ".warc.gz")
BAD_HTML = "bad_html"  # quarantine reason: no text could be extracted from the page

_YMD = re.compile(r"^\s*((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$")
_COMPACT = re.compile(r"^\s*((?:19|20)\d\d)(\d\d)(\d\d)\s*$")
# <time datetime="…">: trafilatura reads it as inline and glues the whole article into one
# paragraph; read as a <span> it stays a line of its own. Its date is kept as a fallback.
_TIME_TAG = re.compile(r"<(/?)time\b", re.I)
_TIME_ATTR = re.compile(r"<time\b[^>]*\bdatetime=[\"']([^\"']+)", re.I)
# | cell | cell |: a table row of a table-laid-out page; each cell becomes a line.
_TABLE_ROW = re.compile(r"^\|[ \t]*(.*?)[ \t]*\|?[ \t]*$")


def lenient_date(value: object) -> date | None:
    """Read a date the way people write it; None when it names no single day.

    ``2022-08-05``, ``2022/08/05``, ``2022年8月5日``, ``2022-08-05T10:00:00Z`` and
    ``20220805`` give 2022-08-05; a partial date (``2019-03``, ``2019``) or an odd one gives
    None: the record is kept and the page's own date line may still fill the date.
    """
    if isinstance(value, date):
        return value
    text = str(value or "").translate(DIGITS)
    match = _YMD.match(text) or _COMPACT.match(text)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")  # full-width digits to ASCII


def suffix_of(name: str) -> str:
    """The input-type suffix of a file name: ``a.warc.gz`` → ``.warc.gz``, ``a.HTM`` → ``.htm``."""
    lower = name.lower()
    return ".warc.gz" if lower.endswith(".warc.gz") else ("." + lower.rsplit(".", 1)[-1]
                                                          if "." in lower else "")


def read_html(data: bytes | str, url: str | None = None) -> tuple[str, dict, date | None]:
    """Return (text, meta, published) for an HTML page, or raise InputError.

    ``meta`` holds ``title``, ``url``, ``site_name`` when the page states them.
    """
    import trafilatura

    if isinstance(data, bytes):
        data = data.decode("utf-8", "replace") if b"<time" in data.lower() else data
    time_date = None
    if isinstance(data, str) and _TIME_ATTR.search(data):
        time_date = lenient_date(_TIME_ATTR.search(data).group(1))
        data = _TIME_TAG.sub(r"<\1span", data)
    extracted = trafilatura.bare_extraction(data, url=url, with_metadata=True,
                                            include_comments=False, favor_recall=True)
    if extracted is not None and not isinstance(extracted, dict):
        extracted = extracted.as_dict()
    text = _table_cells((extracted or {}).get("text") or "")
    if not text.strip():
        raise InputError(BAD_HTML, "no article text could be extracted from this HTML page")
    title = (extracted.get("title") or "").strip()
    first_lines = [line.strip() for line in text.splitlines()[:4]]
    if title and title not in first_lines:
        text = f"{title}\n{text}"
    text = with_date_line(text, data if isinstance(data, str) else data.decode("utf-8", "replace"), title)
    meta = {"title": title or None, "url": extracted.get("url") or url,
            "site_name": extracted.get("sitename") or site_of_title(data) or None}
    published = year_guess_dropped(lenient_date(extracted.get("date")), data)
    return text, {k: v for k, v in meta.items() if v}, published or time_date


def year_guess_dropped(found: date | None, html: bytes | str) -> date | None:
    """None for a date htmldate made up from a year alone: 1 January when the page names no
    such day (a page printing only ``© 2023`` or ``2023年`` gives 2023-01-01); the page's own
    date line then gives the date. A real 1 January (``2023-01-01``, ``2023年1月1日``) stays.
    """
    if found is None or (found.month, found.day) != (1, 1):
        return found
    if isinstance(html, bytes):
        html = html.decode("utf-8", "replace")
    day = re.compile(rf"{found.year}[ \t]*[-/.年][ \t]*0?1[ \t]*[-/.月][ \t]*0?1(?!\d)|{found.year}0101")
    return found if day.search(html) else None


_TEXT_NODE = re.compile(r">([^<>]{6,120})<")
_DATE_IN_LINE = re.compile(r"(?:19|20)\d\d[ \t]*[-/.年][ \t]*\d{1,2}[ \t]*[-/.月][ \t]*\d{1,2}")
_LINE_LABEL = re.compile(r"(?:来源|稿源|作者|发布时间|发布日期|发稿时间|更新时间)[ \t]*[:：]")
_TITLE_TAG = re.compile(r"<title[^>]*>([^<]{4,200})</title>", re.I)
_TITLE_SITE = re.compile(r"[ \t]*(?:_|-|—|\||｜|－)[ \t]*([\u4e00-\u9fff]{2,12}(?:网|报|在线|频道|新闻|电视台|客户端))[ \t]*$")


def with_date_line(text: str, html: str, title: str = "") -> str:
    """The page's date/source line put back under the headline when the extractor dropped it
    (``<p class="meta">发布时间：2021-11-23 来源：示例平安网 作者：安然</p>`` is often taken for
    boilerplate): the first short text of the page with a date and a label (来源, 作者,
    发布时间) that the text lacks, under the title line. The splitter reads it as chrome."""
    for match in _TEXT_NODE.finditer(html):
        line = " ".join(unescape(match.group(1)).split())
        if _DATE_IN_LINE.search(line) and _LINE_LABEL.search(line) and "。" not in line:
            if line in text or line.replace(" ", "") in text.replace(" ", ""):
                return text
            lines = text.split("\n")
            at = next((i + 1 for i, head in enumerate(lines[:4]) if head.strip() == title), 1)
            return "\n".join(lines[:at] + [line] + lines[at:])
    return text


def site_of_title(html: bytes | str) -> str | None:
    """The site's name at the end of the page's <title>: ``标题 - 示例平安网`` → 示例平安网."""
    if isinstance(html, bytes):
        html = html[:4000].decode("utf-8", "replace")
    title = _TITLE_TAG.search(html[:4000])
    site = _TITLE_SITE.search(unescape(title.group(1))) if title else None
    return site.group(1) if site else None


def _table_cells(text: str) -> str:
    """Lines of a table-laid-out page, one a cell: ``| 发布日期：… | 浏览次数 |`` → the cells."""
    if "|" not in text:
        return text
    lines = []
    for line in text.split("\n"):
        row = _TABLE_ROW.match(line) if line.startswith("|") else None
        lines.extend(cell.strip() for cell in row.group(1).split(" | ") if cell.strip()) if row else lines.append(line)
    return "\n".join(lines)


def iter_warc(stream: BinaryIO) -> Iterator[tuple[str, str | None, dict, date | None]]:
    """Yield (target URI, text or None, meta, published) for every HTML response of a WARC.

    ``text`` is None (and ``meta["error"]`` says why) when nothing could be extracted.
    """
    from warcio.archiveiterator import ArchiveIterator

    for record in ArchiveIterator(stream):
        if record.rec_type != "response":
            continue
        content_type = (record.http_headers.get_header("Content-Type") or ""
                        if record.http_headers else "")
        if "html" not in content_type.lower():
            continue
        uri = record.rec_headers.get_header("WARC-Target-URI") or ""
        fetched = record.rec_headers.get_header("WARC-Date") or ""
        payload = record.content_stream().read()
        try:
            text, meta, published = read_html(payload, url=uri or None)
        except InputError as exc:
            yield uri, None, {"error": exc.message, "url": uri}, None
            continue
        if uri:  # the target URI, not a canonical link the page may share with others
            meta["url"] = uri
        if fetched:
            meta["fetched"] = fetched[:10]
        yield uri, text, meta, published
