"""The number grammar: Chinese, Arabic and mixed numerals, percentages, fractions and ranges.

``parse_number("一千零三十九")`` gives 1039.0, ``parse_number("1.2万")`` 12000.0;
``parse_quantity("超九成")`` gives ``Quantity(90.0, None, "over", percent="成")``.
Everything is a pure function over a short string; the metrics stage finds the strings
(``NUMBER`` is the regex it builds on) and this module reads them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DIGITS = {
    "零": 0, "〇": 0, "○": 0, "０": 0, "洞": 0,
    "一": 1, "壹": 1, "幺": 1, "弌": 1,
    "二": 2, "贰": 2, "貳": 2, "两": 2, "兩": 2, "俩": 2,
    "三": 3, "叁": 3, "參": 3, "仨": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6, "陸": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}
DIGITS.update({str(d): d for d in range(10)})
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
# Contractions that stand for a digit and a 十: 廿二 is 22.
TENS = {"廿": 20, "念": 20, "卅": 30, "卌": 40}
BIG_UNITS = {"兆": 10**12, "亿": 10**8, "億": 10**8, "万": 10**4, "萬": 10**4}

_CN_DIGIT = "零〇○一壹幺二贰貳两兩三叁四肆五伍六陆陸七柒八捌九玖"
_CN_UNIT = "十拾百佰千仟万萬亿億"
_CN_CHARS = _CN_DIGIT + _CN_UNIT + "廿卅卌"
# PD1998 and other print sources write the decimal point as a middle dot: ２·４７万.
_ARABIC = r"\d+(?:[,，]\d{3})*(?:[.·]\d+)?"

# A numeral as it appears in running text: Arabic (1,134 / 812.6) optionally scaled by
# Chinese units (1.2万, 3千万), or Chinese (一千零三十九, 六百二十二点三, 两, 廿), or mixed
# (100万三千).  The metrics stage builds its quantity regex on this.
NUMBER = (
    rf"(?:{_ARABIC}(?:[{_CN_UNIT}]+(?:零?[\d{_CN_DIGIT}]+[{_CN_UNIT}]*)*)?"
    rf"|[{_CN_DIGIT}廿卅卌十拾][{_CN_CHARS}]*(?:点[{_CN_DIGIT}]+[{_CN_UNIT}]*)?)"
)

_DECIMAL_ARABIC = re.compile(r"^[+-]?\d+(?:[,，]\d{3})*(?:\.\d+)?$|^[+-]?\d*\.\d+$")


class NumberError(ValueError):
    """A string that looks like a number but that the grammar cannot read."""


_MIDDLE_DOT = re.compile(r"(?<=\d)·(?=\d)")


_TRADITIONAL = str.maketrans({"點": "点", "負": "负", "個": "个", "倆": "俩", "幾": "几",
                              "萬": "万", "億": "亿", "兩": "两", "－": "-", "％": "%",
                              "．": ".", "，": ",", "／": "/",
                              **{chr(0xFF10 + d): str(d) for d in range(10)}})


def _strip_separators(text: str) -> str:
    text = text.translate(_TRADITIONAL)
    return _MIDDLE_DOT.sub(".", re.sub(r"[,，\s]", "", text))


def _digit_string(text: str) -> float | None:
    # 一九九八 / 一七二零点一 / 12: each character a digit, read positionally.
    int_part, _, frac = text.partition("点") if "点" in text else text.partition(".")
    if not int_part or any(c not in DIGITS for c in int_part):
        return None
    if frac and any(c not in DIGITS for c in frac):
        return None
    if ("点" in text or "." in text) and not frac:
        return None
    value = float(int("".join(str(DIGITS[c]) for c in int_part)))
    if frac:
        value += float("0." + "".join(str(DIGITS[c]) for c in frac))
    return value


def _below_wan(text: str) -> tuple[float, int]:
    """Return (value, unit of the last place written) for a numeral below 万 (no 万/亿)."""
    if not text:
        raise NumberError("empty numeral")
    if "点" in text or "." in text:
        sep = "点" if "点" in text else "."
        int_part, _, frac = text.partition(sep)
        if not frac or any(c not in DIGITS for c in frac):
            raise NumberError(f"bad decimal part in {text!r}")
        whole = _below_wan(int_part)[0] if int_part else None
        if whole is None:
            raise NumberError(f"no integer part in {text!r}")
        return whole + float("0." + "".join(str(DIGITS[c]) for c in frac)), 0
    if all(c in DIGITS for c in text):
        if len(text) > 1 and any(not c.isdigit() for c in text) and text[0] in "零〇○":
            pass  # 零一: a code, read positionally all the same
        return float(int("".join(str(DIGITS[c]) for c in text))), 1
    total = 0
    num: int | None = None
    last_unit = 1
    pending_digits = ""
    zero_seen = False
    for char in text:
        if char in DIGITS:
            if char in "零〇○" and num is None and not pending_digits:
                zero_seen = True
                continue
            pending_digits += str(DIGITS[char])
            if len(pending_digits) > 1 and not pending_digits.isdigit():
                raise NumberError(f"two digits in a row in {text!r}")
            num = int(pending_digits)
        elif char in SMALL_UNITS:
            unit = SMALL_UNITS[char]
            if unit >= last_unit and total:
                raise NumberError(f"units out of order in {text!r}")
            if num is None:
                if total and unit != 10:
                    raise NumberError(f"unit without digit in {text!r}")
                num = 1
            total += num * unit
            last_unit = unit
            num, pending_digits, zero_seen = None, "", False
        elif char in TENS:
            if total or num is not None:
                raise NumberError(f"misplaced {char} in {text!r}")
            total += TENS[char]
            last_unit = 10
        else:
            raise NumberError(f"unexpected {char!r} in {text!r}")
    if num is not None:
        # 一百二 is 120, 两千六 is 2600: a lone digit after a unit, without 零, is the next place.
        if last_unit > 10 and not zero_seen and len(pending_digits) == 1 and total:
            total += num * last_unit // 10
        else:
            total += num
        last_unit = 1
    return float(total), last_unit


def _parse(text: str) -> float:
    for big in ("兆", "亿", "億", "万", "萬"):
        if big in text:
            at = text.rfind(big)
            left, right = text[:at], text[at + 1:]
            scale = BIG_UNITS[big]
            if not left:
                left_value = 1.0
            else:
                left_value = _parse(left)
            if right and ("." in left or "点" in left):
                raise NumberError(f"decimal before {big} cannot take a remainder: {text!r}")
            value = left_value * scale
            if right.startswith("点"):  # 两千万点五五 = 20000000.55
                frac = right[1:]
                if not frac or any(c not in DIGITS for c in frac):
                    raise NumberError(f"bad decimal part in {text!r}")
                return value + float("0." + "".join(str(DIGITS[c]) for c in frac))
            if right:
                zero = right[0] in "零〇○"
                rest = right.lstrip("零〇○")
                if not rest or rest[0] in BIG_UNITS:
                    raise NumberError(f"dangling 零 or unit in {text!r}")
                if any(b in rest for b in BIG_UNITS) and BIG_UNITS[
                        next(b for b in ("兆", "亿", "億", "万", "萬") if b in rest)] >= scale:
                    raise NumberError(f"units out of order in {text!r}")
                right_value = _parse(rest)
                # 三万五 is 35000: a lone digit after 万 without 零 is the next place down.
                if not zero and len(rest) == 1 and rest in DIGITS:
                    right_value *= scale // 10
                value += right_value
            return value
    return _below_wan(text)[0]


MAX_DIGITS = 15  # significant digits a float keeps exactly: a longer figure is not read


def parse_number(text: str) -> float | None:
    """Return the value of a numeral (一千零三十九, 1.2万, 1,134, 廿二, 负一), or None.

    None too for a figure with more digits than a float keeps (a 500-digit run): its value
    would be silently wrong.
    """
    text = _strip_separators(text.strip())
    if not text or sum(c.isdigit() for c in text.lstrip("0")) > MAX_DIGITS:
        return None
    sign = 1.0
    if text[0] in "-+负正":
        sign = -1.0 if text[0] in "-负" else 1.0
        text = text[1:]
    if not text:
        return None
    if _DECIMAL_ARABIC.match(text):
        return sign * float(text)
    if text.count(".") + text.count("点") > 1:
        return None
    positional = _digit_string(text)
    if positional is not None and not any(c in text for c in _CN_UNIT):
        return sign * positional
    try:
        return sign * _parse(text)
    except (NumberError, ValueError):
        return None


_MONEY_TAIL = re.compile(r"^(?P<yuan>.*?)(?:[元圆块](?P<jiao>[^角毛分]+[角毛])?(?P<fen>[^分]+分)?(?:整|正)?)?$")


def parse_money(text: str) -> float | None:
    """Return yuan for 壹佰捌拾壹圆柒角 / 3块5 / 45564.44; None when unreadable."""
    text = _strip_separators(text)
    match = re.match(r"^(.*?)[元圆块](.*)$", text)
    if not match:
        return parse_number(text)
    yuan = parse_number(match.group(1)) if match.group(1) else 0.0
    if yuan is None:
        return None
    rest = match.group(2).rstrip("整正")
    if not rest:
        return yuan
    parts = re.fullmatch(r"(?:(.+?)[角毛])?(?:(.+?)分)?", rest)
    if parts and (parts.group(1) or parts.group(2)):
        jiao = parse_number(parts.group(1)) if parts.group(1) else 0.0
        fen = parse_number(parts.group(2)) if parts.group(2) else 0.0
        if jiao is None or fen is None:
            return None
        return round(yuan + jiao / 10 + fen / 100, 2)
    tail = parse_number(rest)  # 3块5 = 3.5
    if tail is not None and len(rest) == 1:
        return yuan + tail / 10
    return None


# Approximation markers (the annotation convention): before or after the number.
APPROX_PREFIX = {
    "超过": "over", "超": "over", "逾": "over", "至少": "over", "多达": None, "高达": None,
    "达": None, "共": None,
    "接近": "under", "近": "under", "不到": "under", "不足": "under", "不超过": "under",
    "少于": "under", "低于": "under",
    "大约": "about", "约": "about", "大概": "about", "将近": "under", "小于": "under",
    "大于": "over", "从": None, "过": "over",  # 过千名, 过亿元
}
APPROX_SUFFIX = {"余": "over", "多": "over", "以上": "over", "来": "about", "左右": "about",
                 "上下": "about", "以下": "under", "以内": "under", "许": "about"}

_RANGE_SEP = r"(?:至|到|~|～|-{1,2}|—{1,2}|－)"
_RANGE_RE = re.compile(_RANGE_SEP)


@dataclass(frozen=True)
class Quantity:
    """A parsed quantity: value (0-100 for percentages), upper bound for ranges, approx."""

    value: float
    value_max: float | None = None
    approx: str | None = None
    percent: str | None = None  # "%", "成", "‰" or "" when the number is a share


def _trailing_scale(text: str) -> int:
    """Return the multiplier written at the end of a numeral: 三十万 -> 10**4, 九百 -> 100."""
    scale = 1
    for char in reversed(text):
        if char in BIG_UNITS:
            scale *= BIG_UNITS[char]
        else:
            break
    if scale == 1 and text[-1:] in SMALL_UNITS and text[-1] not in "十拾":
        scale = SMALL_UNITS[text[-1]]
    return scale


def _range(left: str, right: str) -> tuple[float, float] | None:
    low, high = parse_number(left), parse_number(right)
    if high is None or low is None:
        return None
    # 两到三万, 30至50万: the unit written once on the right scales both ends.
    if not any(c in BIG_UNITS for c in left) and not (
            left[-1:] in SMALL_UNITS and _trailing_scale(right) < 10**4):
        scale = _trailing_scale(right)
        if scale > 10 and low * scale <= high:
            low *= scale
    if low > high:
        return None
    return low, high


_PERCENT = [
    (re.compile(r"^百分之([-负]?.+)$"), "%", 1.0),
    (re.compile(r"^千分之(.+)$"), "‰", 0.1),
    (re.compile(r"^([-负]?.+?)%$"), "%", 1.0),
    (re.compile(r"^(.+?)‰$"), "‰", 0.1),
    (re.compile(r"^(.+?)个百分点$"), "个百分点", 1.0),
]
_CHENG = re.compile(rf"^((?:[{_CN_DIGIT}\d]|十|10)(?:\.\d|点[{_CN_DIGIT}])?|半)成([{_CN_DIGIT}\d]|半)?$")
_ZHE = re.compile(rf"^([{_CN_DIGIT}\d](?:[{_CN_DIGIT}\d]|点[{_CN_DIGIT}\d]|\.\d)?|半)折$")
_FRACTION = re.compile(r"^(.+?)分之(.+)$")
_VAGUE_SCALE = re.compile(r"^(.+?)(余|多|几)([十百千万亿]+)$")
_SLASH = re.compile(r"^(-?\d+)\s*[/／]\s*(-?\d+)$")
_MIXED = re.compile(r"^(.+?)又(.+?)分之(.+)$")
_ADJACENT = re.compile(r"^([一二两三四五六七八九])([二三四五六七八九])([十百千万亿]+)$")


def _strip_approx(text: str) -> tuple[str, str | None]:
    approx = None
    for marker in sorted(APPROX_PREFIX, key=len, reverse=True):
        if text.startswith(marker) and len(text) > len(marker):
            text, approx = text[len(marker):], APPROX_PREFIX[marker]
            break
    for marker in sorted(APPROX_SUFFIX, key=len, reverse=True):
        if text.endswith(marker) and len(text) > len(marker):
            text, approx = text[: -len(marker)], APPROX_SUFFIX[marker] or approx
            break
    return text, approx


def parse_quantity(text: str) -> Quantity | None:
    """Return the Quantity of a bare quantity expression without its measure word.

    Reads approx markers (超, 近, 约, 余, 多, 以上, 左右), shares (99.13%, 九成, 七成六,
    百分之四十, 三分之一, 千分之五), ranges (30万至50万, 两到三万, 三五万) and plain numerals.
    ``3万余`` is 30000 approx over, not a range.
    """
    text = _strip_separators(text.strip())
    if not text:
        return None
    body, approx = _strip_approx(text)
    # 3万余 / 二十余 / 1500余: the 余 sits between numeral and unit, already stripped.
    ranged = _RANGE_RE.search(body[1:]) is not None
    for reader in (_read_share, _read_range):
        found = reader(body, approx, ranged)
        if found is not _UNMATCHED:
            return found
    body = re.sub(r"[（(]含[）)]", "", body)  # 1万(含)-5万
    match = _ADJACENT.match(body)
    if match:  # 三五万 = 30000 to 50000, 五六十 = 50 to 60
        low, high = DIGITS[match.group(1)], DIGITS[match.group(2)]
        if high == low + 1 or (low, high) == (3, 5):
            scale = parse_number("一" + match.group(3))
            if scale:
                return Quantity(low * scale, high * scale, approx, None)
    value = parse_number(body)
    if value is None:
        return None
    return Quantity(value, None, approx, None)




_UNMATCHED = object()  # what a reader of parse_quantity returns when the shape is not its own


def _read_share(body: str, approx: str | None, ranged: bool):
    """``parse_quantity`` of a share (99.13%, 百分之四十, 九成, 七成六, 八五折, 三分之一, 1/3) or a
    mixed number (三百五又三分之一); None when unreadable, ``_UNMATCHED`` when no share."""
    for pattern, mark, factor in ([] if ranged else _PERCENT):
        match = pattern.match(body)
        if match:
            inner = match.group(1)
            value = parse_number(inner)
            if value is None:
                inner_q = parse_quantity(inner) if mark == "%" and _RANGE_RE.search(inner) else None
                if inner_q is None or inner_q.value_max is None:
                    return None
                return Quantity(inner_q.value, inner_q.value_max, approx, mark)
            return Quantity(value * factor, None, approx, mark)
    match = _CHENG.match(body)
    if match:  # 九成 90, 七成六 76, 三成半 35, 7.2成 72
        tens = 0.5 if match.group(1) == "半" else parse_number(match.group(1).replace("点", "."))
        ones = 5.0 if match.group(2) == "半" else (
            parse_number(match.group(2)) if match.group(2) else 0.0)
        if tens is None or ones is None or tens > 10:
            return None
        return Quantity(round(tens * 10 + ones, 4), None, approx, "成")
    match = _ZHE.match(body)
    if match:  # 八五折 85, 八折 80, 9.9折 99, 三点一折 31: the share of the price paid
        digits = match.group(1)
        if digits == "半":
            return Quantity(50.0, None, approx, "折")
        value = parse_number(digits.replace("点", "."))
        if value is None:
            return None
        whole = len(digits) == 1 or "点" in digits or "." in digits
        return Quantity(round(value * 10 if whole else value, 4), None, approx, "折")
    match = None if ranged else _MIXED.match(body)
    if match:  # 三百五又三分之一: a mixed number, not a share
        whole, den, num = (parse_number(g) for g in match.groups())
        if whole is None or not den or num is None:
            return None
        sign = -1 if whole < 0 else 1
        return Quantity(whole + sign * num / den, None, approx, None)
    match = None if ranged else _FRACTION.match(body)
    if match:
        den, num = parse_number(match.group(1)), parse_number(match.group(2))
        if not den or num is None:
            return None
        return Quantity(num / den * 100, None, approx, "%")
    match = _SLASH.match(body)
    if match:  # 1/3 of a whole: a share
        num, den = float(match.group(1)), float(match.group(2))
        if not den:
            return None
        return Quantity(num / den * 100, None, approx, "%")
    return _UNMATCHED


def _read_range(body: str, approx: str | None, ranged: bool):
    """``parse_quantity`` of a range (30万至50万, 3%-5%) or a vague scale (十余万, 二十几万); None
    when unreadable, ``_UNMATCHED`` otherwise."""
    match = re.match(rf"^(.+?){_RANGE_SEP}(.+)$", body)
    if match and not _DECIMAL_ARABIC.match(body):
        left, right = match.group(1), match.group(2)
        left_pct = left.endswith(("%", "％", "‰")) or left.startswith(("百分之", "千分之"))
        right_q = parse_quantity(right)
        if right_q is not None and right_q.percent:
            left_q = parse_quantity(left if left_pct else left + "%")
            if left_q is None:
                return None
            return Quantity(left_q.value, right_q.value, approx, right_q.percent)
        bounds = _range(left, right)
        if bounds is None:
            return None
        return Quantity(bounds[0], bounds[1], approx, None)
    match = _VAGUE_SCALE.match(body)
    if match and parse_number(match.group(1)) is not None:  # 十余万, 500余万, 二十几万
        base = parse_number(match.group(1))
        scale = parse_number("一" + match.group(3))
        marker = "about" if match.group(2) == "几" else "over"
        return Quantity(base * scale, None, approx or marker, None)
    return _UNMATCHED


def to_chinese(number: int, *, formal: bool = False) -> str:
    """Return the Chinese numeral of a non-negative integer (1039 -> 一千零三十九)."""
    digits = "零壹贰叁肆伍陆柒捌玖" if formal else "零一二三四五六七八九"
    units = ["", "拾", "佰", "仟"] if formal else ["", "十", "百", "千"]
    if number == 0:
        return digits[0]

    def below_wan(n: int) -> str:
        out, zero = "", False
        for place in (3, 2, 1, 0):
            d = n // 10**place % 10
            if d == 0:
                zero = bool(out)
                continue
            if zero:
                out += digits[0]
                zero = False
            out += digits[d] + units[place]
        return out

    groups = []
    while number:
        groups.append(number % 10000)
        number //= 10000
    out = ""
    names = ["", "万", "亿", "万亿"]
    need_zero = False
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or g < 1000):
            out += digits[0]
        out += below_wan(g) + names[i]
        need_zero = False
    if out.startswith(digits[1] + units[1]) and not formal:
        out = out[1:]  # 一十五 -> 十五
    return out
