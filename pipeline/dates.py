"""Dates: the date grammar of the entity stage (calendar and relative dates, normalised to ISO
days or ranges) and the period phrases of the metrics stage, read against the publication
date."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta


_NUM = r"[0-9０-９]"
def _year(n: int) -> str:
    return rf"(?P<y{n}>{_NUM}{{4}}|[〇零一二三四五六七八九]{{4}})年"


def _rely(n: int) -> str:
    return rf"(?P<ry{n}>今年|去年|前年|明年|当年|上年)"


_MONTH = (rf"(?:(?P<m0>{_NUM}{{1,2}}|十[一二]?|[一二三四五六七八九])(?:月)?(?:至|到|—|-|～|~))?"
          rf"(?P<m>{_NUM}{{1,2}}|十[一二]?|[一二三四五六七八九])月(?:份)?")
_TOD = r"(?:上午|下午|晚上|晚间|凌晨|早上|中午|傍晚|夜间|深夜)"
_DAY = rf"(?P<d>{_NUM}{{1,2}}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]{_TOD}?"
_PART = r"(?P<part>上旬|中旬|下旬|初|中|底|末)"
_HALF = (r"(?P<half>上半年|下半年|前三季度|第一季度|第二季度|第三季度|第四季度|一季度|二季度"
         r"|三季度|四季度|年初|年底|年末|年中)")
# 7月27日, 今年10月下旬, 2021年上半年, 2019年以来, 今年以来, 17日, 近日.
DATE_PATTERN = (
    rf"(?:{_year(1)}|{_rely(1)})?(?<![0-9０-９])(?:{_MONTH}(?:{_DAY}|{_PART})?)(?P<since1>以来)?"
    rf"|(?:(?P<y0>{_NUM}{{4}})年?(?:至|到|—|-|～|~))?(?:{_year(2)}|{_rely(2)}){_HALF}?(?:(?P<since2>以来)|间)?"
    rf"|(?<![0-9０-９月])(?P<dd>{_NUM}{{1,2}})日(?![益常]){_TOD}?"
)


# Every character a DATE_PATTERN match can start with: a digit or Chinese numeral (year,
# month, day), a relative year (今年 去年 前年 明年 当年 上年). Keep in step with the pattern.
DATE_FIRST = "0123456789０１２３４５６７８９〇零一二三四五六七八九十今去前明当上"


_BARE_DAY = re.compile(r"([0-9０-９]{1,2})日")


def anchor_day(text: str, normalized: str | None, anchor: date | None,
                published: date | None) -> tuple[str | None, date | None]:
    """Return the DATE's normalized value and the new anchor day.

    A bare day (17日下午) belongs to the month last named in the article (6月13日 … 17日 →
    06-17), not to the publication month; a named day becomes the new anchor.
    """
    m = _BARE_DAY.match(text)
    if m and anchor is not None:
        day = cn_int(m.group(1))
        year, month = anchor.year, anchor.month
        if day < anchor.day:  # 30日 … 2日: the next month
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        try:
            moved = date(year, month, day)
        except ValueError:
            return normalized, anchor
        if published is None or moved <= published:
            return moved.isoformat(), moved
        return normalized, anchor
    if normalized and "/" not in normalized:
        try:
            return normalized, date.fromisoformat(normalized)
        except ValueError:
            pass
    return normalized, anchor


def cn_int(text: str) -> int:
    """Return the integer written with Arabic or simple Chinese numerals (十二, 二十七, 〇七)."""
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")}
    digits["零"] = 0
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
    return int("".join(str(digits[c]) for c in text))


def normalize_date(m: re.Match, published: date | None) -> str | None:
    """Return the ISO date or range of a DATE match (``YYYY-MM-DD`` or ``start/end``), or None."""
    g = {k.rstrip("12"): v for k, v in m.groupdict().items() if v}
    try:
        if g.get("vague") or g.get("holiday"):
            return None
        year = None
        if g.get("y"):
            year = cn_int(g["y"])
        elif g.get("ry"):
            if published is None:
                return None
            year = published.year + {"今年": 0, "当年": 0, "去年": -1, "上年": -1, "前年": -2,
                                     "明年": 1}[g["ry"]]
        if g.get("dd"):
            if published is None:
                return None
            day = cn_int(g["dd"])
            y, mo = published.year, published.month
            if day > published.day:  # "17日" written after the 17th of last month
                mo -= 1
                if mo == 0:
                    y, mo = y - 1, 12
            return date(y, mo, day).isoformat()
        if g.get("m"):
            month = cn_int(g["m"])
            if year is None:
                if published is None:
                    return None
                year = published.year if month <= published.month else published.year - 1
            last = calendar.monthrange(year, month)[1]
            if g.get("d"):
                start = end = date(year, month, cn_int(g["d"]))
            elif g.get("part"):
                lo, hi = {"上旬": (1, 10), "初": (1, 10), "中旬": (11, 20), "中": (11, 20),
                          "下旬": (21, last), "底": (21, last), "末": (21, last)}[g["part"]]
                start, end = date(year, month, lo), date(year, month, hi)
            else:
                first = cn_int(g["m0"]) if g.get("m0") else month  # 1至4月
                start, end = date(year, first, 1), date(year, month, last)
        elif year is not None:
            lo, hi = {None: (1, 12), "上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9),
                      "第一季度": (1, 3), "一季度": (1, 3), "第二季度": (4, 6), "二季度": (4, 6),
                      "第三季度": (7, 9), "三季度": (7, 9), "第四季度": (10, 12), "四季度": (10, 12),
                      "年初": (1, 3), "年中": (6, 7), "年底": (10, 12), "年末": (10, 12)}[g.get("half")]
            start = date(cn_int(g["y0"]) if g.get("y0") else year, lo, 1)  # 2020年至2022年
            end = date(year, hi, calendar.monthrange(year, hi)[1])
        else:
            return None
        if g.get("since"):
            if published is None or published < start:
                return None
            end = published
        if start == end:
            return start.isoformat()
        return f"{start.isoformat()}/{end.isoformat()}"
    except (ValueError, KeyError):
        return None


def period_dates(period: str, published: date | None) -> tuple[date | None, date | None]:
    """Return (start, end) of a period phrase given the publication date, when knowable."""
    year = published.year if published else None
    explicit = re.search(r"(\d{4})年", period)
    if explicit:
        year = int(explicit.group(1))
    elif "去年" in period and year:
        year -= 1
    if year is None:
        return None, None
    try:
        until = re.search(r"截至(?:\d{4}年|今年|去年)?(\d{1,2})月(?:(\d{1,2})日|底|末)?", period)
        if until:
            month = int(until.group(1))
            day = int(until.group(2)) if until.group(2) else month_end(year, month).day
            return None, date(year, month, day)
        if "截至" in period and published:
            return None, published
        since = re.search(r"自(?:\d{4}年|今年|去年)?(\d{1,2})月(\d{1,2})日", period)
        if since:
            return date(year, int(since.group(1)), int(since.group(2))), published
        if "上半年" in period:
            return date(year, 1, 1), date(year, 6, 30)
        if "下半年" in period:
            return date(year, 7, 1), date(year, 12, 31)
        if "前三季度" in period:
            return date(year, 1, 1), date(year, 9, 30)
        months = re.search(r"(\d{1,2})(?:月份?)?[至到—－~～-](\d{1,2})月", period)
        if months:
            return (date(year, int(months.group(1)), 1),
                    month_end(year, int(months.group(2))))
        if "以来" in period and ("今年" in period or "去年" in period or explicit):
            return date(year, 1, 1), published
        if re.fullmatch(r"(?:\d{4}年|去年|今年)(?:全年)?", period):
            return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None, None
    return None, None


def month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)
