"""PERSON rules: anonymised people and names after a title.

张某某, 吴先生, 李大妈 (surname + honorific), 主任李志泉 + 介绍 (title + name + a verb of
speech); ``title_before`` reads the chain of titles before a name (镇江市委常委、政法委书记).
Word lists: ``entity_surnames.txt``, ``entity_person_*``, ``entity_not_names.txt``,
``entity_not_person_after_mou.txt``.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...lexicon import read_list, read_words, trie_pattern
from .candidate import CJK, CLAUSE_BREAKS, SOFT, Candidate

# Words before a surname that do not belong to a name: 向某公司, 和张某.
NOT_NAME_BEFORE = "向于和与从对将把被给为以及同"
# What opens a title chain but is not part of it: 据办案民警 → 办案民警.
TITLE_LEAD = r"^(?:据悉|据|经|由|在|向|对|记者从|从)"


class PersonRules:
    """The PERSON half of ``Rules`` (a mixin)."""

    def _compile_person(self, data_dir: Path) -> None:
        """Compile the anonymised-person and titled-name patterns."""
        surnames = read_words(data_dir / "entity_surnames.txt")
        self.surnames = set(surnames)
        honorifics = read_list(data_dir / "entity_person_honorifics.txt")
        not_after = read_words(data_dir / "entity_not_person_after_mou.txt")
        self.anon_re = re.compile(
            f"(?:{trie_pattern(surnames)})(?:{trie_pattern(r[0] for r in honorifics)})"
            f"(?!{trie_pattern(not_after)})"
        )
        titles = read_words(data_dir / "entity_person_titles.txt")
        self.title_end_re = re.compile(f"(?:{trie_pattern(titles)})$")
        self.title_re = re.compile(trie_pattern(titles))
        followers = read_words(data_dir / "entity_person_followers.txt")
        self.not_names = set(read_words(data_dir / "entity_not_names.txt"))
        self.titled_name_re = re.compile(
            f"(?:{trie_pattern(titles)})"
            f"((?:{trie_pattern(surnames)})[{CJK}]{{1,2}}?)(?={trie_pattern(followers)})"
        )

    def person_candidates(self, text: str) -> list[Candidate]:
        """Return anonymised people (张某某, 吴先生) and names after a title (主任李志泉介绍)."""
        out = []
        for m in self.anon_re.finditer(text):
            before = text[m.start() - 1] if m.start() else ""
            if before in self.surnames and before not in NOT_NAME_BEFORE:
                continue  # 鲍林先生: the surname is the end of a longer name
            if self.title_end_re.search(text[max(0, m.start() - 3):m.start() + 1]):
                continue  # 主席先生
            out.append(Candidate(m.start(), m.end(), "PERSON", "anonymised", "rule:anonymised", SOFT))
        for m in self.titled_name_re.finditer(text):
            s, e = m.span(1)
            if m.group(1) in self.not_names:
                continue
            out.append(Candidate(s, e, "PERSON", self.title_before(text, s), "rule:titled", SOFT))
        return out

    def title_before(self, text: str, start: int) -> str | None:
        """Return the chain of titles written right before ``start`` (镇江市委常委、政法委书记)."""
        if not self.title_end_re.search(text[max(0, start - 12):start]):
            return None
        begin = start
        while begin > 0 and text[begin - 1] not in CLAUSE_BREAKS and start - begin < 60:
            begin -= 1
        title = text[begin:start].strip()
        title = re.sub(TITLE_LEAD, "", title)  # 据办案民警 → 办案民警
        return title or None
