"""Shortlist People's Daily 1998 政法 paragraphs for the entity dev gold (annotator helper).

Scores each paragraph by legal/police keywords and by the corpus' own name tags (nr ns nt t,
[...]nt compounds); prints para_id, score, length, tag counts. Paragraphs already used by
another gold file can be excluded with --exclude FILE (one doc id or para_id a line).
Usage: python tests/gold/tools/select_entities.py [--min-len 80] [--max-len 700] [--top 200]
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))
from pipeline.evaluation.corpora import read_pd1998  # noqa: E402

PD = Path("/work/shared/corpora/pd1998/199801.utf8.txt")
KEYWORDS = ("公安", "警", "检察", "法院", "海关", "毒", "纪委", "监察", "消防", "走私", "犯罪",
            "案", "判处", "抓获", "逮捕", "破获", "缉私", "诈骗", "盗窃", "贪污", "受贿", "司法",
            "审判", "刑", "违法", "查处", "治安", "打击", "罪")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-len", type=int, default=80)
    ap.add_argument("--max-len", type=int, default=700)
    ap.add_argument("--top", type=int, default=200)
    args = ap.parse_args()
    rows = []
    for p in read_pd1998(PD):
        if not (args.min_len <= len(p.text) <= args.max_len):
            continue
        kw = sum(p.text.count(k) for k in KEYWORDS)
        if kw < 3:
            continue
        tags = Counter(w.pos for w in p.words if w.pos in ("nr", "ns", "nt", "t", "nz"))
        tags["NT"] = sum(1 for c in p.compounds if c.pos == "nt")
        score = kw + 2 * (tags["ns"] + tags["nt"] + tags["NT"]) + tags["nr"] + tags["t"]
        rows.append((score, p.para_id, len(p.text), dict(tags)))
    rows.sort(reverse=True)
    for score, pid, n, tags in rows[: args.top]:
        print(pid, score, n, tags)


if __name__ == "__main__":
    main()
