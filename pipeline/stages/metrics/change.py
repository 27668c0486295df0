"""Change and time scope of a figure: which way it moved, against what, over which period.

    警情同比下降21%        ->  change down, basis yoy
    今年以来，…破获案件760起  ->  period 今年以来 (carried to the paragraph's later figures)

The period grammar is one: ``PERIOD_RE`` finds the time scope a figure is stated for,
``PERIOD_STRIP_RE`` (the same phrases, whatever follows them, without the bare month
ranges) cuts them out of an object (活动期间参加人数 -> 参加人数). Period -> (start, end) is
``pipeline.dates.period_dates``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ...dates import FESTIVAL_PHRASE, RELATIVE_DAYS, ROC_YEAR_PHRASE, dispatch_day, period_dates
from .quantities import Figure
from .words import Clause, clause_start

_MONTHS = r"\d{1,2}(?:月份?)?[至到—－~～-]\d{1,2}月份?"  # 1-5月, 1月至5月份
_PARTS = r"上半年|下半年|[前首][一二两三]季度?|第[一二三四]季度?|[一二三四]季度"  # 第一季度, 一季度, 首三季, 第四季
_AS_OF = r"""
    截至(?:目前|今年|去年|\d{4}年)?               # 截至目前, 截至2021年
    (?:\d{1,2}月(?:\d{1,2}日|底|末|中旬|下旬|上旬)?)?  # … 10月31日, 10月底
"""
# 到8月, 至8月底, 今年到7月底: an end stated alone (a clause's head or after a year; not a range's
# second half, 3月至8月, nor a level reached, 增加到8个)
_TO_MONTH = r"""
    (?:^|(?<=[，,；;。\s年]))(?:到|至)(?:今年|\d{4}年)?\d{1,2}月(?:底|末|份|\d{1,2}日)?(?=[，,]|[\u4e00-\u9fff])
"""
_SINCE_EVENT = r"自[^，。；,;]{1,30}?以来"  # 自专项行动开展以来
_SINCE = r"""
    今年以来 | 去年以来 | 近年来
    | 今年(?:已经?|累计)                           # 今年已破获: the year so far
    | (?:今年|去年|\d{4}年)?\d{1,2}月(?:份|\d{1,2}日)?以来                # 今年4月以来
    | \d{4}年(?:以来|至今)                        # 2018年以来, 2018年至今
"""
_SPANS = r"""
    (?:从|自)?\d{4}年(?:\d{1,2}月份?)?[至到—－-]\d{4}年(?:\d{1,2}月份?)?   # 1993年至1997年3月
    | (?:今年|去年|\d{4}年)?\d{1,2}月\d{1,2}[日号][至到—－-](?:(?:\d{4}年)?\d{1,2}月)?\d{1,2}[日号]  # 3月5日至4月20日, 2025年11月1日至2026年1月15日
    | \d{4}年?(?:[、和与及]\d{4}年?)+(?:这|等)?[两二三四五六七八九十]年            # 1995、1996两年: the years listed
    | (?<![\d年月])(?:近|最近|过去|这)?[一二两三四五六七八九十\d]{1,2}年(?:来|里)   # 一年来, 5年来, 五年里
    | (?<![\d年月])(?:近|最近|过去)[一二两三四五六七八九十\d]{1,2}年(?![前后])      # 近两年
    | (?<![\d年月上下])(?:近|最近|过去|这)?(?:半年|半个月|[一二两三四五六七八九十\d]{1,2}个月)(?:来|以来|里)  # 半年来, 3个月来
    | (?<![\d年月上下])(?:近|最近|过去)(?:半年|半个月|[一二两三四五六七八九十\d]{1,2}个月)(?![前后])    # 近半年, 近3个月
    | (?:\d{4}年|今年|去年)?""" + FESTIVAL_PHRASE + r"""(?:(?:假期|长假|黄金周|小长假)(?:期间)?|期间)  # 国庆中秋假期
    | \d{4}年""" + FESTIVAL_PHRASE + r"""(?![前后以至到晚联期假长黄小])(?=[，,]|[\u4e00-\u9fff])  # 1992年春节: that festival
    | (?:\d{4}年|今年|去年)?\d{1,2}月(?:份|[上中下]旬|\d{1,2}日)?起           # 1997年8月份起, 8月中旬起: to now
    | (?:\d{4}年|今年|去年)?\d{1,2}月\d{1,2}日(?![至到—－-])               # 1月21日: that day
    | (?<![\d月年])\d{1,2}日(?![至到—－-]|\d)                               # 21日: that day
    | 今天 | 今日                                                            # that day
    | 昨[天日](?![^，,。；;]{0,6}?的)                # 昨日已移送: the day before (not 昨天被捕的两名官员: a relative clause)
    | 本月\d{1,2}[日号](?:[至到—－-]\d{1,2}[日号])?                        # 本月12日至13日: this month's days
    | (?:今年|去年|\d{4}年)?(?<![\d月])\d{1,2}月[上中下]旬                       # 8月上旬: that part of the month
    | 上个?月\d{1,2}[日号](?:[至到—－-]\d{1,2}[日号])?                     # 上月10日至13日: last month's days
    | 上个?月(?!份?[底末初]|\d)                                             # 上月，…: the month before
    | 当天 | 当日 | 当晚 | 当夜                                               # that day: the day stated before
    | (?:\d{4}年|今年|去年)?(?:除夕夜?|大年三十|大年初一|正月初一)              # 除夕夜: that day
    | (?<![截至])目前(?=[，,]|[已共全])                                     # 目前，…: to now, no start
    | (?<=[，,；;。\n])目前(?!为止|[\d一二两三四五六七八九十])                      # 据介绍，目前市反诈中心日均…: to now
    | (?<![最])(?:近期|近日|日前)(?=[共已先])                                   # 各派出所近期共检查…: no window
    # 3月11日，…通报，该局近日侦破一起…: the days before the report, no window (inside a clause only:
    # 近日，… opening one leaves the paragraph's window to what it states; not 3日前, 节日前夕, 近期内)
    | (?<=[\u4e00-\u9fff])(?<![最节假月号一二两三四五六七八九十数几多前至止])(?:近期|近日|日前)(?![内来夕])
