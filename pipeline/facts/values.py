"""Numbers as stated: the interval a figure can stand for, given its rounding and qualifier.

A statement ``近15万起`` does not say 150000; it says "a little under 150000", and a figure
written to the nearest 万 stands for anything that rounds to it. Two statements agree when
their intervals overlap: 近15万 [140000, 150000] and 14.87万 [148650, 148750] do.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Units that count the same thing (人 and 名 are both people; 起 件 宗 are both cases).
UNIT_CLASSES: dict[str, str] = {
    "人": "人", "名": "人", "位": "人", "人员": "人", "余人": "人", "余名": "人",
    "起": "起", "件": "起", "宗": "起",
    "%": "%", "成": "%", "个百分点": "pp",
    "人次": "人次",
    "吨": "千克", "千克": "千克", "公斤": "千克", "克": "千克",
}
# Units of one class in other sizes, as multiples of the class's unit: 1.26吨 is 1260千克, so
# 182千克 may be part of it and 1260公斤 restates it.
UNIT_SCALES: dict[str, float] = {"吨": 1000.0, "千克": 1.0, "公斤": 1.0, "克": 0.001}
# Measure words that may be followed by the counted noun in ``unit`` (12个团伙 → 个).
MEASURE_WORDS = "个家户套辆部台处场次本项条张只艘座间把枚份批伙"
# Weak categories: the taxonomy's fallbacks; they say little about what is counted.
WEAK_CATEGORIES = frozenset({"other", "money_other"})


@dataclass(frozen=True, slots=True)
class Stated:
    """A figure with the interval it stands for: ``lo <= true value <= hi`` (``lo <= true <
    hi`` for an exact round figure: 3000 stands for 2500 up to, not including, 3500)."""

    value: float
    lo: float
    hi: float
    step: float
    exact: bool = False

    @property
    def width(self) -> float:
        return self.hi - self.lo

    @property
    def relative_width(self) -> float:
        """How precise the figure is, as its width over its size, rounded to nine significant
        digits so that equally precise figures tie: 24.6 (width 0.1) and 246 (width 1) both give
        0.00406504065, and the earlier statement then wins, never a float's last bit."""
        return float(f"{self.width / max(abs(self.value), 1.0):.9g}")


def unit_class(unit: str | None, quantity_kind: str | None = None) -> str:
    """The class of a unit: 名 and 人 → 人, 件 and 起 → 起, 成 and % → %, 12个团伙's 个团伙 → 个."""
    unit = (unit or "").strip()
    if unit in UNIT_CLASSES:
        return UNIT_CLASSES[unit]
    if len(unit) > 1 and unit[0] in MEASURE_WORDS and unit != "人次":
        return unit[0]
    return unit or (quantity_kind or "")


def step_of(value: float) -> float:
    """The place of the last significant digit: 148700 → 100, 3000 → 1000, 41.2 → 0.1, 0 → 1."""
    v = abs(float(value))
    if v == 0 or not math.isfinite(v):
        return 1.0
    for exponent in range(15, -7, -1):
        place = 10.0 ** exponent
        if place > v * 1.0000001:
            continue
        quotient = v / place
        if abs(quotient - round(quotient)) <= 1e-6 * max(1.0, quotient):
            return place
    return 10.0 ** -6


def stated(value: float, value_max: float | None = None, approx: str | None = None) -> Stated:
    """The interval a stated figure covers.

    exact 3126 → [3125.5, 3126.5), 1.5万 → [14500, 15500); 3000余 (over) → [3000, 4000]; 近15万 (under) → [140000,
    150000]; 约2.4亿 (about) → [2.3亿, 2.5亿], 20%左右 → [15%, 25%]; a range 30万至50万 → [300000, 500000].
    """
    value = float(value)
    step = step_of(value)
    if value_max is not None and value_max > value:
        return Stated(value, value, float(value_max), step_of(value_max))
    if approx == "over":
        return Stated(value, value, value + step, step)
    if approx == "under":
        return Stated(value, value - step, value, step)
    if approx == "about":  # 约2.4亿 [2.3亿, 2.5亿]; 20%左右 [15%, 25%], not [10%, 30%]
        half = step if significant_digits(value) >= 2 else step / 2
        return Stated(value, value - half, value + half, step)
    step = min(step, exact_step(value))
    return Stated(value, value - step / 2, value + step / 2, step, exact=True)


