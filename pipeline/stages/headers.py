"""Article header rules: datelines, bylines with roles, digest tags, outlets, printed dates and
the roles of a headline block's lines (kicker, title, subtitle; a title run on over two lines).

All patterns run on the simplified view of a line (``本報訊`` reads as ``本报讯``); the offsets
they return are the same in the line as printed.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..lexicon import DATA_DIR, alternation, read_words
from .layout import Line

# A paper whose name ends in a bare 报, written right before 记者 (示例法治报记者, 新京报记者): kinds of
# papers, so that a name before 本报 is not read as one (李争艳本报记者).
PAPER = r"[\u4e00-\u9fff]{1,4}(?:法治|法制|法院|检察|公安|青年|都市|商|京)报"
ROLE_WORDS = (r"本报特约记者|本报记者|本报通讯员|特约记者|见习记者|实习记者|[\u4e00-\u9fff]{0,6}?(?:全媒体|融媒体)记者"
              rf"|(?:[\u4e00-\u9fff]{{1,4}}(?:网|社|台|新闻|日报|晚报|晨报|时报)[ \t]?|[\u4e00-\u9fff]{{1,4}}报[ \t]+|{PAPER})?记者"
              r"|通讯员|实习生")
# A name stops where a role word starts: 新华社记者李争艳本报记者彭嘉陵 → 李争艳, 彭嘉陵.
# A transliterated name runs on after its dot: 阿依古丽·买买提, 努尔兰·哈力木.
_DOTTED = r"(?:·[\u4e00-\u9fff]{1,6}){0,2}"
NAME = rf"(?:(?!{ROLE_WORDS}|报道)[\u4e00-\u9fff]){{2,5}}{_DOTTED}"
LEAD_NAME = rf"(?:(?!{ROLE_WORDS}|报道)[\u4e00-\u9fff]){{2,4}}{_DOTTED}"
ROLES = {"记者": "reporter", "本报记者": "reporter", "特约记者": "reporter",
         "本报特约记者": "reporter", "见习记者": "reporter", "通讯员": "correspondent",
         "本报通讯员": "correspondent", "实习生": "other"}

# 【本报讯】, 〔示例日报讯〕, 【示例时报报道 记者 张三】: a mark in brackets, any brackets.
_BRACKETED_MARK = (r"(?:本报讯|本报综合报道|本报综合消息|本报专电|[\u4e00-\u9fff]{1,6}?(?:报|网|社)(?:专讯|讯|电|报道|消息))"
                   r"(?:[ \t]+(?:特约记者|记者)[ \t]*[\u4e00-\u9fff]{2,4}(?:[ \t、][\u4e00-\u9fff]{2,4}){0,2})?")
# A dateline opens the lead paragraph: 本报讯, 本报北京7月1日电, 新华社杭州7月10日电,
# 据新华社北京1月6日电, 中新网8月5日电, 法治网讯, 潇湘晨报6月8日讯, 【本报综合报道】, 【本报讯】, 又讯, 另讯.
DATELINE = re.compile(
    r"^(?P<mark>本报讯|本报[\u4e00-\u9fff\d]{0,12}电|本报[\u4e00-\u9fff\d]{0,12}讯|本报综合(?:报道|消息)(?=[ \t:：，,]|$)"
    r"|据?(?:新华社|中新社|人民网)[\u4e00-\u9fff\d]{0,12}电"
    r"|(?P<outlet>(?!据)[\u4e00-\u9fff]{1,6}?(?:网|报|社|台|在线|客户端|新闻|视窗|之窗|融媒))(?:[\u4e00-\u9fff]{0,6}?\d{1,2}月\d{1,2}日(?:[电讯]|消息)|[电讯])(?=[ \t（(]|$)"
    rf"|[【\[〔]{_BRACKETED_MARK}[】\]〕]|[（(]{_BRACKETED_MARK}[）)](?=\S)"  # （星島日報報道） alone closes an article
    r"|[\u4e00-\u9fff]{1,8}?(?:报|网|社|台)消息(?=(?:[（(][^）)]{1,8}[）)]|[（(](?:记者|通讯员|实习生)[^）)]{1,24}[）)])?[:：])"  # 澳门日报消息：…, 示例网消息（记者 张三 李四）：…
    r"|又讯|另讯)"
)
# (中央社记者王大同台北5日电), 【中央社記者…電】, （示例通讯社记者…台北15日电）: an agency dateline in brackets with the reporter
# inside (the brackets are not part of the mark).
AGENCY_DATELINE = re.compile(
    r"^[（(〔【\[](?P<mark>(?P<outlet>中央社|新华社|中新社|[\u4e00-\u9fff]{2,6}?通讯社)(?:(?P<role>记者)(?P<name>[\u4e00-\u9fff]{2,3}))?"
    r"(?P<place>[\u4e00-\u9fff]{0,6}?)\d{1,2}日电)[）)〕】\]]")
# （汪洪洋、林志平）right after a dateline: names without a role.
LEAD_NAMES = re.compile(r"[ \t]*[（(](?P<names>[\u4e00-\u9fff·]{2,4}(?:[、 ][\u4e00-\u9fff·]{2,4}){0,3})[）)]")
NOT_NAMES = {"综合", "综述", "简讯", "通讯", "图文", "完", "记者", "摘编", "编译"}
# 〔记者王小明/台中报导〕, 〔记者张家豪、林怡君／台北报导〕: a reporter's dateline in brackets.
REPORTER_DATELINE = re.compile(
    r"^[〔\[(（【](?P<mark>(?P<role>记者)[ \t]*(?P<name>[\u4e00-\u9fff]{2,3}(?:[、 ][\u4e00-\u9fff]{2,3}){0,3})[ \t]*[/／][ \t]*[\u4e00-\u9fff]{1,6}?(?:报导|报道))[〕\]）)】]")
# （星島日報報道）, （本報訊）opening the lead: the outlet's credit as a dateline, printed with its
# brackets as 【本报讯】 is (whatever the brackets: （）〔〕【】).
CREDIT_LEAD = re.compile(
    r"^(?P<mark>[（(〔](?P<outlet>[\u4e00-\u9fff]{1,6}?(?:报|网|社))(?:报道|专讯|讯)[）)〕])(?P<name>(?!))?(?=\S)")
AGENCY_DATELINES = (AGENCY_DATELINE, REPORTER_DATELINE, CREDIT_LEAD)
# A byline line: one or more role groups, names separated by spaces; 报道 may close it.
# 文/图 本报记者 吴桐, 记者 苗青 / 通讯员 方园, 本报记者 白露 □本报通讯员 霍华: a credit word
# may open a byline and a slash or a bullet may part its role groups.
CREDIT = r"(?:文/图|图/文|文图|图文|文字|撰文|撰稿|采写|文|图|摄影|摄像)[ \t]*[/:：|｜ ][ \t]*"
# 文/图 张三, 文：张三, 撰文：李嘉欣 (a writer's credit; not 图片：…, a photo's source).
CREDIT_ONLY = (r"(?:(?:文/图|图/文|文／图|图／文)[ \t]*[:：]?[ \t]*|(?:文|图)[ \t]*[/／:：][ \t]*"
               r"|(?:撰文|撰稿|采写|文字)[ \t]*[:：|｜][ \t]*|(?:文|图)[ \t]*[|｜][ \t]*)")
_GROUP_SEP = r"[ \t/|｜□■●◆]*"
# 北京日报客户端 | 记者 张三: the outlet before a bar.
_BAR_OUTLET = r"[\u4e00-\u9fff]{2,10}[ \t]*[|｜][ \t]*"
BYLINE = re.compile(
    rf"^(?:{CREDIT}|{_BAR_OUTLET})?(?:(?:{ROLE_WORDS})[ \t:：/|｜]*{NAME}(?:[ \t、]+{NAME})*{_GROUP_SEP})+"
    r"(?:摄影报道|摄影|报道|摄|文/图|图/文)?$"
    rf"|^{CREDIT_ONLY}{NAME}(?:[ \t、]+{NAME})*$"  # 文/图 张三
    rf"|^(?:{ROLE_WORDS})[ \t]*{NAME}[ \t]*/[ \t]*[\u4e00-\u9fff]{{1,6}}?(?:报导|报道)$")  # 记者林小明/台北报导
_ROLE_GROUP = re.compile(rf"(?P<role>{ROLE_WORDS})[ \t:：/|｜]*(?P<names>{NAME}(?:[ \t、]+{NAME})*)")
# Reporters named after a dateline: 本报讯 记者陈静 通讯员林海 …, (记者 王明), （记者 钱江）.
LEAD_AUTHOR = re.compile(
    rf"[ \t]*(?P<role>{ROLE_WORDS})[ \t/]*(?P<name>{LEAD_NAME})(?=[ \t]|报道)"
    rf"(?P<more>(?:[ \t]+{LEAD_NAME}(?=[ \t]|报道))*)")
LEAD_BRACKET = re.compile(
    rf"[ \t]*[（(](?P<groups>(?:(?:{ROLE_WORDS})[ \t/]*{NAME}(?:[ \t、]+{NAME})*[ \t]*)+)[）)]")
# (记者 王五 通讯员 赵六) or (星岛日报报道) closing an article; not a photo credit (…摄).
TAIL_BYLINE = re.compile(
    rf"^[（(](?P<names>(?:(?:{ROLE_WORDS})[ \t/]*{NAME}(?:[ \t、]+{NAME})*[ \t]*)+)(?<![摄图])[）)]$")
# …提级侦办。（记者 张三 通讯员 李四）: the byline glued to the end of the last paragraph.
GLUED_TAIL_BYLINE = re.compile(
    rf"(?<=[。！？”])[ \t]*[（(](?P<names>(?:(?:{ROLE_WORDS})[ \t/]*{NAME}(?:[ \t、]+{NAME})*[ \t]*)+)(?<![摄图])[）)]$")
TAIL_CREDIT = re.compile(r"^[（(](?P<outlet>[\u4e00-\u9fff]{2,8}?(?:日报|晚报|报|社|台|网))(?:报道|讯|消息)[）)]$")
# 一、 （二） 3. : an enumerated subhead, never a headline's second line.
ENUMERATED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[、.]|第[一二三四五六七八九十]{1,3}[，、 ])")
def numbered_headlines(lines: list[Line]) -> bool:
    """Under a column line, items led by numbered headlines are articles of their own
    (``本周政法要闻回顾`` / ``一、省高院出台意见…`` / text / ``二、…``), titled without the number:
    their lines become tags. True when the lines were so read (the first line and at least one
    more are such headlines, short and without sentence punctuation)."""
    heads = [i for i, line in enumerate(lines) if ENUMERATED.match(line.simple) and len(line.simple) <= 40
             and not re.search(r"[，。；！？：,;!?]", line.simple)]
    if len(heads) < 2 or heads[0] != 0:
        return False
    for i in heads:
        lines[i].kind = "tag"
    return True


# 中新网北京6月1日电 题：…: a dateline carrying the headline (the part kept is up to 题：).
TITLED_DATELINE = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,6}?(?:网|社)|新华社|中新社)[\u4e00-\u9fff]{0,6}?\d{1,2}月\d{1,2}日[电讯][ \t]*题[:：][ \t]*(?=\S)")
# 【江苏】…, 〔平山县〕… or 公安|… : a digest item led by a tag.
LONE_TAG = re.compile(r"^(?:[【〖][^【】〖〗，。；：\s]{1,10}[】〗]|〔[\u4e00-\u9fff·]{1,10}〕)$")  # 【广州】 alone, its item on the next line
# A bold lead may be a whole headline: 【县法院召开审判委员会会议】3月2日，….
# 〔…〕 holds a place or an organ (〔平山县〕, 〔县法院〕), not a document's year (〔2024〕12号).
TAG = re.compile(r"^(?:[【〖](?P<bracket>[^【】〖〗，。；：\s]{1,24})[】〗]|〔[\u4e00-\u9fff·]{1,24}〕|(?P<bar>[\u4e00-\u9fff]{1,6})[ \t]*[|｜][ \t]*)[ \t]*(?=\S)")
_SECTION_WORDS = alternation(read_words(DATA_DIR / "split_section_labels.txt"))
# 【基本案情】, 【办理过程】, 【典型意义】: a section of one article (a typical case), not a digest's tag
SECTION_LABEL = re.compile(rf"^[【〖][\u4e00-\u9fff]{{0,6}}(?:{_SECTION_WORDS})[】〗]")
# 案情回顾, 典型意义 on a line of their own (printed spaced out, 案 情 回 顾): a section heading.
SECTION_HEADING = re.compile(rf"^[\u4e00-\u9fff]{{0,4}}(?:{_SECTION_WORDS})$")
# 中国时报 记者 王晓明/台北报导, 示例法治报记者 张三: the outlet that opens a byline.
BYLINE_OUTLET = re.compile(rf"^(?:([\u4e00-\u9fff]{{1,4}}(?:日报|时报|晚报|晨报|新闻|网))[ \t]+|({PAPER})[ \t]*)记者")
OUTLET_OF_MARK = re.compile(r"^[【\[(（〔]?据?(新华社|中新社|中新网|人民网|中央社|本报|[\u4e00-\u9fff]{2,6}?通讯社)")

_YMD = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})(?!\d)日?")
_DMY = re.compile(r"(?<!\d)(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)(?!\d)")
# 民國113年5月3日, 發布日期：113-04-22: a Taiwan date counted from 1912 (ROC year + 1911); a
# bare 113-04-22 only after a date label.
_ROC = re.compile(r"民[国國][ \t]*(?P<y>\d{2,3})[ \t]*年[ \t]*(?P<m>\d{1,2})[ \t]*月[ \t]*(?P<d>\d{1,2})[ \t]*日"
                  r"|(?:日期|时间)[ \t]*[:：][ \t]*(?P<y2>1[0-4]\d)(?P<sep>[-/.])(?P<m2>\d{1,2})(?P=sep)(?P<d2>\d{1,2})(?!\d)")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MON = r"(?P<mon>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)"
# Aug 5, 2022 / August 5 2022 / 5 August 2022 / 05 Aug 2022
_EN_MDY = re.compile(rf"\b{_MON}[ \t]+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t]+(?P<y>(?:19|20)\d\d)(?!\d)")
_EN_DMY = re.compile(rf"(?<!\d)(?P<d>\d{{1,2}})[ \t]+{_MON},?[ \t]+(?P<y>(?:19|20)\d\d)(?!\d)")
_CN_DIGITS = "〇一二三四五六七八九"
# 二〇二三年七月二十二日: the date under an official release's signature.
_CN_YMD = re.compile(r"(?P<y>[〇零一二三四五六七八九]{4})年(?P<m>[一二三四五六七八九十]{1,2})月"
                     r"(?P<d>[一二三四五六七八九十]{1,3})日")


def _unnamed(pattern: re.Pattern) -> str:
    return re.sub(r"\?P<\w+>", "?:", pattern.pattern)


EN_DATE = re.compile(f"{_unnamed(_EN_MDY)}|{_unnamed(_EN_DMY)}")  # for chrome to strip
CN_DATE = re.compile(_unnamed(_CN_YMD))
# 某市公安局 2021年4月15日: a signature date closing a release.
SIGNATURE_DATE = re.compile(rf"(?:(?:19|20)\d\d年\d{{1,2}}月\d{{1,2}}日|{CN_DATE.pattern})$")


_ORG_END = re.compile(r"(?:院|局|科|处|所|办|部|委|厅|队|站|中心|网|报|社)$")


def is_person(name: str) -> bool:
    """A 作者 value that names a person, not an office: 赵一鸣, not 区法院 or 宣传科."""
    return 2 <= len(name) <= 4 and not (len(name) >= 3 and _ORG_END.search(name))


def agency_name(agency: re.Match) -> str:
    """The reporter's name in an agency's dateline, not running into the place: ``中央社记者陈文
    台南3日电`` → 陈文 (台南 is a city, 南 no place), ``中央社记者陈建宏台北6日电`` → 陈建宏."""
    name = agency.group("name")
    place = agency.groupdict().get("place")
    if place is not None and len(name) == 3 and not is_city(place) and is_city(name[-1] + place):
        return name[:2]
    return name


def role_of(word: str) -> str:
    """记者 → reporter, 通讯员 → correspondent, 实习生 → other."""
    if word.endswith("记者") and word not in ROLES:
        return "reporter"  # 法制网记者, 新华社记者
    return ROLES.get(word, "other")


# 记者 张三 发自北京: where the byline was sent from.
_SENT_FROM = re.compile(r"[ \t]+发自[\u4e00-\u9fff]{2,8}$")
# 记者 林小明 台北报道: a place glued to 报道 after the reporter's name.
_PLACE_REPORT = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]+([\u4e00-\u9fff]{2,3})(?:报道|报导)$")


@lru_cache(maxsize=1)
def _cities() -> frozenset[str]:
    """Names and short forms of provinces and prefecture cities (北京, 杭州, 台北, 香港)."""
    from ..places import shared_gazetteer

    gazetteer = shared_gazetteer()
    return frozenset(gazetteer.high_short | {name for name, divisions in gazetteer.by_name.items()
                                             if any(d.level in ("province", "city") for d in divisions)})


def is_city(name: str) -> bool:
    """True for a province or prefecture city's name: 台北, 杭州; not 李四 or 周家豪."""
    return name in _cities()


