"""Measure the linking pass on a synthetic corpus made from a run's own tables.

    python bench/facts_scale.py outputs-of-a-run --documents 100000

Documents are resampled from the run's documents table and perturbed (most get a quarter of
their characters replaced, so they are new stories; ``--copies`` of them only a few, so they
are republications), with their metrics rows copied (values scaled for the new stories,
places and periods drawn from the run's own). Two parts are measured, as a run splits them:
the per-document staging (``document_facts``: local facts and MinHash, done in the shards, in
parallel), and, in a fresh process that reads only the staging tables, the corpus pass as a
run does it (``link_corpus`` over Arrow files, then the metrics links): its time and its
peak resident memory.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.document import content_id


def _perturb(text: str, rate: float, rng: random.Random, alphabet: str) -> str:
    chars = list(text)
    for i, ch in enumerate(chars):
        if "\u4e00" <= ch <= "\u9fff" and rng.random() < rate:
            chars[i] = rng.choice(alphabet)
    return "".join(chars)


def synthetic(run_dir: str, n_documents: int, copies: float = 0.05, seed: int = 13) -> tuple[pa.Table, pa.Table]:
    """(metrics, documents) of ``n_documents`` made from the run in ``run_dir``."""
    rng = random.Random(seed)
    docs = pq.read_table(f"{run_dir}/documents").to_pylist()
    metrics = pq.read_table(f"{run_dir}/metrics").to_pylist()
    by_doc: dict[str, list[dict]] = {}
    for row in metrics:
        by_doc.setdefault(row["doc_id"], []).append(row)
    alphabet = "".join(sorted({ch for d in docs[:200] for ch in d["raw_text"] if "\u4e00" <= ch <= "\u9fff"}))
    places = sorted({r["place"] for r in metrics if r["place"]})
    out_docs, out_metrics = [], []
    for i in range(n_documents):
        base = docs[rng.randrange(len(docs))]
        is_copy = rng.random() < copies
        raw = _perturb(base["raw_text"], 0.01 if is_copy else 0.25, rng, alphabet)
        doc_id = content_id("synthetic", i, base["doc_id"])
        out_docs.append({**base, "doc_id": doc_id, "source": f"synthetic/{i}.txt", "raw_text": raw,
                         "clean_text": raw, "published": date(2020 + rng.randrange(4), 1 + rng.randrange(12), 1)})
        factor = 1.0 if is_copy else rng.choice([0.5, 0.8, 1.0, 1.25, 2.0, 3.0])
        place = rng.choice(places) if places and not is_copy else None
        for row in by_doc.get(base["doc_id"], []):
            value_max = row["value_max"] * factor if row["value_max"] is not None else None
            out_metrics.append({**row, "doc_id": doc_id, "metric_id": content_id(doc_id, row["metric_id"]),
                                "value": row["value"] * factor, "value_max": value_max,
                                "place": place or row["place"]})
    return pa.Table.from_pylist(out_metrics), pa.Table.from_pylist(out_docs)


def _status_mb(field: str) -> float:
    """VmRSS (now) or VmHWM (peak) of this process in MB, from /proc (unlike ru_maxrss, the
    peak is not inherited from the parent across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stage(metrics: pa.Table, documents: pa.Table, out: Path) -> dict:
    """Write the staging tables of the corpus, as the shards would; return the time per document."""
    from pipeline.facts import document_facts
    from pipeline.facts.shard import SCHEMAS

    by_doc: dict[str, list[dict]] = {}
    for row in metrics.to_pylist():
        by_doc.setdefault(row["doc_id"], []).append(row)
    staged: dict[str, list[dict]] = {name: [] for name in SCHEMAS}
    started = time.perf_counter()
    for doc in documents.to_pylist():
        found = document_facts(doc, by_doc.get(doc["doc_id"], []))
        staged["fact_docs"] += found.docs
        staged["fact_locals"] += found.locals
        staged["fact_links"] += found.links
    seconds = time.perf_counter() - started
    for name, schema in SCHEMAS.items():
        pq.write_table(pa.Table.from_pylist(staged[name], schema=schema), out / f"{name}.parquet")
    return {"staging_seconds": round(seconds, 1),
            "staging_ms_per_document": round(seconds * 1000 / max(documents.num_rows, 1), 3)}


def measure(directory: str, dask_workers: int = 0) -> dict:
    """Time the corpus pass as a run does it on the staging tables written by ``stage``: copy
    them batch by batch into Arrow files, link (``link_corpus``), then the metrics links; with
    ``dask_workers``, its group tasks run on a LocalCluster of that many processes, as with
    ``--engine dask`` (the driver's memory is then the pass's own, without the tasks')."""
    from contextlib import nullcontext

    from pipeline.facts import link_corpus
    from pipeline.facts.corpus import lid_index, metric_links, part_facts
    from pipeline.facts.store import write_rows
    from pipeline.facts.tasks import in_process
    from pipeline.run.linking import system_allocator

    before = _status_mb("VmRSS")
    if dask_workers:
        from pipeline.run.dask import on_cluster, session

        cluster = session(None, dask_workers)
    else:
        cluster = nullcontext(None)
    with cluster as client, system_allocator():
        mapper = on_cluster(client) if client is not None else in_process
        started = time.perf_counter()
        stores = {}
        for name in ("fact_docs", "fact_locals"):
            source = pq.ParquetFile(f"{directory}/{name}.parquet")
            batches = (pa.Table.from_batches([b]) for b in source.iter_batches(batch_size=4096))
            stores[name] = write_rows(batches, source.schema_arrow, f"{directory}/{name}.arrow")
        linked = link_corpus(stores["fact_docs"], stores["fact_locals"], mapper)
        links = pq.read_table(f"{directory}/fact_links.parquet")
        index = lid_index(linked.doc_of, stores["fact_locals"].column("no"))
        links_out = metric_links(links, index, linked.fact_ids, part_facts(links, index, linked.fact_ids))
        seconds = time.perf_counter() - started
    facts, document_links = linked.facts, linked.document_links
    n = stores["fact_docs"].num_rows
    return {
        "documents": n, "local_facts": stores["fact_locals"].num_rows, "metrics": links_out.num_rows,
        "facts": facts.num_rows, "duplicates": document_links["duplicate_of"].drop_null().length(),
        "multi_document_facts": sum(1 for k in facts["n_documents"].to_pylist() if k > 1),
        "staging_mb": round(sum(Path(f"{directory}/{t}.parquet").stat().st_size
                                for t in ("fact_docs", "fact_locals", "fact_links")) / 2**20, 1),
        "rss_before_mb": round(before, 1),
        "pass_seconds": round(seconds, 1), "peak_rss_mb": round(_status_mb("VmHWM"), 1),
        "pass_seconds_per_million_documents": round(seconds * 1e6 / max(n, 1)),
        "tasks_ran_on": getattr(mapper, "where", "this process"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run_dir", help="a run's output directory (make) or a staged corpus (--measure)")
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--out", default="/tmp/facts-synthetic")
    parser.add_argument("--measure", action="store_true", help="time the corpus pass on a corpus staged before")
    parser.add_argument("--dask", type=int, default=0, metavar="WORKERS",
                        help="run the pass's group tasks on a LocalCluster of WORKERS processes")
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.run_dir, args.dask)))
        return
    metrics, documents = synthetic(args.run_dir, args.documents)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    result = {"made_documents": documents.num_rows, "made_metrics": metrics.num_rows,
              **stage(metrics, documents, out)}
    del metrics, documents
    measured = subprocess.run([sys.executable, __file__, str(out), "--measure", "--dask", str(args.dask)],
                              check=True, capture_output=True, text=True)
    print(json.dumps({**result, **json.loads(measured.stdout)}))


if __name__ == "__main__":
    main()
