"""Table rows from an annotated Document, offsets in raw coordinates, ids from content hashes."""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..document import Document, content_id


def build_rows(doc: Document) -> dict[str, list[dict]]:
    """Turn an annotated Document into plain row dicts, offsets in raw coordinates."""
    rows: dict[str, list[dict]] = {"documents": [], "articles": [], "sentences": [],
                                   "entities": [], "metrics": []}
    raw = doc.raw
    rows["documents"].append(dict(
        doc_id=doc.doc_id, source=doc.source, raw_text=raw, clean_text=doc.clean,
        encoding=doc.encoding, published=doc.published, n_articles=len(doc.articles),
        url=doc.meta.get("url"), title=doc.meta.get("title"),
        chrome=[dict(zip(("start", "end"), doc.raw_span(s, e)), kind=kind)
                for s, e, kind in doc.chrome]))
    article_ids = []
    for article in doc.articles:
        segments = [doc.raw_span(s, e) for s, e in article.segments]
        article_id = content_id(doc.doc_id, "article", segments)
        article_ids.append(article_id)
        rows["articles"].append(dict(
            article_id=article_id, doc_id=doc.doc_id, index=article.index, title=article.title,
            kicker=article.kicker, subtitle=article.subtitle,
            authors=[{"name": a.name, "role": a.role} for a in article.authors],
            dateline=article.dateline, published=article.published, outlet=article.outlet,
            start=segments[0][0], end=segments[-1][1],
            segments=[{"start": s, "end": e} for s, e in segments], truncated=article.truncated,
            text="\n\n".join(raw[s:e] for s, e in segments)))
    sentence_ids = []
    for sentence in doc.sentences:
        start, end = doc.raw_span(sentence.start, sentence.end)
        sentence_id = content_id(doc.doc_id, "sentence", start, end)
        sentence_ids.append(sentence_id)
        rows["sentences"].append(dict(
            sentence_id=sentence_id, doc_id=doc.doc_id,
            article_id=article_ids[sentence.article], paragraph=sentence.paragraph,
            index=sentence.index, start=start, end=end, text=raw[start:end],
            tokens=sentence.words(doc.clean)))
    for entity in doc.entities:
        start, end = doc.raw_span(entity.start, entity.end)
        sentence = doc.sentences[entity.sentence]
        rows["entities"].append(dict(
            entity_id=content_id(doc.doc_id, "entity", start, end, entity.label),
            doc_id=doc.doc_id, article_id=article_ids[sentence.article],
            sentence_id=sentence_ids[entity.sentence], text=raw[start:end], start=start,
            end=end, label=entity.label, normalized=entity.normalized, source=entity.source))
    for metric in doc.metrics:
        start, end = doc.raw_span(metric.start, metric.end)
        sentence = doc.sentences[metric.sentence]
        fields = dict(metric.fields)
        rows["metrics"].append(dict(
            metric_id=content_id(doc.doc_id, "metric", start, end, fields.get("unit"),
                                 fields.get("value")),
            doc_id=doc.doc_id, article_id=article_ids[sentence.article],
            sentence_id=sentence_ids[metric.sentence], text=raw[start:end], start=start,
            end=end, **fields))
    return rows


EXCERPT = 200  # characters of the input a quarantine row shows


def quarantine_row(source: str, doc_id: str | None, stage: str, reason: str, message: str,
                   excerpt: str = "") -> dict:
    """One row of the quarantine table; the excerpt is cut to ``EXCERPT`` characters."""
    return dict(source=source, doc_id=doc_id, stage=stage, reason=reason, message=message,
                excerpt=excerpt[:EXCERPT])


def _temporary(path: Path) -> Path:
    """The hidden name a part is written under before it replaces ``path`` in one rename."""
    return path.with_name(f".{path.name}.rewrite.tmp")


def replace_part(table: pa.Table, path: Path, rows_per_group: int | None = None) -> None:
    """Write ``table`` over the part file ``path`` in one rename (a hidden temporary first, so a
    crash leaves the old part or the new one)."""
    temp = _temporary(path)
    pq.write_table(table, temp, compression="zstd",
                   row_group_size=max(rows_per_group, 1) if rows_per_group else None)
    os.replace(temp, path)


def rewrite_part(path: Path, schema: pa.Schema, change, rows_per_group: int) -> None:
    """Rewrite the part file ``path`` one row group at a time: ``change(table)`` gives each row
    group's new rows. Only one row group is in memory (a documents part carries whole pages);
    the new part replaces the old in one rename, as in ``replace_part``."""
    temp = _temporary(path)
    with pq.ParquetFile(path) as source, pq.ParquetWriter(temp, schema, compression="zstd") as writer:
        for group in range(source.num_row_groups):
            table = change(source.read_row_group(group, use_threads=False).cast(schema)).cast(schema)
            writer.write_table(table, row_group_size=max(rows_per_group, 1))
    os.replace(temp, path)
