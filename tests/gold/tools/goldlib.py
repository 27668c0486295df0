"""Annotator helpers for the fazhi gold sets (independent of pipeline/metrics.py).

Spec lines (kept outside the repo because they quote corpus text):
    DOC | anchor with [span] | kind | action | object | key=value ...
The anchor must occur exactly once in the document; the bracketed part is the span.
Keys: value= vmax= unit= approx= change= basis= (omitted -> derived from the span).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
SEED_DIR = REPO / "seeds"
CORPORA = Path(os.environ.get("FAZHI_CORPORA", REPO.parent / "shared" / "corpora"))
PD = CORPORA / "pd1998" / "199801.utf8.txt"

FW = str.maketrans("０１２３４５６７８９．％，", "0123456789.%,")
CN_DIG = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "廿": 20}
CN_UNIT = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
OVER_PRE = ("至少", "超过", "超", "逾", "多于")
UNDER_PRE = ("接近", "近", "不到", "不足", "少于")
ABOUT_PRE = ("大约", "约")
OVER_SUF = ("以上",)
UNDER_SUF = ("以下", "以内")
ABOUT_SUF = ("左右",)


@lru_cache(maxsize=1)
def pd_texts() -> dict[str, str]:
    sys.path.insert(0, str(REPO))
    from pipeline.evaluation.corpora import read_pd1998
    return {p.para_id: p.text for p in read_pd1998(PD)}


def doc_text(doc: str) -> str:
    kind, _, name = doc.partition(":")
    if kind == "seed":
        return (SEED_DIR / name).read_text(encoding="utf-8")
    if kind == "pd1998":
        return pd_texts()[name]
    raise ValueError(doc)


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def cn_int(s: str) -> float:
    """Chinese numeral (一千零三十九, 十二, 两万三千, 三亿五千万) -> number."""
    for big in ("亿", "万"):
        if big in s:
            hi, _, lo = s.rpartition(big) if big == "万" and "亿" not in s else s.partition(big)
            return cn_int(hi or "一") * CN_UNIT[big] + (cn_int(lo) if lo else 0)
    total, digit = 0.0, None
    for ch in s:
        if ch == "廿":
            total += 20
        elif ch in CN_DIG:
            digit = CN_DIG[ch]
        elif ch in ("十", "百", "千"):
            total += (digit if digit is not None else 1) * CN_UNIT[ch]
            digit = None
        else:
            raise ValueError(s)
    return total + (digit or 0)


NUM = r"[0-9.,]+|[零〇○一二两三四五六七八九十百千万亿廿点]+"


def number(s: str) -> float:
    """'1.2万', '13亿', '812.6万', '一千零三十九', '六百二十二点三', '３万' -> float."""
    s = s.translate(FW).replace(",", "")
    m = re.fullmatch(r"([0-9.]+)([十百千万亿]*)", s)
    if m:
        from decimal import Decimal
        v = Decimal(m.group(1))
        for ch in m.group(2):
            v *= CN_UNIT[ch]
        return float(v)
    if "点" in s:
        ip, fp = s.split("点", 1)
        mult = 1
        while fp and fp[-1] in "万亿":
            mult *= CN_UNIT[fp[-1]]
            fp = fp[:-1]
        return (cn_int(ip) + float("0." + "".join(str(CN_DIG[c]) for c in fp))) * mult
    return cn_int(s)


def derive(span: str) -> dict:
    """Best-effort value/unit/approx from a span; the annotator overrides where needed."""
    s = span.translate(FW)
    approx = None
    for pre, a in [(p, "over") for p in OVER_PRE] + [(p, "under") for p in UNDER_PRE] + [(p, "about") for p in ABOUT_PRE]:
        if s.startswith(pre):
            approx, s = a, s[len(pre):]
            break
    for suf, a in [(p, "over") for p in OVER_SUF] + [(p, "under") for p in UNDER_SUF] + [(p, "about") for p in ABOUT_SUF]:
        if s.endswith(suf):
            approx, s = a, s[: -len(suf)]
            break
    if s.startswith("百分之"):
        return {"value": number(s[3:]), "value_max": None, "unit": "%", "approx": approx}
    m = re.fullmatch(r"(.+?)分之(.+)", s)
    if m:
        return {"value": round(number(m.group(2)) / number(m.group(1)) * 100, 2), "value_max": None, "unit": "%", "approx": approx}
    m = re.fullmatch(r"([0-9.,]+|[零〇○一二两三四五六七八九十百千万亿廿点]*[零〇○一二两三四五六七八九十百千廿点])([万亿]*)(余|多)?([万亿]*)(.*)", s)
    if not m:
        raise ValueError(span)
    v = number(m.group(1) + m.group(2) + m.group(4))
    if m.group(3):
        approx = "over"
    unit = m.group(5)
    if unit.endswith("余") or unit.endswith("多"):  # 5年多, 两个多月 written as 两个多月 -> handled by override
        approx, unit = "over", unit[:-1]
    if unit.startswith("余") or unit.startswith("多"):
        approx, unit = "over", unit[1:]
    if unit == "成":
        v *= 10
    elif unit.startswith("成") and len(unit) == 2:  # 七成六 -> 76
        v, unit = v * 10 + number(unit[1]), "成"
    return {"value": round(v, 6), "value_max": None, "unit": unit, "approx": approx}


KIND_BY_UNIT = {
    "元": "money", "万元": "money", "亿元": "money", "美元": "money", "日元": "money", "港元": "money",
    "马克": "money", "法郎": "money", "加元": "money", "澳元": "money", "新台币": "money", "泰铢": "money", "林吉特": "money", "卢比": "money", "比索": "money", "里拉": "money", "台币": "money", "人民币": "money", "卢布": "money", "英镑": "money", "韩元": "money", "欧元": "money",
    "%": "percent", "成": "percent", "个百分点": "percent", "百分点": "percent",
    "吨": "weight", "公斤": "weight", "千克": "weight", "克": "weight", "斤": "weight",
    "万吨": "weight", "亿吨": "weight",
    "米": "length", "公里": "length", "千米": "length", "厘米": "length", "毫米": "length",
    "亩": "area", "平方米": "area", "平方公里": "area", "公顷": "area",
    "立方米": "volume", "升": "volume",
    "年": "duration", "个月": "duration", "天": "duration", "日": "duration", "小时": "duration",
    "周": "duration", "分钟": "duration", "周年": "duration",
}


# Change and linking verbs are not actions (README: action); they are dropped when written in a spec.
NULL_ACTIONS = {
    "增加", "增长", "下跌", "提高", "递增", "达到", "达", "突破", "减少", "上升", "下降", "缩短", "降低", "降至",
    "贬值", "飞涨", "暴涨", "暴跌", "下挫", "跌至", "降为", "减为", "上升至", "减少到", "扩展到", "扩大",
    "超过", "少", "快", "高", "发展", "过去", "为", "是", "有", "占", "增加到", "降到",
}


def parse_spec_line(line: str) -> dict | None:
    line = line.strip()
    if not line or line.startswith("#"):
        return None
    parts = [p.strip() for p in line.split("|")]
    doc, anchor, kind, action, obj = parts[:5]
    kv = {}
    for p in parts[5:]:
        for tok in p.split():
            k, _, v = tok.partition("=")
            kv[k] = v
    text = doc_text(doc)
    m = re.fullmatch(r"(.*)\[(.+)\](.*)", anchor)
    if not m:
        raise ValueError(f"no [span] in {line}")
    left, span, right = m.groups()
    full = left + span + right
    n = text.count(full)
    if n != 1:
        raise ValueError(f"anchor occurs {n} times: {line}")
    start = text.index(full) + len(left)
    end = start + len(span)
    assert text[start:end] == span
    d = derive(span) if "value" not in kv or "unit" not in kv else {"value": None, "value_max": None, "unit": None, "approx": None}
    nn = lambda v: None if v in ("", "null", "-", None) else v
    value = float(kv["value"]) if "value" in kv else d["value"]
    rec = {
        "doc": doc, "start": start, "end": end,
        "value": round(value, 6),
        "value_max": float(kv["vmax"]) if nn(kv.get("vmax")) else None,
        "unit": kv.get("unit", d["unit"]) if kv.get("unit") != "''" else "",
        "quantity_kind": kind if kind not in ("", "-") else KIND_BY_UNIT.get(kv.get("unit", d["unit"]) or "", "count"),
        "approx": nn(kv["approx"]) if "approx" in kv else d["approx"],
        "change": nn(kv.get("change")),
        "change_basis": nn(kv.get("basis")),
        "action": None if nn(action) in NULL_ACTIONS else nn(action),
        "object": nn(obj),
    }
    if doc.startswith("seed:"):
        rec["text"] = span
    return rec


def build(spec_paths: list[str]) -> list[dict]:
    out = []
    for p in spec_paths:
        cur = None
        for i, line in enumerate(Path(p).read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith("@"):  # '@DOC' sets the document for the following short lines
                cur = line[1:].strip()
                continue
            if cur and line.strip() and not line.startswith("#") and not re.match(r"(seed|pd1998):", line):
                line = cur + " | " + line
            try:
                r = parse_spec_line(line)
            except Exception as e:  # noqa: BLE001
                raise SystemExit(f"{p}:{i}: {e}")
            if r:
                out.append(r)
    return out


def dump(records: list[dict], path: Path) -> None:
    order = ["doc", "start", "end", "text", "value", "value_max", "unit", "quantity_kind", "approx",
             "change", "change_basis", "action", "object"]
    with open(path, "w", encoding="utf-8") as fh:
        for r in sorted(records, key=lambda r: (r["doc"], r["start"])):
            fh.write(json.dumps({k: r[k] for k in order if k in r}, ensure_ascii=False) + "\n")
