"""The category of a figure: the first rule of the taxonomy (data/metric_categories.json) that
fits its action, object, kind and change: 破获案件760起 -> cases_solved."""

from __future__ import annotations

import re
from typing import NamedTuple

from ...lexicon import alternation


_ORGAN = re.compile(r"检察|法院|公安|警方|海关|纪委|监委")  # the organs that decide a stage
_SPACED = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")


def article_organ(sentence: str, title: str) -> str:
    """Return the organ a sentence that names none acts for: the one its article's title names
    (合肥市包河区人民检察院工作报告 … 全年办理案件318件 -> 检察: prosecuted; 望江县人民法院关于
    集中执行的通报 … 执结案件126件 -> 法院: adjudicated); '' when the sentence names its own."""
    if _ORGAN.search(sentence):
        return ""
    found = _ORGAN.search(_SPACED.sub("", title))  # a heading spaced out: 检 察 官 提 醒
    return found.group(0) if found else ""


# 造成210人死亡, 1132人丧生, 26.4人死于交通事故: people harmed, whatever the verb before
# 50万元以上电诈案, 百万元大案, 千万元级诈骗案: a money figure that qualifies a case noun (not
# 将2.3亿元涉案资金依法冻结: the money of a case, seized)
_CASE_AFTER = re.compile(r"(?:以上|以下)?(?:的|级)?[\u4e00-\u9fff]{0,2}?(?:案件|案)(?![资财款金物赃值])")  # not 涉案资金
_HARMED_AFTER = re.compile(r"(?:当场)?(?:死亡|丧生|遇难|身亡|受伤|重伤|轻伤|死于|伤亡|遇害|中毒|失踪)")

# The stage a count of people or cases reaches when its verb follows it (对其中9人批准逮捕，2人被提起
# 公诉; 对5起帮信案件集中宣判; 向1200余名群众非法吸收存款); read only when the words before give no
# stage of the justice process. No clause mark in between; 提请/报请, 不 and 未 (not 未成年) are not
# the organ's act.
_BETWEEN = r"(?:(?!提请|报请|提捕|不|未(?!成年)|拟)[^，,。；;：:]){0,%d}?"
_STAGE_AFTER = tuple((re.compile(_BETWEEN % reach + verbs), name) for reach, verbs, name in (
    (6, r"(?:批准逮捕|批捕|决定逮捕)", "arrests_approved"),
    (6, r"(?:提起公诉|移送(?:审查)?起诉|起诉|移送检察院|移交检察院)", "prosecuted"),
    # 对冯某等5人帮助信息网络犯罪活动一案提起公诉: the verb after the case the people are charged in
    (24, r"案件?(?:依法)?(?:提起公诉|移送(?:审查)?起诉|起诉)", "prosecuted"),
    (6, r"(?:刑事拘留|刑拘|抓获|到案|投案|提请(?:批准)?逮捕|报请(?:批准)?逮捕)", "suspects_arrested"),
    # 对45名失信被执行人采取司法拘留措施, 对12名涉嫌酒驾人员依法刑事拘留
    (12, r"(?:依法|采取)(?:司法拘留|行政拘留|刑事拘留|刑拘|拘留|刑事强制措施)", "suspects_arrested"),
    (12, r"(?:宣判|获刑|被判|判处|判决|定罪|审结|适用缓刑)", "adjudicated"),
    # 将13名在境外从事电诈的犯罪嫌疑人押解回国, 将5名外逃人员劝返: suspects brought back
    (24, r"(?:犯罪嫌疑人|嫌疑人|嫌犯|逃犯|在逃人员|外逃人员|涉诈人员)[^，,。；;]{0,12}?"
         r"(?:押解|遣返|劝返|引渡|带回|缉捕归案|抓获归案|押回)", "suspects_arrested"),
    (4, r"(?:非法吸收|被骗|受骗|上当)", "casualties"),
))
# 骗取本县6名老人积蓄: the people a fraud took money from are its victims, whatever verb the rules
# read (以投资理财为名骗取…); 被告人高某川等3人: people tried as defendants in a court's case.
_DEFRAUDED_BEFORE = re.compile(r"(?:骗取|骗走|骗了|诈骗|诱骗)[^，,。；;：:\d]{0,4}$")
_VICTIM_AFTER = re.compile(r"(?:位|个)?(?:老人|老年人|群众|村民|市民|居民|民众|受害人|被害人|投资人|投资者|"
                           r"学生|网民|网友|事主|会员|妇女|农民|用户|员工|工人|客户)")
