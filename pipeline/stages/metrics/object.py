"""What a figure counts (``object``): the noun phrase before it in its clause, else after it.

    共破获案件760起         ->  案件
    派出5个督导组奔赴各县    ->  督导组 (the noun after the figure ends before the next verb)
    警情同比下降21%         ->  警情

``read_object`` cuts the words that are not part of the noun phrase (copulas, change words,
periods, fillers); the rules of ``object_rules`` call it and take the object from the figures
around when the clause names none.
"""

from __future__ import annotations

import re

from .change import PERIOD_STRIP_RE
from .quantities import Figure
from .words import (DATELINE_WORD, NO_QUOTES, OBJECT_STOP, QUOTES, TIME_WORD, clause_start, is_from_word, without_places)


def read_object(lex, text: str, cand: Figure, before: str,
                previous: list[tuple[Figure, dict]] | None = None,
                starts: set[int] | None = None, places: set[str] | None = None,
                after: bool = True, tokens=None, persons: set[str] | None = None) -> str | None:
    """Return the noun phrase a figure counts, from the text ``before`` it in its clause, else
    the noun after it: 共破获案件760起 -> 案件, 打掉一个…的非法采矿团伙 -> 非法采矿团伙.

    Without ``starts`` and ``tokens`` the subject of a light verb is read by characters
    (产业总产值预计完成 -> 产业总产值).
    """
    before_start = cand.start - len(before)
    done, before = strip_levels_and_copulas(lex, text, cand, before, before_start, previous, starts,
                                            places, after, tokens)
    if done:
        return before
    done, before, relative, listed = strip_comparisons_and_fillers(lex, text, cand, before, before_start,
                                                                   previous, starts, places, after, tokens)
    if done:
        return before
    return noun_before(lex, text, cand, before, before_start, previous, starts, places, after, tokens, persons,
                       relative, listed)


def strip_levels_and_copulas(lex, text: str, cand: Figure, before: str, before_start: int, previous, starts, places, after: bool, tokens):
    """Return (True, object) when the object is found, else (False, the text left) after
    cutting the level words, copulas, change words and periods that end it: 人数达 -> 人数,
    工资将减少 -> 工资, 比例由25%降到20% -> the object of the figure before."""
    before = re.sub(r"[（(][^（()）]{0,22}[）)]$", "", before)  # 火灾（不含森林、草原火灾）
    # The base of an exchange rate: 汇率为1美元合8.09元, 从5000盾兑1美元跌至1.1万盾
    before = lex.rate_base_tail_re.sub("", lex.rate_base_head_re.sub("", before))
    before = re.sub(r"(?:\d{4}年|今年|去年|明年)(?:底|初|末)?的?$", "", before)
    reached = re.search(r"(?:到|至|为)(?:接近|约)?(?:[^，,的]{0,10}的)?$", before)
    if previous and reached and lex.change_word_re.search(before):
        own = lex.change_word_re.search(before[: reached.start()])
        head = re.sub(r"(?:由|从).*$", "", before[: own.start()] if own else "")
        head = re.sub(r"\d{4}年|今年|明年|去年|当年|预计|可望|估计|进一步|竟|连连|[0-9]+天内", "", head)
        while lex.object_tail_re.search(head) and lex.object_tail_re.search(head).group(0):
            head = head[: lex.object_tail_re.search(head).start()]
        if len(head) < 2:
            return True, previous[-1][1].get("object")  # 比例由25%降到20%: the same thing
        # 案值暴涨至500万元: a noun of its own
    before = lex.level_to_re.sub("", before)  # 监督对象…，扩展到40多个
    if re.search(r"(?:以上|以下|以内|左右)$", text[cand.start:cand.end]):
        before = re.sub(r"(?<![定持制])(?:均|都|已|也|则|一般)?在$", "", before)  # 新鲜蔬菜均在4万公斤以上
    level_from = re.search(r"(?:由|从)[^由从，,]{0,20}?的?$", before)  # 由原来的14元, not 从业人员
    started = False
    if level_from and is_from_word(before_start + level_from.start(), starts, tokens):
        before = before[: level_from.start()]
        started = True  # 出口增长从9.3%: the change word before 从 is the noun measured
    before = re.sub(r"(?:以|按)?(?:年平均|平均(?:每年|每月|每天|每日)|年均|平均|每年|每月|每天|每日|日均|人均|户均|每人"
                    r"|每(?:平方公里|平方米|公里|公斤|千克|亩|桶|吨|块|张|件|股|户))$", "",
                    before)  # 需求量将达日均 -> 需求量将达 -> 需求量; 人口密度为每平方公里
    before = re.sub(r"(?:累计|共计|总计|合计)$", "", before)  # 国内生产总值累计, not 累
    while True:  # 人数达 -> 人数, but 违法行为 keeps its 为: words, not characters
        found = lex.copula_one_re.search(before)
        if not found or (starts is not None and before_start + found.start() not in starts):
            break
        before = before[: found.start()]
    existential = re.search(r"(?:就|已|共|只|仅|还|都)?有$", before)
    if existential:
        # 手中已有100多万个无主户头案: the noun after; 产值只有2亿元: the noun before.
        following = after_object(lex, text, cand, "", tokens, places) if after else None
        if following:
            return True, following
        before = before[: existential.start()]
    if not started and not re.fullmatch(r"(?:增幅|降幅|涨幅|跌幅|增速)", before):
        before = lex.change_tail_re.sub("", before)  # but 增幅超过26%: the rate is the noun
    before = lex.filler_tail_re.sub("", before)
    tail = lex.copula_tail_re.search(before)  # 工资将减少10%, but 违法行为 keeps its 为
    if tail and (starts is None or before_start + tail.start() in starts):
        before = before[: tail.start()]
    since = re.search(r"(?:自|从)[^，,]{0,3}(?:至|到)?$", before)  # 有期徒刑自年至, not 从业人员
    if since and is_from_word(before_start + since.start(), starts, tokens):
        before = before[: since.start()]
    for found in list(PERIOD_STRIP_RE.finditer(before))[::-1]:
        if found.end() == len(before) or not before[: found.start()].strip("，, "):
            before = before[: found.start()] + before[found.end():]  # not 政府将今年的预算
    while True:  # 双边贸易额1991年只有, 专业市场将扩大到, 蛋鸡饲养量短短几年时间就达到
        tail = lex.object_tail_re.search(before)
        if not tail or not tail.group(0) or (
                len(tail.group(0)) == 1 and starts is not None
                and before_start + tail.start() not in starts) or (
                len(tail.group(0)) == 1 and starts is None):
            break
        before = before[: tail.start()]
    return False, before


