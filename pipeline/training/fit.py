"""Train the linear NER: an averaged structured perceptron over words or characters.

``fit(FitOptions(...))`` reads the DocBins of ``convert_corpora`` (pkuseg words, aligned gold),
builds the feature table of every training position once, runs the perceptron (one Viterbi
pass and one update per sentence, BILOU transitions constrained), keeps the averaged weights
of the epoch with the best dev F and returns the compacted model. ``level="char"`` trains
``CharNER`` on every gold character span (also those inside pkuseg words, rebuilt from the
corpora by ``corpus_examples``); ``level="word"`` trains ``LinearNER`` on the aligned gold,
optionally on sub-word splits (``split_share``).

    model = fit(FitOptions(train=work / "train.spacy", dev=work / "dev.spacy",
                           corpora=Path("../shared/corpora"), level="char", epochs=1))
    model.save("/tmp/ner")
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from ..evaluation.scoring import span_prf
from ..ner.char import CHAR_FLAGS, CHAR_OFFSETS, CHAR_PAIRS, CHAR_TEMPLATES, CharNER, char_values
from ..ner.features import (DEFAULT_OFFSETS, DEFAULT_PAIRS, FLAGS, OFFSETS, PAD, TEMPLATES,
                        Lexicon, layout, pair_values, positions, word_values)
from ..ner.linear import N_TAGS, NEG, TAGS, LinearNER, spans_to_tags, transition_mask
from .corpora import MSRA_MAP, attach_gold, bio_examples, corpus_examples, read_docbin
from .splits import boundary_stats, learn_splits, split_data


@dataclass
class FitOptions:
    """What to train on and how (the options of ``training/train_linear.py train``)."""

    train: Path  # the DocBins of convert_corpora
    dev: Path
    corpora: Path  # the corpora they were built from (character level, splits)
    level: str = "word"  # "word": LinearNER over pkuseg words; "char": CharNER
    epochs: int = 15
    patience: int = 3  # stop after this many epochs without a better dev F
    minutes: float = 0.0  # stop after this many minutes (0: no limit)
    min_word: int = 1  # minimum count of a word value, and of a pair value
    min_pair: int = 2
    offsets: dict | None = None  # {offset: [templates]}; None: the level's default
    pairs: list | None = None  # [[offset, template, offset, template], ...]
    limit: int = 0  # the first N training sentences only (0: all)
    seeds: tuple[int, ...] = (0,)  # several: the average of their best weights
    float16: bool = False  # save the weights as float16
    sources: str = "all"  # "all", "msra" or "pd" (character level only)
    dev_sources: str = "all"  # what picks the epoch: "all", "msra" or "msra+pd-person"
    pd_labels: str = "all"  # "person": PD1998 sentences constrain PERSON spans only;
    # "person+loc": PERSON and LOC spans (rivers, mountains, sites: ``corpora.place_label``)
    split_share: float = 0.0  # word level: learn sub-word splits (0: none)
    split_min: int = 5
    paths_relative_to: Path | None = None  # record train/dev paths relative to this folder


@dataclass
class TrainingData:
    """The sentences to train on and to pick the epoch with."""

    train: list  # (words, gold token spans) per sentence
    dev: list  # (words, gold token spans), or (words, gold char spans) when scored as chars
    dev_chars: list | None = None  # (words, gold char spans): score dev as character spans
    dev_labels: list | None = None  # per dev sentence, the labels scored (None: all)
    partial: np.ndarray | None = None  # sentences whose gold constrains PERSON only
    splits: dict = field(default_factory=dict)
    split_info: dict = field(default_factory=dict)


def msra_texts(corpora: Path) -> set[str]:
    """The texts of MSRA train: which training sentences follow MSRA's conventions."""
    return {t for t, _ in bio_examples(corpora / "msra" / "msra_train_bio.txt", MSRA_MAP)}


def char_flat(spans) -> list[tuple[int, int, str]]:
    """Gold char spans without overlaps (the first of overlapping spans kept)."""
    out, last = [], 0
    for s, e, lab in sorted(spans):
        if s >= last and e > s:
            out.append((s, e, lab))
            last = e
    return out


