"""Column documentation and JSON Schemas generated from the record models and Arrow schemas.

The models in ``records.py`` say what a column means (``Field(description=...)``) and which
values it allows; ``arrow.py`` says its Parquet type and nullability, in column order. This
module joins the two so ``fazhi schema``, the docs and the checked-in
``schemas/json/<table>.schema.json`` files never disagree with the code.
"""

from __future__ import annotations

import json
import typing
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from .arrow import OUTPUT_SCHEMAS as SCHEMAS
from .records import OUTPUT_TABLES as TABLES

JSON_DIR = Path(__file__).parent / "json"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

TABLE_MEANINGS: dict[str, str] = {
    "documents": "One row per input page: a text file or one JSONL record, with its raw and clean text.",
    "articles": "One row per article found on a page: headline lines, byline, where it lies in the raw text.",
    "sentences": "One row per sentence of an article, with its pkuseg words.",
    "entities": "Named entities (PERSON ORG GPE LOC DATE LAW CRIME) found in the sentences.",
    "metrics": "Quantities the text reports (cases, people, money, rates) with normalised value and context.",
    "quarantine": "Inputs and records set aside, by which stage and why; the run went on without them.",
    "facts": "One row per statistic, counted once: the metrics rows that state it (restatements, republished copies) share its fact_id. Written after the shards by the linking pass.",
}

# Meanings for the columns whose model field carries no description (ids, dates, enums).
FALLBACK_MEANINGS: dict[str, str] = {
    "doc_id": "The document (documents.doc_id) the row belongs to.",
    "article_id": "The article (articles.article_id) the row belongs to.",
    "sentence_id": "The sentence (sentences.sentence_id) the span is in.",
    "entity_id": "Content hash of doc_id, the span and the label.",
    "metric_id": "Content hash of doc_id, the span, unit and value.",
    "quantity_kind": "What sort of quantity: count, money, percent, weight, length, area, volume, duration or other.",
    "period_start": "First day of the period, when it can be dated (ISO date).",
    "period_end": "Last day of the period, when it can be dated (ISO date).",
}


@dataclass(frozen=True)
class Column:
    """One column of an output table, as documented by ``fazhi schema``."""

    table: str
    name: str
    type: str  # Arrow type, e.g. string, int64, list<struct<name, role>>
    nullable: bool
    meaning: str
    values: tuple[str, ...] = ()  # the allowed values, for enumerated columns

    @property
    def full_meaning(self) -> str:
        """The meaning, followed by the allowed values when the meaning does not list them."""
        if self.values and not all(v in self.meaning for v in self.values):
            return f"{self.meaning} One of: {', '.join(self.values)}.".strip()
        return self.meaning

    def as_dict(self) -> dict:
        return {"name": self.name, "type": self.type, "nullable": self.nullable,
                "meaning": self.meaning, "values": list(self.values)}


def arrow_type_name(type_: pa.DataType) -> str:
    """Return a short readable name for an Arrow type: ``list<struct<start, end>>``."""
    if pa.types.is_large_string(type_):
        return "large_string"
    if pa.types.is_list(type_) or pa.types.is_large_list(type_):
        return f"list<{arrow_type_name(type_.value_type)}>"
    if pa.types.is_struct(type_):
        return "struct<" + ", ".join(type_.field(i).name for i in range(type_.num_fields)) + ">"
    return str(type_)


def _literal_values(annotation) -> tuple[str, ...]:
    for arg in (annotation, *typing.get_args(annotation)):
        if typing.get_origin(arg) is typing.Literal:
            return tuple(str(v) for v in typing.get_args(arg))
    return ()


TAXONOMY_PATH = Path(__file__).resolve().parents[1] / "pipeline" / "data" / "metric_categories.json"


