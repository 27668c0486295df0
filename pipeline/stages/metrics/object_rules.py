"""The object rules: what a figure counts, decided over its ``Clause`` after the action rules.

They run in the order of ``attributes.RULES``; each reads the clause and may set ``c.obj``
(a few also ``c.action``). Kept apart from ``object`` (which reads one noun phrase) so that a
rule is a short function with its example, and each module stays under 600 lines.
"""

from __future__ import annotations

import re

from .action import in_phrase
from .nouns import (changed_object, clause_subject, earlier_object, ends_in_predicate, noun_after,
                    subject_after)
from .object import read_object, relative_noun_after, tidy_object
from .words import NO_QUOTES, Clause, clause_start, names_kind, without_places

def restated_sum(c: Clause) -> None:
    """A sum restated in brackets is the same sum: 235亿图格里克（约合2900万美元） (the object is set at the end)."""
    text, cand, previous, start, end = c.text, c.cand, c.previous, c.start, c.end
    if previous and re.fullmatch(r"[（(](?:约合|折合|合)?", text[previous[-1][0].end:start]) \
            and text.startswith(("）", ")"), end) and previous[-1][0].kind == cand.kind == "money":
        c.restated = previous[-1][1].get("object")  # 235亿图格里克（约合2900万美元）: the same sum
    else:
        c.restated = None


def object_in_clause(c: Clause) -> None:
    """The noun phrase the figure counts, before or after it: 共破获案件760起 -> 案件."""
    lex = c.lex
    text, cand, previous, tokens, places, persons, start, left, starts = c.text, c.cand, c.previous, c.tokens, c.places, c.persons, c.start, c.left, c.starts
    c.obj = read_object(lex, text, cand, text[max(left, c.action_end or 0):start], previous,
                       starts, places, tokens=tokens, persons=persons)


def object_of_relative_or_share(c: Clause) -> None:
    """The noun of a relative clause, the thing a share is of: 80%以上的连队 -> 连队."""
    lex = c.lex
    text, cand, tokens, start, end, clause = c.text, c.cand, c.tokens, c.start, c.end, c.clause
    if c.relative_noun:
        c.obj = c.relative_noun  # 开发的新产品在1100种以上 -> 新产品
    elif cand.kind == "percent" and text.startswith("的", end):
        share_of = subject_after(lex, text, end + 1, tokens)
        disposed = re.match(r"的([\u4e00-\u9fff]{2,6})[，,。；;]", text[end:])
        if share_of:
            c.obj = share_of  # 驻军部队80%以上的连队先后成为…: the share of 连队
        elif disposed and re.match(r"(?:将|把)", text[clause:start]):
            c.obj = disposed.group(1)  # 将省有关部门增长13%的指标，作为…: the thing disposed of


def object_located(c: Clause) -> None:
    """The line a length is measured on: 1000多公里的干线上 -> 干线."""
    text, cand, end = c.text, c.cand, c.end
    located = re.match(r"的([\u4e00-\u9fff]{1,6}?)(?:上|中|里)[，,。；;]", text[end:])
    if located and cand.kind in ("length", "area") and (c.obj is None or re.match(r"(?:使|让|令)", c.obj)):
        c.obj = located.group(1)  # 使河西走廊境内1000多公里的干线上: the line measured


def object_in_phrase(c: Clause) -> None:
    """The noun after a figure inside a prepositional phrase: 为全区3000户困难家庭 -> 困难家庭."""
    lex = c.lex
    text, cand, tokens, start, end, clause = c.text, c.cand, c.tokens, c.start, c.end, c.clause
    opens = in_phrase(lex, text, clause, start, tokens) if cand.kind != "duration" else None
    at = text.rfind(c.obj, clause, start) if c.obj else -1
    if opens is not None and (at < 0 or at <= opens < at + len(c.obj)):
        c.obj = noun_after(lex, text, end, tokens) or c.obj  # 民政部门为全区3000户困难家庭


