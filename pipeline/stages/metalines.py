"""Date and source lines of a page: ``2022年08月05日 15:40 来源：中国新闻网``, ``南方日报
2020-07-13 06:21``, ``发布时间：…``, ``16.05.2016 05:30``, an e-paper's edition line
(``第02版：要闻``), a public account's line (``原创 示例检察 示例检察院 2023-07-06 18:30 江苏``)
and a Taiwan page's ROC date (``113/05/03 10:20``).

``meta_line`` reads one line: its date, outlet and author, or None when the line is text. The
chrome stage (``chrome.py``) marks such lines ``meta``.
"""

from __future__ import annotations

import re
from datetime import date

from ..io import printed_date
from ..lexicon import DATA_DIR, alternation, read_tagged, read_words
from . import headers
from .headers import find_date
from .layout import ORGAN_END, OUTLET_END

# 第05版：法治新闻 上一版 下一版, 示例晨刊 2024-06-26 07:40 分享到: the page widgets beside an
# edition or date line (what is left is the outlet).
# 分享至：微信 微博 QQ空间, 字体：【大 中 小】: a share or font widget with its buttons.
_SHARE_TARGETS = alternation(read_words(DATA_DIR / "chrome_share_targets.txt"))
_PAGER = re.compile(r"上一版|下一版|上一篇|下一篇|PDF版|版面导航|返回目录"
                    r"|分享到[:：]?|分享让更多人看到|大字体|小字体|打印本页|关闭窗口|收藏本文|扫一扫")
_WIDGET_PART = re.compile(rf"分享(?:到|至|给)?[:：]?(?:[ \t]*(?:{_SHARE_TARGETS}))+(?![\u4e00-\u9fffA-Za-z])|分享(?:到|至)?[:：][ \t]*$"
                          r"|[【\[]?(?:字体|字号)[:：]?[ \t]*【?[ \t]*大[ \t]*中[ \t]*小[ \t]*】?[】\]]?"
                          r"|(?:字体|字号)[:：]?[ \t]*(?:[Aa][+\-＋－][ \t]*){1,3}")  # 字号：A+ A-
# 索引号：…　发布机构：…, 成 文 日 期：…: the fields of a government release's metadata table (a
# label may be printed with spaces between its characters), by what the field says.
_RELEASE_TAGS = {label: tag for tag, labels in read_tagged(DATA_DIR / "chrome_release_fields.txt").items()
                 for label in labels}
_RELEASE_LABEL = re.compile(
    "(?P<label>" + "|".join("[ \t\u3000]*".join(label) for label in sorted(_RELEASE_TAGS, key=len, reverse=True))
    + ")[ \t\u3000]*[:：]")
# 成文日期, 发布时间: the dated fields of that table; the one place that knows a written date
# (成文日期, 印发日期: the day the document was signed) from a published one (发布日期).
_RELEASE_DATES = {tag: sorted((label for label, t in _RELEASE_TAGS.items() if t == tag), key=len, reverse=True)
                  for tag in ("published", "written")}
_DATE_LABELS = "|".join(_RELEASE_DATES["published"] + _RELEASE_DATES["written"])
_PUBLISHED_LABEL = re.compile("|".join(_RELEASE_DATES["published"]))
_WRITTEN_FIELD = re.compile(rf"(?:{'|'.join(_RELEASE_DATES['written'])})[ \t]*[:：][ \t]*[^ \t]*")
_META_LABEL = re.compile(
    rf"(?P<label>(?:信息|文章|新闻)?来源|稿源|转自|转载自|[Ss]ource|{_DATE_LABELS}|(?:最后)?(?:发布|发稿|更新|发表|出版|刊发|录入)?(?:时间|日期)|发布|发稿|发表|刊发|作者|责任编辑|编辑|发布者|发布人|发布单位"
    r"|浏览次数|阅读次数|点击次数|访问次数|浏览量|浏览|阅读量|阅读数|访问量|点击量|点击数|点击|阅读|评论|评论数|点赞|转发|字号)[ \t]*[:：]"
    r"[ \t]*(?P<value>[^ \t【】\[\]]*(?:[ \t]+(?:记者|特约记者|通讯员)?[ \t]*[\u4e00-\u9fff]{2,4}(?![\u4e00-\u9fff:：]))?)")
_TIME = re.compile(r"(?:(?:北京|香港|台北|澳门)?时间[ \t]*)?(?<!\d)\d{1,2}(?::\d{2}(?::\d{2})?|时\d{1,2}分)(?!\d)"
                   r"(?:[ \t]*(?:[AaPp]\.?[Mm]\.?|GMT[+-]?\d*|UTC[+-]?\d*))?")
