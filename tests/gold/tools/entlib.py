"""Helpers for the entity dev gold (independent of pipeline/stages/entities).

Markup used by the annotator (kept outside the repo for PD1998, since it quotes corpus text;
the written pages keep theirs in tests/gold/entity_pages/*.ann):
    [[span|LABEL]]              normalized derived by the rules below (GPE, DATE, CRIME)
    [[span|LABEL|normalized]]   normalized given by hand; "-" means null
Removing the markup must give the document text exactly.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
DATA = REPO / "pipeline" / "data"
PD = Path("/work/shared/corpora/pd1998/199801.utf8.txt")
LABELS = ("PERSON", "ORG", "GPE", "LOC", "DATE", "LAW", "CRIME")
MARK = re.compile(r"\[\[([^\[\]|]+)\|([A-Z]+)(?:\|([^\[\]]*))?\]\]")


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def pd_texts() -> dict[str, str]:
    sys.path.insert(0, str(REPO))
    from pipeline.evaluation.corpora import read_pd1998
    return {p.para_id: p.text for p in read_pd1998(PD)}


def parse_markup(marked: str) -> tuple[str, list[tuple[int, int, str, str | None, bool]]]:
    """Return (plain text, [(start, end, label, normalized, given)]) from annotated text."""
    out, spans, pos, last = [], [], 0, 0
    for m in MARK.finditer(marked):
        out.append(marked[last:m.start()])
        pos += m.start() - last
        span, label, norm = m.group(1), m.group(2), m.group(3)
        if label not in LABELS:
            raise ValueError(f"bad label {label!r} in {m.group(0)}")
        given = norm is not None
        spans.append((pos, pos + len(span), label, None if norm in (None, "-") else norm, given))
        out.append(span)
        pos += len(span)
        last = m.end()
    out.append(marked[last:])
    return "".join(out), spans


# ---------------------------------------------------------------- gazetteer
@lru_cache(maxsize=1)
def divisions() -> list[tuple[str, str, str, str, str]]:
    rows = []
    for line in (DATA / "gazetteer_cn_divisions.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, name, level, full, short = (line.split("\t") + [""])[:5]
        rows.append((code, name, level, full, short))
    return rows


@lru_cache(maxsize=1)
def full_names() -> set[str]:
    return {r[3] for r in divisions()}


@lru_cache(maxsize=1)
def countries() -> set[str]:
    return {l.strip() for l in (DATA / "gazetteer_countries.txt").read_text(encoding="utf-8").splitlines()
            if l.strip() and not l.startswith("#")}


def gpe_candidates(span: str) -> list[str]:
    """Full names of the divisions called ``span`` (full name, name or short form)."""
    out = []
    for code, name, level, full, short in divisions():
        if span in (name, short, full):
            if full not in out:
                out.append(full)
    # a province and its same-name capital city (北京市 province/city): keep the shorter
    if len(out) > 1 and len({o for o in out}) == 1:
        out = out[:1]
    return out


def resolve_gpe(span: str, context: list[str]) -> str | None:
    """The full name for a GPE span, preferring divisions inside the places of ``context``.

    ``context``: full names already resolved in the same document (the article's province and
    city come first). ``海淀`` → ``北京市海淀区``; ``朝阳`` in a Beijing article → ``北京市朝阳区``.
    """
    if span in countries():
        return span
    cands = gpe_candidates(span)
    if len(cands) == 1:
        return cands[0]
    if not cands:
        return None
    context = list(context) + [f for f in sorted(full_names(), key=len)
                               if any(c.startswith(f) and c != f for c in context)]
    for ctx in context:
        if ctx in cands:  # the article's own city: 长沙 in a 长沙市 article is not 长沙县
            return ctx
    for ctx in context:
        inside = [c for c in cands if c.startswith(ctx) and c != ctx]
        if len(inside) == 1:
            return inside[0]
    provinces = [c for c in cands if c in _province_names()]
    if len(provinces) == 1:  # 河南 → 河南省 rather than 河南蒙古族自治县
        return provinces[0]
    cities = [c for c in cands if c in _city_names()]
    if len(cities) == 1:  # 长沙 → 长沙市 rather than 长沙县 (without context)
        return cities[0]
    # a province-level name: 北京 → 北京市 (province and city rows share the full name)
    short = sorted(cands, key=len)
    if len(short[0]) <= 4 and all(c.startswith(short[0]) for c in cands):
        return short[0]
    return None


@lru_cache(maxsize=1)
def _province_names() -> set[str]:
    return {r[3] for r in divisions() if r[2] == "province"}


@lru_cache(maxsize=1)
def _city_names() -> set[str]:
    return {r[3] for r in divisions() if r[2] == "city"}


def is_province(full: str) -> bool:
    return full in _province_names()


def is_county(full: str) -> bool:
    return any(r[3] == full and r[2] == "county" for r in divisions())


def gpe_norm_ok(norm: str) -> bool:
    """A GPE normalized value is a division, a country, or a division + a town/village/zone."""
    if norm in full_names() or norm in countries():
        return True
    return any(norm.startswith(f) and len(norm) > len(f) for f in full_names() if len(f) >= 3)


# ---------------------------------------------------------------- dates
FW = str.maketrans("０１２３４５６７８９", "0123456789")
CN = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
      "七": 7, "八": 8, "九": 9}


def _num(s: str) -> int:
    s = s.translate(FW)
    if s.isdigit():
        return int(s)
    if all(c in CN for c in s) and len(s) >= 3:  # 一九九七
        return int("".join(str(CN[c]) for c in s))
    total, cur = 0, 0
    for c in s:
        if c == "十":
            total += (cur or 1) * 10
            cur = 0
        elif c in CN:
            cur = CN[c]
        else:
            raise ValueError(s)
    return total + cur


def _month_end(y: int, m: int) -> int:
    return ((dt.date(y + (m == 12), m % 12 + 1, 1)) - dt.timedelta(days=1)).day


NUM = r"[0-9０-９〇○零一二两三四五六七八九十]+"
REL_YEAR = {"今年": 0, "去年": -1, "前年": -2, "明年": 1, "本年": 0, "上年": -1}
REL_DAY = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "明天": 1, "明日": 1}
TOD = r"(?:上午|下午|中午|晚上|晚|早上|早晨|凌晨|夜间|夜|深夜|傍晚|清晨|午|许)*(?:" + NUM + r"[时点](?:" + NUM + r"分)?许?)?"


def _point(text: str, pub: dt.date, default_year: int | None = None):
    """Return (start, end) dates for one date expression, or None when vague."""
    t = text
    year = None
    m = re.match(r"^(" + "|".join(REL_YEAR) + ")", t)
    if m:
        year, t = pub.year + REL_YEAR[m.group(1)], t[m.end():]
    m = re.match(r"^(" + NUM + r")年", t)
    if m and year is None:
        year, t = _num(m.group(1)), t[m.end():]
    if year is None and default_year is not None:
        year = default_year
    m = re.match(r"^(" + "|".join(REL_DAY) + r")" + TOD + "$", t)
    if m:
        d = pub + dt.timedelta(days=REL_DAY[m.group(1)])
        return d, d
    month = None
    m = re.match(r"^(" + NUM + r")月份?", t)
    if m:
        month, t = _num(m.group(1)), t[m.end():]
    m = re.match(r"^(" + NUM + r")[日号]" + TOD + "$", t)
    if m:
        day = _num(m.group(1))
        if month is None:
            month, yy = pub.month, pub.year
            if day > pub.day:
                month -= 1
                if month == 0:
                    month, yy = 12, yy - 1
            year = year or yy
        if year is None:
            year = pub.year if month <= pub.month else pub.year - 1
        d = dt.date(year, month, day)
        return d, d
    if month is not None:
        if year is None:
            year = pub.year if month <= pub.month else pub.year - 1
        for word, (a, b) in {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, None), "": (1, None)}.items():
            if t == word:
                return dt.date(year, month, a), dt.date(year, month, b or _month_end(year, month))
        return None
    if year is not None:
        parts = {"": (1, 12), "度": (1, 12), "上半年": (1, 6), "下半年": (7, 12),
                 "第一季度": (1, 3), "一季度": (1, 3), "第二季度": (4, 6), "二季度": (4, 6),
                 "第三季度": (7, 9), "三季度": (7, 9), "第四季度": (10, 12), "四季度": (10, 12),
                 "全年": (1, 12)}
        if t in parts:
            a, b = parts[t]
            return dt.date(year, a, 1), dt.date(year, b, _month_end(year, b))
    return None


def normalize_date(text: str, pub: dt.date | None) -> str | None:
    """ISO date or start/end range for a DATE span, None when vague or unanchored.

    ``3月5日至4月20日`` → ``Y-03-05/Y-04-20``; ``6月1日至15日`` → ``Y-06-01/Y-06-15``;
    ``今年以来`` → ``Y-01-01/<pub>``; ``今日`` → pub; ``1997年`` → ``1997-01-01/1997-12-31``.
    """
    if pub is None:
        return None
    t = text.translate(FW).replace("截至", "").replace("截止", "")
    t = re.sub(r"(?<=\d)年(?=\d)", "年", t)
    if t in ("目前", "现在"):
        return pub.isoformat()
    if t.endswith("以来"):
        p = _point(t[:-2], pub)
        return f"{p[0].isoformat()}/{pub.isoformat()}" if p else None
    m = re.match(r"^(.+?)(?:至|到|—|－|-|~|～)(.+)$", t)
    if m:
        a = _point(m.group(1), pub)
        if a:
            right = m.group(2)  # inherits year/month from the left: 6月1日至15日, 3月至5月
            if re.fullmatch(NUM + r"[日号]" + TOD, right):
                b = _point(f"{a[0].year}年{a[0].month}月{right}", pub)
            else:
                b = _point(right, pub, default_year=a[0].year)
            if b:
                return f"{a[0].isoformat()}/{b[1].isoformat()}"
        return None
    m = re.match(r"^(" + NUM + r")年代$", t)
    if m:
        y = _num(m.group(1))
        y = y + 1900 if y < 100 else y
        return f"{y}-01-01/{y + 9}-12-31"
    p = _point(t, pub)
    if p is None:
        return None
    return p[0].isoformat() if p[0] == p[1] else f"{p[0].isoformat()}/{p[1].isoformat()}"


def normalize_crime(text: str) -> str:
    return text[:-1] if text.endswith("罪") and len(text) > 2 else text
