"""Train and evaluate the linear NER (averaged perceptron) of ``pipeline/ner/linear.py`` (over
pkuseg words, ``--level word``) or ``pipeline/ner/char.py`` (over characters, ``--level char``).

A command-line wrapper over ``pipeline.training``: ``train`` runs ``fit.fit``, ``eval``
``evaluate.score_model``, ``splitstats`` ``splits.split_table_stats``.

    .venv/bin/python training/train_linear.py train --out /tmp/linear_ner/run1
    .venv/bin/python training/train_linear.py eval /tmp/linear_ner/run1

The shipped model is ``--level char`` with the options of ``pipeline.training.RECIPE`` (what
``fazhi train ner`` runs); its measurements are in the model card. What follows below records
the word-level model's measurements.

Training data: the DocBins of ``fazhi train ner`` (pkuseg words, aligned gold):
``training/work/train.spacy``; ``dev.spacy`` (held out from the training corpora) picks the
epoch. ``eval`` scores exact character spans on MSRA test and pd_ner test (pkuseg words from
the pipeline's segmenter, as ``pipeline.training.evaluate.evaluate``) and measures the model's speed.

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
same seed as the DocBins), and a word type is cut at an offset
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from pipeline.training import PROJECT, default_work_dir  # noqa: E402
from pipeline.training.corpora import attach_gold, corpus_examples, read_docbin  # noqa: E402
from pipeline.training.evaluate import score_model  # noqa: E402
from pipeline.training.fit import FitOptions, fit  # noqa: E402
from pipeline.training.splits import split_table_stats  # noqa: E402

WORK = default_work_dir()  # where `fazhi train ner` writes its DocBins
CORPORA = Path(os.environ.get("FAZHI_CORPORA", PROJECT.parent / "shared" / "corpora"))


def say(message) -> None:
    print(message, flush=True)


def train(args) -> None:
    opts = FitOptions(
        train=Path(args.train), dev=Path(args.dev), corpora=Path(args.corpora), level=args.level,
        epochs=args.epochs, patience=args.patience, minutes=args.minutes,
        min_word=args.min_word, min_pair=args.min_pair,
        offsets=json.loads(args.offsets) if args.offsets else None,
        pairs=json.loads(args.pairs) if args.pairs else None, limit=args.limit,
        seeds=tuple(int(x) for x in str(args.seeds).split(",")), float16=args.float16,
        sources=args.sources, dev_sources=args.dev_sources, pd_labels=args.pd_labels,
        split_share=args.split_share, split_min=args.split_min, paths_relative_to=PROJECT)
    model = fit(opts, say=say)
    out = model.save(args.out)
    size = sum(p.stat().st_size for p in out.iterdir())
    say(f"best epoch {model.meta['best_epoch']} dev F {model.meta['dev_f']}; saved {out} "
        f"({size / 1e6:.1f} MB, {model.weights.shape[0]:,} rows); "
        f"{model.meta['train_minutes']:.1f} min")


def split_stats(args) -> None:
    work = Path(args.train).parent
    ex_train, ex_dev = corpus_examples(CORPORA, work)
    split_table_stats(attach_gold(read_docbin(Path(args.train)), ex_train),
                      attach_gold(read_docbin(Path(args.dev)), ex_dev),
                      [float(x) for x in args.shares.split(",")],
                      [int(x) for x in args.counts.split(",")], say=say)


def parser() -> argparse.ArgumentParser:
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
    t.add_argument("--dev-sources", choices=("all", "msra", "msra+pd-person", "msra+pd-person-loc"),
                   default="all",
                   help="what picks the epoch: all dev sentences, MSRA's only, or MSRA's and "
                        "the PERSON spans of PD1998's")
    t.add_argument("--pd-labels", choices=("all", "person", "person+loc"), default="all",
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
    return ap


def main() -> None:
    args = parser().parse_args()
    if args.cmd == "train":
        train(args)
    elif args.cmd == "splitstats":
        split_stats(args)
    else:
        score_model(Path(args.model), CORPORA, WORK, dev_only=args.dev_only, say=say)


if __name__ == "__main__":
    main()
