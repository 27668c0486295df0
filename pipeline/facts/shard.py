"""What a shard hands the linking pass: per document, its local facts and its MinHash.

The within-document work (which rows state one statistic, which are parts, the document's
MinHash) needs the document's text and rows, so it runs where they are: in the shard, in
parallel, right after the metrics stage. It writes three small staging tables; the corpus
pass (``corpus.py``) reads them and never the texts.

- ``fact_docs``: doc_id, published, signature (the MinHash as 128 little-endian uint32, or null)
- ``fact_locals``: one row per local fact (one statistic as one document states it)
- ``fact_links``: metric_id → (doc_id, local number), and the local number of its total
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pyarrow as pa

from .across import KEPT, Local, block_keys, document_locals, fact_key, scoped
from .duplicates import order_key, signature
from .periods import as_date
from ..stages.layout import simplified_view
from .values import Stated

_stated = pa.struct([pa.field("value", pa.float64()), pa.field("lo", pa.float64()),
                     pa.field("hi", pa.float64()), pa.field("step", pa.float64()),
                     pa.field("exact", pa.bool_())])

DOCS = pa.schema([pa.field("doc_id", pa.string(), False), pa.field("published", pa.date32()),
                  pa.field("signature", pa.binary())])
LOCALS = pa.schema([
    pa.field("doc_id", pa.string(), False), pa.field("no", pa.int32(), False),
    pa.field("published", pa.date32()), pa.field("first_start", pa.int64(), False),
    pa.field("first_metric_id", pa.string(), False),
    pa.field("value", pa.float64(), False), pa.field("value_max", pa.float64()),
    pa.field("unit", pa.string()), pa.field("quantity_kind", pa.string()),
    pa.field("currency", pa.string()), pa.field("change_direction", pa.string()),
    pa.field("place", pa.string()), pa.field("place_code", pa.string()),
    pa.field("period", pa.string()), pa.field("period_start", pa.date32()),
    pa.field("period_end", pa.date32()),
    pa.field("rep", _stated, False), pa.field("unit_class", pa.string(), False),
    pa.field("category", pa.string(), False), pa.field("object", pa.string()),
    pa.field("n_statements", pa.int32(), False), pa.field("conflict", pa.bool_(), False),
    pa.field("values", pa.list_(_stated), False), pa.field("periods", pa.list_(pa.string()), False),
    pa.field("blocks", pa.list_(pa.string()), False),
    pa.field("key_open", pa.string(), False), pa.field("key_self", pa.string(), False),
])
LINKS = pa.schema([pa.field("metric_id", pa.string(), False), pa.field("doc_id", pa.string(), False),
                   pa.field("no", pa.int32(), False), pa.field("part_no", pa.int32())])
SCHEMAS = {"fact_docs": DOCS, "fact_locals": LOCALS, "fact_links": LINKS}


@dataclass
class DocumentFacts:
    """The staging rows of one document."""

    docs: list[dict] = field(default_factory=list)
    locals: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)


def _stated_row(s: Stated) -> dict:
    return {"value": s.value, "lo": s.lo, "hi": s.hi, "step": s.step, "exact": s.exact}


def _key_text(key: tuple) -> str:
    return json.dumps(key, ensure_ascii=False, default=str)


def local_row(local: Local, no: int) -> dict:
    """A local fact as a ``fact_locals`` row (``stored_local`` reads it back)."""
    row = {key: local.row.get(key) for key in KEPT}
    row.update({
        "doc_id": local.doc_id, "no": no, "published": as_date(local.published),
        "first_start": local.first_start, "first_metric_id": local.first_metric_id,
        "rep": _stated_row(local.rep), "unit_class": local.unit_class, "category": local.category,
        "object": local.object, "n_statements": local.n_statements, "conflict": local.conflict,
        "values": [_stated_row(v) for v in local.values],
        "periods": [_key_text(p) for p in local.periods],
        "blocks": [_key_text(k) for k in block_keys(local)],
    })
    row["key_open"] = fact_key(local, local.category, local.object, None)
    row["key_self"] = scoped(row["key_open"], local.doc_id)
    return row


def stored_local(row: dict, lid: int) -> Local:
    """A ``fact_locals`` row as the Local the corpus pass folds (``lid``: its row number)."""
    kept = {key: row[key] for key in KEPT if row.get(key) is not None}
    return Local(lid, row["doc_id"], order_key(row["doc_id"], row.get("published")),
                 row["first_start"], row["first_metric_id"], kept, Stated(**row["rep"]),
                 row["unit_class"], row["category"], row.get("object"), row["n_statements"],
                 row["conflict"], [Stated(**v) for v in row["values"]], row.get("published"),
                 tuple(tuple(json.loads(p)) for p in row["periods"]))


def document_facts(document: dict, metrics: list[dict]) -> DocumentFacts:
    """The staging rows of one document row and its metrics rows (as the shard wrote them).

    广州…破获案件14870起 in the lead and 近1.5万起 in the headline give one ``fact_locals`` row
    and two ``fact_links`` rows pointing at it.
    """
    doc_id, published = document["doc_id"], as_date(document.get("published"))
    raw = document.get("raw_text") or ""
    chrome = [(int(c["start"]), int(c["end"])) for c in document.get("chrome") or []]
    sig = signature(raw, chrome)
    out = DocumentFacts(docs=[{"doc_id": doc_id, "published": published,
                               "signature": None if sig is None else sig.astype("<u4").tobytes()}])
    if not metrics:
        return out
    rows = sorted(metrics, key=lambda r: (r["start"], r["metric_id"]))
    # the words around a figure are read in simplified script, at the same offsets (這693起 as 这693起)
    found, of_metric, parts = document_locals(doc_id, order_key(doc_id, published), simplified_view(raw), rows, 0,
                                              published)
    out.locals = [local_row(local, local.lid) for local in found]
    out.links = [{"metric_id": metric_id, "doc_id": doc_id, "no": no, "part_no": parts.get(metric_id)}
                 for metric_id, no in sorted(of_metric.items())]
    return out
