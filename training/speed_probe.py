"""Measure NER speed (chars/s, one thread) of an untrained model built from a config.

Speed does not depend on the weights, so this picks tok2vec sizes before training.
Usage: python training/speed_probe.py CONFIG [key=value overrides...]
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import spacy  # noqa: E402
import srsly  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402
from spacy.training import Example  # noqa: E402

from pipeline.training import PROJECT, default_work_dir  # noqa: E402
from pipeline.training.evaluate import measure_speed, pkuseg_nlp  # noqa: E402
from pipeline.evaluation.corpora import read_bio  # noqa: E402

CORPORA = Path(os.environ.get("FAZHI_CORPORA", PROJECT.parent / "shared" / "corpora"))


def main() -> None:
    overrides = dict(arg.split("=", 1) for arg in sys.argv[2:])
    overrides = {k: srsly.json_loads(v) if v[:1] in "[0123456789" else v for k, v in overrides.items()}
    config = spacy.util.load_config(sys.argv[1], overrides=overrides)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    db = DocBin().from_disk(default_work_dir() / "dev.spacy")
    docs = list(db.get_docs(nlp.vocab))[:500]
    nlp.initialize(lambda: [Example(d.copy(), d) for d in docs])
    tok = pkuseg_nlp()
    texts = [t for t, _ in read_bio(CORPORA / "msra" / "msra_test_bio.txt")][:1500]
    for name in nlp.pipe_names:
        tok.add_pipe(name, source=nlp)
    print(overrides, measure_speed(tok, texts))


if __name__ == "__main__":
    main()