def object_of_light_verb(c: Clause) -> None:
    """A light verb's figure measures its subject: 产业总产值预计完成1929亿元 -> 产业总产值."""
    if c.obj is not None:
        return
    lex = c.lex
    text, cand, places, start, end, clause = c.text, c.cand, c.places, c.start, c.end, c.clause
    if c.action_end is not None and (
            (text[c.action_end:start] == "在" and (cand.kind == "percent" or re.search(
                r"(?:以上|以下|以内|左右)$", text[start:end])))  # 失业率已控制在1%以内: a level kept
            or c.action in lex.light_verbs or c.action in lex.change_actions or (
                c.action in lex.ambiguous_verbs
                and "的" in text[clause:c.action_end - len(c.action)])):
        # 产业总产值预计完成1929亿元: a light verb's figure measures its subject, and so does
        # a noun-like one after a relative clause (用于购买飞机的资金投入1100亿元).
        subject = text[clause:c.action_end - len(c.action)]
        c.obj = read_object(lex, text, cand, subject, None, None, places, after=False)


def object_noted_or_some_of_them(c: Clause) -> None:
    """The noun and its note before the clause, or some of the things just counted: 吨粮县（市）就有5个; 9个小麦亩产千斤县，焦作就有4个."""
    text, cand, previous, places, start, end, clause = c.text, c.cand, c.previous, c.places, c.start, c.end, c.clause
    noted = re.search(r"(?:^|[，,；;。：:、])([\u4e00-\u9fff]{1,8}[（(][\u4e00-\u9fff]{1,3}[）)])$", text[:clause])
    if c.obj is None and noted and re.fullmatch(r"(?:就|已|共|还|也|都|仅|只)?有", text[clause:start]):
        c.obj = noted.group(1)  # 吨粮县（市）就有5个: the noun and its note before the clause
    elif (c.obj is None or text.startswith("的", end)) and previous and previous[-1][0].unit == cand.unit and re.fullmatch(
            r"(?:其中)?(?:就|已|共|还|也|都|仅|只)?有", without_places(text[clause:start], places)) \
            and re.fullmatch(r"[^，,；;。：:]*[，,]", text[previous[-1][0].end:clause]):
        c.obj = previous[-1][1].get("object")  # 全国9个小麦亩产千斤县，焦作就有4个: some of them


def object_of_level_start(c: Clause) -> None:
    """A level started from measures what the sentence spoke of last: 所占的比重，由23%上升到39.2%."""
    lex = c.lex
    text, previous, tokens, clause = c.text, c.previous, c.tokens, c.clause
    level = re.search(r"(?:由|从)[^由从，,；;]{0,20}$", text[clause:c.start])
    if c.obj is None and c.direction is None and level and any(
            t[0] == clause + level.start() and t[2] in ("由", "从") for t in tokens):
        # 所占的比重，由23%上升到39.2%; 价格下降了约4%，从每桶19.25美元降为: a level started
        # from measures what the sentence spoke of last.
        if previous and re.fullmatch(r"[^，,；;。]*[，,]?", text[previous[-1][0].end:clause]):
            c.obj = previous[-1][1].get("object")
        if c.obj is None:
            topic = re.search(r"的?([^\W\d_的]{2,8})[，,]$", text[:clause])
            if topic and not any(t[0] >= topic.start(1) and t[1] <= topic.end(1)
                                 and t[2] in lex.verbs for t in tokens):
                c.obj = topic.group(1)
            elif clause >= 2 and text[clause - 1] in "，," and not (
                    previous and previous[-1][0].end > clause_start(text, clause - 1)
                    and previous[-1][0].kind != "duration"):
                # 印尼盾连连暴跌，5天内竟从5000盾兑1美元: what the clause before spoke of
                subject = clause_subject(lex, text, clause_start(text, clause - 1), clause - 1, tokens)
                c.obj = subject[1] if subject else None


def object_of_alternative(c: Clause) -> None:
    """The same thing as the figure before, joined by 或/和: 约3.5%或3.5%以上."""
    if c.obj is not None:
        return
    text, cand, previous, start, clause = c.text, c.cand, c.previous, c.start, c.clause
    if c.direction and previous and previous[-1][0].unit == cand.unit \
            and re.fullmatch(r"[、和或及与]", text[previous[-1][0].end:start]) and "分别" not in text[clause:start]:
        c.obj = previous[-1][1].get("object")  # 约3.5%或3.5%以上: the same thing (not 分别 A和B)