_DEFENDANTS_BEFORE = re.compile(r"被告人[^，,。；;：:\d]{1,10}?等$")
_STAGES = frozenset({"suspects_arrested", "arrests_approved", "prosecuted", "adjudicated",
                     "cases_solved", "gangs_dismantled", "assets_seized", "losses_recovered",
                     "officials_punished", "sentences_imposed", "casualties", "incidents_change"})


def stage_after(fields: dict, tail: str, found: str, clause: str | None = None) -> str:
    """Return the stage the verb right after a count names when the rules found none
    (检察机关已对其中9人批准逮捕 -> arrests_approved, not the 批准 of a police service;
    对周某等4人提起公诉 -> prosecuted; 11名被告人分别获刑 -> adjudicated), or when the stage found
    comes from a verb of an earlier clause, not the figure's own ``clause`` (移送起诉29人，法院已对
    8人作出判决 -> 8人 adjudicated); else ``found``."""
    if fields["quantity_kind"] != "count" or fields.get("change_direction"):
        return found
    borrowed = clause is not None and fields.get("action") and fields["action"] not in clause
    if found in _STAGES and not borrowed:
        return found
    for pattern, name in _STAGE_AFTER:
        if pattern.match(tail):
            return name
    return found


def read_category(lex, fields: dict, context: str, clause: int = 0, organ: str = "",
                  tail: str = "") -> str:
    """Return the first taxonomy rule that fits; a figure without an object is tested on
    its clause (发动村干部参与巡逻，共5支: not 村干部), a share, sum or change then on its
    sentence (其中出口1827亿美元，增长20.9%). ``organ``: the article's organ when the sentence
    names none (``article_organ``), read as a word of the sentence. A count of people that
    ``tail`` (the text right after the figure) says died or were hurt is casualties
    (这些案件共造成1132人丧生)."""
    if fields["quantity_kind"] == "count" and not fields.get("change_direction") \
            and _HARMED_AFTER.match(tail):
        return "casualties"
    if fields["quantity_kind"] == "money" and not fields.get("change_direction") and _CASE_AFTER.match(tail):
        return "money_involved"  # 呼伦贝尔50万元以上电诈案实现全破: the amount names the cases
    people = people_stage(fields, context[clause:], tail)
    if people:
        return people
    if fields["quantity_kind"] == "money" and not fields.get("change_direction") \
            and _PER_ITEM.search(context[clause:]) and _PRICE_AFTER.match(tail):
        return "money_involved"  # 以每张300元至500元的价格收购银行卡: the offence's price per item
    found = headline_clause(lex, fields, context[clause:], organ) or \
        first_rule(lex, fields, context[clause:], context, organ)
    if clause and found == "other" and not fields.get("object") and (
            fields.get("change_direction") or fields["quantity_kind"] in ("percent", "money")):
        found = first_rule(lex, fields, context, context, organ)
    if found not in _STAGES:
        found = noun_action_stage(lex, fields, context[clause:], organ) or found
    found = own_clause_stage(lex, fields, context, clause, organ, found)
    found = stage_after(fields, tail, found, context[clause:] if clause else None)
    if found == "other" and fields["quantity_kind"] == "count" and _DEFENDANTS_BEFORE.search(context[clause:]):
        return "adjudicated"  # 在一起案件中，被告人高某川等3人…: the defendants the court tried
    return found


_PER_ITEM = re.compile(r"每[\u4e00-\u9fff]$")
_PRICE_AFTER = re.compile(r"的?(?:价格|价钱|单价)")


def people_stage(fields: dict, head: str, tail: str) -> str:
    """The stage of a count of people that the words around it name, whatever the verb the rules
    read: the victims of a fraud (以投资理财为名骗取本村9名老人存款 -> casualties); '' else."""
    if fields["quantity_kind"] != "count" or fields.get("change_direction") \
            or fields.get("unit") not in ("人", "名", "位", "个"):
        return ""
    if _DEFRAUDED_BEFORE.search(head) and _VICTIM_AFTER.match(tail):
        return "casualties"
    return ""