# A line that is only a time: 香港时间17时05分, 15:40
_TIME_LINE = re.compile(rf"^(?:{_TIME.pattern})$"
                        rf"|^\d{{1,2}}[-/]\d{{1,2}}[ \t]+(?:{_TIME.pattern})$"  # 05-06 10:00: no year
                        r"|^(?:\d{1,2}[ \t]*(?:分钟|小时)前|刚刚|(?:昨天|前天)[ \t]*\d{1,2}:\d{2})$")  # 2小时前
# 2023-10-13 16:20 中央社 台北13日电: a wire's dateline beside the date.
_WIRE_MARK = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,4}\d{1,2}日[电讯]")
# 阅读 1.2万, 评论 16: a count without a colon beside the date.
_ISSUE = re.compile(r"(?:总)?第[ \t]*[0-9０-９一二三四五六七八九十百]{1,4}[ \t]*期")
# （2026年第23期）: a bulletin's issue in brackets on a line of its own (not 1998年第一期 citing a
# journal inside a sentence)
_ISSUE_TEXT = rf"[ \t]*(?:(?:19|20)\d\d年)?[ \t]*(?:{_ISSUE.pattern}[ \t]*[，,]?[ \t]*){{1,2}}"
_ISSUE_LINE = re.compile(rf"^[（(]{_ISSUE_TEXT}[）)]$"
                         # 2026年第19期（总第412期）: the issue and the running count in brackets
                         rf"|^(?:(?:19|20)\d\d年)?[ \t]*{_ISSUE.pattern}[ \t]*[（(][ \t]*{_ISSUE.pattern}[ \t]*[）)]$")
# 2026年第23期, 第15期 总第230期 without brackets: chrome only among the lines above the page's
# first text (a journal's issue cited on a line of its own in a review is text).
BARE_ISSUE_LINE = re.compile(rf"^{_ISSUE_TEXT}$")
_COUNT = re.compile(r"(?:阅读|浏览|评论|点赞|转发)[ \t]*\d+(?:\.\d+)?[万千]?")
# English labels of a date line: Posted on Aug 5, 2022
_EN_LABEL = re.compile(r"(?i)\b(?:posted|updated|published|last updated|date|time)(?:[ \t]+on)?\b[ \t]*:?")
# （5/6 15:10 更新）, (最后更新 10:02): an update note beside the date.
_UPDATE_NOTE = re.compile(r"[（(][^（）()]{0,24}?(?:更新|修改|[Uu]pdated)[^（）()]{0,12}[）)]")
# 更新：2024年3月8日, 最后更新于 10:02: the label of a page's second date line.
_UPDATED = re.compile(r"(?:最后)?(?:更新|修改|修订)(?:于|时间|日期)?[ \t]*[:：]?")
# 【】, 【字号：大 中 小】, [ 打印 ], 字号：T | T, 【我要分享】, 【大 中 小】: empty brackets and a
# widget's buttons.
_EMPTY_BRACKETS = re.compile(r"[（(【\[][ \t]*[）)】\]]|[【\[][ \t]*(?:字体|字号|打印|关闭|收藏)[^【】\[\]]{0,12}[】\]]"
                             r"|字号[:：][ \t]*(?:[Tt大中小][ \t]*[|｜]?[ \t]*){2,3}"
                             r"|[【\[](?:我要|点击)?(?:分享|打印|关闭|收藏|纠错|评论)[^【】\[\]]{0,6}[】\]]"
                             r"|【[ \t]*大[ \t]*中[ \t]*小[ \t]*】")
_DATE_TEXT = re.compile(
    r"(?:19|20)\d\d[ \t]*[-/.年][ \t]*\d{1,2}[ \t]*[-/.月][ \t]*\d{1,2}日?|\d{1,2}\.\d{1,2}\.(?:19|20)\d\d"
    r"|星期[一二三四五六日天]|周[一二三四五六日]"
    r"|(?:中华)?民国[ \t]*\d{2,3}[ \t]*年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日"  # (中華)民國113年05月03日
    rf"|{headers.EN_DATE.pattern}")