def char_data(opts: FitOptions, train_sents, dev_sents) -> TrainingData:
    """Words with every gold char span (also those inside words), and the sources and
    labels each sentence and dev sentence supervises (``sources``, ``pd_labels``,
    ``dev_sources``)."""
    ex_train, ex_dev = corpus_examples(Path(opts.corpora), Path(opts.train).parent,
                                       known=opts.pd_labels == "person+loc")
    train = [(w, char_flat(g)) for w, g in attach_gold(train_sents, ex_train)]
    msra = msra_texts(Path(opts.corpora))
    partial = None
    if opts.sources != "all":  # one corpus only: its conventions alone
        want = opts.sources == "msra"
        train = [x for x in train if ("".join(x[0]) in msra) == want]
    elif opts.pd_labels in PARTIAL_TAGS:  # PD1998 sentences supervise PERSON (and LOC) only
        partial = np.array(["".join(w) not in msra for w, _ in train])
    dev_chars = attach_gold(dev_sents, ex_dev)
    dev_labels = None
    if opts.dev_sources == "msra":  # pick the epoch on MSRA's conventions
        dev_chars = [x for x in dev_chars if "".join(x[0]) in msra]
    elif opts.dev_sources in DEV_PD_LABELS:  # ... and on PD1998's persons (and LOCs)
        keep_pd = DEV_PD_LABELS[opts.dev_sources]
        dev_labels = [None if "".join(w) in msra else keep_pd for w, _ in dev_chars]
        dev_chars = [(w, [x for x in g if keep is None or x[2] in keep])
                     for (w, g), keep in zip(dev_chars, dev_labels)]
    return TrainingData(train, dev_chars, dev_chars, dev_labels, partial)


def split_training_data(opts: FitOptions, train_sents, dev_sents, say) -> TrainingData:
    """Word level with sub-word splits: the split table learned from the training gold, the
    sentences cut by it and their gold realigned."""
    ex_train, ex_dev = corpus_examples(Path(opts.corpora), Path(opts.train).parent)
    train_gold = attach_gold(train_sents, ex_train)
    dev_chars = attach_gold(dev_sents, ex_dev)
    total, inside, mis = boundary_stats(train_gold)
    table = learn_splits(total, inside, opts.split_share, opts.split_min)
    train, n_al, n_all = split_data(train_gold, table)
    dev_split, d_al, d_all = split_data(dev_chars, table)
    info = {"share": opts.split_share, "min_count": opts.split_min, "words": len(table),
            "train_spans": n_all, "train_misaligned_before": mis["misaligned"],
            "train_misaligned_after": n_all - n_al, "dev_misaligned_after": d_all - d_al}
    say(json.dumps({"splits": info}))
    return TrainingData(train, dev_split, dev_chars, splits=table, split_info=info)


def training_data(opts: FitOptions, say: Callable = print) -> TrainingData:
    """The training and dev sentences ``opts`` asks for."""
    train_sents = read_docbin(Path(opts.train))
    dev_sents = read_docbin(Path(opts.dev))
    if opts.level == "char":
        data = char_data(opts, train_sents, dev_sents)
    elif opts.split_share > 0:
        data = split_training_data(opts, train_sents, dev_sents, say)
    else:
        data = TrainingData(train_sents, dev_sents)
    if opts.limit:
        data.train = data.train[:opts.limit]
    return data


# ---------------------------------------------------------------------------------------
# Feature tables


def value_keys(vals: dict[str, np.ndarray], templates, flags, used: set[str],
               min_count: dict) -> dict[str, np.ndarray]:
    """The sorted values of each used template seen ``min_count`` times (``PAD`` added to the
    templates that are not flags)."""
    keys = {}
    for t in templates:
        if t not in used:
            continue
        v = vals[t]
        u, c = np.unique(v[v != 0], return_counts=True)
        u = u[c >= min_count.get(t, 1)]
        if t not in flags:
            u = np.union1d(u, np.array([PAD], np.uint64))
        keys[t] = u
    return keys


def pair_keys_of(pvals: list[np.ndarray], min_count: dict) -> list[np.ndarray]:
    """The sorted values of each pair template seen ``min_count["pair"]`` times."""
    out = []
    for h in pvals:
        u, c = np.unique(h[h != 0], return_counts=True)
        out.append(u[c >= min_count.get("pair", 1)])
    return out


