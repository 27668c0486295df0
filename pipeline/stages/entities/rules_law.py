"""LAW and CRIME rules: titles of laws and normative documents in 《》, offence names.

《刑法》 → 刑法 (the span is the title, without the marks), 《…意见（二）》; 危险驾驶罪,
寻衅滋事, 电诈 (a short charge without 罪 needs a context word: 诈骗案, 涉嫌诈骗). Word lists:
``entity_law_suffixes.txt``, ``entity_newspapers.txt``, ``entity_not_law_after.txt``,
``entity_crimes*.txt``, ``entity_crime_context.txt``.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...lexicon import read_tagged, read_words, trie_pattern
from .candidate import SURE, Candidate

TITLE = r"《([^《》\n]{1,80})》"
# A bracketed tail after a title: …意见（二）, …条例（试行）.
TITLE_TAIL = r"[（(][^（）()]{1,12}[）)]$"
PERIODICALS = ("报", "杂志", "周刊", "月刊")


# The goods of an offence before 案 or its suspect (issue 15): 走私 + 冻品案, 盗窃 + 电动车案件,
# 盗窃 + 电动自行车系列案, 盗窃 + 电缆犯罪嫌疑人.
GOODS_CASE = re.compile("[\u4e00-\u9fff]{1,5}?(?:系列)?(?:案(?!例)|犯罪嫌疑人)")


# A count closing the list item before a 、: 诈骗电话9亿次、 (a list of figures).
COUNT_BEFORE = re.compile("[0-9０-９][^、，。；]{0,3}、$")


# A sum or a count right after an offence word: 受贿38万元 (the verb of a sentence).
NUMBER_AFTER = re.compile("[0-9０-９一二三四五六七八九十百千万两]")


class LawRules:
    """The LAW/CRIME half of ``Rules`` (a mixin)."""

    def _compile_law(self, data_dir: Path) -> None:
        """Compile the title and offence patterns."""
        self.newspapers = set(read_words(data_dir / "entity_newspapers.txt"))
        self.law_suffix_re = re.compile(
            f"(?:{trie_pattern(read_words(data_dir / 'entity_law_suffixes.txt'))})$")
        self.law_re = re.compile(TITLE)
        self.not_law_after = tuple(read_words(data_dir / "entity_not_law_after.txt"))
        self.law_tail_re = re.compile(TITLE_TAIL)
        loose, strict = [], []  # strict: matched only with 罪 (放火罪, 赌博罪) or a case noun
        self.crime_nouns: set[str] = set()  # 醉驾: no context word needed
        self.crime_needs_context: set[str] = set()  # 非法采砂: a context word needed
        for name in ("entity_crimes.txt", "entity_crimes_common.txt"):
            for tag, words in read_tagged(data_dir / name).items():
                (strict if tag == "罪" else loose).extend(words)
                if tag == "noun":
                    self.crime_nouns.update(words)
                elif tag == "context":
                    self.crime_needs_context.update(words)
        bare = list(strict)  # 赌博 + 团伙: a case noun names the offence
        strict += [v for name in loose for v in charge_variants(name)]
        single = [v for name in loose for v in object_variants(name)]
        self.crime_needs_context.update(single)  # 销售伪劣种子 + 案
        loose += single
        context = read_tagged(data_dir / "entity_crime_context.txt")
        cases = trie_pattern(context.get("case_noun", []))
        self.crime_re = re.compile(
            f"(?:{trie_pattern(loose + strict)})罪|(?:{trie_pattern(loose)})(?!罪)"
            f"|(?:{trie_pattern(bare)})(?={cases})"
        )
        self.crime_after = tuple(context.get("after", []))  # 诈骗 + 案
        self.crime_before = tuple(context.get("before", []))  # 涉嫌 + 诈骗
        self.crime_not_before = tuple(context.get("not_before", []))  # 酒驾 + 醉驾
        self.not_case = tuple(context.get("not_case", []))  # 电诈 + 发案数
        self.crime_not_after = tuple(context.get("not_after", []))  # 偷越国境 + 人员

    def law_candidates(self, text: str) -> list[Candidate]:
        """Return the titles in 《》 that end like a law or normative document (not newspapers)."""
        out = []
        for m in self.law_re.finditer(text):
            title = m.group(1).strip()
            if title in self.newspapers or title.endswith(PERIODICALS):
                continue
            if text.startswith(self.not_law_after, m.end()):
                continue
            if not (self.law_title(title) or title.startswith("中华人民共和国")):
                continue
            s, e = m.span(1)
            out.append(Candidate(s, e, "LAW", title, "rule:law", SURE))
        return out

    def law_title(self, title: str) -> bool:
        """Return True when ``title`` ends like a law or normative document, a bracketed tail
        aside (…工作方案, …意见（二）)."""
        return bool(self.law_suffix_re.search(self.law_tail_re.sub("", title)))

    def crime_candidates(self, text: str) -> list[Candidate]:
        """Return offence names; a two-character one without 罪 needs a context word, or
        another offence written right beside it (贪污受贿: two offences)."""
        found = [(m, m.group().removesuffix("罪")) for m in self.crime_re.finditer(text)]
        ends = {m.end() for m, _ in found}
        starts = {m.start() for m, _ in found}
        out = []
        for m, name in found:
            s, e = m.span()
            if text.startswith(self.crime_not_after, e) and not text.endswith("涉嫌", 0, s):
                continue  # 查获偷越国境人员: people, not the offence (涉嫌醉驾人员 stays)
            if name in self.crime_nouns and not m.group().endswith("罪"):
                if text.endswith(self.crime_not_before, 0, s):
                    continue  # 酒驾醉驾集中整治: a class of violations
            elif (len(name) <= 2 or name in self.crime_needs_context) and \
                    not m.group().endswith("罪"):
                if _sum_after(text, e, found):
                    continue  # 分别贪污、受贿38万元: a verb narrating, not an offence's name
                if not self._in_crime_context(text, s, e, ends, starts):
                    continue
            out.append(Candidate(s, e, "CRIME", name, "rule:crime", SURE))
        return out

    def _in_crime_context(self, text: str, s: int, e: int, ends: set[int],
                          starts: set[int]) -> bool:
        """Return True when a context word names the offence at ``s:e``: 诈骗 + 案, 涉嫌 +
        诈骗, 盗窃 + 电动车系列案 (not 电诈 + 发案数), 贪污受贿, 绑架、凶杀; a 、 after a count
        closes a list of figures, not of offences (诈骗电话9亿次、诈骗短信)."""
        before = [w for w in self.crime_before if text.endswith(w, 0, s)]
        if any(w != "、" for w in before) or (before and not COUNT_BEFORE.search(text, 0, s)):
            return True
        if text.startswith(self.crime_after, e):
            return True
        goods = GOODS_CASE.match(text, e)
        if goods and not goods.group().endswith(self.not_case):
            return True
        return s in ends or e in starts


def charge_variants(name: str) -> list[str]:
    """Return the shorter forms news write of a charge with alternatives (matched with 罪):
    the leading alternatives (掩饰、隐瞒犯罪所得、犯罪所得收益 → 掩饰、隐瞒犯罪所得) and, when the
    alternatives are verbs of one object, any two or more of them in order
    (走私、贩卖、运输、制造毒品 → 走私、贩卖、运输毒品, 贩卖、运输毒品)."""
    parts = name.split("、")
    if len(parts) < 2:
        return []
    out = ["、".join(parts[:k]) for k in range(2, len(parts))]
    width = len(parts[0])
    if len(parts) <= 6 and all(len(p) == width for p in parts[:-1]) and len(parts[-1]) > width:
        verbs, obj = parts[:-1] + [parts[-1][:width]], parts[-1][width:]
        for mask in range(1, 1 << len(verbs)):
            chosen = [v for i, v in enumerate(verbs) if mask >> i & 1]
            if len(chosen) >= 2:
                out.append("、".join(chosen) + obj)
    return [v for v in out if v != name]


def object_variants(name: str) -> list[str]:
    """Return one verb with one object of a charge whose verbs share a modifier and a list of
    objects, as news write it: 生产、销售伪劣农药、兽药、化肥、种子 → 销售伪劣种子, 生产伪劣农药
    (an offence name only with 罪 or a context word: 销售伪劣种子案); 生产、销售伪劣产品 →
    销售伪劣产品."""
    parts = name.split("、")
    if len(parts) < 2 or len(parts[0]) != 2 or len(parts[1]) <= 2:
        return []
    verbs, head, objects = [parts[0], parts[1][:2]], parts[1][2:], parts[2:]
    width = len(objects[0]) if objects else len(head)
    if any(len(o) != width for o in objects) or len(head) < width:
        return []
    modifier, objects = head[:-width], [head[-width:]] + objects
    return [v + modifier + o for v in verbs for o in objects
            if not (modifier + o).startswith(v)]  # not 伪造 + 伪造的增值税专用发票


def _sum_after(text: str, end: int, found: list) -> bool:
    """Return True when a sum or count follows the offence at ``end``, directly or after the
    offences listed with it (分别贪污、受贿38万元); 受贿一案 is a case, not a sum."""
    while text.startswith("、", end):
        nxt = next((m for m, _ in found if m.start() == end + 1), None)
        if nxt is None:
            break
        end = nxt.end()
    return bool(NUMBER_AFTER.match(text, end)) and not text.startswith(("一案", "一起"), end)
