"""What was done (``action``): the verb that governs a figure, as written.

    共破获案件760起            ->  破获 (a lexicon action: the verbs of police and court reports)
    银行每年送来3万多个无主账户  ->  送来 (a one-character verb keeps its complement)
    国家工商局认定的42个驰名商标 ->  认定 (the verb of a relative clause before the figure)

The verb before the figure is read by ``verb_before``; the helpers here find a verb that
stands elsewhere (a subject before a copula, a relative clause, after the figure or after a
phrase). The action rules at the end of this module run in the order of ``attributes.RULES``.
"""

from __future__ import annotations

import re

from .verb_before import read_action
from .words import NO_QUOTES, Clause, names_kind, plain_verb, previous_in, without_places


def subject_verb(lex, text: str, clause: int, start: int, tokens) -> tuple[str, int] | None:
    """Return (verb, its start) of a subject that names an act, before the copula of a figure.

    没收的存款额为200万加元 -> 没收, 在外乡从事劳动的为2735万人 -> 从事劳动 (a verb and its
    noun before 的), 全省粮食入库达77亿公斤 -> 入库; not a verb also used as a noun
    (机场建设的投资达, 旅游创汇达) and not a copula of a rate (合格率为).
    """
    head = text[clause:start]
    copula = lex.subject_copula_re.search(head)
    if not copula:
        return None
    words = [t for t in tokens if clause <= t[0] and t[1] <= clause + copula.start()]
    if not words:
        return None

    def plain(word: str) -> bool:
        return (word in lex.verbs and word not in lex.ambiguous_verbs
                and word not in lex.not_actions and word not in lex.prepositions
                and word not in lex.modifier_verbs and word not in lex.adverbial_verbs
                and not lex.change_word_re.fullmatch(word))

    last = words[-1]
    permit = next((t for t in words if t[2] in lex.permission_verbs), None)
    if permit and not any(t[2] == "的" for t in words):
        return permit[2], permit[0]  # 其中批准赴国外旅游为38.8万人次: the permission counted
    of = max((i for i, t in enumerate(words) if t[2] == "的"), default=None)
    if of is not None and of >= 1:
        if any(t[2] in lex.verbs or t[2] in lex.not_actions for t in words[of + 1:]) \
                or len(words) - of > 4:
            return None  # 的 inside the subject, then a predicate of its own
        before = words[of - 1]
        if of >= 2 and words[of - 2][2] in ("被", "所被", "遭"):
            return None  # 被遗忘的存款总额
        if copula.group(0).endswith("有"):  # 受到党纪政纪处分的有260人: the verb and its noun
            heads = [i for i in range(of - 1) if plain(words[i][2]) and not any(
                w[2] in lex.verbs and w[2] not in lex.ambiguous_verbs for w in words[i + 1:of - 1])]
            if heads:
                return words[heads[-1]][2], words[heads[-1]][0]
        if plain(before[2]):
            return before[2], before[0]
        if of >= 2 and (plain(words[of - 2][2]) or (
                words[of - 2][2] in lex.ambiguous_verbs and plain_verb(lex, words[of - 2][2]))) \
                and len(before[2]) <= 2 and words[of - 2][1] == before[0] \
                and (before[2] not in lex.verbs or before[2] in lex.ambiguous_verbs):
            return words[of - 2][2] + before[2], words[of - 2][0]  # 从事劳动的
        return None
    if plain(last[2]) and len(words) >= 2 and last[2] not in lex.light_verbs:
        return last[2], last[0]  # 粮食入库达
    return None


