"""The Pydantic models and the Arrow schemas describe the same tables."""

from __future__ import annotations

import typing

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from schemas.arrow import SCHEMAS
from schemas.records import TABLES, Entity, Metric


def _optional(annotation) -> bool:
    return type(None) in typing.get_args(annotation)


@pytest.mark.parametrize("table", sorted(TABLES))
def test_models_and_arrow_schemas_agree(table):
    model, schema = TABLES[table], SCHEMAS[table]
    assert set(model.model_fields) == set(schema.names)
    for name, info in model.model_fields.items():
        field = schema.field(name)
        assert field.nullable == _optional(info.annotation), name


def test_models_forbid_extra_fields_and_are_frozen():
    row = dict(entity_id="e", doc_id="d", article_id="a", sentence_id="s", text="镇江",
               start=0, end=2, label="GPE", normalized=None, source="gazetteer")
    entity = Entity(**row)
    with pytest.raises(ValidationError):
        Entity(**row, colour="red")
    with pytest.raises(ValidationError):
        entity.label = "ORG"


@pytest.mark.parametrize("change", [
    {"label": "PLACE"}, {"start": -1}, {"start": 5, "end": 2},
])
def test_entity_rejects_bad_values(change):
    row = dict(entity_id="e", doc_id="d", article_id="a", sentence_id="s", text="镇江",
               start=0, end=2, label="GPE", normalized=None, source="gazetteer")
    with pytest.raises(ValidationError):
        Entity(**{**row, **change})


_metric = st.fixed_dictionaries(dict(
    metric_id=st.text(min_size=1, max_size=8), doc_id=st.just("d"), article_id=st.just("a"),
    sentence_id=st.just("s"), text=st.text(min_size=1, max_size=10), start=st.integers(0, 100),
    end=st.integers(100, 200), value=st.floats(allow_nan=False, allow_infinity=False),
    value_max=st.none() | st.floats(allow_nan=False, allow_infinity=False),
    unit=st.sampled_from(["起", "人", "元", "%"]),
    quantity_kind=st.sampled_from(["count", "money", "percent", "duration"]),
    currency=st.none() | st.just("CNY"), approx=st.none() | st.sampled_from(["over", "under", "about"]),
    action=st.none() | st.just("破获"), object=st.none() | st.just("案件"), subject=st.none(),
    category=st.just("cases_solved"), change_direction=st.none() | st.sampled_from(["up", "down"]),
    change_basis=st.none() | st.sampled_from(["yoy", "mom", "other"]), period=st.none(),
    period_start=st.none() | st.dates(), period_end=st.none() | st.dates(),
    place=st.none() | st.just("全国"), place_code=st.none() | st.just("100000"),
    place_level=st.none() | st.sampled_from(["country", "province", "prefecture", "county", "township"]),
    place_source=st.sampled_from(["sentence", "organ", "paragraph", "article", "none"]),
    statistic=st.sampled_from(["total", "average", "rate", "maximum", "threshold"]),
    fact_id=st.none() | st.just("f00d"), part_of=st.none() | st.just("f00e")))


@settings(max_examples=100, deadline=None)
@given(_metric)
def test_metric_rows_round_trip_through_arrow(row):
    Metric.model_validate(row)
    table = pa.Table.from_pylist([row], schema=SCHEMAS["metrics"])
    back = table.to_pylist()[0]
    assert back == row