def strip_comparisons_and_fillers(lex, text: str, cand: Figure, before: str, before_start: int, previous, starts, places, after: bool, tokens):
    """Return (True, object, ..) when the noun after the figure is the object, else (False, the
    text left, ends in 的, ends in 等) after cutting a comparison (其主要股票指数比前一天 ->
    其主要股票指数), a rate word and the fillers that open it."""
    if after and re.search(r"(?:了|这|那|这个|那个|这些|那些|这次|此次|本次|首批|第一批)$", before):
        following = after_object(lex, text, cand, "", tokens, places)  # 他们提出了30多个方案
        if following:
            return True, following, False, False
    # 8日其主要股票指数比前一天 -> 其主要股票指数; 中国民航以平均每年 -> 中国民航
    compared = re.search(r"(?P<word>比(?![例重率值])|较(?![大小多少高低])|(?:同(?![期比])|与)(?=[^，,]{1,10}相比$)"
                         r"|高于|低于|多于|少于)[^，,比较]{1,10}?(?:相比)?$", before) if len(before) > 4 else None
    if compared and (len(compared.group("word")) == 1 or compared.start() >= 2) and (
            tokens is None or any(t[0] == before_start + compared.start()
                                  and t[1] - t[0] == len(compared.group("word")) for t in tokens)):
        before = before[: compared.start()]  # a comparison, not 哥伦比亚, 评比
    before = re.sub(r"(?:以|按)?(?:年平均|平均每年|年均|平均|每年|每月|每天|日均|人均)$", "", before)
    before = re.sub(r"\d{1,2}[日月]$", "", before)
    relative = before.endswith("的")  # 工商局认定的42个驰名商标: the noun follows
    listed = before.rstrip(QUOTES + " ").endswith("等")
    head = lex.filler_head_re.match(before)
    if head and head.end() and starts is not None:
        origin = text.rfind(before, before_start, cand.start)
        while head and head.end() and origin >= 0 and origin + head.end() not in starts:
            head = lex.filler_head_re.match(before[: head.end() - 1])  # 新加坡, 共产党: words
    if head:
        before = before[head.end():]
    before = before.strip(QUOTES + " 等的")
    if before and (not without_places(before, places) or re.fullmatch(r"全[\u4e00-\u9fff]|全球|世界|国内|国外", before)):
        before = ""  # 呼伦贝尔50万元以上电诈案, 挂靠全球100多个港口: the place, not what is counted
    return False, before, relative, listed


