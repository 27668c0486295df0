"""DATE rules: the date grammar of ``pipeline.dates`` plus relative words and holidays.

7月27日, 今年10月下旬, 2021年上半年, 今年以来, 17日下午 (normalised against the publication
date), 近日, 几年前 (tagged, not normalised), 国庆期间. Word list: ``entity_date_words.txt``.
"""

from __future__ import annotations

import re
import calendar
from datetime import date
from pathlib import Path

from ...dates import DATE_FIRST, DATE_PATTERN, calendar_range, cn_int, normalize_date
from ...lexicon import read_tagged, trie_pattern
from .candidate import SURE, Candidate

HOLIDAY_AFTER = r"(?:期间|假期|长假|前后|前夕)"  # 国庆 + 期间
# A range that starts now and ends at a written date (issue 15: one DATE).
OPEN_START = re.compile("(?:当前|目前|即日起|即日|今起|从现在起?)(?:至|到)$")
# What joins the two ends of a range: 3月5日至4月20日, 6月1日至15日.
RANGE_JOINERS = ("至", "到", "—", "-", "～", "~")
# A clock time written right after a day: 3月12日14时许, 当日15时30分左右.
_TIME_OF_DAY = "(?:上午|下午|晚上|晚间|凌晨|早上|中午|傍晚|夜间|深夜|清晨|晚|早|夜)"
_CLOCK_NUMBER = "(?:[0-9０-９]{1,2}|[一二]?十[一二]?|[一二三四五六七八九十])"
CLOCK_AFTER = re.compile(f"{_TIME_OF_DAY}?{_CLOCK_NUMBER}(?:时|点)(?:[0-9０-９]{{1,2}}分|半)?"
                         f"(?:许|左右|多)?|{_TIME_OF_DAY}")
# What may follow a year in the same DATE: 1996年底, 2024年度, 去年夏天, 前年秋季.
# The minutes of a web timestamp glued to the date that opens the next line (10:30 + 2月2日…,
# the line break lost in cleaning): masked (same length) so the date after them is found.
CLOCK_GLUED = re.compile("(?<=[0-9]:)[0-9]{2}(?=[0-9０-９])")
# 本月 before a bare day (本月9日至12日): the grammar reads 月9日 as no day of its own.
THIS_MONTH_DAY = re.compile("本月(?=[0-9０-９]{1,2}[日号])")
# A year of the Republic calendar (Taiwan pages): 民國114年 is 2025年.
ROC_YEAR = re.compile("民[国國]([0-9]{2,3})年")
YEAR_TAIL = re.compile("度|底|初|末|(?:春|夏|秋|冬)(?:季|天)|中(?=起|以来|开始|前后|[，,。；])")
# What makes a year no date: a statute's year label (1997年刑法), a comparison base
# (较上年同期).
YEAR_LABEL_AFTER = ("刑法", "宪法", "刑事诉讼法", "民法", "版")
# Hong Kong, Macao and Taiwan news write the day in brackets (issue 15): 今日（12日）, 昨日（11日）,
# 今（8）日 are ONE DATE, the day of the publication month (of the month before when later).
# The month may be written in the brackets too: 昨日（3月14日） is one DATE, that day.
BRACKET_DAY = re.compile(r"(?:[今昨前][日天][（(](?:(?P<m>[0-9０-９]{1,2})月)?(?P<d>[0-9０-９]{1,2})日[）)]"
                         r"|[今昨前][（(](?P<d2>[0-9０-９]{1,2})[）)]日)")
# Tomorrow as news writes it (issue 15): 明日 after 于 or before what a day is followed by
# (明日在西九龙裁判法院提堂, 明日起, 将于明日, 明日上午); not 光明日报, 明日之星, “明日世界”.
TOMORROW = re.compile(r"(?<!光)明日(?:[（(](?P<d>[0-9０-９]{1,2})日[）)]"
                      r"|(?=起|将|在|举行|开始|上午|下午|晚|凌晨|早|中午|零时|[0-9０-９]))"
                      r"|(?<=于)明日")
# The first months or quarters of a year written after it: 今年首十个月, 今年首三季, 2025年首季,
# 今年前两个月, 今年前10个月.
YEAR_PART = re.compile("首(?:(?P<n>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})个?月"
                       "|(?P<q>[一二三])?季(?:度)?)"
                       "|前(?P<m>[0-9０-９]{1,2}个?|[一两二三四五六七八九十]{1,2}个)月")
# A part of a year written without its year: 前三季度, 第四季, 首季度 (the last such part begun
# by the publication date).
BARE_PART = re.compile("(?<![年0-9０-９])(?:前三季度|第(?P<q>[一二三四])季(?:度)?"
                       "|首(?P<fq>[一二三])?季(?:度)?)")
