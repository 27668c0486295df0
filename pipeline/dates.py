"""Dates: one grammar of calendar and relative dates, read against the publication date.

The entity stage tags what ``DATE_PATTERN`` matches (7月27日, 今年10月下旬, 2021年上半年,
2019年以来, 17日下午) and writes ``normalize_date``'s ISO day or range; the metrics stage reads
its period phrases (截至10月31日, 今年1至8月, 前三季度) with ``period_dates``, which uses the same
grammar, widened by ``PERIOD_PATTERN`` to the phrases a period may be but a DATE entity is not
(a quarter without its year, 前10个月, 1996年底). Both go through ``calendar_range``: one reading
of years, months, days and parts of the year.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

import chinese_calendar
from lunardate import LunarDate

# --- the grammar, as named fragments ------------------------------------------------------------

_NUM = r"[0-9０-９]"  # an Arabic digit, half or full width
_UPTO = r"(?:至|到|—|-|～|~)"  # 1至4月, 2020年—2022年
_MONTH_NUMBER = rf"{_NUM}{{1,2}}|十[一二]?|[一二三四五六七八九]"  # 10, 十二, 九


def _year(n: int) -> str:
    """A written year, group ``y<n>``: 2021年, 二〇二一年."""
    return rf"(?P<y{n}>{_NUM}{{4}}|[〇零一二三四五六七八九]{{4}})年"


def _relative_year(n: int) -> str:
    """A year relative to the publication date, group ``ry<n>``: 今年, 去年, 前年."""
    return rf"(?P<ry{n}>今年|去年|前年|明年|当年|上年)"


# A month, or months (group m0 the first): 7月, 十月份, 1至4月, 3月—5月.
_MONTH = (rf"(?:(?P<m0>{_MONTH_NUMBER})(?:月)?{_UPTO})?"
          rf"(?P<m>{_MONTH_NUMBER})月(?:份)?")
# The time of day after a day, kept in the span: 17日下午.
_TOD = r"(?:上午|下午|晚上|晚间|凌晨|早上|中午|傍晚|夜间|深夜)"
# A day of the month: 27日, 二十七日, 8号.
_DAY = rf"(?P<d>{_NUM}{{1,2}}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]{_TOD}?"
# A part of a month: 10月下旬, 7月底.
_PART = r"(?P<part>上旬|中旬|下旬|初|中|底|末)"

# Parts of a year and their (first, last) month: 2021年上半年, 今年第一季度, 今年年底.
HALVES: dict[str, tuple[int, int]] = {
    "上半年": (1, 6), "下半年": (7, 12), "前三季度": (1, 9),
    "第一季度": (1, 3), "一季度": (1, 3), "第二季度": (4, 6), "二季度": (4, 6),
    "第三季度": (7, 9), "三季度": (7, 9), "第四季度": (10, 12), "四季度": (10, 12),
    "年初": (1, 3), "年中": (6, 7), "年底": (10, 12), "年末": (10, 12),
}
_HALF = (r"(?P<half>上半年|下半年|前三季度|第一季度|第二季度|第三季度|第四季度|一季度|二季度"
         r"|三季度|四季度|年初|年底|年末|年中)")
# The parts of a month (first day, last day; None: the month's last day).
_MONTH_PARTS: dict[str, tuple[int, int | None]] = {
    "上旬": (1, 10), "初": (1, 10), "中旬": (11, 20), "中": (11, 20),
    "下旬": (21, None), "底": (21, None), "末": (21, None),
}
_YEAR_OFFSETS = {"今年": 0, "当年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}


def _date_pattern(half: str) -> str:
    """Return the date grammar with ``half`` as the part of a year after a year."""
    return (
        # [year] month [day | part] [以来]: 7月27日, 今年10月下旬, 今年1至4月, 9月以来
        rf"(?:{_year(1)}|{_relative_year(1)})?(?<![0-9０-９])(?:{_MONTH}(?:{_DAY}|{_PART})?)"
        rf"(?P<since1>以来)?"
        # [year 至] year [part] [以来|间]: 2021年上半年, 2020年至2022年间, 今年以来
        rf"|(?:(?P<y0>{_NUM}{{4}})年?{_UPTO})?(?:{_year(2)}|{_relative_year(2)}){half}?"
        rf"(?:(?P<since2>以来)|间)?"
        # a bare day of the current month: 17日下午 (not 日益, 日常)
        rf"|(?<![0-9０-９月])(?P<dd>{_NUM}{{1,2}})日(?![益常]){_TOD}?"
    )


# The DATE entity: 7月27日, 今年10月下旬, 2021年上半年, 2019年以来, 今年以来, 17日.
DATE_PATTERN = _date_pattern(_HALF)

# Every character a DATE_PATTERN match can start with: a digit or Chinese numeral (year,
# month, day), a relative year (今年 去年 前年 明年 当年 上年). Keep in step with the pattern.
DATE_FIRST = "0123456789０１２３４５６７８９〇零一二三四五六七八九十今去前明当上"

# A period phrase of the metrics stage may also be a year's end without 年年 (1996年底), the
# first months of a year (今年前10个月) or a part of the year without its year (前三季度:
# the publication year).
_PERIOD_HALF = (r"(?P<half>上半年|下半年|前三季度|第一季度|第二季度|第三季度|第四季度|一季度"
                r"|二季度|三季度|四季度|年初|年底|年末|年中|底|末|初"
                rf"|前(?P<months>{_MONTH_NUMBER})个月)")
_PERIOD_HALVES = {**HALVES, "底": (10, 12), "末": (10, 12), "初": (1, 3)}
PERIOD_PATTERN = (_date_pattern(_PERIOD_HALF)
                  + r"|(?<![年0-9０-９])(?P<half1>上半年|下半年|前三季度|第?[一二三四]季度)")
_PERIOD_RE = re.compile(PERIOD_PATTERN)


# --- reading a match --------------------------------------------------------------------------

_BARE_DAY = re.compile(r"([0-9０-９]{1,2})日")


def cn_int(text: str) -> int:
    """Return the integer written with Arabic or simple Chinese numerals.

    >>> [cn_int(t) for t in ("12", "１２", "十二", "二十七", "〇七")]
    [12, 12, 12, 27, 7]
    """
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")}
    digits["零"] = 0
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
    return int("".join(str(digits[c]) for c in text))


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


def _groups(m: re.Match) -> dict[str, str]:
    """Return the match's groups that took part, numbered names merged (y1, y2 → y)."""
    return {k.rstrip("12"): v for k, v in m.groupdict().items() if v}