# The clause's own verb right before the figure (桑园镇、沙城镇分别发案4起和3起 after 侦破…案件11起):
# it decides over a verb of an earlier clause the rules carried to the figure
_OWN_VERB = re.compile(r"(?:分别|共|共计|累计|仅|又)?(?P<verb>发案|立案|发生)[^，,。；;：:]{0,6}$")


def own_clause_stage(lex, fields: dict, context: str, clause: int, organ: str, found: str) -> str:
    """Return cases_filed for a count whose own clause says the cases occurred or were registered
    (…共侦破…案件11起，比去年同期多3起，甲镇、乙镇分别发案4起和3起 -> 4起, 3起 cases_filed) when its
    action is a verb of an earlier clause; else ``found``."""
    action = fields.get("action") or ""
    own = context[clause:]
    if not clause or fields["quantity_kind"] != "count" or fields.get("change_direction") \
            or not action or action in own or fields.get("unit") not in ("起", "宗", "件"):
        return found
    verb = _OWN_VERB.search(own)
    if verb is None:
        return found
    return first_rule(lex, {**fields, "action": verb.group("verb"), "object": None}, own, context, organ)


def noun_action_stage(lex, fields: dict, context: str, organ: str = "") -> str:
    """The stage a clause's own verb gives a figure whose action is a word that is a noun after a
    verb (metric_lexicon.json noun_after_verb) ending the clause before it (打掉…犯罪组织2个: 组织 names the gang -> gangs_dismantled; 抓获组织成员17名:
    the members arrested -> suspects_arrested, not the deployment of 组织); '' when none."""
    action, obj, head = fields.get("action") or "", fields.get("object") or "", context.rstrip()
    if action not in lex.ambiguous_verbs or not lex.noun_after_re.fullmatch(action) \
            or not (head.endswith(action + obj) or head.endswith(obj + action)):
        return ""
    noun = obj if head.endswith(action + obj) and obj else head[max(0, len(head) - len(action) - 6):]
    found = _first(lex, {**fields, "action": None, "object": noun}, context, context, True, organ)
    return found if found in _STAGES else ""


# A headline's clauses are set apart by a space (警方捣破贩毒集团 拘捕7人): two Chinese characters,
# then the space, then the last clause, not a text spaced out character by character.
_HEADLINE_BREAK = re.compile(r"(?<=[\u4e00-\u9fff]{2})[ \u3000]+(?=[\u4e00-\u9fff]{2})")


def headline_clause(lex, fields: dict, context: str, organ: str = "") -> str:
    """Return the category of a figure read on the last clause of a headline (警方捣破贩毒集团
    拘捕7人 -> suspects_arrested, not the 捣破 of the gang; 挽回经济损失12.8亿元 查扣涉案资产约21亿元
    -> assets_seized, not the 挽回 of the first clause); '' when no space sets a clause apart or
    the clause fits no rule."""
    breaks = list(_HEADLINE_BREAK.finditer(context))
    if not breaks:
        return ""
    last = context[breaks[-1].end():]
    action = fields.get("action") or ""
    if action and action in last:  # its own verb: read on its own clause only
        found = first_rule(lex, fields, last, last, organ)
        return "" if found == "other" else found
    found = first_rule(lex, {**fields, "action": None, "object": None}, last, last, organ)
    return "" if found == "other" else found


def first_rule(lex, fields: dict, context: str, sentence: str = "", organ: str = "") -> str:
    """Return the name of the first rule whose conditions all hold, the governing verb
    first (审结检察机关提起公诉的案件2.9万件 -> adjudicated), then a verb of the clause;
    ``sentence_words``: the sentence before the figure names the organ (检察机关…，逮捕…1.6万多人
    -> arrests_approved)."""
    if fields.get("action"):
        found = _first(lex, fields, context, sentence, verbs_in_clause=False, organ=organ)
        if found != "other":
            return found
    return _first(lex, fields, context, sentence, verbs_in_clause=True, organ=organ)


