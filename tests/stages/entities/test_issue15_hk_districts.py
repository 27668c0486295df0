"""Issue 15, Hong Kong and Macao districts by their short names (``rules_place``). Sentences
written for the tests."""

from __future__ import annotations

import pytest

from .helpers import found


@pytest.mark.parametrize("text, district", [
    ("香港警方昨日拘捕两名男子。两人在黄大仙一个住宅单位内被捕。", "黄大仙"),
    ("香港警方昨日拘捕两名男子。两人在油尖旺一间旅馆内被捕。", "油尖旺"),
])
def test_a_district_short_name_is_a_gpe_on_a_page_naming_its_region(tagger, text, district):
    assert (district, "GPE") in found(tagger, text)


def test_a_district_short_name_alone_is_left_to_the_model(tagger):
    assert ("黄大仙", "GPE") not in found(tagger, "两人在黄大仙一个住宅单位内被捕。")
