"""Small synthetic fazhi outputs (Parquet tables + run.json) for the review-command tests.

Rows are validated by the record models before they are written with the Arrow schemas, so
these tables follow the same contract as a real run, without the pkuseg model. The page holds
the cases a reviewer's tools must survive: an ORG with a GPE nested in it, an entity and a
metric that cross, a metric that contains an entity, markup in the text, a continued article,
a change rate and a percentage (never summed), a page with no article and quarantined inputs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from schemas.arrow import OUTPUT_SCHEMAS as SCHEMAS
from schemas.records import OUTPUT_TABLES as TABLES

HEAD = "“打掉”<b>团伙</b>\n\n镇江市公安局破获案件35起\n\n□ 本报记者 丁国锋\n\n"
BODY = ("今年以来，镇江市公安局破获案件35起<script>alert(1)</script>，挽损812.6万元。"
        "警情同比下降21%，群众满意度99.13%。")
OTHER = "\n\n另一篇文章\n\n苏州警方查扣涉案资产1.5亿元。\n\n"
TAIL = "（下转第二版）镇江市追回赃款300万元。"
RAW = HEAD + BODY + OTHER + TAIL


def at(text: str, needle: str, start: int = 0) -> tuple[int, int]:
    """Return the (start, end) of ``needle`` in ``text`` at or after ``start``."""
    s = text.index(needle, start)
    return s, s + len(needle)


def _entity(n, doc_id, article_id, span, label, normalized=None, source="rule:test", text=None):
    s, e = span
    return dict(entity_id=f"ent{n:03d}", doc_id=doc_id, article_id=article_id, sentence_id="s0",
                text=RAW[s:e] if text is None else text, start=s, end=e, label=label,
                normalized=normalized, source=source)


def _metric(n, doc_id, article_id, span, value, unit, kind, category, **extra):
    s, e = span
    row = dict(metric_id=f"met{n:03d}", doc_id=doc_id, article_id=article_id, sentence_id="s0",
               text=RAW[s:e], start=s, end=e, value=value, value_max=None, unit=unit,
               quantity_kind=kind, currency="CNY" if unit == "元" else None, approx=None,
               action=None, object=None, subject=None, category=category,
               change_direction=None, change_basis=None, period=None, period_start=None,
               period_end=None, place=None, place_code=None, place_level=None,
               place_source="none", statistic="total", fact_id=f"fact{n:03d}", part_of=None)
    row.update(extra)
    return row


def seed_like_rows() -> dict[str, list[dict]]:
    """Return the rows of every table for the synthetic page (see the module docstring)."""
    doc, empty_doc = "doc0", "doc1"
    a0, a1 = "art0", "art1"
    body = len(HEAD)
    tail = len(HEAD + BODY + OTHER)
    other = len(HEAD + BODY)
    segments0 = [(0, len(HEAD + BODY)), (tail, len(RAW))]
    segments1 = [(other + 2, tail - 2)]
    org = at(RAW, "镇江市公安局", body)
    gpe = (org[0], org[0] + 3)  # 镇江市 inside 镇江市公安局
    crime = at(RAW, "案件35", body)  # crosses the metric 35起
    count = at(RAW, "35起", body)
    money = at(RAW, "812.6万元", body)
    inner = (money[0], money[0] + 3)  # "812" inside the metric, as a crossing-free nest
    rows = {
        "documents": [
            dict(doc_id=doc, source="synthetic/page.txt", raw_text=RAW, clean_text=RAW,
                 encoding="utf-8", published=None, n_articles=2, url=None, title=None,
                 chrome=[], duplicate_of=None, similarity=None),
            dict(doc_id=empty_doc, source="synthetic/blank.txt", raw_text="只有一行，没有文章。",
                 clean_text="只有一行，没有文章。", encoding="utf-8", published=None, n_articles=0, url=None, title=None,
                 chrome=[], duplicate_of=None, similarity=None),
        ],
        "articles": [
            dict(article_id=a0, doc_id=doc, index=0, title="镇江市公安局破获案件35起",
                 kicker="“打掉”<b>团伙</b>", subtitle=None,
                 authors=[{"name": "丁国锋", "role": "reporter"}], dateline=None, published=None,
                 outlet=None,
                 start=segments0[0][0], end=segments0[1][1],
                 segments=[{"start": s, "end": e} for s, e in segments0], truncated=False,
                 text="\n\n".join(RAW[s:e] for s, e in segments0)),
            dict(article_id=a1, doc_id=doc, index=1, title="另一篇文章", kicker=None,
                 subtitle="副题 & <i>说明</i>", authors=[], dateline="本报讯", published=None, outlet=None,
                 start=segments1[0][0], end=segments1[0][1],
                 segments=[{"start": s, "end": e} for s, e in segments1], truncated=True,
                 text=RAW[segments1[0][0]:segments1[0][1]]),
        ],
        "sentences": [
            dict(sentence_id="s0", doc_id=doc, article_id=a0, paragraph=0, index=0, start=0,
                 end=len(HEAD), text=HEAD, tokens=["镇江"]),
        ],
        "entities": [
            _entity(1, doc, a0, org, "ORG"),
            _entity(2, doc, a0, gpe, "GPE", "江苏省镇江市", "gazetteer"),
            _entity(3, doc, a0, crime, "CRIME"),
            _entity(4, doc, a0, inner, "DATE"),
            _entity(5, doc, a0, at(RAW, "丁国锋"), "PERSON", "reporter", "byline"),
            _entity(6, doc, a1, at(RAW, "苏州"), "GPE", "江苏省苏州市", "gazetteer"),
            _entity(7, doc, a0, at(RAW, "镇江市", tail), "GPE", "江苏省镇江市", "gazetteer"),
        ],
        "metrics": [
            _metric(1, doc, a0, count, 35.0, "起", "count", "cases_solved", action="破获",
                    object="案件", period="今年以来", place="江苏省镇江市"),
            _metric(2, doc, a0, money, 8126000.0, "元", "money", "losses_recovered",
                    action="挽损", place="江苏省镇江市", approx="about"),
            _metric(3, doc, a0, at(RAW, "21%"), 21.0, "%", "percent", "incidents_change",
                    change_direction="down", change_basis="yoy", object="警情"),
            _metric(4, doc, a0, at(RAW, "99.13%"), 99.13, "%", "percent", "satisfaction_rate"),
            _metric(5, doc, a1, at(RAW, "1.5亿元"), 150000000.0, "元", "money", "assets_seized",
                    action="查扣", object="涉案资产", place="江苏省苏州市"),
            _metric(6, doc, a0, at(RAW, "300万元", tail), 3000000.0, "元", "money",
                    "losses_recovered", action="追回", place="江苏省镇江市"),
        ],
        "quarantine": [
            dict(source="synthetic/bad.bin", doc_id=None, stage="read", reason="binary",
                 message="NUL bytes: this is binary data, not text",
                 excerpt="<img src=x onerror=alert(1)>"),
            dict(source="synthetic/page.txt", doc_id=doc, stage="validate",
                 reason="invalid_record", message="metrics record: value: not a number",
                 excerpt="三十来起"),
            dict(source="synthetic/bad2.bin", doc_id=None, stage="read", reason="binary",
                 message="NUL bytes: this is binary data, not text", excerpt="00 01"),
        ],
    }
    rows["facts"] = [_fact(m) for m in rows["metrics"]]
    return rows


def _fact(metric: dict) -> dict:
    """The fact of a metrics row that states it alone."""
    return dict(fact_id=metric["fact_id"], value=metric["value"], value_max=metric["value_max"],
                unit=metric["unit"], quantity_kind=metric["quantity_kind"], category=metric["category"],
                object=metric["object"], place=metric["place"], place_code=metric["place_code"],
                period_start=metric["period_start"], period_end=metric["period_end"], n_statements=1,
                n_documents=1, first_metric_id=metric["metric_id"], first_doc_id=metric["doc_id"],
                conflict=False)


RUN_INFO = {
    "fazhi": "0.1.0",
    "versions": {"fazhi": "0.1.0", "python": "3.11"},
    "models": {"pkuseg": {"path": "/cache/pkuseg", "source": "pkuseg-0.0.25 wheel\nmixed"},
               "ner": {"name": "fazhi_ner", "version": "0.1.0", "scores": {"ents_f": 0.8}}},
    "inputs": ["synthetic/"],
    "input_files": 4,
    "timings": {"wall_seconds": 1.5},
}


def write_outputs(out: Path, rows: dict[str, list[dict]] | None = None,
                  run_info: dict | None = RUN_INFO) -> Path:
    """Write ``rows`` (default: the synthetic page) as fazhi outputs under ``out``."""
    rows = seed_like_rows() if rows is None else rows
    out = Path(out)
    for name, model in TABLES.items():
        table_rows = rows.get(name, [])
        for row in table_rows:
            model.model_validate(row)
        (out / name).mkdir(parents=True, exist_ok=True)
        table = pa.Table.from_pylist(table_rows, schema=SCHEMAS[name])
        pq.write_table(table, out / name / "part-00000.parquet")
    if run_info is not None:
        (out / "run.json").write_text(json.dumps(run_info), encoding="utf-8")
    return out
