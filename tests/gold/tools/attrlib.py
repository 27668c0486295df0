"""Helpers for the attribution gold (issue 12): place, period, category, statistic of every figure.

Spec format (spec files for pd1998 and the seed stay outside the repo because their anchors quote
text; the spec of our own pages is committed next to the pages):

    == DOC place=PLACE src=SOURCE ps=DATE pe=DATE      defaults for the following figure lines
    REF CATEGORY STATISTIC [key=value ...]             one figure

DOC is a para_id (pd1998), `seed:<file>` or `page:<file>`.  REF is `Gn` (the n-th record of the
existing metrics gold for that document, same offsets), `Cn` (the n-th candidate number found by
`candidates.spans`, a leading comma stripped), `@left[span]right` (an anchor that must occur
once) or `START-END` (offsets; the committed pd1998 spec uses only these and `Gn`, so it quotes no
corpus text).  Keys override the defaults: place= src= ps= pe= value= vmax= unit= kind= approx=.
PLACE is a full name from the gazetteer (`河北省廊坊市永清县`), `全国`, a country name, `-` (none),
or `COUNTY|TOWNSHIP` for a township (code and parents from COUNTY).  Dates are ISO or `-`.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from functools import lru_cache
from pathlib import Path

import goldlib

GOLD = Path(__file__).resolve().parents[1]
GAZ = goldlib.REPO / "pipeline" / "data" / "gazetteer_cn_divisions.tsv"
PAGES = GOLD / "attribution_pages"
PAGE_DIRS = (PAGES, GOLD / "attribution_pages3", GOLD / "attribution_pages5", GOLD / "attribution_pages6", GOLD / "attribution_pages7", GOLD / "attribution_pages8", GOLD / "attribution_pages9", GOLD / "attribution_pages10", GOLD / "attribution_pages11", GOLD / "attribution_pages12", GOLD / "attribution_pages13", GOLD / "attribution_pages14", GOLD / "attribution_pages15")  # the second set of held-out pages (h01-h10)
LEVEL = {"province": "province", "city": "prefecture", "county": "county"}
SOURCES = {"sentence", "organ", "paragraph", "article", "none"}
STATISTICS = {"total", "average", "rate", "maximum", "threshold"}
COUNTRIES = {"日本", "美国", "俄罗斯", "南非", "蒙古", "捷克", "匈牙利", "加拿大", "英国", "阿尔及利亚",
             "黎巴嫩", "菲律宾", "泰国", "印度尼西亚", "越南", "缅甸", "老挝", "柬埔寨", "马来西亚"}
FIELDS = ["doc", "start", "end", "text", "value", "value_max", "unit", "quantity_kind", "approx",
          "place", "place_code", "place_level", "place_source", "period_start", "period_end",
          "category", "statistic"]


@lru_cache(maxsize=1)
def gazetteer() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """full_name -> (6-digit code, level) and 6-digit code -> full_name (province wins for 北京市)."""
    by_name: dict[str, tuple[str, str]] = {}
    by_code: dict[str, str] = {}
    for path in (GAZ, GAZ.with_name("gazetteer_cn_supplement.tsv")):  # the supplement's rows too
        with open(path, encoding="utf-8") as fh:
            for row in csv.reader((l for l in fh if l.strip() and not l.startswith("#")), delimiter="\t"):
                code, _name, level, full = row[0][:6], row[1], row[2], row[3]
                by_name.setdefault(full, (code, LEVEL[level]))
                by_code.setdefault(code, full)
    return by_name, by_code


def resolve_place(key: str | None) -> dict:
    """'河北省廊坊市永清县' -> place, 6-digit code, level; '全国' -> 100000 country; '日本' -> no code."""
    if key in (None, "-", ""):
        return {"place": None, "place_code": None, "place_level": None}
    if key == "全国":
        return {"place": "全国", "place_code": "100000", "place_level": "country"}
    if key in COUNTRIES:
        return {"place": key, "place_code": None, "place_level": "country"}
    by_name, _ = gazetteer()
    county, _, township = key.partition("|")
    if county not in by_name:
        raise ValueError(f"place not in gazetteer: {county}")
    code, level = by_name[county]
    if township:
        return {"place": county + township, "place_code": code, "place_level": "township"}
    return {"place": county, "place_code": code, "place_level": level}


def page_text(name: str) -> str:
    """The text of one of our own pages, from whichever pages folder holds it."""
    for folder in PAGE_DIRS:
        if (folder / name).exists():
            return (folder / name).read_text(encoding="utf-8")
    raise FileNotFoundError(name)


def doc_text(doc: str) -> str:
    if doc.startswith("page:"):
        return page_text(doc[5:])
    if not doc.startswith(("seed:", "pd1998:")):
        doc = "pd1998:" + doc
    return goldlib.doc_text(doc)


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def iso(value: str | None) -> str | None:
    if value in (None, "-", ""):
        return None
    return dt.date.fromisoformat(value).isoformat()


RANGE = re.compile(r"(.+?)(?:—|－|-|~|～|至|到)(.+)")


def derive(span: str) -> dict:
    """value/unit/approx from a span (goldlib.derive), with ranges `１０—１５分钟` split.

    The PD1998 middle dot between digits is a decimal point: `４３·８亿多元` -> 4380000000 元, over.
    """
    span = re.sub(r"(?<=[0-9０-９])·(?=[0-9０-９])", "．", span)
    m = RANGE.fullmatch(span)
    if m and re.search(r"[0-9０-９一二三四五六七八九十]", m.group(1)):
        hi = goldlib.derive(m.group(2))
        lo_text = m.group(1)
        try:
            lo = goldlib.derive(lo_text)["value"]
        except ValueError:
            lo = goldlib.derive(lo_text + hi["unit"])["value"]
        return {"value": lo, "value_max": hi["value"], "unit": hi["unit"], "approx": hi["approx"]}
    return goldlib.derive(span)