# The first months of a year written without it, at the start of a clause or after a
# headline's colon: 前8个月全国…, ，前两个月共… (not 案发前两个月: a time before an event).
BARE_MONTHS = re.compile("(?:^|(?<=[，。；：:、 　\n]))前(?P<m>[0-9０-９]{1,2}|[一两二三四五六七八九十]{1,2})个月"
                         "(?![内里后前中来以])")
# Years up to the publication date: 一年来, 近三年来, 两年来.
YEARS_SINCE = re.compile("(?<![0-9０-９一二三四五六七八九十几多])近?(?P<n>[二三四五六七八九]?十[一二三四五六七八九]?"
                         "|[一两二三四五六七八九])年来")
# A web page's timestamp: 2025-06-03 09:12 (the day is the DATE's value).
TIMESTAMP = re.compile(r"(?<![0-9])(20[0-9]{2}|19[0-9]{2})-([01]?[0-9])-([0-3]?[0-9])"
                       r"(?:[ T]{1,2}[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?)?")
# Words that are today's date: 今日 → the publication date.
TODAY = ("今日", "今天")
# A bracketed document title after a year: (2021年自然资源领域…整治工作方案).
TITLE_AFTER_YEAR = re.compile(r"[^（）()《》，。；]{2,80}?(?=[）)》])")


class DateRules:
    """The DATE half of ``Rules`` (a mixin; reads ``law_title`` of the LAW rules)."""

    def _compile_dates(self, data_dir: Path) -> None:
        """Compile the DATE regex: the grammar, the relative words and the holidays."""
        words = read_tagged(data_dir / "entity_date_words.txt")
        plain = words.get("word", []) + words.get("", [])
        holidays = words.get("holiday", [])
        # The lookahead on the characters a DATE can start with spares the alternation at the
        # other positions (``re`` finds no such prefix by itself behind the optional groups).
        feasts = trie_pattern(holidays)  # two written together are one time: 国庆中秋假期
        first = "".join(sorted({w[0] for w in plain + holidays} | set(DATE_FIRST) | {"目"}))
        self.date_re = re.compile(
            f"(?=[{re.escape(first)}])(?:"
            + DATE_PATTERN
            + f"|(?P<vague>{trie_pattern(plain)}|(?<=截至)目前|(?<=截止)目前)"
            + f"|(?P<holiday>(?:{feasts})(?:[、和与]?(?:{feasts}))?{HOLIDAY_AFTER})"
            + ")"
        )
        # After a year the holiday alone is a time (2022年春节): the marker is optional there.
        self.holiday_re = re.compile(f"(?:{trie_pattern(holidays)}){HOLIDAY_AFTER}?")

    def date_candidates(self, text: str, published: date | None) -> list[Candidate]:
        """Return the dates of a sentence, normalised against the publication date."""
        found: list[tuple[re.Match, Candidate]] = []
        scan = CLOCK_GLUED.sub("::", text) if ":" in text else text
        if "本月" in scan:
            scan = THIS_MONTH_DAY.sub("本 ", scan)  # 本月 + 9日至12日: the bare days of this month
        if "民" in scan:
            scan = ROC_YEAR.sub(_western_year, scan)  # 民國114年 read as 2025年, same length
        for m in self.date_re.finditer(scan):
            if not m.group().strip() or (found and m.start() < found[-1][1].end):
                continue  # the holiday of 2022年春节 is inside the DATE already
            if m.group().endswith("年") and self._starts_a_title(text, m.start(), m.end()):
                continue  # (2021年自然资源领域…整治工作方案): the year is part of a title
            if m.group().endswith("年") and (text.startswith(YEAR_LABEL_AFTER, m.end()) or (
                    m.start() and text[m.start() - 1] in "较比") or _compared_with(text, m)):
                continue  # 1997年刑法, 较上年同期, 与去年同期相比: a label, a comparison base
            normalized = normalize_date(m, published)
            if m.group() in TODAY and published is not None:
                normalized = published.isoformat()  # 今日 in a page of 2025-03-14
            c = Candidate(m.start(), _date_end(text, m), "DATE", normalized, "rule:date", SURE)
            if c.start and scan[c.start - 1] == " " and ROC_YEAR.match(text, c.start - 1):
                c.start -= 1  # 民國114年: the span starts at 民
            if text.endswith(("同年", "本月"), 0, m.start()) and (
                    m.groupdict().get("m") or m.groupdict().get("dd")):
                c.start -= 2  # 同年7月, 本月8日: one DATE (同年's year is the article's)
                c.normalized = normalized if text[c.start] == "本" else None
            feast = self.holiday_re.match(text, m.end()) if m.group().endswith("年") else None
            if feast and c.end == m.end():
                c.end, c.normalized = feast.end(), None  # 2022年春节, 2024年中秋: one DATE
            if m.group().endswith("年") and c.end == m.end():
                _year_tail(text, m.end(), c)
            if found and self._joins_range(text, found[-1][0], m, published, found[-1][1], c):
                continue
            found.append((m, c))
        for _, c in found:  # 当前至明年2月底, 即日起至12月31日: one DATE from the publication day
            lead = OPEN_START.search(text, 0, c.start)
            if lead:
                c.start, c.normalized = lead.start(), None
        extra = _written_forms(text, published)
        kept = [c for _, c in found if not any(x.start < c.end and c.start < x.end for x in extra)]
        return kept + extra + _timestamps(text)

    def _joins_range(self, text: str, m1: re.Match, m2: re.Match, published: date | None,
                     first: Candidate, second: Candidate) -> bool:
        """Merge ``second`` into ``first`` when the two are the ends of one range and return
        True: 3月5日至4月20日, 6月1日至15日 (the month of the first end), 2024年9月至2025年1月
        are one DATE normalised to ``start/end``."""
        if text[first.end:m2.start()] in RANGE_JOINERS and first.end > m1.end() and \
                second.end > m2.end() and self.holiday_re.match(text, m1.end()) and \
                self.holiday_re.match(text, m2.end()):
            first.end, first.normalized = second.end, None  # 2022年春节至2024年中秋
            return True
        if text[first.end:m2.start()] not in RANGE_JOINERS or m1.end() != first.end:
            return False
        g1, g2 = m1.groupdict(), m2.groupdict()
        if not (g1.get("m") or g1.get("dd")) or not (g2.get("m") or g2.get("dd")):
            return False  # 2020年至2022年 is the grammar's own; words are not ends
        start = calendar_range(m1, published)
        first.end = second.end
        first.normalized = None
        if start is None:
            return True
        prefix = ""  # what the second end takes from the first: 6月1日至 + 15日 → 6月15日
        if g2.get("dd"):
            prefix = f"{start[0].year}年{start[0].month}月"
        elif not any(g2.get(k) for k in ("y1", "ry1")):
            prefix = f"{start[0].year}年"
        written = self.date_re.match(prefix + m2.group())
        end = calendar_range(written, published) if written else None
        if end is not None and end[1] >= start[0]:
            first.normalized = f"{start[0].isoformat()}/{end[1].isoformat()}"
        return True

    def _starts_a_title(self, text: str, start: int, end: int) -> bool:
        """Return True when a bare year opens a bracketed document title: (2021年…工作方案)."""
        if start == 0 or text[start - 1] not in "（(《":
            return False
        close = TITLE_AFTER_YEAR.match(text, end)
        return bool(close and self.law_title(close.group()))


