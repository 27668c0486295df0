"""Nouns read over pkuseg words around a figure, for the object rules: the subject a clause
opens with, the noun a verb took earlier, the bare noun after a figure or a 的."""

from __future__ import annotations

import re

from .quantities import Figure
from .words import RATE_NOUN, TIME_WORD, plain_verb


def clause_subject(lex, text: str, begin: int, end: int, tokens) -> tuple[str | None, str] | None:
    """Return (leading verb, noun) a clause opens with, after a time word:
    1997年，批准出国旅游人员仍居…首位，|为106.5万人次 -> (批准, 出国旅游人员)."""
    words = [t for t in tokens if begin <= t[0] and t[1] <= end]
    while words and (TIME_WORD.fullmatch(words[0][2]) or re.fullmatch(r"\d{4}年", words[0][2])):
        words.pop(0)
    verb = None
    if words and plain_verb(lex, words[0][2]) and words[0][2] not in lex.ambiguous_verbs:
        verb = words.pop(0)[2]
    noun = []
    for t_start, t_end, word in words:
        if word == "的" and noun and t_start == noun[-1][1]:
            noun = []  # 美国的企业兼并案: the head after 的
            continue
        if (noun and t_start != noun[-1][1] and text[noun[-1][1]:t_start] != "的") \
                or not re.fullmatch(r"[\u4e00-\u9fff]+", word) \
                or word == "的" or word in lex.not_actions or word in lex.prepositions \
                or word in lex.subject_adverbs or word.startswith(("最", "仍")) \
                or (word in lex.verbs and word not in lex.ambiguous_verbs):
            break
        noun.append((t_start, t_end))
    found = text[noun[0][0]:noun[-1][1]] if noun else ""
    if verb and verb not in lex.permission_verbs and noun:
        following = next((w for w in words if w[0] == noun[-1][1]), None)
        if following and plain_verb(lex, following[2]) and following[2] not in lex.ambiguous_verbs:
            return None  # 发动村干部参与巡逻，共5支: whom the verb set to act, not what is counted
    return (verb, found) if 2 <= len(found) <= 10 else None


def earlier_object(lex, text: str, verb: str, clause: int, tokens) -> str | None:
    """Return the noun the same verb took earlier in the sentence: 打破了人工繁殖华南虎零的纪录，
    1988年至今共繁殖38只 -> 华南虎."""
    at = clause
    for _ in range(3):
        at = text.rfind(verb, 0, at)
        if at < 0:
            return None
        words = []
        for t_start, t_end, word in tokens:
            if t_start < at + len(verb):
                continue
            if (t_start != (words[-1][1] if words else at + len(verb)) or len(words) == 2
                    or not re.fullmatch(r"[\u4e00-\u9fff]+", word) or word in lex.verbs
                    or word in lex.not_actions or word in lex.prepositions or word in lex.not_nouns
                    or word in ("的", "了", "着", "过") or re.fullmatch(r"[零〇一二两三四五六七八九十百千万亿]+", word)):
                break
            words.append((t_start, t_end))
        noun = text[words[0][0]:words[-1][1]] if words else ""
        if len(noun) >= 2:
            return noun
    return None


def subject_after(lex, text: str, begin: int, tokens) -> str | None:
    """Return the bare noun at ``begin`` that is the subject of a predicate after it
    (80%以上的|连队|先后成为, 63%的|电子邮件|表达了), not a rate or a time (以36%的幅度发展)."""
    last = begin
    for t_start, t_end, word in tokens:
        if t_start < begin:
            continue
        if t_start != last:
            return None
        if word in lex.verbs or word in lex.not_actions or word in lex.subject_adverbs \
                or (word in lex.prepositions and t_start > begin):
            noun = text[begin:last]  # 80%的发菜从这里销往全国: a predicate after the noun
            return noun if 1 <= len(noun) <= 8 and not RATE_NOUN.search(noun) else None
        if not re.fullmatch(r"[\u4e00-\u9fff、和]+", word) or word in ("的", "之", "中") \
                or word in lex.prepositions:
            return None
        last = t_end
    return None


def noun_after(lex, text: str, end: int, tokens) -> str | None:
    """Return the bare noun right after the measure word, up to the first verb, particle,
    adverb or time word: 8个单位也进行了 -> 单位, 10个部门、行业， -> 部门、行业."""
    last = end
    for t_start, t_end, word in tokens:
        if t_start < end:
            continue
        if t_start != last or not re.fullmatch(r"[\u4e00-\u9fff、]+", word) \
                or lex.noun_stop_re.fullmatch(word) or word in lex.not_actions \
                or lex.after_stop_re.fullmatch(word) or lex.change_word_re.fullmatch(word) \
                or word in lex.prepositions or word in lex.verbs:
            break
        last = t_end
    noun = re.sub(r"(?:之一|每人|人均|各自)$", "", re.split(r"[和及与或]", text[end:last])[0]).rstrip("、")
    return noun if 1 <= len(noun) <= 12 else None


def ends_in_predicate(lex, text: str, obj: str, clause: int, start: int, tokens) -> bool:
    """Return True when the object read before the figure ends in a word that ends no noun
    phrase: a preposition, a modal or an adverb (就能, 将因, 省了; a verb may be a noun:
    来信来访, 党纪政纪处分)."""
    at = text.rfind(obj, clause, start)
    if at < 0:
        return False
    last = next((t for t in tokens if t[1] == at + len(obj)), None)
    if last is None or (start - (at + len(obj)) > 2 and last[2] != "了"):
        return False  # 取得了每亩增产19.6%: 了 ends a predicate wherever it is
    word = last[2]
    return bool(lex.predicate_end_re.fullmatch(word)) or word in lex.prepositions


def changed_object(lex, text: str, cand: Figure, clause: int,
                    previous: list[tuple[Figure, dict]]) -> str | None:
    """Return the object of the level a change figure refers to.

    来华旅游人数达5236万人次，国际旅游收入达110.8亿美元，分别较上年同期增长12.3%和18.7%:
    12.3% is the change of 来华旅游人数, 18.7% of 国际旅游收入; without 分别, the last level.
    """
    # 出口1827亿美元，增长20.9%: a noun-like action of the level names what changed.
    levels = [dict(f, object=f.get("object") or f.get("action")) for _, f in previous
              if not f.get("change_direction") and (
                  f.get("object") or f.get("action") in lex.ambiguous_verbs)]
    if not levels:
        return None
    if "分别" not in text[clause:cand.start]:
        return levels[-1]["object"]
    run = 0  # change figures of this 分别 list before this one
    for _, fields in reversed(previous):
        if not fields.get("change_direction"):
            break
        run += 1
    following = len(re.findall(r"[和、及与][^，,；;。和、及与]{1,12}", re.split(r"[，,；;。]", text[cand.end:])[0]))
    index = len(levels) - (run + 1 + following) + run
    return levels[index]["object"] if 0 <= index < len(levels) else levels[-1]["object"]