def relative_verb(lex, text: str, left: int, start: int, tokens) -> tuple[str, int, str | None] | None:
    """Return (verb, its end, noun) of a relative clause that ends right before the figure, or
    before the figure's noun: 国家工商局认定的42个驰名商标 -> 认定, 自主研制开发的近10个 ->
    研制开发, 已有登记注册的三资企业6.8万多家 -> 登记注册 (adjacent verbs stay together);
    with a copula after the noun, the noun as well (开发的新产品在1100种以上 -> 新产品)."""
    found = re.search(r"的([^的\W\d_]{0,10})$", text[left:start])
    if not found:
        return None
    at = left + found.start()  # the 的
    words = [t for t in tokens if left <= t[0] and t[1] <= start]
    linked = False
    while words and words[-1][0] > at and words[-1][2] in lex.links:
        words.pop()  # 开发的新产品在1100种以上, 治理的面积就达4.45万平方公里: a copula
        linked = True
    index = next((i for i, t in enumerate(words) if t[0] == at and t[2] == "的"), None)
    if index is None or index == 0:
        return None
    if any(t[2] in lex.verbs or t[2] in lex.not_actions or t[2] in lex.prepositions
           for t in words[index + 1:]):
        return None  # 的 then a predicate of its own: not a noun before the figure
    first = last = index - 1
    if last >= 1 and words[last][2] in lex.result_complements and words[last - 1][1] == words[last][0] \
            and len(words[last - 1][2]) >= 2 and plain_verb(lex, words[last - 1][2]):
        first = last = last - 1  # 这次评选出的优秀提案共36件 -> 评选
    having = next((i for i in range(last, max(last - 3, -1), -1) if words[i][2] in ("有", "具有")), None)
    if having and not any(plain_verb(lex, w[2]) for w in words[having + 1:index]) \
            and having >= 1 and plain_verb(lex, words[having - 1][2]):
        return words[having - 1][2], words[having - 1][1], None  # 选择有影响的18种报刊 -> 选择
    if not plain_verb(lex, words[last][2]) or (last > 0 and words[last - 1][2] == "为"):
        return None  # 以军营、学校为依托的20多个基地: a frame, not the act
    if linked and last > 0 and words[last - 1][2] in ("被", "遭", "所被"):
        return None  # 被遗忘的存款总额高达1.495亿加元: what befell the subject
    while first > 0 and words[first - 1][1] == words[first][0] and len(words[first - 1][2]) >= 2 \
            and plain_verb(lex, words[first - 1][2]) and words[first - 1][2] not in lex.pivot_verbs:
        first -= 1
    outer = first - 1  # 获得邮电部颁发的6张, 给予党政纪处分的252人: the verb outside governs
    while outer >= 0 and re.fullmatch(r"[\u4e00-\u9fff]+", words[outer][2]) and words[outer][2] != "的" \
            and words[outer][2] not in lex.verbs and words[outer][2] not in lex.not_actions \
            and words[outer][2] not in lex.prepositions and words[outer][2] not in ("被", "遭", "所"):
        outer -= 1
    noun = text[at + 1:words[-1][1]].translate(NO_QUOTES) if linked and words[-1][0] > at else None
    if 0 <= outer < first - 1 and plain_verb(lex, words[outer][2]) \
            and words[outer][2] not in lex.ambiguous_verbs and words[outer][2] not in lex.pivot_verbs:
        return words[outer][2], words[outer][1], noun
    return text[words[first][0]:words[last][1]], words[last][1], noun


def verb_after(lex, text: str, end: int, tokens) -> str | None:
    """Return the first general verb after ``end`` in the clause, within a few words."""
    stop = re.search(r"[，,；;。：:！？!?（(）)]", text[end:])
    limit = end + (stop.start() if stop else len(text) - end)
    passive = False
    for t_start, t_end, word in tokens:
        if t_start < end:
            continue
        if t_start >= limit or t_start - end > 14 or word == "的":
            return None
        if passive and re.fullmatch(r"[\u4e00-\u9fff]{1,3}", word):
            return word  # 105尊石刻雕像遭盗割: the act the figure suffered
        if word in ("被", "遭", "遭到"):
            passive = True
            continue
        if word in ("不", "未", "没", "没有"):
            return None  # 连续两次不合格: a state, no act
        if t_start == end and len(word) == 1 and t_end < limit and text[t_end] not in "了着过":
            continue  # 100多万个无主户头案: a one-character word may start the noun
        last = t_end == limit  # 士兵死亡，: a verb that ends the clause is its predicate
        if (word in lex.verbs and word not in lex.not_actions
                and (word not in lex.ambiguous_verbs or (last and len(word) >= 2))
                and not lex.change_word_re.fullmatch(word)):
            return word
    return None