def _compared_with(text: str, m: re.Match) -> bool:
    """Return True when the year ``m`` is the base of a comparison: 与去年同期相比, 和上年同期比,
    同2023年同期持平 (a period compared with, not a time of the report)."""
    return (m.start() > 0 and text[m.start() - 1] in "与和同跟"
            and text.startswith("同期", m.end()))


def _western_year(m: re.Match) -> str:
    """Return the Republic year ``m`` as a western year of the same length: 民國114年 →
    "␠2025年" (a space before it), 民國99年 → "2010年"."""
    year = f"{int(m.group(1)) + 1911}年"
    return " " * (len(m.group()) - len(year)) + year


def _year_tail(text: str, at: int, c: Candidate) -> None:
    """Extend the DATE of a year with what follows it: 1996年底, 去年夏天, 2024年中起 (not
    normalised), 2024年度, 今年首十个月, 今年首三季 (normalised to the months)."""
    part = YEAR_PART.match(text, at)
    if part:
        year = int(c.normalized[:4]) if c.normalized else None
        c.end = part.end()
        c.normalized = _first_months(year, _part_months(part)) if year else None
        return
    tail = YEAR_TAIL.match(text, at)
    if tail:
        c.end = tail.end()
        c.normalized = c.normalized if tail.group() == "度" else None


def _part_months(m: re.Match) -> int:
    """Return the last month of a year's first part: 首十个月 → 10, 前两个月 → 2, 首三季 → 9,
    首季 → 3."""
    g = m.groupdict()
    if g.get("n") or g.get("m"):
        return min(12, cn_int((g.get("n") or g["m"]).replace("两", "二").rstrip("个")))
    return 3 * cn_int(g.get("q") or g.get("fq") or "一")


def _first_months(year: int, months: int) -> str:
    """Return the range of the first ``months`` months of ``year``."""
    last = calendar.monthrange(year, months)[1]
    return f"{year}-01-01/{year}-{months:02d}-{last:02d}"


