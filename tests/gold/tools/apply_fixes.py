"""Apply hand corrections to pre-filled entity markup (annotator helper).

Fix file: ``P <para_id>`` starts a paragraph; then ``old => new`` (old must occur exactly once in
that paragraph's markup), ``ALL old => new`` (every occurrence, at least one) or ``CLEAR`` (drop
every pre-filled span: a paragraph with no entity). Paragraphs not named in the fix file are
dropped from the output (only reviewed paragraphs are kept).
Usage: python tests/gold/tools/apply_fixes.py PREFILL FIXES > reviewed_markup
"""
from __future__ import annotations

import sys

from entlib import MARK


def read_blocks(path: str) -> dict[str, str]:
    blocks, pid = {}, None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("@@ "):
            pid = line[3:].strip()
        elif pid and line.strip():
            blocks[pid] = line
    return blocks


def main(prefill: str, fixes: str) -> None:
    blocks = read_blocks(prefill)
    out, pid, bad = {}, None, 0
    for n, line in enumerate(open(fixes, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("P "):
            pid = line[2:].strip()
            out[pid] = blocks[pid]
            continue
        if line == "CLEAR":
            out[pid] = MARK.sub(lambda m: m.group(1), out[pid])
            continue
        every = line.startswith("ALL ")
        old, new = (line[4:] if every else line).split(" => ")
        count = out[pid].count(old)
        if count == 0 or (count > 1 and not every):
            print(f"{fixes}:{n} {pid}: {old!r} occurs {count} times", file=sys.stderr)
            bad += 1
            continue
        out[pid] = out[pid].replace(old, new)
    for pid, text in out.items():
        print(f"@@ {pid}\n{text}\n")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main(*sys.argv[1:3])
