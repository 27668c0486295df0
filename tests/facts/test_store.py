"""The corpus pass reads local facts from an Arrow file a few rows at a time, with the same result."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from pipeline.facts import link_corpus, link_staged, stage_tables
from pipeline.facts.corpus import lid_index, metric_links, part_facts
from pipeline.facts.store import FileRows, TableRows, write_rows

from .rows import document, metric
from .test_across import CASES, PERIOD, _corpus


def _parts(table: pa.Table, size: int) -> list[pa.Table]:
    return [table.slice(start, size) for start in range(0, table.num_rows, size)]


def test_file_rows_give_the_rows_asked_for_in_the_order_asked(tmp_path):
    """Rows 5, 0 and 3 of a table written in parts of two come back as 5, 0, 3, as in memory."""
    table = pa.table({"doc_id": [f"d{i}" for i in range(7)], "no": list(range(7)), "x": [i * 1.5 for i in range(7)]})
    stored = write_rows(_parts(table, 2), table.schema, tmp_path / "rows.arrow")
    assert stored.num_rows == 7
    want = np.array([5, 0, 3])
    assert stored.take(want, ["x", "doc_id"]).equals(TableRows(table).take(want, ["x", "doc_id"]))
    assert stored.take(want, ["doc_id"])["doc_id"].to_pylist() == ["d5", "d0", "d3"]
    assert stored.column("no").to_pylist() == list(range(7))
    assert stored.take(np.array([], dtype=np.int64), ["x"]).num_rows == 0


def test_linking_from_files_gives_the_same_facts_as_in_memory(tmp_path):
    """浙江…1.487万起 and 14870起 (two reports and a republished copy of the first):
    the pass over Arrow files of one local fact per batch finds what the in-memory pass finds."""
    rows, docs = _corpus()
    copy = "本报讯 今年以来，浙江省公安机关破获电信网络诈骗案件1.487万起，挽回损失14.6亿元。"
    docs.append(document(copy + "（转载）", "dc", "c.txt"))
    rows.append(metric(copy + "（转载）", "1.487万起", 14870, "起", doc_id="dc", place="浙江省", **CASES, **PERIOD))
    staged_docs, staged_locals, staged_links = stage_tables(rows, docs)
    facts, links, document_links = link_staged(staged_docs, staged_locals, staged_links)
    on_disk = link_corpus(write_rows(_parts(staged_docs, 1), staged_docs.schema, tmp_path / "docs.arrow"),
                          write_rows(_parts(staged_locals, 1), staged_locals.schema, tmp_path / "locals.arrow"))
    assert isinstance(on_disk.doc_of, pa.Array)
    assert on_disk.facts.equals(facts) and on_disk.document_links.equals(document_links)
    assert pc.sum(pc.is_valid(document_links["duplicate_of"])).as_py() == 1
    index = lid_index(on_disk.doc_of, staged_locals["no"].combine_chunks())
    part = part_facts(staged_links, index, on_disk.fact_ids)
    assert metric_links(staged_links, index, on_disk.fact_ids, part).equals(links)


def test_an_empty_staging_file_links_to_nothing(tmp_path):
    """A run whose documents state no figure: no facts, every document kept."""
    staged_docs, staged_locals, _ = stage_tables([], [document("本报讯 无数字的报道。", "d0", "0.txt")])
    linked = link_corpus(write_rows([staged_docs], staged_docs.schema, tmp_path / "d.arrow"),
                         write_rows([], staged_locals.schema, tmp_path / "l.arrow"))
    assert linked.facts.num_rows == 0 and linked.document_links["doc_id"].to_pylist() == ["d0"]
    assert isinstance(FileRows(tmp_path / "l.arrow").column("doc_id"), pa.Array)
