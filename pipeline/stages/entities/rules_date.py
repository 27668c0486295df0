"""DATE rules: the date grammar of ``pipeline.dates`` plus relative words and holidays.

7月27日, 今年10月下旬, 2021年上半年, 今年以来, 17日下午 (normalised against the publication
date), 近日, 几年前 (tagged, not normalised), 国庆期间. Word list: ``entity_date_words.txt``.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ...dates import DATE_FIRST, DATE_PATTERN, normalize_date
from ...lexicon import read_tagged, trie_pattern
from .candidate import SURE, Candidate

HOLIDAY_AFTER = r"(?:期间|假期|长假|前后|前夕)"  # 国庆 + 期间
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

    def date_candidates(self, text: str, published: date | None) -> list[Candidate]:
        """Return the dates of a sentence, normalised against the publication date."""
        out = []
        for m in self.date_re.finditer(text):
            if not m.group().strip():
                continue
            if m.group().endswith("年") and self._starts_a_title(text, m.start(), m.end()):
                continue  # (2021年自然资源领域…整治工作方案): the year is part of a title
            out.append(Candidate(m.start(), m.end(), "DATE", normalize_date(m, published),
                                 "rule:date", SURE))
        return out

    def _starts_a_title(self, text: str, start: int, end: int) -> bool:
        """Return True when a bare year opens a bracketed document title: (2021年…工作方案)."""
        if start == 0 or text[start - 1] not in "（(《":
            return False
        close = TITLE_AFTER_YEAR.match(text, end)
        return bool(close and self.law_title(close.group()))
