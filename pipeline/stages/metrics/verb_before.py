"""The verb before a figure that governs it, as written (``read_action``).

    共破获案件760起            ->  破获 (a lexicon action: the verbs of police and court reports)
    实现销售收入1.3亿元          ->  实现 (a verb that is also a noun yields to an earlier one)
    停建、缓建项目189个          ->  停建、缓建 (coordinated verbs stay together)

The lexicon's actions come first, then the nearest general verb (data/metric_verbs.json).
``action.py`` holds the other places a figure's verb may stand and the action rules.
"""

from __future__ import annotations

import re

from .words import inside_quotes, plain_verb

_WHILE = re.compile(r"(?:时|期间|过程中)")  # 巡逻时, 检查期间, 走访过程中: a time clause

def read_action(lex, text: str, verbs: list[re.Match], left: int, start: int,
            tokens: list[tuple[int, int, str]] | None = None):
    """Return (verb, its end) governing a figure in text[left:start], as written.

    A one-character verb keeps its complement (送来, 拨出, 调高); coordinated verbs stay
    together (停建、缓建; 索要和接收; 立案调查).
    """
    verb, end = find_action(lex, text, verbs, left, start, tokens)
    if verb is None or end is None:
        return verb, end
    begin = end - len(verb)
    if len(verb) == 1 and end < start and text[end] in lex.complements:
        end += 1
    words = {t[0]: t for t in tokens}
    while end < start:
        sep = text[end] if text[end] in "、和及与或" else ""
        nxt = end + len(sep)
        lexical = lex.actions_re.match(text, nxt)
        token = words.get(nxt)
        second = None
        if lexical and lexical.end() <= start and lexical.group(0) not in lex.modifier_verbs \
                and not lex.noun_after_re.match(text, lexical.end()) \
                and (sep or lexical.group(0) not in lex.ambiguous_verbs):  # 节省投资: a noun
            second = lexical.end()
        elif sep and token and token[2] in lex.verbs and token[2] not in lex.not_actions \
                and token[1] <= start and not lex.change_word_re.fullmatch(token[2]):
            second = token[1]
        elif token and token[1] < start and len(token[2]) == 2 == len(text[begin:end]) and (
                (sep and token[2][-1] == text[end - 1] and token[2] not in lex.not_actions)
                or (not sep and plain_verb(lex, token[2]) and token[2] in lex.ambiguous_verbs
                    and text[begin:end] in lex.ambiguous_verbs)):
            # 停建、缓建项目189个: parallel verbs; 审查审批项目25项, 生产销售汽车: two verbs
            # that are also nouns, side by side, are one act (实现销售收入 is not)
            second = token[1]
        if second is None or text[second:second + 1] == "的":
            break
        end = second
    return text[begin:end], end


def usable_verb(lex, text: str, left: int, start: int, v_start: int, v_end: int, word: str) -> bool:
    """Return True when the verb at text[v_start:v_end] may govern a figure at ``start``: not
    glued to a noun ending (回复率), not 总投资, not a change word, not inside quotation marks
    (“带牌销售”)."""
    return (left <= v_start and v_end <= start
            and not lex.noun_after_re.match(text, v_end)
            and not (word in lex.ambiguous_verbs and lex.noun_after_ambiguous_re.match(text, v_end))
            and not (word in lex.ambiguous_verbs and text[v_start - 1:v_start] == "总")  # 总投资
            and not lex.noun_compound_re.match(text, v_start)
            and (word in lex.change_actions or not lex.change_word_re.fullmatch(word))
            and not inside_quotes(text, v_start))


def verb_in_subject(lex, text: str, start: int, starts: set[int], ends: set[int], v_end: int) -> bool:
    """Return True when a predicate between a verb and the figure makes the verb part of the
    subject: 进口产品抽样合格率为10%, 彩电销售已占到1/3, 冬季温室生产鲜菜自给率平均已达20%."""
    if re.search(r"(?:率|比重|比例)[^，,；;]{0,5}?(?:达到|达|为|是)", text[v_end:start]):
        return True  # 冬季温室生产鲜菜自给率平均已达20%
    for found in lex.predicate_re.finditer(text, v_end + 1, start):
        if inside_quotes(text, found.start()):
            continue  # 推出“我为群众办实事”措施: a name
        if found.start() in starts and found.end() in ends:
            return True
    return False


def find_action(lex, text: str, verbs: list[re.Match], left: int, start: int,
                tokens: list[tuple[int, int, str]]):
    """Return (verb, its end) governing a figure in text[left:start].

    First the lexicon's actions (the verbs of police and court reports), taking the first
    of the stretch: 打掉涉黑涉恶组织35个 -> 打掉; a pivot verb hands over to the next one
    (帮助群众解决困难11件 -> 解决). Failing that, the nearest pkuseg word in the general
    verb list (data/metric_verbs.json, from the POS tags of People's Daily 1998), where a
    verb that is also a noun (生产) yields to an earlier one. A verb glued to a noun ending
    (回复率) or inside quotation marks (“带牌销售”) is part of a name.
    """
    starts = {t[0] for t in tokens}
    ends = {t[1] for t in tokens} | {start}
    # 直接处理 holds no 接处, 调查处理 no 查处: whole words only
    verbs = [v for v in verbs if v.start() in starts and v.end() in ends]
    found = [v for v in verbs if usable_verb(lex, text, left, start, v.start(), v.end(), v.group(0))
             and not verb_in_subject(lex, text, start, starts, ends, v.end())]
    general_starts = [t[0] for t in tokens if t[2] in lex.verbs
                      and t[2] not in lex.not_actions and t[2] not in lex.ambiguous_verbs
                      and usable_verb(lex, text, left, start, *t)]
    lexical = lexicon_action(lex, text, start, tokens, found, general_starts)
    if lexical:
        return lexical
    return general_action(lex, text, left, start, tokens, starts, ends)