def verb_after_phrase(lex, text: str, clause: int, start: int, end: int, tokens) -> str | None:
    """Return the verb after a prepositional phrase that holds the figure: 在14个省设立…,
    为全省8011户贫困军属建立…, 同100所医院建立… (no verb between the preposition and the
    figure; the first plain verb after the phrase's noun, in the clause)."""
    if in_phrase(lex, text, clause, start, tokens) is None or re.search(r"(?:这|那|该|此)$", text[clause:start]):
        return None  # 在这50个市场中建立: the things already counted
    for t_start, t_end, word in tokens:
        if t_start < end:
            continue
        if t_start - end > 20 or re.search(r"[，,；;。：:！？!?（(）)]", word) \
                or word in lex.prepositions or word in lex.not_actions or word == "的":
            return None  # 与4个国家的有关部门签订: the figure counts a possessor
        if plain_verb(lex, word) and word not in lex.ambiguous_verbs:
            return word
        if word in lex.verbs:
            return None
    return None


def in_phrase(lex, text: str, clause: int, start: int, tokens) -> int | None:
    """Return where a preposition of ``phrase_prepositions`` opens a phrase that holds
    the figure, with no verb between them (为全区3000户, 对辖区的其它8个), else None."""
    for t_start, t_end, word in reversed(tokens):
        if t_start < clause or t_end > start:
            continue
        if word in lex.phrase_prepositions:
            return t_start
        if word in lex.verbs or word in lex.not_actions or word in lex.prepositions \
                or re.search(r"[，,；;：:]", word):
            return None
    return None


def in_level_phrase(lex, text: str, clause: int, start: int, tokens) -> bool:
    """Return True when 由/从 opens a phrase holding the figure, with no verb between."""
    for t_start, t_end, word in reversed(tokens):
        if t_start < clause or t_end > start:
            continue
        if word in ("由", "从"):
            return True
        if word in lex.verbs or word in lex.not_actions:
            return False
    return False


def batch_verb(lex, text: str, prior: str) -> str | None:
    """Return the verb the sentence before applied to the batch this sentence lists:
    向灾区运送年货。这批年货包括干粮、面粉各5吨… -> 运送."""
    batch = re.match(r"(?:这批|这些|该批|此批)([\u4e00-\u9fff]{1,6}?)(?:共|中)?(?:包括|共有|计有)", text)
    if not batch:
        return None
    found = prior.rfind(batch.group(1))
    for size in (2, 1):
        verb = prior[max(0, found - size):found]
        if found >= size and verb in lex.verbs and verb not in lex.not_actions:
            return verb
    return None




# --- the action rules (in the order of attributes.RULES) -----------------------------------


def action_in_clause(c: Clause) -> None:
    """The verb before the figure in its clause: 共破获案件760起 -> 破获."""
    lex = c.lex
    text, verbs, tokens, start, verb_left = c.text, c.verbs, c.tokens, c.start, c.verb_left
    c.action, c.action_end = read_action(lex, text, verbs, verb_left, start, tokens)


def action_of_listed_figure(c: Clause) -> None:
    """A figure listed after another with 、 takes its verb: 人均占有肉类产品50.2公斤、禽蛋17公斤 -> 占有."""
    if c.action is not None:
        return
    lex = c.lex
    text, cand, previous, start = c.text, c.cand, c.previous, c.start
    if previous:
        # 人均占有肉类产品50.2公斤、禽蛋17公斤; 建成千万元利税企业4家、500万元利税企业4家
        for last, last_fields in reversed(previous):
            between = text[last.end:start]
            if re.search(r"[，,；;：:。]", between) or lex.blockers_re.search(between):
                break
            if last_fields.get("action") and "、" in between and (
                    last is previous[-1][0] or last.unit == cand.unit):
                c.action = last_fields["action"]
                break