def object_of_clause_before_change(c: Clause) -> None:
    """A change alone in its clause measures the noun the clause before ends with: 布宜诺斯艾利斯股市，下跌3.24% -> 股市."""
    if c.obj is not None:
        return
    lex = c.lex
    text, previous, tokens, places, start, clause = c.text, c.previous, c.tokens, c.places, c.start, c.clause
    if c.direction and lex.change_word_re.fullmatch(text[clause:start]) and clause >= 2 \
            and text[clause - 1] in "，," and not (previous and previous[-1][0].end > clause_start(text, clause - 1)):
        tail, placed = [], False  # 其次是阿根廷布宜诺斯艾利斯股市，下跌3.24%: the noun the clause before ends with
        for t_start, t_end, word in reversed(tokens):
            if t_end > clause - 1:
                continue
            place = bool(places and word in places)
            if (tail and t_end != tail[0][0]) or not re.fullmatch(r"[\u4e00-\u9fff]+", word) \
                    or word in lex.verbs or word in lex.not_actions or word in lex.prepositions \
                    or word == "的" or (place and (placed or not tail)) or t_end - t_start + sum(
                        e - s for s, e in tail) > 10:
                break
            placed = placed or place
            tail.insert(0, (t_start, t_end))
        noun = text[tail[0][0]:tail[-1][1]] if tail and tail[-1][1] == clause - 1 else ""
        if len(noun) >= 2:
            c.obj = noun


def object_of_change(c: Clause) -> None:
    """A change measures the level it refers to: 来华旅游人数达5236万人次，增长12.3% -> 来华旅游人数."""
    if c.obj is not None:
        return
    lex = c.lex
    text, cand, previous, clause = c.text, c.cand, c.previous, c.clause
    if c.direction and previous:
        c.obj = changed_object(lex, text, cand, clause, previous)


def object_counted_again(c: Clause) -> None:
    """The same things counted again: 送考下乡考试点19家，已完成新增6家 -> 送考下乡考试点."""
    if c.obj is not None:
        return
    text, cand, previous, start = c.text, c.cand, c.previous, c.start
    if previous and not c.direction and (previous[-1][0].unit == cand.unit or (
            previous[-1][0].kind == cand.kind == "money"
            and re.fullmatch(r"(?:[（(][^（()）]{0,20}[）)])?[、和]", text[previous[-1][0].end:start]))):
        # 送考下乡考试点19家，已完成新增6家: the same things counted again; 收缴赃款500多万元
        # 人民币（含存单…）、4万多美元: the same booty in another currency
        gap = re.sub(r"[（(][^（()）]{0,20}[）)]", "", text[previous[-1][0].end:start])
        inherited = previous[-1][1].get("object") or ""
        if (len(gap) <= 8 and re.search(r"[，,、和及与或]", gap) and not re.search(r"[；;。]", gap)
                and inherited and not re.search(r"(?:^[和与及])|[和与及中也或]$", inherited)):
            c.obj = inherited


def object_of_same_verb_earlier(c: Clause) -> None:
    """The noun the same verb took earlier: 繁殖华南虎…，共繁殖38只 -> 华南虎."""
    if c.obj is not None:
        return
    lex = c.lex
    text, cand, tokens, start, clause = c.text, c.cand, c.tokens, c.start, c.clause
    if c.action and cand.kind == "count" and c.action_end == start and len(c.action) >= 2:
        c.obj = earlier_object(lex, text, c.action[:2], clause, tokens)  # 繁殖华南虎…，共繁殖38只
        prior = next((t[2] for t in tokens if t[1] == start - len(c.action) and t[2] in lex.verbs), None)
        if c.obj is None and prior:
            c.obj = earlier_object(lex, text, prior, clause, tokens)  # …就繁殖成活10只


def object_restated(c: Clause) -> None:
    """A sum restated in brackets keeps the object: 235亿图格里克（约合2900万美元）."""
    if not c.restated:
        return
    if c.restated:
        c.obj = c.restated


def object_compared(c: Clause) -> None:
    """A figure compared with the one before measures the same: 仅为1996亿美元，比1996年的2952亿美元."""
    if c.obj is not None:
        return
    lex = c.lex
    text, cand, previous, start, clause = c.text, c.cand, c.previous, c.start, c.clause
    if c.direction is None and previous and previous[-1][0].unit == cand.unit \
            and lex.base_re.match(text[clause:start]) and not re.search(r"[；;。]", text[previous[-1][0].end:start]):
        c.obj = previous[-1][1].get("object")  # 仅为1996亿美元，比1996年创纪录的2952亿美元: the same thing


