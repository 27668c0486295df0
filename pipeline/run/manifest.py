"""The staging area's manifest: one line per finished shard, what ``--resume`` skips.

While a run goes, its part files and ``manifest.jsonl`` live in ``<out>/.staging``. The first
line holds a fingerprint of the inputs and the plan, so a resume over changed inputs is
refused instead of mixing runs.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
from pathlib import Path
from typing import Callable

from schemas.records import TABLES

from ..errors import UserError
from .plan import Shard
from .sides import SIDE_SCHEMAS, side_dir

STAGING = ".staging"
MANIFEST = "manifest.jsonl"
ABORT_ENV = "FAZHI_TEST_KILL_AFTER_SHARDS"  # test hook: the driver kills itself (SIGKILL)


class Manifest:
    """The staging area's record of finished shards. The caller holds the output's lock."""

    def __init__(self, staging: Path, key: str, n_shards: int, *, resume: bool,
                 say: Callable[[str], None] | None = None) -> None:
        self.staging = Path(staging)
        self.path = self.staging / MANIFEST
        self.done: dict[int, dict] = {}
        self._recorded = 0
        self._kill_after = int(os.environ.get(ABORT_ENV, "0") or 0)
        self._open(key, n_shards, resume, say)

    def _open(self, key: str, n_shards: int, resume: bool, say) -> None:
        header = self._header()
        if resume and header is not None:
            if header.get("fingerprint") != key:
                raise UserError(
                    f"{self.staging} holds an interrupted run over other inputs or settings "
                    "(files changed since, or other options). Run without --resume to start over.")
            self.done = self._finished(n_shards)
            self._clean_temporaries()
            if say:
                say(f"Resuming: {len(self.done)} of {n_shards} shards already done.")
            self._handle = open(self.path, "a", encoding="utf-8")
            return
        if resume and say:
            say(f"Nothing to resume in {self.staging}: starting the run from the beginning.")
        elif header is not None and say:
            say(f"Discarding the interrupted run in {self.staging} (pass --resume to continue it).")
        if self.staging.exists():
            shutil.rmtree(self.staging)
        self.staging.mkdir(parents=True)
        self._handle = open(self.path, "w", encoding="utf-8")
        self._append({"fingerprint": key, "shards": n_shards})

    def _header(self) -> dict | None:
        try:
            with open(self.path, encoding="utf-8") as handle:
                return json.loads(handle.readline())
        except (OSError, ValueError):
            return None

    def _finished(self, n_shards: int) -> dict[int, dict]:
        done = {}
        with open(self.path, encoding="utf-8") as handle:
            next(handle)
            for line in handle:
                try:
                    entry = json.loads(line)
                except ValueError:  # a line cut short by the crash
                    continue
                index = entry.get("shard")
                if not isinstance(index, int) or not 0 <= index < n_shards:
                    continue
                name = Shard(index, ()).name
                if all((self.staging / t / name).exists() for t, n in entry["rows"].items() if n) and all(
                        (side_dir(self.staging, t) / name).exists() for t, n in entry.get("staged", {}).items() if n):
                    done[index] = entry
        return done

    def _clean_temporaries(self) -> None:
        for directory in [self.staging / t for t in TABLES] + [side_dir(self.staging, t) for t in SIDE_SCHEMAS]:
            if directory.is_dir():
                for temp in directory.glob(".part-*.tmp"):
                    temp.unlink(missing_ok=True)

    def _append(self, entry: dict) -> None:
        self._handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def record(self, result: dict) -> None:
        """Note a finished shard (its part files are already in place)."""
        self._append(result)
        self.done[result["shard"]] = result
        self._recorded += 1
        if self._kill_after and self._recorded >= self._kill_after:
            os.kill(os.getpid(), signal.SIGKILL)  # tests: an interruption at a known point

    def close(self) -> None:
        self._handle.close()