def action_of_bare_noun_list(c: Clause) -> None:
    """A bare noun after the last figure lists more of what its verb governs: 捐献棉衣3000件，棉帐篷20顶 -> 捐献."""
    if c.action is not None:
        return
    lex = c.lex
    text, cand, previous, tokens, start, end = c.text, c.cand, c.previous, c.tokens, c.start, c.end
    if previous and previous[-1][1].get("action") \
            and not previous[-1][1].get("change_direction"):
        # 捐献棉衣3000件，棉帐篷20顶，罐头和压缩饼干4吨; 建成1个主干网和8个局域网: a bare
        # noun (or none) after the last figure lists more of what its verb governs.
        last = previous[-1][0]
        between = re.sub(r"[（(][^（()）]{0,6}[）)]", "", text[last.end:start])
        listed = re.fullmatch(r"(?:[，,、]|[，,、]?(?:和|及|与|以及))([^，,；;。：:、]{0,12})", between) \
            or re.fullmatch(r"()[^，,；;。：:、和及与]{1,8}(?:和|及|与|以及|、)", between)  # 1个主干网和8个
        valued = re.fullmatch(r"的(?:[^，,；;。：:、和及与的]{1,8}(?:和|及|与)(?:价值|金额))?", between)
        if valued and previous[-1][0].kind == "money":
            # 收缴价值100多万元的赃物和价值400多万元的8处房产: the same act, what is worth so
            # much and how many of it
            c.action = previous[-1][1]["action"]
        elif listed and not lex.blockers_re.search(between) and not any(
                last.end <= t[0] and t[1] <= start and (t[2] in lex.verbs or t[2] in lex.not_actions
                                                        or t[2] in lex.prepositions or t[2] in ("各", "共"))
                for t in tokens) and not re.search(r"[其另这那该]", listed.group(1)) and (
                not re.match(r"[，,]", between) or (
                    cand.kind not in ("percent", "duration") and listed.group(1)
                    and not lex.attribute_noun_re.search(re.sub(r"(?:人民币|美元|港币|港元)$", "", listed.group(1)))
                    and re.match(r"[，,；;。]|$", text[end:end + 1]))):
            # after a comma only another thing, not a measure of the last (涉案人员182人,
            # 案值67.35亿元, 增幅超过26%), and only when the figure ends its clause
            c.action = previous[-1][1]["action"]


def action_of_bracketed_figure(c: Clause) -> None:
    """A figure in brackets counts the same cases another way: 重伤3件（3人） -> the act of 3件."""
    if not c.previous:
        return
    lex = c.lex
    text, previous, tokens, start, end = c.text, c.previous, c.tokens, c.start, c.end
    if re.fullmatch(r"[（(]", text[previous[-1][0].end:start]) and text.startswith(("）", ")"), end):
        c.action = previous[-1][1].get("action") or next(  # 重伤3件（3人）: the same cases in people
            (t[2] for t in tokens if t[1] == previous[-1][0].start and re.fullmatch(r"[\u4e00-\u9fff]{2}", t[2])
             and t[2] not in lex.not_actions and t[2] not in lex.prepositions), None)


def figure_names_kind(c: Clause) -> None:
    """A figure before a noun and another count names the kind: 建成千万元利税企业4家、500万元利税企业4家 (500万元 has no act of its own)."""
    lex = c.lex
    text, cand, previous, tokens, start, end = c.text, c.cand, c.previous, c.tokens, c.start, c.end
    c.follow_noun = None
    c.modifier = re.match(r"([\u4e00-\u9fff]{2,6}?)(?:等)?[\d一二三四五六七八九十两]+[个家项件座所户台辆名人起种类]",
                        text[end:])
    if c.action and c.modifier and names_kind(lex, c.modifier.group(1)) and not (
            any(end <= t[0] < end + len(c.modifier.group(1)) and t[2] in lex.verbs
                           for t in tokens)):
        cand.kind_action, c.action = c.action, None  # 建成千万元利税企业4家、500万元利税企业4家: 500万元 names the kind
    elif c.action is None and previous and previous[-1][0].kind_action \
            and names_kind(lex, text[previous[-1][0].end:start]):
        c.action = previous[-1][0].kind_action  # 形成经济总量超50亿元的企业集团2家


