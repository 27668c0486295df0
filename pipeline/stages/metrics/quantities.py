"""Find the figures of a sentence and read them: value, range, unit, kind, approximation.

One precompiled pattern per shape of figure (``candidate_patterns``), built on the number
grammar of ``stages/numbers.py``; ``candidates`` runs each once over the sentence and keeps the
longest match at each position; ``is_metric`` drops what is not a statistic (dates, ordinals,
ids, slogans, idioms, a lone 一 outside enforcement verbs).

    共破获案件760起  ->  760起: value 760, unit 起, count
    罚款30万至50万元  ->  value 300000, value_max 500000, unit 元, money
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...lexicon import alternation
from ..numbers import APPROX_PREFIX, APPROX_SUFFIX, BIG_UNITS, NUMBER, parse_number, parse_quantity

# The grammar around a number (fragments of every candidate pattern):
_SEP = r"(?:至|到|~|～|—|－|-)"  # the dash of a range: 30万至50万元, 3—5年
# A number never starts inside another number or after a vague head (数十人, 几十, 上千):
_NOT_INSIDE = (r"(?:(?<![\d.．,·/])(?=[\d超逾近约不接将至大零])"  # an arabic figure or a word opening one
               r"|(?<![\d.．,零〇一二两三四五六七八九十百千万亿数几若上成余多第])(?![\d]))")  # a Chinese one
_PRE = r"(?P<pre>不超过|超过|接近|将近|不到|不足|至少|大约|零下|超|逾|近|约)?"  # approximation before
_POST = r"(?P<post>以上|以下|以内|左右|上下|多|余)?"  # approximation after
_VAGUE_CN = "零〇一二两三四五六七八九十"
_YEAR_WORDS = re.compile(r"^(?:代|度|级|初|底|末|中|起|间|前后)")  # 90年代, 2021年度
# 诈骗电话48万次, 电话1.2万个: calls counted (a scaled number or a count word), not a phone number
_CALLS_COUNTED = re.compile(r"\d+(?:\.\d+)?(?:[万亿]|余|多)*(?:次|个|通|部|条|起)")
# A sentence worth reading holds a digit, a Chinese numeral or a percent sign.
MAY_HOLD_NUMBER = re.compile(rf"[\d{_VAGUE_CN}百千万亿廿两半%％]")


@dataclass
class Figure:
    """A figure found in a sentence (sentence coordinates) and what it says."""

    start: int
    end: int
    value: float
    value_max: float | None
    unit: str
    kind: str
    currency: str | None
    approx: str | None
    kind_action: str | None = None  # the verb handed to the next figure when this one names its kind


def candidate_patterns(unit_kind: dict[str, tuple[str, str | None]]) -> list[tuple[str, re.Pattern]]:
    """Return the (name, pattern) of every shape of figure, in the order they are tried."""
    units = alternation(unit_kind)
    number = NUMBER
    return [
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
        ("magnitude", re.compile(  # 过亿元, 近百个; 逾千名, 近千人, 千余起 (never 上千, 数千)
            rf"(?<![数几上成千百万亿十零一二两三四五六七八九\d])"
            rf"(?P<pre>突破|将近|接近|超过|过|近|超|逾)?"
            rf"(?P<body>[百千万亿]{{1,2}})(?P<yu>余)?(?P<big>[万亿])?(?P<unit>{units})")),
        ("months", re.compile(
            rf"{_NOT_INSIDE}{_PRE}(?P<body>{number})个(?P<yu>多|余)(?P<unit>月)")),
        ("bare", re.compile(
            rf"{_NOT_INSIDE}{_PRE}(?P<body>\d+(?:\.\d+)?[万亿]+)(?P<yu>余|多)?"
            rf"(?=[“\"‘「\u4e00-\u9fff，,。；;])")),
    ]


def candidates(lex, text: str) -> tuple[list[Figure], list[tuple[int, int, str]]]:
    found: list[tuple[int, int, str, re.Match]] = []
    for name, pattern in lex.patterns:
        for match in pattern.finditer(text):
            found.append((match.start(), match.end(), name, match))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    chosen, failed, last_end = [], [], -1
    for start, end, name, match in found:
        if start < last_end:
            continue
        candidate = read_match(lex, name, match, text)
        if candidate is None:
            continue
        if isinstance(candidate, str):
            failed.append((start, end, candidate))
            last_end = end
            continue
        chosen.append(candidate)
        last_end = end
    return chosen, failed


def read_match(lex, name: str, match: re.Match, text: str) -> Figure | str | None:
    """Return the figure of a match, a message when unreadable, None when no metric."""
    groups = match.groupdict()
    approx = APPROX_PREFIX.get(groups.get("pre") or "")
    if groups.get("yu"):
        approx = APPROX_SUFFIX[groups["yu"]]
    if groups.get("post"):
        approx = APPROX_SUFFIX[groups["post"]]
    reading = read_value(lex, name, match)
    if not isinstance(reading, tuple):
        return reading
    value, value_max, unit, kind, currency = reading
    if name == "magnitude" and groups.get("pre") == "突破":
        approx = "over"  # 突破百亿元
    if groups.get("pre") == "零下":
        value, approx = -value, None
    if not is_metric(lex, name, match, text, value, value_max, unit, approx):
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
        approx = approx_before(lex, text[:span_start])
    return Figure(span_start, span_end, float(value),
                  float(value_max) if value_max is not None else None, unit, kind, currency, approx)




def read_value(lex, name: str, match: re.Match):
    """Return (value, value_max, unit, kind, currency) of a match of pattern ``name``, a
    message when the number is unreadable, None when it is no metric: 七成六 -> 76 成 percent,
    七年六个月 -> 7.5 年 duration, 八五折 -> 85 折, 过亿元 -> 1e8 元 money."""
    groups = match.groupdict()
    body = groups["body"]
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
    elif name == "magnitude":  # 过亿元, 近百个, 突破百亿元, 逾千名, 千余万元
        unit = groups["unit"]
        if not (groups.get("pre") or groups.get("yu")) and not (
                unit == "个" or lex.unit_kind[unit][0] == "money"):
            return None  # 千人大会, 万人空巷: a name, not a count
        value = parse_number("一" + body + (groups.get("big") or ""))
        if value is None:
            return f"unreadable number {match.group(0)!r}"
        kind, currency = lex.unit_kind[unit]
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
        return read_unit_value(lex, match)
    return value, value_max, unit, kind, currency


def read_unit_value(lex, match: re.Match):
    """``read_value`` of a number and its measure word: 30万至50万元 -> 3e5..5e5 元, 60千克
    (千 belongs to the unit), 3.7万千瓦; a message when unreadable, None for 8点 (a time)."""
    groups = match.groupdict()
    value_max = None
    if groups.get("u1") and groups["u1"] != groups["unit"]:
        return None  # 5个月至3年: two quantities, not a range
    n1, n2 = groups["n1"], groups.get("n2")
    unit = groups["unit"]
    shift = ""
    if n1[-1:] in "千百" and n1[-1] + unit in lex.unit_kind and not groups.get("big"):
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
    kind, currency = lex.unit_kind[unit]
    unit = lex.unit_as_written.get(unit, unit)  # 50万元人民币: unit 元, span to 币
    if unit in lex.decimal_only_units and not re.search(r"[.·]", n1):
        return None  # 8点 is a clock time, 6.2级 a magnitude
    return value, value_max, unit, kind, currency


def labelled(lex, before: str, text: str, number_start: int) -> bool:
    """Return True for a number a label word names (第四, 编号12, 电话12345), not for calls
    counted after 电话 (拦截诈骗电话48万次, 报警电话60余次)."""
    if not before.endswith(lex.not_after):
        return False
    return not (before.endswith("电话") and _CALLS_COUNTED.match(text, number_start))


def is_metric(lex, name, match, text, value, value_max, unit, approx) -> bool:
    start, end = match.start(), match.end()
    before = text[max(0, start - 4):start]
    after = text[end:end + 6]
    number = match.group("body")
    chinese = not any(c.isdigit() for c in number)
    number_start = match.start("body")
    prev = text[number_start - 1:number_start] if number_start else ""
    kind_of = lambda u: lex.unit_kind.get(u, ("percent" if u in ("%", "‰", "成", "折", "个百分点") else "",))[0]
    if labelled(lex, before, text, number_start):
        return False  # 第四, 编号12, 电话12345
    if prev.isascii() and prev.isalnum():
        return False  # inside a code: GOIP5, A12
    if after[:1].isascii() and after[:1].isalpha():
        return False
    if "unit" in match.groupdict() and match.group("unit"):
        unit_end = match.end("unit")
        if lex.unit_word_re.match(text, unit_end - len(match.group("unit"))):
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
    if unit in ("小时", "个小时") and lex.mode_after_re.match(after):
        return False  # 24小时不间断巡逻: an operating mode, not a window
    if name == "bare" and value < 10000:
        return False
    if name == "duration" and value >= 100:
        return False  # 1997年1月: a date
    if unit in lex.money_units and value == 1 and (
            re.match(r"^(?:合|兑|折合|等于|=)", after) or re.search(r"(?:兑|合|兑换)$", before)):
        return False  # 1美元合8.09元: an exchange rate's base
    if re.search(r"\d{4}[-/.]$", text[max(0, number_start - 5):number_start]):
        return False  # 发布时间：2024-01-18: a date written with dashes
    if number in ("陆", "陸"):
        return False  # 陆家嘴, 陆家浜: a lone formal 陆 is the surname or 陆地, never 6
    if chinese and (unit in lex.arabic_only_units or unit == "类"):
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
        if (summed and not MAY_HOLD_NUMBER.search(last.replace("等", ""))
                and "的" not in last and not lex.actions_re.search(last)
                and not re.search(r"[共达为有计了]$", last)
                and re.match(r"[\u4e00-\u9fff]", after)):
            return False
    if chinese and name in ("unit", "half"):
        if value == 1 and value_max is None and not (approx and lex.unit_kind.get(unit, ("",))[0] == "duration"):
            # 一 counts only after an enforcement verb: 破获一起, 打掉一个, 有期徒刑一年.
            if not lex.small_cue_re.search(text[max(0, start - 8):start]):
                return False
            if unit in lex.vague_units:
                return False  # 查处了一批: vague
        elif value <= 10 and value_max is None and not approx:
            # “…”三个同步 / 三个“度”: a slogan summed up.
            head = text[max(0, start - 12):start]
            if head.endswith(("”", "’", "」")) or after.startswith(("“", "‘", "「")):
                return False
    for idiom in lex.idioms_re.finditer(text[max(0, start - 4):end + 4]):
        offset = max(0, start - 4)
        if idiom.start() + offset < end and idiom.end() + offset > start:
            return False
    return True


def approx_before(lex, head: str) -> str | None:
    """Return approx from a verb phrase before the number: 约占…的50%, 突破100亿元."""
    clause = re.split(r"[，,；;：:。！？（(]", head)[-1]
    if MAY_HOLD_NUMBER.search(clause[-8:]) and re.search(r"\d", clause):
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


