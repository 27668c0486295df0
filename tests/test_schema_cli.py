"""fazhi schema: column docs from the models, and checked-in JSON Schemas that cannot drift."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from schemas import describe
from schemas.arrow import OUTPUT_SCHEMAS as SCHEMAS
from schemas.records import OUTPUT_TABLES as TABLES
from tests.outputs_factory import seed_like_rows


@pytest.mark.parametrize("table", list(TABLES))
def test_checked_in_json_schema_matches_the_models(table):
    path = describe.JSON_DIR / f"{table}.schema.json"
    assert path.exists(), f"missing {path}: run `fazhi schema --json-schema schemas/json`"
    assert path.read_text(encoding="utf-8") == describe.json_schema_text(table), (
        f"{path} drifted from schemas/records.py: run `fazhi schema --json-schema schemas/json`")


def test_no_stray_json_schema_files():
    names = {p.name for p in describe.JSON_DIR.glob("*.schema.json")}
    assert names == {f"{t}.schema.json" for t in TABLES}


@pytest.mark.parametrize("table", list(TABLES))
def test_every_column_is_documented_in_parquet_order(table):
    cols = describe.columns(table)
    assert [c.name for c in cols] == SCHEMAS[table].names
    for c in cols:
        assert c.meaning.strip(), f"{table}.{c.name} has no meaning: add a Field description"


def test_enumerated_columns_list_their_values():
    kind = {c.name: c for c in describe.columns("metrics")}["quantity_kind"]
    assert "money" in kind.values and "percent" in kind.full_meaning


@pytest.mark.parametrize("table", list(TABLES))
def test_json_schema_requires_every_column_and_allows_null_where_nullable(table):
    schema = describe.json_schema(table)
    assert schema["required"] == SCHEMAS[table].names
    assert schema["additionalProperties"] is False
    for field in SCHEMAS[table]:
        prop = schema["properties"][field.name]
        types = {alt.get("type") for alt in prop.get("anyOf", [prop])}
        assert ("null" in types) == field.nullable, field.name


@pytest.mark.parametrize("table", list(TABLES))
def test_rows_of_a_run_validate_against_the_json_schema(table):
    jsonschema = pytest.importorskip("jsonschema")
    rows = json.loads(json.dumps(seed_like_rows()[table], default=str))
    assert rows
    validator = jsonschema.Draft202012Validator(describe.json_schema(table))
    for row in rows:
        validator.validate(row)
    bad = dict(rows[0], extra_column=1)
    assert not validator.is_valid(bad)


def test_cli_prints_every_table_and_column():
    result = CliRunner().invoke(cli, ["schema"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for table in TABLES:
        assert f"{table}: {describe.TABLE_MEANINGS[table]}" in result.output
        for name in SCHEMAS[table].names:
            assert name in result.output
    assert "raw_text[start:end]" in result.output  # brackets are text, not rich markup


def test_cli_one_table_only():
    result = CliRunner().invoke(cli, ["schema", "quarantine"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "quarantine:" in result.output and "metrics:" not in result.output


def test_cli_writes_json_schemas_identical_to_the_checked_in_ones(tmp_path):
    result = CliRunner().invoke(cli, ["schema", "--json-schema", str(tmp_path / "js")])
    assert result.exit_code == 0, result.output
    for table in TABLES:
        written = (tmp_path / "js" / f"{table}.schema.json").read_text(encoding="utf-8")
        assert written == (describe.JSON_DIR / f"{table}.schema.json").read_text(encoding="utf-8")


def test_cli_markdown_and_json():
    md = CliRunner().invoke(cli, ["schema", "--markdown", "entities"])
    assert md.exit_code == 0 and "| `label` | string | no |" in md.output
    js = CliRunner().invoke(cli, ["schema", "--json", "metrics"])
    assert js.exit_code == 0
    docs = json.loads(js.output)
    assert list(docs) == ["metrics"] and docs["metrics"]["columns"][0]["name"] == "metric_id"


def test_cli_unknown_table_exits_2():
    result = CliRunner().invoke(cli, ["schema", "crimes"])
    assert result.exit_code == 2 and "'crimes' is not one of" in result.output


def test_examples_come_from_the_fullest_row_and_fill_nulls_from_others(tmp_path):
    from tests.outputs_factory import write_outputs

    out = write_outputs(tmp_path / "o")
    example = describe.examples(out, ["metrics", "articles"])
    metrics = example["metrics"]
    assert metrics["text"] == "35起"  # has action, object, period and place: the fullest row
    assert metrics["change_direction"] == "down"  # null there, taken from the rate
    assert metrics["value_max"] == ""  # null everywhere
    assert example["articles"]["authors"] == '[{"name":"丁国锋","role":"reporter"}]'
    assert example["articles"]["text"].endswith("…") and len(example["articles"]["text"]) == 40


def test_cli_markdown_with_examples(tmp_path):
    from tests.outputs_factory import write_outputs

    out = write_outputs(tmp_path / "o")
    result = CliRunner().invoke(cli, ["schema", "--markdown", "--examples", str(out), "entities"])
    assert result.exit_code == 0, result.output
    assert "| column | type | null | meaning | example |" in result.output
    assert "| `label` | string | no | PERSON ORG GPE LOC DATE LAW CRIME. | `GPE` |" in result.output


def test_cli_examples_from_a_directory_without_outputs_exits_2(tmp_path):
    result = CliRunner().invoke(cli, ["schema", "--examples", str(tmp_path)])
    assert result.exit_code == 2 and "fazhi run" in result.output