# 二〇二三年七月二十二日 alone on its line: the date under a release's signature.
_CN_DATE_LINE = re.compile(rf"^(?:{headers.CN_DATE.pattern})$")
# （１９９７年１２月２３日） under a speech's title: the date of the speech, not a date line.
_BRACKETED = re.compile(r"^[（(].*[）)]$")
# 第02版：要闻, A07版：法治新闻, 版次：A05 版名：政法新闻: the edition (版次) and its name (版名).
_EDITION = re.compile(r"(?:第[ \t]*[A-Za-z]?[0-9０-９一二三四五六七八九十]{1,3}|(?<![\dA-Za-z])[A-Za-z]?[0-9０-９]{1,3}(?=版[:：]))"
                      r"[ \t]*版(?:(?:[:：][ \t]*|[ \t]+)[\u4e00-\u9fff·]{1,8})?"
                      r"|版次[:：][ \t]*[A-Za-z]?[0-9０-９]{1,3}版?(?:[ \t]*版名[:：][ \t]*[\u4e00-\u9fff·]{1,8})?")
EDITION = _EDITION  # e-paper pages are known by their edition line
# 原创 示例检察 示例检察院 2023-07-06 18:30 发表于江苏: a public account's date line.
_ACCOUNT = re.compile(r"^原创[ \t]+|[ \t]*发表于[\u4e00-\u9fff]{2,4}$")
# 原创 李晓 示例检察 2024-02-27 17:30 江苏: 原创, the writer (may be absent), the account, the
# date and time, the province it was posted from (发表于 may be dropped).
_ACCOUNT_LINE = re.compile(
    r"^原创[ \t]+(?:(?P<author>[\u4e00-\u9fff·]{2,6})[ \t]+)?(?P<account>[^ \t]{2,16})[ \t]+"
    r"(?P<when>(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:[ \t]+\d{1,2}:\d{2})?)"
    r"(?:[ \t]+(?:发表于)?[\u4e00-\u9fff]{2,4})?$")
# 示例公安 2024-03-01 20:00 浙江, 李晓 示例公安 2024-03-01 浙江: an account's line without 原创,
# the writer (or the account twice) before the account, the province after the date: the
# account, not the province, is the outlet.
_POSTED_FROM = re.compile(
    r"^(?:(?P<author>[\u4e00-\u9fff·]{2,6})[ \t]+)?(?P<account>[^ \t:：]{2,16})[ \t]+"
    r"(?P<when>(?:19|20)\d\d[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:[ \t]+\d{1,2}:\d{2})?)"
    r"[ \t]+(?:发表于)?(?P<place>[\u4e00-\u9fff]{2,4})$")
_META_BYLINE = re.compile(
    r"[ \t](?:特约记者|记者|通讯员)[ \t]*[\u4e00-\u9fff·]{2,4}(?:[ \t]*/[ \t]*[\u4e00-\u9fff]{1,6}?(?:报导|报道))?[ \t]*$")
# 南方日报, 示例新闻网, 示例快讯 (蓮島快訊), 示例资讯, 示例法治在线: an outlet's name beside the date.
_OUTLET_NAME = re.compile(rf"(?:{OUTLET_END})$")
_OUTLET_REST = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff\-－]{1,11}$")
# 来源示例晚报作者纪律2022-11-03 08:15: labels glued to their values, no colon, no space.
_GLUED_START = re.compile(r"^(?:来源|稿源|作者)(?![:：])")
_GLUED_LABEL = re.compile(r"(?<!责任)(来源|稿源|作者|责任编辑|编辑)(?![:：])")
_GLUED_DATE = re.compile(r"(?<=[\u4e00-\u9fff])(?=(?:19|20)\d\d[-/.年])")
# 作者：张三2023-05-06来源：示例网: a labelled value runs into the next label or the date.
_LABEL_PREFIXES = sorted({"最后", "发布", "发稿", "更新", "发表", "出版", "刊发", "录入", "信息", "文章", "新闻", "责任"}
                        | {label[:-2] for label in _DATE_LABELS.split("|") if len(label) == 4})
_LABEL_AT = re.compile(rf"(?<=\S)(?<!{'|'.join(_LABEL_PREFIXES)})"
                       rf"(?=(?:{_DATE_LABELS})[:：]|(?:信息|文章|新闻)?(?:来源|稿源)[:：]|作者[:：]|(?:责任)?编辑[:：]"
                       r"|(?:发布|发稿|更新|发表|出版|刊发|录入)?(?:时间|日期)[:：])")