def action_after_figure(c: Clause) -> None:
    """The verb after a 对-phrase: 对6起典型案例进行公开通报 -> 通报 (and its noun 典型案例)."""
    lex = c.lex
    text, start, end, clause = c.text, c.start, c.end, c.clause
    pp = text.rfind("对", clause, start)
    if c.action is None or (pp >= 0 and c.action_end is not None and c.action_end > pp):
        # 对6起……典型案例进行公开通报: the verb comes after the figure; one inside the
        # 对-phrase is not it (对…案件结案等41个执法风险点进行监督).
        follow = re.match(r"^([^，。；,;]{0,30}?)(?:进行|实施|予以|给予)了?([\u4e00-\u9fff]{2,4})",
                          text[end:])
        if follow and pp >= 0:
            c.follow_noun = follow.group(1).rsplit("的", 1)[-1].translate(NO_QUOTES) or None
            # After 进行 comes the act as a noun: 进行了调整, 进行财务清理, 进行立案调查; a
            # lexicon action that ends it is the act itself (进行公开通报 -> 通报).
            words = follow.group(2).rstrip("后时中的了和与及")
            acts = [a for a in lex.actions_re.finditer(words) if a.end() == len(words)]
            c.action = (acts[-1].group(0) if acts else words) if len(words) >= 2 else None


def action_of_previous_same_kind(c: Clause) -> None:
    """A figure of the same kind in a later clause with no verb keeps the verb before:
    捐款50万元，年内还将500万元 -> 捐款 (not 判处有期徒刑3年，缓刑5年: a term of its own)."""
    if c.action is not None:
        return
    lex = c.lex
    text, cand, previous, tokens, start, end, clause = c.text, c.cand, c.previous, c.tokens, c.start, c.end, c.clause
    if c.action is None:
        blocked = lex.blockers_re.search(text[clause:start])
        if not blocked and previous:
            last, last_fields = previous[-1]
            same_kind = last.unit == cand.unit or (last.kind == cand.kind == "count"
                                                     and cand.unit in ("个", "家", "起"))
            # 去年总产达500万吨; 但同上年相比减少了302人: a level or a change of its own
            own = re.search(r"(?:达到|达|为|是|占|有)", text[clause:start]) or lex.change_word_re.search(
                text, clause, start)
            opens = lex.heads_clause_re.fullmatch(text[clause:start]) \
                and verb_after(lex, text, end, tokens)  # 20多万人、十几个行业告别了…
            named = cand.kind == "duration" and re.search(r"[\u4e00-\u9fff]{2}$", text[clause:start])
            if last_fields.get("action") and same_kind and last.start < clause and not own and not opens \
                    and not named:  # 判处有期徒刑3年，缓刑5年: a term of its own
                c.action = last_fields["action"]


def action_of_subject_verb(c: Clause) -> None:
    """The verb that names the subject before a copula: 没收的存款额为200万加元 -> 没收."""
    lex = c.lex
    text, previous, tokens, start, clause = c.text, c.previous, c.tokens, c.start, c.clause
    c.subject_verb = c.relative_noun = None
    if c.action is None and not previous_in(previous, clause, start):
        c.subject_verb = subject_verb(lex, text, clause, start, tokens)
        if c.subject_verb:
            c.action, c.action_end = c.subject_verb[0], None


def action_of_relative_clause(c: Clause) -> None:
    """The verb of a relative clause before the figure: 国家工商局认定的42个驰名商标 -> 认定."""
    if c.action is not None:
        return
    lex = c.lex
    text, cand, tokens, start, verb_left = c.text, c.cand, c.tokens, c.start, c.verb_left
    if cand.kind != "duration":
        relative = relative_verb(lex, text, verb_left, start, tokens)
        if relative:
            c.action, c.action_end, c.relative_noun = relative