def noun_before(lex, text: str, cand: Figure, before: str, before_start: int, previous, starts, places, after: bool, tokens, persons, relative: bool, listed: bool) -> str | None:
    """Return the noun phrase left before the figure, else the noun after it (年产纸2.1万吨 -> 纸)."""
    if relative and len(before) > 1 and after:
        following = after_object(lex, text, cand, before, tokens, places)
        if following:
            return following
        last = next((t[2] for t in tokens or () if t[1] == before_start + len(before)), None)
        if last and last in lex.verbs and last not in lex.ambiguous_verbs and last not in lex.not_actions:
            return None  # 获得邮电部颁发的6张: a relative clause names nothing
    preposition = lex.preposition_tail_re.search(before)
    if preposition and starts is not None and before_start + preposition.start() not in starts:
        preposition = None  # 交通违法行为: 为 inside a word
    if (len(before) > 1 and not listed and not preposition
            and not before.endswith(("和", "及", "与", "、", "或"))):
        cut = lex.actions_re.search(before)
        if cut and len(before) > 12 and len(before) - cut.end() >= 2:
            before = before[cut.end():]  # not 转岗培训|率, 赔偿|案: a verb inside a word
        cleaned = "".join(c for c in before if c not in QUOTES).strip("、 ")
        cleaned = re.sub(r"^占了", "占", cleaned)  # 占了全省财税收入 -> 占全省财税收入
        if len(cleaned) > 10 and len(cleaned.rsplit("的", 1)[-1]) >= 2:
            cleaned = cleaned.rsplit("的", 1)[-1]  # 美国一直要求将其对联合国会费的分摊比例
        for name in persons or ():
            if cleaned.startswith(name) and len(cleaned) - len(name) >= 2:
                cleaned = cleaned[len(name):]  # 判处李某有期徒刑10年: 有期徒刑
        if len(cleaned) > 16:  # not cut inside a word: after a list comma or 的 of the tail
            tail = cleaned[-16:]
            cut = re.search(r"[、的]", tail)
            cleaned = tail[cut.end():] if cut and len(tail) - cut.end() >= 2 else tail
        if cleaned:
            return cleaned
    following = after_object(lex, text, cand, before, tokens, places) if after else None
    if following is None and len(before) == 1 and cand.kind != "duration" \
            and text[cand.start - 1:cand.start] == before and tokens \
            and any(t[1] == cand.start - 1 and t[2] in lex.verbs for t in tokens) \
            and (cand.start - 1, cand.start, before) in tokens and before not in lex.verbs \
            and before not in lex.not_actions and before not in lex.prepositions \
            and re.fullmatch(r"[\u4e00-\u9fff]", before) and before not in lex.not_nouns:
        return before  # 年产纸2.1万吨 -> 纸: a one-character noun after its verb (not 经两次)
    return following


