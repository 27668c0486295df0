"""Count once: link metric rows that state the same statistic into facts.

``link(metrics, documents)`` returns the ``facts`` rows, ``{metric_id: (fact_id, part_of)}``
and ``{doc_id: (duplicate_of, similarity)}``. It reads plain rows (lists of dicts or Arrow
tables with the columns of schemas/arrow.py) and nothing else; the same input in any order
gives the same output.
"""

from __future__ import annotations

import pyarrow as pa

from .corpus import DOCUMENT_LINKS, METRIC_LINKS, link_corpus, link_staged
from .shard import DOCS, LINKS, LOCALS, document_facts

__all__ = ["link", "link_tables", "link_staged", "link_corpus", "stage_tables", "document_facts", "FACT_COLUMNS", "METRIC_LINKS",
           "DOCUMENT_LINKS"]

FACT_COLUMNS = ["fact_id", "value", "value_max", "unit", "quantity_kind", "category", "object", "place",
                "place_code", "period_start", "period_end", "n_statements", "n_documents",
                "first_metric_id", "first_doc_id", "conflict"]
_DOC_COLUMNS = ("doc_id", "raw_text", "published", "chrome")


def _table(rows) -> pa.Table:
    if isinstance(rows, pa.Table):
        return rows
    return pa.Table.from_pylist(list(rows))


def _chrome(value) -> list[dict]:
    """documents.chrome items are {start, end, kind} rows or (start, end) tuples."""
    return [c if isinstance(c, dict) else {"start": c[0], "end": c[1]} for c in value or []]


def link_tables(metrics, documents) -> tuple[pa.Table, pa.Table, pa.Table]:
    """The whole pass in one process, with Arrow tables out: ``facts`` (FACT_SCHEMA, sorted by
    fact_id), ``metric_links`` (metric_id, fact_id, part_of) and ``document_links`` (doc_id,
    duplicate_of, similarity), both sorted by their id. A run does the same in two steps:
    ``document_facts`` in the shards, ``link_corpus`` after them."""
    return link_staged(*stage_tables(metrics, documents))


def stage_tables(metrics, documents) -> tuple[pa.Table, pa.Table, pa.Table]:
    """The staging tables (``fact_docs``, ``fact_locals``, ``fact_links``) a run's shards would
    write for these metrics and documents rows."""
    metrics, documents = _table(metrics), _table(documents)
    by_doc: dict[str, list[dict]] = {}
    if metrics.num_rows:
        for row in metrics.to_pylist():
            by_doc.setdefault(row["doc_id"], []).append(row)
    staged = {"docs": [], "locals": [], "links": []}
    names = [c for c in _DOC_COLUMNS if c in documents.column_names]
    seen: set[str] = set()
    for doc in (documents.select(names).to_pylist() if documents.num_rows else []):
        if doc["doc_id"] in seen:
            continue
        seen.add(doc["doc_id"])
        doc["chrome"] = _chrome(doc.get("chrome"))
        found = document_facts(doc, by_doc.pop(doc["doc_id"], []))
        staged["docs"] += found.docs
        staged["locals"] += found.locals
        staged["links"] += found.links
    for doc_id in sorted(by_doc):  # metrics of no document: read without their text
        found = document_facts({"doc_id": doc_id}, by_doc[doc_id])
        staged["locals"] += found.locals
        staged["links"] += found.links
    return (pa.Table.from_pylist(staged["docs"], schema=DOCS), pa.Table.from_pylist(staged["locals"], schema=LOCALS),
            pa.Table.from_pylist(staged["links"], schema=LINKS))


def link(metrics_rows, documents_rows) -> tuple[list[dict], dict[str, tuple], dict[str, tuple]]:
    """(facts rows, {metric_id: (fact_id, part_of)}, {doc_id: (duplicate_of, similarity)}).

    近1.5万起 in the headline, 1.487万起 in the lead and 14870起 in the body share a fact_id;
    其中跨境…2100起 gets part_of = that fact; a republished copy of the page gets duplicate_of
    = the first copy and its metrics the same facts.
    """
    facts, metric_links, document_links = link_tables(metrics_rows, documents_rows)
    metric_columns = dict(zip(metric_links["metric_id"].to_pylist(),
                              zip(metric_links["fact_id"].to_pylist(), metric_links["part_of"].to_pylist())))
    document_columns = dict(zip(document_links["doc_id"].to_pylist(),
                                zip(document_links["duplicate_of"].to_pylist(),
                                    document_links["similarity"].to_pylist())))
    return facts.to_pylist(), metric_columns, document_columns
