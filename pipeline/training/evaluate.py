"""Score NER models on the test splits: exact character spans on pkuseg words.

``evaluate`` runs a spaCy pipeline (pkuseg, then the NER component) over each sentence as the
pipeline does; ``evaluate_model`` scores a model object on given pkuseg Docs (what
``score_model`` writes to a model's ``scores.json``). MSRA test, pd_ner test and CLUENER dev
are never used for training or model selection.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from ..evaluation.corpora import read_bio, read_cluener
from ..evaluation.scoring import score_spans, span_prf
from .corpora import Span

EVAL_MAPS = {
    # our label → the file's label
    "bio": {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"},
    "cluener": {"PERSON": "name", "ORG": "ORG", "GPE": "address", "LOC": "address"},
}


def evaluate(nlp, examples: list[tuple[str, list[Span]]], mapping: dict[str, str],
             gold_map: dict[str, str] | None = None) -> dict:
    """Tag each text with ``nlp`` (pkuseg + NER) and score exact spans after label mapping."""
    gold, pred, aligned = [], [], []
    n_chars, t_ner = 0, 0.0
    from ..ner.component import char_span_component

    # fazhi's linear NER gives character offsets, also inside tokens (华 in 华人)
    linear = char_span_component(nlp.pipeline)
    for text, spans in examples:
        doc = nlp.make_doc(text)
        t0 = time.perf_counter()
        if linear is not None:
            found = linear.char_spans([doc])[0]
        else:
            for _, proc in nlp.pipeline:
                doc = proc(doc)
            found = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        t_ner += time.perf_counter() - t0
        n_chars += len(text)
        g = {(s, e, gold_map.get(lab, lab) if gold_map else lab) for s, e, lab in spans}
        g = {x for x in g if x[2] is not None}
        gold.append(g)
        aligned.append({x for x in g if doc.char_span(x[0], x[1]) is not None})
        pred.append({(a, b, mapping[label]) for a, b, label in found if label in mapping})
    scores = score_spans(gold, pred, aligned)
    scores["_chars"] = n_chars
    scores["_ner_chars_per_s"] = round(n_chars / t_ner) if t_ner else None
    return scores


def eval_sets(corpora: Path) -> dict[str, tuple[list, dict, dict | None]]:
    """Return {name: (examples, our→their label map, their-label normaliser)}."""
    sets = {}
    msra = corpora / "msra" / "msra_test_bio.txt"
    if msra.exists():
        sets["msra_test"] = (list(read_bio(msra)), EVAL_MAPS["bio"], None)
    pdn = corpora / "pd_ner" / "example.test"
    if pdn.exists():
        sets["pd_ner_test"] = (list(read_bio(pdn)), EVAL_MAPS["bio"], None)
    clu = corpora / "cluener" / "dev.json"
    if clu.exists():
        norm = {"name": "name", "address": "address", "organization": "ORG",
                "government": "ORG", "company": "ORG"}
        sets["cluener_dev"] = ([(t, [(s, e, lab) for s, e, lab in sp if lab in norm])
                                for t, sp in read_cluener(clu)], EVAL_MAPS["cluener"], norm)
    return sets


def measure_speed(nlp, texts: list[str], repeats: int = 1) -> dict:
    """Return chars/s of pkuseg alone and of the NER components alone on pre-tokenized docs."""
    n_chars = sum(len(t) for t in texts) * repeats
    t0 = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts for _ in range(repeats)]
    t_seg = time.perf_counter() - t0
    per_component = {}
    for name, proc in nlp.pipeline:
        t0 = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=256)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        per_component[name] = time.perf_counter() - t0
    t_ner = sum(per_component.values())
    return {"chars": n_chars, "pkuseg_chars_per_s": round(n_chars / t_seg),
            "ner_chars_per_s": round(n_chars / t_ner),
            "ner_over_seg": round(t_ner / t_seg, 3),
            "seconds": {"pkuseg": round(t_seg, 2),
                        **{k: round(v, 2) for k, v in per_component.items()}}}


def pkuseg_nlp(pkuseg_model: str | os.PathLike | None = None):
    """A spaCy pipeline of the pipeline's pkuseg tokenizer alone."""
    from ..nlp.models import resolve_pkuseg_model
    from ..nlp.spacy_nlp import load_tokenizer_nlp

    return load_tokenizer_nlp(resolve_pkuseg_model(pkuseg_model))