def release_fields(text: str) -> dict | None:
    """Read a line of a government release's metadata table: ``成文日期：2025-09-17　　发布日期：
    2025-09-18`` → published 2025-09-18 (the 发布日期, not the 成文日期: the day it was written);
    ``索引号：…　　发布机构：示例市公安局`` → outlet 示例市公安局 (发布机构, 信息来源, 发文机关).
    None unless the line opens with such a field and every label on it is one."""
    if not _RELEASE_LABEL.match(text.lstrip(" \t\u3000")) or "。" in text:
        return None
    labels = list(_RELEASE_LABEL.finditer(text))
    found: dict = {}
    for label, after in zip(labels, labels[1:] + [None]):
        tag = _RELEASE_TAGS[re.sub(r"[ \t\u3000]", "", label["label"])]
        value = text[label.end():after.start() if after else len(text)].strip(" \t\u3000")
        if re.search(r"[:：]", value):  # 发布日期：2025-09-18 点击：36 — another kind of line
            return None
        day = find_date(label.group() + value) if tag == "published" else None  # 发布日期：113-04-22 (ROC)
        if day and "published" not in found:
            found["published"] = day
        elif tag == "outlet" and value and value != "无":
            found.setdefault("outlet", value.strip("《》"))
    return found


def unglued(text: str) -> str:
    """A date/source line whose parts run together, spelled out with spaces:
    ``作者：张三2023-05-06来源：示例网`` → ``作者：张三 2023-05-06 来源：示例网``;
    ``来源示例晚报作者纪律2022-11-03`` (no colons; only at the start of a line with a date)
    → `` 来源：示例晚报 作者：纪律 2022-11-03``. Other text is unchanged."""
    if _GLUED_START.match(text) and not _META_LABEL.search(text) and _DATE_TEXT.search(text):
        text = _GLUED_LABEL.sub(r" \1：", text)
    elif "：" in text or ":" in text:
        text = _LABEL_AT.sub(" ", text)
    else:
        return text
    return _GLUED_DATE.sub(" ", text)


def meta_line(text: str) -> dict | None:
    """Read a date/source line: ``2022年08月05日 15:40 来源：中国新闻网`` → date and outlet.

    A line counts when it holds a date or a label and what is left is at most an outlet name
    (``南方日报 2020-07-13 06:21``); a headline that mentions a date leaves too much.
    """
    if _ISSUE_LINE.match(text):  # （2026年第23期）: a bulletin's issue on a line of its own
        return {}
    if len(text) > 80 or "。" in text or _BRACKETED.match(text):
        return None
    release = release_fields(text)
    if release is not None:
        return release
    text = _COMPILER_GAP.sub("", unglued(text))  # 示例市委政法委　编　2026年7月8日
    account = _ACCOUNT_LINE.match(text) or _POSTED_FROM.match(text)
    if account and (account.re is _ACCOUNT_LINE or headers.is_city(account["place"])):
        return _account_line(account)
    roc = _ROC_LINE.match(text)
    if roc:  # 113/05/03 10:20 on a Taiwan page
        return {"published": _roc_date(roc)}
    if _CN_DATE_LINE.match(text):
        return {"published": find_date(text)}
    if _TIME_LINE.match(text):  # 15:40, 05-06 10:00, 2小时前: a time without a full date
        return {}
    found: dict = {}
    text = _EMPTY_BRACKETS.sub(" ", _WIDGET_PART.sub(" ", text.replace("\u3000", " ")))  # 【字号：大 中 小】; no U+3000 in clean text
    rest = text
    for match in _META_LABEL.finditer(text):
        label, value = match["label"], match["value"].strip()
        if label.endswith(("来源", "稿源", "转自", "转载自", "Source", "source", "发布单位")) and value:  # 发布单位：刑事警察局
            found["outlet"] = value.strip("《》")  # 来源：《示例日报》
        elif label == "作者" and value:
            found["authors"] = value
        rest = rest.replace(match.group(), " ", 1)
    account = bool(_ACCOUNT.search(rest))  # 示例平安 2023-05-06 18:30 发表于广东: the account is the outlet
    rest = _PAGER.sub(" ", _ACCOUNT.sub(" ", _EN_LABEL.sub(" ", _UPDATE_NOTE.sub(" ", rest))))
    if _DATE_TEXT.search(rest) or _TIME.search(rest):
        rest = _UPDATED.sub(" ", rest)  # 更新：2024年3月8日 星期五 18:40
    published = _published(text)
    if published:
        found["published"] = published
    had_date = bool(_DATE_TEXT.search(rest) or _EDITION.search(rest) or _TIME_LINE.match(text))
    byline = _META_BYLINE.search(rest)
    if byline and had_date:  # 2019-05-21 13:05 联合报 记者张志明/即时报导
        found.setdefault("authors", byline.group().strip())
        rest = rest[:byline.start()]
    rest = _EDITION.sub(" ", _TIME.sub(" ", _DATE_TEXT.sub(" ", rest)))
    rest = _WIRE_MARK.sub(" ", _COUNT.sub(" ", re.sub(r"[·•・]", " ", rest)))  # 2023-05-06 10:00 · 示例网
    rest = _ISSUE.sub(" ", rest) if had_date else rest  # 2026年5月18日 星期一 第20期: a newsletter's issue
    rest = re.sub(r"[ \t]+", " ", _EMPTY_BRACKETS.sub(" ", rest)).strip(" |｜/").replace("《", "").replace("》", "")
    if not (found or had_date):
        return None
    if rest and not _OUTLET_REST.match(rest):
        words = rest.split(" ")  # 示例检察 示例检察院 beside a full date and a time: account names
        if not (published and _TIME.search(text) and len(words) <= 3
                and all(_OUTLET_REST.match(word) for word in words)):
            return None
        rest = words[-1]
    if rest and "outlet" not in found and not had_date:
        return None
    if rest and (_OUTLET_NAME.search(rest) or account):  # 南方日报 2020-07-13; not 于北京 or a signature
        found.setdefault("outlet", rest)
    compiler = _COMPILER.match(rest) if had_date else None
    if compiler:  # 示例市委政法委编 2026年6月22日: the organ that compiles a digest is its outlet
        found.setdefault("outlet", compiler["organ"])
    return found


