"""Republished documents: MinHash LSH over character shingles of the story text.

The text is read without its page chrome (navigation, share widgets, source and editor
lines, footers), converted from traditional to simplified script (廣州反詐中心 → 广州反诈中心)
and stripped of everything but letters and digits, so one wire story republished by two sites
with their own chrome, in either script, gives nearly the same shingles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from rensa import RMinHash

from ..stages.layout import t2s_converter

SHINGLE = 5
NUM_PERM = 128
# LSH: 32 bands of 4 rows; a pair of Jaccard 0.5 shares a band with probability 0.87, of 0.6
# with 0.98, of 0.23 with 0.09 (the candidates are then compared on the whole signature).
BANDS, ROWS = 32, 4
# Measured on tests/fixtures/facts (docs/facts.md): republications score >= 0.77, the closest
# different story, written on the same template, 0.23.
THRESHOLD = 0.5
SEED = 13

_CHROME_WORDS = re.compile(
    r"分享|转发|扫一扫|责任编辑|编辑[:：]|来源[:：]|版权所有|©|copyright|未经授权|禁止转载|关于我们|"
    r"联系我们|网站地图|广告服务|上一篇|下一篇|相关新闻|相关阅读|打印|关闭|字号|当前位置|纠错|"
    r"首页|返回顶部|微信|微博|二维码|订阅", re.IGNORECASE)
_NAV_SEPARATORS = re.compile(r"[|｜>＞»/]")
_SOURCE_LINE = re.compile(r"^[（(]?(来源|稿源|作者|编辑|责编|校对)[:：]")
_KEEP = re.compile(r"[0-9A-Za-z\u3400-\u9fff]+")
_CHROME_MAX = 60
_MAX_HASH = (1 << 32) - 1


# Characters only traditional script uses; a page with none of them is not converted.
_TRADITIONAL = frozenset("報訊這們國發時會說經過對還當與後來為東區縣長門開關網萬億機廣鄉將實體點"
                         "詐騙劃撥幣價額資產羣衆眾務員聯網絡電話預警勸阻")


_ANY_TRADITIONAL = re.compile(f"[{''.join(sorted(_TRADITIONAL))}]")


def to_simplified(text: str) -> str:
    """廣州反詐中心預警勸阻 → 广州反诈中心预警劝阻 (unchanged when the page has no traditional
    characters, or no converter is installed)."""
    if len(set(_ANY_TRADITIONAL.findall(text))) < 2:
        return text
    converter = t2s_converter()
    return converter.convert(text) if converter is not None else text


def is_chrome(line: str) -> bool:
    """Navigation (首页 | 新闻 | 政法), share widgets (分享到：微信 微博), source and editor lines
    (来源：法治在线, 【责任编辑：王晓】) and footers (版权所有): short lines of page furniture."""
    line = line.strip()
    if not line:
        return True
    if _SOURCE_LINE.search(line):
        return True
    if len(line) > _CHROME_MAX:
        return False
    if len(_NAV_SEPARATORS.findall(line)) >= 2:
        return True
    return bool(_CHROME_WORDS.search(line))


def without_spans(text: str, spans: Sequence[tuple[int, int]] | None) -> str:
    """The text with the given (start, end) spans blanked by newlines (documents.chrome)."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(max(0, start), min(len(chars), end)):
            chars[i] = "\n"
    return "".join(chars)


def story_text(raw: str, chrome: Sequence[tuple[int, int]] | None = None) -> str:
    """The letters and digits of the story: chrome spans and lines dropped, simplified script."""
    text = to_simplified(without_spans(raw or "", chrome))
    lines = [line for line in text.splitlines() if not is_chrome(line)]
    return "".join(_KEEP.findall("".join(lines)))


def shingle_hashes(text: str, k: int = SHINGLE) -> np.ndarray:
    """32-bit hashes of the k-character shingles, computed in numpy (a polynomial over the
    code points, wrapping in 64 bits, folded to 32): the same text gives the same hashes in
    any process, unlike ``hash()``."""
    if not text:
        return np.zeros(0, dtype=np.uint64)
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(codes) < k:
        codes = np.concatenate([codes, np.zeros(k - len(codes), dtype=np.uint64)])
    n = len(codes) - k + 1
    value = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(k):
            value = value * np.uint64(0x100000001B3) + codes[j:j + n] + np.uint64(1)
        value ^= value >> np.uint64(29)
        value *= np.uint64(0xBF58476D1CE4E5B9)
        value ^= value >> np.uint64(32)
    return value & np.uint64(_MAX_HASH)


