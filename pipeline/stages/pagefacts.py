"""Page facts: each article's ``published`` date and ``outlet``, read from what the chrome
stage found on the page (``chrome.PageMeta``: its date line, outlet, organ, site, signatures),
its datelines and the input's metadata. Called by the splitter (``split.py``) once the articles
are cut.
"""

from __future__ import annotations

import re

from ..document import Author, Document
from . import headers
from .chrome import PageMeta
from .layout import ORGAN_END, simplified_view

# 示例县公安局关于…的通报, 示例市人民检察院关于…的情况通报: a release whose headline names its issuer.
_ISSUER_TITLE = re.compile(rf"^(?P<organ>[\u4e00-\u9fff]{{2,24}}?(?:{ORGAN_END}))关于\S.*的[\u4e00-\u9fff]{{0,4}}"
                           r"(?:通报|通告|公告|通知|声明|说明|决定|公示|报告)$")


def _dateline_outlet(dateline: str | None, mark: str | None) -> str | None:
    """The outlet a dateline names, as printed (``【明報專訊】`` → 明報)."""
    outlet = headers.dateline_outlet(mark) if mark else None
    if outlet is None or dateline is None:
        return outlet
    at = mark.find(outlet)
    return dateline[at:at + len(outlet)] if at >= 0 else outlet


def title_issuer(title: str | None) -> str | None:
    """The organ a release's headline names as its issuer, as printed:
    ``示例县公安局关于“6·18”盗窃案侦办情况的通报`` → 示例县公安局; None for a headline without one
    (``关于开展禁毒宣传的通告``, ``示例县公安局破获盗窃案``)."""
    found = _ISSUER_TITLE.match(simplified_view(title)) if title else None
    return title[:found.end("organ")] if found else None


def _signed_dates(doc: Document, meta: PageMeta) -> list[tuple[int, object]]:
    """The signature dates of the releases on a page that prints several, when only they date
    the page (no date line, edition line or input date): each release is published on its own
    signature date, the page on the latest (``…通报`` / ``2024年4月14日`` … ``…通报`` /
    ``2024年4月15日`` → 2024-04-15). Else an empty list."""
    if len(meta.signed) < 2 or meta.dated or doc.published != meta.signed[0][1]:
        return []
    doc.published = max(day for _start, day in meta.signed)
    return meta.signed


def page_facts(doc: Document, meta: PageMeta) -> None:
    """Give each article its ``published`` date and ``outlet``; the page's 作者 line fills the
    first article's authors when it has none.

    ``published`` is the day the page published the article: the page's date line or edition
    line, else the input's date. A wire story's dateline names the day it was filed, not the
    day this page printed it (``2022-03-15 09:20 来源：新华社`` over ``新华社北京3月14日电`` →
    2022-03-15); a dateline states no year, so on an undated page it gives no date either."""
    signed = _signed_dates(doc, meta)
    for article in doc.articles:
        mark = article.header.get("dateline_simple")
        article.published = next((day for start, day in signed if any(s <= start < e for s, e in article.segments)),
                                 doc.published) if signed else doc.published
        article.outlet = (meta.outlet or _dateline_outlet(article.dateline, mark)
                          or article.header.get("credit") or meta.organ or meta.site
                          or doc.meta.get("site_name") or title_issuer(article.title))
    if meta.authors and doc.articles and not doc.articles[0].authors:
        found = headers.byline_authors(simplified_view(meta.authors))
        doc.articles[0].authors = ([Author(meta.authors[s:e], role) for s, e, _name, role in found]
                                   or [Author(n, "other") for n in re.split(r"[ 、，,]+", meta.authors)
                                       if headers.is_person(n)])
