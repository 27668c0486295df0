"""The output folder: fazhi owns what it writes there, and a run becomes visible in one rename.

Layout of ``--out`` (``docs/reliability.md``)::

    .fazhi                 marker: fazhi writes here (and the lock of the run that writes)
    .staging/              the running run's part files and manifest (kept for --resume)
    .snapshots/<n>/        a finished run: <table>/part-*.parquet for six tables, run.json
    .current -> .snapshots/<n>          switched in one rename: the commit
    documents -> .current/documents     stable links, the paths users read
    ...  run.json -> .current/run.json

A crash before the switch leaves the previous run visible and complete, one after it the new
one; a snapshot is only ever a staging folder renamed whole once complete, so the next run
finishes an interrupted switch (roll forward). fazhi refuses, unless ``--force``, a folder
whose table names it did not create, and never deletes anything it did not write.
"""

from __future__ import annotations

import datetime
import errno
import json
import os
import shutil
import signal
from pathlib import Path
from typing import Callable

from schemas.records import OUTPUT_TABLES as TABLES

from ..errors import UserError
from ..io import OUTPUT_MARKER
from .manifest import STAGING

SNAPSHOTS = ".snapshots"
CURRENT = ".current"
PUBLISHED = tuple(TABLES) + ("run.json",)
FORMAT = 2
KILL_STEP_ENV = "FAZHI_TEST_KILL_AT_COMMIT_STEP"  # test hook: SIGKILL before commit step n
COMMIT_STEPS = 4
FULL = (errno.ENOSPC, errno.EDQUOT)


class OutputFolder:
    """``--out``, claimed and locked for one run: ``open``, then ``commit``, then ``close``."""

    def __init__(self, out: str | os.PathLike, *, force: bool = False,
                 say: Callable[[str], None] | None = None) -> None:
        self.out = Path(out)
        self.force = force
        self.say = say or (lambda message: None)
        self.staging = self.out / STAGING
        self._lock = None

    def open(self) -> "OutputFolder":
        """Check the folder, take its lock and finish an interrupted commit; return self."""
        _check_writable(self.out)
        legacy = self._claim()
        self._lock = _lock(self.out / OUTPUT_MARKER)
        self._legacy = legacy
        self.recover()
        return self

    def close(self) -> None:
        if self._lock is not None:
            self._lock.close()  # closing releases the lock; the marker stays
            self._lock = None

    def __enter__(self) -> "OutputFolder":
        return self.open()

    def __exit__(self, *exc) -> bool:
        self.close()
        return False

    # --- ownership --------------------------------------------------------------------------

    def _claim(self) -> bool:
        """Refuse a folder with table names fazhi did not create; True for an older fazhi's."""
        if (self.out / OUTPUT_MARKER).exists():
            return False
        names = PUBLISHED + (STAGING, SNAPSHOTS, CURRENT)
        taken = [n for n in names if (self.out / n).exists() or (self.out / n).is_symlink()]
        if not taken:
            return False
        if _older_fazhi_outputs(self.out, taken):
            return True
        if not self.force:
            listed = ", ".join(taken)
            raise UserError(f"{self.out} holds {listed} that fazhi did not write (no {OUTPUT_MARKER}"
                            " marker): choose another --out, or pass --force to move them aside")
        aside = self.out / f".fazhi-displaced-{datetime.datetime.now():%Y%m%dT%H%M%S}"
        aside.mkdir()
        for name in taken:
            os.rename(self.out / name, aside / name)
        self.say(f"--force: moved {', '.join(taken)} into {aside}")
        return False

    # --- the commit -------------------------------------------------------------------------

    def commit(self) -> Path:
        """Publish the finished staging folder (holding run.json) in one rename; return it."""
        snapshots = self.out / SNAPSHOTS
        snapshots.mkdir(exist_ok=True)
        target = snapshots / f"{self._last_snapshot() + 1:06d}"
        _step(1)
        os.rename(self.staging, target)  # complete by construction: run.json is written last
        _step(2)
        _swap_link(self.out / CURRENT, f"{SNAPSHOTS}/{target.name}")  # the commit point
        _step(3)
        self._link_tables()
        _step(4)
        self._prune()
        return target

    def recover(self) -> None:
        """Finish a commit a crash interrupted: switch to the newest snapshot, relink, prune."""
        for leftover in self.out.glob(".*.link-tmp"):
            leftover.unlink(missing_ok=True)
        newest = self._last_snapshot()
        if newest == 0:
            return
        name = f"{SNAPSHOTS}/{newest:06d}"
        current = self.out / CURRENT
        if not current.is_symlink() or os.readlink(current) != name:
            self.say(f"Finishing the commit of an interrupted run in {self.out}")
            _swap_link(current, name)
        self._link_tables()
        self._prune()

    def _last_snapshot(self) -> int:
        numbers = [int(p.name) for p in (self.out / SNAPSHOTS).glob("[0-9]*") if p.name.isdigit()]
        return max(numbers, default=0)

    def _link_tables(self) -> None:
        for name in PUBLISHED:
            link = self.out / name
            wanted = f"{CURRENT}/{name}"
            if link.is_symlink() and os.readlink(link) == wanted:
                continue
            if link.exists() and not link.is_symlink():  # an older fazhi's real folder
                old = self.out / SNAPSHOTS / "older-layout"
                old.mkdir(parents=True, exist_ok=True)
                os.rename(link, old / name)
            _swap_link(link, wanted)

    def _prune(self) -> None:
        current = os.readlink(self.out / CURRENT).rsplit("/", 1)[-1]
        for path in (self.out / SNAPSHOTS).iterdir():
            if path.name != current:
                shutil.rmtree(path, ignore_errors=True)

    def discard_staging_when_full(self, exc: OSError) -> None:
        """On a full disk, remove the staging area (it holds the space) and say so."""
        size = sum(p.stat().st_size for p in self.staging.rglob("*") if p.is_file())
        shutil.rmtree(self.staging, ignore_errors=True)
        raise UserError(f"no space left on the device of {self.out} ({exc.strerror}): the "
                        f"staging area ({size // 2**20} MB) was removed; free some space and run "
                        "again") from None


