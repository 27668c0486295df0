"""Score the article splitter on pages with known articles (``fazhi evaluate articles``).

Gold is JSONL, one page a line::

    {"page": "web_01.txt", "published": "2022-08-05",
     "articles": [{"title": "…", "kicker": null, "subtitle": null,
                   "authors": [["王明", "reporter"]], "dateline": "中新网8月5日电",
                   "published": "2022-08-05", "outlet": "中国新闻网", "truncated": false,
                   "body": "中新网8月5日电"}]}

``page`` is the input's file name (or the ``id`` of a JSONL record, or the target URI of a WARC
response, so one archive can hold several gold pages); ``body`` is the start of
the article's first body paragraph, as printed. A predicted article is *found* when its first
body paragraph starts with the gold ``body`` and its title is the gold title (whitespace and
leftover HTML ignored). A page is *split right* when every gold article is found and no other
article is predicted; it is *fully right* when, besides, every field of every article agrees.
``dates found`` counts pages whose printed publication date (gold ``published``) is the
document's ``published``.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Iterable

from ..document import Document
from .corpora import read_jsonl_records
from ..errors import UserError
from ..io import Rejected, read_inputs
from ..stages.clean import Cleaner
from ..stages.split import ArticleSplitter

FIELDS = ("kicker", "subtitle", "authors", "dateline", "published", "outlet", "truncated")
_NOISE = re.compile(r"\s+|&nbsp;|&[a-z]+;|<[^>]*>|\u3000")


def norm(text: str | None) -> str:
    """Drop whitespace and leftover HTML and fold widths: ``市 公 安 局&nbsp;`` → ``市公安局``,
    ``１月／`` → ``1月/``."""
    return unicodedata.normalize("NFKC", _NOISE.sub("", text or ""))


def load_gold(path: str | Path) -> dict[str, dict]:
    """Return the gold pages of a JSONL file, by page name."""
    path = Path(path)
    if not path.exists():
        raise UserError(f"gold file {path} does not exist: give a JSONL file of pages")
    pages: dict[str, dict] = {}
    for number, record in read_jsonl_records(path):
        if not isinstance(record, dict) or "page" not in record or "articles" not in record:
            raise UserError(f"{path}:{number}: a gold page needs \"page\" and \"articles\"")
        pages[record["page"]] = record
    return pages


def page_name(doc: Document) -> str:
    """The name gold uses for a document: a JSONL record's id, else the file name."""
    if doc.meta.get("id") is not None:
        return str(doc.meta["id"])
    return Path(doc.source.split("#")[0]).name


def predicted(doc: Document) -> list[dict]:
    """The splitter's articles of ``doc`` in the gold's shape."""
    out = []
    for article in doc.articles:
        kinds = article.header.get("paragraph_kinds", [])
        body = next((doc.clean[s:e] for (s, e), k in zip(article.paragraphs, kinds)
                     if k == "body"), "")
        out.append(dict(title=article.title, kicker=article.kicker, subtitle=article.subtitle,
                        authors=[[a.name, a.role] for a in article.authors],
                        dateline=article.dateline, truncated=article.truncated,
                        published=_iso(getattr(article, "published", None)),
                        outlet=getattr(article, "outlet", None), body=body))
    return out


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _same(field: str, gold, got) -> bool:
    if field in ("kicker", "subtitle", "dateline", "outlet", "title"):
        return norm(gold) == norm(got)
    if field == "authors":
        return [list(a) for a in gold or []] == [list(a) for a in got or []]
    return gold == got


def score_page(gold: dict, got: list[dict]) -> dict:
    """Match one page's predicted articles to its gold articles; return counts and errors."""
    found, errors, used = 0, [], set()
    fields_right = {f: 0 for f in FIELDS}
    for g in gold["articles"]:
        match = next((i for i, p in enumerate(got) if i not in used
                      and norm(p["body"]).startswith(norm(g["body"]))), None)
        if match is None:
            errors.append(f"missed article {g['title'] or g['body']!r}")
            continue
        used.add(match)
        p = got[match]
        if not _same("title", g["title"], p["title"]):
            errors.append(f"title {p['title']!r}, expected {g['title']!r}")
            continue
        found += 1
        for field in FIELDS:
            if _same(field, g.get(field), p.get(field)):
                fields_right[field] += 1
            else:
                errors.append(f"{g['title'] or g['body']!r}: {field} {p.get(field)!r}, "
                              f"expected {g.get(field)!r}")
    extra = [p for i, p in enumerate(got) if i not in used]
    errors += [f"extra article {p['title'] or p['body'][:20]!r}" for p in extra]
    split_right = found == len(gold["articles"]) and not extra
    return dict(found=found, predicted=len(got), gold=len(gold["articles"]),
                split_right=split_right, fully_right=split_right and not errors,
                fields=fields_right, errors=errors)


def split_documents(inputs: Iterable[str | Path]) -> list[Document]:
    """Read ``inputs`` and run the cleaner and the splitter (no model needed)."""
    docs = []
    cleaner, splitter = Cleaner(), ArticleSplitter()
    for item in read_inputs(inputs):
        if isinstance(item, Rejected):
            continue
        docs.append(splitter(cleaner(item)))
    return docs


def evaluate_articles(gold_path: str | Path, inputs: Iterable[str | Path],
                      details: bool = False) -> dict:
    """Return articles precision/recall, pages split and fully right, dates found, per field."""
    gold = load_gold(gold_path)
    docs = {}
    for doc in split_documents(inputs):
        docs[page_name(doc)] = doc
        if doc.meta.get("url") and "#" in doc.source:  # a WARC response, by its target URI
            docs.setdefault(doc.meta["url"], doc)
    missing = sorted(set(gold) - set(docs))
    docs = {name: doc for name, doc in docs.items() if name in gold}
    if len(missing) == len(gold):
        raise UserError("no gold page among the inputs: gold names pages by file name or JSONL id")
    totals = dict(found=0, predicted=0, gold=0, split_right=0, fully_right=0)
    fields = {f: 0 for f in FIELDS}
    dated = dates_found = 0
    problems: dict[str, list[str]] = {}
    for name, page in sorted(gold.items()):
        if name not in docs:
            continue
        doc = docs[name]
        result = score_page(page, predicted(doc))
        for key in totals:
            totals[key] += int(result[key])
        for field in FIELDS:
            fields[field] += result["fields"][field]
        if page.get("published"):
            dated += 1
            if _iso(doc.published) == page["published"]:
                dates_found += 1
            else:
                result["errors"].append(f"page published {_iso(doc.published)}, "
                                        f"expected {page['published']}")
        if result["errors"]:
            problems[name] = result["errors"]
    pages = len(gold) - len(missing)
    scores = {
        "pages": pages,
        "pages_split_right": totals["split_right"],
        "pages_fully_right": totals["fully_right"],
        "articles_precision": round(totals["found"] / totals["predicted"], 3) if totals["predicted"] else 0.0,
        "articles_recall": round(totals["found"] / totals["gold"], 3) if totals["gold"] else 0.0,
        "dates_found": f"{dates_found}/{dated}",
        "fields_right": {f: f"{n}/{totals['found']}" for f, n in fields.items()},
        "pages_missing_from_inputs": missing,
    }
    if details:
        scores["errors"] = problems
    return scores