def categories() -> list[dict]:
    """Return the metric categories in taxonomy order, one per name: ``{"name", "description",
    "examples"}`` (read from pipeline/data/metric_categories.json, the file the stage reads)."""
    if not TAXONOMY_PATH.exists():
        return []
    seen: dict[str, dict] = {}
    for rule in json.loads(TAXONOMY_PATH.read_text(encoding="utf-8"))["categories"]:
        entry = seen.setdefault(rule["name"], {"name": rule["name"], "description": rule["description"],
                                               "examples": []})
        entry["examples"] += [e for e in rule.get("examples", []) if e not in entry["examples"]]
    other = seen.pop("other", None)  # tried first for 不批准逮捕, listed last
    return list(seen.values()) + ([other] if other else [])


def columns(table: str) -> list[Column]:
    """Return the columns of ``table`` in Parquet order, with type, nullability and meaning."""
    if table not in TABLES:
        raise KeyError(f"unknown table {table!r}; the tables are: {', '.join(TABLES)}")
    model, schema = TABLES[table], SCHEMAS[table]
    result = []
    for field in schema:
        info = model.model_fields[field.name]
        meaning = info.description or FALLBACK_MEANINGS.get(field.name, "")
        values = _literal_values(info.annotation)
        if (table, field.name) == ("metrics", "category"):
            values = tuple(c["name"] for c in categories())
        result.append(Column(table, field.name, arrow_type_name(field.type), field.nullable,
                             meaning, values))
    return result


def describe(example: dict[str, dict[str, str]] | None = None) -> dict[str, dict]:
    """Return {table: {"meaning", "columns": [...]}} for every table, for ``--json`` output."""
    docs = {}
    for table in TABLES:
        cols = [c.as_dict() for c in columns(table)]
        if example is not None:
            for col in cols:
                col["example"] = example.get(table, {}).get(col["name"], "")
        docs[table] = {"meaning": TABLE_MEANINGS.get(table, ""), "columns": cols}
        if table == "metrics":
            docs[table]["categories"] = categories()
    return docs


def json_schema(table: str) -> dict:
    """Return the JSON Schema (draft 2020-12) of one row of ``table``.

    Every column is present in every row of the Parquet table, so every property is
    required; nullable columns allow ``null``. ``x-arrow-type`` records the Parquet type.
    """
    model = TABLES[table]
    schema = model.model_json_schema(mode="validation")
    properties = schema["properties"]
    for column in columns(table):
        properties[column.name]["x-arrow-type"] = column.type
        if not properties[column.name].get("description") and column.meaning:
            properties[column.name]["description"] = column.meaning
    ordered = {"$schema": JSON_SCHEMA_DIALECT, "$id": f"{table}.schema.json",
               "title": table, "description": TABLE_MEANINGS.get(table, "")}
    ordered.update({k: v for k, v in schema.items() if k not in ("title", "description")})
    ordered["required"] = [field.name for field in SCHEMAS[table]]
    return ordered


def json_schema_text(table: str) -> str:
    """Return the JSON Schema of ``table`` exactly as it is written to disk."""
    return json.dumps(json_schema(table), ensure_ascii=False, indent=2) + "\n"


