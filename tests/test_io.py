"""Reading: strict decoding, JSONL records, and the folder of broken inputs."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from pipeline import errors, io
from pipeline.errors import InputError, UserError
from pipeline.io import Rejected, decode, iter_input_files, read_inputs

TEXT = "今年以来，镇江市公安局破获案件760起，抓获犯罪嫌疑人1134人。"


@pytest.mark.parametrize("data, text, encoding", [
    (TEXT.encode("utf-8"), TEXT, "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), TEXT, "utf-8-sig"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TEXT, "utf-16"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TEXT, "utf-16"),
    (TEXT.encode("gbk"), TEXT, "gb18030"),
    (TEXT.encode("gb18030"), TEXT, "gb18030"),
])
def test_decode(data, text, encoding):
    assert decode(data) == (text, encoding)


@pytest.mark.parametrize("data, reason", [
    (b"", errors.EMPTY),
    (b"  \n\n ", errors.EMPTY),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", errors.BINARY),
    (TEXT.encode("utf-8").replace("镇".encode(), b"\x00\x00\x00"), errors.BINARY),
    (bytes(range(128, 256)) * 4, errors.UNDECODABLE),
    ("正文".encode("utf-8") + b"\x01\x02\x03\x04\x05" * 20, errors.BINARY),
])
def test_decode_rejects(data, reason):
    with pytest.raises(InputError) as exc:
        decode(data)
    assert exc.value.reason == reason


def test_missing_path_is_a_user_error(tmp_path):
    with pytest.raises(UserError, match="No such file or directory"):
        list(iter_input_files([tmp_path / "nope"]))


def test_folder_order_is_stable_and_recursive(tmp_path):
    for name in ["b.txt", "a.txt", "sub/c.txt", ".hidden", "sub/.x"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    names = [p.relative_to(tmp_path).as_posix() for p in iter_input_files([tmp_path])]
    assert names == ["a.txt", "b.txt", "sub/c.txt"]


def test_jsonl_records_and_bad_lines(tmp_path):
    path = tmp_path / "pages.jsonl"
    lines = [
        json.dumps({"text": TEXT, "id": "p1", "date": "2021-11-01", "title": "标题"}, ensure_ascii=False),
        "{not json",
        json.dumps({"title": "no text"}, ensure_ascii=False),
        "",
        json.dumps({"text": TEXT + "另一篇。"}, ensure_ascii=False),
        json.dumps({"text": TEXT, "date": "yesterday"}),
        json.dumps(["a", "list"]),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_inputs([path]))
    docs = [i for i in items if not isinstance(i, Rejected)]
    rejected = [i for i in items if isinstance(i, Rejected)]
    # An odd date ("yesterday") never rejects a record: it is read without a date.
    assert [d.source for d in docs] == [f"{path}#p1", f"{path}:5", f"{path}:6"]
    assert str(docs[0].published) == "2021-11-01" and docs[0].meta["title"] == "标题"
    assert docs[2].published is None
    assert [(r.source, r.reason) for r in rejected] == [
        (f"{path}:2", errors.BAD_JSONL), (f"{path}:3", errors.BAD_JSONL),
        (f"{path}:7", errors.BAD_JSONL)]


def test_doc_ids_are_content_hashes(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    first = [d.doc_id for d in read_inputs([tmp_path])]
    second = [d.doc_id for d in read_inputs([tmp_path])]
    assert first == second and len(first[0]) == 16


PIECE = 5000  # the tests' io.MAX_DOC_CHARS (monkeypatched): long.txt is cut into three pieces


def source_name(source: str) -> str:
    """The file name behind a source: ``x.jsonl:3``, ``x.jsonl#id`` and ``x.txt[0:5000]``."""
    source = source.split("[", 1)[0]
    if ".jsonl" in source:
        source = source.split("#")[0].rsplit(":", 1)[0]
    return Path(source).name


def make_broken_folder(root: Path) -> dict[str, str]:
    """Write the broken-input folder; return {file name: what it should become}."""
    root.mkdir(parents=True, exist_ok=True)
    page = "标题：测试页面\n\n本报讯 记者韩宇 " + TEXT
    files = {
        "binary.bin": (bytes(range(256)) * 8, "quarantine"),
        "gbk.txt": (page.encode("gbk"), "document"),
        "utf16.txt": (codecs.BOM_UTF16_LE + page.encode("utf-16-le"), "document"),
        "bom.txt": (codecs.BOM_UTF8 + page.encode("utf-8"), "document"),
        "nul.txt": (page.encode("utf-8") + b"\x00\x00" + page.encode("utf-8"), "quarantine"),
        "empty.txt": (b"", "quarantine"),
        "blank.txt": (b"\n \n", "quarantine"),
        "名字 有空格.txt": (page.encode("utf-8"), "document"),
        # No line break, longer than the piece size the tests set (PIECE): cut into pieces.
        "long.txt": (("破获案件760起，" * 1500 + "完").encode("utf-8"), "pieces"),
        "mixed.jsonl": ("\n".join([json.dumps({"text": TEXT, "id": 1}, ensure_ascii=False), "{broken",
                                   json.dumps({"text": ""})]).encode("utf-8"), "mixed"),
    }
    for name, (data, _) in files.items():
        (root / name).write_bytes(data)
    return {name: kind for name, (_, kind) in files.items()}


def test_every_broken_input_is_read_or_rejected(tmp_path, monkeypatch):
    monkeypatch.setattr(io, "MAX_DOC_CHARS", PIECE)
    expected = make_broken_folder(tmp_path / "broken")
    items = list(read_inputs([tmp_path / "broken"]))
    seen: dict[str, list[str]] = {}
    for item in items:
        name = source_name(item.source)
        seen.setdefault(name, []).append("quarantine" if isinstance(item, Rejected) else "document")
    for name, kind in expected.items():
        assert name in seen, name
        if kind == "mixed":
            assert sorted(seen[name]) == ["document", "quarantine", "quarantine"]
        elif kind == "pieces":
            assert seen[name] == ["document"] * 3, name
        else:
            assert seen[name] == [kind], name
    by_name = {Path(i.source).name: i for i in items if not isinstance(i, Rejected)}
    assert by_name["gbk.txt"].encoding == "gb18030"
    assert by_name["utf16.txt"].encoding == "utf-16"
    assert by_name["bom.txt"].encoding == "utf-8-sig" and not by_name["bom.txt"].raw.startswith("\ufeff")


@pytest.mark.parametrize("text, expected", [
    ("法治日报\n2021年11月2日 星期二\n\n标题\n\n正文，内容。", "2021-11-02"),
    ("２０２１年１１月２日\n标题", "2021-11-02"),
    # hard negatives: a date inside running text, or far down the page, is not a masthead
    ("2021年7月27日，丹阳市法院公开宣判张某某等人黑恶势力犯罪案件，张某某等人分别被判处有期徒刑。", None),
    ("标题\n\n本报记者 甲乙\n\n正文，内容。\n\n2021年7月27日", None),
    ("2021年2月30日", None),
    # a dash subtitle's date is the day of a session, not of the page
    ("示例市人民法院工作报告\n——2026年1月18日在示例市人民代表大会上\n发布时间：2026-01-22", None),
])
def test_printed_publication_date(text, expected):
    from pipeline.io import printed_date

    got = printed_date(text)
    assert (got.isoformat() if got else None) == expected
