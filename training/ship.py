"""Ship a trained checkpoint: save it without tokenizer, score it, write the model card.

Usage: python training/ship.py CHECKPOINT WORK_DIR TRAIN_MINUTES "note" [--out pipeline/models/ner]
"""

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.ner.train import REPO, ship_model  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkpoint", type=Path)
    parser.add_argument("work", type=Path)
    parser.add_argument("minutes", type=float)
    parser.add_argument("note")
    parser.add_argument("--out", type=Path, default=REPO / "pipeline" / "models" / "ner")
    parser.add_argument("--corpora", type=Path, default=REPO.parent / "shared" / "corpora")
    args = parser.parse_args()
    ship_model(args.checkpoint, args.out, args.work, train_minutes=args.minutes, note=args.note)
    here = Path(__file__).resolve().parent
    subprocess.run([sys.executable, str(here / "evaluate.py"), str(args.out), str(args.corpora),
                    "--out", str(args.out / "scores.json")], check=True)
    notes = here / "NOTES.md"
    subprocess.run([sys.executable, str(here / "model_card.py"), str(args.out)]
                   + ([str(notes)] if notes.exists() else []), check=True)
    print(json.dumps(json.loads((args.out / "scores.json").read_text())["msra_test"]["ALL"]))


if __name__ == "__main__":
    main()