# 示例市委政法委编, 示例县公安局编印: the organ that compiles a digest or bulletin (a blank may
# part the organ from 编: 示例市委政法委　编).
_COMPILER_GAP = re.compile(r"(?<=[局院委厅部办心会室])[ \t\u3000]+(?=(?:编印|编发|编)(?:[ \t\u3000]|$))")
_COMPILER = re.compile(rf"^(?P<organ>[\u4e00-\u9fff]{{2,16}}?(?:{ORGAN_END}))(?:编印|编发|编)$")


def _published(text: str) -> date | None:
    """The page's date on a date line: the one after a published label of the release table
    (``成文日期：2025-09-17 来源：示例局 发布日期：2025-09-18`` → 2025-09-18), never a written one
    (``成文日期：2025-09-17 来源：示例局`` → None); else the line's date."""
    published = _PUBLISHED_LABEL.search(text)
    return find_date(text[published.start():] if published else _WRITTEN_FIELD.sub(" ", text))


def _account_line(match: re.Match) -> dict:
    """Date, outlet (the account) and writer of a public account's line: ``原创 李晓 示例检察
    2024-02-27 17:30 江苏`` → 示例检察, 李晓; in ``原创 示例检察 示例检察院 …`` the first name is
    the account's own, no writer."""
    found = {"published": find_date(match["when"]), "outlet": match["account"]}
    author = match.groupdict().get("author")
    if author and headers.is_person(author) and author not in match["account"] and match["account"] not in author:
        found["authors"] = author
    return found


# 113/05/03 10:20, 113-04-22: a date in ROC years alone on its line (with a time at most).
_ROC_LINE = re.compile(r"^(?P<y>1[01]\d)(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?$")


def _roc_date(match: re.Match) -> date | None:
    """The date of a ROC-year date line (``113/05/03`` → 2024-05-03), None if it is no date."""
    try:
        return date(int(match["y"]) + 1911, int(match["m"]), int(match["d"]))
    except ValueError:
        return None



def stamped(text: str) -> bool:
    """True for a date line with a time or a label beside its full date, the date line a web
    page prints under each headline (``发布时间：2024-03-14 09:30``, ``2024-05-06 10:20 来源：…``);
    not a bare date under a signature (``2024年3月14日``)."""
    return find_date(text) is not None and bool(_TIME.search(text) or _META_LABEL.search(text))


# What the chrome stage reads besides meta_line: dates and times in a line, labels, edition
# lines, outlet names.
DATE_TEXT = _DATE_TEXT
TIME = _TIME
META_LABEL = _META_LABEL
OUTLET_NAME = _OUTLET_NAME


_TOP_DATE = re.compile(r"(?:19|20)\d\d年\d{1,2}月\d{1,2}日")


def page_published(current: date | None, raw: str, lines: list, kinds: list[str | None],
                   found: date | None) -> date | None:
    """The page's date: ``current`` (the input's, or the reader's guess from a date among the first
    lines, ``io.printed_date``, which never reads a dash subtitle), else ``found`` on the page's
    date line. The guess yields to the date line when it was read off article text, not chrome: a
    headline ``示例省新规2026年3月1日起施行`` over ``发布时间：2026-02-20 09:30`` → 2026-02-20."""
    if current is None or found is None or found == current or current != printed_date(raw):
        return current or found
    top = next((i for i, line in enumerate(lines[:3])
                if len(line.simple) <= 40 and _TOP_DATE.search(line.simple)), None)
    return found if top is not None and kinds[top] is None else current
