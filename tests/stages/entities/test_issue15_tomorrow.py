"""Issue 15, 明日 as a DATE normalised from the publication date (``rules_date.TOMORROW``).
Sentences written for the tests; the helpers' publication date is 2021-11-10."""

from __future__ import annotations

import pytest

from .helpers import make_doc


def _dates(tagger, text):
    doc = tagger(make_doc(text))
    return [(text[e.start:e.end], e.normalized) for e in doc.entities if e.label == "DATE"]


@pytest.mark.parametrize("text, value", [
    ("其中5人已被起诉，明日在区法院提堂。", ("明日", "2021-11-11")),
    ("整治行动将于明日全面展开。", ("明日", "2021-11-11")),
    ("新规明日起施行。", ("明日", "2021-11-11")),
    ("案件明日上午公开宣判。", ("明日上午", "2021-11-11")),
    ("案件明日（12日）开庭。", ("明日（12日）", "2021-11-12")),
])
def test_tomorrow_is_the_day_after_publication(tagger, text, value):
    assert value in _dates(tagger, text)


@pytest.mark.parametrize("text", [
    "光明日报记者报道了此案。",  # a newspaper's name
    "他被誉为明日之星。",  # a figure of speech
])
def test_tomorrow_inside_a_name_or_a_figure_is_no_date(tagger, text):
    assert not [d for d, _ in _dates(tagger, text) if "明日" in d]