"""
_OF_YEAR = rf"""
    (?:今年|去年|前年|明年|\d{{4}}年|{ROC_YEAR_PHRASE}  # a year (明年: a plan's; 民國115年: Taiwan's), then perhaps a part of it:
       |(?<!\d)\d{{4}}(?=上半年|下半年|前三季度|第?[一二三四]季度))  # 2023上半年: the year without 年

    (?:{_PARTS}|全年|{_MONTHS}|[前首](?:\d{{1,2}}|[一二两三四五六七八九十]{{1,3}})个?月|\d{{1,2}}月份?)?
    (?=[，,以共全该市县区省]|[\u4e00-\u9fff])      # followed by a clause, not a date (2021年5月3日)
"""
# An organ as the subject right before a yearless window (天宁警方前10个月破获…, 市检察院首8个月共起诉…)
_ORGAN_BEFORE = "|".join(f"(?<={word})" for word in ("警方", "机关", "公安局", "公安厅", "分局", "法院", "检察院", "海关"))
_YEARLESS = rf"""
    (?<![\d年月])(?:{_MONTHS}|{_PARTS})            # 1-10月, 第三季度 without a year
    (?=[，,]|[\u4e00-\u9fff])
    | (?<![\d年月.．到至止])\d{{1,2}}月(?:份|(?=[，,]))  # 10月份, 8月，: a month of its own (not 到11月)
    | (?<![\d年月.．到至止第])\d{{1,2}}月(?=[\u4e00-\u9fff])(?![日号份底末初中上下旬间以起至到前后里内来的])  # 5月联合侦破
    | (?:^|(?<=[，,；;。\s])|{_ORGAN_BEFORE})[前首](?:\d{{1,2}}|[一二两三四五六七八九十]{{1,3}})个?月(?=[，,]|[\u4e00-\u9fff])  # 首8个月，
