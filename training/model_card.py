"""Write MODEL_CARD.md for a trained NER dir from its meta.json, config.cfg and scores.json.

Usage: python training/model_card.py pipeline/models/ner [NOTES.md]
The optional notes file (design choices, experiments) is appended verbatim.
"""

import json
import sys
from pathlib import Path

LABEL_MAPPING = """\
| corpus | source label | fazhi label |
|---|---|---|
| People's Daily 1998 | `nr` (adjacent surname + given name merged: `江/nr 泽民/nr` → 江泽民) | PERSON |
| People's Daily 1998 | `nt`, `[...]nt` compounds | ORG |
| People's Daily 1998 | `ns`, `[...]ns` compounds | GPE or LOC (rule below) |
| MSRA train | PER / ORG / LOC | PERSON / ORG / GPE or LOC (rule below) |
| evaluation: MSRA test, pd_ner test | PER / ORG / LOC | PERSON / ORG / GPE+LOC |
| evaluation: CLUENER dev | name / organization+government+company / address | PERSON / ORG / GPE+LOC |

GPE or LOC (`pipeline/train.py: place_label`): a name ending in a multi-character area or
feature word (地区, 山区, 开发区, 流域, 高原, 半岛, 海峡, …) is LOC; else a name ending in an
administrative suffix (省 市 县 区 镇 乡 村 州 旗 盟 国, 自治区, 特别行政区, 街道) is GPE, and so is a
bare name whose stem appears anywhere in the training corpora with such a suffix (上海 ← 上海市,
青岛 ← 青岛市); else a name ending in a natural-feature or facility character (江 河 湖 海 洋 山 岛
峡 湾 岭 峰 洲 路 街 桥 站 场 港 …) is LOC; everything else (country names such as 日本, 俄罗斯,
short forms such as 京, 美) is GPE. CLUENER `address` spans are long addresses, so CLUENER
counts GPE and LOC together.
"""


def fmt_table(scores: dict) -> str:
    rows = ["| label | P | R | F | gold-aligned TP/FP/FN |", "|---|---|---|---|---|"]
    for label, s in scores.items():
        if label.startswith("_") or not isinstance(s, dict):
            continue
        rows.append(f"| {label} | {s['p']:.3f} | {s['r']:.3f} | **{s['f']:.3f}** | "
                    f"{s['tp']}/{s['fp']}/{s['fn']} |")
    return "\n".join(rows)


def main() -> None:
    model = Path(sys.argv[1])
    notes = Path(sys.argv[2]).read_text(encoding="utf-8") if len(sys.argv) > 2 else ""
    meta = json.loads((model / "meta.json").read_text())
    scores = json.loads((model / "scores.json").read_text())
    fazhi = meta.get("fazhi", {})
    config = (model / "config.cfg").read_text()
    size = sum(p.stat().st_size for p in model.rglob("*") if p.is_file() and p.name != "MODEL_CARD.md")
    align = fazhi.get("alignment", {})
    lines = [
        "# fazhi NER model (PERSON, ORG, GPE, LOC)",
        "",
        f"- Tokens: **{fazhi.get('tokens')}** (the words of the pipeline's pkuseg tokenizer; "
        "the model is saved without tokenizer and attached after pkuseg by "
        "`pipeline.tokenize.attach_components`).",
        f"- Components: {meta.get('pipeline')}; labels {meta.get('labels', {}).get('ner')}.",
        f"- Size on disk: {size / 1e6:.1f} MB.",
        f"- Training time: {fazhi.get('train_minutes')} min on a shared 2-core CPU "
        f"({fazhi.get('train_note', '')}).",
        f"- spaCy {meta.get('spacy_version')}; trained by `{fazhi.get('recipe', 'fazhi train ner')}`.",
        "",
        "## Corpora",
        "",
        "Trained on People's Daily January 1998 (PKU, all 19,484 paragraphs but a held-out 3%) and "
        "MSRA NER train (45,000 sentences but a held-out 3%); the held-out 3% of both is the dev "
        "set used to pick the best checkpoint. MSRA test, pd_ner test and CLUENER dev were used "
        "only for the scores below. Corpora are read from `../shared/corpora` and never shipped.",
        "",
        "## Label mapping",
        "",
        LABEL_MAPPING,
        "## Alignment to pkuseg words",
        "",
        "Each training text is re-segmented with the pipeline's pkuseg model and the gold character "
        "spans are aligned to the words. A span that starts or ends inside a word (MSRA: 华 in 华人, "
        "邓小平 in 邓小平理论, names run together in lists) cannot be output by a word-level model; "
        "it is dropped and its words are trained as outside (O), so no sentence is dropped.",
        "",
        "```json",
        json.dumps({k: v for k, v in align.items() if k in ("sources", "train", "dev")},
                   ensure_ascii=False, indent=1),
        "```",
        "",
        "## Scores (exact character spans)",
        "",
        "Computed by `training/evaluate.py` (same as `pipeline.train.evaluate`): each sentence is "
        "tokenized by pkuseg and tagged by the model, as the pipeline does; a prediction counts "
        "only if start, end and mapped label all match. `ALL_aligned_gold` scores the same "
        "predictions against the gold entities that line up with pkuseg words only (the ceiling "
        "of a word-level model is R = 1 there).",
        "",
    ]
    for name in ("msra_test", "pd_ner_test", "cluener_dev"):
        if name in scores:
            lines += [f"### {name} ({scores[name].get('_chars', 0):,} chars)", "",
                      fmt_table(scores[name]), ""]
    if "speed" in scores:
        sp = scores["speed"]
        lines += ["## Speed (one thread)", "",
                  f"On the first 1,500 MSRA test sentences ({sp['chars']:,} chars): pkuseg "
                  f"segmentation {sp['pkuseg_chars_per_s']:,} chars/s, NER components "
                  f"{sp['ner_chars_per_s']:,} chars/s (tok2vec + ner seconds {sp.get('seconds')}); "
                  f"NER time / segmentation time = {sp['ner_over_seg']}.", ""]
    lines += ["## Hyperparameters (config.cfg)", "", "```ini", config.strip(), "```", ""]
    if notes:
        lines += [notes.strip(), ""]
    (model / "MODEL_CARD.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
