"""The features of fazhi's linear NER: one hashed value per template and word, and pairs.

Every feature is a function of one word string at an offset -2..+2 from the tagged position
(``TEMPLATES``: the word's hash, its first and last characters, length, shape, suffix and
gazetteer flags), or of a pair of such values (``DEFAULT_PAIRS``: the word bigrams w-1 w0 and
w0 w+1, w-1 w+1, a word with a character of its neighbour, …). Values are uint64, 0 meaning
"absent"; they are computed for a whole batch at once from the code points of the joined
text, with the polynomial hashes of ``pipeline.nlp.hashing`` (the same as the segmenter's).

Sentences are laid end to end with two padding positions between them and at both ends
(``positions``); a template's value at a padding position is ``PAD`` (0 for the ``FLAGS``).
The character-level model (``pipeline.ner.char``) builds its own templates on these.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ..lexicon import DATA_DIR, read_list, read_words
from ..nlp.hashing import Hasher

# Templates: one value (uint64) per word; 0 = no feature.
TEMPLATES = ("w", "f", "l", "f2", "l2", "len", "shape", "admin", "org", "loc", "sur", "gaz",
             "lenshape")
DEFAULT_OFFSETS = {
    "0": ["w", "f", "l", "f2", "l2", "len", "shape", "admin", "org", "loc", "sur", "gaz",
          "lenshape"],
    "-1": ["w", "f", "l", "l2", "len", "shape", "admin", "org", "loc", "sur", "gaz"],
    "1": ["w", "f", "l", "l2", "len", "shape", "admin", "org", "loc", "sur", "gaz"],
    "-2": ["w", "shape", "l"],
    "2": ["w", "shape", "l"],
}
OFFSETS = (-2, -1, 0, 1, 2)
# Pair templates [offset a, template a, offset b, template b]: one feature per value pair.
# Word bigrams around the word, the skip pair (w-1, w+1), and a word with the first or last
# character of its neighbour (在 + …市, 张 + 说), characters across word boundaries.
DEFAULT_PAIRS = [[-1, "w", 0, "w"], [0, "w", 1, "w"], [-1, "w", 1, "w"], [-2, "w", -1, "w"],
                 [1, "w", 2, "w"], [-1, "w", 0, "l"], [0, "f", 1, "w"], [-1, "l", 0, "f"],
                 [0, "l", 1, "f"], [0, "sur", 1, "w"]]
FLAGS = ("admin", "org", "loc", "sur", "gaz")  # templates whose padding value is 0 (absent)
PAD = np.uint64(0xFEEDFACECAFEBEEF)  # the value of every template at a padding position

ADMIN_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "街道", "省", "市", "县",
                  "区", "镇", "乡", "村", "州", "旗", "盟", "国")
ORG_SUFFIXES = ("局", "院", "部", "委", "厅", "处", "所", "会", "队", "社", "校", "馆", "办",
                "署", "团", "行", "组", "庭", "军", "党", "报", "台", "厂", "司", "科", "室",
                "中心", "公司", "集团", "大学", "学院", "中学", "小学", "银行", "法院", "检察院",
                "政府", "委员会", "协会", "学会", "基金会", "联合会", "总会", "研究所", "研究院",
                "医院", "出版社", "通讯社", "电视台", "电台", "日报", "晚报", "时报", "议会",
                "联盟", "组织", "机构", "支队", "大队", "中队", "分局", "派出所", "有限公司",
                "事务所", "合作社", "工作室", "俱乐部", "代表团", "办公室", "办事处")
LOC_SUFFIXES = ("地区", "山区", "林区", "牧区", "灾区", "景区", "开发区", "园区", "矿区", "库区",
                "流域", "一带", "地带", "沿海", "高原", "平原", "盆地", "半岛", "群岛", "海峡",
                "江", "河", "湖", "海", "洋", "山", "岛", "峡", "湾", "岭", "峰", "洲", "川", "溪",
                "泉", "沟", "滩", "漠", "路", "街", "道", "巷", "桥", "站", "场", "港", "口",
                "门", "寺", "庙", "宫", "园", "馆", "楼", "塔", "坝", "渠", "运河", "广场", "大道",
                "水库", "公园")
CN_NUMERALS = "〇零一二三四五六七八九十百千万亿两"

_PAIR = np.uint64(0xC2B2AE3D27D4EB4F)


HASHER = Hasher()  # one hasher for every feature (its power tables grow on demand)


class Lexicon:
    """The word lists behind the flag features, as hash sets (sorted uint64 arrays)."""

    def __init__(self) -> None:
        h = HASHER.strings

        def hset(words) -> np.ndarray:
            words = sorted({w for w in words if w})
            return np.unique(h(words)) if words else np.zeros(0, np.uint64)

        self.admin = {k: hset([s for s in ADMIN_SUFFIXES if len(s) == k]) for k in range(1, 6)}
        self.org = {k: hset([s for s in ORG_SUFFIXES if len(s) == k]) for k in range(1, 6)}
        self.loc = {k: hset([s for s in LOC_SUFFIXES if len(s) == k]) for k in range(1, 6)}
        surnames = read_words(DATA_DIR / "entity_surnames.txt")
        self.sur1 = hset([s for s in surnames if len(s) == 1])
        self.sur2 = hset([s for s in surnames if len(s) == 2])
        divisions_full, divisions_short = [], []
        for cols in read_list(DATA_DIR / "gazetteer_cn_divisions.tsv"):
            if len(cols) >= 2:
                divisions_full.append(cols[1])
            if len(cols) >= 5 and len(cols[4]) >= 2:
                divisions_short.append(cols[4])
        self.gaz = [hset(divisions_full), hset(divisions_short),
                    hset(read_words(DATA_DIR / "gazetteer_countries.txt")),
                    hset(read_words(DATA_DIR / "gazetteer_loc.txt")),
                    hset(read_words(DATA_DIR / "gazetteer_abbreviations.txt"))]


def member(keys: np.ndarray, q: np.ndarray) -> np.ndarray:
    """True where a query is one of the sorted ``keys``."""
    if not len(keys) or not len(q):
        return np.zeros(len(q), bool)
    at = np.searchsorted(keys, q)
    at[at == len(keys)] = 0
    return keys[at] == q


def char_class(codes: np.ndarray) -> np.ndarray:
    """1 digit, 2 Chinese numeral, 3 Latin letter, 4 other CJK, 5 punctuation/other."""
    c = codes
    cls = np.full(len(c), 5, np.uint8)
    cjk = ((c >= 0x4E00) & (c <= 0x9FFF)) | ((c >= 0x3400) & (c <= 0x4DBF))
    cls[cjk] = 4
    num = np.isin(c, np.frombuffer(CN_NUMERALS.encode("utf-32-le"), np.uint32))
    cls[num] = 2
    digit = ((c >= 48) & (c <= 57)) | ((c >= 0xFF10) & (c <= 0xFF19))
    cls[digit] = 1
    latin = (((c >= 65) & (c <= 90)) | ((c >= 97) & (c <= 122)) | ((c >= 0xFF21) & (c <= 0xFF3A))
             | ((c >= 0xFF41) & (c <= 0xFF5A)))
    cls[latin] = 3
    return cls


def word_values(words: Sequence[str], lex: Lexicon) -> dict[str, np.ndarray]:
    """Every template's value (uint64, 0 = absent) for each word, vectorised."""
    n = len(words)
    out = {t: np.zeros(n, np.uint64) for t in TEMPLATES}
    if not n:
        return out
    lens = np.fromiter(map(len, words), np.int64, n)
    text = "".join(words)
    codes32 = np.frombuffer(text.encode("utf-32-le"), np.uint32)
    codes = codes32.astype(np.uint64) + np.uint64(1)
    q = HASHER.prefix(codes)
    ends = np.cumsum(lens)
    starts = ends - lens
    ok = lens > 0
    s, e = starts[ok], ends[ok]
    span = HASHER.span

    def put(name, values, mask=None):
        arr = out[name]
        if mask is None:
            arr[ok] = values
        else:
            idx = np.flatnonzero(ok)[mask]
            arr[idx] = values[mask] if len(values) == mask.shape[0] else values

    put("w", span(q, s, e))
    put("f", codes[s])
    put("l", codes[e - 1])
    ln = e - s
    two = ln >= 2
    put("f2", np.where(two, span(q, s, np.minimum(s + 2, e)), codes[s] | np.uint64(1 << 40)))
    put("l2", np.where(two, span(q, np.maximum(e - 2, s), e), codes[e - 1] | np.uint64(1 << 40)))
    lenc = np.minimum(ln, 7).astype(np.uint64)
    put("len", lenc)
    cls = char_class(codes32)
    lo = np.minimum.reduceat(cls, s) if len(s) else cls[:0]
    hi = np.maximum.reduceat(cls, s) if len(s) else cls[:0]
    shape = np.where(lo == hi, lo, 6 + (lo * 8 + hi)).astype(np.uint64)
    put("shape", shape)
    put("lenshape", lenc * np.uint64(100) + shape + np.uint64(1))

    def suffix_flag(table: dict[int, np.ndarray]) -> np.ndarray:
        flag = np.zeros(len(s), np.uint64)
        for k in range(5, 0, -1):
            can = (ln > k) & (flag == 0)  # a suffix on a longer word
            if not can.any():
                continue
            idx = np.flatnonzero(can)
            hit = member(table[k], span(q, e[idx] - k, e[idx]))
            flag[idx[hit]] = k
        return flag

    put("admin", suffix_flag(lex.admin))
    put("org", suffix_flag(lex.org))
    put("loc", suffix_flag(lex.loc))
    sur = np.zeros(len(s), np.uint64)
    m1 = member(lex.sur1, span(q, s, s + 1)) & (ln <= 3)
    sur[m1] = ln[m1].astype(np.uint64)
    idx = np.flatnonzero(two & (ln <= 4))
    m2 = member(lex.sur2, span(q, s[idx], s[idx] + 2))
    sur[idx[m2]] = (ln[idx[m2]] + 10).astype(np.uint64)
    put("sur", sur)
    wh = out["w"][ok]
    gaz = np.zeros(len(s), np.uint64)
    for bit, keys in enumerate(lex.gaz):
        gaz |= member(keys, wh).astype(np.uint64) << np.uint64(bit)
    put("gaz", gaz)
    return out