def byline_authors(text: str, offset: int = 0) -> list[tuple[int, int, str, str]]:
    """(start, end, name, role) for every name of a byline (``记者李志明 周家豪报道`` → 周家豪);
    a report's signer has no reporter's role (``示例市人民法院院长 张三`` → 张三, other)."""
    signer = SIGNER.match(text)
    if signer:
        return [(offset + signer.start("name"), offset + signer.end("name"), signer["name"], "other")]
    found = []
    place = _PLACE_REPORT.search(text)
    if place and is_city(place.group(1)):  # 记者 林小明 台北报道: 台北 is where, not who
        text = text[:place.start()]
    text = re.sub(r"[ \t]*(?:摄影报道|摄影|报道|摄|文/图|图/文)$", "", text)  # 本报记者 雷鸣 摄影报道
    text = _SENT_FROM.sub("", text)  # 记者 张三 李四 发自北京: 北京 is where
    credit = re.match(CREDIT_ONLY, text)
    if credit and not _ROLE_GROUP.search(text):  # 文/图 张三
        return [(offset + m.start(), offset + m.end(), m.group(), "other")
                for m in re.finditer(r"[\u4e00-\u9fff·]+", text) if m.start() >= credit.end()]
    for group in _ROLE_GROUP.finditer(text):
        role = role_of(group.group("role"))
        base = group.start("names")
        for name in re.finditer(r"[\u4e00-\u9fff·]+", group.group("names")):
            found.append((offset + base + name.start(), offset + base + name.end(),
                          name.group(), role))
    return found


