"""Count once: link metric rows that state the same statistic into facts.

``link(metrics, documents)`` returns the ``facts`` rows, ``{metric_id: (fact_id, part_of)}``
and ``{doc_id: (duplicate_of, similarity)}``. It reads plain rows (lists of dicts or Arrow
tables with the columns of schemas/arrow.py) and nothing else; the same input in any order
gives the same output.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import pyarrow as pa
import pyarrow.compute as pc

from schemas.arrow import FACT_SCHEMA

from .across import Local, UnionFind, document_locals, fact_key, fold_across, merge_republications
from .duplicates import find_similar, order_key, roots, signature
from .values import WEAK_CATEGORIES

__all__ = ["link", "link_tables", "FACT_COLUMNS", "METRIC_LINKS", "DOCUMENT_LINKS"]

FACT_COLUMNS = ["fact_id", "value", "value_max", "unit", "quantity_kind", "category", "object", "place",
                "place_code", "period_start", "period_end", "n_statements", "n_documents",
                "first_metric_id", "first_doc_id", "conflict"]
_DOC_COLUMNS = ("doc_id", "raw_text", "published", "source", "chrome")
METRIC_LINKS = pa.schema([pa.field("metric_id", pa.string(), False), pa.field("fact_id", pa.string(), False),
                          pa.field("part_of", pa.string())])
DOCUMENT_LINKS = pa.schema([pa.field("doc_id", pa.string(), False), pa.field("duplicate_of", pa.string()),
                            pa.field("similarity", pa.float64())])


def _table(rows) -> pa.Table:
    if isinstance(rows, pa.Table):
        return rows
    return pa.Table.from_pylist(list(rows))


def _documents(table: pa.Table, batch_size: int = 2048) -> Iterator[dict]:
    """Document rows sorted by doc_id, one at a time, reading only the columns the pass needs."""
    if table.num_rows == 0:
        return
    names = [c for c in _DOC_COLUMNS if c in table.column_names]
    table = table.select(names).sort_by("doc_id")
    for batch in table.to_batches(max_chunksize=batch_size):
        yield from batch.to_pylist()


def _metric_slices(table: pa.Table) -> tuple[pa.Table, dict[str, tuple[int, int]]]:
    """Metrics sorted by (doc_id, start, metric_id) and each document's (offset, length)."""
    if table.num_rows == 0:
        return table, {}
    table = table.sort_by([("doc_id", "ascending"), ("start", "ascending"), ("metric_id", "ascending")])
    counts = pc.value_counts(table["doc_id"]).to_pylist()
    counts.sort(key=lambda c: c["values"])
    spans, offset = {}, 0
    for item in counts:
        spans[item["values"]] = (offset, item["counts"])
        offset += item["counts"]
    return table, spans


def _chrome(value) -> tuple | None:
    """documents.chrome as (start, end) pairs: items are {start, end, kind} rows or tuples."""
    if not value:
        return None
    return tuple((int(c["start"]), int(c["end"])) if isinstance(c, dict) else (int(c[0]), int(c[1]))
                 for c in value)


def _local_facts(metrics: pa.Table, documents: pa.Table):
    """Within-document pass: local facts, metric → local id, part metric → total's local id,
    and each document's MinHash signature (computed here, so no text is kept)."""
    metrics, spans = _metric_slices(metrics)
    locals_: list[Local] = []
    of_metric: dict[str, int] = {}
    parts: dict[str, int] = {}
    signed: list[tuple] = []
    seen: set[str] = set()
    for doc in _documents(documents):
        doc_id = doc["doc_id"]
        if doc_id in seen:
            continue
        seen.add(doc_id)
        order = order_key(doc_id, doc.get("published"), doc.get("source"))
        signed.append((doc_id, order, signature(doc.get("raw_text") or "", _chrome(doc.get("chrome")))))
        if doc_id not in spans:
            continue
        offset, length = spans.pop(doc_id)
        rows = metrics.slice(offset, length).to_pylist()
        found, mapping, part_map = document_locals(doc_id, order, doc.get("raw_text"), rows,
                                                   len(locals_), doc.get("published"))
        locals_.extend(found)
        of_metric.update(mapping)
        parts.update(part_map)
    for doc_id, (offset, length) in sorted(spans.items()):  # metrics of no document: no context
        rows = metrics.slice(offset, length).to_pylist()
        found, mapping, part_map = document_locals(doc_id, order_key(doc_id), None, rows, len(locals_))
        locals_.extend(found)
        of_metric.update(mapping)
        parts.update(part_map)
    return locals_, of_metric, parts, signed


