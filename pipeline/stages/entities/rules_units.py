"""Districts and counties named in a list closed by their level word (issue 15): 历下、市中、
槐荫三区 and 甲、乙两县 give each short name as a GPE when the name and the level word make a
division of the gazetteer (市中 + 区 is 市中区, a short form too common to be looked for alone).

A mixin of ``Rules`` like ``rules_place``: it reads ``self.gaz``.
"""

from __future__ import annotations

import re

from .candidate import CJK, SOFT, Candidate

# A list of two or more short names, then a count or 等 and the level word they share.
_ITEM = f"(?:(?![两三四五六七八九十、和])[{CJK}]){{2,3}}"
LISTED_DISTRICTS = re.compile(f"({_ITEM}(?:[、和]{_ITEM})+)(?:等)?(?:[两三四五六七八九十]个?)?"
                              f"([区县市旗])(?![{CJK}]?(?:民|长|委|里|场|域|内|级))")


class UnitRules:
    """Listed districts and counties (a mixin of ``Rules``)."""

    def listed_district_candidates(self, text: str) -> list[Candidate]:
        """Return the short names of a list closed by a count and their level word, each a
        GPE when it makes a division with that word (历下、市中、槐荫三区 → 市中区 is one): all
        items must, so that 东部、西部两区 or a list of words gives nothing."""
        out = []
        for m in LISTED_DISTRICTS.finditer(text):
            level = m.group(2)
            pos = m.start(1)
            names = []
            for item in re.split("[、和]", m.group(1)):
                names.append((pos, item))
                pos += len(item) + 1
            # the first item may hold words before the name (其中 + 历下): its last 2-3 characters
            s0, first = names[0]
            cut = next((k for k in (len(first) - 2, len(first) - 3) if k >= 0
                        and self.gaz.divisions(first[k:] + level)), None)
            if cut is None:
                continue
            names[0] = (s0 + cut, first[cut:])
            if all(self.gaz.divisions(n + level) for _, n in names):
                out += [Candidate(s, s + len(n), "GPE", None, "rule:listed", SOFT) for s, n in names]
        return out