# 示例市中级人民法院院长 张三: the head of an organ signing a report under its headline (an
# organ's name of two characters or more, a post from the list, then the name).
_POSTS = alternation(read_words(DATA_DIR / "split_signer_posts.txt"))
SIGNER = re.compile(rf"^(?P<post>[\u4e00-\u9fff（）()]{{2,24}}?(?:{_POSTS}))[ \t]+(?P<name>[\u4e00-\u9fff·]{{2,5}})$")


def lead_dateline(line: Line) -> tuple[tuple[int, int], list]:
    """The dateline mark of a lead paragraph and the people it names.

    ``本报讯 记者陈静 通讯员林海 今年以来…`` → 本报讯, 陈静 (reporter), 林海 (correspondent);
    ``新华社杭州7月10日电（记者 钱江）`` → 钱江; ``（中央社记者王大同台北5日电）`` → 王大同.
    """
    text = line.simple
    for pattern in AGENCY_DATELINES:
        agency = pattern.match(text)
        if agency:
            spans = []
            if agency.group("name"):  # 记者张家豪、林怡君／台北报导: each name
                base = line.start + agency.start("name")
                spans.extend((base + m.start(), base + m.end(), m.group(), "reporter")
                             for m in re.finditer(r"[\u4e00-\u9fff·]+", agency_name(agency)))
            return agency.span("mark"), spans
    match = DATELINE.match(text)
    spans = []
    pos = match.end()
    while True:
        bracket = LEAD_BRACKET.match(text, pos)
        if bracket:
            spans.extend(byline_authors(bracket.group("groups"), line.start + bracket.start("groups")))
            pos = bracket.end()
            continue
        author = LEAD_AUTHOR.match(text, pos)
        if not author:
            plain = (LEAD_NAMES.match(text, pos)  # not 示例网消息（晚间新闻）
                     if not spans and not match.group("mark").endswith("消息") else None)
            if plain and plain.group("names") not in NOT_NAMES:
                base = line.start + plain.start("names")
                spans.extend((base + m.start(), base + m.end(), m.group(), "other")
                             for m in re.finditer(r"[\u4e00-\u9fff·]+", plain.group("names")))
            break
        role = role_of(author.group("role"))
        spans.append((line.start + author.start("name"), line.start + author.end("name"),
                      author.group("name"), role))
        more_start = author.start("more")
        for extra in re.finditer(r"[\u4e00-\u9fff·]+", author.group("more")):
            spans.append((line.start + more_start + extra.start(),
                          line.start + more_start + extra.end(), extra.group(), role))
        pos = author.end()
    if not spans and match.group("mark")[0] in "【[":  # 【示例时报报道 记者 张三】
        spans = byline_authors(match.group("mark")[1:-1], line.start + match.start("mark") + 1)
    return (0, match.end("mark")), spans


