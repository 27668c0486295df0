"""Sub-word splits for the word-level NER: where training gold boundaries fall inside words.

A word type is cut at an offset where a gold boundary falls strictly inside at least a share of
its training occurrences and at least a number of times (中国人 -> 中国|人, 邓小平理论 ->
邓小平|理论, 访华 -> 访|华). The table goes in ``model.json`` (``splits``);
``LinearNER.char_spans`` cuts, tags and maps back to characters.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np

from ..ner.linear import apply_splits, split_word


def word_offsets(words: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(start, end) character offsets of each word in their concatenation:
    中国|人 -> ([0, 2], [2, 3])."""
    ends = np.cumsum([len(w) for w in words], dtype=np.int64)
    return ends - np.array([len(w) for w in words], np.int64), ends


def boundary_stats(gold_sents) -> tuple[Counter, dict, dict]:
    """Per word type: occurrences, Counter of offsets where a gold boundary falls strictly
    inside an occurrence (each occurrence counts an offset once), and counts of misaligned
    spans."""
    total: Counter = Counter()
    inside: dict[str, Counter] = defaultdict(Counter)
    mis = Counter()
    for words, spans in gold_sents:
        total.update(words)
        if not spans:
            continue
        st, en = word_offsets(words)
        bounds = sorted({b for s, e, _ in spans for b in (s, e)})
        bset = set(st.tolist()) | {int(en[-1])}
        for s, e, _ in spans:
            mis["spans"] += 1
            if s not in bset or e not in bset:
                mis["misaligned"] += 1
        b = np.array(bounds, np.int64)
        # words with a boundary strictly inside: st < b < en
        i = np.searchsorted(st, b, side="right") - 1
        ok = (i >= 0) & (b > st[np.maximum(i, 0)]) & (b < en[np.maximum(i, 0)])
        for k, bb in zip(i[ok].tolist(), b[ok].tolist()):
            inside[words[k]][bb - int(st[k])] += 1
    return total, inside, mis


def learn_splits(total: Counter, inside: dict, share: float, min_count: int) -> dict:
    """{word: [offsets]}: offsets where a gold boundary falls in at least ``share`` of the
    word's training occurrences and at least ``min_count`` times."""
    out = {}
    for w, offs in inside.items():
        ks = sorted(k for k, n in offs.items() if n >= min_count and n / total[w] >= share)
        if ks:
            out[w] = ks
    return out


def realign(words: list[str], spans) -> list[tuple[int, int, str]]:
    """Token spans of the gold char spans that line up with ``words`` (overlaps dropped)."""
    st, en = word_offsets(words)
    start_of = {int(a): i for i, a in enumerate(st.tolist())}
    end_of = {int(b): i + 1 for i, b in enumerate(en.tolist())}
    out, last = [], 0
    for s, e, lab in sorted(spans):
        a, b = start_of.get(s), end_of.get(e)
        if a is None or b is None or a < last or b <= a:
            continue
        out.append((a, b, lab))
        last = b
    return out


def split_data(gold_sents, table: dict):
    """(split words, aligned token spans) per sentence, and the aligned/total span counts."""
    pieces = {w: split_word(w, ks) for w, ks in table.items()}
    words = apply_splits([w for w, _ in gold_sents], pieces)
    out, n_al, n_all = [], 0, 0
    for ws, (_, spans) in zip(words, gold_sents):
        t = realign(ws, spans)
        n_al += len(t)
        n_all += len(spans)
        out.append((ws, t))
    return out, n_al, n_all


def split_table_stats(train_gold, dev_gold, shares, counts, say=print) -> list[dict]:
    """Coverage of the misaligned training gold by the split tables of each (share, count)."""
    total, inside, mis = boundary_stats(train_gold)
    _, _, dmis = boundary_stats(dev_gold)
    say({"train": dict(mis), "dev": dict(dmis), "word_types_with_inner_boundary": len(inside)})
    rows = []
    for share in shares:
        for n in counts:
            table = learn_splits(total, inside, share, n)
            _, al, alls = split_data(train_gold, table)
            _, dal, dalls = split_data(dev_gold, table)
            rows.append({"share": share, "min": n, "words": len(table),
                         "train_misaligned": alls - al,
                         "train_fixed": round(1 - (alls - al) / max(mis["misaligned"], 1), 3),
                         "dev_misaligned": dalls - dal,
                         "train_tokens_cut": sum(total[w] for w in table)})
            say(rows[-1])
    return rows
