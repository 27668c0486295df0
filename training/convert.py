"""Convert the corpora to spaCy DocBins of pkuseg words: training/work/{train,dev}.spacy.

Usage: python training/convert.py ../shared/corpora [training/work] [--extra cluener,weibo]
A command-line wrapper over ``pipeline.training.corpora.convert_corpora``.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from pipeline.training.corpora import convert_corpora  # noqa: E402
from pipeline.training.evaluate import pkuseg_nlp  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", type=Path)
    parser.add_argument("work", type=Path, nargs="?", default=Path("training/work"))
    parser.add_argument("--extra", default="", help="comma list: cluener, weibo")
    args = parser.parse_args()
    extra = tuple(x for x in args.extra.split(",") if x)
    convert_corpora(args.corpora, args.work, pkuseg_nlp(), extra=extra)


if __name__ == "__main__":
    main()
