"""The catalogue of fazhi's errors.

Three kinds, handled differently by the runner:
- ``InputError``: bad data. The record (or document) goes to the quarantine table with
  ``stage``, ``reason`` (a stable code below) and a message; the run goes on.
- ``UserError``: a mistake on the command line or in the environment (missing path, no
  model offline). The CLI prints one message and exits 2.
- anything else is a bug: the runner stops after flushing what was done.
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


# Stable reason codes for the quarantine table.
UNDECODABLE = "undecodable"  # bytes that no supported encoding decodes strictly
BINARY = "binary"  # NUL bytes or control characters: not text
EMPTY = "empty"  # nothing but whitespace
BAD_JSONL = "bad_jsonl"  # a JSONL line that is not a JSON object with a "text" string
UNREADABLE = "unreadable"  # the OS refused to read the file
INVALID_RECORD = "invalid_record"  # a record that failed its Pydantic model
UNPARSED_NUMBER = "unparsed_number"  # a quantity the number grammar could not read
OFFSET_MISMATCH = "offset_mismatch"  # raw[start:end] != text: a bug caught before writing
STAGE_FAILED = "stage_failed"  # an unexpected exception inside a stage, for one document