def _year_of(g: dict[str, str], published: date | None) -> int | None:
    """Return the year a match names (2021年, 二〇二一年) or implies (去年), or None."""
    if g.get("y"):
        return cn_int(g["y"])
    if g.get("ry") and published is not None:
        return published.year + _YEAR_OFFSETS[g["ry"]]
    return None


def _bare_day(day: int, published: date) -> date:
    """Return the day of a bare 17日: this month, or last month when it is still to come."""
    y, mo = published.year, published.month
    if day > published.day:  # "17日" written after the 17th of last month
        mo -= 1
        if mo == 0:
            y, mo = y - 1, 12
    return date(y, mo, day)


# The day a dispatch was filed, from its dateline: 新华社北京9月11日电, 本报讯…12日讯
_DISPATCH = re.compile(r"(?:(\d{1,2})月)?(\d{1,2})日(?:电|讯)")
# Days named relative to the day a report was written (resolved against its dateline)
RELATIVE_DAYS = frozenset({"今天", "今日", "昨天", "昨日"})


def dispatch_day(dateline: str | None, published: date | None) -> date | None:
    """Return the day a dateline says the dispatch was filed, its year (and month, when only the
    day is printed) read from the publication date: 新华社北京9月11日电 published 2025-09-12 ->
    2025-09-11; 本报台北31日电 published 1998-02-01 -> 1998-01-31. None when there is no such
    dateline or date."""
    found = _DISPATCH.search(dateline or "")
    if found is None or published is None:
        return None
    day = int(found.group(2))
    try:
        if found.group(1) is None:
            return _bare_day(day, published)
        filed = date(published.year, int(found.group(1)), day)
        return filed if filed <= published else date(published.year - 1, filed.month, day)
    except ValueError:  # 2月30日电: no such day
        return None


