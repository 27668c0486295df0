"""Places that name no place (issue 15). Currencies named after a place: 澳门元, 港元, 新台币;
the place inside a currency's name is no GPE (涉款1.38亿澳门元 names a sum, not Macao). Word
list: ``entity_currencies.txt``. A place before 籍 is a nationality or an origin, like an ethnic
adjective (缅甸籍男子, 湖南籍务工人员): no GPE.

A mixin of ``Rules`` like ``rules_place``.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...lexicon import read_words, trie_pattern
from .candidate import Candidate

# The cheap test first: a currency's name ends so (澳门元, 港币, 越南盾, 泰铢, 英镑, 卢布 …).
CURRENCY_END = re.compile("[元币盾铢镑布比特索郎]")


class MoneyRules:
    """The currency half of the place rules (a mixin of ``Rules``)."""

    def _compile_money(self, data_dir: Path) -> None:
        """Compile the currencies named after a place (``entity_currencies.txt``)."""
        self.currency_re = re.compile(trie_pattern(read_words(data_dir / "entity_currencies.txt")))

    def drop_currency_places(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        """Return ``cands`` without the places that start a currency's name and end inside it
        (1.38亿 + 澳门 + 元, 200万 + 港 + 币: a sum, no place)."""
        if not CURRENCY_END.search(text):
            return cands
        return [c for c in cands if c.label not in ("GPE", "LOC")
                or not self._inside_currency(text, c.start, c.end)]

    def drop_origin_places(self, text: str, cands: list[Candidate]) -> list[Candidate]:
        """Return ``cands`` without the GPEs right before 籍 (一名缅甸籍男子: a nationality, not
        a place; 籍贯 names the place after it)."""
        if "籍" not in text:
            return cands
        return [c for c in cands if c.label != "GPE" or not text.startswith("籍", c.end)
                or text.startswith("籍贯", c.end)]

    def _inside_currency(self, text: str, s: int, e: int) -> bool:
        """Return True when a currency's name starts at ``s`` and runs past ``e`` (澳门 + 元)."""
        m = self.currency_re.match(text, s)
        return m is not None and m.end() > e
