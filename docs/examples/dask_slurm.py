"""Run fazhi on a Slurm cluster through dask-jobqueue (see docs/scale-out.md).

Needs ``pip install 'fazhi[dask]' dask-jobqueue`` on the login node and the same environment on
the compute nodes; the inputs and ``--out`` must be on a shared filesystem.

Example: python docs/examples/dask_slurm.py /scratch/archive/ --out /scratch/outputs/ --jobs 20
"""

from __future__ import annotations

import argparse
import sys

from pipeline.errors import UserError
from pipeline.run.driver import run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", help="Input files or directories (shared filesystem).")
    parser.add_argument("--out", required=True, help="Output directory (shared filesystem).")
    parser.add_argument("--jobs", type=int, default=10, help="Slurm jobs, one worker process each.")
    parser.add_argument("--queue", default=None, help="Slurm partition.")
    parser.add_argument("--account", default=None, help="Slurm account.")
    parser.add_argument("--walltime", default="04:00:00")
    parser.add_argument("--resume", action="store_true", help="Continue an interrupted run.")
    args = parser.parse_args()

    from dask_jobqueue import SLURMCluster
    from distributed import Client

    # One single-threaded worker process per job: the pipeline is CPU-bound Python, and each
    # process holds its own copy of the models (about 1.5 GB with headroom).
    cluster = SLURMCluster(cores=1, processes=1, memory="3GB", walltime=args.walltime,
                           queue=args.queue, account=args.account,
                           job_script_prologue=["export OMP_NUM_THREADS=1"])
    cluster.scale(jobs=args.jobs)
    try:
        with Client(cluster) as client:
            client.wait_for_workers(1)  # start as soon as the first job is running
        summary = run(args.inputs, args.out, engine="dask", scheduler=cluster.scheduler_address,
                      resume=args.resume, say=print,
                      options={"engine": "dask", "slurm_jobs": args.jobs, "resume": args.resume})
    except UserError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    finally:
        cluster.close()
    print(", ".join(f"{n} {table}" for table, n in summary.rows.items()), "->", args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
