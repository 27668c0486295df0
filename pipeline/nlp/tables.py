"""Compile a spacy-pkuseg model into the integer tables of ``pipeline.nlp.segment.Segmenter``.

The feature strings are compiled once, per model: characters and dictionary words get ids,
and each feature becomes a sorted integer key (``c-1c.X.Y`` → id(X)·(V+1) + id(Y)). The
tables live beside the model, or in the cache when the model's folder is read-only, and load
in a fraction of a second (the weights are memory-mapped, so forked workers share them).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np

TABLES_VERSION = 2
TABLES_DIR = f"fazhi-segment-v{TABLES_VERSION}"
NOWORD = "**noWord"
UNI_TYPES = ("c", "c-1", "c1", "c-2", "c2")
BI_TYPES = ("c-1c", "cc1", "c-2c-1")
KEYWORDS = "-._,|/*:"  # spacy-pkuseg's FeatureExtractor renames these to "&"


def _read_features(model_dir: Path) -> dict:
    if (model_dir / "features.msgpack").exists():
        import srsly

        return srsly.read_msgpack(model_dir / "features.msgpack")
    if (model_dir / "features.pkl").exists():
        import pickle

        with open(model_dir / "features.pkl", "rb") as handle:
            return pickle.load(handle)
    with open(model_dir / "features.json", encoding="utf-8") as handle:
        return json.load(handle)


def _sort_features(features: dict[str, int], word_id: dict[str, int]) -> tuple[dict, dict, dict, dict]:
    """The model's features by kind: (uni {type: {node: id}}, bi {type: [(x, y, id)]},
    word features {"w1"|"w-1": id per word}, ww pairs {"l"|"r": [(slot, slot, id)]})."""
    nw = len(word_id)  # the id of "no word"
    uni: dict[str, dict[str, int]] = {t: {} for t in UNI_TYPES}
    bi: dict[str, list[tuple[str, str, int]]] = {t: [] for t in BI_TYPES}
    word_feats = {"w1": np.full(nw + 1, -1, np.int32), "w-1": np.full(nw + 1, -1, np.int32)}
    pairs: dict[str, list[tuple[int, int, int]]] = {"l": [], "r": []}

    def slot(text: str) -> int | None:
        return nw if text == NOWORD else word_id.get(text)

    for key, fid in features.items():
        head, _, rest = key.partition(".")
        if head in uni:
            uni[head][rest] = fid
        elif head in bi:
            a, _, b = rest.partition(".")
            if a and b and "." not in b:  # nodes never contain "." (renamed to "&")
                bi[head].append((a, b, fid))
        elif head in word_feats:
            k = word_id.get(rest)
            if k is not None:
                word_feats[head][k] = fid
        elif head == "ww":
            side, _, both = rest.partition(".")
            # "P*Q" where P and Q may contain "*" themselves: keep every reading in which both
            # halves are slots, since each of them produces this same feature string.
            at = both.find("*")
            while at >= 0:
                p, q = slot(both[:at]), slot(both[at + 1:])
                if p is not None and q is not None:
                    pairs[side].append((p, q, fid))
                at = both.find("*", at + 1)
    return uni, bi, word_feats, pairs


def _node_arrays(uni: dict, bi: dict) -> tuple[list[str], dict[str, np.ndarray]]:
    """The character nodes (sorted) and the arrays of the character features: ``uni``
    [node, type] and the pair table ``bi_keys``/``bi_ids``."""
    seen: set[str] = set()
    for table in uni.values():
        seen.update(table)
    for rows in bi.values():
        seen.update(a for a, _, _ in rows)
        seen.update(b for _, b, _ in rows)
    nodes = sorted(seen)
    node_id = {x: i for i, x in enumerate(nodes)}
    v = len(nodes)  # the id of an unknown character
    uni_table = np.full((v + 1, len(UNI_TYPES)), -1, np.int32)
    for col, t in enumerate(UNI_TYPES):
        for x, fid in uni[t].items():
            uni_table[node_id[x], col] = fid
    # The three character-pair features share one key (id(X)·(V+1) + id(Y)): one table,
    # a column per feature type, -1 where the model has no such feature.
    typed = [np.array([node_id[a] * (v + 1) + node_id[b] for a, b, _ in bi[t]], np.int64)
             for t in BI_TYPES]
    bi_keys = np.unique(np.concatenate(typed)) if typed else np.zeros(0, np.int64)
    bi_ids = np.full((len(bi_keys), len(BI_TYPES)), -1, np.int32)
    for col, (t, keys) in enumerate(zip(BI_TYPES, typed)):
        bi_ids[np.searchsorted(bi_keys, keys), col] = [fid for _, _, fid in bi[t]]
    return nodes, {"uni": uni_table, "bi_keys": bi_keys, "bi_ids": bi_ids}


def _pair_arrays(pairs: dict, nw: int) -> dict[str, np.ndarray]:
    """The ww tables per side: sorted keys slot·(NW+1) + slot and their feature ids."""
    arrays = {}
    for side, rows in pairs.items():
        keys = np.array([p * (nw + 1) + q for p, q, _ in rows], np.int64)
        ids = np.array([fid for _, _, fid in rows], np.int32)
        keys, first = np.unique(keys, return_index=True)
        arrays[f"ww_{side}_keys"], arrays[f"ww_{side}_ids"] = keys, ids[first]
    return arrays


def _move_into_place(tmp: Path, out: Path) -> None:
    """Replace ``out`` by the finished ``tmp`` (another process may have won the race)."""
    if out.exists():
        shutil.rmtree(out, ignore_errors=True)
    try:
        os.replace(tmp, out)
    except OSError:  # another process compiled the same tables meanwhile
        if not (out / "meta.json").exists():
            raise
        shutil.rmtree(tmp, ignore_errors=True)


def build_tables(model_dir: str | os.PathLike, out: str | os.PathLike) -> Path:
    """Compile the pkuseg model at ``model_dir`` into integer tables in ``out`` (atomically)."""
    from spacy_pkuseg.config import config

    model_dir, out = Path(model_dir), Path(out)
    data = _read_features(model_dir)
    features: dict[str, int] = data["feature_to_idx"]
    words = sorted(set(data["unigram"]))
    word_id = {w: i for i, w in enumerate(words)}
    uni, bi, word_feats, pairs = _sort_features(features, word_id)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".segment-", dir=out.parent))
    os.chmod(tmp, 0o755)
    try:
        nodes, arrays = _node_arrays(uni, bi)
        arrays.update(w1=word_feats["w1"], wm1=word_feats["w-1"], **_pair_arrays(pairs, len(words)))
        np.savez(tmp / "tables.npz", **arrays)
        with np.load(model_dir / "weights.npz") as weights:
            w = weights["w"]
        np.save(tmp / "weights.npy", np.ascontiguousarray(w, dtype=np.float64))
        (tmp / "nodes.txt").write_text("\n".join(nodes), encoding="utf-8")
        (tmp / "words.txt").write_text("\n".join(words), encoding="utf-8")
        meta = {"version": TABLES_VERSION, "n_feature": len(features), "tags": data["tag_to_idx"],
                "word_min": config.wordMin, "word_max": config.wordMax,
                "source": str(model_dir)}
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        _move_into_place(tmp, out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out


def tables_dir(model_dir: str | os.PathLike) -> Path:
    """Where the compiled tables of ``model_dir`` live (beside it if writable, else the cache)."""
    model_dir = Path(model_dir)
    if os.access(model_dir, os.W_OK):
        return model_dir / TABLES_DIR
    from .models import cache_dir

    tag = hashlib.sha256(str(model_dir.resolve()).encode()).hexdigest()[:16]
    return cache_dir() / "segment" / f"{model_dir.name}-{tag}" / TABLES_DIR


def ensure_tables(model_dir: str | os.PathLike) -> Path:
    """Return the compiled tables of ``model_dir``, compiling them on first use."""
    out = tables_dir(model_dir)
    meta = out / "meta.json"
    if meta.exists():
        try:
            if json.loads(meta.read_text(encoding="utf-8")).get("version") == TABLES_VERSION:
                return out
        except ValueError:
            pass
    out.parent.mkdir(parents=True, exist_ok=True)
    return build_tables(model_dir, out)