def layout(sents: Sequence[Sequence[str]]) -> tuple[list[str], np.ndarray, np.ndarray, int]:
    """Flatten sentences with two padding positions around each: (words, token positions,
    sentence start positions, total positions)."""
    words = [w for s in sents for w in s]
    return (words, *positions(np.fromiter(map(len, sents), np.int64, len(sents))))


def positions(lens: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """Sentences of ``lens`` positions laid end to end with two padding positions around
    each: (the positions of their tokens, each sentence's first position, total positions)."""
    if not len(lens):
        return np.zeros(0, np.int64), np.zeros(0, np.int64), 2
    starts = 2 + np.concatenate([[0], np.cumsum(lens + 2)[:-1]])
    first = np.concatenate([[0], np.cumsum(lens)[:-1]])
    pos = np.repeat(starts - first, lens) + np.arange(int(lens.sum()))
    return pos.astype(np.int64), starts.astype(np.int64), int(lens.sum() + 2 * (len(lens) + 1))


def pair_hash(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """One uint64 value for each pair of values (``a[i]``, ``b[i]``): a pair template's value."""
    return (a * _PAIR) ^ (b + np.uint64(0x632BE59BD9B4E019)) * np.uint64(0x94D049BB133111EB)


def pair_values(pairs: Sequence[Sequence], vals: dict[str, np.ndarray], pos: np.ndarray,
                npos: int, flags: Sequence[str] = FLAGS) -> list[np.ndarray]:
    """Each pair template's value (uint64, 0 = absent) at every token of a layout (``flags``:
    the templates whose padding value is 0)."""
    at: dict[str, np.ndarray] = {}
    out = []
    for oa, ta, ob, tb in pairs:
        for t in (ta, tb):
            if t not in at:
                v = np.full(npos, 0 if t in flags else PAD, np.uint64)
                v[pos] = vals[t]
                at[t] = v
        a, b = at[ta][pos + oa], at[tb][pos + ob]
        h = pair_hash(a, b)
        h[(a == 0) | (b == 0) | (h == 0)] = 0
        out.append(h)
    return out