"""
# 活动开展以来, 专项行动期间: not across 来源： or a line, nor over a year (来源：乐清市公安局今年以来 is
# 今年以来; a year's own windows are read by the patterns above)
_DURING = r"[^，。；,;：:\s年]{2,12}?(?:以来|期间)"
# 行动中，警方冻结…; 此次行动中; 在“雷霆”专项行动中: the operation stated before, as 行动期间
_IN_OPERATION = r"(?:在|于)?(?:此次|这次|本次|该次|是次|上述)?(?:“[^”]{1,8}”)?(?:专项|集中|整治|打击|统一|清查|收网|拘捕|抓捕)*行动中"

# The scope a figure is stated for; a 以来/期间 phrase counts only when its clause ends.
PERIOD_RE = re.compile(rf"(?:{_SPANS}|{_AS_OF}|{_TO_MONTH}|{_SINCE_EVENT}|{_SINCE}|{_OF_YEAR}|{_YEARLESS}"
                       rf"|{_DURING}(?=[，,])|{_IN_OPERATION}(?=[，,]))", re.VERBOSE)
# The same grammar for a sentence without 以来 or 期间 (most sentences): the phrases that need them
# cannot match there, and every other phrase starts with one of these characters, so the scan
# skips the rest (same matches, several times faster: tests/stages/metrics/test_change.py)
_FIRST = r"(?=[\d民今去从自近最过这本昨一二两三四五六七八九十春国元清劳端中截到至上下前第首目明半当除大正日])"
PLAIN_PERIOD_RE = re.compile(rf"{_FIRST}(?:{_SPANS}|{_AS_OF}|{_TO_MONTH}|{_SINCE}|{_OF_YEAR}|{_YEARLESS})",
                             re.VERBOSE)
# In an object the same phrases go whatever follows them (活动期间参加人数).
PERIOD_STRIP_RE = re.compile(rf"(?:{_AS_OF}|{_SINCE_EVENT}|{_SINCE}|{_OF_YEAR}|{_DURING})", re.VERBOSE)


def period_scan(text: str):
    """The period phrases of ``text`` in order (``PERIOD_RE.finditer``; through the faster
    ``PLAIN_PERIOD_RE`` when the text holds no 以来 and no 期间)."""
    if "以来" in text or "期间" in text or "行动中" in text:
        return PERIOD_RE.finditer(text)
    return PLAIN_PERIOD_RE.finditer(text)


def read_change(lex, text: str, cand: Figure, clause: int, left: int,
            previous: list[tuple[Figure, dict]]) -> tuple[str | None, str | None]:
    """Return (direction, basis) of a figure that states a change.

    同比下降21% -> down yoy; 比上年增长28.6%，增收7.9亿元 -> up yoy for both; 增长12.3%和18.7%
    -> the second shares the first's; 降到20% / 跌至1.1万盾 -> a level, no change; a growth
    rate (增长速度降为17.1%) is up.
    """
    head = text[clause:cand.start]
    direction = None
    found = lex.direction_re.search(head)
    if found:
        word = found.group("dir")
        tail = found.group("tail") or ""
        comparative = len(word) == 1 and word in "高低多少快慢"
        if not re.fullmatch(r"了?(?:到|至|为)", tail) and not (
                comparative and (not re.search(r"比|较", head) or tail.endswith("达"))):
            direction = "up" if lex.up_re.fullmatch(word) else "down"
    if direction is None and cand.kind != "percent":
        # 增产小麦107.52亿公斤, 增加农民收入600万元: a change with its object in between.
        near = lex.direction_object_re.search(head)
        if near:
            direction = "up" if lex.up_re.fullmatch(near.group("dir")) else "down"
    gap = text[left:cand.start] if left > clause else None
    if direction is None and gap is not None and previous and re.fullmatch(r"[和、及与或]", gap):
        _, last = previous[-1]
        return last.get("change_direction"), last.get("change_basis")
    if direction is None and cand.kind == "percent" and (
            lex.growth_re.search(head) or lex.growth_re.match(text, cand.end)
            or re.match(r"的?(?:增长|增幅|增速|递增)", text[cand.end:cand.end + 4])):
        if not found or not lex.down_re.fullmatch(found.group("dir")):
            direction = "up"  # 增长速度降为17.1%: a growth rate
    if direction is None:
        return None, None
    for name, pattern in lex.basis:
        if pattern.search(head):
            return direction, name
    for other, fields in reversed(previous):  # 比上年增长28.6%，增收7.9亿元
        if fields.get("change_basis") and other.end <= cand.start:
            return direction, fields["change_basis"]
    return direction, None


_BASE_BEFORE = re.compile(r"(?:比|较|与|同|和|跟|对比)$")


def read_period(text: str, position: int, published: date | None, heads: bool = False):
    """Return (period as written, start, end) of the last time scope starting before
    ``position``; with ``heads``, only one that opens a clause (今年以来，…), as a scope
    carried to the next sentences must."""
    found, seen, last_end, found_end = None, [], -1, -1
    dated_before = None  # the span right before a 期间 phrase: 6月1日至8月31日…行动期间
    for begin, end, period, opens in period_matches(text):
        if begin > position or begin == position and end <= position + 1:
            break  # a period may hold the figure itself (两年来: 两年)
        if level_started_from(text, begin, end, position):
            continue
        if not heads or opens or (begin == last_end and found is not None and period.endswith("期间")):
            dated_before = found if begin == last_end else None
            found, found_end = period, end
        seen.append(period)
        last_end = end
    if found is None:
        return None, None, None
    found = listed_month(text, found_end, position) or found
    start, end = lasted_to_day(text, found_end, position, period_dates(found, published))
    if start is None and end is None and dated_before and found.endswith("期间"):
        return (found, *period_dates(dated_before, published))  # the campaign's stated days
    return found, *year_until(seen, found, start, end, published)


_LASTED = re.compile(r"(?:历时|历经|经过)(?:近|约)?([一二两三四五六七八九十\d]{1,3})个多?月")


def lasted_to_day(text: str, found_end: int, position: int, window: tuple) -> tuple:
    """Return the months a work lasted up to the single day stated before it: 9月12日，…通报，该局
    历时4个月侦破一起… -> (05-12, 09-12) for the figures after 历时 in that sentence; any other
    ``window`` (start, end) is returned as it is."""
    start, end = window
    if start is None or start != end:
        return window
    lasted = _LASTED.search(text, found_end, position + 6)
    if not lasted or lasted.start() >= position:
        return window
    first, last = period_dates(f"{lasted.group(1)}个月来", start)
    return (first, last) if first is not None else window


# 10月、11月、12月分别破获案件12起、15起、20起: months listed, then 分别 and as many figures
_MONTH_LIST = re.compile(r"(\d{4}年)?(\d{1,2})月份?((?:[、和及与]\d{1,2}月份?)+)$")
_RESPECTIVELY = re.compile(r"[，,]?[^，,。；;：:]{0,8}?分别")
_LISTED_FIGURE = re.compile(r"\d[^、，,。；;和及\d]{0,4}[、和及]")


def listed_month(text: str, found_end: int, position: int) -> str | None:
    """Return the month of a list of months (N月、N月、N月分别…A、B、C) that the figure at
    ``position`` is stated for, by its place in the list of figures after 分别: in
    1997年10月、11月、12月，全市分别发生案件120起、115起和98起 the 115起 is 1997年11月 (not the
    last month for all); None when no such list ends at ``found_end``, or the figures outnumber
    the months."""
    if "分别" not in text:
        return None
    months = _MONTH_LIST.search(text, max(0, found_end - 40), found_end)
    after = _RESPECTIVELY.match(text, found_end) if months else None
    if not after or after.end() > position:
        return None
    listed = [months.group(2)] + re.findall(r"\d{1,2}", months.group(3))
    index = len(_LISTED_FIGURE.findall(text, after.end(), position))
    if index >= len(listed):
        return None
    return f"{months.group(1) or ''}{listed[index]}月"


_FROM_LEVEL = re.compile(r"(?:同期)?的?[\d一二两三四五六七八九十]")  # 由去年的|9.6起
_LEVEL_REACHED = re.compile(r"(?:降|升|增|减|提高|降低|下降|上升|增加|减少|增长|扩大|缩小|缩短|回落|攀升|跌|涨)了?(?:至|到|为)")


def level_started_from(text: str, begin: int, end: int, position: int) -> bool:
    """Return True when the period at ``begin:end`` dates only the level a change starts from
    and the figure at ``position`` is the level reached: 由去年的9.6起降至每万人6.2起 -> 去年 is
    9.6起's period, not 6.2起's (the comparison base is never the period)."""
    return (text[begin - 1:begin] in ("由", "从") and begin > 0 and bool(_FROM_LEVEL.match(text, end))
            and bool(_LEVEL_REACHED.search(text, end, position)))


# 1月15日，市公安局召开新闻发布会，通报2023年…: the day of a meeting or an announcement
_MEETING_DAY = re.compile(r"[^。；;]{0,16}?(?:(?:召开|举行)[^。；;，,]{0,10}?(?:发布会|通报会|会议|大会|座谈会)"
                          r"|通报|发布|公布)")
_REPORTS = re.compile(r"(?:通报|发布|公布|介绍|总结|回顾)了?[^，,。；;]{0,6}?$")


def meeting_window(text: str, found: tuple, published: date | None) -> tuple:
    """Return the window a sentence opened by the day of a meeting or an announcement carries to
    the next sentences: the window it reports, else none (the day dates the meeting, not the
    figures): 1月15日，市公安局召开新闻发布会，通报2023年全市公安工作情况。全年共破获… -> 2023;
    1月15日，市公安局召开新闻发布会。… -> no window. Any other ``found`` is returned as it is."""
    period, start, end = found
    if start is None or start != end or not _MEETING_DAY.match(text, text.find(period) + len(period)):
        return found
    for begin, _, phrase, _ in period_matches(text):
        if _REPORTS.search(text, 0, begin):
            first, last = period_dates(phrase, published)
            if (first is not None or last is not None) and first != last:
                return phrase, first, last
    return None, None, None


SAME_DAY = ("当天", "当日", "当晚", "当夜")


def filed_day(found: tuple, dateline: str | None, published: date | None) -> tuple:
    """Return a window read from 今天/昨天 against the day the dispatch was filed, when its dateline
    states one: 新华社北京9月11日电 公安部昨天通报… published 2025-09-12 -> Sep 10, not Sep 11; else
    ``found``. A year-only publication date (a subclass of date) gives no day to read it against."""
    if found[0] not in RELATIVE_DAYS or type(published) is not date:
        return found
    filed = dispatch_day(dateline, published)
    return found if filed is None else (found[0], *period_dates(found[0], filed))


def same_day(found: tuple, *windows) -> tuple:
    """Return the day a 当天/当晚 phrase refers to: the single day stated before it (in its sentence,
    its paragraph, the article), or the first day of a window opened on a day (3月1日起，…。…当天出动
    巡逻艇5艘 -> Mar 1); (None, None, None) when no day was stated. Any other ``found`` is returned
    as it is: 11月26日，…接到报警。民警当晚将嫌疑人抓获 -> Nov 26."""
    if found[0] not in SAME_DAY:
        return found
    for window in windows:
        if window and window[1] is not None and (window[1] == window[2] or window[0].endswith("起")):
            return found[0], window[1], window[1]
    return None, None, None


def stated_span(text: str, published) -> tuple:
    """Return the closed window a sentence states anywhere (not only at its head) with both ends
    and more than one day, which its paragraph's later sentences keep (a case's window: 被告人在2023年9月
    至2024年5月期间非法采砂…。法院判处…有期徒刑三年 -> the penalties' window too); else (None, None, None)."""
    for begin, end, period, _ in reversed(period_matches(text)):
        if re.search(r"[至到—－-]", period):
            start, last = period_dates(period, published)
            if start is not None and last is not None and start < last:
                return period, start, last
    return None, None, None


