"""DATE rules: the date grammar of ``pipeline.dates`` plus relative words and holidays.

7月27日, 今年10月下旬, 2021年上半年, 今年以来, 17日下午 (normalised against the publication
date), 近日, 几年前 (tagged, not normalised), 国庆期间. Word list: ``entity_date_words.txt``.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ...dates import DATE_FIRST, DATE_PATTERN, calendar_range, normalize_date
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
YEAR_TAIL = re.compile("度|底|初|末|(?:春|夏|秋|冬)(?:季|天)")
# What makes a year no date: a statute's year label (1997年刑法), a comparison base
# (较上年同期).
YEAR_LABEL_AFTER = ("刑法", "宪法", "刑事诉讼法", "民法", "版")
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
        first = "".join(sorted({w[0] for w in plain + holidays} | set(DATE_FIRST) | {"目"}))
        self.date_re = re.compile(
            f"(?=[{re.escape(first)}])(?:"
            + DATE_PATTERN
            + f"|(?P<vague>{trie_pattern(plain)}|(?<=截至)目前|(?<=截止)目前)"
            + f"|(?P<holiday>(?:{trie_pattern(holidays)}){HOLIDAY_AFTER})"
            + ")"
        )
        # After a year the holiday alone is a time (2022年春节): the marker is optional there.
        self.holiday_re = re.compile(f"(?:{trie_pattern(holidays)}){HOLIDAY_AFTER}?")

    def date_candidates(self, text: str, published: date | None) -> list[Candidate]:
        """Return the dates of a sentence, normalised against the publication date."""
        found: list[tuple[re.Match, Candidate]] = []
        scan = CLOCK_GLUED.sub("::", text) if ":" in text else text
        for m in self.date_re.finditer(scan):
            if not m.group().strip() or (found and m.start() < found[-1][1].end):
                continue  # the holiday of 2022年春节 is inside the DATE already
            if m.group().endswith("年") and self._starts_a_title(text, m.start(), m.end()):
                continue  # (2021年自然资源领域…整治工作方案): the year is part of a title
            if m.group().endswith("年") and (text.startswith(YEAR_LABEL_AFTER, m.end()) or (
                    text.startswith("同期", m.end()) and text[m.start() - 1:m.start()] in "较比")):
                continue  # 1997年刑法, 较上年同期: a label, a comparison base
            normalized = normalize_date(m, published)
            if m.group() in TODAY and published is not None:
                normalized = published.isoformat()  # 今日 in a page of 2025-03-14
            c = Candidate(m.start(), _date_end(text, m), "DATE", normalized, "rule:date", SURE)
            if text.endswith(("同年", "本月"), 0, m.start()) and (
                    m.groupdict().get("m") or m.groupdict().get("dd")):
                c.start -= 2  # 同年7月, 本月8日: one DATE (同年's year is the article's)
                c.normalized = normalized if text[c.start] == "本" else None
            feast = self.holiday_re.match(text, m.end()) if m.group().endswith("年") else None
            if feast and c.end == m.end():
                c.end, c.normalized = feast.end(), None  # 2022年春节, 2024年中秋: one DATE
            if m.group().endswith("年") and c.end == m.end():
                tail = YEAR_TAIL.match(text, m.end())
                if tail:  # 1996年底, 去年夏天
                    c.end = tail.end()
                    c.normalized = normalized if tail.group() == "度" else None
            if found and self._joins_range(text, found[-1][0], m, published, found[-1][1], c):
                continue
            found.append((m, c))
        for _, c in found:  # 当前至明年2月底, 即日起至12月31日: one DATE from the publication day
            lead = OPEN_START.search(text, 0, c.start)
            if lead:
                c.start, c.normalized = lead.start(), None
        return [c for _, c in found] + _timestamps(text)

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
