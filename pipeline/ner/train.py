"""Train and evaluate fazhi's statistical NER (PERSON, ORG, GPE, LOC) on pkuseg words.

The model tags the words of the same pkuseg tokenizer the pipeline runs, so every training
sentence is re-segmented with pkuseg and its gold character spans are aligned to the words.
An entity that starts or ends inside a word (MSRA tags 华 in 华人, 邓小平 in 邓小平理论) cannot
be produced at inference; it is counted and its words are trained as outside (``O``), so the
model learns what it can actually output.

Library side of ``fazhi train ner --corpora DIR``: ``train_ner`` converts the corpora to
DocBins under ``work``, runs ``spacy train`` with ``training/ner_words.cfg``, evaluates on the
test splits (never used for training or model selection) and saves the components without
tokenizer.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..evaluation.corpora import read_bio, read_cluener, read_pd1998
from ..errors import UserError

LABELS = ("PERSON", "ORG", "GPE", "LOC")
REPO = Path(__file__).resolve().parents[2]

Span = tuple[int, int, str]

# Names that end like an administrative division are GPE (北京市, 浙江省, 镇江, 美国); names
# that end like a natural feature or a facility are LOC (长江, 太平洋, 北京西站, 华北地区).
# A bare name whose stem is also seen with an administrative suffix is GPE (上海 ← 上海市,
# 青岛 ← 青岛市), even if it ends like a feature (海, 岛).
ADMIN_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "街道", "省", "市", "县",
                  "区", "镇", "乡", "村", "州", "旗", "盟", "国")
LOC_SUFFIXES = ("地区", "山区", "林区", "牧区", "灾区", "景区", "开发区", "园区", "矿区", "库区",
                "流域", "一带", "地带", "沿海", "高原", "平原", "盆地", "半岛", "群岛", "海峡",
                "江", "河", "湖", "海", "洋", "山", "岛", "峡", "湾", "岭", "峰", "洲", "川", "溪",
                "泉", "沟", "滩", "漠", "路", "街", "道", "巷", "桥", "站", "场", "港", "口",
                "门", "寺", "庙", "宫", "园", "馆", "楼", "塔", "坝", "渠", "运河")


def admin_stem(name: str) -> str | None:
    """Return ``name`` without its administrative suffix (浙江省 → 浙江), or None."""
    for suffix in ADMIN_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return None


def place_label(name: str, admin_stems: set[str]) -> str:
    """Return GPE or LOC for a place name: 镇江市/上海/美国 → GPE, 长江/北京西站 → LOC."""
    for suffix in LOC_SUFFIXES[:20]:  # multi-character LOC endings beat 区/州 (华北地区)
        if name.endswith(suffix):
            return "LOC"
    if admin_stem(name) is not None or name in admin_stems:
        return "GPE"
    for suffix in LOC_SUFFIXES:
        if name.endswith(suffix) and len(name) > 1:
            return "LOC"
    return "GPE"


# ---------------------------------------------------------------------------------------
# Corpora → (text, [(start, end, LABEL)]) with fazhi's labels


def pd1998_examples(path: Path) -> Iterator[tuple[str, list[Span], list[tuple[int, int, str]]]]:
    """Yield (text, spans, words) from People's Daily 1998; places come out as ``PLACE``.

    nr runs (江/nr 泽民/nr) merge into one PERSON: a surname token of one or two characters
    takes the next nr token. nt words and ``[...]nt`` compounds are ORG; ns words and
    ``[...]ns`` compounds are PLACE (split into GPE/LOC by ``place_label`` later).
    """
    for para in read_pd1998(path):
        spans: list[Span] = []
        in_compound: set[int] = set()
        for comp in para.compounds:
            kind = {"nt": "ORG", "ns": "PLACE", "nr": "PERSON"}.get(comp.pos)
            if kind is None:
                continue
            spans.append((para.words[comp.first].start, para.words[comp.last].end, kind))
            in_compound.update(range(comp.first, comp.last + 1))
        i = 0
        words = para.words
        while i < len(words):
            word = words[i]
            if i in in_compound:
                i += 1
                continue
            if word.pos == "nr":
                end = word.end
                if (len(word.text) <= 2 and i + 1 < len(words) and words[i + 1].pos == "nr"
                        and i + 1 not in in_compound):
                    end = words[i + 1].end
                    i += 1
                spans.append((word.start, end, "PERSON"))
            elif word.pos == "nt":
                spans.append((word.start, word.end, "ORG"))
            elif word.pos == "ns":
                spans.append((word.start, word.end, "PLACE"))
            i += 1
        yield para.text, sorted(spans), [(w.start, w.end, w.pos) for w in words]


MSRA_MAP = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE"}
CLUENER_MAP = {"name": "PERSON", "organization": "ORG", "government": "ORG", "company": "ORG",
               "address": "PLACE"}
WEIBO_MAP = {"PER.NAM": "PERSON", "ORG.NAM": "ORG", "GPE.NAM": "GPE", "LOC.NAM": "LOC"}


def bio_examples(path: Path, mapping: dict[str, str]) -> Iterator[tuple[str, list[Span]]]:
    """Yield (text, spans) from a char-per-line BIO file with labels mapped (unmapped dropped)."""
    for text, spans in read_bio(path):
        yield text, [(s, e, mapping[lab]) for s, e, lab in spans if lab in mapping]


def cluener_examples(path: Path) -> Iterator[tuple[str, list[Span]]]:
    for text, spans in read_cluener(path):
        yield text, [(s, e, CLUENER_MAP[lab]) for s, e, lab in spans if lab in CLUENER_MAP]


def msra_conventions(nlp, msra: list[tuple[str, list[Span]]], *, min_count: int = 5,
                     min_share: float = 0.5) -> dict[str, str]:
    """Return {word: label} for pkuseg words MSRA train tags as a whole entity most times.

    People's Daily leaves abbreviations (中/j 美/j 十五大/j) and words such as 两岸/n untagged
    where MSRA tags them (中美 → 中 LOC, 美 LOC); training on both teaches the model two
    conventions. Words that MSRA train tags in at least ``min_share`` of their ``min_count``+
    occurrences get MSRA's label in People's Daily too. Learned from MSRA *train* only.
    """
    total: Counter = Counter()
    tagged: dict[str, Counter] = defaultdict(Counter)
    for text, spans in msra:
        doc = nlp.make_doc(text)
        starts = {(s, e): lab for s, e, lab in spans}
        for token in doc:
            total[token.text] += 1
            lab = starts.get((token.idx, token.idx + len(token.text)))
            if lab:
                tagged[token.text][lab] += 1
    out = {}
    for word, labels in tagged.items():
        lab, n = labels.most_common(1)[0]
        if n >= min_count and n / total[word] >= min_share:
            out[word] = lab
    return out


def apply_conventions(pd: list[tuple[str, list[Span], list[tuple[int, int, str]]]],
                      conventions: dict[str, str]) -> tuple[list[tuple[str, list[Span]]], Counter]:
    """Add spans for untagged PD words found in ``conventions``; return examples and counts."""
    added: Counter = Counter()
    out = []
    for text, spans, words in pd:
        covered = [(s, e) for s, e, _ in spans]
        new = list(spans)
        for s, e, _pos in words:
            lab = conventions.get(text[s:e])
            if lab and not any(a < e and s < b for a, b in covered):
                new.append((s, e, lab))
                added[text[s:e]] += 1
        out.append((text, sorted(new)))
    return out, added


def resolve_places(examples: list[tuple[str, list[Span]]],
                   admin_stems: set[str]) -> list[tuple[str, list[Span]]]:
    return [(text, [(s, e, place_label(text[s:e], admin_stems) if lab == "PLACE" else lab)
                    for s, e, lab in spans]) for text, spans in examples]


def collect_admin_stems(examples: Iterable[tuple[str, list[Span]]]) -> set[str]:
    stems = set()
    for text, spans in examples:
        for s, e, lab in spans:
            if lab == "PLACE":
                stem = admin_stem(text[s:e])
                if stem and len(stem) >= 2:
                    stems.add(stem)
    return stems


# ---------------------------------------------------------------------------------------
# Alignment to pkuseg words


class AlignStats:
    """Counts of gold entities that do / do not line up with pkuseg word boundaries."""

    def __init__(self) -> None:
        self.aligned: Counter = Counter()
        self.misaligned: Counter = Counter()
        self.sentences = 0
        self.sentences_misaligned = 0
        self.overlaps = 0

    def as_dict(self) -> dict:
        labels = sorted(set(self.aligned) | set(self.misaligned))
        return {
            "sentences": self.sentences,
            "sentences_with_misaligned_entity": self.sentences_misaligned,
            "overlapping_spans_dropped": self.overlaps,
            "entities": {lab: {"aligned": self.aligned[lab], "misaligned": self.misaligned[lab]}
                         for lab in labels},
        }


def make_doc(nlp, text: str, spans: list[Span], stats: AlignStats):
    """Return a Doc of pkuseg words with the aligned spans as entities (the rest are ``O``)."""
    doc = nlp.make_doc(text)
    ents, taken = [], set()
    bad = False
    for s, e, lab in sorted(spans):
        span = doc.char_span(s, e, label=lab)
        if span is None:
            stats.misaligned[lab] += 1
            bad = True
            continue
        if any(i in taken for i in range(span.start, span.end)):
            stats.overlaps += 1
            continue
        taken.update(range(span.start, span.end))
        stats.aligned[lab] += 1
        ents.append(span)
    doc.set_ents(ents, default="outside")
    stats.sentences += 1
    stats.sentences_misaligned += bad
    return doc


def write_docbin(nlp, examples: Iterable[tuple[str, list[Span]]], out: Path,
                 stats: AlignStats) -> int:
    from spacy.tokens import DocBin

    db = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    n = 0
    for text, spans in examples:
        if not text.strip():
            continue
        db.add(make_doc(nlp, text, spans, stats))
        n += 1
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    return n


def convert_corpora(corpora: Path, work: Path, nlp, *, dev_fraction: float = 0.03,
                    extra: tuple[str, ...] = (), seed: int = 0, harmonize: bool = True,
                    say: Callable = print) -> dict:
    """Write train.spacy and dev.spacy under ``work`` from PD 1998 + MSRA train (+ ``extra``).

    The dev set is a random held-out slice of the training corpora; the test splits (MSRA
    test, pd_ner test, CLUENER dev) are never read here.
    """
    work.mkdir(parents=True, exist_ok=True)
    pd_path = corpora / "pd1998" / "199801.utf8.txt"
    msra_path = corpora / "msra" / "msra_train_bio.txt"
    for path in (pd_path, msra_path):
        if not path.exists():
            raise UserError(f"Corpus file {path} not found: pass --corpora the shared corpora "
                            "directory (with pd1998/ and msra/).")
    msra = list(bio_examples(msra_path, MSRA_MAP))
    pd_raw = list(pd1998_examples(pd_path))
    if harmonize:
        conventions = msra_conventions(nlp, msra)
        pd, added = apply_conventions(pd_raw, conventions)
        (work / "conventions.json").write_text(json.dumps(
            {"conventions": conventions, "added_in_pd1998": dict(added.most_common())},
            ensure_ascii=False, indent=1), encoding="utf-8")
        say(f"MSRA conventions: {len(conventions)} words, {sum(added.values())} spans added to PD")
    else:
        pd = [(t, s) for t, s, _ in pd_raw]
    sources = {"pd1998": pd, "msra_train": msra}
    if "cluener" in extra:
        sources["cluener_train"] = list(cluener_examples(corpora / "cluener" / "train.json"))
    if "weibo" in extra:
        sources["weibo_train"] = list(bio_examples(
            corpora / "weibo" / "weiboNER_2nd_conll.train", WEIBO_MAP))
    stems = collect_admin_stems(ex for src in sources.values() for ex in src)
    rng = random.Random(seed)
    train, dev = [], []
    for name, examples in sources.items():
        examples = resolve_places(examples, stems)
        rng.shuffle(examples)
        n_dev = int(len(examples) * dev_fraction) if name in ("pd1998", "msra_train") else 0
        dev.extend(examples[:n_dev])
        train.extend(examples[n_dev:])
    rng.shuffle(train)
    report = {"sources": {k: len(v) for k, v in sources.items()},
              "settings": {"harmonize": harmonize, "extra": sorted(extra), "seed": seed,
                           "dev_fraction": dev_fraction}}
    for split, examples in (("train", train), ("dev", dev)):
        stats = AlignStats()
        t0 = time.time()
        n = write_docbin(nlp, examples, work / f"{split}.spacy", stats)
        report[split] = {"docs": n, **stats.as_dict()}
        say(f"{split}: {n} docs in {time.time() - t0:.0f}s; {stats.as_dict()}")
    (work / "stems.txt").write_text("\n".join(sorted(stems)), encoding="utf-8")
    (work / "conversion.json").write_text(json.dumps(report, ensure_ascii=False, indent=2))
    return report


# ---------------------------------------------------------------------------------------
# Evaluation: exact character spans, computed on pkuseg words like the pipeline does


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def score_spans(gold: list[set[Span]], pred: list[set[Span]],
                aligned: list[set[Span]] | None = None) -> dict:
    """Return exact-span P/R/F per label and overall; ``aligned_f`` over alignable gold only."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for g, p in zip(gold, pred):
        for span in p:
            counts[span[2]]["tp" if span in g else "fp"] += 1
        for span in g - p:
            counts[span[2]]["fn"] += 1
    out = {lab: _prf(c["tp"], c["fp"], c["fn"]) for lab, c in sorted(counts.items())}
    tot = Counter()
    for c in counts.values():
        tot.update(c)
    out["ALL"] = _prf(tot["tp"], tot["fp"], tot["fn"])
    if aligned is not None:
        # Gold restricted to entities on pkuseg word boundaries; predictions unchanged.
        tp = sum(len(p & a) for p, a in zip(pred, aligned))
        fp = sum(len(p - g) for p, g in zip(pred, gold))
        fn = sum(len(a - p) for p, a in zip(pred, aligned))
        out["ALL_aligned_gold"] = _prf(tp, fp, fn)
    return out


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
    from .component import char_span_component

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


