"""The metrics stage: every figure a report states, normalised, with what it counts.

``MetricExtractor`` reads each sentence with a handful of precompiled regexes built on the
number grammar of ``numbers.py`` (one ``finditer`` per pattern and sentence, no per-token
loops), filters what is not a statistic (dates, ordinals, ids, slogans, idioms, a lone 一
outside enforcement verbs), and reads the attributes around each figure:

    共破获案件760起  ->  760起: value 760, unit 起, count, action 破获, object 案件
    警情同比下降21%  ->  21%: percent, change down, basis yoy, object 警情

Who acted (``subject``) and where (``place``) are read from the entity stage's spans only, never
from substrings: 呼伦贝尔市公安局 -> subject 呼伦贝尔市公安局, place 内蒙古自治区呼伦贝尔市 (the
gazetteer's full name); a figure without a place of its own takes its paragraph's, then its
article's. A time scope that opens a paragraph (今年以来，…) holds for its later figures.

Lexicons (units, verbs, idioms) are in ``data/metric_lexicon.json``, the category taxonomy in
``data/metric_categories.json``; docs/metrics.md explains the rules. Title lines are read like
body lines: a headline figure (``50万元以上电诈案``) is a statement of its own.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ... import errors
from ...dates import period_dates
from ...document import Document, MetricSpan, Reject
from ...lexicon import DATA_DIR
from ...lexicon import alternation as _alternation
from ...places import ZONE_PATTERN
from ..numbers import (APPROX_PREFIX, APPROX_SUFFIX, BIG_UNITS, NUMBER, parse_number,
                       parse_quantity)

LEXICON_PATH = DATA_DIR / "metric_lexicon.json"
TAXONOMY_PATH = DATA_DIR / "metric_categories.json"
VERBS_PATH = DATA_DIR / "metric_verbs.json"

_CLAUSE_BREAK = "，,；;：:。！？!?（(）)\n"
_QUOTES = "“”‘’\"'「」『』《》〈〉"
_SEP = r"(?:至|到|~|～|—|－|-)"
# A number never starts inside another number or after a vague head (数十人, 几十, 上千).
_NOT_INSIDE = (r"(?:(?<![\d.．,·/])(?=[\d超逾近约不接将至大零])"
               r"|(?<![\d.．,零〇一二两三四五六七八九十百千万亿数几若上成余多第])(?![\d]))")
_PRE = r"(?P<pre>不超过|超过|接近|将近|不到|不足|至少|大约|零下|超|逾|近|约)?"
_POST = r"(?P<post>以上|以下|以内|左右|上下|多|余)?"
_VAGUE_CN = "零〇一二两三四五六七八九十"
_YEAR_WORDS = re.compile(r"^(?:代|度|级|初|底|末|中|起|间|前后)")


@dataclass
class _Candidate:
    start: int  # in sentence coordinates
    end: int
    value: float
    value_max: float | None
    unit: str
    kind: str
    currency: str | None
    approx: str | None
    chinese_small: bool  # written in Chinese numerals and <= 10
    number_text: str
    kind_action: str | None = None  # the verb handed to the next figure when this one names its kind


def previous_in(previous, clause: int, start: int) -> bool:
    """Return True when a figure already read lies in text[clause:start]."""
    return any(clause <= other.start and other.end <= start for other, _ in previous)


class MetricExtractor:
    """Find the quantities in each sentence and append them to ``doc.metrics``."""

    name = "metrics"

    def __init__(self, taxonomy_path: str | Path | None = None,
                 lexicon_path: str | Path | None = None, gazetteer=None) -> None:
        self._gazetteer = gazetteer
        with open(lexicon_path or LEXICON_PATH, encoding="utf-8") as handle:
            lex = json.load(handle)
        with open(taxonomy_path or TAXONOMY_PATH, encoding="utf-8") as handle:
            self.categories = json.load(handle)["categories"]
        self.unit_kind: dict[str, tuple[str, str | None]] = {}
        for kind, units in lex["units"].items():
            if isinstance(units, dict):
                for unit, currency in units.items():
                    self.unit_kind[unit] = (kind, currency)
            else:
                for unit in units:
                    self.unit_kind.setdefault(unit, (kind, None))
        units = _alternation(self.unit_kind)
        money = _alternation(u for u, (k, _) in self.unit_kind.items() if k == "money")
        number = NUMBER
        self.decimal_only_units = set(lex["decimal_only_units"])
        self.unit_as_written = lex["unit_as_written"]
        self.arabic_only_units = set(lex["arabic_only_units"])
        self.vague_units = set(lex["small_chinese_vague_units"])
        self.unit_word_re = re.compile(_alternation(lex["unit_words"]))
        self.money_units = {u for u, (k, _) in self.unit_kind.items() if k == "money"}
        self.patterns = [
            ("percent_cn", re.compile(
                rf"{_NOT_INSIDE}{_PRE}(?P<body>百分之{number}(?:{_SEP}百分之{number})?)"
                rf"(?P<yu>多)?{_POST}")),
            ("permille_cn", re.compile(rf"{_NOT_INSIDE}{_PRE}(?P<body>千分之{number}){_POST}")),
            ("percent", re.compile(
                rf"{_NOT_INSIDE}{_PRE}(?P<body>{number}[%％]?(?:{_SEP}{number})?[%％‰])"
                rf"(?P<yu>多)?{_POST}")),
            ("points", re.compile(
                rf"{_NOT_INSIDE}{_PRE}(?P<body>{number}(?:{_SEP}{number})?)(?P<yu>多)?"
                rf"(?P<unit>个百分点){_POST}")),
            ("cheng", re.compile(
                rf"{_NOT_INSIDE}{_PRE}(?P<body>[一二两三四五六七八九\d]成[一二三四五六七八九\d]?)"
                rf"(?P<yu>多)?(?![功为立交绩果员本效群熟长就型品都了全人年色分])"
                rf"{_POST}")),
            ("fraction", re.compile(
                rf"{_NOT_INSIDE}{_PRE}(?P<body>{number}分之{number}|\d+/\d+(?![\d/]))"
                rf"(?![\u4e00-\u9fff]*[日号])"
                rf"{_POST}")),
            ("discount", re.compile(
                r"(?<![\d.])(?P<body>[一二三四五六七八九\d](?:[一二三四五六七八九]|\.\d)?)"
                r"(?P<unit>折)(?=优惠|销售|出售|收费|价|的|，|,|。)")),
            ("half", re.compile(
                r"(?<![上下前后大多])(?P<pre>不到|不足|近|约|超过|超)?(?P<body>半)(?P<unit>年|个月|天)"
                r"(?![度])")),
            ("duration", re.compile(
                rf"{_NOT_INSIDE}{_PRE}(?P<body>(?P<years>{number})年(?:零)?"
                rf"(?:(?P<half>半)|(?P<months>{number})个?月)){_POST}")),
            ("unit", re.compile(
                rf"{_NOT_INSIDE}{_PRE}(?P<body>(?P<n1>{number})"
                rf"(?:(?P<u1>{units})?(?P<sep>{_SEP})(?P<n2>{number}))?)"
                rf"(?P<yu>余|多|来)?(?P<big>[十百千万亿]*)(?P<unit>{units}){_POST}")),
            ("magnitude", re.compile(
                rf"(?<![数几上成千百万亿十零一二两三四五六七八九\d])(?P<pre>过|近|超|逾|突破)?"
                rf"(?P<body>[百千万亿]{{1,2}})(?P<unit>{money}|个)")),
            ("months", re.compile(
                rf"{_NOT_INSIDE}{_PRE}(?P<body>{number})个(?P<yu>多|余)(?P<unit>月)")),
            ("bare", re.compile(
                rf"{_NOT_INSIDE}{_PRE}(?P<body>\d+(?:\.\d+)?[万亿]+)(?P<yu>余|多)?"
                rf"(?=[“\"‘「\u4e00-\u9fff，,。；;])")),
        ]
        self.actions_re = re.compile(_alternation(lex["actions"]))
        with open(VERBS_PATH, encoding="utf-8") as handle:
            verb_data = json.load(handle)
        # The verbs the lexicon knows; ``self.verbs`` is this plus the verbs-with-complement
        # learnt from the document being read, reset for every document (see ``__call__``).
        self.base_verbs = frozenset(verb_data["verbs"]) | set(lex["actions"]) | set(lex["extra_verbs"])
        self.verbs = set(self.base_verbs)
        self.ambiguous_verbs = set(verb_data["ambiguous"]) | set(lex["noun_like_actions"])
        self.modifier_verbs = set(lex["modifier_verbs"])
        self.not_actions = set(lex["not_actions"])
        self.light_verbs = set(lex["light_verbs"])
        self.change_actions = set(lex["change_actions"])
        self.prepositions = set(lex["prepositions"])
        self.transfer_verbs = set(lex["transfer_verbs"])
        self.phrase_prepositions = set(lex["phrase_prepositions"])
        self.counted_units = set(lex["counted_units"])
        self.rate_base_head_re = re.compile(rf"^兑换?1(?:{money})")
        self.rate_base_tail_re = re.compile(rf"(?:为|是)?1(?:{money})(?:合|兑换?)$")
        self.kind_head_re = re.compile(rf"(?:{_alternation(lex['kind_heads'])})$")
        self.receive_verbs = set(lex["receive_verbs"])
        self.permission_verbs = set(lex["permission_verbs"])
        level_words = _alternation(lex["change"]["up"] + lex["change"]["down"] + lex["level_verbs"])
        self.level_to_re = re.compile(rf"(?:{level_words})了?(?:到|至|为)(?:接近|约|近)?$")
        self.level_from_re = re.compile(rf"[^；;。]{{0,16}}?(?:{level_words})了?(?:到|至|为)")
        self.predicate_end_re = re.compile(rf"(?:{_alternation(lex['predicate_ends'])})")
        self.attribute_noun_re = re.compile(rf"(?:{_alternation(lex['attribute_nouns'])})$")
        self.noun_stop_re = re.compile(
            r"的|所|之|中|上|里|内|等|也|都|均|已|将|还|又|就|才|再|共|不|到|至|分别|相继|纷纷|去年|今年|明年|当年|全年"
            r"|\d{4}年|[一二三四]季度|[上下]半年")
        self.organ_end_re = re.compile(r"(?:机关|部门|法院|检察院|公安局|分局|派出所|单位|中心)$")
        # What makes a verb before it part of the subject (进口产品抽样合格率为10%): a change,
        # a share or a plain copula, or a rate that reaches a level; not 达/共计 after a noun,
        # which the verb governs (资助总金额达750万元).
        self.predicate_re = re.compile(
            r"(?:(?<=[率比重例])(?:达到|达)|"
            + _alternation(["占", "占到", "为", "是", "有", "只有", "扩大到", "增加到", "上升到", "下降到"]
                           + lex["change"]["up"] + lex["change"]["down"]) + ")")
        self.adverbial_verbs = set(lex["adverbial_verbs"])
        self.respectively_re = re.compile(
            r"(?P<list>[^，,；;。：:]{1,30}?[、和及与][^，,；;。：:]{1,14}?)(?:就|也|都|均|则)?分别")
        self.subject_copula_re = re.compile(
            r"(?<![率重例])(?:已|就|共|均|即可|也|仍|竟|则|可)*(?:高达|达到|达|为|(?<=的)有)(?:了)?$")
        self.object_lead_re = re.compile(
            r"^(?:结果|而且|并且|但是|但|而|因此|所以|同时|改为|使得|高于|低于|目前|当前|现在|如今|近日|日前|其中|则"
            r"|到今日|到今天|到目前|至今)+"
            r"(?:\d{4}年(?:的)?)?")
        self.object_trail_re = re.compile(
            r"(?:和|与|及|或|各|稍|一般|通常|往往|不|也|仍|竟|却|已经|(?<=[率额量数值])达(?:到)?)+$")
        self.share_re = re.compile(r"(?:已|约|将|则|仅|只)?占(?![地有用领据])(?:到|了)?其?")
        self.base_re = re.compile(r"(?:比|较)(?![例重率值较])[^，,]{1,12}的?$")
        self.object_tail_re = re.compile(
            r"(?:\d{4}年|\d{1,2}月份?|今年|去年|当年|全年|短短几年时间|几年时间|扩大到|发展到|增加到|上升到"
            r"|连续|首次|迅速|逐步|逐年|稳步|不断|一直|进一步|大幅度|大幅|明显|最终|事隔|相隔|时隔|每人|日均|户均|每工|过去|最近|短短|每过|将|却|也|都|仍|还|又|已|就|才)$")
        self.heads_clause_re = re.compile(
            r"(?:其中|另有|仅|就|已|共|还|又|先后|累计|全年|去年|今年|首批|第[一二三四五六七八九十]批)*(?:有)?|[^，,；;]{0,12}?(?:共有|还有|已有|有)"
            r"|[^，,；;\d]{1,8}?(?<!其)中")  # 居民中60%信奉…
        self.new_predicate_re = re.compile(r"等(?:与|和|同)|(?:并|后|再|又|还|并且|同时)[一-鿿]{0,2}$")
        self.change_word_re = re.compile(
            rf"(?:同比|环比)?(?:{_alternation(lex['change']['up'] + lex['change']['down'])})")
        self.pivot_verbs = set(lex["pivot_verbs"])
        self.noun_after_re = re.compile(_alternation(lex["noun_after_verb"]))
        self.noun_after_ambiguous_re = re.compile(_alternation(lex["noun_after_ambiguous"]))
        self.after_stop_re = re.compile(rf"(?:{_alternation(lex['after_stops'])})")
        self.localizer_re = re.compile(rf"(?:{_alternation(lex['localizers'])})$")
        self.noun_compound_re = re.compile(_alternation(lex["noun_compounds"]))
        self.blockers_re = re.compile(_alternation(lex["blockers"]))
        self.small_cue_re = re.compile(rf"(?:{_alternation(lex['small_number_cues'])})了?$")
        self.idioms_re = re.compile(_alternation(lex["idioms"]))
        self.mode_after_re = re.compile(rf"^(?:{_alternation(lex['mode_after'])})")
        self.not_after = tuple(lex["not_after"])
        change = lex["change"]
        self.up_re = re.compile(rf"(?:{_alternation(change['up'])})")
        self.down_re = re.compile(rf"(?:{_alternation(change['down'])})")
        self.direction_re = re.compile(
            rf"(?P<dir>{_alternation(change['up'] + change['down'])})"
            rf"(?P<tail>了?(?:约|大约)?|的?幅度(?:为|达|是)?|分别(?:为|是)?|了?(?:到|至|为|达))$")
        long_dirs = [w for w in change["up"] + change["down"] if len(w) >= 2]
        self.direction_object_re = re.compile(
            rf"(?P<dir>{_alternation(long_dirs)})了?(?![到至为])[\u4e00-\u9fff]{{1,6}}$")
        self.growth_re = re.compile(r"(?:增长率|增长速度|增速|增幅|递增|年均增长|平均增长|增长幅度)[^，,；;]{0,6}$")
        self.basis = [("yoy", re.compile(_alternation(change["yoy"]))),
                      ("mom", re.compile(_alternation(change["mom"]))),
                      ("other", re.compile(
                          r"(?<![对无类相好])比(?![例重率值较如赛分])|较(?![大小多少高低好快为强弱长短差])"
                          r"|相比|高于|低于"))]
        filler = _alternation(lex["filler_before"])
        self.filler_tail_re = re.compile(rf"(?:{filler})+$")
        self.copula_tail_re = re.compile(rf"(?:{_alternation(lex['copula_tail'])})+$")
        self.copula_only_re = re.compile(rf"(?:{_alternation(lex['copula_tail'])})+")
        self.copula_one_re = re.compile(rf"(?:{_alternation(lex['copula_tail'])})$")
        self.filler_head_re = re.compile(rf"^(?:{filler}|{_alternation(lex['object_strip_prefix'])})+")
        self.preposition_tail_re = re.compile(rf"(?:{_alternation(lex['prepositions'])})$")
        basis_words = _alternation(change["yoy"] + change["mom"])
        self.change_tail_re = re.compile(
            rf"(?:(?:{basis_words})?(?:{_alternation(change['up'] + change['down'])})"
            rf"(?:了|为|到|至|达|幅度)?|(?:{basis_words}))$")
        months = r"\d{1,2}(?:月份?)?[至到—－~～-]\d{1,2}月份?"
        self.period_re = re.compile(
            r"(?:截至(?:目前|今年|去年|\d{4}年)?(?:\d{1,2}月(?:\d{1,2}日|底|末|中旬|下旬|上旬)?)?"
            r"|自[^，。；,;]{1,30}?以来|今年以来|去年以来|近年来|\d{4}年(?:以来|至今)"
            r"|(?:今年|去年|\d{4}年)(?:上半年|下半年|前三季度|第?[一二三四]季度|全年|" + months +
            r"|前\d{1,2}个月|\d{1,2}月份?)?(?=[，,以共全该市县区省]|[\u4e00-\u9fff])"
            r"|(?<![\d年月])(?:" + months + r"|上半年|下半年|前三季度|第?[一二三四]季度)(?=[，,]|[\u4e00-\u9fff])"
            r"|[^，。；,;]{2,12}?(?:以来|期间)(?=[，,]))")
        # In an object the same phrases go whatever follows them (活动期间参加人数).
        self.period_strip_re = re.compile(
            r"(?:截至(?:目前|今年|去年|\d{4}年)?(?:\d{1,2}月(?:\d{1,2}日|底|末|中旬|下旬|上旬)?)?"
            r"|自[^，。；,;]{1,30}?以来|今年以来|去年以来|近年来|\d{4}年以来"
            r"|(?:今年|去年|\d{4}年)(?:上半年|下半年|前三季度|第[一二三四]季度|全年|\d{1,2}[至-]\d{1,2}月"
            r"|前\d{1,2}个月|\d{1,2}月份?)?(?=[，,以共全该市县区省]|[\u4e00-\u9fff])"
            r"|[^，。；,;]{2,12}?(?:以来|期间))")
        self.speech_re = re.compile(
            r"[^，,。；;]{0,4}?(?:介绍|说|表示|称|指出|透露|告诉记者|强调|通报|反映)(?:道)?[，,：:]")
        self.source_re = re.compile(r"[^，,。；;]{0,4}?(?:介绍|统计|通报|透露|获悉|了解到|称)[，,：:]?")
        self.patient_re = re.compile(r"[^，,。；;]{0,6}?被")
        # What may precede a subject in its clause: 本报讯 记者某某, 近日, 同时 (places and
        # bylines are taken out first).
        self.subject_lead_re = re.compile(
            r"(?:本报讯|新华社|记者|通讯员|据悉|近日|日前|目前|同时|其中|此外|另外|随后|今年|去年|[\s　])*"
            r"[一-鿿]{0,2}")
        titles = [w for w in _read_words(DATA_DIR / "entity_person_titles.txt") if len(w) >= 2]
        # 公安部消防局局长长孙介绍: an ORG that opens a person's title.
        self.title_after_re = re.compile(rf"[^，,。；;：:]{{0,12}}?(?:{_alternation(titles)})")
        self.not_actors = set(_read_words(DATA_DIR / "entity_newspapers.txt")) | {
            "新华社", "中新社", "本报"}
        self.preposition_before_re = re.compile(
            r"(?:对|向|与|和|按照|根据|依据|联合|协调|配合|会同|在|给|为|把|将|从|由|经|同|跟|受|据)$")

    # --- finding quantities -------------------------------------------------------------

    def _candidates(self, text: str) -> tuple[list[_Candidate], list[tuple[int, int, str]]]:
        found: list[tuple[int, int, str, re.Match]] = []
        for name, pattern in self.patterns:
            for match in pattern.finditer(text):
                found.append((match.start(), match.end(), name, match))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        chosen, failed, last_end = [], [], -1
        for start, end, name, match in found:
            if start < last_end:
                continue
            candidate = self._read(name, match, text)
            if candidate is None:
                continue
            if isinstance(candidate, str):
                failed.append((start, end, candidate))
                last_end = end
                continue
            chosen.append(candidate)
            last_end = end
        return chosen, failed

    def _read(self, name: str, match: re.Match, text: str) -> _Candidate | str | None:
        """Return the candidate of a match, a message when unreadable, None when no metric."""
        groups = match.groupdict()
        body = groups["body"]
        approx = APPROX_PREFIX.get(groups.get("pre") or "")
        if groups.get("yu"):
            approx = APPROX_SUFFIX[groups["yu"]]
        if groups.get("post"):
            approx = APPROX_SUFFIX[groups["post"]]
        currency = None
        value_max = None
        if name in ("percent_cn", "percent", "permille_cn", "fraction", "cheng"):
            quantity = parse_quantity(body.replace("％", "%"))
            if quantity is None:
                return f"unreadable share {match.group(0)!r}"
            value, value_max = quantity.value, quantity.value_max
            unit = {"%": "%", "‰": "‰", "成": "成"}.get(quantity.percent or "%", "%")
            if name == "permille_cn" or body.endswith("‰"):
                unit = "‰"
            kind = "percent"
        elif name == "points":
            quantity = parse_quantity(body)
            if quantity is None:
                return f"unreadable number {match.group(0)!r}"
            value, value_max, unit, kind = quantity.value, quantity.value_max, "个百分点", "percent"
        elif name == "duration":
            years = parse_number(groups["years"])
            months = 6.0 if groups.get("half") else parse_number(groups["months"] or "")
            if years is None or months is None:
                return f"unreadable duration {match.group(0)!r}"
            value, unit, kind = round(years + months / 12, 4), "年", "duration"
        elif name == "discount":  # 八五折 = 85% of the price
            digits = body.replace(".", "")
            value = parse_number(digits)
            if value is None:
                return f"unreadable discount {match.group(0)!r}"
            value = value * 10 if len(digits) == 1 else value
            unit, kind = "折", "percent"
        elif name == "magnitude":  # 过亿元, 近百个, 突破百亿元
            value = parse_number("一" + body)
            if value is None:
                return f"unreadable number {match.group(0)!r}"
            unit = groups["unit"]
            kind, currency = self.unit_kind[unit]
            if groups.get("pre") == "突破":
                approx = "over"
        elif name == "months":
            value = parse_number(body)
            if value is None:
                return f"unreadable number {match.group(0)!r}"
            unit, kind = "个月", "duration"
        elif name == "half":
            value, unit = 0.5, groups["unit"]
            kind = "duration"
        elif name == "bare":
            value = parse_number(body)
            if value is None:
                return f"unreadable number {match.group(0)!r}"
            unit, kind = "", "count"
        else:
            if groups.get("u1") and groups["u1"] != groups["unit"]:
                return None  # 5个月至3年: two quantities, not a range
            n1, n2 = groups["n1"], groups.get("n2")
            unit = groups["unit"]
            shift = ""
            if n1[-1:] in "千百" and n1[-1] + unit in self.unit_kind and not groups.get("big"):
                # 60千克 / 3.7万千瓦: 千 belongs to the unit, not to the number.
                shift, n1 = n1[-1], n1[:-1]
                if n2 and n2[-1:] == shift:
                    n2 = n2[:-1]
            if n2:
                quantity = parse_quantity(f"{n1}至{n2}")
                if quantity is None:
                    return f"unreadable range {match.group(0)!r}"
                value, value_max = quantity.value, quantity.value_max
            else:
                value = parse_number(n1)
                if value is None:
                    return f"unreadable number {match.group(0)!r}"
            scale = 1
            for char in groups.get("big") or "":
                scale *= BIG_UNITS.get(char) or {"十": 10, "百": 100, "千": 1000}[char]
            value *= scale
            if value_max is not None:
                value_max *= scale
            unit = shift + unit
            kind, currency = self.unit_kind[unit]
            unit = self.unit_as_written.get(unit, unit)  # 50万元人民币: unit 元, span to 币
            if unit in self.decimal_only_units and not re.search(r"[.·]", n1):
                return None  # 8点 is a clock time, 6.2级 a magnitude
        if groups.get("pre") == "零下":
            value, approx = -value, None
        if not self._is_metric(name, match, text, value, value_max, unit, approx):
            return None
        span_start, span_end = match.start(), match.end()
        post, pre = groups.get("post"), groups.get("pre")
        if post in ("多", "余") and kind not in ("duration", "weight", "length", "area", "volume", "money"):
            span_end -= len(post)  # 5人多次作案: 多 belongs to the next word
            approx = APPROX_SUFFIX[groups["yu"]] if groups.get("yu") else APPROX_PREFIX.get(pre or "")
        if pre == "约" and text[span_start - 1:span_start] and text[span_start - 1] in "节制签合预邀契履公条相纽大":
            span_start += 1  # 节约85%, 纽约: 约 belongs to the word before
            approx = APPROX_SUFFIX.get(post or "") or (APPROX_SUFFIX[groups["yu"]] if groups.get("yu") else None)
        if pre == "近" and (text[span_end:span_end + 1] == "来" or text[span_start - 1:span_start] == "最"):
            span_start += 1  # 近5年来, 最近4年: recent, not approximate
            approx = None
        if approx is None:
            approx = self._approx_before(text[:span_start])
        number_text = groups.get("n1") or body
        chinese = not any(c.isdigit() for c in number_text)
        return _Candidate(span_start, span_end, float(value),
                          float(value_max) if value_max is not None else None, unit, kind,
                          currency, approx, chinese and value <= 10, number_text)

    def _is_metric(self, name, match, text, value, value_max, unit, approx) -> bool:
        start, end = match.start(), match.end()
        before = text[max(0, start - 4):start]
        after = text[end:end + 6]
        number = match.group("body")
        chinese = not any(c.isdigit() for c in number)
        number_start = match.start("body")
        prev = text[number_start - 1:number_start] if number_start else ""
        kind_of = lambda u: self.unit_kind.get(u, ("percent" if u in ("%", "‰", "成", "折", "个百分点") else "",))[0]
        if before.endswith(self.not_after):
            return False  # 第四, 编号12
        if prev.isascii() and prev.isalnum():
            return False  # inside a code: GOIP5, A12
        if after[:1].isascii() and after[:1].isalpha():
            return False
        if "unit" in match.groupdict() and match.group("unit"):
            unit_end = match.end("unit")
            if self.unit_word_re.match(text, unit_end - len(match.group("unit"))):
                return False  # 312国道, 五次会议: the measure word is part of a name
        if unit == "年" and name == "unit":
            if not approx and 1000 <= value <= 2100 and value == int(value):
                return False  # a year, not a duration
            if _YEAR_WORDS.match(after) and value >= 10:
                return False  # 90年代, 2021年度
        if unit == "日":
            if "月" in before[-1:] or not re.match(r"^(?:内|以内|之内)", after):
                if not re.search(r"(?:为期|连续|历时|用时)$", before):
                    return False  # 10月31日, 17日下午: a date
        if unit in ("小时", "个小时") and self.mode_after_re.match(after):
            return False  # 24小时不间断巡逻: an operating mode, not a window
        if name == "bare" and value < 10000:
            return False
        if name == "duration" and value >= 100:
            return False  # 1997年1月: a date
        if unit in self.money_units and value == 1 and (
                re.match(r"^(?:合|兑|折合|等于|=)", after) or re.search(r"(?:兑|合|兑换)$", before)):
            return False  # 1美元合8.09元: an exchange rate's base
        if chinese and (unit in self.arabic_only_units or unit == "类"):
            return False  # 我们两国, 八类严重暴力犯罪: a name, not a count
        if prev in ("每", "最", "该") or (prev in ("前", "后") and unit != "倍"):
            return False  # 最后5位, 前5个月: a rank or a window edge
        if chinese and prev in ("的", "这", "那") and unit in ("个", "项", "人", "位", "种", "名"):
            return False  # 民航的两个臂膀
        if chinese and re.search(r"(?:按照|凭借|根据|围绕|可能)$", text[max(0, start - 3):start]):
            return False
        if unit in ("种", "类") and re.search(r"(?:等|、[^、，,。]{1,8})$", text[max(0, start - 9):start]):
            return False  # 小康、温饱、贫困3种类型: names the kinds of a list
        clause = re.split(r"[，,；;：:。！？]", text[:start])[-1]
        if "、" in clause and kind_of(unit) != "percent":
            # 南京、上海、广州等5个城市 / 陈进兴、高天民、林春生3名歹徒: a list summed up by
            # a noun. 洗钱窝点、跑分平台51个 (the count ends the phrase) is a metric.
            last = clause.rsplit("、", 1)[1]
            items = re.split(r"[、和及与]", clause)
            summed = last.endswith("等") or (len(items) >= 3 and all(0 < len(i) <= 6 for i in items))
            if (summed and not _MAY_HOLD_NUMBER.search(last.replace("等", ""))
                    and "的" not in last and not self.actions_re.search(last)
                    and not re.search(r"[共达为有计了]$", last)
                    and re.match(r"[\u4e00-\u9fff]", after)):
                return False
        if chinese and name in ("unit", "half"):
            if value == 1 and value_max is None and not (approx and self.unit_kind.get(unit, ("",))[0] == "duration"):
                # 一 counts only after an enforcement verb: 破获一起, 打掉一个, 有期徒刑一年.
                if not self.small_cue_re.search(text[max(0, start - 8):start]):
                    return False
                if unit in self.vague_units:
                    return False  # 查处了一批: vague
            elif value <= 10 and value_max is None and not approx:
                # “…”三个同步 / 三个“度”: a slogan summed up.
                head = text[max(0, start - 12):start]
                if head.endswith(("”", "’", "」")) or after.startswith(("“", "‘", "「")):
                    return False
        for idiom in self.idioms_re.finditer(text[max(0, start - 4):end + 4]):
            offset = max(0, start - 4)
            if idiom.start() + offset < end and idiom.end() + offset > start:
                return False
        return True

    def _approx_before(self, head: str) -> str | None:
        """Return approx from a verb phrase before the number: 约占…的50%, 突破100亿元."""
        clause = re.split(r"[，,；;：:。！？（(]", head)[-1]
        if _MAY_HOLD_NUMBER.search(clause[-8:]) and re.search(r"\d", clause):
            return None
        found = re.search(r"(约占|约合|约为|约有|约达|大约是|突破|超过|超出|多于|不到|少于|不足)[^，,；;]{0,20}$", clause)
        if not found:
            return None
        word = found.group(1)
        if word.startswith("约") or word.startswith("大约"):
            return "about"
        if word in ("不到", "低于", "少于", "不足"):
            return "under"
        return "over"

    # --- attributes ---------------------------------------------------------------------

    def _clause_start(self, text: str, position: int) -> int:
        for i in range(position - 1, -1, -1):
            if text[i] in _CLAUSE_BREAK:
                return i + 1
        return 0

    def _attributes(self, text: str, cand: _Candidate, previous: list[tuple[_Candidate, dict]],
                    verbs: list[re.Match], tokens=None, places: set[str] | None = None,
                    persons: set[str] | None = None) -> dict:
        start, end = cand.start, cand.end
        clause = self._clause_start(text, start)
        if clause >= 2 and text[clause - 1] in "）)" and clause == start:
            opened = max(text.rfind("（", 0, clause), text.rfind("(", 0, clause))
            if 0 < opened and clause - opened <= 24 and not re.search(r"[\d０-９]", text[opened:clause]):
                clause = self._clause_start(text, opened)  # 发生火灾（不含森林、草原火灾）14万余起
        # The last figure already read in this clause bounds the object on the left.
        left = verb_left = clause
        for other, _ in previous:
            if other.end <= start and other.end > left:
                left = other.end
                if not self._names_kind(text[other.end:start]):
                    verb_left = other.end  # 完成了湛江50万吨浆厂等6个: 完成 governs 6个

        action, action_end = self._action(text, verbs, verb_left, start, tokens)
        if action is None and previous:
            # 人均占有肉类产品50.2公斤、禽蛋17公斤; 建成千万元利税企业4家、500万元利税企业4家
            for last, last_fields in reversed(previous):
                between = text[last.end:start]
                if re.search(r"[，,；;：:。]", between) or self.blockers_re.search(between):
                    break
                if last_fields.get("action") and "、" in between and (
                        last is previous[-1][0] or last.unit == cand.unit):
                    action = last_fields["action"]
                    break
        if action is None and previous and tokens and previous[-1][1].get("action") \
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
                action = previous[-1][1]["action"]
            elif listed and not self.blockers_re.search(between) and not any(
                    last.end <= t[0] and t[1] <= start and (t[2] in self.verbs or t[2] in self.not_actions
                                                            or t[2] in self.prepositions or t[2] in ("各", "共"))
                    for t in tokens) and not re.search(r"[其另这那该]", listed.group(1)) and (
                    not re.match(r"[，,]", between) or (
                        cand.kind not in ("percent", "duration") and listed.group(1)
                        and not self.attribute_noun_re.search(re.sub(r"(?:人民币|美元|港币|港元)$", "", listed.group(1)))
                        and re.match(r"[，,；;。]|$", text[end:end + 1]))):
                # after a comma only another thing, not a measure of the last (涉案人员182人,
                # 案值67.35亿元, 增幅超过26%), and only when the figure ends its clause
                action = previous[-1][1]["action"]
        if previous and re.fullmatch(r"[（(](?:约合|折合|合)?", text[previous[-1][0].end:start]) \
                and text.startswith(("）", ")"), end) and previous[-1][0].kind == cand.kind == "money":
            restated = previous[-1][1].get("object")  # 235亿图格里克（约合2900万美元）: the same sum
        else:
            restated = None
        if previous and re.fullmatch(r"[（(]", text[previous[-1][0].end:start]) and text.startswith(("）", ")"), end):
            action = previous[-1][1].get("action") or next(  # 重伤3件（3人）: the same cases in people
                (t[2] for t in tokens or () if t[1] == previous[-1][0].start and re.fullmatch(r"[\u4e00-\u9fff]{2}", t[2])
                 and t[2] not in self.not_actions and t[2] not in self.prepositions), None)
        follow_noun = None
        modifier = re.match(r"([\u4e00-\u9fff]{2,6}?)(?:等)?[\d一二三四五六七八九十两]+[个家项件座所户台辆名人起种类]",
                            text[end:])
        if action and modifier and self._names_kind(modifier.group(1)) and not (
                tokens and any(end <= t[0] < end + len(modifier.group(1)) and t[2] in self.verbs
                               for t in tokens)):
            cand.kind_action, action = action, None  # 建成千万元利税企业4家、500万元利税企业4家: 500万元 names the kind
        elif action is None and previous and previous[-1][0].kind_action \
                and self._names_kind(text[previous[-1][0].end:start]):
            action = previous[-1][0].kind_action  # 形成经济总量超50亿元的企业集团2家
        pp = text.rfind("对", clause, start)
        if action is None or (pp >= 0 and action_end is not None and action_end > pp):
            # 对6起……典型案例进行公开通报: the verb comes after the figure; one inside the
            # 对-phrase is not it (对…案件结案等41个执法风险点进行监督).
            follow = re.match(r"^([^，。；,;]{0,30}?)(?:进行|实施|予以|给予)了?([\u4e00-\u9fff]{2,4})",
                              text[end:])
            if follow and pp >= 0:
                follow_noun = follow.group(1).rsplit("的", 1)[-1].translate(_NO_QUOTES) or None
                # After 进行 comes the act as a noun: 进行了调整, 进行财务清理, 进行立案调查; a
                # lexicon action that ends it is the act itself (进行公开通报 -> 通报).
                words = follow.group(2).rstrip("后时中的了和与及")
                acts = [a for a in self.actions_re.finditer(words) if a.end() == len(words)]
                action = (acts[-1].group(0) if acts else words) if len(words) >= 2 else None
        if action is None:
            blocked = self.blockers_re.search(text[clause:start])
            if not blocked and previous:
                last, last_fields = previous[-1]
                same_kind = last.unit == cand.unit or (last.kind == cand.kind == "count"
                                                         and cand.unit in ("个", "家", "起"))
                # 去年总产达500万吨; 但同上年相比减少了302人: a level or a change of its own
                own = re.search(r"(?:达到|达|为|是|占|有)", text[clause:start]) or self.change_word_re.search(
                    text, clause, start)
                opens = tokens and self.heads_clause_re.fullmatch(text[clause:start]) \
                    and self._verb_after(text, end, tokens)  # 20多万人、十几个行业告别了…
                named = cand.kind == "duration" and re.search(r"[\u4e00-\u9fff]{2}$", text[clause:start])
                if last_fields.get("action") and same_kind and last.start < clause and not own and not opens \
                        and not named:  # 判处有期徒刑3年，缓刑5年: a term of its own
                    action = last_fields["action"]
        subject_verb = relative_noun = None
        if action is None and tokens and not previous_in(previous, clause, start):
            subject_verb = self._subject_verb(text, clause, start, tokens)
            if subject_verb:
                action, action_end = subject_verb[0], None
        if action is None and tokens and cand.kind != "duration":
            relative = self._relative_verb(text, verb_left, start, tokens)
            if relative:
                action, action_end, relative_noun = relative
        if action is None and tokens and cand.kind != "duration":
            action = self._verb_after_phrase(text, clause, start, end, tokens)  # 在14个省设立
        cause = re.match(r"(?:是|系)?因([^，,；;。因而]{2,20})而([\u4e00-\u9fff]{2})", text[end:]) \
            if cand.kind == "percent" else None
        if cause:
            # 75%—85%是因无保护性交而感染: the share of those who suffered it for that cause
            action, relative_noun = cause.group(2), cause.group(1)
        if action is None and tokens and (
                cand.kind in ("count", "percent") and self.heads_clause_re.fullmatch(
                    self._without_places(text[clause:start], places))
                or re.search(r"连续$", text[clause:start])):
            # 连续4年丰收, 已连续5年亏损: a run of years or times is told by the verb after it.
            # 有9640人死于交通事故, 9家造纸企业联合发起: the figure is the subject, its verb follows.
            action = self._verb_after(text, end, tokens)
            if action in self.receive_verbs:  # 62人受到党政纪处分: what they received
                after_verb = text.find(action, end)
                tail = re.match(r"了?([\u4e00-\u9fff]{2,8})(?=[，,；;。：:]|$)", text[after_verb + len(action):]) \
                    if after_verb >= 0 else None
                if tail:
                    relative_noun = tail.group(1)
        if action and action_end is not None and action_end < start and re.match(r"其中", text[clause:start]) \
                and not self.actions_re.fullmatch(action) and action not in self.permission_verbs \
                and not re.search(r"[的“”\"]", text[action_end:start]):
            action = action_end = None  # 其中禁止出境文物4478件, 其中香港永久居民在内地所生子女: a kind
        if action and (self.level_to_re.search(text[clause:start]) or (
                re.search(r"(?:由|从)[^由从，,；;]{0,12}$", text[clause:start])
                and self._in_level_phrase(text, clause, start, tokens)
                and self.level_from_re.match(text, end))):
            action = action_end = None  # 专业市场将扩大到30个, 税率从3‰调高至5‰: levels, not acts
        if (action is None or action in self.not_actions or action == "实现") and cand.kind == "percent":
            follow = self.actions_re.match(text[end:])  # 实现100%破获
            if follow:
                action, action_end = follow.group(0), None

        # Change: a direction word right before the number, the basis anywhere before it.
        direction, basis = self._change(text, cand, clause, left, previous)
        starts = {t[0] for t in tokens} | {len(text)} if tokens else None
        obj = self._object(text, cand, text[max(left, action_end or 0):start], previous,
                           starts, places, tokens=tokens, persons=persons)
        if relative_noun:
            obj = relative_noun  # 开发的新产品在1100种以上 -> 新产品
        elif cand.kind == "percent" and tokens and text.startswith("的", end):
            share_of = self._subject_after(text, end + 1, tokens)
            disposed = re.match(r"的([\u4e00-\u9fff]{2,6})[，,。；;]", text[end:])
            if share_of:
                obj = share_of  # 驻军部队80%以上的连队先后成为…: the share of 连队
            elif disposed and re.match(r"(?:将|把)", text[clause:start]):
                obj = disposed.group(1)  # 将省有关部门增长13%的指标，作为…: the thing disposed of
        located = re.match(r"的([\u4e00-\u9fff]{1,6}?)(?:上|中|里)[，,。；;]", text[end:])
        if located and cand.kind in ("length", "area") and (obj is None or re.match(r"(?:使|让|令)", obj)):
            obj = located.group(1)  # 使河西走廊境内1000多公里的干线上: the line measured
        opens = self._in_phrase(text, clause, start, tokens) if tokens and cand.kind != "duration" else None
        at = text.rfind(obj, clause, start) if obj else -1
        if opens is not None and (at < 0 or at <= opens < at + len(obj)):
            obj = self._noun_after(text, end, tokens) or obj  # 民政部门为全区3000户困难家庭
        if obj is None and action_end is not None and (
                (text[action_end:start] == "在" and (cand.kind == "percent" or re.search(
                    r"(?:以上|以下|以内|左右)$", text[start:end])))  # 失业率已控制在1%以内: a level kept
                or action in self.light_verbs or action in self.change_actions or (
                    action in self.ambiguous_verbs
                    and "的" in text[clause:action_end - len(action)])):
            # 产业总产值预计完成1929亿元: a light verb's figure measures its subject, and so does
            # a noun-like one after a relative clause (用于购买飞机的资金投入1100亿元).
            subject = text[clause:action_end - len(action)]
            obj = self._object(text, cand, subject, None, None, places, after=False)
        level = re.search(r"(?:由|从)[^由从，,；;]{0,20}$", text[clause:start])
        noted = re.search(r"(?:^|[，,；;。：:、])([\u4e00-\u9fff]{1,8}[（(][\u4e00-\u9fff]{1,3}[）)])$", text[:clause])
        if obj is None and noted and re.fullmatch(r"(?:就|已|共|还|也|都|仅|只)?有", text[clause:start]):
            obj = noted.group(1)  # 吨粮县（市）就有5个: the noun and its note before the clause
        elif (obj is None or text.startswith("的", end)) and previous and previous[-1][0].unit == cand.unit and re.fullmatch(
                r"(?:其中)?(?:就|已|共|还|也|都|仅|只)?有", self._without_places(text[clause:start], places)) \
                and re.fullmatch(r"[^，,；;。：:]*[，,]", text[previous[-1][0].end:clause]):
            obj = previous[-1][1].get("object")  # 全国9个小麦亩产千斤县，焦作就有4个: some of them
        if obj is None and direction is None and level and tokens and any(
                t[0] == clause + level.start() and t[2] in ("由", "从") for t in tokens):
            # 所占的比重，由23%上升到39.2%; 价格下降了约4%，从每桶19.25美元降为: a level started
            # from measures what the sentence spoke of last.
            if previous and re.fullmatch(r"[^，,；;。]*[，,]?", text[previous[-1][0].end:clause]):
                obj = previous[-1][1].get("object")
            if obj is None:
                topic = re.search(r"的?([^\W\d_的]{2,8})[，,]$", text[:clause])
                if topic and not any(tokens and t[0] >= topic.start(1) and t[1] <= topic.end(1)
                                     and t[2] in self.verbs for t in tokens or ()):
                    obj = topic.group(1)
                elif clause >= 2 and text[clause - 1] in "，," and not (
                        previous and previous[-1][0].end > self._clause_start(text, clause - 1)
                        and previous[-1][0].kind != "duration"):
                    # 印尼盾连连暴跌，5天内竟从5000盾兑1美元: what the clause before spoke of
                    subject = self._clause_subject(text, self._clause_start(text, clause - 1), clause - 1, tokens)
                    obj = subject[1] if subject else None
        if obj is None and direction and previous and previous[-1][0].unit == cand.unit \
                and re.fullmatch(r"[、和或及与]", text[previous[-1][0].end:start]) and "分别" not in text[clause:start]:
            obj = previous[-1][1].get("object")  # 约3.5%或3.5%以上: the same thing (not 分别 A和B)
        if obj is None and direction and self.change_word_re.fullmatch(text[clause:start]) and clause >= 2 \
                and text[clause - 1] in "，," and not (previous and previous[-1][0].end > self._clause_start(text, clause - 1)):
            tail, placed = [], False  # 其次是阿根廷布宜诺斯艾利斯股市，下跌3.24%: the noun the clause before ends with
            for t_start, t_end, word in reversed(tokens or ()):
                if t_end > clause - 1:
                    continue
                place = bool(places and word in places)
                if (tail and t_end != tail[0][0]) or not re.fullmatch(r"[\u4e00-\u9fff]+", word) \
                        or word in self.verbs or word in self.not_actions or word in self.prepositions \
                        or word == "的" or (place and (placed or not tail)) or t_end - t_start + sum(
                            e - s for s, e in tail) > 10:
                    break
                placed = placed or place
                tail.insert(0, (t_start, t_end))
            noun = text[tail[0][0]:tail[-1][1]] if tail and tail[-1][1] == clause - 1 else ""
            if len(noun) >= 2:
                obj = noun
        if obj is None and direction and previous:
            obj = self._changed_object(text, cand, clause, previous)
        if obj is None and previous and not direction and (previous[-1][0].unit == cand.unit or (
                previous[-1][0].kind == cand.kind == "money"
                and re.fullmatch(r"(?:[（(][^（()）]{0,20}[）)])?[、和]", text[previous[-1][0].end:start]))):
            # 送考下乡考试点19家，已完成新增6家: the same things counted again; 收缴赃款500多万元
            # 人民币（含存单…）、4万多美元: the same booty in another currency
            gap = re.sub(r"[（(][^（()）]{0,20}[）)]", "", text[previous[-1][0].end:start])
            inherited = previous[-1][1].get("object") or ""
            if (len(gap) <= 8 and re.search(r"[，,、和及与或]", gap) and not re.search(r"[；;。]", gap)
                    and inherited and not re.search(r"(?:^[和与及])|[和与及中也或]$", inherited)):
                obj = inherited
        if obj is None and action and tokens and cand.kind == "count" and action_end == start and len(action) >= 2:
            obj = self._earlier_object(text, action[:2], clause, tokens)  # 繁殖华南虎…，共繁殖38只
            prior = next((t[2] for t in tokens if t[1] == start - len(action) and t[2] in self.verbs), None)
            if obj is None and prior:
                obj = self._earlier_object(text, prior, clause, tokens)  # …就繁殖成活10只
        if restated:
            obj = restated
        if obj is None and direction is None and previous and previous[-1][0].unit == cand.unit \
                and self.base_re.match(text[clause:start]) and not re.search(r"[；;。]", text[previous[-1][0].end:start]):
            obj = previous[-1][1].get("object")  # 仅为1996亿美元，比1996年创纪录的2952亿美元: the same thing
        if obj is None and tokens and re.fullmatch(r"(?:为|是|达|计|共计|共|总共有|共有)", text[clause:start]) \
                and clause >= 2 and text[clause - 1] in "，,":
            opened = self._clause_start(text, clause - 1)
            if not previous or previous[-1][0].end <= opened:  # 节约财政支出7.1%，达70多万元: a restatement
                subject = self._clause_subject(text, opened, clause - 1, tokens)  # …首位，为106.5万人次
                if subject:
                    obj = subject[1]
                    if subject[0] in self.permission_verbs:
                        action = action or subject[0]  # 批准出国旅游人员…，为106.5万人次 -> 批准
        source = re.search(r"从([^，,；;、从]{2,12}?)中[\u4e00-\u9fff]{1,3}$", text[left:start])
        if source and cand.kind == "percent" and (obj is None or obj not in source.group(1)):
            obj = source.group(1)  # 从个人所得税中提取10%: a share of that source
        if obj is None and action and tokens and cand.kind not in ("percent", "duration"):
            obj = self._relative_noun_after(text, cand, tokens)  # 处理了50多件有影响的案件
        if follow_noun and action and (obj is None or action in obj):
            obj = follow_noun  # 对6个大中型企业实施了兼并 -> 大中型企业
        if obj and action in self.transfer_verbs and self.organ_end_re.search(obj):
            obj = None  # 移送司法机关13人: where they went, not what is counted
        if obj and action and (obj in action or (obj.startswith(action) and "的" not in obj)):
            obj = None  # 有9640人死于交通事故, 出动灭火14万余起: the act, not what is counted
        if subject_verb:
            verb, at = subject_verb
            copula = self.subject_copula_re.search(text, clause, start)
            if verb in self.permission_verbs:  # 批准赴国外旅游为38.8万人次 -> 赴国外旅游
                obj = text[at + len(verb):copula.start()].translate(_NO_QUOTES) or None
            elif text[at + len(verb):at + len(verb) + 1] == "的":  # 没收的存款额为 -> 存款额
                obj = text[at + len(verb) + 1:copula.start()].translate(_NO_QUOTES) or None
            elif "的" in text[at + len(verb):copula.start()]:  # 受到党纪政纪处分的有260人
                obj = text[at + len(verb):text.rfind("的", at, copula.start())].translate(_NO_QUOTES) or None
            else:  # 全省粮食入库达 -> 全省粮食
                obj = self._object(text, cand, text[clause:at], None, None, places, after=False)
        obj = self._tidy_object(obj, text, cand, previous, direction)
        if obj and tokens and self._ends_in_predicate(text, obj, clause, start, tokens):
            # 花4000多元就能, 南非前总统博塔将因3次, 便省了7.1%: a predicate, not a noun phrase
            obj = self._noun_after(text, end, tokens) if cand.kind not in ("percent", "duration") else None
        if obj and action and len(obj) > len(action) + 1 and obj.endswith(action):
            obj = obj[: -len(action)]  # 近500名平民死亡: the verb after the noun is no part of it
        if cand.kind not in ("money", "percent", "duration") and modifier and self._names_kind(modifier.group(1)) \
                and not (tokens and any(end <= t[0] < end + len(modifier.group(1)) and t[2] in self.verbs
                                        for t in tokens)):
            obj = modifier.group(1).rstrip("等")  # 完成了湛江50万吨浆厂等6个项目: the plant is what is measured
        elif obj and cand.kind == "money" and modifier and obj == modifier.group(1) \
                and self._names_kind(modifier.group(1)):
            # 500万元利税企业4家: the sum measures 利税, the enterprises are what is counted
            obj = self.kind_head_re.sub("", obj) or obj
        if obj and cand.kind == "length" and re.search(r"位于|距离|距", obj):
            obj = None  # 西村位于翼城县城东北20公里: a distance, nothing measured
        if obj and cand.kind == "duration" and re.match(r"(?:来|以来|间|里)", text[end:]):
            obj = None  # 全国公安边防部门5年来共破获…: a window, nothing measured
        if obj and tokens and action and action_end is not None and action_end + len(obj) == start \
                and text.startswith(obj, action_end) and (action_end, start, obj) in tokens \
                and obj in self.verbs and obj not in self.not_actions and not self.actions_re.fullmatch(obj) \
                and action not in self.permission_verbs and len(action) == len(obj) == 2:
            action, obj = action + obj, None  # 出动灭火14万余起: one act, as the guideline keeps it
        if obj and obj.endswith("缓期") and text.startswith("执行", end):
            obj += "执行"  # 死刑缓期2年执行 -> 死刑缓期执行
        elif obj and len(obj) > 2 and obj.endswith("外") and "除" in text[clause:start]:
            obj = obj[:-1]  # 除宣布关闭16家…私人商业银行外
        return dict(action=action, object=obj, change_direction=direction, change_basis=basis)

    def _tidy_object(self, obj: str | None, text: str, cand: _Candidate,
                     previous: list[tuple[_Candidate, dict]], direction: str | None) -> str | None:
        """Return the object without the words around a noun phrase that are not part of it.

        现金和|151万元支票, 预定目标稍|有差距, 食盐各|5吨: a conjunction or adverb ends nothing;
        有效票占94.99% -> 有效票, 约占其日常资金总需求 -> 占日常资金总需求 (a share names what it
        is of), 综合市场20917个、占67.8% -> 综合市场; 比前年的4350亿美元 -> the object of the
        figure it is compared with.
        """
        listed = self._listed_object(text, cand, previous)
        if listed:
            return listed
        if not obj:
            return obj
        stripped = self.object_lead_re.sub("", obj)
        if not stripped and re.fullmatch(r"(?:到|至)(?:今日|今天|目前)|至今|目前|如今|现在", obj):
            return None  # 到今日已有90余万人参加: a time, no object
        obj = stripped or obj
        obj = re.sub(r"^一[个盒只张件块瓶袋斤双套台辆]", "", obj) or obj  # 一盒奶旧币5200卢布 -> 奶
        if obj.endswith("中") and len(obj) >= 3 and text[:cand.start].endswith(obj):
            obj = obj[:-1]  # 访问者中60%以上 -> 访问者
        trimmed = self.object_trail_re.sub("", obj)
        if len(trimmed) >= 2:
            obj = trimmed
        share = self.share_re.search(obj)
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
        if obj and direction is None and self.base_re.match(obj) and previous:
            between = text[previous[-1][0].end:cand.start]
            if not re.search(r"[；;。]", between):
                obj = previous[-1][1].get("object")  # 收入达4482亿美元，比前年的4350亿美元
        return obj or None

    def _relative_noun_after(self, text: str, cand: _Candidate, tokens) -> str | None:
        """Return the noun a relative clause after a governed figure ends in.

        直接处理了50多件有影响的案件 -> 案件, 添置了20台设置奔腾处理器的电脑 -> 电脑: the clause
        after the measure word ends in 的 + a noun with no verb of its own.
        """
        phrase = re.match(r"[^，,；;。：:（()）!！?？]{0,40}", text[cand.end:]).group(0)
        if "的" not in phrase or re.search(r"[\d０-９]", phrase.rsplit("的", 1)[0]):
            return None
        noun = re.sub(r"^[\dA-Za-z]+", "", phrase.rsplit("的", 1)[1].translate(_NO_QUOTES))  # 的586电脑
        if re.match(r"[一两二三四五六七八九十几]+[个位名家座条项件]", noun):
            return None  # 还赚了20万元的一位北京老知青: whose, not what is counted
        if not 2 <= len(noun) <= 8 or cand.end + len(phrase) not in {t[1] for t in tokens}:
            return None
        noun_start = cand.end + len(phrase) - len(noun)
        if any(noun_start <= t[0] < cand.end + len(phrase) and (
                t[2] in self.verbs or t[2] in self.not_actions or t[2] in self.prepositions)
               and t[2] not in self.ambiguous_verbs for t in tokens):
            return None
        return noun

    def _listed_object(self, text: str, cand: _Candidate,
                       previous: list[tuple[_Candidate, dict]]) -> str | None:
        """Return the k-th thing of a list the k-th figure after 分别 measures.

        旅客、货物和交通工具分别占全国的80%、33%和90% -> 旅客, 货物, 交通工具; 鸡、猪的饲养量分别达到
        200万只和30万头 -> 鸡饲养量, 猪饲养量 (a head after 的 is shared).
        """
        clause = self._clause_start(text, cand.start)
        found = self.respectively_re.search(text, clause, cand.start)
        if not found:
            return None
        k = sum(1 for other, _ in previous if found.end() <= other.start and other.end <= cand.start)
        head_text = self.copula_tail_re.sub("", found.group("list"))
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
        item = items[k].rsplit("的", 1)[-1].translate(_NO_QUOTES)
        if not item or len(item) > 10 or not all(i.rsplit("的", 1)[-1] for i in items):
            return None
        return item + shared

    def _subject_verb(self, text: str, clause: int, start: int, tokens) -> tuple[str, int] | None:
        """Return (verb, its start) of a subject that names an act, before the copula of a figure.

        没收的存款额为200万加元 -> 没收, 在外乡从事劳动的为2735万人 -> 从事劳动 (a verb and its
        noun before 的), 全省粮食入库达77亿公斤 -> 入库; not a verb also used as a noun
        (机场建设的投资达, 旅游创汇达) and not a copula of a rate (合格率为).
        """
        head = text[clause:start]
        copula = self.subject_copula_re.search(head)
        if not copula:
            return None
        words = [t for t in tokens if clause <= t[0] and t[1] <= clause + copula.start()]
        if not words:
            return None

        def plain_verb(word: str) -> bool:
            return (word in self.verbs and word not in self.ambiguous_verbs
                    and word not in self.not_actions and word not in self.prepositions
                    and word not in self.modifier_verbs and word not in self.adverbial_verbs
                    and not self.change_word_re.fullmatch(word))

        last = words[-1]
        permit = next((t for t in words if t[2] in self.permission_verbs), None)
        if permit and not any(t[2] == "的" for t in words):
            return permit[2], permit[0]  # 其中批准赴国外旅游为38.8万人次: the permission counted
        of = max((i for i, t in enumerate(words) if t[2] == "的"), default=None)
        if of is not None and of >= 1:
            if any(t[2] in self.verbs or t[2] in self.not_actions for t in words[of + 1:]) \
                    or len(words) - of > 4:
                return None  # 的 inside the subject, then a predicate of its own
            before = words[of - 1]
            if of >= 2 and words[of - 2][2] in ("被", "所被", "遭"):
                return None  # 被遗忘的存款总额
            if copula.group(0).endswith("有"):  # 受到党纪政纪处分的有260人: the verb and its noun
                heads = [i for i in range(of - 1) if plain_verb(words[i][2]) and not any(
                    w[2] in self.verbs and w[2] not in self.ambiguous_verbs for w in words[i + 1:of - 1])]
                if heads:
                    return words[heads[-1]][2], words[heads[-1]][0]
            if plain_verb(before[2]):
                return before[2], before[0]
            if of >= 2 and (plain_verb(words[of - 2][2]) or (
                    words[of - 2][2] in self.ambiguous_verbs and self._plain_verb(words[of - 2][2]))) \
                    and len(before[2]) <= 2 and words[of - 2][1] == before[0] \
                    and (before[2] not in self.verbs or before[2] in self.ambiguous_verbs):
                return words[of - 2][2] + before[2], words[of - 2][0]  # 从事劳动的
            return None
        if plain_verb(last[2]) and len(words) >= 2 and last[2] not in self.light_verbs:
            return last[2], last[0]  # 粮食入库达
        return None

    def _with_complement(self, word: str) -> bool:
        """Return True for a verb written with its complement (撒开, 搬掉, 评选出)."""
        base = word[:-1]
        return (len(word) >= 2 and word[-1] in _RESULT_COMPLEMENTS and base in self.verbs
                and base not in self.not_actions and base not in self.prepositions
                and not self.change_word_re.fullmatch(base))

    def _plain_verb(self, word: str) -> bool:
        """A general verb that can govern: not a copula, preposition, change or modifier word."""
        if word not in self.verbs:
            if not self._with_complement(word):  # 搬掉, 评选出: a verb with its complement
                return False
            word = word[:-1]
        return (word not in self.not_actions and word not in self.prepositions
                and word not in self.modifier_verbs and word not in self.adverbial_verbs
                and not self.change_word_re.fullmatch(word))

    def _relative_verb(self, text: str, left: int, start: int, tokens) -> tuple[str, int, str | None] | None:
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
        while words and words[-1][0] > at and words[-1][2] in _LINKS:
            words.pop()  # 开发的新产品在1100种以上, 治理的面积就达4.45万平方公里: a copula
            linked = True
        index = next((i for i, t in enumerate(words) if t[0] == at and t[2] == "的"), None)
        if index is None or index == 0:
            return None
        if any(t[2] in self.verbs or t[2] in self.not_actions or t[2] in self.prepositions
               for t in words[index + 1:]):
            return None  # 的 then a predicate of its own: not a noun before the figure
        first = last = index - 1
        if last >= 1 and words[last][2] in _RESULT_COMPLEMENTS and words[last - 1][1] == words[last][0] \
                and len(words[last - 1][2]) >= 2 and self._plain_verb(words[last - 1][2]):
            first = last = last - 1  # 这次评选出的优秀提案共36件 -> 评选
        having = next((i for i in range(last, max(last - 3, -1), -1) if words[i][2] in ("有", "具有")), None)
        if having and not any(self._plain_verb(w[2]) for w in words[having + 1:index]) \
                and having >= 1 and self._plain_verb(words[having - 1][2]):
            return words[having - 1][2], words[having - 1][1], None  # 选择有影响的18种报刊 -> 选择
        if not self._plain_verb(words[last][2]) or (last > 0 and words[last - 1][2] == "为"):
            return None  # 以军营、学校为依托的20多个基地: a frame, not the act
        if linked and last > 0 and words[last - 1][2] in ("被", "遭", "所被"):
            return None  # 被遗忘的存款总额高达1.495亿加元: what befell the subject
        while first > 0 and words[first - 1][1] == words[first][0] and len(words[first - 1][2]) >= 2 \
                and self._plain_verb(words[first - 1][2]) and words[first - 1][2] not in self.pivot_verbs:
            first -= 1
        outer = first - 1  # 获得邮电部颁发的6张, 给予党政纪处分的252人: the verb outside governs
        while outer >= 0 and re.fullmatch(r"[\u4e00-\u9fff]+", words[outer][2]) and words[outer][2] != "的" \
                and words[outer][2] not in self.verbs and words[outer][2] not in self.not_actions \
                and words[outer][2] not in self.prepositions and words[outer][2] not in ("被", "遭", "所"):
            outer -= 1
        noun = text[at + 1:words[-1][1]].translate(_NO_QUOTES) if linked and words[-1][0] > at else None
        if 0 <= outer < first - 1 and self._plain_verb(words[outer][2]) \
                and words[outer][2] not in self.ambiguous_verbs and words[outer][2] not in self.pivot_verbs:
            return words[outer][2], words[outer][1], noun
        return text[words[first][0]:words[last][1]], words[last][1], noun

    def _in_phrase(self, text: str, clause: int, start: int, tokens) -> int | None:
        """Return where a preposition of ``phrase_prepositions`` opens a phrase that holds
        the figure, with no verb between them (为全区3000户, 对辖区的其它8个), else None."""
        for t_start, t_end, word in reversed(tokens):
            if t_start < clause or t_end > start:
                continue
            if word in self.phrase_prepositions:
                return t_start
            if word in self.verbs or word in self.not_actions or word in self.prepositions \
                    or re.search(r"[，,；;：:]", word):
                return None
        return None

    def _clause_subject(self, text: str, begin: int, end: int, tokens) -> tuple[str | None, str] | None:
        """Return (leading verb, noun) a clause opens with, after a time word:
        1997年，批准出国旅游人员仍居…首位，|为106.5万人次 -> (批准, 出国旅游人员)."""
        words = [t for t in tokens if begin <= t[0] and t[1] <= end]
        while words and (_TIME_WORD.fullmatch(words[0][2]) or re.fullmatch(r"\d{4}年", words[0][2])):
            words.pop(0)
        verb = None
        if words and self._plain_verb(words[0][2]) and words[0][2] not in self.ambiguous_verbs:
            verb = words.pop(0)[2]
        noun = []
        for t_start, t_end, word in words:
            if word == "的" and noun and t_start == noun[-1][1]:
                noun = []  # 美国的企业兼并案: the head after 的
                continue
            if (noun and t_start != noun[-1][1] and text[noun[-1][1]:t_start] != "的") \
                    or not re.fullmatch(r"[\u4e00-\u9fff]+", word) \
                    or word == "的" or word in self.not_actions or word in self.prepositions \
                    or word in _SUBJECT_ADVERBS or word.startswith(("最", "仍")) \
                    or (word in self.verbs and word not in self.ambiguous_verbs):
                break
            noun.append((t_start, t_end))
        found = text[noun[0][0]:noun[-1][1]] if noun else ""
        if verb and verb not in self.permission_verbs and noun:
            following = next((w for w in words if w[0] == noun[-1][1]), None)
            if following and self._plain_verb(following[2]) and following[2] not in self.ambiguous_verbs:
                return None  # 发动村干部参与巡逻，共5支: whom the verb set to act, not what is counted
        return (verb, found) if 2 <= len(found) <= 10 else None

    def _earlier_object(self, text: str, verb: str, clause: int, tokens) -> str | None:
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
                        or not re.fullmatch(r"[\u4e00-\u9fff]+", word) or word in self.verbs
                        or word in self.not_actions or word in self.prepositions or word in _NOT_NOUNS
                        or word in ("的", "了", "着", "过") or re.fullmatch(r"[零〇一二两三四五六七八九十百千万亿]+", word)):
                    break
                words.append((t_start, t_end))
            noun = text[words[0][0]:words[-1][1]] if words else ""
            if len(noun) >= 2:
                return noun
        return None

    def _subject_after(self, text: str, begin: int, tokens) -> str | None:
        """Return the bare noun at ``begin`` that is the subject of a predicate after it
        (80%以上的|连队|先后成为, 63%的|电子邮件|表达了), not a rate or a time (以36%的幅度发展)."""
        last = begin
        for t_start, t_end, word in tokens:
            if t_start < begin:
                continue
            if t_start != last:
                return None
            if word in self.verbs or word in self.not_actions or word in _SUBJECT_ADVERBS \
                    or (word in self.prepositions and t_start > begin):
                noun = text[begin:last]  # 80%的发菜从这里销往全国: a predicate after the noun
                return noun if 1 <= len(noun) <= 8 and not _RATE_NOUN.search(noun) else None
            if not re.fullmatch(r"[\u4e00-\u9fff、和]+", word) or word in ("的", "之", "中") \
                    or word in self.prepositions:
                return None
            last = t_end
        return None

    def _noun_after(self, text: str, end: int, tokens) -> str | None:
        """Return the bare noun right after the measure word, up to the first verb, particle,
        adverb or time word: 8个单位也进行了 -> 单位, 10个部门、行业， -> 部门、行业."""
        last = end
        for t_start, t_end, word in tokens:
            if t_start < end:
                continue
            if t_start != last or not re.fullmatch(r"[\u4e00-\u9fff、]+", word) \
                    or self.noun_stop_re.fullmatch(word) or word in self.not_actions \
                    or self.after_stop_re.fullmatch(word) or self.change_word_re.fullmatch(word) \
                    or word in self.prepositions or word in self.verbs:
                break
            last = t_end
        noun = re.sub(r"(?:之一|每人|人均|各自)$", "", re.split(r"[和及与或]", text[end:last])[0]).rstrip("、")
        return noun if 1 <= len(noun) <= 12 else None

    def _verb_after_phrase(self, text: str, clause: int, start: int, end: int, tokens) -> str | None:
        """Return the verb after a prepositional phrase that holds the figure: 在14个省设立…,
        为全省8011户贫困军属建立…, 同100所医院建立… (no verb between the preposition and the
        figure; the first plain verb after the phrase's noun, in the clause)."""
        if self._in_phrase(text, clause, start, tokens) is None or re.search(r"(?:这|那|该|此)$", text[clause:start]):
            return None  # 在这50个市场中建立: the things already counted
        for t_start, t_end, word in tokens:
            if t_start < end:
                continue
            if t_start - end > 20 or re.search(r"[，,；;。：:！？!?（(）)]", word) \
                    or word in self.prepositions or word in self.not_actions or word == "的":
                return None  # 与4个国家的有关部门签订: the figure counts a possessor
            if self._plain_verb(word) and word not in self.ambiguous_verbs:
                return word
            if word in self.verbs:
                return None
        return None

    def _in_level_phrase(self, text: str, clause: int, start: int, tokens) -> bool:
        """Return True when 由/从 opens a phrase holding the figure, with no verb between."""
        for t_start, t_end, word in reversed(tokens or ()):
            if t_start < clause or t_end > start:
                continue
            if word in ("由", "从"):
                return True
            if word in self.verbs or word in self.not_actions:
                return False
        return False

    @staticmethod
    def _is_from_word(position: int, starts: set[int] | None, tokens) -> bool:
        """Return True when 由/从/自 at ``position`` is the preposition (由原来的, 自年至), not the
        start of a word (从业人员, 自主)."""
        if starts is None or tokens is None:
            return True
        word = next((t[2] for t in tokens if t[0] == position), None)
        return word is not None and (len(word) == 1 or bool(re.fullmatch(r"[自从由][年月今去本上]", word)))

    def _ends_in_predicate(self, text: str, obj: str, clause: int, start: int, tokens) -> bool:
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
        return bool(self.predicate_end_re.fullmatch(word)) or word in self.prepositions

    @staticmethod
    def _without_places(text: str, places: set[str] | None) -> str:
        """Return ``text`` without the place names in it (江苏省南京市5家企业 -> 5家企业)."""
        for place in sorted(places or (), key=len, reverse=True):
            text = text.replace(place, "")
        return text

    def _names_kind(self, between: str) -> bool:
        """Return True when ``between`` is the bare noun a figure names the kind of, counted by
        the next figure: 50万吨|浆厂等|6个, 500万元|利税企业|4家, 超50亿元|的企业集团|2家."""
        between = re.sub(r"^的", "", between)  # 超50亿元|的企业集团|2家
        return bool(re.fullmatch(r"[\u4e00-\u9fff]{2,6}?等?", between)
                    and not re.search(r"[的和及与、或就把将在对从向为被能会可才也都]", between)
                    and not self.actions_re.search(between))

    def _verb_after(self, text: str, end: int, tokens) -> str | None:
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
            if (word in self.verbs and word not in self.not_actions
                    and (word not in self.ambiguous_verbs or (last and len(word) >= 2))
                    and not self.change_word_re.fullmatch(word)):
                return word
        return None

    def _changed_object(self, text: str, cand: _Candidate, clause: int,
                        previous: list[tuple[_Candidate, dict]]) -> str | None:
        """Return the object of the level a change figure refers to.

        来华旅游人数达5236万人次，国际旅游收入达110.8亿美元，分别较上年同期增长12.3%和18.7%:
        12.3% is the change of 来华旅游人数, 18.7% of 国际旅游收入; without 分别, the last level.
        """
        # 出口1827亿美元，增长20.9%: a noun-like action of the level names what changed.
        levels = [dict(f, object=f.get("object") or f.get("action")) for _, f in previous
                  if not f.get("change_direction") and (
                      f.get("object") or f.get("action") in self.ambiguous_verbs)]
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

    def _change(self, text: str, cand: _Candidate, clause: int, left: int,
                previous: list[tuple[_Candidate, dict]]) -> tuple[str | None, str | None]:
        """Return (direction, basis) of a figure that states a change.

        同比下降21% -> down yoy; 比上年增长28.6%，增收7.9亿元 -> up yoy for both; 增长12.3%和18.7%
        -> the second shares the first's; 降到20% / 跌至1.1万盾 -> a level, no change; a growth
        rate (增长速度降为17.1%) is up.
        """
        head = text[clause:cand.start]
        direction = None
        found = self.direction_re.search(head)
        if found:
            word = found.group("dir")
            tail = found.group("tail") or ""
            comparative = len(word) == 1 and word in "高低多少快慢"
            if not re.fullmatch(r"了?(?:到|至|为)", tail) and not (
                    comparative and (not re.search(r"比|较", head) or tail.endswith("达"))):
                direction = "up" if self.up_re.fullmatch(word) else "down"
        if direction is None and cand.kind != "percent":
            # 增产小麦107.52亿公斤, 增加农民收入600万元: a change with its object in between.
            near = self.direction_object_re.search(head)
            if near:
                direction = "up" if self.up_re.fullmatch(near.group("dir")) else "down"
        gap = text[left:cand.start] if left > clause else None
        if direction is None and gap is not None and previous and re.fullmatch(r"[和、及与或]", gap):
            _, last = previous[-1]
            return last.get("change_direction"), last.get("change_basis")
        if direction is None and cand.kind == "percent" and (
                self.growth_re.search(head) or self.growth_re.match(text, cand.end)
                or re.match(r"的?(?:增长|增幅|增速|递增)", text[cand.end:cand.end + 4])):
            if not found or not self.down_re.fullmatch(found.group("dir")):
                direction = "up"  # 增长速度降为17.1%: a growth rate
        if direction is None:
            return None, None
        for name, pattern in self.basis:
            if pattern.search(head):
                return direction, name
        for other, fields in reversed(previous):  # 比上年增长28.6%，增收7.9亿元
            if fields.get("change_basis") and other.end <= cand.start:
                return direction, fields["change_basis"]
        return direction, None

    def _action(self, text: str, verbs: list[re.Match], left: int, start: int,
                tokens: list[tuple[int, int, str]] | None = None):
        """Return (verb, its end) governing a figure in text[left:start], as written.

        A one-character verb keeps its complement (送来, 拨出, 调高); coordinated verbs stay
        together (停建、缓建; 索要和接收; 立案调查).
        """
        verb, end = self._find_action(text, verbs, left, start, tokens)
        if verb is None or end is None:
            return verb, end
        begin = end - len(verb)
        if len(verb) == 1 and end < start and text[end] in _COMPLEMENTS:
            end += 1
        words = {t[0]: t for t in tokens or ()}
        while end < start:
            sep = text[end] if text[end] in "、和及与或" else ""
            nxt = end + len(sep)
            lexical = self.actions_re.match(text, nxt)
            token = words.get(nxt)
            second = None
            if lexical and lexical.end() <= start and lexical.group(0) not in self.modifier_verbs \
                    and not self.noun_after_re.match(text, lexical.end()) \
                    and (sep or lexical.group(0) not in self.ambiguous_verbs):  # 节省投资: a noun
                second = lexical.end()
            elif sep and token and token[2] in self.verbs and token[2] not in self.not_actions \
                    and token[1] <= start and not self.change_word_re.fullmatch(token[2]):
                second = token[1]
            elif token and token[1] < start and len(token[2]) == 2 == len(text[begin:end]) and (
                    (sep and token[2][-1] == text[end - 1] and token[2] not in self.not_actions)
                    or (not sep and self._plain_verb(token[2]) and token[2] in self.ambiguous_verbs
                        and text[begin:end] in self.ambiguous_verbs)):
                # 停建、缓建项目189个: parallel verbs; 审查审批项目25项, 生产销售汽车: two verbs
                # that are also nouns, side by side, are one act (实现销售收入 is not)
                second = token[1]
            if second is None or text[second:second + 1] == "的":
                break
            end = second
        return text[begin:end], end

    def _find_action(self, text: str, verbs: list[re.Match], left: int, start: int,
                     tokens: list[tuple[int, int, str]] | None = None):
        """Return (verb, its end) governing a figure in text[left:start].

        First the lexicon's actions (the verbs of police and court reports), taking the first
        of the stretch: 打掉涉黑涉恶组织35个 -> 打掉; a pivot verb hands over to the next one
        (帮助群众解决困难11件 -> 解决). Failing that, the nearest pkuseg word in the general
        verb list (data/metric_verbs.json, from the POS tags of People's Daily 1998), where a
        verb that is also a noun (生产) yields to an earlier one. A verb glued to a noun ending
        (回复率) or inside quotation marks (“带牌销售”) is part of a name.
        """
        def usable(v_start: int, v_end: int, word: str) -> bool:
            return (left <= v_start and v_end <= start
                    and not self.noun_after_re.match(text, v_end)
                    and not (word in self.ambiguous_verbs and self.noun_after_ambiguous_re.match(text, v_end))
                    and not (word in self.ambiguous_verbs and text[v_start - 1:v_start] == "总")  # 总投资
                    and not self.noun_compound_re.match(text, v_start)
                    and (word in self.change_actions or not self.change_word_re.fullmatch(word))
                    and not _inside_quotes(text, v_start))

        starts = {t[0] for t in tokens} if tokens else None
        ends = {t[1] for t in tokens} | {start} if tokens else None
        if starts is not None:  # 直接处理 holds no 接处, 调查处理 no 查处: whole words only
            verbs = [v for v in verbs if v.start() in starts and v.end() in ends]

        def in_subject(v_end: int) -> bool:
            if re.search(r"(?:率|比重|比例)[^，,；;]{0,5}?(?:达到|达|为|是)", text[v_end:start]):
                return True  # 冬季温室生产鲜菜自给率平均已达20%
            # 进口产品抽样合格率为10%, 彩电销售已占到1/3: a predicate between the verb and
            # the figure makes the verb part of the subject.
            for found in self.predicate_re.finditer(text, v_end + 1, start):
                if _inside_quotes(text, found.start()):
                    continue  # 推出“我为群众办实事”措施: a name
                if (starts is not None and found.start() in starts and found.end() in ends) or \
                        (starts is None and len(found.group(0)) > 1):
                    return True
            return False

        found = [v for v in verbs if usable(v.start(), v.end(), v.group(0)) and not in_subject(v.end())]
        general_starts = [t[0] for t in tokens or [] if t[2] in self.verbs
                          and t[2] not in self.not_actions and t[2] not in self.ambiguous_verbs
                          and usable(*t)]
        kept = []
        for verb in found:
            if verb.group(0) in self.ambiguous_verbs:
                gap = text[verb.end():start]
                if gap and (self.copula_only_re.fullmatch(gap) or gap in ("只有", "仅有", "仅为")):
                    continue  # 投资已达2亿元, 投资只有110多亿元: the noun 投资, not the verb
                if gap.startswith("的") and self.subject_copula_re.search(gap) and \
                        len(gap) <= 12 and not re.search(r"[，,、]", gap):
                    continue  # 机场建设的投资达1000亿元: a noun again
                if 2 <= len(gap) <= 14 and not re.search(r"[，,、]", gap) and gap.endswith("的") \
                        and re.match(r"[^，,。；;]{0,8}?[%％]", text[start:]) and not re.search(r"[\d%]", gap):
                    continue  # 对美出口贸易的43%: a share of the trade, not an act
                if any(g < verb.start() and "的" not in text[g:verb.start()] for g in general_starts):
                    continue  # 实现销售收入1.3亿元: 实现 governs
                if any(other.start() > verb.end() and other.group(0) not in self.ambiguous_verbs
                       for other in found):
                    continue  # 住房建设共完成投资413亿元: 建设 names the subject
            kept.append(verb)
        found = kept
        for i, verb in enumerate(found):
            if i + 1 < len(found) and (verb.group(0) in self.pivot_verbs or self.new_predicate_re.search(
                    text, verb.end(), found[i + 1].start())):
                continue  # 发动村干部……等与民警、辅警组建5支: the verb of the last predicate
            if i + 1 < len(found) and "的" in text[verb.end():found[i + 1].start()] and \
                    not re.search(r"[、，,]", text[verb.end():found[i + 1].start()]):
                continue  # 用于购买飞机的资金投入1100亿元: a verb inside a relative clause
            if verb.group(0) in self.pivot_verbs and i + 1 == len(found) and general_starts:
                later = [t for t in tokens or () if t[0] in general_starts and t[0] >= verb.end() + 2
                         and not re.search(r"[的、\d一二两三四五六七八九十]", text[verb.end():start])]
                if later:  # 组织各军分区和人武部干部走遍全省118个县: the pivot hands over
                    return later[-1][2], later[-1][1]
            return verb.group(0), verb.end()
        if tokens is None:
            return None, None
        # A general verb must govern the figure directly: not a copula (达, 占, 共有) and not
        # inside a relative clause (没收存款不足100加元的……).
        # ……人数达5236万人次, 项目投资就逾7000万美元: a gap ending in a copula makes the
        # word part of the subject.
        general = [t for t in tokens if t[1] <= start and t[2] in self.verbs and t[2] not in self.not_actions
                   and "的" not in text[t[1]:start]
                   and text[t[1]:start] not in ("只有", "仅有", "仅为")  # 用于机场建设的投资只有110多亿元
                   and not (text[t[1]:start] and self.copula_one_re.search(text[t[1]:start])
                            and not re.search(r"(?:总计|共计|合计|累计)$", text[t[1]:start])
                            and not (t[2] in self.light_verbs and len(t[2]) == 2  # 实现工商税利达到900亿元
                                     and re.fullmatch(r"[^，,的]{1,6}?(?:已经|已|就|共)?(?:达到|达|超过|超)?",
                                                      text[t[1]:start]))
                            and not (text[t[1]:start] == "为" and t[2] not in self.ambiguous_verbs
                                     and t[2] not in self.light_verbs))  # 分立为27个子公司
                   and usable(*t) and not in_subject(t[1])]
        for i in range(len(general) - 1, -1, -1):
            word = general[i][2]
            adverbial = i > 0 and general[i - 1][1] == general[i][0] and general[i - 1][2] in self.adverbial_verbs
            if i > 0 and (word in self.ambiguous_verbs or word in self.modifier_verbs) and not adverbial:
                continue  # 优先安排军属就业: 优先 modifies the verb, which governs
            permit = next((g for g in general[:i] if g[2] in self.permission_verbs
                           and not re.search(r"[，,；;：:、]", text[g[1]:general[i][0]])), None)
            if permit:  # 批准内地居民赴香港定居近5万人: the permission is the act counted
                return permit[2], permit[1]
            return word, general[i][1]
        return None, None

    def _object(self, text: str, cand: _Candidate, before: str,
                previous: list[tuple[_Candidate, dict]] | None = None,
                starts: set[int] | None = None, places: set[str] | None = None,
                after: bool = True, tokens=None, persons: set[str] | None = None) -> str | None:
        before_start = cand.start - len(before)
        before = re.sub(r"[（(][^（()）]{0,22}[）)]$", "", before)  # 火灾（不含森林、草原火灾）
        # The base of an exchange rate: 汇率为1美元合8.09元, 从5000盾兑1美元跌至1.1万盾
        before = self.rate_base_tail_re.sub("", self.rate_base_head_re.sub("", before))
        before = re.sub(r"(?:\d{4}年|今年|去年|明年)(?:底|初|末)?的?$", "", before)
        reached = re.search(r"(?:到|至|为)(?:接近|约)?(?:[^，,的]{0,10}的)?$", before)
        if previous and reached and self.change_word_re.search(before):
            own = self.change_word_re.search(before[: reached.start()])
            head = re.sub(r"(?:由|从).*$", "", before[: own.start()] if own else "")
            head = re.sub(r"\d{4}年|今年|明年|去年|当年|预计|可望|估计|进一步|竟|连连|[0-9]+天内", "", head)
            while self.object_tail_re.search(head) and self.object_tail_re.search(head).group(0):
                head = head[: self.object_tail_re.search(head).start()]
            if len(head) < 2:
                return previous[-1][1].get("object")  # 比例由25%降到20%: the same thing
            # 案值暴涨至500万元: a noun of its own
        before = self.level_to_re.sub("", before)  # 监督对象…，扩展到40多个
        if re.search(r"(?:以上|以下|以内|左右)$", text[cand.start:cand.end]):
            before = re.sub(r"(?<![定持制])(?:均|都|已|也|则|一般)?在$", "", before)  # 新鲜蔬菜均在4万公斤以上
        level_from = re.search(r"(?:由|从)[^由从，,]{0,20}?的?$", before)  # 由原来的14元, not 从业人员
        started = False
        if level_from and self._is_from_word(before_start + level_from.start(), starts, tokens):
            before = before[: level_from.start()]
            started = True  # 出口增长从9.3%: the change word before 从 is the noun measured
        before = re.sub(r"(?:以|按)?(?:年平均|平均(?:每年|每月|每天|每日)|年均|平均|每年|每月|每天|每日|日均|人均|户均|每人"
                        r"|每(?:平方公里|平方米|公里|公斤|千克|亩|桶|吨|块|张|件|股|户))$", "",
                        before)  # 需求量将达日均 -> 需求量将达 -> 需求量; 人口密度为每平方公里
        before = re.sub(r"(?:累计|共计|总计|合计)$", "", before)  # 国内生产总值累计, not 累
        while True:  # 人数达 -> 人数, but 违法行为 keeps its 为: words, not characters
            found = self.copula_one_re.search(before)
            if not found or (starts is not None and before_start + found.start() not in starts):
                break
            before = before[: found.start()]
        existential = re.search(r"(?:就|已|共|只|仅|还|都)?有$", before)
        if existential:
            # 手中已有100多万个无主户头案: the noun after; 产值只有2亿元: the noun before.
            following = self._after_object(text, cand, "", tokens, places) if after else None
            if following:
                return following
            before = before[: existential.start()]
        if not started and not re.fullmatch(r"(?:增幅|降幅|涨幅|跌幅|增速)", before):
            before = self.change_tail_re.sub("", before)  # but 增幅超过26%: the rate is the noun
        before = self.filler_tail_re.sub("", before)
        tail = self.copula_tail_re.search(before)  # 工资将减少10%, but 违法行为 keeps its 为
        if tail and (starts is None or before_start + tail.start() in starts):
            before = before[: tail.start()]
        since = re.search(r"(?:自|从)[^，,]{0,3}(?:至|到)?$", before)  # 有期徒刑自年至, not 从业人员
        if since and self._is_from_word(before_start + since.start(), starts, tokens):
            before = before[: since.start()]
        for found in list(self.period_strip_re.finditer(before))[::-1]:
            if found.end() == len(before) or not before[: found.start()].strip("，, "):
                before = before[: found.start()] + before[found.end():]  # not 政府将今年的预算
        while True:  # 双边贸易额1991年只有, 专业市场将扩大到, 蛋鸡饲养量短短几年时间就达到
            tail = self.object_tail_re.search(before)
            if not tail or not tail.group(0) or (
                    len(tail.group(0)) == 1 and starts is not None
                    and before_start + tail.start() not in starts) or (
                    len(tail.group(0)) == 1 and starts is None):
                break
            before = before[: tail.start()]
        if after and re.search(r"(?:了|这|那|这个|那个|这些|那些|这次|此次|本次|首批|第一批)$", before):
            following = self._after_object(text, cand, "", tokens, places)  # 他们提出了30多个方案
            if following:
                return following
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
        listed = before.rstrip(_QUOTES + " ").endswith("等")
        head = self.filler_head_re.match(before)
        if head and head.end() and starts is not None:
            origin = text.rfind(before, before_start, cand.start)
            while head and head.end() and origin >= 0 and origin + head.end() not in starts:
                head = self.filler_head_re.match(before[: head.end() - 1])  # 新加坡, 共产党: words
        if head:
            before = before[head.end():]
        before = before.strip(_QUOTES + " 等的")
        if before and (not self._without_places(before, places) or re.fullmatch(r"全[\u4e00-\u9fff]|全球|世界|国内|国外", before)):
            before = ""  # 呼伦贝尔50万元以上电诈案, 挂靠全球100多个港口: the place, not what is counted
        if relative and len(before) > 1 and after:
            after_object = self._after_object(text, cand, before, tokens, places)
            if after_object:
                return after_object
            last = next((t[2] for t in tokens or () if t[1] == before_start + len(before)), None)
            if last and last in self.verbs and last not in self.ambiguous_verbs and last not in self.not_actions:
                return None  # 获得邮电部颁发的6张: a relative clause names nothing
        preposition = self.preposition_tail_re.search(before)
        if preposition and starts is not None and before_start + preposition.start() not in starts:
            preposition = None  # 交通违法行为: 为 inside a word
        if (len(before) > 1 and not listed and not preposition
                and not before.endswith(("和", "及", "与", "、", "或"))):
            cut = self.actions_re.search(before)
            if cut and len(before) > 12 and len(before) - cut.end() >= 2:
                before = before[cut.end():]  # not 转岗培训|率, 赔偿|案: a verb inside a word
            cleaned = "".join(c for c in before if c not in _QUOTES).strip("、 ")
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
        following = self._after_object(text, cand, before, tokens, places) if after else None
        if following is None and len(before) == 1 and cand.kind != "duration" \
                and text[cand.start - 1:cand.start] == before and tokens \
                and any(t[1] == cand.start - 1 and t[2] in self.verbs for t in tokens) \
                and (cand.start - 1, cand.start, before) in tokens and before not in self.verbs \
                and before not in self.not_actions and before not in self.prepositions \
                and re.fullmatch(r"[\u4e00-\u9fff]", before) and before not in _NOT_NOUNS:
            return before  # 年产纸2.1万吨 -> 纸: a one-character noun after its verb (not 经两次)
        return following

    def _after_object(self, text: str, cand: _Candidate, before: str, tokens=None,
                      places: set[str] | None = None) -> str | None:
        """Return the noun after the measure word: 打掉一个…的非法采矿团伙 -> 非法采矿团伙.

        It ends before the next verb (派出8个慰问组奔赴各地 -> 慰问组; 分62个组支援 -> 组).
        """
        after = text[cand.end:]
        if cand.kind == "duration" and not after.startswith("的"):
            return None  # 5年来业务发展, 3年时间: a window, nothing counted
        note = re.match(r"[（(][^（()）]{0,20}[）)](?=的)", after)
        if note:  # 235亿图格里克（约合2900万美元）的经济损失: the note is passed over
            return self._after_object(text, _Candidate(**{**cand.__dict__, "end": cand.end + note.end()}),
                                      before, tokens, places)
        verb_cut = False
        for t_start, t_end, word in tokens or ():
            if t_start < cand.end:
                continue
            verb_like = ((word in self.verbs and word not in self.adverbial_verbs
                          and not self.noun_compound_re.match(text, t_start)
                          and (word not in self.ambiguous_verbs  # 支援端州城区: a verb
                               or any(text.startswith(p, t_end) for p in places or ())))
                         or word in self.not_actions or word in self.prepositions
                         or (t_start > cand.end and _TIME_WORD.fullmatch(word)))  # 黄金今日经…空运
            if not verb_like or text[t_start - 1:t_start] == "、" or text[t_end:t_end + 1] in ("、", "及", "和", "与"):
                continue  # 集采、运、销为一体的团伙: a list of acts inside the noun phrase
            if t_start == cand.end:
                if len(word) == 1 and word not in self.not_actions and word not in self.prepositions:
                    continue  # 8万多个无主户头: a one-character word may start the noun
                return None  # 有7组的…, 75%是因…: what follows is a predicate, not a noun
            if word in self.not_actions and re.match(r"[^，,；;。]{0,6}的", text[t_end:]):
                continue  # 集采、运、销为一体的非法采矿团伙: inside the relative clause
            if t_start - cand.end <= 24 and not re.search(r"[，,；;。\d]", text[cand.end:t_start]):
                after, verb_cut = text[cand.end:t_start], True
            break
        if re.match(r"(?:内|以内|之内|在|从|向|对|给|为|以|比|与|或|和|及|、)", after) or (
                re.match(r"[就便才也都]", after) and any(t[0] == cand.end and len(t[2]) == 1 for t in tokens or ())):
            return None  # 在七日内整改: a deadline; 4万多美元、近百万港元: a list; 4000多元就能: a predicate
        if not verb_cut:  # 组建5支10人一队的“护农队”: the noun after the last 的 of the phrase
            phrase = re.match(r"[^，,；;。：:（()）!！?？]{0,24}", after).group(0)
            if "的" in phrase and re.search(r"\d", phrase.rsplit("的", 1)[0]):
                after = phrase.rsplit("的", 1)[1]
        noted = re.match(r"[\u4e00-\u9fff]+[（(][\u4e00-\u9fff]{1,3}[）)]", after)  # 7个县（市）
        stop = _OBJECT_STOP.search(after, noted.end() if noted else 0)
        after = after[: stop.start()] if stop else after
        words = {(t[0] - cand.end, t[1] - cand.end) for t in tokens or ()}
        for stop in self.after_stop_re.finditer(after):
            if not words or stop.span() in words:  # the word 被 ends the noun, 被子 does not
                after = after[: stop.start()]
                break
        after = self.localizer_re.sub("", after)
        for verb in self.actions_re.finditer(after):
            if verb.end() == len(after) and verb.group(0) in self.ambiguous_verbs \
                    and text.startswith(after, cand.end) and _OBJECT_STOP.match(text, cand.end + len(after)):
                break  # 1854次专项检查, 230亿美元的长期贷款: a noun that ends the phrase
            if verb.start() >= 2 and not self.noun_after_re.match(after, verb.end()) \
                    and after[verb.end():verb.end() + 1] not in ("及", "和", "与", "、") \
                    and after[verb.start() - 1] not in "及和与、":  # 解困和慰问资金
                after = after[: verb.start()]
                break
        verb = self.actions_re.match(after) or self.change_word_re.match(after)
        if verb and self.noun_after_re.match(after, verb.end()):
            verb = None  # 派出8个慰问组: 慰问 names the team
        elif verb and verb.group(0) in self.ambiguous_verbs and 2 <= len(after) - verb.end() <= 4 \
                and text.startswith(after, cand.end) and _OBJECT_STOP.match(text, cand.end + len(after)):
            verb = None  # 13份投资协定，: a noun-like act before a noun that ends the clause
        whole = re.match(r"[\u4e00-\u9fff][，,；;。、]", text[cand.end:cand.end + 2])  # 买27台车，
        if verb or len(after) > 24 or len(after) < (1 if verb_cut or whole else 2) or re.search(r"(?:到|至)", after):
            return None  # 安排100多人分62个组: the next clause, not an object
        if "的" in after:
            head = after.split("的", 1)[0]
            if head and tokens and cand.unit in self.counted_units and not re.search(r"[不很最较更太\d一二两三四五六七八九十]", head) and not any(
                    cand.end <= t[0] < cand.end + len(head) and (t[2] in self.verbs or t[2] in self.not_actions)
                    for t in tokens):
                after = head  # 拥有10万职工的老本钢: what the figure counts, not whose it is
            else:
                after = after.rsplit("的", 1)[1]
                if re.match(r"[一两二三四五六七八九十几]+[个位名家座条项件]", after) or (
                        cand.kind == "duration" and re.match(r"(?:时间|期间|日子|过程)", after)) or (
                        cand.kind == "percent" and re.search(r"(?:纪录|记录|水平)$", after)):
                    return None  # 赚了20万元的一位北京老知青, 不到一年的时间里: no noun of its own
        cleaned = "".join(c for c in after if c not in _QUOTES).strip("、 等")
        if verb_cut:
            cleaned = cleaned.rstrip("和与及或只中从在了也都还又就")  # 新鲜蔬菜和, 厂只
            for word in self.adverbial_verbs:
                if cleaned.endswith(word) and len(cleaned) > len(word):
                    cleaned = cleaned[: -len(word)]  # 造纸企业联合发起 -> 造纸企业
        cleaned = re.sub(r"(?:之一|每人|人均|各自|分别|相继|纷纷)$", "", cleaned)  # 300家企业之一, 孤寡老人每人
        if cleaned in ("不", "未") and verb_cut:  # 连续两次不合格: the negated state
            negated = re.match(r"[不未][\u4e00-\u9fff]{1,3}?(?=[，,；;。：:]|$)", text[cand.end:])
            cleaned = negated.group(0) if negated else cleaned
        if cleaned and len(cleaned) <= 16 and (len(cleaned) >= 2 or verb_cut or whole):
            return cleaned
        return None

    def _category(self, fields: dict, context: str, clause: int = 0) -> str:
        """Return the first taxonomy rule that fits; a figure without an object is tested on
        its clause (发动村干部参与巡逻，共5支: not 村干部), a share, sum or change then on its
        sentence (其中出口1827亿美元，增长20.9%)."""
        found = self._first_rule(fields, context[clause:])
        if clause and found in ("other", "money_other") and not fields.get("object") and (
                fields.get("change_direction") or fields["quantity_kind"] in ("percent", "money")):
            found = self._first_rule(fields, context)
        return found

    def _first_rule(self, fields: dict, context: str) -> str:
        action = fields.get("action") or ""
        obj = fields.get("object") or context
        for rule in self.categories:
            if "change" in rule and bool(fields.get("change_direction")) != rule["change"]:
                continue
            if "actions" in rule and not any(a in action for a in rule["actions"]) and not any(
                    o in (fields.get("object") or "") for o in rule.get("or_objects", ())):
                continue
            if "objects" in rule and not any(o in obj for o in rule["objects"]):
                continue
            if "kinds" in rule and fields["quantity_kind"] not in rule["kinds"]:
                continue
            return rule["name"]
        return "other"

    def _period(self, text: str, position: int, published: date | None, heads: bool = False):
        """Return (period as written, start, end) of the last time scope starting before
        ``position``; with ``heads``, only one that opens a clause (今年以来，…), as a scope
        carried to the next sentences must."""
        found = None
        for match in self.period_re.finditer(text):
            if match.start() >= position:
                break
            if match.group(0).strip() and (
                    not heads or self._clause_start(text, match.start()) == match.start()
                    or not text[self._clause_start(text, match.start()):match.start()].strip()):
                found = match
        if found is None:
            return None, None, None
        period = found.group(0)
        start, end = period_dates(period, published)
        return period, start, end

    # --- who and where: entity spans only ---------------------------------------------------

    @property
    def gazetteer(self):
        """The gazetteer of the entity stage (built on first use unless injected)."""
        if self._gazetteer is None:
            from ...places import Gazetteer

            self._gazetteer = Gazetteer(DATA_DIR)
        return self._gazetteer

    def _mentions(self, doc: Document) -> list[list[_Place]]:
        """Return the place mentions of every sentence: GPE entities and the places that
        name an ORG (呼伦贝尔市公安局 -> 内蒙古自治区呼伦贝尔市, 胶州公安 -> 山东省青岛市胶州市),
        each with the gazetteer's full name when it has one."""
        gaz = self.gazetteer
        context: set[str] = set()
        for entity in doc.entities:
            if entity.label == "GPE":
                context |= gaz.prefixes(doc.clean[entity.start:entity.end])
        mentions: list[list[_Place]] = [[] for _ in doc.sentences]
        for entity in doc.entities:
            if not 0 <= entity.sentence < len(mentions):
                continue
            text = doc.clean[entity.start:entity.end]
            if _DATELINE_AFTER.match(doc.clean, entity.end) or _DATELINE_BEFORE.search(
                    doc.clean, max(0, entity.start - 4), entity.start):
                continue  # 新华社北京1月5日电: where it was filed, not what it is about
            if entity.label == "GPE":
                name = entity.normalized or gaz.normalize(text, context) or text
                mentions[entity.sentence].append(_Place(entity.start, entity.end, name))
            elif entity.label == "ORG":
                name = self._org_place(text, context)
                if name:
                    mentions[entity.sentence].append(_Place(entity.start, entity.end, name))
        return mentions

    def _org_place(self, org: str, context: set[str]) -> str | None:
        """Return the full name of the most specific place an ORG's name starts with or holds.

        天津市河北区人民法院 -> 天津市河北区; 长航公安局镇江分局 -> 江苏省镇江市; a county's
        short form counts only at the head of the name (胶州公安), where it cannot be a word.
        """
        gaz = self.gazetteer
        best, chain_end, local = None, 0, set(context)
        for hit in gaz.pattern.finditer(org):
            name = hit.group(0)
            at_head = hit.start() == chain_end
            if name not in gaz.by_name and name not in gaz.high_short and not at_head:
                continue
            if at_head:
                chain_end = hit.end()
            local |= gaz.prefixes(name)
            best = gaz.normalize(name, local) or best
            zone = _ZONE.match(org, hit.end())
            if zone and best:  # 苏州市高新区公安分局: the zone is the place, as the entity stage says
                best += zone.group(0)
                chain_end = zone.end()
        return best

    @staticmethod
    def _most_specific(places: list[_Place]) -> list[_Place]:
        """Drop the places another of the list lies in: 内蒙古自治区 + 呼伦贝尔市 -> 呼伦贝尔市."""
        names = [p.name for p in places]
        return [p for p in places
                if not any(o != p.name and (o.startswith(p.name) or (p.name in _COUNTRY_CN and
                                                                     o not in _COUNTRY_CN))
                           for o in names)]

    def _article_places(self, doc: Document, mentions: list[list[_Place]]) -> dict[int, str]:
        """Return the place of each article: the headline's (title, kicker, subtitle), else
        the first in the lead paragraph (the first body paragraph)."""
        header: dict[int, list[_Place]] = {}
        lead: dict[int, tuple[int, list[_Place]]] = {}
        for index, sentence in enumerate(doc.sentences):
            found = mentions[index]
            if not found:
                continue
            if sentence.kind in ("title", "kicker", "subtitle"):
                header.setdefault(sentence.article, []).extend(found)
            elif sentence.kind == "body":
                first = lead.get(sentence.article)
                if first is None:
                    lead[sentence.article] = (sentence.paragraph, list(found))
                elif first[0] == sentence.paragraph:
                    first[1].extend(found)
        out = {}
        for article in set(header) | set(lead):
            if article in header:
                out[article] = self._most_specific(header[article])[-1].name
            else:
                out[article] = self._most_specific(lead[article][1])[0].name
        return out

    def _place(self, doc: Document, index: int, position: int, mentions: list[list[_Place]],
               article_places: dict[int, str]) -> str | None:
        """Return the place a figure at clean ``position`` of sentence ``index`` is about.

        The most specific place named before it in the sentence (the subject ORG's place:
        呼伦贝尔市公安局 -> 呼伦贝尔市), else the last of the earlier sentences of the paragraph,
        else one named after it in the sentence, else the article's (该市, 全市, 辖区 refer back
        to it).
        """
        own = mentions[index]
        before = self._most_specific([p for p in own if p.end <= position])
        if before:
            return before[-1].name
        sentence = doc.sentences[index]
        earlier: list[_Place] = []
        for k in range(index - 1, -1, -1):
            other = doc.sentences[k]
            if other.article != sentence.article or other.paragraph != sentence.paragraph:
                break
            earlier[:0] = mentions[k]
        earlier = self._most_specific(earlier)
        if earlier:
            return earlier[-1].name
        after = self._most_specific([p for p in own if p.start >= position])
        if after:
            return after[0].name
        return article_places.get(sentence.article)

    def _subject(self, doc: Document, index: int, text: str, offset: int, position: int,
                 by_sentence: dict[int, list]) -> str | None:
        """Return the ORG or PERSON that acts before clean ``position`` in the sentence.

        The last one before the verb, except: a reporter of the byline; one after a preposition
        (按照广东省公安厅部署, 对…); the patient of a passive (张某某等人分别被判处); an ORG that
        is part of a person's title (镇江市委常委、政法委书记……许文介); a person who only
        speaks (许文介介绍，今年以来…: null; an organ that speaks is the one that acted).
        """
        best = None
        for entity in by_sentence.get(index, ()):
            if entity.end > offset + position:
                break
            if entity.label not in ("ORG", "PERSON"):
                continue
            start, end = entity.start - offset, entity.end - offset
            name = doc.clean[entity.start:entity.end]
            if entity.label == "PERSON" and entity.normalized in ("reporter", "correspondent"):
                continue
            if name in self.not_actors:
                continue  # 新华社北京1月5日电: who reports, not who acted
            if entity.label == "ORG" and self.title_after_re.match(text, end):
                continue  # 镇江市委常委、政法委书记许文介 / 公安部消防局局长: a title
            if self.preposition_before_re.search(text[max(0, start - 2):start]):
                if entity.label == "ORG" and re.search(r"(?:据|从)$", text[max(0, start - 1):start]) \
                        and self.source_re.match(text, end):
                    best = name  # 据呼伦贝尔市公安局介绍，/ 记者从…获悉，: the organ that reports
                continue
            if not self._heads_clause(by_sentence.get(index, ()), text, offset, start):
                continue  # 宣判张某某等人……: an object
            if self.patient_re.match(text, end) and "被" in text[end:position]:
                continue
            if self.speech_re.match(text, end):
                best = None if entity.label == "PERSON" else name
                continue
            best = name
        return best


    # --- the stage ----------------------------------------------------------------------

    def __call__(self, doc: Document) -> Document:
        # What a document teaches (撒开 is a verb) holds for that document only: the same
        # document gives the same metrics whatever the worker read before it.
        self.verbs = set(self.base_verbs)
        mentions = article_places = None
        by_sentence: dict[int, list] = {}  # entities per sentence, in text order
        for entity in doc.entities:
            by_sentence.setdefault(entity.sentence, []).append(entity)
        paragraph, scope = None, None  # the time scope stated last in the paragraph
        for index, sentence in enumerate(doc.sentences):
            if (sentence.article, sentence.paragraph) != paragraph:
                paragraph, scope = (sentence.article, sentence.paragraph), None
            if sentence.kind == "byline":
                continue
            text = doc.clean[sentence.start:sentence.end]
            carried = scope
            if _MAY_HOLD_PERIOD.search(text):
                last = self._period(text, len(text), doc.published, heads=True)
                if last[0]:
                    scope = last
            if not _MAY_HOLD_NUMBER.search(text):
                continue
            candidates, failed = self._candidates(text)
            for start, end, message in failed:
                doc.rejects.append(Reject(
                    stage=self.name, reason=errors.UNPARSED_NUMBER, message=message,
                    excerpt=text[max(0, start - 20):end + 20]))
            if not candidates:
                continue
            if mentions is None:
                mentions = self._mentions(doc)
                article_places = self._article_places(doc, mentions)
            verbs = list(self.actions_re.finditer(text))
            places = {doc.clean[e.start:e.end] for e in by_sentence.get(index, ())
                      if e.label in ("GPE", "LOC")}
            persons = {doc.clean[e.start:e.end] for e in by_sentence.get(index, ()) if e.label == "PERSON"}
            tokens = None
            if sentence.doc is not None:
                tokens = [(t.idx, t.idx + len(t.text), t.text) for t in sentence.doc]
                for _, _, word in tokens:
                    if word[-1] in _RESULT_COMPLEMENTS and word not in self.verbs and self._with_complement(word):
                        self.verbs.add(word)  # 撒开, 搬掉: a verb with its complement is a verb
            previous: list[tuple[_Candidate, dict]] = []
            before = doc.sentences[index - 1] if index else None
            batch = self._batch_verb(text, doc.clean[before.start:before.end]) if before is not None and (
                before.article, before.paragraph) == paragraph else None
            for cand in candidates:
                fields = dict(value=cand.value, value_max=cand.value_max, unit=cand.unit,
                              quantity_kind=cand.kind, currency=cand.currency,
                              approx=cand.approx)
                fields.update(self._attributes(text, cand, previous, verbs, tokens, places, persons))
                if batch and fields["action"] in (None, "包括") and not fields["change_direction"]:
                    fields["action"] = batch  # 运送年货。这批年货包括干粮5吨: the batch's act
                period, period_start, period_end = self._period(text, cand.start, doc.published)
                if period is None and carried:  # 今年以来，……。 stated once for the paragraph
                    period, period_start, period_end = carried
                verb_at = text.rfind(fields["action"], 0, cand.start) if fields["action"] else -1
                subject = self._subject(doc, index, text, sentence.start,
                                        verb_at if verb_at >= 0 else cand.start, by_sentence)
                if subject is None:
                    subject = self._carried_subject(doc, index, by_sentence)
                fields.update(
                    subject=subject,
                    category=self._category(fields, text[:cand.start],
                                            self._clause_start(text, cand.start)),
                    period=period, period_start=period_start, period_end=period_end,
                    place=self._place(doc, index, sentence.start + cand.start, mentions,
                                      article_places))
                previous.append((cand, fields))
                doc.metrics.append(MetricSpan(sentence=index, start=sentence.start + cand.start,
                                              end=sentence.start + cand.end, fields=fields))
        return doc

    def _batch_verb(self, text: str, prior: str) -> str | None:
        """Return the verb the sentence before applied to the batch this sentence lists:
        向灾区运送年货。这批年货包括干粮、面粉各5吨… -> 运送."""
        batch = re.match(r"(?:这批|这些|该批|此批)([\u4e00-\u9fff]{1,6}?)(?:共|中)?(?:包括|共有|计有)", text)
        if not batch:
            return None
        found = prior.rfind(batch.group(1))
        for size in (2, 1):
            verb = prior[max(0, found - size):found]
            if found >= size and verb in self.verbs and verb not in self.not_actions:
                return verb
        return None

    def _heads_clause(self, entities: list, text: str, offset: int, start: int) -> bool:
        """Return True when only places, bylines and a short adverb precede ``start`` in its
        clause: 今年以来，内蒙古自治区呼伦贝尔市公安局…; 本报讯 通讯员朱勇 江苏省苏州市…."""
        clause = self._clause_start(text, start)
        prefix = list(text[clause:start])
        for entity in entities:
            if entity.label not in ("GPE", "PERSON", "DATE"):
                continue
            if entity.label == "PERSON" and entity.normalized not in ("reporter", "correspondent"):
                continue
            for k in range(max(entity.start - offset, clause), min(entity.end - offset, start)):
                prefix[k - clause] = " "
        return bool(self.subject_lead_re.fullmatch("".join(prefix)))

    def _carried_subject(self, doc: Document, index: int, by_sentence: dict[int, list]) -> str | None:
        """Return the subject of the sentence this one continues after a semicolon.

        呼伦贝尔市公安局……共破获案件760起……；打掉洗钱窝点……51个 -> 呼伦贝尔市公安局.
        """
        sentence = doc.sentences[index]
        k = index - 1
        while k >= 0:
            other = doc.sentences[k]
            if (other.article, other.paragraph) != (sentence.article, sentence.paragraph):
                return None
            text = doc.clean[other.start:other.end]
            if not text.rstrip().endswith(("；", ";")):
                return None
            found = self._subject(doc, k, text, other.start, len(text), by_sentence)
            if found:
                return found
            k -= 1
        return None


@dataclass
class _Place:
    start: int  # clean document coordinates
    end: int
    name: str  # the gazetteer's full name (江苏省镇江市), else the text


_NO_QUOTES = str.maketrans("", "", _QUOTES)
_LINKS = {"在", "共", "共计", "达", "达到", "高达", "为", "就", "已", "已经", "均", "仍", "即可", "就达", "已达"}
_NOT_NOUNS = set("共约近各均再又还也都已将就才仅只有为是达占等和与及或并而但计超逾过")
_SUBJECT_ADVERBS = {"都", "也", "均", "已", "已经", "先后", "仍", "还", "将", "则", "就", "连连", "纷纷", "不断",
                    "一直", "逐年", "再次", "又"}
_RATE_NOUN = re.compile(r"速度|幅度|同时|水平|比例|比重|纪录|记录")
_TIME_WORD = re.compile(r"今日|今天|昨天|明天|目前|当天|近日|日前|今年|去年|明年|当年|\d{1,2}日")
_OBJECT_STOP = re.compile(r"[，,；;。：:（()）!！?？…\d]")
_COMPLEMENTS = set("来去出上下有高低到回起完给掉")
_RESULT_COMPLEMENTS = set("开掉完出起走住成好到")  # not 上下来去回: 属下, 过去, 将来
_DATELINE_AFTER = re.compile(r"\s*\d{1,2}月\d{1,2}日(?:专?电|讯)")
_DATELINE_BEFORE = re.compile(r"(?:新华社|中新社|本报)$")
_ZONE = re.compile(ZONE_PATTERN)
_COUNTRY_CN = {"中国", "中华人民共和国", "我国", "全国"}
_MAY_HOLD_PERIOD = re.compile(r"[年来间至]")


def _read_words(path: Path) -> list[str]:
    with open(path, encoding="utf-8") as handle:
        return [line.strip() for line in handle if line.strip() and not line.startswith("#")]


def _inside_quotes(text: str, position: int) -> bool:
    """Return True when ``position`` is inside “…”: a name (“带牌销售”), not a verb."""
    opened = text.rfind("“", 0, position)
    return opened != -1 and text.rfind("”", 0, position) < opened


_MAY_HOLD_NUMBER = re.compile(rf"[\d{_VAGUE_CN}百千万亿廿两半%％]")
