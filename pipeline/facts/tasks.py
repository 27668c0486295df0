"""The corpus pass's work on groups of local facts, as tasks any executor can run.

Three kinds of group need the local facts as Python objects: a republication family (its
copies' local facts join the first copy's), a blocking key (local facts fold across
documents) and a fact of several local facts (its row and key). Each task gets the store the
local facts are in (``store.py``; a ``FileRows`` is a path, so it travels to a Dask worker that
sees the staging folder) and a chunk of groups of local ids, reads their rows, and returns
plain values: the unions it found, or the rows of its facts. The pass (``corpus.py``) decides
the groups from light columns and applies the results; the union-find's components do not
depend on the order the unions arrive in, so the chunks may run anywhere, in any order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

import numpy as np

from .across import Local, fact_key, fold_block, fold_undated, merge_republications
from .shard import LOCALS, stored_local
from .values import WEAK_CATEGORIES

BATCH = 1024  # local facts made into Python objects at a time (one task's chunk)
READABLE = [name for name in LOCALS.names if name not in ("blocks", "key_open", "key_self")]  # what a Local holds

# mapper(task, store, jobs) → the task's result for each job, in the order of jobs
Mapper = Callable[[Callable, object, Sequence[tuple]], Iterable]


def in_process(task: Callable, store, jobs: Sequence[tuple]) -> Iterator:
    """The default mapper: one job after the other, here."""
    for job in jobs:
        yield task(store, *job)


def chunks(groups: Iterable[list[int]]) -> Iterator[list[list[int]]]:
    """Groups of local ids gathered into chunks of about ``BATCH`` local facts."""
    pending: list[list[int]] = []
    size = 0
    for lids in groups:
        pending.append(lids)
        size += len(lids)
        if size >= BATCH:
            yield pending
            pending, size = [], 0
    if pending:
        yield pending


def read_locals(store, lids: list[int]) -> list[Local]:
    """The Locals of ``lids`` (read from ``store``, not kept), ``BATCH`` at a time."""
    found: list[Local] = []
    for start in range(0, len(lids), BATCH):
        chunk = lids[start:start + BATCH]
        rows = store.take(np.asarray(chunk, dtype=np.int64), READABLE).to_pylist()
        found += [stored_local(row, lid) for lid, row in zip(chunk, rows)]
    return found


def read_groups(store, groups: list[list[int]]) -> Iterator[list[Local]]:
    """The Locals of each group, all read at once (one read for many small groups)."""
    wanted = sorted({lid for lids in groups for lid in lids})
    made = dict(zip(wanted, read_locals(store, wanted)))
    for lids in groups:
        yield [made[lid] for lid in lids]


class Unions:
    """Stands in for the union-find inside a task: records the unions asked for."""

    def __init__(self) -> None:
        self.pairs: list[tuple[int, int]] = []

    def union(self, a: int, b: int) -> None:
        self.pairs.append((a, b))


def copy_unions(store, families: list[list[int]]) -> list[tuple[int, int]]:
    """A republication's local facts join its first copy's, family by family."""
    unions = Unions()
    for family in read_groups(store, families):
        merge_republications({"family": family}, unions)
    return unions.pairs


def block_unions(store, blocks: list[list[int]]) -> list[tuple[int, int]]:
    """Local facts of one blocking key fold across documents, block by block."""
    unions = Unions()
    for block in read_groups(store, blocks):
        fold_block(block, unions)
    return unions.pairs


def undated_unions(store, blocks: list[list[int]]) -> list[tuple[int, int]]:
    """Statements without a period join the dated ones of their figure, block by block."""
    unions = Unions()
    for block in read_groups(store, blocks):
        fold_undated(block, unions)
    return unions.pairs


def _rep(members: list[Local]) -> Local:
    return min(members, key=lambda m: (m.rep.relative_width, m.order, m.first_start))


def _first(members: list[Local]) -> Local:
    return min(members, key=lambda m: (m.order, m.first_start, m.lid))


def group_row(members: list[Local], rep: Local, first: Local) -> dict:
    """The facts row (fact_id still to set) of a fact stated by several local facts, given its
    most precise statement ``rep`` and its first one."""
    category = rep.category
    if category in WEAK_CATEGORIES:
        category = next((m.category for m in members if m.category not in WEAK_CATEGORIES), category)
    row = rep.row
    pick = lambda key: row.get(key) or next((m.row.get(key) for m in members if m.row.get(key)), None)  # noqa: E731
    return {
        "fact_id": None, "value": float(row["value"]), "value_max": row.get("value_max"),
        "unit": row.get("unit") or "", "quantity_kind": row.get("quantity_kind") or "other",
        "category": category, "object": rep.object or next((m.object for m in members if m.object), None),
        "place": pick("place"), "place_code": pick("place_code"),
        "period_start": pick("period_start"), "period_end": pick("period_end"),
        "n_statements": sum(m.n_statements for m in members),
        "n_documents": len({m.doc_id for m in members}),
        "first_metric_id": first.first_metric_id, "first_doc_id": first.doc_id,
        "conflict": any(m.conflict for m in members),
    }


def fact_rows(store, facts: list[list[int]], blocked: list[bool], roots: dict[str, str]
              ) -> list[tuple[dict, str, tuple]]:
    """For each fact of several local facts: its ``facts`` row (fact_id still to set), its key
    (scoped to its first document's family when it is not blocked; ``roots``: doc_id → first
    copy, for the documents of this chunk) and the order of its first statement."""
    found = []
    for members, is_blocked in zip(read_groups(store, facts), blocked):
        rep, first = _rep(members), _first(members)
        scope = None if is_blocked else roots.get(first.doc_id, first.doc_id)
        found.append((group_row(members, rep, first), fact_key(rep, rep.category, rep.object, scope),
                      (first.order, first.first_start, first.first_metric_id)))
    return found