def after_object(lex, text: str, cand: Figure, before: str, tokens=None,
                  places: set[str] | None = None) -> str | None:
    """Return the noun after the measure word: 打掉一个…的非法采矿团伙 -> 非法采矿团伙.

    It ends before the next verb (派出8个慰问组奔赴各地 -> 慰问组; 分62个组支援 -> 组).
    """
    after = text[cand.end:]
    if cand.kind == "duration" and not after.startswith("的"):
        return None  # 5年来业务发展, 3年时间: a window, nothing counted
    note = re.match(r"[（(][^（()）]{0,20}[）)](?=的)", after)
    if note:  # 235亿图格里克（约合2900万美元）的经济损失: the note is passed over
        return after_object(lex, text, Figure(**{**cand.__dict__, "end": cand.end + note.end()}),
                                  before, tokens, places)
    span = noun_span_after(lex, text, cand, tokens, places)
    if span is None:
        return None
    after, verb_cut = span
    if re.match(r"(?:内|以内|之内|在|从|向|对|给|为|以|比|与|或|和|及|、)", after) or (
            re.match(r"[就便才也都]", after) and any(t[0] == cand.end and len(t[2]) == 1 for t in tokens)):
        return None  # 在七日内整改: a deadline; 4万多美元、近百万港元: a list; 4000多元就能: a predicate
    if not verb_cut:  # 组建5支10人一队的“护农队”: the noun after the last 的 of the phrase
        phrase = re.match(r"[^，,；;。：:（()）!！?？]{0,24}", after).group(0)
        if "的" in phrase and re.search(r"\d", phrase.rsplit("的", 1)[0]):
            after = phrase.rsplit("的", 1)[1]
    noted = re.match(r"[\u4e00-\u9fff]+[（(][\u4e00-\u9fff]{1,3}[）)]", after)  # 7个县（市）
    stop = OBJECT_STOP.search(after, noted.end() if noted else 0)
    after = after[: stop.start()] if stop else after
    if DATELINE_WORD.fullmatch(after) and (after[:1].isspace() or text.startswith(("（", "("), cand.end + len(after))):
        return None  # 挽回损失6千余万元 本报讯（记者…）: the dateline's outlet, not an object
    words = {(t[0] - cand.end, t[1] - cand.end) for t in tokens}
    for stop in lex.after_stop_re.finditer(after):
        if stop.span() in words:  # the word 被 ends the noun, 被子 does not
            after = after[: stop.start()]
            break
    after = lex.localizer_re.sub("", after)
    for verb in lex.actions_re.finditer(after):
        if verb.end() == len(after) and verb.group(0) in lex.ambiguous_verbs \
                and text.startswith(after, cand.end) and OBJECT_STOP.match(text, cand.end + len(after)):
            break  # 1854次专项检查, 230亿美元的长期贷款: a noun that ends the phrase
        if verb.start() >= 2 and not lex.noun_after_re.match(after, verb.end()) \
                and after[verb.end():verb.end() + 1] not in ("及", "和", "与", "、") \
                and after[verb.start() - 1] not in "及和与、":  # 解困和慰问资金
            after = after[: verb.start()]
            break
    verb = lex.actions_re.match(after) or lex.change_word_re.match(after)
    if verb and lex.noun_after_re.match(after, verb.end()):
        verb = None  # 派出8个慰问组: 慰问 names the team
    elif verb and verb.group(0) in lex.ambiguous_verbs and 2 <= len(after) - verb.end() <= 4 \
            and text.startswith(after, cand.end) and OBJECT_STOP.match(text, cand.end + len(after)):
        verb = None  # 13份投资协定，: a noun-like act before a noun that ends the clause
    whole = re.match(r"[\u4e00-\u9fff][，,；;。、]", text[cand.end:cand.end + 2])  # 买27台车，
    if verb or len(after) > 24 or len(after) < (1 if verb_cut or whole else 2) or re.search(r"(?:到|至)", after):
        return None  # 安排100多人分62个组: the next clause, not an object
    return tidy_noun_after(lex, text, cand, after, verb_cut, whole, tokens)


def noun_span_after(lex, text: str, cand: Figure, tokens, places) -> tuple[str, bool] | None:
    """Return (the text after the figure, whether it was cut before a verb): 派出8个慰问组奔赴各地
    -> (慰问组, True); None when a predicate follows the figure at once (有7组的…, 75%是因…)."""
    after = text[cand.end:]
    verb_cut = False
    for t_start, t_end, word in tokens:
        if t_start < cand.end:
            continue
        verb_like = ((word in lex.verbs and word not in lex.adverbial_verbs
                      and not lex.noun_compound_re.match(text, t_start)
                      and (word not in lex.ambiguous_verbs  # 支援端州城区: a verb
                           or any(text.startswith(p, t_end) for p in places or ())))
                     or word in lex.not_actions or word in lex.prepositions
                     or (t_start > cand.end and TIME_WORD.fullmatch(word)))  # 黄金今日经…空运
        if not verb_like or text[t_start - 1:t_start] == "、" or text[t_end:t_end + 1] in ("、", "及", "和", "与"):
            continue  # 集采、运、销为一体的团伙: a list of acts inside the noun phrase
        if t_start == cand.end:
            if len(word) == 1 and word not in lex.not_actions and word not in lex.prepositions:
                continue  # 8万多个无主户头: a one-character word may start the noun
            return None  # 有7组的…, 75%是因…: what follows is a predicate, not a noun
        if word in lex.not_actions and re.match(r"[^，,；;。]{0,6}的", text[t_end:]):
            continue  # 集采、运、销为一体的非法采矿团伙: inside the relative clause
        if t_start - cand.end <= 24 and not re.search(r"[，,；;。\d]", text[cand.end:t_start]):
            after, verb_cut = text[cand.end:t_start], True
        break
    return after, verb_cut