# 最高刑罚为终身监禁及罚款500万港元, 可处三年以下有期徒刑: what a law provides, not what happened
_STATUTORY = re.compile(r"(?:最高刑罚|最高可(?:判|处)|依法可(?:判|处)|(?<![已被])可(?:判处|处以?|并处))[^。；;]{0,16}$")


def statutory(text: str, position: int) -> bool:
    """Return True for a figure of a penalty a law provides (最高刑罚为终身监禁及罚款500万港元): it has
    no window, whatever the paragraph states."""
    return bool(_STATUTORY.search(text, 0, position))


_UNTIL_END = re.compile(r"^(?:截至|截止|到|至)")
_THIS_YEAR = re.compile(r"^(?:今年|去年|\d{4}年)(?:全年|以来|已经?|累计)?$")


def year_until(seen: list[str], found: str, start, end, published):
    """Return (start, end) of a year and an end stated apart in one sentence: 截至9月底，南京海关今年共…
    -> Jan 1 to Sep 30 (the year gives the start, 截至 the end), either order."""
    until = next((p for p in seen if _UNTIL_END.match(p)), None)
    year = next((p for p in seen if _THIS_YEAR.match(p)), None)
    if until is None or year is None or found not in (until, year):
        return start, end
    first = period_dates(year, published)[0]
    last = period_dates(until, published)[1]
    if first is None or last is None or last.year != first.year:
        return start, end
    return first, last


