"""Measure the linking pass on a synthetic corpus made from a run's own tables.

    python -m pipeline.facts.scale /work/baseline/corpus_out --documents 100000

Documents are resampled from the run's documents table and perturbed (most get a quarter of
their characters replaced, so they are new stories; ``--copies`` of them only a few, so they
are republications), with their metrics rows copied (values scaled for the new stories,
places and periods drawn from the run's own). Only ``link()`` is timed; peak memory is the
maximum resident size of a fresh process that reads the corpus and runs link(), against its
size after reading.
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


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(directory: str) -> dict:
    """Read a synthetic corpus written by ``make`` and time ``link()`` on it."""
    from pipeline.facts import link, link_tables
    metrics = pq.read_table(f"{directory}/metrics.parquet")
    documents = pq.read_table(f"{directory}/documents.parquet", columns=["doc_id", "source", "raw_text", "published"])
    before = _rss_mb()
    started = time.perf_counter()
    facts, metric_links, document_links = link_tables(metrics, documents)
    table_seconds, table_peak = time.perf_counter() - started, _rss_mb()
    n = documents.num_rows
    result = {
        "documents": n, "metrics": metrics.num_rows, "facts": facts.num_rows,
        "duplicates": document_links["duplicate_of"].drop_null().length(),
        "multi_document_facts": sum(1 for k in facts["n_documents"].to_pylist() if k > 1),
        "input_mb": round((metrics.nbytes + documents.nbytes) / 2**20, 1), "rss_before_mb": round(before, 1),
        "link_tables_seconds": round(table_seconds, 1), "link_tables_peak_mb": round(table_peak, 1),
    }
    del facts, metric_links, document_links
    started = time.perf_counter()
    link(metrics, documents)
    result.update({"link_seconds": round(time.perf_counter() - started, 1), "link_peak_mb": round(_rss_mb(), 1),
                   "link_seconds_per_million_documents": round((time.perf_counter() - started) * 1e6 / n)})
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run_dir", help="a run's output directory (make) or a synthetic corpus (--measure)")
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--out", default="/tmp/facts-synthetic")
    parser.add_argument("--measure", action="store_true", help="time link() on a corpus made before")
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.run_dir)))
        return
    metrics, documents = synthetic(args.run_dir, args.documents)
    Path(args.out).mkdir(parents=True, exist_ok=True)
    pq.write_table(metrics, f"{args.out}/metrics.parquet")
    pq.write_table(documents, f"{args.out}/documents.parquet")
    result = subprocess.run([sys.executable, "-m", "pipeline.facts.scale", args.out, "--measure"],
                            check=True, capture_output=True, text=True)
    print(result.stdout.strip())


if __name__ == "__main__":
    main()