def tidy_noun_after(lex, text: str, cand: Figure, after: str, verb_cut: bool, whole, tokens) -> str | None:
    """Return the noun of the text after a figure: after 的 the head (拥有10万职工的老本钢 ->
    职工), without quotes, 之一 or a trailing adverb (造纸企业联合发起 -> 造纸企业)."""
    if "的" in after:
        head = after.split("的", 1)[0]
        if head and tokens and cand.unit in lex.counted_units and not re.search(r"[不很最较更太\d一二两三四五六七八九十]", head) and not any(
                cand.end <= t[0] < cand.end + len(head) and (t[2] in lex.verbs or t[2] in lex.not_actions)
                for t in tokens):
            after = head  # 拥有10万职工的老本钢: what the figure counts, not whose it is
        else:
            after = after.rsplit("的", 1)[1]
            if re.match(r"[一两二三四五六七八九十几]+[个位名家座条项件]", after) or (
                    cand.kind == "duration" and re.match(r"(?:时间|期间|日子|过程)", after)) or (
                    cand.kind == "percent" and re.search(r"(?:纪录|记录|水平)$", after)):
                return None  # 赚了20万元的一位北京老知青, 不到一年的时间里: no noun of its own
    cleaned = "".join(c for c in after if c not in QUOTES).strip("、 等")
    if verb_cut:
        cleaned = cleaned.rstrip("和与及或只中从在了也都还又就")  # 新鲜蔬菜和, 厂只
        for word in lex.adverbial_verbs:
            if cleaned.endswith(word) and len(cleaned) > len(word):
                cleaned = cleaned[: -len(word)]  # 造纸企业联合发起 -> 造纸企业
    cleaned = re.sub(r"(?:之一|每人|人均|各自|分别|相继|纷纷)$", "", cleaned)  # 300家企业之一, 孤寡老人每人
    if cleaned in ("不", "未") and verb_cut:  # 连续两次不合格: the negated state
        negated = re.match(r"[不未][\u4e00-\u9fff]{1,3}?(?=[，,；;。：:]|$)", text[cand.end:])
        cleaned = negated.group(0) if negated else cleaned
    if cleaned and len(cleaned) <= 16 and (len(cleaned) >= 2 or verb_cut or whole):
        return cleaned
    return None


def tidy_object(lex, obj: str | None, text: str, cand: Figure,
                 previous: list[tuple[Figure, dict]], direction: str | None) -> str | None:
    """Return the object without the words around a noun phrase that are not part of it.

    现金和|151万元支票, 预定目标稍|有差距, 食盐各|5吨: a conjunction or adverb ends nothing;
    有效票占94.99% -> 有效票, 约占其日常资金总需求 -> 占日常资金总需求 (a share names what it
    is of), 综合市场20917个、占67.8% -> 综合市场; 比前年的4350亿美元 -> the object of the
    figure it is compared with.
    """
    listed = listed_object(lex, text, cand, previous)
    if listed:
        return listed
    if not obj:
        return obj
    stripped = lex.object_lead_re.sub("", obj)
    if not stripped and re.fullmatch(r"(?:到|至)(?:今日|今天|目前)|至今|目前|如今|现在", obj):
        return None  # 到今日已有90余万人参加: a time, no object
    obj = stripped or obj
    obj = re.sub(r"^一[个盒只张件块瓶袋斤双套台辆]", "", obj) or obj  # 一盒奶旧币5200卢布 -> 奶
    if obj.endswith("中") and len(obj) >= 3 and text[:cand.start].endswith(obj):
        obj = obj[:-1]  # 访问者中60%以上 -> 访问者
    trimmed = lex.object_trail_re.sub("", obj)
    if len(trimmed) >= 2:
        obj = trimmed
    share = lex.share_re.search(obj)
    if share:
        head, rest = obj[: share.start()], obj[share.end():]
        if rest:
            obj = "占" + rest
        elif len(head) >= 2:
            obj = head
        else:
            obj = None
            if previous and previous[-1][0].end <= cand.start and re.fullmatch(
                    r"[、，,]", text[previous[-1][0].end:cand.start - len(share.group(0))]):
                obj = previous[-1][1].get("object")  # 综合市场20917个、占67.8%
    if obj and direction is None and lex.base_re.match(obj) and previous:
        between = text[previous[-1][0].end:cand.start]
        if not re.search(r"[；;。]", between):
            obj = previous[-1][1].get("object")  # 收入达4482亿美元，比前年的4350亿美元
    return obj or None