def _first(lex, fields: dict, context: str, sentence: str, verbs_in_clause: bool,
           organ: str = "") -> str:
    action = fields.get("action") or ""
    verbs = context if verbs_in_clause else ""
    own_object = fields.get("object") or ""
    obj = own_object or context
    for rule in lex.category_rules:
        if rule.change is not None and bool(fields.get("change_direction")) != rule.change:
            continue
        if rule.kinds is not None and fields["quantity_kind"] not in rule.kinds:
            continue
        if rule.not_units and fields.get("unit") in rule.not_units:
            continue  # 出动灭火救援四千多次: sorties are services, not resources put in
        if rule.units and fields.get("unit") not in rule.units:
            continue  # 盗卖他人股票1.5万股: shares, counted by 股
        if rule.actions and not (rule.actions.search(action) or verbs and rule.actions.search(verbs)) \
                and not (rule.or_objects and rule.or_objects.search(own_object)):
            continue
        if rule.objects and not rule.objects.search(obj):
            continue
        if rule.words and not (rule.words.search(action) or rule.words.search(obj)
                               or rule.words.search(context) or organ and rule.words.search(organ)):
            continue
        if rule.not_words and (rule.not_words.search(obj) or rule.not_words.search(context)):
            continue
        if rule.sentence_words and not (rule.sentence_words.search(sentence)
                                        or organ and rule.sentence_words.search(organ)):
            continue
        return rule.name
    return "other"


class Rule(NamedTuple):
    """A taxonomy rule with its word lists compiled to patterns (None: no such condition)."""

    name: str
    change: bool | None
    kinds: frozenset | None
    actions: re.Pattern | None
    or_objects: re.Pattern | None
    objects: re.Pattern | None
    words: re.Pattern | None
    not_words: re.Pattern | None
    sentence_words: re.Pattern | None
    not_units: frozenset = frozenset()
    units: frozenset = frozenset()


def compiled(rules: list[dict]) -> list[Rule]:
    """Return the taxonomy's rules with their word lists as patterns (built once, by the
    lexicon that loads the taxonomy: ``MetricLexicon.category_rules``)."""
    def pattern(rule: dict, key: str):
        return re.compile(alternation(rule[key])) if rule.get(key) else None

    return [Rule(rule["name"], rule.get("change"),
                 frozenset(rule["kinds"]) if "kinds" in rule else None,
                 *(pattern(rule, key) for key in ("actions", "or_objects", "objects", "words",
                                                  "not_words", "sentence_words")),
                 frozenset(rule.get("not_units", ())), frozenset(rule.get("units", ())))
            for rule in rules]


_AVERAGE = re.compile(r"(?:平均|日均|人均|户均|月均|年均|场均|案均|每(?:天|日|周|月|年|人|户|起|件|次|名|个|小时))"
                      r"[^，,。；;]{0,12}$")
# (not 多达: 受害人多达310名 is the whole count, said to be large)
_MAXIMUM = re.compile(r"(?:最高|最多|最长|最大|最重|单笔最高)[^，,。；;]{0,8}$"
                      r"|(?:高峰|峰值)(?![乡镇村县区山])[^，,。；;]{0,10}$")  # 最高峰时段每小时…
_RATE_UNITS = frozenset({"%", "％", "成", "‰", "倍", "番", "个百分点", "百分点", "折"})


def read_statistic(fields: dict, text: str, start: int, end: int, clause: int) -> str:
    """Return what kind of statistic a figure is: total (the default, may be summed), rate
    (同比下降21%, 破案率71.5%, 增长1.5倍), average (平均每天出动警力3.2万人次, 人均被骗7.4万元,
    5支10人一队: 10), maximum (单笔最高被骗86万元, 自三年至七年六个月不等) or threshold
    (涉案金额50万元以上的案件, 50万元以上电诈案: 50万元; 七日内整改; 3分钟内出警)."""
    if fields.get("quantity_kind") == "percent" or fields.get("unit") in _RATE_UNITS:
        return "rate"
    head, tail, span = text[clause:start], text[end:end + 8], text[start:end]
    if span.endswith(("以上", "以下")) and _CLASS_AFTER.match(tail) or _DEADLINE.search(span) or \
            tail.startswith(("以上的", "以下的", "以内", "内", "之内")):
        return "threshold"
    average, maximum = _AVERAGE.search(head), _MAXIMUM.search(head)
    if maximum and (not average or maximum.start() < average.start()):
        return "maximum"  # 最高峰时段每小时疏导游客4.5万人次: the peak of a rate
    if average or tail.startswith(("一队", "一组", "一班", "一岗")):
        return "average"
    if _UNEQUAL.match(tail):
        return "maximum"
    return "total"


