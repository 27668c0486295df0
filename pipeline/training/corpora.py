"""The training corpora as fazhi's labels, aligned to pkuseg words (``fazhi train ner``).

People's Daily 1998 and MSRA train become (text, [(start, end, LABEL)]) with fazhi's labels
(places split into GPE and LOC by ``place_label``), are split into train and dev with a fixed
seed, re-segmented with pkuseg and written as DocBins (``convert_corpora``). An entity that
starts or ends inside a pkuseg word (MSRA tags 华 in 华人, 邓小平 in 邓小平理论) cannot line up
with the words: it is counted (``AlignStats``) and its words are ``O`` in the DocBins, while
``corpus_examples`` gives every gold span back as characters for the character-level model.
The test splits (MSRA test, pd_ner test, CLUENER dev) are never read here.
"""

from __future__ import annotations

import json
import random
import time
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import UserError
from ..evaluation.corpora import read_bio, read_cluener, read_pd1998

LABELS = ("PERSON", "ORG", "GPE", "LOC")
CONVERSION_SETTINGS = {"harmonize": True, "extra": [], "seed": 0, "dev_fraction": 0.03}

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
# ``place_label_known``'s multi-character LOC endings that beat 区/州/村 (盐城自然保护区), and
# its sites besides LOC_SUFFIXES (码头, 隧道, 水库).
LOC_SUFFIXES_FIRST = LOC_SUFFIXES[:20] + ("保护区", "度假区", "风景区", "服务区", "水域", "坝区")
LOC_SUFFIXES_KNOWN = LOC_SUFFIXES_FIRST + LOC_SUFFIXES[20:] + ("码头", "隧道", "水库", "口岸")


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


@lru_cache(maxsize=1)
def known_places() -> tuple[frozenset[str], frozenset[str]]:
    """(LOC names, GPE names) the entity rules know: seas, rivers, lakes, mountains and
    regions of the LOC lists (长江, 太行山, 东海); divisions with their safe short forms and
    countries (湛江, 澳门, 美国)."""
    from ..lexicon import read_words
    from ..places import DATA_DIR, Gazetteer

    loc = set()
    for name in ("gazetteer_loc.txt", "entity_loc_nature.txt", "entity_loc_names.txt"):
        loc.update(read_words(DATA_DIR / name))
    gaz = Gazetteer()
    gpe = set(gaz.by_name) | gaz.high_short | gaz.countries
    return frozenset(loc), frozenset(gpe - loc)


def place_label_known(name: str, admin_stems: set[str]) -> str:
    """``place_label`` with the names the entity rules know deciding first (the recipe
    ``--pd-labels person+loc``): 太行山, 东海 → LOC; 湛江, 澳门, 连云港 → GPE."""
    loc_names, gpe_names = known_places()
    if name in loc_names:
        return "LOC"
    if name in gpe_names or (name.endswith("地区") and name[:-2] in gpe_names):
        return "GPE"  # 张家口地区 was a prefecture
    if name.endswith(LOC_SUFFIXES_FIRST):
        return "LOC"
    if admin_stem(name) is not None or name in admin_stems:
        return "GPE"
    if name.endswith(LOC_SUFFIXES_KNOWN) and len(name) > 1:
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


# People's Daily tags hotels, shops and markets as places (ns); our guideline makes them ORG
# (芙蓉宾馆, 西单商场): they are never LOC there.
PD_ORG_PLACES = ("宾馆", "饭店", "酒店", "大厦", "商场", "商店", "市场", "商城", "百货", "农场")