def object_of_clause_before(c: Clause) -> None:
    """A bare copula restates the clause before: 批准出国旅游人员仍居首位，为106.5万人次 -> 出国旅游人员, 批准."""
    if c.obj is not None:
        return
    lex = c.lex
    text, previous, tokens, start, clause = c.text, c.previous, c.tokens, c.start, c.clause
    if re.fullmatch(r"(?:为|是|达|计|共计|共|总共有|共有)", text[clause:start]) \
            and clause >= 2 and text[clause - 1] in "，,":
        opened = clause_start(text, clause - 1)
        if not previous or previous[-1][0].end <= opened:  # 节约财政支出7.1%，达70多万元: a restatement
            subject = clause_subject(lex, text, opened, clause - 1, tokens)  # …首位，为106.5万人次
            if subject:
                c.obj = subject[1]
                if subject[0] in lex.permission_verbs:
                    c.action = c.action or subject[0]  # 批准出国旅游人员…，为106.5万人次 -> 批准


def object_share_of_source(c: Clause) -> None:
    """A share of a source: 从个人所得税中提取10% -> 个人所得税."""
    text, cand, start, left = c.text, c.cand, c.start, c.left
    source = re.search(r"从([^，,；;、从]{2,12}?)中[\u4e00-\u9fff]{1,3}$", text[left:start])
    if source and cand.kind == "percent" and (c.obj is None or c.obj not in source.group(1)):
        c.obj = source.group(1)  # 从个人所得税中提取10%: a share of that source


def object_relative_after(c: Clause) -> None:
    """The noun a relative clause after a governed figure ends in: 处理了50多件有影响的案件 -> 案件."""
    if c.obj is not None:
        return
    lex = c.lex
    text, cand, tokens = c.text, c.cand, c.tokens
    if c.action and cand.kind not in ("percent", "duration"):
        c.obj = relative_noun_after(lex, text, cand, tokens)  # 处理了50多件有影响的案件


def object_of_following_act(c: Clause) -> None:
    """The noun of a 对-phrase when the act follows: 对6个大中型企业实施了兼并 -> 大中型企业."""
    if not c.follow_noun:
        return
    if c.action and (c.obj is None or c.action in c.obj):
        c.obj = c.follow_noun  # 对6个大中型企业实施了兼并 -> 大中型企业


def object_not_destination_or_act(c: Clause) -> None:
    """Not where they went (移送司法机关13人), not the act itself (出动灭火14万余起)."""
    lex = c.lex
    if c.obj and c.action in lex.transfer_verbs and lex.organ_end_re.search(c.obj):
        c.obj = None  # 移送司法机关13人: where they went, not what is counted
    if c.obj and c.action and (c.obj in c.action or (c.obj.startswith(c.action) and "的" not in c.obj)):
        c.obj = None  # 有9640人死于交通事故, 出动灭火14万余起: the act, not what is counted


def object_of_subject_verb(c: Clause) -> None:
    """What the subject's verb names: 批准赴国外旅游为38.8万人次 -> 赴国外旅游; 没收的存款额为 -> 存款额."""
    if not c.subject_verb:
        return
    lex = c.lex
    text, cand, places, start, clause = c.text, c.cand, c.places, c.start, c.clause
    if c.subject_verb:
        verb, at = c.subject_verb
        copula = lex.subject_copula_re.search(text, clause, start)
        if verb in lex.permission_verbs:  # 批准赴国外旅游为38.8万人次 -> 赴国外旅游
            c.obj = text[at + len(verb):copula.start()].translate(NO_QUOTES) or None
        elif text[at + len(verb):at + len(verb) + 1] == "的":  # 没收的存款额为 -> 存款额
            c.obj = text[at + len(verb) + 1:copula.start()].translate(NO_QUOTES) or None
        elif "的" in text[at + len(verb):copula.start()]:  # 受到党纪政纪处分的有260人
            c.obj = text[at + len(verb):text.rfind("的", at, copula.start())].translate(NO_QUOTES) or None
        else:  # 全省粮食入库达 -> 全省粮食
            c.obj = read_object(lex, text, cand, text[clause:at], None, None, places, after=False)