def find_date(text: str) -> date | None:
    """The first full date in ``text``: 2022年08月05日, 2023-08-04, 2022/08/05, 16.05.2016,
    Aug 5, 2022, 5 August 2022, 二〇二三年七月二十二日, 民国113年5月3日, 发布日期：113-04-22."""
    for pattern in (_YMD, _DMY, _EN_MDY, _EN_DMY, _CN_YMD, _ROC):
        match = pattern.search(text)
        if match:
            try:
                return date(*_ymd(match))
            except ValueError:
                continue
    return None


def _cn_number(text: str) -> int:
    """二十二 → 22, 〇七 → 7, 二〇二三 → 2023 (digit by digit when there is no 十)."""
    text = text.replace("零", "〇")
    if "十" not in text:
        return int("".join(str(_CN_DIGITS.index(c)) for c in text))
    tens, _, units = text.partition("十")
    return (_CN_DIGITS.index(tens) if tens else 1) * 10 + (_CN_DIGITS.index(units) if units else 0)


def _ymd(match: re.Match) -> tuple[int, int, int]:
    """Year, month, day of a date match, whatever the script (Aug → 8, 二〇二三 → 2023)."""
    parts = match.groupdict()
    if match.re is _ROC:  # 民国113年 → 2024
        y, m, d = (parts["y"], parts["m"], parts["d"]) if parts["y"] else (parts["y2"], parts["m2"], parts["d2"])
        return int(y) + 1911, int(m), int(d)
    if parts.get("mon"):
        month = MONTHS.index(parts["mon"][:3].lower()) + 1
        return int(parts["y"]), month, int(parts["d"])
    if not parts["y"].isdigit():
        return _cn_number(parts["y"]), _cn_number(parts["m"]), _cn_number(parts["d"])
    return int(parts["y"]), int(parts["m"]), int(parts["d"])