def _fact_row(fact_id: str, members: list[Local]) -> dict:
    rep = min(members, key=lambda m: (m.rep.width / max(abs(m.rep.value), 1.0), m.order, m.first_start))
    first = min(members, key=lambda m: (m.order, m.first_start, m.lid))
    category = rep.category
    if category in WEAK_CATEGORIES:
        category = next((m.category for m in members if m.category not in WEAK_CATEGORIES), category)
    row = rep.row
    pick = lambda key: row.get(key) or next((m.row.get(key) for m in members if m.row.get(key)), None)  # noqa: E731
    return {
        "fact_id": fact_id, "value": float(row["value"]), "value_max": row.get("value_max"),
        "unit": row.get("unit") or "", "quantity_kind": row.get("quantity_kind") or "other",
        "category": category, "object": rep.object or next((m.object for m in members if m.object), None),
        "place": pick("place"), "place_code": pick("place_code"),
        "period_start": pick("period_start"), "period_end": pick("period_end"),
        "n_statements": sum(m.n_statements for m in members),
        "n_documents": len({m.doc_id for m in members}),
        "first_metric_id": first.first_metric_id, "first_doc_id": first.doc_id,
        "conflict": any(m.conflict for m in members),
    }


def _assign_ids(groups: dict[int, list[Local]], blocked: set[int], root_of: dict[str, str]) -> dict[int, str]:
    """fact_id per group: the content hash of its key; unblocked facts are scoped to their first
    document's republication root; colliding keys get an ordinal in their stable order."""
    keyed: dict[str, list[tuple]] = defaultdict(list)
    for root, members in groups.items():
        rep = min(members, key=lambda m: (m.rep.width / max(abs(m.rep.value), 1.0), m.order, m.first_start))
        first = min(members, key=lambda m: (m.order, m.first_start, m.lid))
        scope = None if any(m.lid in blocked for m in members) else root_of.get(first.doc_id, first.doc_id)
        key = fact_key(rep, rep.category, rep.object, scope)
        keyed[key].append(((first.order, first.first_start, first.first_metric_id), root))
    ids: dict[int, str] = {}
    for key, items in keyed.items():
        for ordinal, (_, root) in enumerate(sorted(items)):
            ids[root] = key if ordinal == 0 else f"{key[:12]}{ordinal:04x}"
    return ids


def link_tables(metrics, documents) -> tuple[pa.Table, pa.Table, pa.Table]:
    """The pass itself, with Arrow tables out: ``facts`` (FACT_SCHEMA, sorted by fact_id),
    ``metric_links`` (metric_id, fact_id, part_of) and ``document_links`` (doc_id,
    duplicate_of, similarity), both sorted by their id. ``link`` gives the same as Python rows."""
    metrics, documents = _table(metrics), _table(documents)
    locals_, of_metric, parts, signed = _local_facts(metrics, documents)
    duplicates = find_similar(signed)
    del signed
    root_of = roots(duplicates)
    sets = UnionFind()
    by_root: dict[str, list[Local]] = defaultdict(list)
    for local in locals_:
        by_root[root_of.get(local.doc_id, local.doc_id)].append(local)
    merge_republications(by_root, sets)
    del by_root
    blocked = fold_across(locals_, sets)
    groups: dict[int, list[Local]] = defaultdict(list)
    for local in locals_:
        groups[sets.find(local.lid)].append(local)
    ids = _assign_ids(groups, blocked, root_of)
    columns: dict[str, list] = {name: [] for name in FACT_COLUMNS}
    for root in sorted(groups, key=ids.__getitem__):
        for name, value in _fact_row(ids[root], groups[root]).items():
            columns[name].append(value)
    facts = pa.table(columns, schema=FACT_SCHEMA)
    del columns, groups
    fact_of_lid = {local.lid: ids[sets.find(local.lid)] for local in locals_}
    del locals_
    part_of = _fact_parts(of_metric, parts, fact_of_lid)
    metric_ids = sorted(of_metric)
    fact_ids = [fact_of_lid[of_metric[m]] for m in metric_ids]
    metric_links = pa.table({"metric_id": metric_ids, "fact_id": fact_ids,
                             "part_of": [part_of.get(f) for f in fact_ids]}, schema=METRIC_LINKS)
    doc_ids = sorted(duplicates)
    document_links = pa.table({"doc_id": doc_ids, "duplicate_of": [duplicates[d][0] for d in doc_ids],
                               "similarity": [duplicates[d][1] for d in doc_ids]}, schema=DOCUMENT_LINKS)
    return facts, metric_links, document_links


def _fact_parts(of_metric: dict[str, int], parts: dict[str, int], fact_of_lid: dict[int, str]) -> dict[str, str]:
    """fact_id → the fact_id of its total. Being a part is a property of the fact: when one
    statement says 其中… every statement of that fact (and its republications) is a part."""
    found: dict[str, set[str]] = defaultdict(set)
    for metric_id, total_lid in parts.items():
        fact_id, total = fact_of_lid[of_metric[metric_id]], fact_of_lid[total_lid]
        if total != fact_id:
            found[fact_id].add(total)
    return {fact_id: min(totals) for fact_id, totals in found.items()}


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
