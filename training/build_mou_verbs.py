"""Build ``pipeline/data/entity_verbs_after_mou.txt`` from People's Daily 1998's verbs.

After an anonymised name (张某) the next character is either a given name (王某明) or the
start of the sentence's verb (王某称, 喻某提起公诉). When the segmenter's word right after 某 is a
verb of People's Daily 1998 (POS ``v``, two characters, seen ``MIN_COUNT`` times and never as
part of a name ``nr``), the person ends at 某. Verbs whose first character already ends the
name on its own (``NOT_GIVEN_NAME`` of the PERSON rules: 因, 在, 称…) are left out.

    python training/build_mou_verbs.py ../shared/corpora/pd1998/199801.utf8.txt
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from pipeline.evaluation.corpora import read_pd1998
from pipeline.stages.entities.rules_person import NOT_GIVEN_NAME

MIN_COUNT = 1
OUT = Path(__file__).resolve().parents[1] / "pipeline" / "data" / "entity_verbs_after_mou.txt"
HEADER = """\
# Verbs that may follow an anonymised name (王某 + 明确, 喻某 + 提起公诉, 赵某 + 销赃): when the
# segmenter's word right after 张某 is one of them, the person is 张某 and the word is the
# sentence's verb. Built by training/build_mou_verbs.py from People's Daily 1998 (POS v, two
# characters, seen at least {n} times, never in a name; first characters that end a name on
# their own are left out). Do not edit by hand: rebuild.
"""


def mou_verbs(path: Path, min_count: int = MIN_COUNT) -> list[str]:
    """Return the two-character verbs of People's Daily 1998 that can follow 张某 (sorted)."""
    verbs: Counter[str] = Counter()
    names: set[str] = set()
    for para in read_pd1998(path):
        for word in para.words:
            if word.pos == "v" and len(word.text) == 2:
                verbs[word.text] += 1
            elif word.pos == "nr":
                names.add(word.text)
    return sorted(w for w, n in verbs.items()
                  if n >= min_count and w not in names and w[0] not in NOT_GIVEN_NAME)


def main(argv: list[str]) -> None:
    """Write the verb list from the People's Daily file named in ``argv``."""
    words = mou_verbs(Path(argv[0]))
    OUT.write_text(HEADER.format(n=MIN_COUNT) + "".join(w + "\n" for w in words), encoding="utf-8")
    print(f"{len(words)} verbs -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
