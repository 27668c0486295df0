"""Windows a figure takes from what its sentence tells: the day of a verdict for its penalties,
none for one offender's deed or for what an investigation found, the window a report's lead says
it is about, the day of a press conference for what it released (GUIDE_attribution.md, section 2)."""

from __future__ import annotations

import re

from ...dates import period_dates
from .change import period_matches
from .words import clause_start

# 犯罪嫌疑人唐某在超市盗窃价值1200余元的商品: a clause whose subject is one offender, telling the deed
# (not a gang's: 犯罪嫌疑人杨某某等12人以小额贷款为名…)
_OFFENDER_DEED = re.compile(r"(?:^|[，,：:])\s*(?:犯罪嫌疑人|嫌疑人|被告人|嫌犯)[\u4e00-\u9fff]{0,2}某"
                            r"(?![^，,。；;]{0,4}等)")
_VERDICT = re.compile(r"宣判|判决|审结|一审|二审")
_PENALTY = re.compile(r"判处|判决|判刑|获刑|并处")


def verdict_day(text: str, position: int, found: tuple, published) -> tuple:
    """Return the day of the verdict for a penalty in a sentence that opens with that day and
    (又讯 6月10日 too) and then tells the crime's window: 6月10日，叙州区人民法院对一起非法采矿案公开宣判，被告人曾某勇
    2023年3月至9月…盗采江砂…，被判处有期徒刑三年六个月，并处罚金15万元 -> Jun 10 (the sand and
    its value keep 2023-03..09). Anything else is ``found`` unchanged."""
    period, start, end = found
    if start is None or end is None or start == end:
        return found
    matches = [m for m in period_matches(text) if m[1] <= position]
    if len(matches) < 2 or matches[-1][2] != period or not _PENALTY.search(text, matches[-1][1], position):
        return found
    first = matches[0]
    if not (first[3] or first[0] <= 4) or not _VERDICT.search(text, first[1], matches[-1][0]):
        return found
    day = (first[2], *period_dates(first[2], published))
    return day if day[1] is not None and day[1] == day[2] else found


MEETING = re.compile(r"(?:召开|举行)[^。；;，,]{0,10}?(?:发布会|通报会)")
AT_MEETING = re.compile(r"\s*(?:在)?(?:新闻)?(?:发布会|通报会)(?:现场)?上")  # 发布会上，…
RELEASING = re.compile(r"(?:通报|发布|公布)了?(?:其中)?$")  # …还通报了|5起典型案例: what the meeting released
# 查明该团伙…, 经查，…: what the investigation found, the case's past (not the day it was solved)
INQUIRY = re.compile(r"查明|经查")
TOPIC_OPEN = re.compile(r"(?:通报|发布|公布|总结|介绍)了?")
_TOPIC_BEFORE = re.compile(r"(?:通报|发布|公布|总结|介绍)了?$")
_TOPIC_AFTER = re.compile(r"[^，,。；;]{0,24}?(?:情况|成效|战果|成果|工作|数据|形势)")


def reported_window(text: str, published) -> tuple:
    """Return the window a report's lead says the report is about, wherever it stands in the
    sentence: 6月26日，黔东南州举行…宣传活动，州禁毒办通报了1至5月各地禁毒工作情况 -> Jan 1 to May 31;
    公安部11日召开新闻发布会，通报今年以来全国公安机关…工作情况 -> Jan 1 to the publication date. The
    later paragraphs that state none of their own take it; (None, None, None) when there is none."""
    for begin, end, phrase, _ in period_matches(text):
        if _TOPIC_BEFORE.search(text, max(0, begin - 3), begin) and _TOPIC_AFTER.match(text, end):
            first, last = period_dates(phrase, published)
            if first is not None or last is not None:
                return phrase, first, last
    return None, None, None


def offender_deed(text: str, position: int, window) -> bool:
    """Return True for a figure of one offender's deed told with no window of its own, in a
    paragraph or report whose window is longer than a day (今年1月至4月，县检察院共受理…。办案检察官
    介绍，犯罪嫌疑人唐某在县城一超市盗窃价值1200余元的商品后… -> no window: the theft is not one of
    the window's results). A single day stated before stays (7月2日，…提起公诉。犯罪嫌疑人杜某亮…
    吸收资金2860万元 -> Jul 2)."""
    if not window or window[1] is None or window[1] == window[2]:
        return False
    return bool(_OFFENDER_DEED.search(text, 0, position))




# 全市已设立夜间巡防点位146个: a stock built up to now (not 已抓获, a result of the window)
_STOCK = re.compile(r"已经?(?:先后|陆续|累计)?(?:设立|建立|建成|组建|成立|配备|安装|布设|设置|建起|挂牌)")


def standing_stock(text: str, position: int) -> bool:
    """Return True for a figure its clause counts as a stock built up to now, cumulative: 巡查将持续到
    8月底，全市已设立夜间巡防点位146个 -> (null, publication day), not the operation's window; 已抓获
    嫌疑人12名 is a result and keeps it; nor a figure in a modifier (已建成的4栋住宅中的3栋, 已成立由…组成的
    5人调查小组)."""
    found = _STOCK.search(text, clause_start(text, position), position)
    return bool(found) and "的" not in text[found.end():position]