def _month_range(g: dict[str, str], year: int | None,
                 published: date | None) -> tuple[date, date] | None:
    """Return the days a month phrase covers: 7月27日, 10月下旬, 1至4月 (a month without its
    year is the last such month up to the publication date)."""
    month = cn_int(g["m"])
    if year is None:
        if published is None:
            return None
        year = published.year if month <= published.month else published.year - 1
    last = calendar.monthrange(year, month)[1]
    if g.get("d"):
        day = date(year, month, cn_int(g["d"]))
        return day, day
    if g.get("part"):
        lo, hi = _MONTH_PARTS[g["part"]]
        return date(year, month, lo), date(year, month, hi or last)
    first = cn_int(g["m0"]) if g.get("m0") else month  # 1至4月
    return date(year, first, 1), date(year, month, last)


def _year_range(g: dict[str, str], year: int) -> tuple[date, date]:
    """Return the days a year phrase covers: 2021年, 2021年上半年, 2020年至2022年, 前10个月."""
    if g.get("months"):
        lo, hi = 1, cn_int(g["months"])  # 前10个月
    else:
        lo, hi = _PERIOD_HALVES[g["half"]] if g.get("half") else (1, 12)
    start = date(cn_int(g["y0"]) if g.get("y0") else year, lo, 1)  # 2020年至2022年
    return start, date(year, hi, calendar.monthrange(year, hi)[1])


def calendar_range(m: re.Match, published: date | None) -> tuple[date, date] | None:
    """Return the first and last day a date or period match names, without reading 以来.

    ``published`` anchors relative years (去年), months without a year and bare days; None
    when the match needs it and it is unknown, or names no day (近日).
    """
    g = _groups(m)
    try:
        if g.get("vague") or g.get("holiday"):
            return None
        year = _year_of(g, published)
        if g.get("dd"):
            if published is None:
                return None
            day = _bare_day(cn_int(g["dd"]), published)
            return day, day
        if g.get("m"):
            return _month_range(g, year, published)
        if year is None and g.get("half") and published is not None:
            year = published.year  # 前三季度: this year; 第四季度 read in January: last year's
            if _year_range(g, year)[0] > published:
                year -= 1
        if year is not None:
            return _year_range(g, year)
    except (ValueError, KeyError):
        return None
    return None


def normalize_date(m: re.Match, published: date | None) -> str | None:
    """Return the ISO date or range of a DATE match (``YYYY-MM-DD`` or ``start/end``), or None.

    ``今年以来`` runs from the first of January to the publication date.
    """
    found = calendar_range(m, published)
    if found is None:
        return None
    start, end = found
    if m.groupdict().get("since1") or m.groupdict().get("since2"):
        if published is None or published < start:
            return None
        end = published
    if start == end:
        return start.isoformat()
    return f"{start.isoformat()}/{end.isoformat()}"


# --- periods of the metrics stage ------------------------------------------------------------

_UNTIL = ("截至", "截止")  # 截至10月31日: the end only
_TO = ("到", "至")  # 到8月底 (an end stated alone): the end only
_NOW = ("", "目前", "目前为止", "为止", "止")  # 截至目前: the publication date
_AFTER_DATE = ("", "份", "全年", "间")  # what may follow the date in a plain period
_SINCE = ("以来", "至今")  # 2019年以来, 2019年至今: up to the publication date
_SO_FAR = ("已", "已经", "累计")  # 今年已破获…: the year so far, as 今年以来


_ROC_YEAR = re.compile(r"民[國国](\d{2,3})年")  # a Republic of China year, as Taiwan writes it
ROC_YEAR_PHRASE = r"民[國国]\d{2,3}年"  # the metrics' period grammar reads it too


def _roc_year(m: re.Match) -> str:
    """民國115年 -> 2026年: the ROC era counts from 1912 (民國1年)."""
    return f"{int(m.group(1)) + 1911}年"