def lexicon_action(lex, text: str, start: int, tokens, found: list[re.Match],
                   general_starts: list[int]) -> tuple[str, int] | None:
    """Return (verb, its end) of the first lexicon action that governs the figure, else None."""
    kept = []
    for verb in found:
        if verb.group(0) in lex.ambiguous_verbs:
            gap = text[verb.end():start]
            if gap and (lex.copula_only_re.fullmatch(gap) or gap in ("只有", "仅有", "仅为")):
                continue  # 投资已达2亿元, 投资只有110多亿元: the noun 投资, not the verb
            if gap.startswith("的") and lex.subject_copula_re.search(gap) and \
                    len(gap) <= 12 and not re.search(r"[，,、]", gap):
                continue  # 机场建设的投资达1000亿元: a noun again
            if 2 <= len(gap) <= 14 and not re.search(r"[，,、]", gap) and gap.endswith("的") \
                    and re.match(r"[^，,。；;]{0,8}?[%％]", text[start:]) and not re.search(r"[\d%]", gap):
                continue  # 对美出口贸易的43%: a share of the trade, not an act
            if any(g < verb.start() and "的" not in text[g:verb.start()] for g in general_starts):
                continue  # 实现销售收入1.3亿元: 实现 governs
            if any(other.start() > verb.end() and other.group(0) not in lex.ambiguous_verbs
                   for other in found):
                continue  # 住房建设共完成投资413亿元: 建设 names the subject
        kept.append(verb)
    found = kept
    for i, verb in enumerate(found):
        if i + 1 < len(found) and (verb.group(0) in lex.pivot_verbs or lex.new_predicate_re.search(
                text, verb.end(), found[i + 1].start())):
            continue  # 发动村干部……等与民警、辅警组建5支: the verb of the last predicate
        if i + 1 < len(found) and _WHILE.match(text, verb.end()):
            continue  # 巡逻时查获偷越国境人员2名: the act during which, then the act counted
        if i + 1 < len(found) and "的" in text[verb.end():found[i + 1].start()] and \
                not re.search(r"[、，,]", text[verb.end():found[i + 1].start()]):
            continue  # 用于购买飞机的资金投入1100亿元: a verb inside a relative clause
        if verb.group(0) in lex.pivot_verbs and i + 1 == len(found) and general_starts:
            later = [t for t in tokens if t[0] in general_starts and t[0] >= verb.end() + 2
                     and not re.search(r"[的、\d一二两三四五六七八九十]", text[verb.end():start])]
            if later:  # 组织各军分区和人武部干部走遍全省118个县: the pivot hands over
                return later[-1][2], later[-1][1]
        return verb.group(0), verb.end()
    return None


def general_action(lex, text: str, left: int, start: int, tokens, starts: set[int],
                   ends: set[int]) -> tuple[str | None, int | None]:
    """Return (verb, its end) of the nearest general verb that governs the figure directly."""
    # A general verb must govern the figure directly: not a copula (达, 占, 共有) and not
    # inside a relative clause (没收存款不足100加元的……).
    # ……人数达5236万人次, 项目投资就逾7000万美元: a gap ending in a copula makes the
    # word part of the subject.
    general = [t for t in tokens if t[1] <= start and t[2] in lex.verbs and t[2] not in lex.not_actions
               and "的" not in text[t[1]:start]
               and text[t[1]:start] not in ("只有", "仅有", "仅为")  # 用于机场建设的投资只有110多亿元
               and not (text[t[1]:start] and lex.copula_one_re.search(text[t[1]:start])
                        and not re.search(r"(?:总计|共计|合计|累计)$", text[t[1]:start])
                        and not (t[2] in lex.light_verbs and len(t[2]) == 2  # 实现工商税利达到900亿元
                                 and re.fullmatch(r"[^，,的]{1,6}?(?:已经|已|就|共)?(?:达到|达|超过|超)?",
                                                  text[t[1]:start]))
                        and not (text[t[1]:start] == "为" and t[2] not in lex.ambiguous_verbs
                                 and t[2] not in lex.light_verbs))  # 分立为27个子公司
               and usable_verb(lex, text, left, start, *t)
               and not verb_in_subject(lex, text, start, starts, ends, t[1])]
    for i in range(len(general) - 1, -1, -1):
        word = general[i][2]
        adverbial = i > 0 and general[i - 1][1] == general[i][0] and general[i - 1][2] in lex.adverbial_verbs
        if i > 0 and (word in lex.ambiguous_verbs or word in lex.modifier_verbs) and not adverbial:
            continue  # 优先安排军属就业: 优先 modifies the verb, which governs
        permit = next((g for g in general[:i] if g[2] in lex.permission_verbs
                       and not re.search(r"[，,；;：:、]", text[g[1]:general[i][0]])), None)
        if permit:  # 批准内地居民赴香港定居近5万人: the permission is the act counted
            return permit[2], permit[1]
        return word, general[i][1]
    return None, None