def action_after_phrase(c: Clause) -> None:
    """The verb after a prepositional phrase that holds the figure: 在14个省设立 -> 设立."""
    if c.action is not None:
        return
    lex = c.lex
    text, cand, tokens, start, end, clause = c.text, c.cand, c.tokens, c.start, c.end, c.clause
    if cand.kind != "duration":
        c.action = verb_after_phrase(lex, text, clause, start, end, tokens)  # 在14个省设立


def action_of_cause(c: Clause) -> None:
    """A share of those who suffered for a cause: 75%是因无保护性交而感染 -> 感染."""
    text, cand, end = c.text, c.cand, c.end
    cause = re.match(r"(?:是|系)?因([^，,；;。因而]{2,20})而([\u4e00-\u9fff]{2})", text[end:]) \
        if cand.kind == "percent" else None
    if cause:
        # 75%—85%是因无保护性交而感染: the share of those who suffered it for that cause
        c.action, c.relative_noun = cause.group(2), cause.group(1)


def action_after_subject_figure(c: Clause) -> None:
    """A figure that is the subject takes the verb after it: 有9640人死于交通事故 -> 死于; 连续4年丰收 -> 丰收."""
    if c.action is not None:
        return
    lex = c.lex
    text, cand, tokens, places, start, end, clause = c.text, c.cand, c.tokens, c.places, c.start, c.end, c.clause
    if tokens and (
            cand.kind in ("count", "percent") and lex.heads_clause_re.fullmatch(
                without_places(text[clause:start], places))
            or re.search(r"连续$", text[clause:start])):
        # 连续4年丰收, 已连续5年亏损: a run of years or times is told by the verb after it.
        # 有9640人死于交通事故, 9家造纸企业联合发起: the figure is the subject, its verb follows.
        c.action = verb_after(lex, text, end, tokens)
        if c.action in lex.receive_verbs:  # 62人受到党政纪处分: what they received
            after_verb = text.find(c.action, end)
            tail = re.match(r"了?([\u4e00-\u9fff]{2,8})(?=[，,；;。：:]|$)", text[after_verb + len(c.action):]) \
                if after_verb >= 0 else None
            if tail:
                c.relative_noun = tail.group(1)


def kind_after_qizhong(c: Clause) -> None:
    """After 其中 a verb names a kind, not the act: 其中禁止出境文物4478件 -> no action."""
    if not c.action:
        return
    lex = c.lex
    text, start, clause = c.text, c.start, c.clause
    if c.action_end is not None and c.action_end < start and re.match(r"其中", text[clause:start]) \
            and not lex.actions_re.fullmatch(c.action) and c.action not in lex.permission_verbs \
            and not re.search(r"[的“”\"]", text[c.action_end:start]):
        c.action = c.action_end = None  # 其中禁止出境文物4478件, 其中香港永久居民在内地所生子女: a kind


def levels_are_not_acts(c: Clause) -> None:
    """A level reached is not an act: 专业市场将扩大到30个, 税率从3‰调高至5‰ -> no action."""
    if not c.action:
        return
    lex = c.lex
    text, tokens, start, end, clause = c.text, c.tokens, c.start, c.end, c.clause
    if (lex.level_to_re.search(text[clause:start]) or (
            re.search(r"(?:由|从)[^由从，,；;]{0,12}$", text[clause:start])
            and in_level_phrase(lex, text, clause, start, tokens)
            and lex.level_from_re.match(text, end))):
        c.action = c.action_end = None  # 专业市场将扩大到30个, 税率从3‰调高至5‰: levels, not acts


def action_after_percent(c: Clause) -> None:
    """A share followed by its act: 实现100%破获 -> 破获."""
    lex = c.lex
    text, cand, end = c.text, c.cand, c.end
    if (c.action is None or c.action in lex.not_actions or c.action == "实现") and cand.kind == "percent":
        follow = lex.actions_re.match(text[end:])  # 实现100%破获
        if follow:
            c.action, c.action_end = follow.group(0), None