def period_dates(period: str, published: date | None) -> tuple[date | None, date | None]:
    """Return (start, end) of a metrics period phrase given the publication date, when knowable.

    The phrase is read with the DATE grammar (``PERIOD_PATTERN``); published 2021-11-02:

    - 截至10月31日 → (None, 2021-10-31); 截至7月底 → (None, 2021-07-31); 截至目前 → (None,
      2021-11-02): 截至 gives the end only, and so do 到8月 (→ 2021-08-31) and 至8月底;
    - 2018年以来, 2018年至今 → (2018-01-01, 2021-11-02); 自今年6月11日开展…以来 and
      该所自1995年成立以来: from the date the event is dated by;
    - 2021年第一季度 → (2021-01-01, 2021-03-31); 今年1至8月, 前三季度, 去年全年, 今年前10个月;
    - 目前 → (None, 2021-11-02): a level or a total up to now;
    - 今年已, 今年累计 → (2021-01-01, 2021-11-02): the year so far, as 今年以来;
    - 近年来 → (None, None): no calendar reading of the whole phrase.
    """
    text = _COUNT_MONTHS.sub(lambda m: f"前{_small_int(m.group(1))}个月", period.strip())
    text = _QUARTERS.sub(_quarters, text)  # 首三季 -> 前三季度, 第四季 -> 第四季度
    text = _BARE_YEAR.sub(r"\1年", text)  # 2023上半年: a year written without 年
    text = _ROC_YEAR.sub(_roc_year, text)  # 民國115年1至7月 -> 2026年1至7月
    if published is not None and _FIRST_MONTHS.fullmatch(text):  # 前8个月 with no year: the last such
        months = int(_FIRST_MONTHS.fullmatch(text).group(1))
        year = published.year if months < published.month else published.year - 1
        return (date(year, 1, 1), _month_end(year, months)) if 1 <= months <= 12 else (None, None)
    if text.startswith(_UNTIL):
        return _until(text[2:], published)
    if text.startswith(_TO) and len(text) > 2:  # 到8月, 至8月底: the end only, as 截至
        return _until(text[1:], published)
    if text in ("今天", "今日"):
        return published, published
    if text in ("昨天", "昨日") and published is not None:  # 昨日已将11名嫌犯移送: the day before
        return published - timedelta(days=1), published - timedelta(days=1)
    text = this_month(text, published)
    if text == "目前":  # 目前，全国已建立强制戒毒所690多所: a level up to now, no start
        return None, published
    if text.endswith("起") and len(text) > 2:  # 1997年8月份起: from then to the publication date
        start = period_dates(text[:-1], published)[0]
        return start, (published if start and published and published >= start else None)
    for reader in (_listed_years, _year_span, _day_span, _years_back, _months_back, holiday_range, _last_month, eve_day):
        found = reader(text, published)
        if found is not None:
            return found
    opened = _OPENED.search(text)  # 自…以来: a date, then the event it dates
    if opened:
        text = text[opened.end():]
    m = _PERIOD_RE.match(text)
    found = calendar_range(m, published) if m and m.group() else None
    if found is None:
        return None, None
    start, end = found
    rest = text[m.end():]
    if m.group("since1") or m.group("since2") or rest in _SINCE or rest.endswith("以来") or (
            rest in _SO_FAR and start == date(start.year, 1, 1) and end == date(start.year, 12, 31)):
        return start, (published if published and published >= start else None)
    if opened or rest not in _AFTER_DATE:
        return None, None
    return start, end


_OPENED = re.compile(r"自从?(?=[0-9０-９〇零一二三四五六七八九十今去前明当上])")


def _until(text: str, published: date | None) -> tuple[None, date | None]:
    """Return (None, end) of the phrase after 截至: 10月31日, 7月底, 去年; 目前 (or nothing
    dated) is the publication date."""
    m = _PERIOD_RE.match(text)
    if m is None or not m.group():
        return None, published
    found = calendar_range(m, published)
    if found is None or text[m.end():] not in _NOW:
        return None, None
    return None, found[1]


# --- spans, years back and holidays (issue 12) ------------------------------------------------

