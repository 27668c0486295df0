"""The corpus pass: the shards' local facts and MinHashes (``shard.py``) linked into facts.

It reads three columnar tables and no text. Python objects are made only for the local facts
that can fold with another (those in republished documents, and those with a blocking key);
every other local fact is a fact of its own, built column-wise.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from schemas.arrow import FACT_SCHEMA

from .across import UNDATED, UnionFind, scoped
from .duplicates import NUM_PERM, THRESHOLD, order_key, roots, similar_rows
from .shard import DOCS, LINKS, LOCALS
from .store import FileRows, TableRows
from .tasks import BATCH, Mapper, block_unions, chunks, copy_unions, fact_rows, in_process, undated_unions


METRIC_LINKS = pa.schema([pa.field("metric_id", pa.string(), False), pa.field("fact_id", pa.string(), False),
                          pa.field("part_of", pa.string())])
DOCUMENT_LINKS = pa.schema([pa.field("doc_id", pa.string(), False), pa.field("duplicate_of", pa.string()),
                            pa.field("similarity", pa.float64())])


def _signature_matrix(column: pa.ChunkedArray) -> np.ndarray:
    """The non-null binary signatures of ``column`` as an (n, NUM_PERM) uint32 matrix."""
    array = column.combine_chunks()
    if len(array) == 0:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    offsets = np.frombuffer(array.buffers()[1], dtype=np.int32)[array.offset:array.offset + len(array) + 1]
    data = np.frombuffer(array.buffers()[2], dtype=np.uint8)[offsets[0]:offsets[-1]]
    return data.view("<u4").reshape(len(array), NUM_PERM)


def republished(docs: TableRows | FileRows, threshold: float = THRESHOLD) -> dict[str, tuple[str, float]]:
    """doc_id → (duplicate_of, similarity) for the near-duplicates among ``docs`` (one row
    per document); the signatures are copied once, in stable order, into one matrix, ``BATCH``
    documents at a time."""
    lengths = pa.concat_arrays([pa.array([], pa.int32())] + [
        pc.binary_length(docs.take(np.arange(start, min(start + BATCH, docs.num_rows)), ["signature"])["signature"]).combine_chunks()
        for start in range(0, docs.num_rows, BATCH)])
    keys = pa.table({"published": docs.column("published"), "doc_id": docs.column("doc_id"),
                     "_row": pa.array(np.arange(docs.num_rows, dtype=np.int64))})
    keys = keys.filter(pc.fill_null(pc.equal(lengths, NUM_PERM * 4), False))
    keys = keys.sort_by([("published", "ascending", "at_end"), ("doc_id", "ascending", "at_end")])
    rows = keys["_row"].to_numpy()
    matrix = np.empty((len(rows), NUM_PERM), dtype=np.uint32)
    for start in range(0, len(rows), BATCH):
        matrix[start:start + BATCH] = _signature_matrix(docs.take(rows[start:start + BATCH], ["signature"])["signature"])
    return similar_rows(keys["doc_id"].to_pylist(), matrix, threshold)


def _runs(keys: pa.Array, lids: np.ndarray) -> Iterator[list[int]]:
    """The ``lids`` that share a key, run by run in key order; runs of one are skipped."""
    if len(keys) < 2:
        return
    order = pc.sort_indices(keys).to_numpy()
    ordered = keys.take(pa.array(order))
    changes = pc.not_equal(ordered.slice(1), ordered.slice(0, len(ordered) - 1))
    cuts = np.flatnonzero(np.asarray(changes.to_numpy(zero_copy_only=False), dtype=bool)) + 1
    starts = np.concatenate([[0], cuts])
    ends = np.concatenate([cuts, [len(ordered)]])
    for k in np.flatnonzero(ends - starts >= 2):
        yield sorted(int(x) for x in lids[order[starts[k]:ends[k]]])


def _mask(array) -> np.ndarray:
    return np.asarray(array.to_numpy(zero_copy_only=False), dtype=bool)


def undated_mask(keys: pa.Array) -> np.ndarray:
    """Which staged blocking keys are ``across.undated_keys`` keys."""
    return _mask(pc.starts_with(keys, f'["{UNDATED}"'))


def blocked_mask(blocks: pa.ChunkedArray, n: int) -> np.ndarray:
    """The local facts with a dated blocking key (an undated key alone leaves a fact scoped
    to its document unless it joins another's)."""
    blocked = np.zeros(n, dtype=bool)
    if n and len(blocks):
        keys = pc.list_flatten(blocks)
        parents = pc.list_parent_indices(blocks).to_numpy()
        blocked[parents[~undated_mask(keys)]] = True
    return blocked


class Linker:
    """One run of the corpus pass over the staged tables (``link_staged`` is its front door).

    Local facts are read as Python objects one group at a time (a republication family, a
    blocking key, a fact of several statements) and let go after it, so memory holds the
    staged columns and the union-find, not an object per local fact.
    """

    def __init__(self, docs: TableRows | FileRows, locals_: TableRows | FileRows, mapper: Mapper = in_process) -> None:
        # A run holds each document once (repeats are dropped before the pass), so the staged
        # rows are used as they are, in part order: a local fact's id is its row number. The
        # results do not depend on that numbering (every choice is ordered by content keys).
        self.locals = locals_
        self.mapper = mapper
        self.n = locals_.num_rows
        self.doc_of = locals_.column("doc_id")
        self.doc_ids = docs.column("doc_id")
        self.duplicates = republished(docs)
        self.root_of = roots(self.duplicates)
        self.sets = UnionFind()
        self.blocks = locals_.column("blocks")
        self.blocked = blocked_mask(self.blocks, self.n)

    def column(self, lids: np.ndarray, columns: list[str]) -> pa.Table:
        """``columns`` of ``lids``, read ``BATCH`` rows at a time."""
        pieces = [self.locals.take(lids[start:start + BATCH], columns) for start in range(0, len(lids), BATCH)]
        return pa.concat_tables(pieces) if pieces else self.locals.take(lids, columns)

    def unite(self, task, groups: Iterable[list[int]]) -> None:
        """Run ``task`` over ``groups`` in chunks (on the mapper) and apply its unions."""
        for pairs in self.mapper(task, self.locals, [(chunk,) for chunk in chunks(groups)]):
            for a, b in pairs:
                self.sets.union(a, b)

    def merge_copies(self) -> None:
        """A republication's local facts join its first copy's, one family at a time."""
        if not self.root_of:
            return
        members = sorted(self.root_of)
        at = pc.index_in(self.doc_of, value_set=pa.array(members, pa.string()))
        lids = np.flatnonzero(_mask(pc.is_valid(at)))
        root_no = {root: no for no, root in enumerate(sorted(set(self.root_of.values())))}
        family_of = np.array([root_no[self.root_of[d]] for d in members], dtype=np.int64)
        families = pa.array(family_of[at.to_numpy(zero_copy_only=False)[lids].astype(np.int64)])
        self.unite(copy_unions, _runs(families, lids))

    def fold_blocks(self) -> None:
        """Across documents, one blocking key at a time."""
        blocks = self.blocks
        if len(blocks) == 0:
            return
        keys = pc.list_flatten(blocks)
        lids = pc.list_parent_indices(blocks).to_numpy()
        undated = undated_mask(keys)
        self.unite(block_unions, _runs(keys.filter(pa.array(~undated)), lids[~undated]))
        self.unite(undated_unions, _runs(keys.filter(pa.array(undated)), lids[undated]))

    def families(self) -> dict[int, list[int]]:
        """Local ids of every fact stated by more than one local fact, by root id."""
        found: dict[int, list[int]] = defaultdict(list)
        for lid in self.sets.parent:
            found[self.sets.find(lid)].append(lid)
        return {root: sorted(set(lids) | {root}) for root, lids in found.items()}


class Keys:
    """fact_id per local id: the staged key (open when blocked, else scoped to the document),
    replaced for facts of several local facts and for copies scoped to their first copy;
    two facts with one key get an ordinal in their stable order."""

    def __init__(self, linker: Linker) -> None:
        self.linker = linker
        self.n = linker.n
        self.keys = pc.if_else(pa.array(linker.blocked, pa.bool_()), linker.locals.column("key_open"),
                               linker.locals.column("key_self")) if self.n else pa.array([], pa.string())
        self.owner = np.arange(self.n, dtype=np.int64)
        self.grouped = np.zeros(self.n, dtype=bool)
        self.firsts: dict[int, tuple] = {}
        self.overrides: dict[int, str] = {}

    def take(self, root: int, lids: list[int], key: str, first: tuple) -> None:
        """Take a fact of several local facts (``lids``), given its key and first statement."""
        self.overrides[root] = key
        self.owner[lids] = root
        self.grouped[lids] = True
        self.firsts[root] = first

    def group_all(self, families: list[tuple[int, list[int]]]) -> dict[int, dict]:
        """Take every fact of several local facts (root → lids); return root → its row."""
        linker = self.linker
        jobs = []
        for chunk in chunks(lids for _, lids in families):
            docs = set(linker.doc_of.take(pa.array([lid for lids in chunk for lid in lids], pa.int64())).to_pylist())
            jobs.append((chunk, [bool(linker.blocked[lids].any()) for lids in chunk],
                         {d: linker.root_of[d] for d in docs if d in linker.root_of}))
        rows: dict[int, dict] = {}
        results = (found for chunk_found in linker.mapper(fact_rows, linker.locals, jobs) for found in chunk_found)
        for (root, lids), (row, key, first) in zip(families, results):
            self.take(root, lids, key, first)
            rows[root] = row
        return rows

    def scope_copies(self) -> None:
        """A single local fact of a republished copy is scoped to its family's first copy."""
        linker = self.linker
        others = sorted(d for d, root in linker.root_of.items() if root != d)
        if not others or not self.n:
            return
        mask = _mask(pc.is_in(linker.doc_of, pa.array(others, pa.string())))
        mask &= ~linker.blocked & ~self.grouped  # a group's root is grouped too: its key is the group's
        lids = np.flatnonzero(mask)
        found = linker.column(lids, ["doc_id", "key_open"])  # key_open is fact_key(…, None)
        for lid, doc_id, key in zip(lids.tolist(), found["doc_id"].to_pylist(), found["key_open"].to_pylist()):
            self.overrides[lid] = scoped(key, linker.root_of[doc_id])

    def _apply(self, overrides: dict[int, str]) -> None:
        if overrides:
            mask = np.zeros(self.n, dtype=bool)
            at = sorted(overrides)
            mask[at] = True
            self.keys = pc.replace_with_mask(self.keys, pa.array(mask), pa.array([overrides[i] for i in at], pa.string()))

    def _first_of(self, lid: int) -> tuple:
        if lid in self.firsts:
            return self.firsts[lid]
        row = self.linker.locals.take(np.array([lid]), ["doc_id", "published", "first_start", "first_metric_id"]).to_pylist()[0]
        return (order_key(row["doc_id"], row["published"]), row["first_start"], row["first_metric_id"])

    def final(self) -> pa.Array:
        """The fact_id of every local id."""
        self._apply(self.overrides)
        owners = self.owner == np.arange(self.n)
        own = self.keys.filter(pa.array(owners))
        counts = pc.value_counts(own)
        shared = counts.field("values").filter(pc.greater(counts.field("counts"), 1))
        if len(shared):
            clash = np.flatnonzero(owners & _mask(pc.is_in(self.keys, shared)))
            by_key: dict[str, list[int]] = defaultdict(list)
            for lid, key in zip(clash.tolist(), self.keys.take(pa.array(clash)).to_pylist()):
                by_key[key].append(lid)
            ordinals = {}
            for key, lids in by_key.items():
                for ordinal, lid in enumerate(sorted(lids, key=self._first_of)):
                    if ordinal:
                        ordinals[lid] = f"{key[:12]}{ordinal:04x}"
            self._apply(ordinals)
        return self.keys.take(pa.array(self.owner))


SINGLE = ["value", "value_max", "unit", "quantity_kind", "category", "object", "place", "place_code",
          "period_start", "period_end", "n_statements", "first_metric_id", "doc_id", "conflict"]


def _single_facts(linker: Linker, fact_ids: pa.Array, singles: np.ndarray) -> pa.Table:
    """The facts rows of local facts that fold with nothing, column-wise."""
    table = linker.column(singles, SINGLE)
    ids = fact_ids.take(pa.array(singles, type=pa.int64()))
    n = table.num_rows
    return pa.table({
        "fact_id": ids, "value": table["value"], "value_max": table["value_max"],
        "unit": pc.fill_null(table["unit"], ""), "quantity_kind": pc.fill_null(table["quantity_kind"], "other"),
        "category": table["category"], "object": table["object"], "place": table["place"],
        "place_code": table["place_code"], "period_start": table["period_start"],
        "period_end": table["period_end"], "n_statements": table["n_statements"],
        "n_documents": pa.array(np.ones(n, dtype=np.int32)), "first_metric_id": table["first_metric_id"],
        "first_doc_id": table["doc_id"], "conflict": table["conflict"],
    }, schema=FACT_SCHEMA)


def lid_index(doc_id: pa.Array, no: pa.Array, first_lid: int = 0) -> pa.Table:
    """(doc_id, no) → local id for staged local facts numbered from ``first_lid``."""
    return pa.table({"doc_id": doc_id, "no": no,
                     "lid": pa.array(np.arange(first_lid, first_lid + len(doc_id), dtype=np.int64))})


def part_facts(links: pa.Table, index: pa.Table, fact_ids: pa.Array) -> dict[str, str]:
    """fact_id → the fact_id of its total, from the ``fact_links`` rows of parts (其中…);
    ``index`` (``lid_index``) covers the local facts ``links`` points at."""
    totals = links.filter(pc.is_valid(links["part_no"])).select(["doc_id", "no", "part_no"])
    if not totals.num_rows:
        return {}
    totals = totals.join(index, keys=["doc_id", "no"], join_type="inner", use_threads=False).join(
        index.rename_columns(["doc_id", "part_no", "total_lid"]), keys=["doc_id", "part_no"],
        join_type="inner", use_threads=False)
    part: dict[str, str] = {}
    for own, whole in zip(fact_ids.take(totals["lid"]).to_pylist(), fact_ids.take(totals["total_lid"]).to_pylist()):
        if own != whole:
            part[own] = min(whole, part.get(own, whole))
    return part


METRIC_LIDS = pa.schema([pa.field("metric_id", pa.string(), False), pa.field("lid", pa.int64(), False)])


def metric_lids(links: pa.Table, index: pa.Table) -> pa.Table:
    """metric_id → the local id of its local fact, sorted by metric_id, for the ``fact_links``
    rows ``links`` (``index`` from ``lid_index``)."""
    found = links.select(["metric_id", "doc_id", "no"]).join(
        index, keys=["doc_id", "no"], join_type="inner", use_threads=False).sort_by("metric_id")
    return found.select(["metric_id", "lid"]).cast(METRIC_LIDS)


def fact_columns(lids: pa.Table, fact_ids: pa.Array, part: dict[str, str]) -> pa.Table:
    """metric_id → fact_id and the fact_id of its total (part_of), sorted by metric_id, from
    ``metric_lids``; ``part`` from ``part_facts`` over every part."""
    table = pa.table({"metric_id": lids["metric_id"], "fact_id": fact_ids.take(lids["lid"])})
    if part:
        wholes = sorted(part)
        table = table.join(pa.table({"fact_id": pa.array(wholes, pa.string()),
                                     "part_of": pa.array([part[f] for f in wholes], pa.string())}),
                           keys="fact_id", join_type="left outer", use_threads=False).sort_by("metric_id")
    else:
        table = table.append_column("part_of", pa.nulls(table.num_rows, pa.string()))
    return table.select(["metric_id", "fact_id", "part_of"]).cast(METRIC_LINKS)


def metric_links(links: pa.Table, index: pa.Table, fact_ids: pa.Array, part: dict[str, str]) -> pa.Table:
    """metric_id → fact_id and part_of (``fact_columns``) for the ``fact_links`` rows ``links``."""
    return fact_columns(metric_lids(links, index), fact_ids, part)


@dataclass
class Linked:
    """What the corpus pass found: ``facts`` (sorted by fact_id), the fact_id of every local
    id, and ``document_links`` (doc_id, duplicate_of, similarity; every document, sorted)."""

    facts: pa.Table
    fact_ids: pa.Array
    document_links: pa.Table
    doc_of: pa.Array


def link_corpus(docs: pa.Table | FileRows, locals_: pa.Table | FileRows, mapper: Mapper = in_process) -> Linked:
    """Fold the staged local facts (``shard.py``) into facts; documents and local facts as
    tables, or as ``FileRows`` that the pass reads a few columns and rows of at a time.
    ``mapper`` runs the group tasks (``tasks.py``): in this process, or on a cluster."""
    docs = docs if isinstance(docs, FileRows) else TableRows(docs.cast(DOCS))
    store = locals_ if isinstance(locals_, FileRows) else TableRows(locals_.cast(LOCALS))
    linker = Linker(docs, store, mapper)
    linker.merge_copies()
    linker.fold_blocks()
    keys = Keys(linker)
    families = sorted(linker.families().items())
    rows = keys.group_all(families)
    keys.scope_copies()
    fact_ids = keys.final()
    singles = np.flatnonzero(~keys.grouped)
    tables = [_single_facts(linker, fact_ids, singles)]
    if rows:
        for root, row in rows.items():
            row["fact_id"] = fact_ids[root].as_py()
        tables.append(pa.Table.from_pylist(list(rows.values()), schema=FACT_SCHEMA))
    facts = pa.concat_tables(tables).sort_by("fact_id")
    found = linker.duplicates
    copies = sorted(found)
    document_links = pa.table({"doc_id": linker.doc_ids}).join(
        pa.table({"doc_id": pa.array(copies, pa.string()),
                  "duplicate_of": pa.array([found[d][0] for d in copies], pa.string()),
                  "similarity": pa.array([found[d][1] for d in copies], pa.float64())}),
        keys="doc_id", join_type="left outer", use_threads=False).sort_by("doc_id").cast(DOCUMENT_LINKS)
    return Linked(facts, fact_ids, document_links, linker.doc_of)


def link_staged(docs: pa.Table, locals_: pa.Table, links: pa.Table) -> tuple[pa.Table, pa.Table, pa.Table]:
    """``facts`` (sorted by fact_id), ``metric_links`` (metric_id, fact_id, part_of) and
    ``document_links`` (doc_id, duplicate_of, similarity; every document, sorted)
    from the staging tables of ``shard.py``, all in memory."""
    locals_ = locals_.cast(LOCALS)
    linked = link_corpus(docs, locals_)
    links = links.cast(LINKS)
    index = lid_index(linked.doc_of, locals_["no"].combine_chunks())
    part = part_facts(links, index, linked.fact_ids)
    return linked.facts, metric_links(links, index, linked.fact_ids, part), linked.document_links