# 50万元以上(的)电诈案; 判处五年以上有期徒刑的罪犯
_CLASS_AFTER = re.compile(r"[的或]|[\u4e00-\u9fff]{0,4}(?:案|案件|犯罪)|[\u4e00-\u9fff]{2,6}的")
_DEADLINE = re.compile(r"(?:日|天|小时|分钟|秒)以?内$")  # 七日内整改, 3分钟内出警
_UNEQUAL = re.compile(r"[^，,。；;]{0,6}不等")  # 有期徒刑自三年至七年六个月不等


_LISTED = re.compile(r"(?:人民币|港币|美元|日元|欧元)?[、和及与]")
# 缴获海洛因412公斤、冰毒片剂93万粒; 查扣现金1860万元及手机57支: an item of a list of goods, in
# any unit, shares the verb of the list (the words between are a noun, no verb of its own)
_ITEM = re.compile(r"[、及和与][\u4e00-\u9fffA-Za-z]{1,8}")
_GOODS = frozenset({"assets_seized", "losses_recovered"})
# A stage not reached (不批准逮捕, 不予起诉, 不捕): its parts are not parts of the stage's figures
_NEGATED_ACT = re.compile(r"不予?(?:批准逮捕|批捕|捕|起诉)")
_RESTATES = re.compile(r"(?:价值|市值|折合|合计|共计|总价值|约占|占|其中)[^，,。；;]{0,8}$")  # 市值: 检获毒品…，市值约1250万港元


def restated_category(fields: dict, text: str, start: int, previous: list,
                      earlier: list[dict] = (), tail: str = "", lex=None) -> str:
    """Return the category of the figure before in the sentence for a figure that only
    restates it: a share (武汉市破获1.6万起，约占全省的三成 -> cases_solved) or a value
    (追回被盗电动车27辆，价值8.5万元 -> losses_recovered); else the figure's own. A part
    whose own verb follows it (``tail``: 法院已对其中8人作出判决) keeps the stage it names."""
    own = fields["category"]
    if own == "other" and _NEGATED_ACT.search(text, max(0, start - 16), start):
        return own  # 批准逮捕49人，不批准逮捕11人，其中因无社会危险性不批准逮捕7人: a part of the 11
    own_stage = stage_after(fields, tail, "other") if tail else "other"
    part_of = None if own_stage != "other" else _subtotal_of(fields, text, start, previous, earlier)
    if part_of is None and own_stage == "other":
        part_of = whole_named(lex, fields, text, start, tail) if lex is not None else None
    if part_of is None and own_stage == "other":
        part_of = share_of(fields, text, start, previous, earlier)
    if part_of is None and own_stage == "other":
        part_of = share_restated(fields, text, start, previous)
    if part_of is not None:
        return part_of
    if not fields.get("change_direction"):  # 同比上升12.5%，其中宁波市占全省案件总数的52%: a share of
        previous = [p for p in previous if not p[1].get("change_direction")]  # the 300起, not the change
    bound = own != "other" and fields.get("statistic") in ("maximum", "threshold")  # 其中最大一宗损失达860万
    if own != "other" and not (own == "money_involved" and fields.get("action") is None) \
            or not previous or bound:
        return own
    last, before = previous[-1]
    listed = fields["quantity_kind"] == before["quantity_kind"] and _LISTED.fullmatch(
        text[last.end:start])  # 索要3600多万元人民币、100万元港币: the list shares it
    listed = listed or before["category"] in _GOODS and _ITEM.fullmatch(text[last.end:start])
    if not listed and not _RESTATES.search(text[max(0, start - 12):start]):
        return own
    if before["category"] == "casualties" and before["quantity_kind"] != fields["quantity_kind"]:
        return own  # 骗取2300余名会员资金共计1.2亿元: the victims counted, their money is the offence's
    return before["category"] if before["category"] != "other" else own


def _own_verb(fields: dict, part: str) -> bool:
    """Whether a part after 其中 has a verb of its own that gives it a category (其中，东港辖区
    查获海上走私案件17起 -> cases_solved; 其中起诉"保护伞"6人 -> officials_punished), so it is
    not read as a part of the total before 其中."""
    action = fields.get("action") or ""
    return bool(action) and action in part and fields["category"] in _ACTS


# What an organ does to people, cases, goods or money (not 受害者死亡1件: a harm; nor 查处案件19起:
# cases read from their noun alone)
_ACTS = frozenset({"cases_solved", "suspects_arrested", "arrests_approved", "prosecuted",
                   "adjudicated", "officials_punished", "assets_seized", "losses_recovered",
                   "gangs_dismantled", "violations_handled", "sentences_imposed"})