def object_tidied(c: Clause) -> None:
    """Words around the noun phrase that are not part of it go: 现金和151万元支票 -> 现金."""
    lex = c.lex
    text, cand, previous = c.text, c.cand, c.previous
    c.obj = tidy_object(lex, c.obj, text, cand, previous, c.direction)


def object_not_predicate(c: Clause) -> None:
    """An object that ends in a predicate word is none: 花4000多元就能 -> the noun after, or none."""
    lex = c.lex
    text, cand, tokens, start, end, clause = c.text, c.cand, c.tokens, c.start, c.end, c.clause
    if c.obj and ends_in_predicate(lex, text, c.obj, clause, start, tokens):
        # 花4000多元就能, 南非前总统博塔将因3次, 便省了7.1%: a predicate, not a noun phrase
        c.obj = noun_after(lex, text, end, tokens) if cand.kind not in ("percent", "duration") else None
    if c.obj and c.action and len(c.obj) > len(c.action) + 1 and c.obj.endswith(c.action):
        c.obj = c.obj[: -len(c.action)]  # 近500名平民死亡: the verb after the noun is no part of it


def object_named_kind(c: Clause) -> None:
    """A figure that names a kind measures it: 完成了湛江50万吨浆厂等6个项目 -> 浆厂."""
    lex = c.lex
    cand, tokens, end = c.cand, c.tokens, c.end
    if cand.kind not in ("money", "percent", "duration") and c.modifier and names_kind(lex, c.modifier.group(1)) \
            and not (any(end <= t[0] < end + len(c.modifier.group(1)) and t[2] in lex.verbs
                                    for t in tokens)):
        c.obj = c.modifier.group(1).rstrip("等")  # 完成了湛江50万吨浆厂等6个项目: the plant is what is measured
    elif c.obj and cand.kind == "money" and c.modifier and c.obj == c.modifier.group(1) \
            and names_kind(lex, c.modifier.group(1)):
        # 500万元利税企业4家: the sum measures 利税, the enterprises are what is counted
        c.obj = lex.kind_head_re.sub("", c.obj) or c.obj


def object_not_distance_or_window(c: Clause) -> None:
    """A distance or a window measures nothing: 西村位于县城东北20公里; 5年来共破获."""
    text, cand, end = c.text, c.cand, c.end
    if c.obj and cand.kind == "length" and re.search(r"位于|距离|距", c.obj):
        c.obj = None  # 西村位于翼城县城东北20公里: a distance, nothing measured
    if c.obj and cand.kind == "duration" and re.match(r"(?:来|以来|间|里)", text[end:]):
        c.obj = None  # 全国公安边防部门5年来共破获…: a window, nothing measured


def one_act_of_two_verbs(c: Clause) -> None:
    """Two verbs side by side are one act: 出动灭火14万余起 -> 出动灭火, no object."""
    if not c.obj:
        return
    lex = c.lex
    text, tokens, start = c.text, c.tokens, c.start
    if c.action and c.action_end is not None and c.action_end + len(c.obj) == start \
            and text.startswith(c.obj, c.action_end) and (c.action_end, start, c.obj) in tokens \
            and c.obj in lex.verbs and c.obj not in lex.not_actions and not lex.actions_re.fullmatch(c.obj) \
            and c.action not in lex.permission_verbs and len(c.action) == len(c.obj) == 2:
        c.action, c.obj = c.action + c.obj, None  # 出动灭火14万余起: one act, as the guideline keeps it


def object_of_fixed_phrase(c: Clause) -> None:
    """Fixed phrases around the figure: 死刑缓期2年执行 -> 死刑缓期执行; 除…银行外 -> 银行."""
    text, start, end, clause = c.text, c.start, c.end, c.clause
    if c.obj and c.obj.endswith("缓期") and text.startswith("执行", end):
        c.obj += "执行"  # 死刑缓期2年执行 -> 死刑缓期执行
    elif c.obj and len(c.obj) > 2 and c.obj.endswith("外") and "除" in text[clause:start]:
        c.obj = c.obj[:-1]  # 除宣布关闭16家…私人商业银行外