def load_trained(nlp_tok, model_dir: Path):
    """Return ``nlp_tok`` (pkuseg) with the NER components of ``model_dir`` attached."""
    from ..ner.load import attach_components

    attach_components(nlp_tok, Path(model_dir))
    return nlp_tok


# ---------------------------------------------------------------------------------------
# A model object (``LinearNER`` / ``CharNER``) on pkuseg words given

EVAL_MAP = EVAL_MAPS["bio"]


def segment(texts: list[str], pkuseg_model: str | os.PathLike | None = None) -> list:
    """The pkuseg Docs of ``texts``."""
    return list(pkuseg_nlp(pkuseg_model).tokenizer.pipe(texts))


def evaluate_model(model, examples, docs=None) -> dict:
    """Exact char-span scores of ``model.char_spans`` on (text, gold) examples, given their
    pkuseg ``docs`` (segmented here if None), and its speed."""
    from ..ner.component import to_doc_offsets

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
    scores["_predict_chars_per_s"] = round(scores["_chars"] / dt) if dt else None
    return scores


def model_speed(model, words: list[list[str]], repeats: int = 5,
                batch: int | None = None) -> dict:
    """Characters per second of ``model.char_spans`` on sentences of words, in batches of
    ``batch`` sentences (all at once if None): the best and the median of ``repeats``."""
    n_chars = sum(len(w) for s in words for w in s)
    size = batch or len(words) or 1
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for i in range(0, len(words), size):
            model.char_spans(words[i:i + size])
        times.append(time.perf_counter() - t0)
    median = sorted(times)[len(times) // 2]
    return {"chars": n_chars, "sentences": len(words), "batch": batch,
            "best_s": round(min(times), 4), "median_s": round(median, 4),
            "chars_per_s_best": round(n_chars / min(times)),
            "chars_per_s_median": round(n_chars / median)}


def dev_scores(model, dev_gold: list[tuple[list[str], list[Span]]]) -> dict:
    """Exact char spans of ``model`` on dev (words, gold char spans): over all gold, and
    over the gold that lines up with the words (false positives kept)."""
    from .splits import realign

    pred = model.char_spans([w for w, _ in dev_gold])
    aligned = [{g for g in gs if realign(ws, [g])} for ws, gs in dev_gold]
    return {"ALL": span_prf([set(g) for _, g in dev_gold], [set(p) for p in pred]),
            "ALL_aligned_gold": span_prf(aligned, [set(p) & a | (set(p) - set(g))
                                                   for p, a, (_, g) in zip(pred, aligned, dev_gold)])}


def score_model(model_dir: Path, corpora: Path, work: Path, *, dev_only: bool = False,
                say=print) -> dict:
    """Score the model saved at ``model_dir``: dev (held out from the training corpora), and
    unless ``dev_only`` MSRA test, pd_ner test and its speed on the first 1,500 MSRA test
    sentences (words given); written to ``model_dir/scores.json`` unless ``dev_only``."""
    from ..ner.load import load_model
    from .corpora import attach_gold, corpus_examples, read_docbin

    t_load = time.perf_counter()
    model = load_model(model_dir)
    out = {"load_s": round(time.perf_counter() - t_load, 3)}
    dev_gold = attach_gold(read_docbin(work / "dev.spacy"), corpus_examples(corpora, work)[1])
    out["dev"] = dev_scores(model, dev_gold)
    if dev_only:
        say(f"dev {out['dev']}")
        return out
    msra = list(read_bio(corpora / "msra" / "msra_test_bio.txt"))
    msra_docs = segment([t for t, _ in msra])
    out["msra_test"] = evaluate_model(model, msra, msra_docs)
    out["pd_ner_test"] = evaluate_model(model, list(read_bio(corpora / "pd_ner" / "example.test")))
    words = [[t.text for t in d] for d in msra_docs[:1500]]
    out["speed_all_at_once"] = model_speed(model, words)
    out["speed_batch_256"] = model_speed(model, words, batch=256)
    out["speed_batch_32"] = model_speed(model, words, batch=32)
    out["size_bytes"] = sum(p.stat().st_size for p in Path(model_dir).iterdir())
    for name in ("dev", "msra_test", "pd_ner_test"):
        say(f"{name} {out[name]['ALL']}")
    (Path(model_dir) / "scores.json").write_text(json.dumps(out, indent=1))
    return out