# 其中一起…案, 其中1宗…案件: one case told as an example, whose figures are its own (not parts)
_ONE_CASE = re.compile(r"(?:一|1)(?:起|宗|个)[^，,。；;]{0,24}?案")


def _subtotal_of(fields: dict, text: str, start: int, previous: list,
                 earlier: list[dict] = ()) -> str | None:
    """The category of the total a figure is part of: after 其中 a figure in the unit of the
    figure before 其中 counts part of it (破获诈骗案件14870起。其中，跨境诈骗案件2100起，冒充客服类
    诈骗案件3400起 -> cases_solved, not cases_filed), in the same sentence or, when 其中 opens
    the sentence, in the sentence before in the paragraph (``earlier``); else None."""
    opened = text.rfind("其中", 0, start)
    if opened == -1 or fields.get("change_direction") or fields.get("statistic", "total") != "total":
        return None  # 其中，涉案金额1000万元以上的案件 / 单案最高涉案金额1.4亿元: a bound, not a part
    if fields["category"] != "other" and _ONE_CASE.search(text, opened, start):
        return None  # 挽回损失26亿元。其中，…侦破的一起洗钱案，涉案资金达19亿元: one case's own figure
    before = [fields_ for last, fields_ in previous if last.end <= opened]
    if not before and not text[:opened].strip(" ，,、"):
        before = list(earlier)
    totals = [b for b in before if b["unit"] == fields["unit"] and b["category"] != "other"
              and b.get("change_direction") is None]
    if not totals or _own_verb(fields, text[opened:start]) and totals[-1]["category"] != "officials_punished":
        return None  # cadres punished, of whom 41 移送检察机关: still officials_punished
    return _crime_among_violations(fields, totals[-1]) or totals[-1]["category"]


_SUSPECTED = re.compile(r"涉嫌|嫌疑人|嫌犯")


def _crime_among_violations(part: dict, total: dict) -> str | None:
    """The stage of a part that counts crimes among administrative violations, else None:
    查处酒驾醉驾违法行为236起，其中醉驾47起 -> the 47 drunk-driving cases are crimes (危险驾驶罪),
    cases_solved like 醉驾 counted on its own; 查获非法出入境人员8600余名，其中涉嫌从事电信诈骗的
    3100余名 -> suspects_arrested. Summed apart from the whole, never twice in one category."""
    if total["category"] != "violations_handled":
        return None
    if part["category"] == "cases_solved":
        return "cases_solved"
    if part.get("unit") in ("人", "名") and _SUSPECTED.search(part.get("object") or ""):
        return "suspects_arrested"
    return None



# A share names what it is a share of (住宅火灾占比41.3%, 其中网上购物骗案占三成, 起诉人数中，西宁市占
# 57.6%): cases (counted in 起/宗/件) or people (人/名); the last such word before the figure decides.
_SHARE_BEFORE = re.compile(r"[占佔][^，,。；;：:]{0,12}$")
# 破获毒品案件1200起，贩卖毒品案件超四成: a share of cases stated right after their noun, no 占
_BARE_SHARE = re.compile(r"(?<![破结])案件?(?:数)?(?:超过?|近|约|逾|达到?|不足|接近)?$")
_SHARE_WHOLE = re.compile(r"(案|火灾|事故)|(人数|人员|嫌疑人|罪犯|被告人)")
_WHOLE_UNITS = ({"起", "宗", "件"}, {"人", "名"})
_SHARE_OWN = frozenset({"other", "economy", "social"})  # a share no verb of the justice process claims