# 9月1日，记者从怀来县公安局获悉，…: the day the reporter learned of it
_LEARNED = re.compile(r"\s*[，,]?\s*记者(?:近日)?(?:从|在|自)[^，,。；;]{1,30}?(?:获悉|了解到|得知)")


def learned_day(text: str, found: tuple) -> bool:
    """Return True when the one day a figure takes is the day the reporter learned of the case, not
    the day of the case: 9月1日，记者从怀来县公安局获悉，该局…查获一起非法狩猎案，抓获…4人 -> no window
    (as a case told with 近日); 9月1日，记者从…获悉，今年以来… keeps its own window."""
    period, start, end = found
    if start is None or start != end:
        return False
    at = text.find(period)
    return at >= 0 and bool(_LEARNED.match(text, at + len(period)))


# ，被告人赵某国冒充…: the offender whose crime a verdict's sentence goes on to tell
_CONVICT = re.compile(r"[，,：:]\s*(?:被告人|被告|罪犯)")


def verdict_opened(text: str, found: tuple) -> bool:
    """Return True for a sentence opened by the day of a verdict: 6月8日，齐河县人民法院公开宣判一起诈骗案."""
    period, start, end = found
    if start is None or start != end:
        return False
    at = text.find(period)
    return at >= 0 and bool(_VERDICT.search(text, at + len(period), at + len(period) + 40))


def crime_in_verdict(text: str, position: int, found: tuple) -> bool:
    """Return True for a figure of the crime a verdict's sentence tells, before any penalty: 6月8日，
    齐河县人民法院公开宣判一起诈骗案，被告人赵某国…骗取本县6名老人积蓄共计41.6万元 -> no window (the
    crime's own; its penalties, 判处…有期徒刑四年, take the verdict's day)."""
    if not verdict_opened(text, found):
        return False
    convict = _CONVICT.search(text, 0, position)
    return bool(convict) and not _PENALTY.search(text, convict.end(), position)


def is_penalty(text: str, position: int) -> bool:
    """Return True for a penalty: 法院以诈骗罪判处赵某国有期徒刑四年，并处罚金5万元."""
    return bool(_PENALTY.search(text, 0, position))


_THRESHOLD = re.compile(r"\s*(?:以上|以下|及以上|及以下|起)(?:的|者)")  # 50万元以上的案件, 3人以上的团伙


def threshold_of(text: str, end: int) -> bool:
    """Return True for a figure that sets a threshold of the cases a report counts: 涉案金额50万元以上的
    案件已全部成立专班 (it takes the operation's window, not the 截至3月底 of the sentence before)."""
    if text.endswith(("以上", "以下"), 0, end):  # the figure's span may hold its 以上
        end -= 2
    return bool(_THRESHOLD.match(text, end))


# 被告人王某明…在2023年9月至2024年5月期间 / 2025年9月至11月，被告人胡某军伙同…: a crime's own window
# (an offender named X某: 被告人王某明, 村民韩某, 杨某在…; not 某区, 某公司)
_OFFENDER_NEAR = re.compile(r"(?:被告人|犯罪嫌疑人|嫌疑人|嫌犯|男子|女子)[^，,。；;、]{0,3}某|伙同"
                            r"|[\u4e00-\u9fff]某{1,2}[\u4e00-\u9fff]{0,2}?(?=在|受|通过|伙同|及其|等|与|从|将|以|[，,])")
# 法院以…罪判处…, 并处罚金, 对4人提起公诉: a step of justice taken on the case, after the crime
_JUSTICE_STEP = re.compile(r"判处|判决|判刑|获刑|并处|罚金|缓刑|提起公诉|起诉")


def crime_window(text: str, period: str | None, position: int) -> bool:
    """Return True when the window a figure's sentence states is a crime's own, told with its
    offender next to it: 被告人王某明及其妻子刘某在2023年9月至2024年5月期间…非法采砂1.8万吨 (its penalties,
    in the sentences after, do not take it)."""
    if not period:
        return False
    at = text.rfind(period, 0, position)
    if at < 0:
        return False
    return bool(_OFFENDER_NEAR.search(text, max(0, at - 16), min(len(text), at + len(period) + 16)))


_JUSTICE_AFTER = re.compile(r"[^，,。；;]{0,3}?(?:提起公诉|起诉|获刑|被判)")  # 对4人提起公诉


def justice_step(text: str, position: int, end: int) -> bool:
    """Return True for a figure of a step of justice taken on a case (a penalty, a prosecution): 法院以
    非法采矿罪判处王某明有期徒刑三年六个月，并处罚金10万元; 以帮助信息网络犯罪活动罪对4人提起公诉."""
    return bool(_JUSTICE_STEP.search(text, 0, position) or _JUSTICE_AFTER.match(text, end))


_REWARD_AFTER = re.compile(r"(?:的)?(?:现金)?(?:奖励|奖金)")  # …给予最高3000元奖励
_OFFERING = re.compile(r"给予|悬赏|奖励")


def reward_offer(text: str, start: int, end: int) -> bool:
    """Return True for a reward a report offers for tips, a standing offer with no window: 经查证属实的
    给予最高3000元奖励 (not 共发放奖金12万元, which is paid)."""
    return bool(_REWARD_AFTER.match(text, end)) and bool(_OFFERING.search(text, clause_start(text, start), start))
