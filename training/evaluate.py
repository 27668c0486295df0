"""Score a trained NER dir on the test splits (exact character spans, pkuseg words).

Usage: python training/evaluate.py MODEL_DIR ../shared/corpora [--limit N] [--out scores.json]
Also prints the NER speed (chars/s of the NER components alone, on one thread).
A command-line wrapper over ``pipeline.training.evaluate``.
"""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from pipeline.training.evaluate import (eval_sets, evaluate, load_trained,  # noqa: E402
                                         measure_speed, pkuseg_nlp)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", type=Path)
    parser.add_argument("corpora", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="first N sentences of each set")
    parser.add_argument("--sets", default="msra_test,pd_ner_test,cluener_dev")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    nlp = load_trained(pkuseg_nlp(), args.model)
    scores = {}
    wanted = args.sets.split(",")
    for name, (examples, mapping, norm) in eval_sets(args.corpora).items():
        if name not in wanted:
            continue
        if args.limit:
            examples = examples[: args.limit]
        scores[name] = evaluate(nlp, examples, mapping, norm)
        print(name, json.dumps(scores[name], ensure_ascii=False), flush=True)
    examples = eval_sets(args.corpora)["msra_test"][0][:1500]
    scores["speed"] = measure_speed(nlp, [t for t, _ in examples])
    print("speed", scores["speed"])
    if args.out:
        args.out.write_text(json.dumps(scores, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