def _older_fazhi_outputs(out: Path, taken: list[str]) -> bool:
    """True for the outputs of a fazhi before the marker: run.json and part files only."""
    try:
        info = json.loads((out / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(info, dict) or "fazhi" not in info or "rows" not in info:
        return False
    for name in taken:
        path = out / name
        if name in TABLES:
            if not path.is_dir() or any(not p.name.endswith((".parquet", ".tmp"))
                                        for p in path.iterdir()):
                return False
        elif name not in ("run.json", STAGING):
            return False
    return True


def _check_writable(out: Path) -> None:
    """Raise UserError (one line) when ``out`` cannot be fazhi's output folder."""
    if out.exists() and not out.is_dir():
        raise UserError(f"--out {out} is a file, not a folder")
    for parent in out.parents:
        if parent.exists():
            if not parent.is_dir():
                raise UserError(f"--out {out} is under {parent}, which is a file")
            break
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / f".fazhi-probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise UserError(f"cannot write into --out {out}: {exc.strerror}") from None


def _lock(marker: Path):
    """Return the open, locked marker file; one run at a time writes into its folder.

    A POSIX record lock: it belongs to this process only (forked workers do not hold it) and
    goes away with the process, so a killed run never leaves a stale lock behind.
    """
    import fcntl

    handle = open(marker, "a+", encoding="utf-8")
    try:
        fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise UserError(f"another fazhi run is writing into {marker.parent}: wait for it to "
                        "finish, or choose another --out") from None
    if handle.tell() == 0:
        handle.write(json.dumps({"format": FORMAT, "written_by": "fazhi",
                                 "note": "fazhi's output folder; see docs/reliability.md"}) + "\n")
        handle.flush()
    return handle


def _swap_link(link: Path, target: str) -> None:
    """Point ``link`` at ``target`` in one rename (a new link replaces the old one)."""
    temp = link.parent / f".{link.name}.link-tmp"
    temp.unlink(missing_ok=True)
    os.symlink(target, temp)
    os.replace(temp, link)


def _step(number: int) -> None:
    if os.environ.get(KILL_STEP_ENV) == str(number):
        os.kill(os.getpid(), signal.SIGKILL)  # tests: a crash at every step of the commit