@lru_cache(maxsize=512)
def period_matches(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """Return the periods of a sentence, once for all its figures: (start, end, text, opens its
    clause), without comparison bases (较去年同期提高9.3个百分点, 比1996年增加7%)."""
    out = []
    for match in period_scan(text):
        if _BASE_BEFORE.search(text, max(0, match.start() - 2), match.start()) or \
                text.startswith(("同期", "相比", "相较"), match.end()) or not match.group(0).strip() \
                or _DATE_LABEL.search(text, max(0, match.start() - 8), match.start()) \
                or match.group(0).endswith(("日", "号", "今天", "今日")) and (
                    _REPORTED.match(text, match.end()) and not _RELEASED.match(text, match.end())
                    or _DISPATCH.match(text, match.end())):
            continue  # 发布日期：2024年2月20日 is when the page was printed; 公安部15日通报 when it was
            # said; 沈阳3月5日电 when the story was filed
        head = clause_start(text, match.start())
        before = text[head:match.start()]
        out.append((match.start(), match.end(), match.group(0),
                    not before.strip() or bool(_DATE_LINE.fullmatch(before)) or bool(_ORGAN_SUBJECT.fullmatch(before))
                    or bool(_SOURCE_LINE.search(text, 0, head))))
    return tuple(out)


# An organ as the clause's subject before its window (市中级人民法院2024年共审结…): the window still
# opens the clause
_ORGAN_SUBJECT = re.compile(r"[\u4e00-\u9fff]{1,16}(?:法院|检察院|公安局|公安厅|分局|机关|部门|警方|海关|总队|支队|大队|派出所)")
# A page's date line glued to its first paragraph (发布日期：2024年2月20日春节期间，我院…): the date is
# no window, and the window after it still opens its clause.
_DATE_LABEL = re.compile(r"(?:时间|日期)[:：]\s*$")
# The day a figure was made public, not its window: 公安部15日通报, 据当地传媒30日报道, 11日在京召开新闻发布会
_REPORTED = re.compile(r"(?:上午|下午|晚间|晚)?(?:在京)?(?:通报|发布|透露|宣布|报道|介绍|表示|称|公布|获悉|"
                       r"召开(?:新闻)?发布会|举行(?:新闻)?发布会|对外发布"
                       r"|(?:从|自|在)[^，。；,;]{1,24}?(?:获悉|了解到|得知))")  # 记者5日从省公安厅获悉
# What the day's release counts itself (市检察院今日发布其中两起典型案例): that day is the figure's window
_RELEASED = re.compile(r"(?:上午|下午|晚间|晚)?(?:在京)?(?:通报|发布|公布)了?(?:其中)?[\d一二两三四五六七八九十百]+"
                       r"(?:起|个|件|宗|批)[^，,。；;]{0,12}?案例")
# A dateline's day: 新华社北京3月5日电, 本报沈阳3月5日讯
_DISPATCH = re.compile(r"(?:专?电|讯)")
# A source or editor line glued to it (来源：乐清市公安局今年以来，…; 责任编辑：王敏今年以来，…): the
# window still opens the paragraph.
_SOURCE_LINE = re.compile(r"(?:来源|稿源|出处|责任编辑|编辑|审核|校对|终审)[:：]$")
_DATE_LINE = re.compile(r"\s*(?:(?:发布|发稿|更新|发表)?(?:时间|日期)[:：]\s*)?"
                        r"\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)(?:\s*\d{1,2}:\d{2})?\s*")


def change_of_figure(c: Clause) -> None:
    """The rule of ``attributes.RULES``: direction and basis, 同比下降21% -> down, yoy."""
    lex = c.lex
    text, cand, previous, clause, left = c.text, c.cand, c.previous, c.clause, c.left
    # Change: a direction word right before the number, the basis anywhere before it.
    c.direction, c.basis = read_change(lex, text, cand, clause, left, previous)


# 去年同期为上升3.5%: a figure stated for the comparison base itself
_BASE_STATED = re.compile(r"(?:去年|上年)同期(?:则|分别)?(?:为|是)[^，,。；;]{0,6}$")


def base_year(text: str, position: int, start, end) -> tuple:
    """Return the window of a figure stated for the comparison base, one year back: 今年上半年立案数
    同比下降12.8%，去年同期为上升3.5% -> 3.5% is last year's first half; else (start, end)."""
    if not _BASE_STATED.search(text, max(0, position - 16), position):
        return start, end
    return tuple(_year_back(day) for day in (start, end))


def _year_back(day):
    """The same day a year before (Feb 29 -> Feb 28); None stays None."""
    if day is None:
        return None
    return day.replace(year=day.year - 1, day=28) if (day.month, day.day) == (2, 29) \
        else day.replace(year=day.year - 1)