def exact_step(value: float) -> float:
    """The rounding an exact figure may hide: at most half a unit of its second significant
    digit. 1.5万 → 1000 (so 14870 rounds to it), 100亿 → 10亿 (107.2亿 does not), 10 → 1
    (5 does not), 3000 → 100 (3126 does not; 3000余 does)."""
    v = abs(float(value))
    if v == 0:
        return 1.0
    return 10.0 ** (math.floor(math.log10(v) + 1e-12) - 1)


def agree(a: Stated, b: Stated) -> bool:
    """True when the more precise figure lies within the rounding of the less precise one:
    3126 in 3000余 [3000, 4000], 41.2 in 超四成 [40, 50], 14870 in 近1.5万 [14000, 15000];
    1500 is not within 1000's rounding [500, 1500). Two rounded figures agree when their
    intervals overlap (近15万 / 约15万). The same number bounded from opposite sides does not
    agree: 一年以内 [0, 1] and 一年以上 [1, 2], 不到50人 and 50人以上."""
    if a.value == b.value:
        return not (_below(a) and _above(b) or _above(a) and _below(b))
    wide, narrow = (a, b) if a.width >= b.width else (b, a)
    eps = 1e-9 * max(abs(a.value), abs(b.value), 1.0)
    if narrow.exact:
        upper_ok = narrow.value < wide.hi - eps if wide.exact else narrow.value <= wide.hi + eps
        return wide.lo - eps <= narrow.value and upper_ok
    return wide.lo < narrow.hi - eps and narrow.lo < wide.hi - eps


NATIONAL = "100000"


def code_prefix(code: str) -> str:
    """The significant digits of a division code: 420000 → 42, 420100 → 4201, 420102 → 420102."""
    while len(code) > 2 and code.endswith("00"):
        code = code[:-2]
    return code


def code_within(inner: str, outer: str) -> bool:
    """True when division ``inner`` lies inside ``outer`` (not equal): 420100 (武汉市) in 420000
    (湖北省), 440106 in 440100, everything in 100000 (全国)."""
    if inner == outer:
        return False
    if outer == NATIONAL:
        return True
    a, b = code_prefix(inner), code_prefix(outer)
    return inner != NATIONAL and len(a) > len(b) and a.startswith(b)


def _below(s: Stated) -> bool:
    """Stated as at most its value (近, 不到, 以内): the interval ends at the value."""
    return not s.exact and s.hi == s.value and s.lo < s.value


def _above(s: Stated) -> bool:
    """Stated as at least its value (余, 多, 超, 以上): the interval starts at the value."""
    return not s.exact and s.lo == s.value and s.hi > s.value


def significant_digits(value: float) -> int:
    """14.5万 → 3, 3000 → 1, 41.2 → 3."""
    v = abs(float(value))
    if v == 0:
        return 1
    return int(math.floor(math.log10(v / step_of(v)) + 1e-9)) + 1


def tenfold_slip(a: Stated, b: Stated) -> bool:
    """True when one figure is the other times a power of ten, digit for digit, with at least
    two significant digits: 14.5万 and 145万 (a slipped decimal point). 5 and 50, 5 and 100,
    3200多 and 3以上 are no slip."""
    small, big = sorted((abs(a.value), abs(b.value)))
    if small == 0 or small == big or significant_digits(small) < 2:
        return False
    return any(abs(small * 10.0 ** e - big) <= 1e-9 * big for e in (1, 2, 3, 4))