# 示例网讯, 示例在线讯, 示例新闻客户端讯, 示例新闻讯, 示例视窗讯, 示例融媒讯, 示例晚报6月8日讯: the outlet up to the mark.
_MARK_OUTLET = re.compile(r"^[【\[(（〔]?([\u4e00-\u9fff]{1,6}?(?:网|报|社|台|在线|客户端|新闻|视窗|之窗|融媒))"
                          r"(?=[\u4e00-\u9fff]{0,6}?\d|[电讯]|专讯|报道|消息|[ \t】\]）)〕]|$)")


def dateline_outlet(mark: str) -> str | None:
    """The outlet a dateline names: 新华社…电 → 新华社, 法治网讯 → 法治网, 示例法治在线讯 → 示例法治在线;
    本报 names none."""
    match = OUTLET_OF_MARK.match(mark)
    if match:
        return None if match.group(1) == "本报" else match.group(1)
    match = _MARK_OUTLET.match(mark)
    return match.group(1) if match else None


# 检察机关开展 / 民事支持起诉专项活动: a headline line ending in a word that needs the next line.
_OPEN_END = re.compile(f"(?:{alternation(read_words(DATA_DIR / 'split_open_ends.txt'))})$")


def header_roles(header: list[Line], dated: bool = False) -> list[str]:
    """Roles of a headline block: one line is the title; two are kicker and title (title and
    subtitle when the second starts with a dash); three are kicker, title and subtitle. A line
    the e-paper page header lists is the title, the line above it a kicker, below a subtitle.
    Right above a web page's date line (``dated``), two short clauses are one title printed
    over two lines (``男子酒驾被查`` / ``竟称只喝了一口`` / ``2024-05-04 06:30 来源：…``); a
    column's four-character name over a headline stays a kicker (``以案说法`` / ``遗产继承纠纷``)."""
    listed = [i for i, line in enumerate(header) if line.kind == "listed"]
    if listed and listed[0] <= 1 and len(header) - listed[0] <= 2:  # the page header names the title
        return ["kicker"] * listed[0] + ["title"] + ["subtitle"] * (len(header) - listed[0] - 1)
    if len(header) == 1:
        return ["title"]
    if law_note(header[1].simple):  # 中华人民共和国价格法 / （…会议通过） / 中华人民共和国主席令
        return ["title"] + ["subtitle"] * (len(header) - 1)
    run_on = run_on_title(header)
    if run_on is not None:  # 检察机关开展 / 民事支持起诉专项活动: one title on two lines
        head = header_roles(header[:run_on] + header[run_on + 1:]) if len(header) > 2 else ["title"]
        if head[run_on] != "title":  # 县法院推进 / 诉源治理工作 / 二十条措施: title, subtitle
            head = ["title"] + ["subtitle"] * (len(head) - 1)
        return head[:run_on + 1] + ["title"] + head[run_on + 1:]
    if len(header) == 2:
        if dated and min(len(header[0].simple), len(header[1].simple)) >= 5 and clause_pair(header[0].simple, header[1].simple):
            return ["title", "title"]
        if (header[1].text.startswith(("—", "-", "——")) or speaker_subtitle(header[0].simple, header[1].simple)
                or (header[0].kind != "tag" and (figure_subtitle(header[0].simple, header[1].simple)
                                                 or figure_title(header[0].simple, header[1].simple)))):
            return ["title", "subtitle"]
        return ["kicker", "title"]
    if clause_pair(header[1].simple, header[2].simple):  # 专项行动进行时 / 织密安全防护网 / 守护群众“钱袋子”
        return ["kicker", "title", "title"]
    return ["kicker", "title", "subtitle"]