def share_of(fields: dict, text: str, start: int, previous: list, earlier: list[dict] = ()) -> str | None:
    """The category of the count a share is a share of (接获诈骗案21430宗…；其中网上购物骗案占三成 ->
    cases_filed; 提起公诉318人。起诉人数中，西宁市占57.6% -> prosecuted): the nearest count before it,
    in its sentence or the sentence before, in the unit of what the share names; a share of cases
    with no such count is a share of the cases recorded (其中，住宅火灾占比41.3%; 盗窃案占全部犯罪案件的
    54.1% -> cases_filed; 破获毒品案件1200起，贩卖毒品案件超四成 -> cases_solved, a share right after its
    case noun). None when the figure is no share, or a verb already gives its stage."""
    if fields["category"] not in _SHARE_OWN or fields.get("change_direction") \
            or not (fields["quantity_kind"] == "percent" or fields.get("unit") == "成") \
            or not (_SHARE_BEFORE.search(text, max(0, start - 14), start)
                    or _BARE_SHARE.search(text, max(0, start - 8), start)):
        return None
    since = max((last.end for last, _ in previous), default=0)
    wholes = list(_SHARE_WHOLE.finditer(text, since, start))
    if not wholes:
        return None
    cases = wholes[-1].group(1) is not None
    if not cases and fields["category"] != "other":
        return None  # 外来人口占…: a social share, not a count of people the justice process handled
    units = _WHOLE_UNITS[0 if cases else 1]
    counts = [f for f in [*reversed([f for _, f in previous]), *reversed(list(earlier))]
              if f["quantity_kind"] == "count" and f.get("unit") in units
              and not f.get("change_direction") and f["category"] not in _SHARE_OWN]
    if counts:
        return counts[0]["category"]
    return "cases_filed" if cases else None


# One share stated twice (…占比超三成，占破获案件总数的37.4%; 在破获的案件中，…占比超三成，达31.5%)
# is one figure: both statements read the whole the sentence names, with its verb.
_WHOLE_BEFORE = re.compile(r"[占佔](?!比)([^，,。；;：:占佔]{2,14}?)(?:的|之)$")
_WHOLE_AFTER = re.compile(r"[，,]\s*(?:约|则)?[占佔](?!比)([^，,。；;：:占佔]{2,14}?)(?:的|之)")
_WHOLE_SCOPE = re.compile(r"([^，,。；;：:]{2,16}?)(?:之中|中)[，,][^，,。；;：:]*$")
_MONEY_WHOLE = re.compile(r"金额|资金|款|损失|元")
_PEOPLE_WHOLE = re.compile(r"人数|人员|嫌疑人|罪犯|被告人|人$")


def _is_share(fields: dict, text: str, start: int) -> bool:
    """Whether a figure is a share stated after 占 (占比超三成, 占破获案件总数的37.4%)."""
    return not fields.get("change_direction") \
        and (fields["quantity_kind"] == "percent" or fields.get("unit") == "成") \
        and bool(_SHARE_BEFORE.search(text, max(0, start - 14), start))


def whole_named(lex, fields: dict, text: str, start: int, tail: str = "") -> str | None:
    """The category of the whole a share names, read as a count with its own verb: 占X的N% names X
    (占破获案件总数的37.4% -> cases_solved; 占全部审结案件的66.5% -> adjudicated); a bare share
    right before it takes the same (…占比超三成，占破获案件总数的37.4%: 超三成 cases_solved); else a
    scope clause before the share (在破获的案件中，…案件占比超三成 -> cases_solved). None when the
    figure is no share or the whole fits no stage (占全省的三成, 占全镇人口的六成)."""
    if not _is_share(fields, text, start):
        return None
    head = text[max(0, start - 16):start]
    named = _WHOLE_BEFORE.search(head)
    after = None if named else _WHOLE_AFTER.match(tail)
    scope = None if named or after else _WHOLE_SCOPE.search(text, 0, start)
    found = named or after or scope
    if found is None:
        return None
    whole = found.group(1)
    kind, unit = ("money", "元") if _MONEY_WHOLE.search(whole) else \
        ("count", "人" if _PEOPLE_WHOLE.search(whole) else "件")
    category = first_rule(lex, {"quantity_kind": kind, "unit": unit, "action": None, "object": None,
                                "change_direction": None}, whole, whole)
    return None if category in _SHARE_OWN else category


_SAME_SHARE = re.compile(r"[，,]\s*(?:达到?|为|约为?|即)$")


def share_restated(fields: dict, text: str, start: int, previous: list) -> str | None:
    """The category of the share a rate restates right after it (…案件占比超三成，达31.5% -> the
    category of 超三成); None otherwise."""
    if not previous or fields.get("change_direction") or fields["quantity_kind"] != "percent":
        return None
    last, before = previous[-1]
    if not _is_share(before, text, last.start) or not _SAME_SHARE.search(text[last.end:start]):
        return None
    return before["category"] if before["category"] != "other" else None
