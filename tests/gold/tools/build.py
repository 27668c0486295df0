"""Build a gold JSONL from annotator spec files (spec files stay outside the repo: they quote corpus text).

Usage: python tests/gold/tools/build.py OUT.jsonl SPEC...
"""
import sys
from pathlib import Path

import goldlib

if __name__ == "__main__":
    recs = goldlib.build(sys.argv[2:])
    goldlib.dump(recs, Path(sys.argv[1]))
    print(len(recs), "records ->", sys.argv[1])
