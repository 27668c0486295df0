"""When two statements' periods are one window of counting.

The metrics stage resolves 今年 to the whole calendar year (Jan 1 to Dec 31) and 今年以来 to the
publication day; 今年1至11月 and 截至11月底 stop at Nov 30. In a report published on Dec 9,
the headline's 今年 cannot count past the publication day: it is the same window as the body's
今年以来 or 今年1至11月, the year's count so far. So two resolved windows are one when they are
equal, or start on the same day and

- one is open-ended (…以来, or any window read to the publication day: 今年已), whatever the
  other's end; or
- one is the **open year** (the whole calendar year of publication, not over when the report
  appeared) and the other stops **to date**: at the publication day or after the end of the
  month before it (Nov 30 for a report of Dec 9; not 上半年, not 1至10月 in December); or
- one is a loose window (近三年) that covers the other but for a tenth of the longer.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..lexicon import DATA_DIR, alternation, read_tagged

_EARLIER = read_tagged(DATA_DIR / "facts_earlier_years.txt")
# 去年, 上年, 前年: a year before the report's; with 同期, any word of an earlier count
EARLIER_YEAR = alternation(_EARLIER.get("", []))
BASE_WORD = alternation(_EARLIER.get("base", []))
EARLIER_WORD = alternation(_EARLIER.get("", []) + _EARLIER.get("base", []))
_PAST = re.compile(f"({EARLIER_WORD})")


def as_date(value) -> date | None:
    """A date from a date, a datetime or an ISO string (None when there is none)."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value if type(value) is date else date(value.year, value.month, value.day)
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def window(row: dict) -> tuple[date | None, date | None]:
    """A row's resolved (period_start, period_end)."""
    return as_date(row.get("period_start")), as_date(row.get("period_end"))


def open_year(span: tuple, published) -> bool:
    """The whole calendar year of publication, not over on the publication day: 今年
    (2025-01-01..2025-12-31) in a report of 2025-12-09; not 2024 in that report, not 2025 in a
    report of 2025-12-31."""
    start, end = span
    day = as_date(published)
    return bool(start and end and day and start == date(day.year, 1, 1)
                and end == date(day.year, 12, 31) and day < end)


def to_date(span: tuple, published) -> bool:
    """Stops at the publication day or after the end of the month before it: 今年以来
    (to 2025-12-09), 今年1至11月 / 截至11月底 (to 2025-11-30) in a report of 2025-12-09;
    not 1至10月, not 上半年."""
    end, day = span[1], as_date(published)
    if not (end and day):
        return False
    return day.replace(day=1) - timedelta(days=1) <= end <= day


def year_so_far(span: tuple, published) -> bool:
    """The publication year counted so far: from Jan 1 of that year, the open year or a window
    to date (今年, 今年1至11月, 今年以来 in a report of 2025-12-09); not 1至10月 there."""
    start, day = as_date(span[0]), as_date(published)
    span = (start, as_date(span[1]))
    return bool(start and day and start == date(day.year, 1, 1)
                and (open_year(span, published) or to_date(span, published)))


def _to_the_day(span: tuple, published) -> bool:
    """Open-ended like …以来: the window stops on the publication day itself (今年已破案近900起,
    read to the day of a report of Dec 20)."""
    day = as_date(published)
    return bool(day and span[1] == day)


def _loosely_equal(a: tuple, b: tuple) -> bool:
    """Two windows that cover each other but for a tenth of the longer: 近三年 counted back from
    the publication day and 2021年1月至2023年11月 in one report."""
    shared = (min(a[1], b[1]) - max(a[0], b[0])).days
    longest = max((a[1] - a[0]).days, (b[1] - b[0]).days, 1)
    return shared >= 0.9 * longest


def same_window(a: dict, b: dict, published=None) -> bool:
    """True when the two rows' resolved periods are one window (see the module): equal; or
    from the same start, one open-ended (今年以来 / 今年1至10月), or the open year and the other
    to date (今年 / 今年1至11月 in a report of Dec 9), or a loose one (近三年) that nearly covers
    the other. False when either is unresolved."""
    pa, pb = window(a), window(b)
    if not (all(pa) and all(pb)):
        return False
    if pa == pb:
        return True
    words = (a.get("period") or "") + (b.get("period") or "")
    if "近" in words and _loosely_equal(pa, pb):
        return True
    if pa[0] != pb[0]:
        return False
    if "以来" in words or _to_the_day(pa, published) or _to_the_day(pb, published):
        return True
    return (open_year(pa, published) and to_date(pb, published)
            or open_year(pb, published) and to_date(pa, published))


def periods_agree(a: dict, b: dict, published=None) -> bool:
    """Two statements may state one statistic: their periods are one window (``same_window``)
    or not both resolved; 去年 never agrees with 今年."""
    pa, pb = window(a), window(b)
    if all(pa) and all(pb) and not same_window(a, b, published):
        return False
    return bool(_PAST.search(a.get("period") or "")) == bool(_PAST.search(b.get("period") or ""))