_FIRST_MONTHS = re.compile(r"前(\d{1,2})个月")  # 前8个月 without a year: the year's first months
_COUNT_MONTHS = re.compile(r"[前首]([一二两三四五六七八九十]{1,3}|\d{1,2})个?月")  # 今年前两个月, 首十个月, 前9月 -> 前10个月
_SMALL = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_LISTED_YEARS = re.compile(r"(\d{4})年?(?:[、和与及]\d{4}年?)*[、和与及](\d{4})年?(?:这|等)?[两二三四五六七八九十]年")
_YEAR_SPAN = re.compile(r"(?:从|自)?(\d{4})年(?:(\d{1,2})月份?)?[至到—－-](\d{4})年(?:(\d{1,2})月份?)?(?:间|期间|以来)?")
_DAY_SPAN = re.compile(r"(?:(今年|去年|\d{4})年?)?(\d{1,2})月(\d{1,2})[日号][至到—－-](?:(?:(\d{4})年)?(\d{1,2})月)?(\d{1,2})[日号](?:期间)?")
_YEARS_BACK = re.compile(r"(?:(?:近|最近|过去(?:的)?|这)?([一二两三四五六七八九十\d]{1,3})年(?:来|里|以来|间|中)"
                         r"|(?:近|最近|过去(?:的)?)([一二两三四五六七八九十\d]{1,3})年)")
_MONTHS_BACK = re.compile(r"(?:近|最近|过去(?:的)?|这)?(半年|半个月|[一二两三四五六七八九十\d]{1,3}个月)(?:来|里|以来)?")
_BARE_YEAR = re.compile(r"^(\d{4})(?=上半年|下半年|前三季度|第?[一二三四]季度)")
# 国庆中秋假期, 中秋、国庆假期: two festivals of one break (their days join, adjoining_holidays)
_FESTIVALS, _PAIRED = "春节|国庆|元旦|清明|五一|劳动节|端午|中秋", "国庆|中秋|元旦|春节"
FESTIVAL_PHRASE = f"(?:{_FESTIVALS})节?(?:[、和与及]?(?:{_PAIRED})节?)?"  # the metrics' period grammar reads it too
_HOLIDAY = re.compile(rf"(?:(\d{{4}})年|今年|去年)?({_FESTIVALS})(?:节)?(?:[、和与及]?({_PAIRED})(?:节)?)?"
                      r"(?:假期|长假|黄金周|小长假)?(?:期间|前后)?$")
HOLIDAYS = {"春节": chinese_calendar.Holiday.spring_festival, "国庆": chinese_calendar.Holiday.national_day,
            "元旦": chinese_calendar.Holiday.new_years_day, "清明": chinese_calendar.Holiday.tomb_sweeping_day,
            "五一": chinese_calendar.Holiday.labour_day, "劳动节": chinese_calendar.Holiday.labour_day,
            "端午": chinese_calendar.Holiday.dragon_boat_festival,
            "中秋": chinese_calendar.Holiday.mid_autumn_festival}


_QUARTERS = re.compile(r"([前首]|第)([一二两三四])季度?")
_FIRST_QUARTERS = {1: "第一季度", 2: "上半年", 3: "前三季度"}


def _quarters(m: re.Match) -> str:
    """首三季, 前三季 -> 前三季度; 首两季 -> 上半年; 第四季 -> 第四季度 (a Hong Kong and Macao form
    of the quarters)."""
    n = _small_int(m.group(2))
    if m.group(1) == "第":
        return f"第{m.group(2)}季度"
    return _FIRST_QUARTERS.get(n, m.group(0))


_THIS_MONTH = re.compile(r"本月(?=\d{1,2}[日号])")
_LAST_MONTH_DAYS = re.compile(r"上个?月(?=\d{1,2}[日号])")


def this_month(text: str, published: date | None) -> str:
    """本月12日至13日 -> 2026年7月12日至13日 (published 2026-07-15): 本月 is the publication date's
    month; 上月10日至13日 -> 2026年6月10日至13日, the month before; without a publication date the
    text is returned as it is."""
    if published is None or not text.startswith(("本月", "上月", "上个月")):
        return text
    if text.startswith("本月"):
        return _THIS_MONTH.sub(f"{published.year}年{published.month}月", text, count=1)
    last = published.replace(day=1) - timedelta(days=1)
    return _LAST_MONTH_DAYS.sub(f"{last.year}年{last.month}月", text, count=1)