def signature(raw: str, chrome: Sequence[tuple[int, int]] | None = None) -> np.ndarray | None:
    """MinHash of a document's story shingles (``NUM_PERM`` 32-bit values; rensa's MinHash over
    the shingle hashes); None for a page without story text."""
    hashes = shingle_hashes(story_text(raw, chrome))
    if len(hashes) == 0:
        return None
    matrix = RMinHash.digest_matrix_from_flat_token_hashes(
        hashes, np.array([0, len(hashes)], dtype=np.uint64), NUM_PERM, SEED)
    return np.asarray(matrix.to_rows()[0], dtype=np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of equal MinHash values."""
    return float(np.count_nonzero(a == b)) / len(a)


def band_hashes(signatures: np.ndarray, band: int) -> np.ndarray:
    """One 64-bit hash per row of ``signatures`` for the ``ROWS`` values of ``band``."""
    block = signatures[:, band * ROWS:(band + 1) * ROWS].astype(np.uint64)
    value = np.zeros(len(block), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(block.shape[1]):
            value = value * np.uint64(0x9E3779B97F4A7C15) + block[:, j] + np.uint64(1)
    return value


def candidate_pairs(signatures: np.ndarray, max_run: int = 64) -> np.ndarray:
    """(later row, earlier row) pairs, unique and sorted, of rows sharing at least one LSH band
    (rows are in stable order). A run of more than ``max_run`` rows with one band value (many
    copies of one page) pairs each row with the first ``max_run`` of the run only."""
    n = np.int64(len(signatures))
    codes = np.zeros(0, dtype=np.int64)  # later * n + earlier: one sortable number a pair
    for band in range(min(BANDS, signatures.shape[1] // ROWS)):
        values = band_hashes(signatures, band)
        order = np.argsort(values, kind="stable")
        ordered = values[order]
        cuts = np.flatnonzero(ordered[1:] != ordered[:-1]) + 1
        starts = np.concatenate([[0], cuts])
        ends = np.concatenate([cuts, [len(ordered)]])
        found = [codes]
        for k in np.flatnonzero(ends - starts >= 2):  # only runs of two or more: few
            run = np.sort(order[starts[k]:ends[k]])
            earlier, later = np.triu_indices(len(run), k=1)
            keep = earlier < max_run
            found.append(run[later[keep]].astype(np.int64) * n + run[earlier[keep]])
        codes = np.unique(np.concatenate(found))  # band by band: memory stays one band's pairs
    return np.stack([codes // n, codes % n], axis=1)


@dataclass(frozen=True)
class Doc:
    """What the duplicate pass reads of a document: its id, order key and text."""

    doc_id: str
    order: tuple
    raw: str
    chrome: tuple[tuple[int, int], ...] | None = None


def order_key(doc_id: str, published=None, source: str | None = None) -> tuple:
    """The stable order that decides which copy is "first": earliest publication date, then
    doc_id (a content hash), never the order the run read the files in."""
    return (published is None, str(published or ""), doc_id)


def find_duplicates(docs: Iterable[Doc], threshold: float = THRESHOLD
                    ) -> dict[str, tuple[str | None, float | None]]:
    """doc_id → (duplicate_of, similarity): the first (by ``order_key``) earlier document
    whose estimated Jaccard similarity reaches ``threshold``; (None, None) for the rest."""
    return find_similar(((d.doc_id, d.order, signature(d.raw, d.chrome)) for d in docs), threshold)


def find_similar(signed: Iterable[tuple[str, tuple, np.ndarray | None]], threshold: float = THRESHOLD
                 ) -> dict[str, tuple[str | None, float | None]]:
    """``find_duplicates`` over (doc_id, order, signature) computed beforehand (so the caller
    need not keep the texts)."""
    orders: dict[str, tuple] = {}
    signatures: dict[str, np.ndarray] = {}
    for doc_id, order, sig in signed:
        orders.setdefault(doc_id, order)
        if sig is not None:
            signatures.setdefault(doc_id, sig)
    result: dict[str, tuple[str | None, float | None]] = {d: (None, None) for d in orders}
    ids = sorted(signatures, key=orders.__getitem__)
    if ids:
        result.update(similar_rows(ids, np.stack([signatures[d] for d in ids]), threshold))
    return result


def similar_rows(ids: Sequence[str], matrix: np.ndarray, threshold: float = THRESHOLD
                 ) -> dict[str, tuple[str, float]]:
    """doc_id → (duplicate_of, similarity) for the rows of ``matrix`` (signatures, in stable
    order) that have an earlier near-duplicate: LSH bands give candidates, the whole
    signatures decide, the first earlier candidate that reaches ``threshold`` is taken."""
    if len(ids) < 2:
        return {}
    pairs = candidate_pairs(matrix)
    scores = np.concatenate([np.zeros(0)] + [
        np.count_nonzero(matrix[chunk[:, 0]] == matrix[chunk[:, 1]], axis=1) / matrix.shape[1]
        for chunk in np.array_split(pairs, max(1, len(pairs) // 4096 + 1)) if len(chunk)])  # bounded
    close = scores >= threshold
    pairs, scores = pairs[close], scores[close]
    first = np.concatenate([[True], pairs[1:, 0] != pairs[:-1, 0]]) if len(pairs) else np.zeros(0, bool)
    return {ids[int(later)]: (ids[int(earlier)], round(float(score), 4))
            for (later, earlier), score in zip(pairs[first], scores[first])}


def roots(duplicates: dict[str, tuple[str | None, float | None]]) -> dict[str, str]:
    """doc_id → the first document of its chain of republications (itself when original)."""
    found: dict[str, str] = {}
    for doc_id in sorted(duplicates):
        chain, current = [], doc_id
        while current not in found and duplicates.get(current, (None,))[0] is not None:
            chain.append(current)
            current = duplicates[current][0]
        root = found.get(current, current)
        for item in chain + [current]:
            found[item] = root
    return found
