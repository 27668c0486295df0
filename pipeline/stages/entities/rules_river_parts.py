"""A river's section named by its county alone, once a river is named in the sentence
(issue 15): 赣江流经于都，于都段是鱼类产卵场 → 于都段 is a LOC (a stretch of the river), not a
GPE; the section after the river (赣江于都段) is ``rules_water.section_candidates``."""

from __future__ import annotations

import re

from .candidate import CJK, SURE, Candidate

# A division's name (2-4 characters) + 段 that ends the word: 于都段是…, not 于都段落.
BARE_SECTION = re.compile(f"(?<![{CJK}])([{CJK}]{{2,4}}?)段(?![落子位])")


class RiverPartRules:
    """Mixin of ``Rules``: needs ``gaz`` and ``loc_re`` (the known rivers and lakes)."""

    def bare_section_candidates(self, text: str) -> list[Candidate]:
        """Return county + 段 as a LOC after a known river in the same sentence, at the start
        of a clause: 贡江为赣江东源，于都段是重要产卵场 → 于都段; not without a river (第一
        阶段, 于都段 in a road report) and not after another character (赣江于都段: the
        section rule's longer span)."""
        if "段" not in text:
            return []
        rivers = [m.end() for m in self.loc_re.finditer(text)
                  if text[m.start():m.end()].endswith(("江", "河", "湖"))]
        if not rivers:
            return []
        out = []
        for m in BARE_SECTION.finditer(text):
            if m.start() > rivers[0] and self.gaz.divisions(m.group(1)):
                out.append(Candidate(m.start(), m.end(), "LOC", None, "rule:section", SURE))
        return out