def _last_month(text: str, published: date | None):
    """上月, 上个月 -> the month before the publication date's (published 2026-01-20: 2025-12-01..12-31)."""
    if text not in ("上月", "上个月") or published is None:
        return None
    last = published.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


_EVE = re.compile(r"(?:(\d{4})年|今年|去年)?(除夕夜?|大年三十|大年初一|正月初一)")


def eve_day(text: str, published: date | None):
    """除夕, 除夕夜, 大年三十 -> the day before 正月初一; 大年初一 -> 正月初一 (lunardate), of the
    Spring Festival last come before the publication date (published 2025-02-06: 除夕 2025-01-28)."""
    m = _EVE.fullmatch(text)
    if not m or (published is None and not m.group(1)):
        return None
    if m.group(1):
        new_year = LunarDate(int(m.group(1)), 1, 1).to_solar_date()
    else:
        year = published.year - text.startswith("去年")
        new_year = LunarDate(year, 1, 1).to_solar_date()
        if not text.startswith("去年") and new_year - timedelta(days=1) > published:
            new_year = LunarDate(year - 1, 1, 1).to_solar_date()
    day = new_year - timedelta(days=1) if m.group(2) in ("除夕", "除夕夜", "大年三十") else new_year
    return day, day


def _small_int(text: str) -> int:
    """两 -> 2, 十二 -> 12, 5 -> 5."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _SMALL.get(tens, 1) * 10 + _SMALL.get(ones, 0)
    return _SMALL.get(text, 0)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year_span(text: str, published: date | None):
    """1993年至1997年 -> 1993-01-01..1997-12-31; 1993年到1997年3月 -> ..1997-03-31 (one range)."""
    m = _YEAR_SPAN.fullmatch(text)
    if not m:
        return None
    y0, m0, y1, m1 = m.groups()
    try:
        return date(int(y0), int(m0 or 1), 1), _month_end(int(y1), int(m1 or 12))
    except ValueError:
        return None


def _listed_years(text: str, published: date | None):
    """1995、1996两年 -> 1995-01-01..1996-12-31: the years listed, counted after them."""
    m = _LISTED_YEARS.fullmatch(text)
    if not m or int(m.group(2)) < int(m.group(1)):
        return None
    return date(int(m.group(1)), 1, 1), date(int(m.group(2)), 12, 31)


def _day_span(text: str, published: date | None):
    """3月5日至4月20日 -> 03-05..04-20 of the publication year (the last year with 3月5日
    not after the publication date); 2023年12月1日至20日 -> 2023-12-01..2023-12-20;
    2025年11月1日至2026年1月15日 -> 2025-11-01..2026-01-15 (each end's own year)."""
    m = _DAY_SPAN.fullmatch(text)
    if not m:
        return None
    year_word, m0, d0, y1, m1, d1 = m.groups()
    m0, d0, d1 = int(m0), int(d0), int(d1)
    m1 = int(m1) if m1 else m0
    if year_word and year_word.isdigit():
        year = int(year_word)
    elif published is None:
        return None
    else:
        year = published.year - (year_word == "去年")
        if not year_word and (m0, d0) > (published.month, published.day):
            year -= 1
    last_year = int(y1) if y1 else year + (m1 < m0)
    try:
        first, last = date(year, m0, d0), date(last_year, m1, d1)
    except ValueError:
        return None
    return (first, last) if first <= last else None


def _years_back(text: str, published: date | None):
    """一年来, 5年来, 近两年, 五年里 -> (the publication date N years back, the publication date)."""
    m = _YEARS_BACK.fullmatch(text)
    if not m or published is None:
        return None
    n = _small_int(m.group(1) or m.group(2))
    if not 0 < n < 100:
        return None
    try:
        return published.replace(year=published.year - n), published
    except ValueError:  # 29 February
        return published.replace(year=published.year - n, day=28), published


def _months_back(text: str, published: date | None):
    """半年来, 近3个月, 三个月以来, 半个月来 -> (the publication date that many months back, the
    publication date); 半个月 is 15 days."""
    m = _MONTHS_BACK.fullmatch(text)
    if not m or published is None:
        return None
    if m.group(1) == "半个月":
        return published - timedelta(days=15), published
    months = 6 if m.group(1) == "半年" else _small_int(m.group(1)[:-2])
    if not 0 < months < 100:
        return None
    year, month = divmod(published.year * 12 + published.month - 1 - months, 12)
    day = min(published.day, calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day), published


def adjoining_holidays(first: date, last: date) -> tuple[date, date]:
    """Widen a festival's days over the statutory holidays that touch them: one break off work
    (2023: 中秋 on September 29, then 国庆 September 30 to October 6 -> 09-29..10-06)."""
    days = chinese_calendar.holidays
    while first - timedelta(days=1) in days:
        first -= timedelta(days=1)
    while last + timedelta(days=1) in days:
        last += timedelta(days=1)
    return first, last


def holiday_range(text: str, published: date | None):
    """春节期间, 国庆假期, 1998年春节期间 -> the statutory holiday of that year (chinese-calendar:
    2024 春节 2024-02-10..02-17); before its tables (1998), 春节 is 除夕 to 正月初六 (lunardate:
    1998-01-27..02-02) and 国庆 October 1 to 7. None for another phrase."""
    m = _HOLIDAY.search(text)  # 国庆假期期间; 全市公安机关国庆假期期间: the holiday ends the phrase
    if not m:
        return None
    year = int(m.group(1)) if m.group(1) else (published.year if published else None)
    if year is None:
        return None
    if m.group(0).startswith("去年"):
        year -= 1
    day = festival_day(m.group(2), year) if m.group(1) and not m.group(3) and m.group(0).rstrip("节").endswith(
        m.group(2).rstrip("节")) else None  # 1996年春节: the day, 1996年春节期间: the holiday
    if day is not None:
        return day, day
    spans = [_festival(name, year) for name in (m.group(2), m.group(3)) if name]
    if None in spans:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)  # 元旦、春节期间: Jan 1 to the Spring Festival's end