def build_vocab(sents, offsets, pairs, min_count: dict, lex) -> tuple[dict, list, dict]:
    """Template keys and pair keys seen in the word-level training data, and its layout."""
    words, pos, starts, npos = layout([s for s, _ in sents])
    vals = word_values(words, lex)
    used = {t for ts in offsets.values() for t in ts}
    keys = value_keys(vals, TEMPLATES, FLAGS, used, min_count)
    pair_keys = pair_keys_of(pair_values(pairs, vals, pos, npos), min_count)
    return keys, pair_keys, {"words": words, "pos": pos, "starts": starts, "npos": npos,
                             "vals": vals}


def build_char_vocab(sents, offsets, pairs, min_count: dict, lex):
    """Template keys and pair keys seen in the character-level training data, and its
    layout."""
    vals, lens = char_values([w for w, _ in sents], lex)
    pos, starts, npos = positions(lens)
    used = {t for ts in offsets.values() for t in ts}
    keys = value_keys(vals, CHAR_TEMPLATES, CHAR_FLAGS, used, min_count)
    pair_keys = pair_keys_of(pair_values(pairs, vals, pos, npos, CHAR_FLAGS), min_count)
    return keys, pair_keys, {"vals": vals, "pos": pos, "npos": npos, "lens": lens}


def feature_rows(model: LinearNER, lay: dict) -> np.ndarray:
    """[tokens, K] weight rows of every token of a word-level layout (int32)."""
    vals, pos, npos = lay["vals"], lay["pos"], lay["npos"]
    rows, tid = model.word_rows(vals, pos, npos)
    cols = [rows[o].astype(np.int32)[tid[pos + o]] for o in OFFSETS]
    cols.append(model.pair_rows(model.pair_values(vals, pos, npos)).astype(np.int32))
    return np.concatenate(cols, axis=1)


@dataclass
class Problem:
    """The training positions as weight rows: what the perceptron updates."""

    model_class: type
    keys: dict
    pair_keys: list
    offsets: dict
    pairs: list
    F: np.ndarray  # [positions, K] weight rows
    lens: np.ndarray  # positions per sentence
    gold: np.ndarray  # gold tag of each position
    n_rows: int

    @property
    def starts(self) -> np.ndarray:
        return np.concatenate([[0], np.cumsum(self.lens)[:-1]]).astype(np.int64)

    def model(self, weights, trans, meta=None) -> LinearNER:
        return self.model_class(self.keys, self.offsets, weights, trans, self.pair_keys, meta,
                                self.pairs)


def problem(opts: FitOptions, train, offsets, pairs, min_count) -> Problem:
    """The feature table of every training position, built once."""
    char = opts.level == "char"
    lex = Lexicon()
    build = build_char_vocab if char else build_vocab
    keys, pair_keys, lay = build(train, offsets, pairs, min_count, lex)
    n_rows = LinearNER.row_bases(keys, offsets, [len(k) for k in pair_keys])["_rows"] + 1
    cls = CharNER if char else LinearNER
    shell = cls(keys, offsets, np.zeros((n_rows, N_TAGS), np.float32),
                np.zeros((N_TAGS, N_TAGS)), pair_keys, pairs=pairs)
    if char:
        F = shell.position_rows(lay["vals"], lay["pos"], lay["npos"]).astype(np.int32)
        lens = lay["lens"]
    else:
        F = feature_rows(shell, lay)
        lens = np.array([len(s) for s, _ in train])
    gold = np.concatenate([spans_to_tags(int(n), ents) for n, (_, ents) in zip(lens, train)])
    return Problem(cls, keys, pair_keys, offsets, pairs, F, lens, gold, n_rows)


# ---------------------------------------------------------------------------------------
# The perceptron

PERSON_TAGS = np.array([t.endswith("-PERSON") for t in TAGS])
LOC_TAGS = np.array([t.endswith("-LOC") for t in TAGS])
# The tags a PD1998 sentence constrains (``FitOptions.pd_labels``), and the labels of PD1998
# dev that pick the epoch (``FitOptions.dev_sources``).
PARTIAL_TAGS = {"person": PERSON_TAGS, "person+loc": PERSON_TAGS | LOC_TAGS}
DEV_PD_LABELS = {"msra+pd-person": {"PERSON"}, "msra+pd-person-loc": {"PERSON", "LOC"}}


