"""The catalogue of fazhi's errors, and the one rule for what happens to each.

The rule (``pipeline.run`` follows it):

- ``InputError``: bad data. The record (or document) goes to the quarantine table with
  ``stage``, ``reason`` (a stable code below) and a message; the run goes on.
- Any other exception raised while one record is processed (by a stage, a stage's batch
  ``prepare``, validation, or the reading of one JSONL record) is a bug that the record
  triggered: the record is quarantined with ``stage_failed`` (``bad_jsonl`` when reading)
  and the exception's type and message, and counted in ``<stage>.quarantined``; the run goes
  on. Nothing is ever passed over silently: a failed batch ``prepare`` is counted in
  ``<stage>.batch_failed`` and every document then runs the stage alone.
- A document that exceeds its time budget is quarantined with ``stage_timeout``.
- A shard whose worker dies (killed, out of memory) or that raises outside any record is
  retried once; if it fails again its inputs are quarantined as ``shard_failed`` with the
  signal or the exception, and the run goes on.
- ``UserError``: a mistake on the command line or in the environment (missing path, no
  model offline, an ``--out`` that fazhi does not own, a read-only or full disk). The CLI
  prints one line and exits 2; nothing in ``--out`` is touched beyond the staging area.
- Ctrl-C and SIGTERM stop the run (exit 130 and 143); the staging area is kept for
  ``--resume``.
"""

from __future__ import annotations


class FazhiError(Exception):
    """Base class of every error fazhi raises on purpose."""


class UserError(FazhiError):
    """A mistake the user can fix; the message says how."""


class ModelError(UserError):
    """A model is missing or broken."""


class InputError(FazhiError):
    """Bad input data: quarantined with a reason code, never fatal to the run."""

    def __init__(self, reason: str, message: str, excerpt: str = "") -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
        self.excerpt = excerpt


class Terminated(BaseException):
    """SIGTERM arrived: the run stops like on Ctrl-C (not an Exception: nothing catches it)."""


# Stable reason codes for the quarantine table.
UNDECODABLE = "undecodable"  # bytes that no supported encoding decodes strictly
BINARY = "binary"  # NUL bytes (not UTF-16) or many control bytes: not text
EMPTY = "empty"  # nothing but whitespace
BAD_JSONL = "bad_jsonl"  # a JSONL line that is not a JSON object with a "text" string
UNREADABLE = "unreadable"  # the OS refused to read it: permissions, a dangling link, a loop
SKIPPED = "skipped"  # in a folder but not an input: hidden, README.md, a FIFO, another type
INVALID_RECORD = "invalid_record"  # a record that failed its Pydantic model
UNPARSED_NUMBER = "unparsed_number"  # a quantity the number grammar could not read
STAGE_FAILED = "stage_failed"  # an unexpected exception inside a stage, for one document
STAGE_TIMEOUT = "stage_timeout"  # one document took longer than its time budget
SHARD_FAILED = "shard_failed"  # a shard's worker died (or it raised) twice
DUPLICATE = "duplicate"  # the same source and text as an earlier record (same doc_id)