# 法官：…, 主审法官：…, 专家：…: a person who speaks (not 示例县：…, a kicker's topic).
_SPEAKER = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:法官|检察官|警方|警察|民警|律师|专家|学者|记者|代表|委员|业内人士|官方|当事人"
                      r"|负责人|医生)[:：]")
_SAYS = re.compile(r"(?:提出|表示|指出|强调|要求|认为|宣布|呼吁|说|称)$")


def speaker_subtitle(first: str, second: str) -> bool:
    """A headline line over a line that quotes a speaker is title and subtitle, not kicker and
    title (``网络购物“七天无理由退货”引纠纷`` / ``法官：商家不得以“定制”为由拒绝退货``); a short
    slogan over the quote stays a kicker (``聚焦两会`` / ``最高法：…``), and so does a line that
    introduces what is said (``吴邦国致信会议提出`` / ``医药：…``), and a line over a place or an
    organ as its topic (``坚持和发展新时代“枫桥经验”`` / ``示例县：矛盾纠纷就地化解``)."""
    return (len(first) > 8 and ":" not in first and "：" not in first and not _SAYS.search(first)
            and bool(_SPEAKER.match(second)))


# 21名, 2亿元, 12.4%, 200余人次: a count with its measure word.
_FIGURE = re.compile(r"\d+(?:\.\d+)?[万亿]?(?:余|多)?(?:人次|名|人|起|件|元|个|次|家|辆|吨|公斤|克|%|％)")


