"""Explicit pyarrow schemas for every table, in column order. A test checks they match the models."""

from __future__ import annotations

import pyarrow as pa

_span = [pa.field("start", pa.int64(), nullable=False), pa.field("end", pa.int64(), nullable=False)]
_author = pa.struct([pa.field("name", pa.string(), nullable=False),
                     pa.field("role", pa.string(), nullable=False)])
_segment = pa.struct([pa.field("start", pa.int64(), nullable=False),
                      pa.field("end", pa.int64(), nullable=False)])

_chrome = pa.struct([pa.field("start", pa.int64(), nullable=False),
                     pa.field("end", pa.int64(), nullable=False),
                     pa.field("kind", pa.string(), nullable=False)])


def _f(name, type_, nullable=True):
    return pa.field(name, type_, nullable=nullable)


SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        _f("doc_id", pa.string(), False), _f("source", pa.string(), False),
        _f("raw_text", pa.large_string(), False), _f("clean_text", pa.large_string(), False),
        _f("encoding", pa.string(), False), _f("published", pa.date32()),
        _f("n_articles", pa.int32(), False), _f("url", pa.string()), _f("title", pa.string()),
        _f("chrome", pa.list_(_chrome), False), _f("duplicate_of", pa.string()), _f("similarity", pa.float64()),
    ]),
    "articles": pa.schema([
        _f("article_id", pa.string(), False), _f("doc_id", pa.string(), False),
        _f("index", pa.int32(), False), _f("title", pa.string(), False),
        _f("kicker", pa.string()), _f("subtitle", pa.string()),
        _f("authors", pa.list_(_author), False), _f("dateline", pa.string()),
        _f("published", pa.date32()), _f("outlet", pa.string()),
        *_span, _f("segments", pa.list_(_segment), False), _f("truncated", pa.bool_(), False),
        _f("text", pa.large_string(), False),
    ]),
    "sentences": pa.schema([
        _f("sentence_id", pa.string(), False), _f("doc_id", pa.string(), False),
        _f("article_id", pa.string(), False), _f("paragraph", pa.int32(), False),
        _f("index", pa.int32(), False), *_span, _f("text", pa.string(), False),
        _f("tokens", pa.list_(pa.string()), False),
    ]),
    "entities": pa.schema([
        _f("entity_id", pa.string(), False), _f("doc_id", pa.string(), False),
        _f("article_id", pa.string(), False), _f("sentence_id", pa.string(), False),
        _f("text", pa.string(), False), *_span, _f("label", pa.string(), False),
        _f("normalized", pa.string()), _f("source", pa.string(), False),
    ]),
    "metrics": pa.schema([
        _f("metric_id", pa.string(), False), _f("doc_id", pa.string(), False),
        _f("article_id", pa.string(), False), _f("sentence_id", pa.string(), False),
        _f("text", pa.string(), False), *_span,
        _f("value", pa.float64(), False), _f("value_max", pa.float64()),
        _f("unit", pa.string(), False), _f("quantity_kind", pa.string(), False),
        _f("currency", pa.string()), _f("approx", pa.string()), _f("action", pa.string()),
        _f("object", pa.string()), _f("subject", pa.string()), _f("category", pa.string(), False),
        _f("change_direction", pa.string()), _f("change_basis", pa.string()),
        _f("period", pa.string()), _f("period_start", pa.date32()), _f("period_end", pa.date32()),
        _f("place", pa.string()), _f("place_code", pa.string()), _f("place_level", pa.string()),
        _f("place_source", pa.string(), False), _f("statistic", pa.string(), False),
        _f("fact_id", pa.string()), _f("part_of", pa.string()),
    ]),
    "quarantine": pa.schema([
        _f("source", pa.string(), False), _f("doc_id", pa.string()),
        _f("stage", pa.string(), False), _f("reason", pa.string(), False),
        _f("message", pa.string(), False), _f("excerpt", pa.string(), False),
    ]),
}

# Corpus-level tables (issue 13: written by the linking pass after the shards).
FACT_SCHEMA = pa.schema([
    _f("fact_id", pa.string(), False), _f("value", pa.float64(), False), _f("value_max", pa.float64()),
    _f("unit", pa.string(), False), _f("quantity_kind", pa.string(), False),
    _f("category", pa.string(), False), _f("object", pa.string()), _f("place", pa.string()),
    _f("place_code", pa.string()), _f("period_start", pa.date32()), _f("period_end", pa.date32()),
    _f("n_statements", pa.int32(), False), _f("n_documents", pa.int32(), False),
    _f("first_metric_id", pa.string(), False), _f("first_doc_id", pa.string(), False),
    _f("conflict", pa.bool_(), False),
])
CORPUS_SCHEMAS: dict[str, pa.Schema] = {"facts": FACT_SCHEMA}
OUTPUT_SCHEMAS: dict[str, pa.Schema] = {**SCHEMAS, **CORPUS_SCHEMAS}
