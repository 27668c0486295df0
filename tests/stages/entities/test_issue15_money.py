"""Issue 15, currencies named after a place (``rules_money``). Sentences written for the tests."""

from __future__ import annotations

import pytest

from .helpers import found


@pytest.mark.parametrize("text, place", [
    ("该团伙共骗取约560万澳门元。", "澳门"),
    ("警方冻结涉案资金300万港元。", "港"),
    ("他以200万新台币的价格出售了房产。", "台"),
])
def test_a_currency_named_after_a_place_holds_no_place(tagger, text, place):
    assert not [s for s, label in found(tagger, text) if label in ("GPE", "LOC")]


def test_the_place_before_a_sum_stays(tagger):
    assert ("澳门", "GPE") in found(tagger, "澳门警方去年追回被骗款项560万元。")