def resolve_places(examples: list[tuple[str, list[Span]]], admin_stems: set[str],
                   org_places: tuple[str, ...] = (), known: bool = False
                   ) -> list[tuple[str, list[Span]]]:
    """Places as GPE or LOC (``place_label``, or ``place_label_known`` when ``known``);
    those ending in ``org_places`` as ORG."""
    by = place_label_known if known else place_label

    def label(name: str) -> str:
        return "ORG" if org_places and name.endswith(org_places) else by(name, admin_stems)

    return [(text, [(s, e, label(text[s:e]) if lab == "PLACE" else lab)
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


def split_train_dev(sources: dict[str, list[tuple[str, list[Span]]]], stems: set[str], *,
                    seed: int = 0, dev_fraction: float = 0.03, known: bool = False
                    ) -> tuple[list, list]:
    """(train, dev): each source's places resolved to GPE or LOC and shuffled, a
    ``dev_fraction`` of PD1998's and MSRA train's held out for dev, the rest shuffled again.
    ``convert_corpora`` and ``corpus_examples`` draw the same split from the same seed.
    ``known``: places labelled by ``place_label_known``, People's Daily's hotels and shops ORG."""
    rng = random.Random(seed)
    train, dev = [], []
    for name, examples in sources.items():
        org = PD_ORG_PLACES if known and name == "pd1998" else ()
        examples = resolve_places(examples, stems, org, known)
        rng.shuffle(examples)
        n_dev = int(len(examples) * dev_fraction) if name in ("pd1998", "msra_train") else 0
        dev.extend(examples[:n_dev])
        train.extend(examples[n_dev:])
    rng.shuffle(train)
    return train, dev


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
    train, dev = split_train_dev(sources, stems, seed=seed, dev_fraction=dev_fraction)
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
# The DocBins back, with every gold span as characters


def read_docbin(path: Path) -> list[tuple[list[str], list[Span]]]:
    """(words, entity token spans) of each Doc of the DocBin at ``path``."""
    import spacy
    from spacy.tokens import DocBin

    vocab = spacy.blank("zh").vocab
    out = []
    for doc in DocBin().from_disk(path).get_docs(vocab):
        out.append(([t.text for t in doc], [(e.start, e.end, e.label_) for e in doc.ents]))
    return out


def corpus_examples(corpora: Path, work: Path, known: bool = False) -> tuple[list, list]:
    """(train, dev) lists of (text, gold char spans), in the order of ``work``'s DocBins.

    Rebuilt as ``convert_corpora`` built them (same settings, same seed; MSRA conventions read
    from ``work/conventions.json``), but keeping every gold span, also those that cut through
    pkuseg words.
    """
    settings = json.loads((Path(work) / "conversion.json").read_text())["settings"]
    if settings != CONVERSION_SETTINGS:
        raise UserError(f"{work}: unexpected conversion settings {settings}; convert the "
                        f"corpora again with the defaults")
    msra = list(bio_examples(corpora / "msra" / "msra_train_bio.txt", MSRA_MAP))
    pd_raw = list(pd1998_examples(corpora / "pd1998" / "199801.utf8.txt"))
    conventions = json.loads((Path(work) / "conventions.json").read_text(encoding="utf-8"))
    pd, _ = apply_conventions(pd_raw, conventions["conventions"])
    sources = {"pd1998": pd, "msra_train": msra}
    stems = collect_admin_stems(ex for src in sources.values() for ex in src)
    train, dev = split_train_dev(sources, stems, seed=settings["seed"],
                                 dev_fraction=settings["dev_fraction"], known=known)

    def keep(examples):
        return [(t, sorted(sp)) for t, sp in examples if t.strip()]

    return keep(train), keep(dev)


def attach_gold(sents, examples) -> list[tuple[list[str], list[Span]]]:
    """(words, gold char spans) per sentence: DocBin words with the corpus gold, checked to
    be the same text."""
    if len(sents) != len(examples):
        raise UserError(f"{len(sents)} DocBin sentences, {len(examples)} corpus examples: "
                        "convert the corpora again")
    out = []
    for (words, _), (text, spans) in zip(sents, examples):
        if "".join(words) != text:
            raise UserError(f"DocBin words differ from the corpus text: {text[:40]!r}; "
                            "convert the corpora again")
        out.append((words, spans))
    return out