def listed_object(lex, text: str, cand: Figure,
                   previous: list[tuple[Figure, dict]]) -> str | None:
    """Return the k-th thing of a list the k-th figure after 分别 measures.

    旅客、货物和交通工具分别占全国的80%、33%和90% -> 旅客, 货物, 交通工具; 鸡、猪的饲养量分别达到
    200万只和30万头 -> 鸡饲养量, 猪饲养量 (a head after 的 is shared).
    """
    clause = clause_start(text, cand.start)
    found = lex.respectively_re.search(text, clause, cand.start)
    if not found:
        return None
    if counts_acted_on(lex, text[found.end():cand.start]):
        return None  # 鹿城区、瓯海区分别破获案件71起、58起: the districts act, 案件 is counted
    k = sum(1 for other, _ in previous if found.end() <= other.start and other.end <= cand.start)
    head_text = lex.copula_tail_re.sub("", found.group("list"))
    items = [i for i in re.split(r"[、和及与]", head_text) if i]
    remainder = re.split(r"[，,；;。]", text[found.end():])[0]
    figures = len(re.findall(r"[\d０-９][\d０-９.．·]*", remainder))
    if len(items) < 2 or k >= len(items) or figures != len(items):
        return None  # 烈属和因公牺牲、病故军人家属的抚恤金分别达到130元和116元: groups unknown
    shared = ""
    if "的" in items[-1]:
        items[-1], shared = items[-1].rsplit("的", 1)
    elif all(len(i) == 1 for i in items[:-1]) and len(items[-1]) > 2:
        items[-1], shared = items[-1][0], items[-1][1:]  # 金、银矿产储量任务 -> 金矿产储量任务
    item = items[k].rsplit("的", 1)[-1].translate(NO_QUOTES)
    if not item or len(item) > 10 or not all(i.rsplit("的", 1)[-1] for i in items):
        return None
    return item + shared


_ACTED_ON = re.compile(r"[\u4e00-\u9fff“”\"]{2,12}?(?=[\d０-９一二两三四五六七八九十百千万]|$)")


def counts_acted_on(lex, after: str) -> bool:
    """Return True when the words after 分别 are a verb and the noun it acts on before the first
    figure: 鹿城区、瓯海区分别破获案件71起、58起 (the list names who acted, 案件 is the thing
    counted), 10月、11月分别抓获犯罪嫌疑人12名、15名; not 鸡、猪的饲养量分别达到200万只 (no noun)
    nor 分别占全国的80% (a share of a whole)."""
    verb = lex.actions_re.match(after.lstrip("共已先后"))
    if not verb:
        return False
    rest = after.lstrip("共已先后")[verb.end():]
    noun = _ACTED_ON.match(rest)
    return bool(noun) and "的" not in noun.group(0)


def relative_noun_after(lex, text: str, cand: Figure, tokens) -> str | None:
    """Return the noun a relative clause after a governed figure ends in.

    直接处理了50多件有影响的案件 -> 案件, 添置了20台设置奔腾处理器的电脑 -> 电脑: the clause
    after the measure word ends in 的 + a noun with no verb of its own.
    """
    phrase = re.match(r"[^，,；;。：:（()）!！?？]{0,40}", text[cand.end:]).group(0)
    if "的" not in phrase or re.search(r"[\d０-９]", phrase.rsplit("的", 1)[0]):
        return None
    noun = re.sub(r"^[\dA-Za-z]+", "", phrase.rsplit("的", 1)[1].translate(NO_QUOTES))  # 的586电脑
    if re.match(r"[一两二三四五六七八九十几]+[个位名家座条项件]", noun):
        return None  # 还赚了20万元的一位北京老知青: whose, not what is counted
    if not 2 <= len(noun) <= 8 or cand.end + len(phrase) not in {t[1] for t in tokens}:
        return None
    noun_start = cand.end + len(phrase) - len(noun)
    if any(noun_start <= t[0] < cand.end + len(phrase) and (
            t[2] in lex.verbs or t[2] in lex.not_actions or t[2] in lex.prepositions)
           and t[2] not in lex.ambiguous_verbs for t in tokens):
        return None
    return noun



