"""The corpus pass: the shards' local facts and MinHashes (``shard.py``) linked into facts.

It reads three columnar tables and no text. Python objects are made only for the local facts
that can fold with another (those in republished documents, and those with a blocking key);
every other local fact is a fact of its own, built column-wise.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from schemas.arrow import FACT_SCHEMA

from .across import Local, UnionFind, fact_key, fold_across, merge_republications
from .duplicates import NUM_PERM, THRESHOLD, order_key, roots, similar_rows
from .shard import DOCS, LINKS, LOCALS, stored_local
from .values import WEAK_CATEGORIES

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


def republished(docs: pa.Table, threshold: float = THRESHOLD) -> dict[str, tuple[str, float]]:
    """doc_id → (duplicate_of, similarity) for the near-duplicates among ``docs`` (one row
    per document); the signatures are copied once, in stable order, into one matrix."""
    signatures = docs["signature"]
    valid = pc.and_(pc.is_valid(signatures), pc.equal(pc.binary_length(signatures), NUM_PERM * 4))
    keys = docs.select(["published", "doc_id"]).append_column(
        "_row", pa.array(np.arange(docs.num_rows, dtype=np.int64))).filter(valid)
    keys = keys.sort_by([("published", "ascending", "at_end"), ("doc_id", "ascending", "at_end")])
    matrix = _signature_matrix(signatures.take(keys["_row"]))
    return similar_rows(keys["doc_id"].to_pylist(), matrix, threshold)


class BlockedSet:
    """The local ids that have a blocking key (``lid in blocked``), as a boolean array."""

    def __init__(self, mask: np.ndarray) -> None:
        self.mask = mask

    def __contains__(self, lid: int) -> bool:
        return bool(self.mask[lid])


def _sharing(blocks: pa.ListArray) -> list[int]:
    """The local ids with a blocking key that another local fact has too: only they can fold
    across documents (a key held by one local fact folds nothing), so only they are read."""
    if len(blocks) == 0:
        return []
    flat = pa.table({"block": pc.list_flatten(blocks), "lid": pc.list_parent_indices(blocks)})
    counts = flat.group_by("block", use_threads=False).aggregate([("lid", "count_distinct")])
    shared = counts.filter(pc.greater(counts["lid_count_distinct"], 1))["block"]
    lids = flat.filter(pc.is_in(flat["block"], shared))["lid"]
    return sorted(set(lids.to_pylist()))


class Linker:
    """One run of the corpus pass over the staged tables (``link_staged`` is its front door)."""

    def __init__(self, docs: pa.Table, locals_: pa.Table, links: pa.Table) -> None:
        # A run holds each document once (repeats are dropped before the pass), so the staged
        # rows are used as they are, in part order: a local fact's id is its row number. The
        # results do not depend on that numbering (every choice is ordered by content keys).
        self.locals = locals_
        self.links = links
        self.doc_ids = docs["doc_id"]
        self.duplicates = republished(docs)
        self.root_of = roots({d: v for d, v in self.duplicates.items()})
        self.made: dict[int, Local] = {}
        self.sets = UnionFind()

    def local(self, lid: int) -> Local:
        if lid not in self.made:
            self.made[lid] = stored_local(self.locals.slice(lid, 1).to_pylist()[0], lid)
        return self.made[lid]

    def make(self, lids: list[int]) -> list[Local]:
        """The Locals of ``lids``, read from the table in one go."""
        wanted = [lid for lid in lids if lid not in self.made]
        for start in range(0, len(wanted), 4096):
            chunk = wanted[start:start + 4096]
            for lid, row in zip(chunk, self.locals.take(pa.array(chunk, pa.int64())).to_pylist()):
                self.made[lid] = stored_local(row, lid)
        return [self.made[lid] for lid in lids]

    def _lids(self, mask) -> list[int]:
        return np.flatnonzero(np.asarray(mask.to_numpy(zero_copy_only=False), dtype=bool)).tolist()

    def fold(self) -> set[int]:
        """Republications first, then blocks across documents; return the blocked local ids."""
        copies = sorted(set(self.root_of))
        by_root: dict[str, list[Local]] = defaultdict(list)
        if copies:
            for local in self.make(self._lids(pc.is_in(self.locals["doc_id"], pa.array(copies)))):
                by_root[self.root_of[local.doc_id]].append(local)
        merge_republications(by_root, self.sets)
        blocks = self.locals["blocks"].combine_chunks()
        blocked = np.asarray(pc.greater(pc.list_value_length(blocks), 0).to_numpy(zero_copy_only=False), dtype=bool)
        fold_across(self.make(_sharing(blocks)), self.sets)
        return BlockedSet(blocked)

    def groups(self) -> dict[int, list[Local]]:
        """Groups of more than one local fact, by their root id."""
        found: dict[int, list[Local]] = defaultdict(list)
        members = set(self.sets.parent) | {self.sets.find(x) for x in self.sets.parent}
        for lid in sorted(members):
            found[self.sets.find(lid)].append(self.local(lid))
        return {root: group for root, group in found.items() if len(group) > 1}

    def single_keys(self, blocked: "BlockedSet", grouped: set[int]) -> list[str | None]:
        """fact_id candidates of the facts stated by one local fact (None for grouped ones)."""
        keys = []
        opened, own = self.locals["key_open"].to_pylist(), self.locals["key_self"].to_pylist()
        for lid, doc_id in enumerate(self.locals["doc_id"].to_pylist()):
            if lid in grouped:
                keys.append(None)
            elif lid in blocked:
                keys.append(opened[lid])
            elif self.root_of.get(doc_id, doc_id) == doc_id:
                keys.append(own[lid])
            else:
                local = self.local(lid)
                keys.append(fact_key(local, local.category, local.object, self.root_of[doc_id]))
        return keys


def _rep(members: list[Local]) -> Local:
    return min(members, key=lambda m: (m.rep.width / max(abs(m.rep.value), 1.0), m.order, m.first_start))


def _first(members: list[Local]) -> Local:
    return min(members, key=lambda m: (m.order, m.first_start, m.lid))


def group_row(fact_id: str, members: list[Local]) -> dict:
    """The facts row of a fact stated by several local facts."""
    rep, first = _rep(members), _first(members)
    category = rep.category
    if category in WEAK_CATEGORIES:
        category = next((m.category for m in members if m.category not in WEAK_CATEGORIES), category)
    row = rep.row
    pick = lambda key: row.get(key) or next((m.row.get(key) for m in members if m.row.get(key)), None)  # noqa: E731
    return {
        "fact_id": fact_id, "value": float(row["value"]), "value_max": row.get("value_max"),
        "unit": row.get("unit") or "", "quantity_kind": row.get("quantity_kind") or "other",
        "category": category, "object": rep.object or next((m.object for m in members if m.object), None),
        "place": pick("place"), "place_code": pick("place_code"),
        "period_start": pick("period_start"), "period_end": pick("period_end"),
        "n_statements": sum(m.n_statements for m in members),
        "n_documents": len({m.doc_id for m in members}),
        "first_metric_id": first.first_metric_id, "first_doc_id": first.doc_id,
        "conflict": any(m.conflict for m in members),
    }


def _unique_ids(linker: Linker, keys: list[str | None], groups: dict[int, list[Local]],
                blocked: BlockedSet) -> list[str]:
    """fact_id per local id: its key, or, when two facts share a key, the key with an ordinal
    in their stable order (first statement's order, offset, metric_id)."""
    for root, members in groups.items():
        rep = _rep(members)
        scope = None if any(m.lid in blocked for m in members) else linker.root_of.get(
            _first(members).doc_id, _first(members).doc_id)
        keys[root] = fact_key(rep, rep.category, rep.object, scope)
    root_of_lid = {m.lid: root for root, members in groups.items() for m in members}
    owners = [root_of_lid.get(lid, lid) for lid in range(len(keys))]
    seen: dict[str, list[int]] = defaultdict(list)
    for lid, owner in enumerate(owners):
        if owner == lid:
            seen[keys[lid]].append(lid)
    ids = list(keys)
    docs, published = linker.locals["doc_id"], linker.locals["published"]
    for key, owned in seen.items():
        if len(owned) < 2:
            continue

        def first_of(lid: int) -> tuple:
            if lid in groups:
                f = _first(groups[lid])
                return (f.order, f.first_start, f.first_metric_id)
            row = linker.locals.slice(lid, 1).select(["first_start", "first_metric_id"]).to_pylist()[0]
            return (order_key(docs[lid].as_py(), published[lid].as_py()), row["first_start"], row["first_metric_id"])
        for ordinal, lid in enumerate(sorted(owned, key=first_of)):
            ids[lid] = key if ordinal == 0 else f"{key[:12]}{ordinal:04x}"
    return [ids[owner] for owner in owners]


def _single_facts(locals_: pa.Table, fact_ids: pa.Array, singles: np.ndarray) -> pa.Table:
    """The facts rows of local facts that fold with nothing, column-wise."""
    table = locals_.take(pa.array(singles, type=pa.int64()))
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


def _metric_links(linker: Linker, fact_ids: pa.Array) -> pa.Table:
    """metric_id → fact_id and the fact_id of its total (part_of), sorted by metric_id."""
    index = linker.locals.select(["doc_id", "no"]).append_column(
        "lid", pa.array(np.arange(linker.locals.num_rows, dtype=np.int64)))
    links = linker.links.join(index, keys=["doc_id", "no"], join_type="inner", use_threads=False)
    links = links.sort_by("metric_id")
    totals = links.filter(pc.is_valid(links["part_no"])).join(
        index.rename_columns(["doc_id", "part_no", "total_lid"]), keys=["doc_id", "part_no"],
        join_type="inner", use_threads=False)
    fact_of = fact_ids.take(links["lid"])
    part: dict[str, set[str]] = defaultdict(set)
    for lid, total in zip(totals["lid"].to_pylist(), totals["total_lid"].to_pylist()):
        own, whole = fact_ids[lid].as_py(), fact_ids[total].as_py()
        if own != whole:
            part[own].add(whole)
    part_of = {fact: min(wholes) for fact, wholes in part.items()}
    return pa.table({"metric_id": links["metric_id"], "fact_id": fact_of,
                     "part_of": pa.array([part_of.get(f) for f in fact_of.to_pylist()], pa.string())},
                    schema=METRIC_LINKS)


def link_staged(docs: pa.Table, locals_: pa.Table, links: pa.Table) -> tuple[pa.Table, pa.Table, pa.Table]:
    """``facts`` (sorted by fact_id), ``metric_links`` (metric_id, fact_id, part_of) and
    ``document_links`` (doc_id, duplicate_of, similarity; every document, sorted)
    from the staging tables of ``shard.py``."""
    linker = Linker(docs.cast(DOCS), locals_.cast(LOCALS), links.cast(LINKS))
    blocked = linker.fold()
    groups = linker.groups()
    grouped = {m.lid for members in groups.values() for m in members}
    keys = linker.single_keys(blocked, grouped)
    fact_ids = pa.array(_unique_ids(linker, keys, groups, blocked), pa.string())
    singles = np.array(sorted(set(range(len(keys))) - grouped), dtype=np.int64)
    tables = [_single_facts(linker.locals, fact_ids, singles)]
    if groups:
        rows = [group_row(fact_ids[root].as_py(), members) for root, members in groups.items()]
        tables.append(pa.Table.from_pylist(rows, schema=FACT_SCHEMA))
    facts = pa.concat_tables(tables).sort_by("fact_id")
    found = linker.duplicates
    copies = sorted(found)
    document_links = pa.table({"doc_id": linker.doc_ids}).join(
        pa.table({"doc_id": pa.array(copies, pa.string()),
                  "duplicate_of": pa.array([found[d][0] for d in copies], pa.string()),
                  "similarity": pa.array([found[d][1] for d in copies], pa.float64())}),
        keys="doc_id", join_type="left outer", use_threads=False).sort_by("doc_id").cast(DOCUMENT_LINKS)
    return facts, _metric_links(linker, fact_ids), document_links
