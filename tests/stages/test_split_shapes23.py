"""Shapes of ``tests/fixtures/pages_dev11`` (examples invented): a bulletin's issue line without
brackets, a public account's post line without 原创, the one list of signing organs and outlets."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.stages import layout, signatures
from pipeline.stages.metalines import meta_line

from tests.stages.test_chrome import split


@pytest.mark.parametrize("line", ["2026年第23期", "第15期", "第15期 总第230期", "（2026年第23期）"])
def test_an_issue_line_of_its_own_is_chrome(line):
    assert meta_line(line) == {}


@pytest.mark.parametrize("line", ["据2026年第23期刊载", "第15期培训班开班"])
def test_an_issue_inside_a_text_is_not(line):
    assert meta_line(line) is None


def test_an_unbracketed_issue_line_under_the_masthead_is_no_headline():
    doc = split("示例政法动态\n2026年第23期\n示例县公安局破获盗窃案\n"
                "3月1日，示例县公安局破获一起盗窃案，抓获嫌疑人2名。\n")
    assert [a.title for a in doc.articles] == ["示例县公安局破获盗窃案"]


@pytest.mark.parametrize("line, outlet, author", [
    ("示例公安　示例公安　2025年04月23日 17:30　河南", "示例公安", None),
    ("李晓　示例公安　2025-04-23　河南", "示例公安", "李晓"),
    ("示例公安 2025年04月23日 17:30 发表于河南", "示例公安", None),
])
def test_an_accounts_post_line_names_the_account_not_the_province(line, outlet, author):
    found = meta_line(line.replace("\u3000", " "))
    assert found["outlet"] == outlet and found["published"] == date(2025, 4, 23)
    assert found.get("authors") == author


def test_signers_and_glued_dates_read_one_list():
    assert signatures.SIGNER_ORGAN.match("示例县人民政府办公室")
    assert layout.glued_dates([layout.Line(0, 23, "示例县人民政府办公室 2025年4月23日", "body",
                                           "示例县人民政府办公室 2025年4月23日")])[0].end == 23
    parts = layout.glued_dates([layout.Line(0, 21, "示例县破获系列盗窃案 2025年4月23日", "body",
                                            "示例县破获系列盗窃案 2025年4月23日")])
    assert [p.text for p in parts] == ["示例县破获系列盗窃案", "2025年4月23日"]
