"""Train and evaluate the linear NER (averaged perceptron) of ``pipeline/ner_linear.py`` (over
pkuseg words, ``--level word``) or ``pipeline/ner_char.py`` (over characters, ``--level char``).

    .venv/bin/python training/train_linear.py train --out /tmp/linear_ner/run1
    .venv/bin/python training/train_linear.py eval /tmp/linear_ner/run1

The shipped model is ``--level char`` with the options of ``pipeline.train.RECIPE`` (what
``fazhi train ner`` runs); its measurements are in the model card. What follows below records
the word-level model's measurements.

Training data: the DocBins of ``fazhi train ner`` (pkuseg words, aligned gold):
``training/work/train.spacy``; ``dev.spacy`` (held out from the training corpora) picks the
epoch. ``eval`` scores exact character spans on MSRA test and pd_ner test (pkuseg words from
the pipeline's segmenter, as ``pipeline.train.evaluate``) and measures the model's speed.

Measured (2-core shared CPU, one process), default settings (``DEFAULT_OFFSETS`` and
``DEFAULT_PAIRS``, min word count 1, min pair count 2, best of 15 epochs by dev F, seed 0):
2.6 min of training, best epoch 12, dev F 0.921 (the shipped spaCy NER: 0.887), 9.6 MB.
MSRA test P/R/F 0.912/0.752/0.824, on the gold aligned to pkuseg words 0.912/0.836/0.872
(shipped: 0.884/0.734/0.802 and 0.849). pd_ner test 0.991/0.911/0.949 (shipped 0.895), but
pd_ner's test sentences are MSRA *train* sentences (4,613 of 4,636 share a 12-character run
with MSRA train, 2,958 are identical), so it measures memorisation, not held-out accuracy.
Speed on the first 1,500 MSRA test sentences (82,506 chars, words given): ~1.1M chars/s in one
batch, ~0.8M in batches of 256 sentences, ~0.5M in batches of 32 (shipped: ~62-85k).
Dev F of variants: word bigrams only 0.918; + w-1 w+1, w-2 w-1, w+1 w+2 0.920; min word
count 2: 0.918; pairs seen once kept: 0.920; more templates at ±1/±2: 0.919; the average of
three seeds: 0.922 (3× the training time, 14.5 MB, MSRA test F 0.823: not worth it).

Sub-word splits (``--split-share F --split-min N``; ``splitstats`` prints the table sizes):
the gold char spans of the training corpora are rebuilt with every span (``corpus_examples``,
``pipeline.train``'s functions, same seed as the DocBins), and a word type is cut at an offset
where a gold boundary falls strictly inside at least a share F of its training occurrences and
at least N times (中国人 -> 中国|人, 邓小平理论 -> 邓小平|理论, 访华 -> 访|华). The table goes in
model.json (``splits``); ``LinearNER.char_spans`` cuts, tags and maps back to characters. Of
129,187 training spans 6,340 cut through pkuseg words (2,053 word types); dev (3,856 spans,
218 misaligned) exact char F over all gold, best epoch of 15:
no splits 0.893 (0.921 on the aligned gold); F 0.5 N 3 (222 types) 0.904; F 0.1 N 3 (276)
0.903; F 0.2 N 2 (453) 0.904; F 0.05 N 1 (1,987) 0.908; every offset ever seen (F 0.001 N 1,
2,050 types, 4 training spans still misaligned, 52 on dev) 0.908, chosen:

    .venv/bin/python training/train_linear.py train --split-share 0.001 --split-min 1 \
        --out /tmp/linear_ner_split/s0.001_n1
    .venv/bin/python training/train_linear.py eval /tmp/linear_ner_split/s0.001_n1

MSRA test P/R/F 0.904/0.781/0.838 (unsplit 0.912/0.752/0.824; gold reachable 89.9% -> 94.8%),
on the gold aligned to pkuseg words 0.901/0.837/0.868 (0.872); pd_ner test 0.995/0.984/0.989
(0.949: MSRA train conventions, see above). Speed of ``char_spans`` in batches of 256
~0.72M chars/s (unsplit ~0.75M), 10.4 MB, 3.0 min of training.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipeline.ner import linear as nl  # noqa: E402

WORK = REPO / "training" / "work"  # where `fazhi train ner` writes its DocBins
CORPORA = Path(os.environ.get("FAZHI_CORPORA", REPO.parent / "shared" / "corpora"))


def read_docbin(path: Path) -> list[tuple[list[str], list[tuple[int, int, str]]]]:
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("zh").vocab
    out = []
    for doc in DocBin().from_disk(path).get_docs(vocab):
        out.append(([t.text for t in doc], [(e.start, e.end, e.label_) for e in doc.ents]))
    return out


# ---------------------------------------------------------------------------------------
# Sub-word splits: the gold char spans of the training corpora (misaligned ones included)


def corpus_examples(corpora: Path = CORPORA, work: Path = WORK):
    """(train, dev) lists of (text, gold char spans), in the order of ``work``'s DocBins.

    Rebuilt with ``pipeline.train``'s functions as ``convert_corpora`` built them (same
    settings, same seed; MSRA conventions read from ``work/conventions.json``), but keeping
    every gold span, also those that cut through pkuseg words.
    """
    import random

    from pipeline.ner import train as pt

    settings = json.loads((work / "conversion.json").read_text())["settings"]
    if settings != {"harmonize": True, "extra": [], "seed": 0, "dev_fraction": 0.03}:
        raise SystemExit(f"{work}: unexpected conversion settings {settings}")
    msra = list(pt.bio_examples(corpora / "msra" / "msra_train_bio.txt", pt.MSRA_MAP))
    pd_raw = list(pt.pd1998_examples(corpora / "pd1998" / "199801.utf8.txt"))
    conventions = json.loads((work / "conventions.json").read_text(encoding="utf-8"))["conventions"]
    pd, _ = pt.apply_conventions(pd_raw, conventions)
    sources = {"pd1998": pd, "msra_train": msra}
    stems = pt.collect_admin_stems(ex for src in sources.values() for ex in src)
    rng = random.Random(settings["seed"])
    train, dev = [], []
    for name, examples in sources.items():
        examples = pt.resolve_places(examples, stems)
        rng.shuffle(examples)
        n_dev = int(len(examples) * settings["dev_fraction"])
        dev.extend(examples[:n_dev])
        train.extend(examples[n_dev:])
    rng.shuffle(train)
    keep = lambda exs: [(t, sorted(sp)) for t, sp in exs if t.strip()]  # noqa: E731
    return keep(train), keep(dev)


def word_offsets(words: list[str]) -> tuple[np.ndarray, np.ndarray]:
    ends = np.cumsum([len(w) for w in words], dtype=np.int64)
    return ends - np.array([len(w) for w in words], np.int64), ends


def attach_gold(sents, examples) -> list[tuple[list[str], list[tuple[int, int, str]]]]:
    """(words, gold char spans) per sentence: DocBin words with the corpus gold, checked to
    be the same text."""
    if len(sents) != len(examples):
        raise SystemExit(f"{len(sents)} DocBin sentences, {len(examples)} corpus examples")
    out = []
    for (words, _), (text, spans) in zip(sents, examples):
        if "".join(words) != text:
            raise SystemExit(f"DocBin words differ from the corpus text: {text[:40]!r}")
        out.append((words, spans))
    return out


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
    pieces = {w: nl.split_word(w, ks) for w, ks in table.items()}
    words = nl.apply_splits([w for w, _ in gold_sents], pieces)
    out, n_al, n_all = [], 0, 0
    for ws, (_, spans) in zip(words, gold_sents):
        t = realign(ws, spans)
        n_al += len(t)
        n_all += len(spans)
        out.append((ws, t))
    return out, n_al, n_all


def char_prf(model: nl.LinearNER, gold_sents) -> dict:
    """Exact character-span P/R/F of ``model.char_spans`` on (words, gold char spans)."""
    pred = model.char_spans([w for w, _ in gold_sents])
    return span_prf([set(g) for _, g in gold_sents], [set(p) for p in pred])


def build_vocab(sents, offsets, pairs, min_count: dict, lex) -> tuple[dict, list, dict]:
    """Template keys and pair keys seen in training (with the minimum counts)."""
    words, pos, starts, npos = nl.layout([s for s, _ in sents])
    vals = nl.word_values(words, lex)
    keys = {}
    used = {t for ts in offsets.values() for t in ts}
    for t in nl.TEMPLATES:
        if t not in used:
            continue
        v = vals[t]
        v = v[v != 0]
        u, c = np.unique(v, return_counts=True)
        u = u[c >= min_count.get(t, 1)]
        if t not in nl.FLAGS:
            u = np.union1d(u, np.array([nl.PAD], np.uint64))
        keys[t] = u
    pair_keys = []
    for h in nl.pair_values(pairs, vals, pos, npos):
        u, c = np.unique(h[h != 0], return_counts=True)
        pair_keys.append(u[c >= min_count.get("pair", 1)])
    return keys, pair_keys, {"words": words, "pos": pos, "starts": starts, "npos": npos,
                             "vals": vals}


def char_flat(pairs_gold) -> list[tuple[int, int, str]]:
    """Gold char spans without overlaps (the first of overlapping spans kept)."""
    out, last = [], 0
    for s, e, lab in sorted(pairs_gold):
        if s >= last and e > s:
            out.append((s, e, lab))
            last = e
    return out


def build_char_vocab(sents, offsets, pairs, min_count: dict, lex):
    """Template keys and pair keys seen in the character-level training data, and its
    layout."""
    from pipeline.ner import char as nc

    vals, lens = nc.char_values([w for w, _ in sents], lex)
    pos, starts, npos = nl.positions(lens)
    used = {t for ts in offsets.values() for t in ts}
    keys = {}
    for t in nc.CHAR_TEMPLATES:
        if t not in used:
            continue
        v = vals[t]
        u, c = np.unique(v[v != 0], return_counts=True)
        u = u[c >= min_count.get(t, 1)]
        if t not in nc.CHAR_FLAGS:
            u = np.union1d(u, np.array([nl.PAD], np.uint64))
        keys[t] = u
    pair_keys = []
    for h in nl.pair_values(pairs, vals, pos, npos, nc.CHAR_FLAGS):
        u, c = np.unique(h[h != 0], return_counts=True)
        pair_keys.append(u[c >= min_count.get("pair", 1)])
    return keys, pair_keys, {"vals": vals, "pos": pos, "npos": npos, "lens": lens}


def feature_rows(model: nl.LinearNER, lay: dict) -> np.ndarray:
    """[tokens, K] weight rows of every token of the layout (int32)."""
    vals, pos, npos = lay["vals"], lay["pos"], lay["npos"]
    rows, tid = model.word_rows(vals, pos, npos)
    cols = [rows[o].astype(np.int32)[tid[pos + o]] for o in nl.OFFSETS]
    cols.append(model.pair_rows(model.pair_values(vals, pos, npos)).astype(np.int32))
    return np.concatenate(cols, axis=1)


def span_prf(gold: list[set], pred: list[set]) -> dict:
    tp = sum(len(g & p) for g, p in zip(gold, pred))
    fp = sum(len(p - g) for g, p in zip(gold, pred))
    fn = sum(len(g - p) for g, p in zip(gold, pred))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def train(args) -> None:
    from spacy_pkuseg.inference import run_viterbi

    t_start = time.time()
    char = args.level == "char"
    if char:
        from pipeline.ner import char as nc
    default_offsets, default_pairs = ((nc.CHAR_OFFSETS, nc.CHAR_PAIRS) if char
                                      else (nl.DEFAULT_OFFSETS, nl.DEFAULT_PAIRS))
    offsets = json.loads(args.offsets) if args.offsets else default_offsets
    pairs = json.loads(args.pairs) if args.pairs else default_pairs
    min_count = {"w": args.min_word, "pair": args.min_pair}
    print(json.dumps({"offsets": offsets, "pairs": pairs, "min_count": min_count}), flush=True)
    train_sents = read_docbin(Path(args.train))
    dev_sents = read_docbin(Path(args.dev))
    table, split_info, dev_chars = {}, {}, None
    partial = None  # sentences whose gold constrains PERSON only (``--pd-labels person``)
    dev_labels = None  # per dev sentence, the labels scored (None: all)
    if char:  # words with every gold char span (also those inside words)
        ex_train, ex_dev = corpus_examples(Path(args.corpora), Path(args.train).parent)
        train_sents = [(w, char_flat(g)) for w, g in attach_gold(train_sents, ex_train)]
        from pipeline.ner import train as pt

        msra = {t for t, _ in pt.bio_examples(Path(args.corpora) / "msra" / "msra_train_bio.txt",
                                               pt.MSRA_MAP)}
        if args.sources != "all":  # one corpus only: its conventions alone
            want = args.sources == "msra"
            train_sents = [x for x in train_sents if ("".join(x[0]) in msra) == want]
        elif args.pd_labels == "person":  # PD1998 sentences supervise PERSON only
            partial = np.array(["".join(w) not in msra for w, _ in train_sents])
        dev_chars = attach_gold(dev_sents, ex_dev)
        if args.dev_sources == "msra":  # pick the epoch on MSRA's conventions
            dev_chars = [x for x in dev_chars if "".join(x[0]) in msra]
        elif args.dev_sources == "msra+pd-person":  # ... and on PD1998's persons
            dev_labels = [None if "".join(w) in msra else {"PERSON"} for w, _ in dev_chars]
            dev_chars = [(w, [x for x in g if keep is None or x[2] in keep])
                         for (w, g), keep in zip(dev_chars, dev_labels)]
        dev_sents = dev_chars
    elif args.split_share > 0:
        ex_train, ex_dev = corpus_examples(Path(args.corpora), Path(args.train).parent)
        train_gold = attach_gold(train_sents, ex_train)
        dev_chars = attach_gold(dev_sents, ex_dev)
        total, inside, mis = boundary_stats(train_gold)
        table = learn_splits(total, inside, args.split_share, args.split_min)
        train_sents, n_al, n_all = split_data(train_gold, table)
        dev_split, d_al, d_all = split_data(dev_chars, table)
        split_info = {"share": args.split_share, "min_count": args.split_min,
                      "words": len(table), "train_spans": n_all,
                      "train_misaligned_before": mis["misaligned"],
                      "train_misaligned_after": n_all - n_al,
                      "dev_misaligned_after": d_all - d_al}
        print(json.dumps({"splits": split_info}), flush=True)
        dev_sents = dev_split
    if args.limit:
        train_sents = train_sents[:args.limit]
    print(f"train {len(train_sents)} sentences, dev {len(dev_sents)}; read in "
          f"{time.time() - t_start:.0f}s", flush=True)
    lex = nl.Lexicon()
    Model = nc.CharNER if char else nl.LinearNER
    if char:
        keys, pair_keys, lay = build_char_vocab(train_sents, offsets, pairs, min_count, lex)
    else:
        keys, pair_keys, lay = build_vocab(train_sents, offsets, pairs, min_count, lex)
    bases = nl.LinearNER.row_bases(keys, offsets, [len(k) for k in pair_keys])
    n_rows = bases["_rows"] + 1
    shell = Model(keys, offsets, np.zeros((n_rows, nl.N_TAGS), np.float32),
                  np.zeros((nl.N_TAGS, nl.N_TAGS)), pair_keys, pairs=pairs)
    if char:
        F = shell.position_rows(lay["vals"], lay["pos"], lay["npos"]).astype(np.int32)
        lens = lay["lens"]
    else:
        F = feature_rows(shell, lay)
        lens = np.array([len(s) for s, _ in train_sents])
    del lay
    tok_start = np.concatenate([[0], np.cumsum(lens)[:-1]])
    gold = np.concatenate([nl.spans_to_tags(int(n), ents) for n, (_, ents) in zip(lens, train_sents)])
    person_tags = np.array([t.endswith("-PERSON") for t in nl.TAGS])

    def allowed(g: np.ndarray) -> np.ndarray:
        """[n, tags] 0 where a tag may stand, NEG where not: a PERSON span's own tags inside
        it, any tag but PERSON elsewhere."""
        is_person = np.isin(g, np.flatnonzero(person_tags))
        out = np.where(person_tags[None, :], nl.NEG, 0.0).repeat(len(g), axis=0)
        out[is_person] = nl.NEG
        out[is_person, g[is_person]] = 0.0
        return out

    print(f"rows {n_rows:,}, features per token {F.shape[1]}, tokens {len(F):,}; "
          f"{time.time() - t_start:.0f}s", flush=True)
    dev_words = [s for s, _ in dev_sents]  # already split when splits are on
    dev_gold = [set(e) for _, e in dev_sents]
    dev_gold_chars = [set(g) for _, g in dev_chars] if dev_chars is not None else None

    def run(seed: int):
        """One perceptron run: the averaged weights of its best dev epoch."""
        W = np.zeros((n_rows, nl.N_TAGS))
        U = np.zeros((n_rows, nl.N_TAGS))
        T = np.zeros((nl.N_TAGS, nl.N_TAGS))
        TU = np.zeros((nl.N_TAGS, nl.N_TAGS))
        mask = nl.transition_mask()
        zero = n_rows - 1
        K = F.shape[1]
        pad = np.full((1, nl.N_TAGS), nl.NEG)
        pad[0, 0] = 0
        rng = np.random.default_rng(seed)
        c = 1
        best = (-1.0, None, 0)
        history = []
        order = np.arange(len(train_sents))
        for epoch in range(1, args.epochs + 1):
            t0 = time.time()
            rng.shuffle(order)
            errors = 0
            for k in order.tolist():
                n = lens[k]
                if not n:
                    continue
                a = tok_start[k]
                rows = F[a:a + n]
                node = W[rows].sum(axis=1)
                full = np.concatenate([pad, node, pad])
                _, path = run_viterbi(full, T + mask)
                pred = np.asarray(path[1:-1], np.int64)
                g = gold[a:a + n]
                if partial is not None and partial[k]:
                    # the gold path: the best path the PERSON constraints allow
                    cons = np.concatenate([pad, node + allowed(g), pad])
                    _, gpath = run_viterbi(cons, T + mask)
                    g = np.asarray(gpath[1:-1], np.int64)
                wrong = pred != g
                if wrong.any():
                    errors += 1
                    idx = np.flatnonzero(wrong)
                    r = rows[idx].ravel()
                    gt = np.repeat(g[idx], K)
                    pt = np.repeat(pred[idx], K)
                    np.add.at(W, (r, gt), 1.0)
                    np.add.at(W, (r, pt), -1.0)
                    np.add.at(U, (r, gt), c)
                    np.add.at(U, (r, pt), -c)
                    W[zero] = 0
                    U[zero] = 0
                    gf = np.concatenate([[0], g, [0]])
                    pf = np.concatenate([[0], pred, [0]])
                    np.add.at(T, (gf[:-1], gf[1:]), 1.0)
                    np.add.at(T, (pf[:-1], pf[1:]), -1.0)
                    np.add.at(TU, (gf[:-1], gf[1:]), c)
                    np.add.at(TU, (pf[:-1], pf[1:]), -c)
                c += 1
            avg = (W - U / c).astype(np.float32)
            tavg = T - TU / c
            model = Model(keys, offsets, avg, tavg, pair_keys, pairs=pairs)
            t1 = time.time()
            if dev_chars is not None:  # exact char spans against all dev gold (splits applied)
                pred = model.char_spans(dev_words)
                if dev_labels is not None:
                    pred = [[x for x in p if keep is None or x[2] in keep]
                            for p, keep in zip(pred, dev_labels)]
                score = span_prf(dev_gold_chars, [set(p) for p in pred])
            else:
                pred = model.predict(dev_words)
                score = span_prf(dev_gold, [set(p) for p in pred])
            history.append({"epoch": epoch, "sent_errors": errors, "dev": score,
                            "epoch_s": round(t1 - t0, 1), "minutes": round((time.time() - t_start) / 60, 2)})
            print(json.dumps(history[-1]), flush=True)
            if score["f"] > best[0]:
                best = (score["f"], (avg, tavg), epoch)
            elif epoch - best[2] >= args.patience:
                break
            if args.minutes and (time.time() - t_start) / 60 > args.minutes:
                break

        return best, history

    seeds = [int(x) for x in str(args.seeds).split(",")]
    runs = []
    for seed in seeds:
        print(f"seed {seed}", flush=True)
        runs.append(run(seed))
    history = [h for _, hs in runs for h in hs]
    if len(runs) == 1:
        best = runs[0][0]
    else:  # the average of the runs' best averaged weights
        avg = np.mean([r[0][1][0] for r in runs], axis=0).astype(np.float32)
        tavg = np.mean([r[0][1][1] for r in runs], axis=0)
        model = Model(keys, offsets, avg, tavg, pair_keys, pairs=pairs)
        score = span_prf(dev_gold, [set(p) for p in model.predict(dev_words)])
        print(json.dumps({"ensemble_of": seeds, "epochs": [r[0][2] for r in runs],
                          "dev": score}), flush=True)
        best = (score["f"], (avg, tavg), [r[0][2] for r in runs])
    avg, tavg = best[1]
    train_minutes = (time.time() - t_start) / 60
    meta = {"train": str(args.train), "dev": str(args.dev), "best_epoch": best[2],
            "dev_f": best[0], "history": history, "train_minutes": round(train_minutes, 2),
            "min_count": min_count, "seeds": seeds, "float16": args.float16}
    if dev_chars is not None and not char:
        meta.update(dev_char_f=best[0], split_learning=split_info, splits=table)
    model = Model(keys, offsets, avg, tavg, pair_keys, meta, pairs).compact()
    out = model.save(args.out)
    size = sum(p.stat().st_size for p in out.iterdir())
    print(f"best epoch {best[2]} dev F {best[0]}; saved {out} ({size / 1e6:.1f} MB, "
          f"{model.weights.shape[0]:,} rows); {train_minutes:.1f} min", flush=True)


# ---------------------------------------------------------------------------------------
# Evaluation on the test splits (never used for training or model selection)

EVAL_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}


def segment(texts: list[str]):
    from pipeline.nlp.models import default_pkuseg_dir
    from pipeline.nlp.spacy_nlp import load_tokenizer_nlp

    nlp = load_tokenizer_nlp(default_pkuseg_dir())
    return list(nlp.tokenizer.pipe(texts))


def evaluate(model: nl.LinearNER, examples, docs=None) -> dict:
    from pipeline.ner.component import to_doc_offsets
    from pipeline.ner.train import score_spans

    texts = [t for t, _ in examples]
    docs = docs if docs is not None else segment(texts)
    words = [[t.text for t in d] for d in docs]
    t0 = time.perf_counter()
    preds = model.char_spans(words)  # splits applied if the model has a table
    dt = time.perf_counter() - t0
    gold, pred, aligned = [], [], []
    for (text, spans), doc, ents, ws in zip(examples, docs, preds, words):
        g = {(s, e, lab) for s, e, lab in spans}
        gold.append(g)
        aligned.append({x for x in g if doc.char_span(x[0], x[1]) is not None})
        # offsets in the joined words -> offsets in the text (tokens may skip whitespace)
        pred.append({(a, b, EVAL_MAP[lab]) for a, b, lab in to_doc_offsets(doc, ws, ents)})
    scores = score_spans(gold, pred, aligned)
    scores["_chars"] = sum(map(len, texts))
    scores["_predict_chars_per_s"] = round(scores["_chars"] / dt)
    return scores


def speed(model: nl.LinearNER, words: list[list[str]], repeats: int = 5,
          batch: int | None = None) -> dict:
    n_chars = sum(len(w) for s in words for w in s)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        if batch:
            for i in range(0, len(words), batch):
                model.char_spans(words[i:i + batch])
        else:
            model.char_spans(words)
        times.append(time.perf_counter() - t0)
    return {"chars": n_chars, "sentences": len(words), "batch": batch,
            "best_s": round(min(times), 4), "median_s": round(sorted(times)[len(times) // 2], 4),
            "chars_per_s_best": round(n_chars / min(times)),
            "chars_per_s_median": round(n_chars / sorted(times)[len(times) // 2])}


def evaluate_cmd(args) -> None:
    from pipeline.evaluation.corpora import read_bio

    model = nl.LinearNER.load(args.model)
    out = {}
    t_load = time.perf_counter()
    nl.LinearNER.load(args.model)
    out["load_s"] = round(time.perf_counter() - t_load, 3)
    # dev (held out from the training corpora): exact char spans against all gold
    dev_gold = attach_gold(read_docbin(WORK / "dev.spacy"), corpus_examples()[1])
    dev_words = [w for w, _ in dev_gold]
    pred = model.char_spans(dev_words)
    al = [{g for g in gs if realign(ws, [g])} for ws, gs in dev_gold]
    out["dev"] = {"ALL": span_prf([set(g) for _, g in dev_gold], [set(p) for p in pred]),
                  "ALL_aligned_gold": span_prf(al, [set(p) & a | (set(p) - set(g))
                                                    for p, a, (_, g) in zip(pred, al, dev_gold)])}
    if args.dev_only:
        print("dev", {k: (v["p"], v["r"], v["f"]) for k, v in out["dev"].items()})
        return
    msra = list(read_bio(CORPORA / "msra" / "msra_test_bio.txt"))
    msra_docs = segment([t for t, _ in msra])
    out["msra_test"] = evaluate(model, msra, msra_docs)
    pdn = list(read_bio(CORPORA / "pd_ner" / "example.test"))
    out["pd_ner_test"] = evaluate(model, pdn)
    # speed: the first 1,500 MSRA test sentences (as the model card), words given
    words = [[t.text for t in d] for d in msra_docs[:1500]]
    texts = [t for t, _ in msra[:1500]]
    from pipeline.nlp.models import default_pkuseg_dir
    from pipeline.nlp.spacy_nlp import load_tokenizer_nlp

    nlp = load_tokenizer_nlp(default_pkuseg_dir())
    list(nlp.tokenizer.pipe(texts[:50]))
    seg_times = []
    for _ in range(3):
        t0 = time.perf_counter()
        list(nlp.tokenizer.pipe(texts))
        seg_times.append(time.perf_counter() - t0)
    out["pkuseg_chars_per_s_best"] = round(sum(map(len, texts)) / min(seg_times))
    out["speed_all_at_once"] = speed(model, words)
    out["speed_batch_256"] = speed(model, words, batch=256)
    out["speed_batch_32"] = speed(model, words, batch=32)
    out["size_bytes"] = sum(p.stat().st_size for p in Path(args.model).iterdir())
    for name in ("dev", "msra_test", "pd_ner_test"):
        s = out[name]
        print(name, {k: (v["p"], v["r"], v["f"]) for k, v in s.items() if isinstance(v, dict)})
    print("speed", out["speed_all_at_once"], out["speed_batch_256"], out["speed_batch_32"], "pkuseg",
          out["pkuseg_chars_per_s_best"], "size", out["size_bytes"], "load", out["load_s"])
    (Path(args.model) / "scores.json").write_text(json.dumps(out, indent=1))


def split_stats_cmd(args) -> None:
    """Coverage of the misaligned training gold by split tables of several (share, count)."""
    train_sents = read_docbin(Path(args.train))
    dev_sents = read_docbin(Path(args.dev))
    ex_train, ex_dev = corpus_examples()
    train_gold = attach_gold(train_sents, ex_train)
    dev_gold = attach_gold(dev_sents, ex_dev)
    total, inside, mis = boundary_stats(train_gold)
    _, _, dmis = boundary_stats(dev_gold)
    print(json.dumps({"train": dict(mis), "dev": dict(dmis),
                      "word_types_with_inner_boundary": len(inside)}))
    top = sorted(inside.items(), key=lambda x: -sum(x[1].values()))[:40]
    print(" ".join(f"{w}:{dict(c)}/{total[w]}" for w, c in top))
    rows = []
    for share in (float(x) for x in args.shares.split(",")):
        for n in (int(x) for x in args.counts.split(",")):
            table = learn_splits(total, inside, share, n)
            _, al, alls = split_data(train_gold, table)
            _, dal, dalls = split_data(dev_gold, table)
            words_cut = sum(total[w] for w in table)
            rows.append({"share": share, "min": n, "words": len(table),
                         "train_misaligned": alls - al,
                         "train_fixed": round(1 - (alls - al) / mis["misaligned"], 3),
                         "dev_misaligned": dalls - dal,
                         "train_tokens_cut": words_cut})
            print(json.dumps(rows[-1]), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train")
    t.add_argument("--train", default=str(WORK / "train.spacy"))
    t.add_argument("--dev", default=str(WORK / "dev.spacy"))
    t.add_argument("--out", default="/tmp/linear_ner/model")
    t.add_argument("--epochs", type=int, default=15)
    t.add_argument("--patience", type=int, default=3)
    t.add_argument("--minutes", type=float, default=0)
    t.add_argument("--min-word", type=int, default=1)
    t.add_argument("--min-pair", type=int, default=2)
    t.add_argument("--offsets", default="", help="JSON {offset: [templates]}")
    t.add_argument("--pairs", default="", help="JSON [[offset, template, offset, template], ...]")
    t.add_argument("--limit", type=int, default=0)
    t.add_argument("--seeds", default="0", help="comma-separated; several: their average")
    t.add_argument("--float16", action="store_true")
    t.add_argument("--sources", choices=("all", "msra", "pd"), default="all",
                   help="train on both corpora (default) or one (character level only)")
    t.add_argument("--corpora", default=str(CORPORA),
                   help="the corpora the DocBins were built from (default ../shared/corpora)")
    t.add_argument("--dev-sources", choices=("all", "msra", "msra+pd-person"), default="all",
                   help="what picks the epoch: all dev sentences, MSRA's only, or MSRA's and "
                        "the PERSON spans of PD1998's")
    t.add_argument("--pd-labels", choices=("all", "person"), default="all",
                   help="person: PD1998 sentences constrain PERSON spans only (their places "
                        "and organisations follow other conventions than MSRA's)")
    t.add_argument("--level", choices=("word", "char"), default="word",
                   help="tag pkuseg words (LinearNER) or characters (CharNER)")
    t.add_argument("--split-share", type=float, default=0.0,
                   help="learn sub-word splits: offsets where a gold boundary falls in at least "
                        "this share of a word's training occurrences (0: no splits)")
    t.add_argument("--split-min", type=int, default=5,
                   help="... and at least this many times")
    st = sub.add_parser("splitstats")
    st.add_argument("--train", default=str(WORK / "train.spacy"))
    st.add_argument("--dev", default=str(WORK / "dev.spacy"))
    st.add_argument("--shares", default="0.05,0.1,0.2,0.3,0.5")
    st.add_argument("--counts", default="1,2,3,5,10")
    e = sub.add_parser("eval")
    e.add_argument("model")
    e.add_argument("--dev-only", action="store_true", help="score dev only (no test split)")
    args = ap.parse_args()
    if args.cmd == "train":
        train(args)
    elif args.cmd == "splitstats":
        split_stats_cmd(args)
    else:
        evaluate_cmd(args)


if __name__ == "__main__":
    main()