def write_json_schemas(directory: str | Path = JSON_DIR) -> list[Path]:
    """Write ``<table>.schema.json`` for every table into ``directory``; return the paths."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for table in TABLES:
        path = directory / f"{table}.schema.json"
        path.write_text(json_schema_text(table), encoding="utf-8")
        paths.append(path)
    return paths


def _short(value, width: int = 40) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (list, dict)):
        text = json.dumps(value, ensure_ascii=False, default=str, separators=(",", ":"))
    else:
        text = str(value)
    text = text.replace("\n", "⏎")
    return text if len(text) <= width else text[:width - 1] + "…"


def examples(out: str | Path, tables: typing.Iterable[str] | None = None) -> dict[str, dict[str, str]]:
    """Return {table: {column: example}} from the run under ``out``: a short printed value.

    The example is taken from the row of the table with the fewest nulls (a metric with its
    action, object and period filled tells more than a bare one); columns still null there
    take their first non-null value. Long texts are cut with …; a table with no rows gives "".
    """
    import pyarrow.parquet as pq

    result: dict[str, dict[str, str]] = {}
    for table in tables or TABLES:
        path = Path(out) / table
        if not path.is_dir():
            raise FileNotFoundError(f"{path} is missing: is {out} the output of fazhi run?")
        data = pq.read_table(path).slice(0, 2000).to_pylist()
        best = max(data, key=lambda row: sum(v not in (None, [], "") for v in row.values()),
                   default={})
        shown = {}
        for name in SCHEMAS[table].names:
            value = best.get(name)
            if value in (None, [], ""):
                value = next((row[name] for row in data if row[name] not in (None, [], "")), None)
            shown[name] = "" if value is None else _short(value)
        result[table] = shown
    return result


def markdown(tables: typing.Iterable[str] | None = None,
             example: dict[str, dict[str, str]] | None = None) -> str:
    """Return a Markdown data dictionary: one heading and one column table per table.

    With ``example`` (from ``examples``) each column also shows a value from a run.
    """
    parts = []
    for table in tables or TABLES:
        parts.append(f"### {table}\n\n{TABLE_MEANINGS.get(table, '')}\n")
        if example is not None:
            parts.append("| column | type | null | meaning | example |\n|---|---|---|---|---|")
        else:
            parts.append("| column | type | null | meaning |\n|---|---|---|---|")
        for c in columns(table):
            meaning = c.full_meaning.replace("|", "\\|")
            row = f"| `{c.name}` | {c.type} | {'yes' if c.nullable else 'no'} | {meaning} |"
            if example is not None:
                value = example.get(table, {}).get(c.name, "").replace("|", "\\|").replace("`", "'")
                row += f" `{value}` |" if value else " |"
            parts.append(row)
        parts.append("")
        if table == "metrics":
            parts.append(categories_markdown())
    return "\n".join(parts)


def categories_markdown() -> str:
    """Return the metric categories as a Markdown table (name, definition, examples)."""
    rows = ["#### metrics.category\n", "| category | definition | examples |", "|---|---|---|"]
    for c in categories():
        examples = "; ".join(c["examples"][:3]).replace("|", "\\|")
        rows.append(f"| `{c['name']}` | {c['description'].replace('|', chr(92) + '|')} | {examples} |")
    return "\n".join(rows) + "\n"


def render(tables: typing.Iterable[str] | None = None, console=None,
           example: dict[str, dict[str, str]] | None = None) -> None:
    """Print one rich table of columns (name, type, null, meaning[, example]) per table."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = console or Console()
    for table in tables or TABLES:
        t = Table(title=Text(f"{table}: {TABLE_MEANINGS.get(table, '')}", style="bold"), title_justify="left",
                  title_style="bold", header_style="dim", show_lines=False)
        t.add_column("column", no_wrap=True)
        t.add_column("type")
        t.add_column("null")
        t.add_column("meaning", overflow="fold")
        if example is not None:
            t.add_column("example", overflow="fold", max_width=30)
        for c in columns(table):
            cells = [c.name, c.type, "yes" if c.nullable else "no", c.full_meaning]
            if example is not None:
                cells.append(example.get(table, {}).get(c.name, ""))
            # Text, not markup: meanings hold brackets like raw_text[start:end].
            t.add_row(*map(Text, cells))
        console.print(t)
        if table == "metrics":
            t = Table(title=Text("metrics.category: the taxonomy", style="bold"), title_justify="left",
                      header_style="dim")
            t.add_column("category", no_wrap=True)
            t.add_column("definition", overflow="fold")
            t.add_column("examples", overflow="fold")
            for c in categories():
                t.add_row(Text(c["name"]), Text(c["description"]), Text("; ".join(c["examples"][:3])))
            console.print(t)