def _written_forms(text: str, published: date | None) -> list[Candidate]:
    """Return the DATEs outside the grammar (issue 15): 今日（12日）, 今（8）日, 前三季度, 第四季,
    一年来 (normalised against the publication date when there is one)."""
    out = []
    if "（" in text or "(" in text:
        for m in BRACKET_DAY.finditer(text):
            clock = CLOCK_AFTER.match(text, m.end())
            day = cn_int(m.group("d") or m.group("d2"))
            value = _month_day(cn_int(m.group("m")), day, published) if m.group("m") else \
                _day_before(day, published)
            out.append(Candidate(m.start(), clock.end() if clock else m.end(), "DATE",
                                 value, "rule:date", SURE))
    if "明日" in text:
        for m in TOMORROW.finditer(text):
            clock = CLOCK_AFTER.match(text, m.end())
            out.append(Candidate(m.start(), clock.end() if clock else m.end(), "DATE",
                                 _tomorrow(m, published), "rule:date", SURE))
    if "个月" in text:
        for m in BARE_MONTHS.finditer(text):
            out.append(Candidate(m.start(), m.end(), "DATE", _bare_part(m, published),
                                 "rule:date", SURE))
    if "季" in text:
        for m in BARE_PART.finditer(text):
            out.append(Candidate(m.start(), m.end(), "DATE", _bare_part(m, published),
                                 "rule:date", SURE))
    if "年来" in text:
        for m in YEARS_SINCE.finditer(text):
            n = cn_int(m.group("n").replace("两", "二"))
            value = None
            if published is not None:
                start = published.replace(year=published.year - n, day=min(published.day, 28)
                                          if published.month == 2 else published.day)
                value = f"{start.isoformat()}/{published.isoformat()}"
            out.append(Candidate(m.start(), m.end(), "DATE", value, "rule:date", SURE))
    return out


def _tomorrow(m: re.Match, published: date | None) -> str | None:
    """Return the ISO date of 明日: the day after the publication date, or the day written in
    brackets after it (明日（11日）)."""
    if published is None:
        return None
    if m.group("d"):
        return _day_after(cn_int(m.group("d")), published)
    return date.fromordinal(published.toordinal() + 1).isoformat()


def _day_after(day: int, published: date) -> str | None:
    """Return the ISO date of a day of the publication month, of the month after when the day
    is earlier than the publication date (明日（1日） published on the 31st)."""
    year, month = published.year, published.month
    if day < published.day:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _bare_part(m: re.Match, published: date | None) -> str | None:
    """Return the range of a part of a year written without its year: a quarter (第四季) in
    the last year where it has begun by the publication date, the first months (前三季度,
    首季) in the last year where they have ended (前三季度 published in January: last year's)."""
    if published is None:
        return None
    q = m.groupdict().get("q")
    if q:
        last = 3 * cn_int(q)
        year = published.year if published.month >= last - 2 else published.year - 1
        return f"{year}-{last - 2:02d}-01/" + _first_months(year, last).split("/")[1]
    last = 9 if m.group().startswith("前三季") else _part_months(m)
    year = published.year if published.month > last else published.year - 1
    return _first_months(year, last)


def _month_day(month: int, day: int, published: date | None) -> str | None:
    """Return the ISO date of a month and day written in brackets (昨日（3月14日）): in the
    publication year, the year before when that day is later than the publication date."""
    if published is None:
        return None
    year = published.year - 1 if (month, day) > (published.month, published.day) else published.year
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _day_before(day: int, published: date | None) -> str | None:
    """Return the ISO date of a day of the publication month, of the month before when the
    day is later than the publication date (昨日（30日） published on the 1st)."""
    if published is None:
        return None
    year, month = published.year, published.month
    if day > published.day:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _timestamps(text: str) -> list[Candidate]:
    """Return a web page's timestamps (2025-06-03 09:12) as DATEs of their day."""
    out = []
    if "-" not in text:
        return out
    for m in TIMESTAMP.finditer(text):
        try:
            day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        out.append(Candidate(m.start(), m.end(), "DATE", day.isoformat(), "rule:date", SURE))
    return out


def _date_end(text: str, m: re.Match) -> int:
    """Return the end of a DATE with the clock time written right after its day (3月12日14时许,
    今日上午), or with 度 after a year (2024年度)."""
    if not (m.groupdict().get("d") or m.groupdict().get("dd") or m.group() in TODAY
            or m.group() in ("当日", "当天", "次日", "同日", "昨日", "昨天", "当晚", "昨晚",
                             "今晚", "当夜")):
        return m.end()
    clock = CLOCK_AFTER.match(text, m.end())
    return clock.end() if clock else m.end()
