"""The staging tables each shard writes for the linking pass (``pipeline.facts``).

``<staging>/.facts/<table>/part-<shard>.parquet`` for ``fact_docs``, ``fact_locals`` and
``fact_links``: a document's local facts and MinHash, computed in the shard where its text and
metrics are at hand. They are read by the corpus pass (``linking.py``) and never published.
"""

from __future__ import annotations

from pathlib import Path

from ..facts import document_facts
from ..facts.shard import SCHEMAS

SIDE_DIR = ".facts"
SIDE_SCHEMAS = SCHEMAS


def side_dir(staging: Path, table: str) -> Path:
    return Path(staging) / SIDE_DIR / table


def side_rows(rows: dict[str, list[dict]]) -> dict[str, list[dict]]:
    """The staging rows of one processed document (its ``documents`` and ``metrics`` rows);
    nothing for a document that was set aside."""
    documents = rows.get("documents") or []
    if len(documents) != 1:
        return {}
    found = document_facts(documents[0], rows.get("metrics") or [])
    return {"fact_docs": found.docs, "fact_locals": found.locals, "fact_links": found.links}