def figure_subtitle(first: str, second: str) -> bool:
    """A whole headline over a line of its figures is title and subtitle, not kicker and title
    (``示例警方破获特大网络赌博案`` / ``涉案流水逾2亿元``): the first line long (ten characters or
    more, quotes not counted) and without a figure, the second with a count. A kicker is a short
    slogan or tag (``守护春运平安路`` / ``示例警方春节期间接报警情下降12.4%``)."""
    return (len(_QUOTES.sub("", first)) >= 10 and not re.search(r"[\d|｜【】〔〕\[\]]", first)
            and bool(_FIGURE.search(second)))


# 214起, 86人, 二百余起: a count with its measure word closing a line.
_FIGURE_END = re.compile(r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)[万亿]?(?:余|多)?"
                         r"(?:人次|名|人|起|件|元|个|次|家|辆|吨|公斤|克|%|％)$")


def figure_title(first: str, second: str) -> bool:
    """A headline line that closes on a count is the title, not a kicker, and the line under it
    its subtitle (``示例警方半年破获电诈案件214起`` / ``涉案金额逾3000万元``, ``…批捕嫌疑人86人`` /
    ``守护群众“钱袋子”``): a kicker is a short slogan or theme that does not end on a figure
    (``护航营商环境`` / ``示例市检察机关办理涉企案件1200余件``); the first line ten characters or
    more (quotes not counted), the second no dash subtitle."""
    return (len(_QUOTES.sub("", first)) >= 10 and bool(_FIGURE_END.search(first))
            and not second.startswith(("—", "-")))