def person_constraints(g: np.ndarray, tags: np.ndarray = PERSON_TAGS) -> np.ndarray:
    """[n, tags] 0 where a tag may stand, NEG where not: a constrained span's own tags inside
    it, any tag but the constrained ones elsewhere (a PD1998 sentence supervising its persons
    only, or its persons and its LOCs: 长江 is LOC, 镇江 anything but LOC)."""
    is_constrained = np.isin(g, np.flatnonzero(tags))
    out = np.where(tags[None, :], NEG, 0.0).repeat(len(g), axis=0)
    out[is_constrained] = NEG
    out[is_constrained, g[is_constrained]] = 0.0
    return out


class Perceptron:
    """Weights, transitions and their running sums for averaging (Collins 2002)."""

    def __init__(self, n_rows: int, partial_tags: np.ndarray = PERSON_TAGS) -> None:
        self.partial_tags = partial_tags
        self.W = np.zeros((n_rows, N_TAGS))
        self.U = np.zeros((n_rows, N_TAGS))
        self.T = np.zeros((N_TAGS, N_TAGS))
        self.TU = np.zeros((N_TAGS, N_TAGS))
        self.c = 1
        self.zero = n_rows - 1  # the row of absent features stays 0
        self.mask = transition_mask()
        self.pad = np.full((1, N_TAGS), NEG)
        self.pad[0, 0] = 0

    def decode(self, node: np.ndarray) -> np.ndarray:
        """The best tag path of a sentence's node scores (O before and after it)."""
        from spacy_pkuseg.inference import run_viterbi

        _, path = run_viterbi(np.concatenate([self.pad, node, self.pad]), self.T + self.mask)
        return np.asarray(path[1:-1], np.int64)

    def learn(self, rows: np.ndarray, g: np.ndarray, partial: bool) -> bool:
        """One sentence: predict, and where it differs from the gold move the weights
        towards the gold; True if it erred."""
        node = self.W[rows].sum(axis=1)
        pred = self.decode(node)
        if partial:  # the gold path: the best path the PERSON (LOC) constraints allow
            g = self.decode(node + person_constraints(g, self.partial_tags))
        wrong = pred != g
        if wrong.any():
            idx = np.flatnonzero(wrong)
            r = rows[idx].ravel()
            gt = np.repeat(g[idx], rows.shape[1])
            pt = np.repeat(pred[idx], rows.shape[1])
            np.add.at(self.W, (r, gt), 1.0)
            np.add.at(self.W, (r, pt), -1.0)
            np.add.at(self.U, (r, gt), self.c)
            np.add.at(self.U, (r, pt), -self.c)
            self.W[self.zero] = 0
            self.U[self.zero] = 0
            gf = np.concatenate([[0], g, [0]])
            pf = np.concatenate([[0], pred, [0]])
            np.add.at(self.T, (gf[:-1], gf[1:]), 1.0)
            np.add.at(self.T, (pf[:-1], pf[1:]), -1.0)
            np.add.at(self.TU, (gf[:-1], gf[1:]), self.c)
            np.add.at(self.TU, (pf[:-1], pf[1:]), -self.c)
        self.c += 1
        return bool(wrong.any())

    def averaged(self) -> tuple[np.ndarray, np.ndarray]:
        """(weights, transitions) averaged over every step so far."""
        return (self.W - self.U / self.c).astype(np.float32), self.T - self.TU / self.c


def dev_score(model: LinearNER, data: TrainingData) -> dict:
    """Exact spans on dev: characters (against all dev gold, splits applied) or tokens."""
    dev_words = [s for s, _ in data.dev]
    if data.dev_chars is not None:
        pred = model.char_spans(dev_words)
        if data.dev_labels is not None:
            pred = [[x for x in p if keep is None or x[2] in keep]
                    for p, keep in zip(pred, data.dev_labels)]
        return span_prf([set(g) for _, g in data.dev_chars], [set(p) for p in pred])
    return span_prf([set(e) for _, e in data.dev], [set(p) for p in model.predict(dev_words)])