_LUNAR_DAYS = {"春节": (1, 1), "端午": (5, 5), "中秋": (8, 15)}
_SOLAR_DAYS = {"元旦": (1, 1), "国庆": (10, 1), "五一": (5, 1), "劳动节": (5, 1)}


def festival_day(name: str, year: int) -> date | None:
    """The day a festival named with its year falls on, the festival as a day (not its
    holiday): 1996年春节送上5万元 -> 正月初一 1996-02-19 (lunardate); 1997年国庆 -> 1997-10-01;
    None for 清明 (a solar term)."""
    if name in _LUNAR_DAYS:
        return LunarDate(year, *_LUNAR_DAYS[name]).to_solar_date()
    return date(year, *_SOLAR_DAYS[name]) if name in _SOLAR_DAYS else None


def _festival(name: str, year: int) -> tuple[date, date] | None:
    """The days of one festival's statutory break in ``year`` (see ``holiday_range``)."""
    days = [d for d, n in chinese_calendar.holidays.items() if d.year in (year, year + 1)
            and n == HOLIDAYS[name].value]
    if name == "春节":
        new_year = LunarDate(year, 1, 1).to_solar_date()
        days = [d for d in days if abs((d - new_year).days) < 10]
        if not days:
            return new_year - timedelta(days=1), new_year + timedelta(days=5)
    else:
        days = [d for d in days if d.year == year]
        if name == "元旦":  # 2023 has two: Jan 1-2 and, of 2024's, Dec 30-31
            days = [d for d in days if d.month == 1]
    if days:
        return adjoining_holidays(min(days), max(days))
    fixed = {"国庆": ((10, 1), (10, 7)), "元旦": ((1, 1), (1, 1)), "五一": ((5, 1), (5, 1)),
             "劳动节": ((5, 1), (5, 1))}.get(name)
    return (date(year, *fixed[0]), date(year, *fixed[1])) if fixed else None
