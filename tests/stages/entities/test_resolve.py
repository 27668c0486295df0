"""Resolution of competing candidates: tiers, lengths, nesting."""

from __future__ import annotations

import pytest

from pipeline.stages.entities.candidate import Candidate
from pipeline.stages.entities.resolve import resolve


def cand(start, end, label, tier, source="x"):
    return Candidate(start, end, label, None, source, tier)


@pytest.mark.parametrize("cands,expected", [
    # the longest span wins among soft candidates and model spans
    ([cand(0, 3, "GPE", 2), cand(0, 6, "ORG", 1)], [(0, 6, "ORG")]),
    # an ORG may swallow a sure ORG it contains (镇江市公安局 + 党委 from the model)
    ([cand(0, 6, "ORG", 3), cand(0, 8, "ORG", 1)], [(0, 8, "ORG")]),
    # a model span that cuts a sure span loses
    ([cand(2, 6, "ORG", 3), cand(0, 4, "PERSON", 1)], [(2, 6, "ORG")]),
    # a longer model PERSON beats a gazetteer hit inside it (王江苏 is not 江苏)
    ([cand(1, 3, "GPE", 2), cand(0, 3, "PERSON", 1)], [(0, 3, "PERSON")]),
    # but a PERSON never swallows a sure span
    ([cand(0, 2, "DATE", 3), cand(0, 3, "PERSON", 1)], [(0, 2, "DATE")]),
    # a model ORG may add a name on the left of a sure ORG (中国 + 全国政协)...
    ([cand(2, 6, "ORG", 3), cand(0, 6, "ORG", 1)], [(0, 6, "ORG")]),
    # ...but not a province the rules split off on purpose
    ([Candidate(3, 9, "ORG", None, "rule:org", 3, fixed_left=True), cand(0, 3, "GPE", 2),
      cand(0, 9, "ORG", 1)], [(0, 3, "GPE"), (3, 9, "ORG")]),
    # a sure rule beats a longer model span that contains it with an unnestable label
    ([cand(1, 4, "LAW", 3), cand(0, 6, "ORG", 1)], [(1, 4, "LAW")]),
    # disjoint spans all stay, in order
    ([cand(5, 7, "DATE", 3), cand(0, 2, "GPE", 2)], [(0, 2, "GPE"), (5, 7, "DATE")]),
])
def test_resolve(cands, expected):
    assert [(c.start, c.end, c.label) for c in resolve(cands)] == expected