def run(prob: Problem, data: TrainingData, opts: FitOptions, seed: int, t_start: float,
        say: Callable) -> tuple[tuple, list]:
    """One perceptron run: ((best dev F, (weights, transitions), best epoch), history)."""
    perceptron = Perceptron(prob.n_rows, PARTIAL_TAGS.get(opts.pd_labels, PERSON_TAGS))
    rng = np.random.default_rng(seed)
    starts = prob.starts
    best: tuple = (-1.0, None, 0)
    history = []
    order = np.arange(len(prob.lens))
    for epoch in range(1, opts.epochs + 1):
        t0 = time.time()
        rng.shuffle(order)
        errors = 0
        for k in order.tolist():
            n = int(prob.lens[k])
            if n:
                a = starts[k]
                partial = data.partial is not None and bool(data.partial[k])
                errors += perceptron.learn(prob.F[a:a + n], prob.gold[a:a + n], partial)
        weights, trans = perceptron.averaged()
        t1 = time.time()
        score = dev_score(prob.model(weights, trans), data)
        history.append({"epoch": epoch, "sent_errors": errors, "dev": score,
                        "epoch_s": round(t1 - t0, 1),
                        "minutes": round((time.time() - t_start) / 60, 2)})
        say(json.dumps(history[-1]))
        if score["f"] > best[0]:
            best = (score["f"], (weights, trans), epoch)
        elif epoch - best[2] >= opts.patience:
            break
        if opts.minutes and (time.time() - t_start) / 60 > opts.minutes:
            break
    return best, history


def shown_path(path: Path, base: Path | None) -> str:
    """``path`` as recorded in model.json: relative to ``base`` (the project) when it lies
    in the project or beside it (``training/work/train.spacy``, ``../shared/corpora/…``),
    else its name alone: never an absolute path of the build machine."""
    if base is None:
        return Path(path).name
    rel = Path(os.path.relpath(Path(path).resolve(), Path(base).resolve())).as_posix()
    return Path(path).name if rel.startswith("../../") else rel  # ../shared/... is kept


def fit(opts: FitOptions, say: Callable = print) -> LinearNER:
    """Train a model as ``opts`` says and return it (compacted; ``meta`` records how)."""
    t_start = time.time()
    char = opts.level == "char"
    offsets = opts.offsets or (CHAR_OFFSETS if char else DEFAULT_OFFSETS)
    pairs = opts.pairs or (CHAR_PAIRS if char else DEFAULT_PAIRS)
    min_count = {"w": opts.min_word, "pair": opts.min_pair}
    say(json.dumps({"offsets": offsets, "pairs": pairs, "min_count": min_count}))
    data = training_data(opts, say)
    say(f"train {len(data.train)} sentences, dev {len(data.dev)}; read in "
        f"{time.time() - t_start:.0f}s")
    prob = problem(opts, data.train, offsets, pairs, min_count)
    say(f"rows {prob.n_rows:,}, features per token {prob.F.shape[1]}, tokens {len(prob.F):,}; "
        f"{time.time() - t_start:.0f}s")
    seeds = list(opts.seeds)
    runs = []
    for seed in seeds:
        say(f"seed {seed}")
        runs.append(run(prob, data, opts, seed, t_start, say))
    history = [h for _, hs in runs for h in hs]
    if len(runs) == 1:
        best = runs[0][0]
    else:  # the average of the runs' best averaged weights
        avg = np.mean([r[0][1][0] for r in runs], axis=0).astype(np.float32)
        tavg = np.mean([r[0][1][1] for r in runs], axis=0)
        score = dev_score(prob.model(avg, tavg), data)
        say(json.dumps({"ensemble_of": seeds, "epochs": [r[0][2] for r in runs], "dev": score}))
        best = (score["f"], (avg, tavg), [r[0][2] for r in runs])
    meta = {"train": shown_path(opts.train, opts.paths_relative_to),
            "dev": shown_path(opts.dev, opts.paths_relative_to), "best_epoch": best[2],
            "dev_f": best[0], "history": history,
            "train_minutes": round((time.time() - t_start) / 60, 2),
            "min_count": min_count, "seeds": seeds, "float16": opts.float16}
    if data.dev_chars is not None and not char:
        meta.update(dev_char_f=best[0], split_learning=data.split_info, splits=data.splits)
    return prob.model(best[1][0], best[1][1], meta).compact()