# ---------------------------------------------------------------------------------------
# Training


def _pkuseg_nlp(pkuseg_model: str | os.PathLike | None = None):
    from ..nlp.models import resolve_pkuseg_model
    from ..nlp.spacy_nlp import load_tokenizer_nlp

    return load_tokenizer_nlp(resolve_pkuseg_model(pkuseg_model))


def load_trained(nlp_tok, model_dir: Path):
    """Return ``nlp_tok`` (pkuseg) with the NER components of ``model_dir`` attached."""
    from .load import attach_components

    attach_components(nlp_tok, Path(model_dir))
    return nlp_tok


def ship_model(src: Path, out: Path, work: Path, *, train_minutes: float | None = None,
               note: str = "") -> None:
    """Save the components of the spaCy model at ``src`` to ``out`` without tokenizer.

    ``meta.json`` gets ``fazhi``: the tokens the model expects ("pkuseg"), its labels, the
    training time and the alignment counts of the conversion in ``work``.
    """
    import shutil

    import spacy

    trained = spacy.load(src, exclude=["tokenizer"])
    conversion = json.loads((Path(work) / "conversion.json").read_text())
    trained.meta["fazhi"] = {"tokens": "pkuseg", "labels": list(LABELS),
                             "train_minutes": round(train_minutes, 1) if train_minutes else None,
                             "train_note": note, "recipe": "fazhi train ner",
                             "alignment": conversion}
    out = Path(out)
    if out.exists():
        for child in ("tok2vec", "ner", "vocab", "tokenizer"):
            shutil.rmtree(out / child, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    trained.to_disk(out, exclude=["tokenizer"])


# The options of ``training/train_linear.py train`` behind the shipped model: characters;
# MSRA train with all its labels, PD1998 for its persons only (its places and organisations
# follow other conventions than MSRA's), the epoch picked on the same (MSRA dev, and PD1998
# dev's persons); float16 weights. See the model card for the variants measured.
RECIPE = ("--level", "char", "--pd-labels", "person", "--dev-sources", "msra+pd-person",
          "--float16")


def train_ner(corpora: Path, out: Path, minutes: float | None = None, *,
              work: Path | None = None, extra: tuple[str, ...] = (), reuse_docbins: bool = True,
              pkuseg_model: str | os.PathLike | None = None, say: Callable = print,
              epochs: int = 25, recipe: tuple[str, ...] = RECIPE) -> dict:
    """Train the NER on ``corpora``, save it to ``out`` and return the test scores.

    The model is fazhi's character-level linear NER (``pipeline/ner_char.py``: an averaged
    structured perceptron over characters with pkuseg words as features, trained by
    ``training/train_linear.py`` with the options ``recipe``, about 3 minutes on one core):
    the best of up to ``epochs`` epochs by the dev F the recipe names (``RECIPE``: MSRA dev
    and the PERSON spans of PD1998 dev), stopped after ``minutes`` if given.
    ``extra`` adds corpora ("cluener", "weibo"). DocBins in ``work`` are reused when present.
    Example::

        train_ner(Path("../shared/corpora"), Path("pipeline/models/ner"))
    """
    import shutil
    import tempfile

    corpora, out = Path(corpora), Path(out)
    work = Path(work) if work else REPO / "training" / "work"
    work.mkdir(parents=True, exist_ok=True)
    nlp_tok = _pkuseg_nlp(pkuseg_model)
    settings = {"harmonize": True, "extra": sorted(extra), "seed": 0, "dev_fraction": 0.03}
    done = work / "conversion.json"
    reusable = (reuse_docbins and (work / "train.spacy").exists() and (work / "dev.spacy").exists()
                and done.exists() and json.loads(done.read_text()).get("settings") == settings)
    if not reusable:
        convert_corpora(corpora, work, nlp_tok, extra=extra, say=say)
    script = REPO / "training" / "train_linear.py"
    if not script.exists():
        raise UserError(f"{script} is missing: train from a checkout of the fazhi repository.")
    t0 = time.time()
    with tempfile.TemporaryDirectory(prefix="fazhi-ner-") as tmp:
        cmd = [sys.executable, str(script), "train", "--train", str(work / "train.spacy"),
               "--dev", str(work / "dev.spacy"), "--out", tmp, "--epochs", str(epochs),
               "--corpora", str(corpora), *recipe]
        if minutes:
            cmd += ["--minutes", str(minutes)]
        say(" ".join(cmd))
        if subprocess.run(cmd).returncode != 0:
            raise UserError("Training failed; see the output above.")
        out.mkdir(parents=True, exist_ok=True)
        for name in ("model.json", "weights.npz"):
            shutil.copy(Path(tmp) / name, out / name)
    train_minutes = (time.time() - t0) / 60
    trained = json.loads((out / "model.json").read_text(encoding="utf-8"))
    conversion = json.loads(done.read_text())
    char = trained.get("level") == "char"
    meta = {"name": "fazhi_linear_ner",
            "kind": ("averaged structured perceptron over characters, pkuseg words as features: "
                     "BILOU tags, Viterbi decoding, hashed features (pipeline/ner_char.py)"
                     if char else
                     "averaged structured perceptron over pkuseg words: BILOU tags, Viterbi "
                     "decoding, hashed word and word-pair features (pipeline/ner_linear.py)"),
            "level": "char" if char else "word", "recipe_options": list(recipe),
            "labels": {"ner": sorted(LABELS)},
            "fazhi": {"tokens": "pkuseg", "labels": list(LABELS),
                      "train_minutes": round(train_minutes, 1),
                      "best_epoch": trained.get("best_epoch"), "dev_f": trained.get("dev_f"),
                      "recipe": "fazhi train ner",
                      "alignment": {k: conversion.get(k) for k in ("sources", "train", "dev")}}}
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1))
    nlp = load_trained(_pkuseg_nlp(pkuseg_model), out)
    scores = {}
    for name, (examples, mapping, norm) in eval_sets(corpora).items():
        scores[name] = evaluate(nlp, examples, mapping, norm)
        say(f"{name}: {scores[name]['ALL']}")
    scores["train_minutes"] = round(train_minutes, 1)
    (out / "scores.json").write_text(json.dumps(scores, ensure_ascii=False, indent=2))
    return scores