# （1997年12月29日第八届全国人民代表大会常务委员会第二十九次会议通过）, 中华人民共和国国务院令
_LAW_NOTE = re.compile(r"^[（(][^（）()]{4,60}(?:通过|公布|施行|修正|修订|批准|发布)[）)]$|^[\u4e00-\u9fff]{2,16}(?:主席令|国务院令|部令|政府令|令)$")


def law_note(text: str) -> bool:
    """A line under a law's or decision's name that is not a headline: the bracketed note of its
    adoption (``（…会议通过）``) or the decree it is published by (``中华人民共和国主席令``)."""
    return bool(_LAW_NOTE.match(text))


_QUOTES = re.compile(r"[“”‘’「」『』《》\"']")


def clause_pair(first: str, second: str) -> bool:
    """Two short lines of one length that together make a headline, each a clause of its own
    (``织密安全防护网`` / ``守护群众“钱袋子”``): 4 to 10 characters each (quotes not counted),
    lengths within 2, no punctuation or brackets, neither led by a digit (``1特变电工9.73``
    / ``2黄河化工8.48`` is a table; ``（附图片1张）`` / ``何黄彪夏光辉`` a note and names)."""
    a, b = _QUOTES.sub("", first), _QUOTES.sub("", second)
    return (4 <= len(a) <= 10 and 4 <= len(b) <= 10 and abs(len(a) - len(b)) <= 2
            and not re.search(r"[，。、；！？：,;!?—\-（）()【】]", first + second)
            and not first[:1].isdigit() and not second[:1].isdigit())


def run_on_title(header: list[Line]) -> int | None:
    """Index of the headline line that runs on onto the next, or None: a short line ending in
    a verb that needs its object (``检察机关开展`` / ``民事支持起诉专项活动``). A longer line
    so ended is a kicker with its subject (``国务院三峡建委第七次会议召开``, ``…措施加强``)."""
    for i in range(len(header) - 1):
        below = header[i + 1]
        if (header[i].kind == "heading" and below.kind == "heading" and len(header[i].simple) <= 8
                and _OPEN_END.search(header[i].simple)
                and not below.text.startswith(("—", "-"))):
            return i
    return None
