"""Build entities_seed.jsonl from an entity spec (string | label | note; '!anchor[span]' skips one occurrence).

Every occurrence of each listed string is tagged unless it overlaps a longer listed string or is skipped.
Usage: python tests/gold/tools/build_entities.py OUT.jsonl DOC SPEC
"""
import json
import re
import sys

import goldlib


def main(out: str, doc: str, spec: str) -> None:
    text = goldlib.doc_text(doc)
    items, skips = [], set()
    for line in open(spec, encoding="utf-8"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("!"):
            left, span, right = re.fullmatch(r"!(.*)\[(.+)\](.*)", line).groups()
            full = left + span + right
            assert text.count(full) >= 1, line  # every occurrence of the anchor is skipped
            for m in re.finditer(re.escape(full), text):
                s = m.start() + len(left)
                skips.add((s, s + len(span)))
            continue
        parts = [p.strip() for p in line.split("|")]
        items.append((parts[0], parts[1], parts[2] if len(parts) > 2 else None))
    taken = [False] * len(text)
    ents = []
    for string, label, note in sorted(items, key=lambda t: -len(t[0])):
        n = 0
        for m in re.finditer(re.escape(string), text):
            s, e = m.span()
            if (s, e) in skips or any(taken[s:e]):
                continue
            for i in range(s, e):
                taken[i] = True
            rec = {"doc": doc, "start": s, "end": e, "text": string, "label": label}
            if note:
                rec["note"] = note
            ents.append(rec)
            n += 1
        if n == 0:
            print("never placed:", string, file=sys.stderr)
    ents.sort(key=lambda r: r["start"])
    with open(out, "w", encoding="utf-8") as fh:
        for r in ents:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(ents), "entities ->", out)


if __name__ == "__main__":
    main(*sys.argv[1:4])
