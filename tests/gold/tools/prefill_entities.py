"""Pre-fill entity markup for PD1998 paragraphs from the corpus' own tags (annotator helper).

The output is only a starting point: every span is then decided by hand against
tests/gold/GUIDE_entities.md (the corpus splits 北京市/ns 公安局/n, tags 目前/t, etc.).
nr runs → PERSON; [..]nt and nt → ORG; ns + organ word → ORG; ns → GPE (LOC for water/sites);
t runs → DATE (vague words dropped); 《…》 law titles → LAW.
Usage: python tests/gold/tools/prefill_entities.py PARA_ID ... > markup.txt
"""
from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))
from pipeline.evaluation.corpora import read_pd1998  # noqa: E402

PD = Path("/work/shared/corpora/pd1998/199801.utf8.txt")
ORGANS = ("公安局", "公安厅", "公安分局", "分局", "派出所", "检察院", "人民检察院", "法院", "人民法院",
          "中级人民法院", "高级人民法院", "海关", "纪委", "省委", "市委", "县委", "区委", "政府",
          "人民政府", "边防局", "消防支队", "总队", "支队", "大队", "监察局", "司法局", "工商局",
          "税务局", "缉私局", "安全厅", "国家安全局", "监狱", "劳教所", "看守所", "公安处")
VAGUE = {"目前", "现在", "当前", "近期", "最近", "如今", "过去", "以前", "今后", "将来", "同时",
         "当时", "此前", "以后", "未来", "眼下", "近来", "此后", "长期", "目下"}
LOC_END = ("江", "河", "湖", "海", "山", "路", "街", "广场", "码头", "水域", "岛", "港", "湾", "峡")
LAW_END = ("法", "条例", "规定", "办法", "决定", "解释", "意见", "通知", "细则", "规则", "纲要")


def spans_for(p) -> list[tuple[int, int, str]]:
    out = []
    words = p.words
    in_compound = {}
    for c in p.compounds:
        for i in range(c.first, c.last + 1):
            in_compound[i] = c
    i = 0
    while i < len(words):
        w = words[i]
        c = in_compound.get(i)
        if c is not None and i == c.first:
            label = {"nt": "ORG", "ns": "GPE", "nz": None}.get(c.pos, None)
            if label:
                out.append((w.start, words[c.last].end, label))
            i = c.last + 1
            continue
        if w.pos == "nr":
            j = i
            while j + 1 < len(words) and words[j + 1].pos == "nr" and (j + 1) not in in_compound:
                j += 1
            out.append((w.start, words[j].end, "PERSON"))
            i = j + 1
            continue
        if w.pos == "ns":
            j = i
            while j + 1 < len(words) and (words[j + 1].text in ORGANS or words[j + 1].pos == "nt"):
                j += 1
            if j > i:
                out.append((w.start, words[j].end, "ORG"))
            else:
                out.append((w.start, w.end, "LOC" if w.text.endswith(LOC_END) else "GPE"))
            i = j + 1
            continue
        if w.pos == "nt":
            out.append((w.start, w.end, "ORG"))
        elif w.pos == "t" and w.text not in VAGUE:
            j = i
            while j + 1 < len(words) and words[j + 1].pos == "t" and words[j + 1].text not in VAGUE:
                j += 1
            out.append((w.start, words[j].end, "DATE"))
            i = j + 1
            continue
        elif w.text == "《":
            j = i
            while j + 1 < len(words) and words[j + 1].text != "》":
                j += 1
            if j + 1 < len(words):
                title = p.text[words[i + 1].start:words[j].end] if j > i else ""
                if title.endswith(LAW_END):
                    out.append((words[i + 1].start, words[j].end, "LAW"))
                i = j + 2
                continue
        i += 1
    return out


def markup(text: str, spans) -> str:
    parts, last = [], 0
    for s, e, label in sorted(spans):
        if s < last:
            continue
        parts.append(text[last:s])
        parts.append(f"[[{text[s:e]}|{label}]]")
        last = e
    parts.append(text[last:])
    return "".join(parts)


def main(ids: list[str]) -> None:
    want = set(ids)
    found = {}
    for p in read_pd1998(PD):
        if p.para_id in want:
            found[p.para_id] = markup(p.text, spans_for(p))
    for pid in ids:
        print(f"@@ {pid}")
        print(found[pid])
        print()


if __name__ == "__main__":
    main(sys.argv[1:])
