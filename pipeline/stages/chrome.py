"""Page chrome: the lines of a scraped or e-paper page that belong to no article.

Chrome stays in the raw text; the splitter lists its spans (``documents.chrome``) and keeps
it out of every article, so no sentence, entity or metric comes from it. Kinds:

- ``nav``: navigation crumbs (``首页 > 法治 > 正文``, ``首页 | 新闻 | 法治``);
- ``widget``: share, font-size and print widgets (``分享到``, ``大字体 小字体``, ``【关闭】``);
- ``meta``: date and source lines (``2022年08月05日 15:40 来源：中国新闻网``, ``南方日报
  2020-07-13 06:21``, ``16.05.2016 05:30``, ``发布时间：…``), mastheads
  (``法治日报 2021年11月2日 星期二``) and e-paper edition lines (``第02版：要闻``);
- ``page_title``: the browser title repeated above the headline (``标题_新闻频道``);
- ``page_header``: an e-paper page's list of the headlines printed on it;
- ``original_title`` (``原标题：…``), ``editor`` (``责任编辑：…``), ``end_mark`` (``(完)``, a rule
  line ``———``),
  ``correction`` (``【纠错】``), ``footer`` (copyright, 备案号, 转载请注明),
  ``teaser`` (``新闻推荐``/``相关阅读`` and the headlines under it), ``comment`` (``网友评论``
  and the short lines under it, ``发表评论``, ``已有3条评论``), ``column``
  (``简讯``, ``法治快讯``), ``jump`` (``下转第二版``, ``上接第一版``) and ``junk``
  (anti-scraping strings such as ``xK9qLm2ZpR7wTb``), ``number`` (a release's serial or
  document number: ``（编号：2024-017）``, ``示公通〔2024〕3号``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..lexicon import DATA_DIR, alternation, read_words
from . import epaper, headers, sitenames
from .headers import find_date
from .layout import Line, heading_like
from .metalines import BARE_ISSUE_LINE, DATE_TEXT, EDITION, META_LABEL, OUTLET_NAME, TIME, meta_line, stamped
from .chromelines import CRUMB_START, line_kind
from .signatures import signature_date

# Police arrest three over online fraud: a headline without a Chinese character.
_LATIN_TITLE = re.compile(r"^(?=.*[A-Za-z]{2,}[ \t]+[A-Za-z]{2,})[^\u3400-\u9fff]{8,120}$")
# 【法治】 alone above the date line: the channel the page sits in.
_CHANNEL = re.compile(r"^【[^【】]{1,8}】$")
# 标题_示例网, 标题 - 示例在线, 标题|新闻频道: the browser title with the site's name.
_SITE_SUFFIX = re.compile(r"[ \t]*(?:_|-|—|\||｜|－)[ \t]*[\u4e00-\u9fffA-Za-z0-9]{2,12}"
                          r"(?:网|报|在线|频道|新闻|客户端|中心|站)$")
_PAGE_TITLE_SEP = re.compile(r"^[ \t]*(?:_|-|—|\||｜|－)")
_OUTLET = r"[\u4e00-\u9fff]{1,8}(?:日报|晚报|晨报|时报|周刊|网|社|台|频道)"
# A site-name line: 法治日报 - 法制网 (two names), or one name such as 示例晚报, 示例新闻网.
_SITE = re.compile(rf"^{_OUTLET}(?:[ \t]*[-_|｜—]+[ \t]*{_OUTLET}){{1,2}}$"
                   r"|^[\u4e00-\u9fff]{1,6}(?:日报|晚报|晨报|时报|新闻网|电视台|通讯社)$|^[\u4e00-\u9fff]{3,8}网$"  # 示例快讯网
                   rf"|^{_OUTLET}[ \t]+[A-Z][A-Za-z.]{{1,20}}(?:[ \t]+[A-Z][A-Za-z.]{{1,20}}){{0,3}}$")  # 示例社 SNA, 示例日报 Example Daily
# 你的公司如何上网, 逃犯难逃法网: a headline ending in a word with 网, not a site's name (but
# 示例广电网, a radio and TV site, is one).
_NOT_SITE_END = re.compile(f"(?<!广)(?:{alternation(read_words(DATA_DIR / 'chrome_not_site_ends.txt'))})$")
_SOURCE = re.compile(r"(?:来源|稿源)[:：][ \t]*([^ \t【】\[\]]+)")
_MASTHEAD = re.compile(r"^[\u4e00-\u9fff]{1,6}(?:报|日报|晚报|晨报|时报|周刊)$")


@dataclass
class PageMeta:
    """What the chrome says about the page: its date, outlet and an author line."""

    published: date | None = None
    outlet: str | None = None
    authors: str | None = None  # the value of 作者：…
    chrome: list[tuple[int, int, str]] = field(default_factory=list)
    headlines: set[str] = field(default_factory=set)  # listed in the page header (e-paper)
    organ: str | None = None  # the organ whose site it is (示例省人民检察院 over 首页 > 检察要闻)
    site: str | None = None  # the news site's own name atop the page (示例法治在线 | 守护一方平安)
    signed: list[tuple[int, date]] = field(default_factory=list)  # (start, date) of releases' signature dates
    dated: bool = False  # a date line, edition line or masthead (not a signature) dates the page


_GAP = re.compile(r"[ \t\u3000]+")


def glued_meta(lines: list[Line]) -> list[Line]:
    """Cut a date/source line glued to the lead paragraph off it: ``2024-05-06 10:21
    来源：示例法治网　本报讯（记者 韩梅）男子…。`` → the date line + the lead (so for a
    timestamp line the cleaner joined to the next line, ``2023-08-04 13:07:33 近日，…。``).
    The part cut off must read as a date line with a time or a label besides the date: a lead
    that opens with a bare date (``2023年5月6日 上午，…``) is left whole."""
    out = []
    for line in lines:
        cut = _meta_prefix(line.simple) if len(line.simple) > 24 and "。" in line.simple else None
        if cut is None:
            out.append(line)
            continue
        head, rest = cut
        out.append(Line(line.start, line.start + head, line.text[:head], line.kind, line.simple[:head]))
        out.append(Line(line.start + rest, line.end, line.text[rest:], line.kind, line.simple[rest:]))
    return out


# …调查。【责任编辑：王五】, …调查。 编辑：王五 审核：赵六, …偵辦。（編輯：林美玲）1130506
_GLUED_EDITOR = re.compile(r"(?<=[。！？”])[ \t]*(?:[（(【\[](?:责任编辑|责编|编辑)[:：][^）)】\]]{1,20}[）)】\]]\d{0,8}"
                           r"|(?:责任编辑|责编|编辑)[:：][^。！？，（）()]{1,30})$")


def glued_editor(lines: list[Line]) -> list[Line]:
    """Cut an editor's note glued to the end of the last paragraph off it, as a line of its
    own: ``…介入调查。【责任编辑：王五】`` → ``…介入调查。`` + ``【责任编辑：王五】`` (chrome)."""
    out = []
    for line in lines:
        note = _GLUED_EDITOR.search(line.simple) if "编" in line.simple[-32:] else None
        if note is None or note.start() == 0:
            out.append(line)
            continue
        at = note.start() + len(note.group()) - len(note.group().lstrip())
        out.append(Line(line.start, line.start + note.start(), line.text[:note.start()], line.kind,
                        line.simple[:note.start()]))
        out.append(Line(line.start + at, line.end, line.text[at:], line.kind, line.simple[at:]))
    return out


def _meta_prefix(text: str) -> tuple[int, int] | None:
    """(end of the date line, start of the lead) when ``text`` opens with a glued date line."""
    if not _GAP.search(text, 0, 70) or not DATE_TEXT.search(text[:30]):  # no blank, no date line
        return None
    best = None
    for gap in _GAP.finditer(text[:70]):
        head = text[:gap.start()]
        if len(text) - gap.end() < 10 or "。" in head or "，" in head:
            break
        if (find_date(head) and (TIME.search(head) or META_LABEL.search(head))
                and meta_line(head) is not None):
            best = (gap.start(), gap.end())
        if _opens_lead(text[gap.end():]):  # … 来源：示例网 本报讯 记者…: the lead starts here
            break
    return best


def _opens_lead(text: str) -> bool:
    """True when ``text`` starts with a dateline (``本报讯``, ``新华社…电``, ``（中央社…电）``)."""
    return bool(headers.DATELINE.match(text) or any(p.match(text) for p in headers.AGENCY_DATELINES))


_CLOSING = ("end_mark", "editor", "correction", "meta")  # a footer does not: 其中\n版权所有


def _as_printed(line: Line, value: str | None) -> str | None:
    """``value`` found in the simplified view, as printed on the line (联合报 → 聯合報)."""
    at = line.simple.find(value) if value else -1
    return line.text[at:at + len(value)] if at >= 0 else value


def _mark_lines(lines: list[Line], kinds: list[str | None], meta: PageMeta) -> None:
    """Set the kind of every line that is chrome on its own; read date, outlet and author."""
    teaser = comments = read = False
    for i, line in enumerate(lines):
        kind = line_kind(line.simple)
        if kind is None and teaser and heading_like(line.simple):
            kind = "teaser"
        if kind is None and comments and len(line.simple) <= 120:
            kind = "comment"  # 山水：物业也该管管了。 under 网友评论
        teaser = kind == "teaser"
        comments = (kind == "comment" and read) or (comments and kind == "widget")
        read = read or "。" in line.simple  # comments follow an article's text, not a headline
        if kind == "widget":  # 【来源：示例法治网】【字号 大 中 小】
            source = _SOURCE.search(line.simple)
            if source:
                meta.outlet = meta.outlet or _as_printed(line, source.group(1))
        if kind is None and i and kinds[i - 1] == "nav" and CRUMB_START.match(lines[i - 1].simple) and (
                CRUMB_START.match(line.simple) or (len(line.simple) <= 4 and heading_like(line.simple))):
            kind = "nav"  # the crumbs after 首页 on lines of their own
        if kind in (None, "widget"):  # 时间：2021-10-08 作者：刘晓 【打印】【关闭】 is a date line
            found = meta_line(line.simple)
            if found is not None and (kind is None or found.get("published") or EDITION.search(line.simple)):
                kind = None if read and signature_date(lines, kinds, i) else "meta"
                meta.published = meta.published or found.get("published")
                if kind is None and found.get("published"):
                    meta.signed.append((line.start, found["published"]))
                meta.dated = meta.dated or (kind == "meta" and found.get("published") is not None)
                meta.outlet = meta.outlet or _as_printed(line, found.get("outlet"))
                meta.authors = meta.authors or _as_printed(line, found.get("authors"))
        kinds[i] = kind


_MASTHEAD_COLUMN = re.compile(r"[ \t]*[·•・|｜][ \t]*[\u4e00-\u9fff]{2,8}$")


def _masthead(line: Line) -> str | None:
    """The paper's name on a masthead line: ``示例法治报`` → itself, ``示例法治周刊 · 要闻速递``
    (the paper and its column) → 示例法治周刊; None for any other line."""
    column = _MASTHEAD_COLUMN.search(line.simple)
    name = line.simple[:column.start()] if column else line.simple
    return _as_printed(line, name) if _MASTHEAD.match(name) else None


_CHANNEL_FIRST = re.compile(r"^[\u4e00-\u9fff]{2,8}频道[ \t]*[-_|｜—]")  # 本地新闻频道_示例新闻网
_SITE_PARTS = re.compile(r"[ \t]*[-_|｜—]+[ \t]*")


def _top_site(line: Line) -> str | None:
    """The web site's name on a site-name line at the top of a page, as printed:
    ``示例边关网-法治频道`` → 示例边关网 (the site, whose channel follows), ``本地新闻频道_示例新闻网``
    → 示例新闻网 (the channel first), ``示例快讯网`` → itself;
    None for a paper's name (``示例日报 - 示例网``: the paper's own site, no other outlet)."""
    end = _SITE_PARTS.search(line.simple)
    name = line.simple[:end.start()] if end else line.simple
    if end and name.endswith("频道"):  # 本地新闻频道_示例新闻网: the channel, then the site
        rest = line.simple[end.end():]
        after = _SITE_PARTS.search(rest)
        site = rest[:after.start()] if after else rest
        return line.text[end.end():end.end() + len(site)] if site.endswith(("网", "在线")) else None
    return line.text[:len(name)] if name.endswith(("网", "在线")) else None


def _mark_titles(lines: list[Line], kinds: list[str | None], meta: PageMeta) -> None:
    """Mark the browser title above the headline and an e-paper page's headline list.

    ``标题_新闻频道`` followed by ``标题`` → page_title; at the top of an e-paper page, two or
    more headlines (or any after 本版导读) that are printed again below → page_header.
    """
    _mark_sites(lines, kinds, meta)
    _mark_title_crumbs(lines, kinds)
    _mark_section(lines, kinds)
    for i, line in enumerate(lines[:3]):  # 法治日报 - 法制网 above everything else
        if kinds[i] is None:
            below = i + 2 if i + 2 < len(lines) and lines[i + 1].simple in _CHANNEL_NAMES else i + 1
            masthead = (_masthead(line) if below < len(lines)  # 示例日報 / 港聞 / 中華民國115年2月3日
                        and kinds[below] == "meta" else None)  # 示例法治报 above the date line
            if (_SITE.match(line.simple) and not _NOT_SITE_END.search(line.simple)) or masthead:
                kinds[i] = "page_title"
                if masthead and meta.outlet is None:
                    meta.outlet = masthead
                elif not masthead:
                    meta.site = meta.site or _top_site(line)
            elif channel := sitenames.channel_site(line.simple):
                kinds[i] = "page_title"  # 示例平安网 - 警务动态: the site and its channel
                meta.site = meta.site or _as_printed(line, channel)
            elif (site := sitenames.slogan_site(line.simple)) and site[1]:
                kinds[i] = "page_title"  # 示例市公安局 | 对党忠诚 服务人民: an organ's site
                meta.organ = meta.organ or _as_printed(line, site[0])
            elif site or sitenames.site_over_headline(lines, kinds, i):
                kinds[i] = "page_title"  # 示例法治在线 | 守护一方平安
                meta.site = _as_printed(line, site[0] if site else line.simple)
            break
    for i, line in enumerate(lines[:-1]):  # 【法治】 above the date line
        if kinds[i] is None and kinds[i + 1] in ("meta", "nav") and _CHANNEL.match(line.simple):
            kinds[i] = "column"
    _mark_channel(lines, kinds)
    _mark_channel_under_date(lines, kinds)
    _mark_channel_over_headline(lines, kinds)
    rest = [i for i, kind in enumerate(kinds) if kind is None]
    if len(rest) >= 2 and _LATIN_TITLE.match(lines[rest[0]].simple):  # an English headline over the Chinese one
        kinds[rest[0]] = "page_title"
        rest = rest[1:]
    pair = next((n for n in range(min(len(rest) - 1, 3)) if "。" not in lines[rest[n]].simple
                 and _browser_title(lines[rest[n]].simple, lines[rest[n + 1]].simple, n == 0)), None)
    if pair is not None:  # 示例网 - 示例之声 / 标题_示例网 / 标题: all above the headline is chrome
        for i in rest[:pair + 1]:
            kinds[i] = "page_title"
        _title_site(lines[rest[pair]], meta)
        rest = rest[pair + 1:]
    guided = any(kind == "page_header" for kind in kinds[:rest[0]]) if rest else False
    texts = [lines[i].simple.lstrip("·・‧ ") for i in rest]
    listed = _listed_headlines(lines, rest, texts, guided)
    if len(listed) >= 2 or (listed and guided):
        for i in listed:
            kinds[i] = "page_header"
        meta.headlines = {texts[pos] for pos in range(len(listed))}
    elif rest and (one_line := headline_row(texts[0], texts[1:])):
        kinds[rest[0]] = "page_header"
        meta.headlines = set(one_line)
    for i in (i for i, kind in enumerate(kinds) if kind == "page_header" and epaper.guide_row(lines[i].simple)):
        meta.headlines |= set(epaper.guide_headlines(lines[i].simple, [line.simple for line in lines[i + 1:]]))


def _browser_title(first: str, second: str, top: bool) -> bool:
    """True for a browser title over the headline: ``标题_示例法治在线`` / ``标题``; at the top of
    the page also ``示例网 - 标题`` over a headline."""
    return first == second or (first.startswith(second) and len(second) >= 4
                               and bool(_PAGE_TITLE_SEP.match(first[len(second):]))) or (
        top and bool(_SITE_SUFFIX.search(first)) and heading_like(second))


def headline_row(text: str, below: list[str]) -> list[str] | None:
    """An e-paper page's headline list printed on one line, the headlines apart by spaces,
    every one printed again below on a line of its own: ``甲地警方破获…案 乙县法院审结…案`` over
    ``甲地警方破获…案`` / … / ``乙县法院审结…案`` / … → the headlines; else None."""
    parts = text.split(" ")
    if len(parts) < 2 or not all(len(part) >= 6 and heading_like(part) for part in parts):
        return None
    return parts if all(part in below for part in parts) else None


_CRUMB_SEP = re.compile(r"[ \t]*(?:>>|[>＞»])[ \t]*")


def _mark_title_crumbs(lines: list[Line], kinds: list[str | None]) -> None:
    """Crumbs that end with the headline are navigation: ``示例网 > 法治 > 男子…被刑拘`` over
    the headline ``男子…被刑拘`` (the last crumb may be cut short: ``男子网购…``). The crumbs
    before it are short words; the headline must be printed on a line of its own below."""
    for i, line in enumerate(lines[:6]):
        if ">" not in line.simple and "»" not in line.simple and "＞" not in line.simple:
            continue
        parts = _CRUMB_SEP.split(line.simple)
        if kinds[i] is not None or len(parts) < 3 or "。" in line.simple:
            continue
        last = parts[-1].rstrip("…. ")
        if len(last) >= 6 and all(0 < len(part) <= 12 for part in parts[:-1]) and any(
                kinds[j] is None and lines[j].simple.startswith(last) for j in range(i + 1, min(len(lines), i + 4))):
            kinds[i] = "nav"


def _listed_headlines(lines: list[Line], rest: list[int], texts: list[str], guided: bool) -> list[int]:
    """The lines of an e-paper page's headline list: headlines printed again below; after
    本版导读, every headline of its block (up to a blank line) once one of them is printed again
    (a list may word a headline otherwise: 示例区：守护岸线安全 over 岸线巡逻常态化)."""
    listed = []
    for pos, i in enumerate(rest):
        if not heading_like(texts[pos]) or texts[pos] not in texts[pos + 1:]:
            break
        listed.append(i)
    if not guided or not listed:
        return listed
    block, closed = [], False
    for pos, i in enumerate(rest):
        closed = bool(pos) and _blank_between(lines[rest[pos - 1]], lines[i])
        if closed or i != rest[0] + pos or not heading_like(texts[pos]):
            break
        block.append(i)
    # only a block a blank line closes: without one the list runs into the first article
    return block if closed and len(block) > len(listed) and block[:len(listed)] == listed else listed


def _blank_between(before: Line, after: Line) -> bool:
    """True when more than a line break lies between two lines of the page (a blank line)."""
    return after.start - before.end > 1


# 港聞 > 社會: crumbs of two or three short words, read as navigation at the top of a page.
_TOP_CRUMBS = re.compile(r"^[\u4e00-\u9fff]{2,6}(?:[ \t]*(?:>>|[>＞»])[ \t]*[\u4e00-\u9fff]{2,6}){1,2}$")
# 示例省公安厅门户网站, 示例日报: a site's name on a line of its own; at the top of a page also
# an organ's (示例省人民检察院, 示例市公安局), not between headline and date line (被诉至示例市法院).
_WEB_NAME = re.compile(r"^[\u4e00-\u9fff]{2,14}(?:门户网站|网站|官网|官方网站|政务网|新闻网|客户端|日报|晚报|晨报|时报|电视台)$")
_ORGAN_NAME = re.compile(r"^[\u4e00-\u9fff]{1,8}(?:省|市|县|区|州)[\u4e00-\u9fff]{0,6}?(?:人民法院|人民检察院|检察院|法院"
                         r"|公安局|公安厅|司法局|司法厅|人民政府)"
                         r"(?:[\u4e00-\u9fff]{1,6}?(?:分局|支队|大队|派出所|检察室|法庭))?$")  # 示例市公安局示例分局


def _mark_sites(lines: list[Line], kinds: list[str | None], meta: PageMeta) -> None:
    """Mark the site's chrome around a web page's headline: crumbs of two or three words at
    the top (``港聞 > 社會``), a site's name above the crumbs or the channel at the top
    (``示例省人民检察院`` / ``首页 > 检察要闻``; a paper's or news site's name there is the
    outlet), and a site's name between the headline and the date line (``headline`` /
    ``示例省公安厅门户网站`` / ``发布日期：…``)."""
    top = 0  # the lines above the page's first text
    while top < min(len(lines), 5) and "。" not in lines[top].simple:
        top += 1
    for i in range(top):
        if kinds[i] is None and _TOP_CRUMBS.match(lines[i].simple):
            kinds[i] = "nav"
        elif kinds[i] is None and BARE_ISSUE_LINE.match(lines[i].simple):
            kinds[i] = "meta"  # 示例政法动态 / 2026年第23期 at the top of the page
            if i == 1 and kinds[0] is None and _CHANNEL_WORD.match(lines[0].simple):
                kinds[0] = "column"  # 平安示例 over 第9期: the bulletin's name, no kicker
        elif kinds[i] in (None, "nav") and (site := sitenames.parted_site(lines[i].simple)):
            kinds[i] = "page_title"  # 示例网_平安示例_示例市政法综合信息平台: the site's own line
            meta.site = meta.site or _as_printed(lines[i], site)
    first_nav = next((i for i in range(top) if kinds[i] in ("nav", "column")), None)
    if first_nav is not None and all(kinds[i] is None or kinds[i] == "page_title" for i in range(first_nav)):
        for i in range(first_nav):
            if kinds[i] is None and (_site_name(lines[i].simple) or _ORGAN_NAME.match(lines[i].simple)):
                kinds[i] = "page_title"
                _site_outlet(lines[i], meta)  # 示例日報 / 港聞 > 社會: the paper is the outlet
                site = _top_site(lines[i]) if _CHANNEL_FIRST.match(lines[i].simple) else None
                if site:  # 本地新闻频道_示例新闻网 / 首页 > …: the site after its channel
                    _site_outlet(Line(lines[i].start, lines[i].end, site, lines[i].kind, site), meta)
                if _ORGAN_NAME.match(lines[i].simple):
                    meta.organ = meta.organ or lines[i].text
            elif kinds[i] is None and (parted := sitenames.parted_site(lines[i].simple, least=2)):
                kinds[i] = "page_title"  # 示例法治在线 - 示例之声 / 首页 | 新闻 | …: the site's line
                meta.site = meta.site or _as_printed(lines[i], parted)
    first = next((i for i, kind in enumerate(kinds) if kind is None), None)
    if first is not None and first < top and _channel_site(lines[first], meta):
        kinds[first] = "page_title"
    for i in range(1, len(lines) - 1):
        if (kinds[i] is None and kinds[i - 1] is None and kinds[i + 1] == "meta"
                and _WEB_NAME.match(lines[i].simple) and heading_like(lines[i - 1].simple)):
            kinds[i] = "page_title"
            _site_outlet(lines[i], meta)
    _mark_poster(lines, kinds, meta)
    _mark_account_name(lines, kinds, top)


def _mark_account_name(lines: list[Line], kinds: list[str | None], top: int) -> None:
    """A public account's name on a line of its own over its post line, which prints the name
    again, is the site's name, no headline: ``示例检察`` / ``原创 示例检察 2026年08月12日 17:30 江西``."""
    for i in range(min(top, len(lines) - 1)):
        name = lines[i].simple
        if (kinds[i] is None and kinds[i + 1] == "meta" and _POSTER.match(name)
                and re.search(rf"(?:^|[ \t]){re.escape(name)}(?:[ \t]|$)", lines[i + 1].simple)):
            kinds[i] = "page_title"


# 2024-03-14 12:06·湖南, 12:06 发布于湖南, 12:06 IP属地：湖南: a self-media post's date line ends
# with the province it was posted from.
_POSTED_PLACE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?[ \t]*(?:[·•・]|发布于|IP属地[:：]?)[ \t]*(?P<place>[\u4e00-\u9fff]{2,3})$")
_POSTER = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9·]{2,12}$")


def _mark_poster(lines: list[Line], kinds: list[str | None], meta: PageMeta) -> None:
    """The account's name over a self-media post's date line is no headline: ``男子…被判刑`` /
    ``作者头像`` / ``示例法眼`` / ``2024-03-14 12:06·湖南`` (the date line ends with the province the
    post was sent from; the headline is above the name). The account is the outlet."""
    for i in range(2, len(lines)):
        posted = _POSTED_PLACE.search(lines[i].simple) if kinds[i] == "meta" else None
        if not posted or not headers.is_city(posted["place"]) or kinds[i - 1] is not None:
            continue
        above = i - 2
        while above > 0 and kinds[above] == "widget":
            above -= 1
        if _POSTER.match(lines[i - 1].simple) and kinds[above] is None and heading_like(lines[above].simple):
            kinds[i - 1] = "meta"
            meta.outlet = meta.outlet or lines[i - 1].text


# 社会｜示例新闻网, 政法动态_示例新闻网, 示例新闻网 - 法治: a channel's name and the site's, parted by a
# bar, an underscore or a dash (a browser title's joints).
_MEDIUM_END = re.compile(r"(?:网|报|社|台)$")  # 法制网, 示例日报: a medium's name, no channel
_CHANNEL_SEP = sitenames.PART_SEP  # 政法动态_示例新闻网: the joints of a browser title


def _site_name(text: str) -> bool:
    """A site's or paper's name: ``示例新闻网``, ``示例日报``, ``示例广电网`` (not ``逃犯难逃法网``)."""
    return bool(_WEB_NAME.match(text) or (_SITE.match(text) and not _NOT_SITE_END.search(text)))


def _channel_site(line: Line, meta: PageMeta) -> bool:
    """True for a channel's name and the site's on one line at the top of a page (``社会｜示例
    新闻网``, ``示例日报｜法治``, ``政法动态_示例新闻网``, ``示例新闻网-法治``; not ``示例日报 - 示例网``, a paper and its
    site); a news site's or paper's name so printed is the outlet."""
    parts = _CHANNEL_SEP.split(line.simple)
    if len(parts) != 2:
        return False
    site = next((part for part, other in (parts, parts[::-1])
                 if _WEB_NAME.match(part) and _CHANNEL_WORD.match(other) and not _MEDIUM_END.search(other)), None)
    if site is None:
        return False
    at = line.simple.find(site)
    _site_outlet(Line(line.start + at, line.start + at + len(site), line.text[at:at + len(site)], line.kind, site), meta)
    return True


def _title_site(line: Line, meta: PageMeta) -> None:
    """The site's name closing a browser title is the outlet when the page names none elsewhere:
    ``示例区法院审结一起诈骗案_政法动态_示例新闻网`` → 示例新闻网 (the headline, the channel, the site),
    ``示例区法院审结一起诈骗案 - 示例法治在线`` → 示例法治在线 (the site's, when no source is named;
    not a bare ``示例法院网``, an organ's portal)."""
    parts = _CHANNEL_SEP.split(line.simple)
    if len(parts) >= 2 and _WEB_NAME.match(parts[-1]):
        at = len(line.simple) - len(parts[-1])
        _site_outlet(Line(line.start + at, line.end, line.text[at:], line.kind, parts[-1]), meta)
    elif len(parts) >= 2 and sitenames.site_name(parts[-1]) and not parts[-1].endswith("网"):  # …_示例法治在线
        meta.site = meta.site or line.text[len(line.simple) - len(parts[-1]):]


def _site_outlet(line: Line, meta: PageMeta) -> None:
    """A news site's or paper's name printed as the site's chrome is the outlet, when the page
    names none elsewhere (``示例新闻客户端``, ``示例日報``; not ``示例省公安厅门户网站``, a portal)."""
    if (meta.outlet is None and _WEB_NAME.match(line.simple) and OUTLET_NAME.search(line.simple)
            and not line.simple.endswith(("官网", "政务网"))):
        meta.outlet = line.text


# 要闻, 法院新闻, 综合新闻: an edition's name on the line under an edition line that has none.
_SECTION_NAME = re.compile(r"^[\u4e00-\u9fff]{0,4}(?:新闻|要闻|综合|时评|评论|视点|观察|副刊|专版|专刊|周刊)$")
_BARE_EDITION = re.compile(r"版[ \t]*$")


def _mark_section(lines: list[Line], kinds: list[str | None]) -> None:
    """The name of the edition on the line under an edition line printed without it
    (``2021年12月10日 星期五 第5版`` / ``法院新闻`` / headline): part of the edition line, not a
    kicker."""
    for i in range(len(lines) - 1):
        if (kinds[i] == "meta" and kinds[i + 1] is None and _BARE_EDITION.search(lines[i].simple)
                and EDITION.search(lines[i].simple) and _SECTION_NAME.match(lines[i + 1].simple)):
            kinds[i + 1] = "meta"


_CHANNEL_WORD = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def _mark_channel(lines: list[Line], kinds: list[str | None]) -> None:
    """A web page's channel name over its headline: the page's first line, a word of two to
    four characters (``港闻``, ``社会``, ``即时新闻``), when the headline follows and a date line
    comes within the next three lines, with no date line above (an e-paper's edition line is
    above its kickers)."""
    first = next((i for i, kind in enumerate(kinds) if kind is None), None)
    if first is None or first + 2 >= len(lines) or "meta" in kinds[:first]:
        return
    if (_CHANNEL_WORD.match(lines[first].simple) and kinds[first + 1] is None
            and heading_like(lines[first + 1].simple) and len(lines[first + 1].simple) > 6
            and "meta" in kinds[first + 2:first + 5]):
        kinds[first] = "column"


def _mark_channel_under_date(lines: list[Line], kinds: list[str | None]) -> None:
    """A channel's name between a web page's date lines and its text is no headline: ``警方拘两人``
    / ``發佈時間：…`` / ``港聞`` / ``【示例日報報道】警方…。`` (a word of two to four characters
    under a date line that is no edition line, over a paragraph, with the headline above)."""
    for i in (i for i in range(1, len(lines) - 1) if kinds[i - 1] == "meta"):
        if (kinds[i] is not None or kinds[i - 1] != "meta" or EDITION.search(lines[i - 1].simple)
                or not _CHANNEL_WORD.match(lines[i].simple) or kinds[i + 1] is not None
                or "。" not in lines[i + 1].simple):
            continue
        above = i - 1
        while above >= 0 and kinds[above] in ("meta", "widget"):
            above -= 1
        if above >= 0 and kinds[above] is None and heading_like(lines[above].simple):
            kinds[i] = "column"


_CHANNEL_NAMES = frozenset(read_words(DATA_DIR / "chrome_channel_names.txt"))


def _mark_channel_over_headline(lines: list[Line], kinds: list[str | None]) -> None:
    """A channel's name between the masthead's date line (or the crumbs) and the headline is the
    section's label, no kicker: ``維港日報 2026年9月15日`` / ``港聞`` / headline / ``【…訊】…。``
    (a channel word on a line of its own, under chrome that is no edition line, over a headline
    line that a paragraph follows; an e-paper's kickers sit under its edition line), or between the
    masthead and its date line (``示例日報`` / ``港聞`` / ``中華民國115年2月3日``)."""
    for i in range(1, len(lines) - 2):
        if (kinds[i] is None and kinds[i - 1] in ("meta", "nav", "page_title")
                and not EDITION.search(lines[i - 1].simple) and lines[i].simple.strip() in _CHANNEL_NAMES
                and ((kinds[i + 1] is None and heading_like(lines[i + 1].simple)
                      and kinds[i + 2] is None and "。" in lines[i + 2].simple)
                     or (kinds[i - 1] == "page_title" and kinds[i + 1] == "meta"))):  # 示例日報 / 港聞 / date
            kinds[i] = "column"


def find_chrome(lines: list[Line]) -> tuple[list[str | None], PageMeta]:
    """Return the chrome kind of every line (None for article text) and the page's metadata."""
    meta = PageMeta()
    kinds: list[str | None] = [None] * len(lines)
    _mark_lines(lines, kinds, meta)
    _mark_titles(lines, kinds, meta)
    if meta.organ and meta.outlet and not OUTLET_NAME.search(meta.outlet):
        meta.outlet = meta.organ  # 来源：天水市人民检察院, 来源：省院第二检察部 on 甘肃省人民检察院's site
    if meta.site and meta.outlet and not OUTLET_NAME.search(meta.outlet):
        meta.outlet = meta.site  # 信息来源：示例区公安局 on 示例法治在线's page
    meta.chrome = [(line.start, line.end, kind) for line, kind in zip(lines, kinds) if kind]
    return kinds, meta


# 省院第二检察部, 市局宣传处, 政治部, 办公室: a department of an organ, named by the organ's short
# name (省院, 市局) or by a department word alone, without a place (not 公安部, 示例县人民检察院).
_DEPARTMENT = re.compile(r"^(?:省院|市院|州院|县院|区院|本院|我院|省厅|市局|州局|县局|区局|本局|我局)[\u4e00-\u9fff]{1,10}$"
                         r"|^(?![\u4e00-\u9fff]*(?:省|市|县|区|州|国|中央|最高))[\u4e00-\u9fff]{0,6}"
                         r"(?:第[一二三四五六七八九十]{1,3}[\u4e00-\u9fff]{0,3}部|政治部|办公室|研究室|[\u4e00-\u9fff]{1,6}[处科])$")


def is_department(name: str) -> bool:
    """True for a department under an organ, not an outlet when the page names the organ:
    ``省院第二检察部``, ``市局宣传处``, ``第三检察部``, ``政治部``; not ``公安部`` nor ``示例县人民检察院``."""
    return bool(_DEPARTMENT.match(name))


_READ_MORE = re.compile(r"^[【\[]?(?:点击|继续)?(?:阅读|查看|展开)(?:全文|全部|更多)")


def cuts_article(kind: str | None, text: str) -> bool:
    """True for chrome right under an article that says its text goes on elsewhere:
    ``下转第二版``, ``（未完）`` (not ``上接第一版``) and a read-more link (``点击阅读全文``)."""
    if kind == "jump":
        return not text.lstrip("(（").startswith("上接")
    return kind == "widget" and bool(_READ_MORE.match(text))


def closes_article(kind: str | None) -> bool:
    """True for chrome that ends a complete article: (完), 责任编辑, 【纠错】, a date line."""
    return kind in _CLOSING


def article_openers(all_lines: list[Line], kinds: list[str | None]) -> set[int]:
    """Starts of the lines that open an article when they are a headline: the line after one
    that closes an article (a rule ``———``, ``(完)``), and a headline over its own date line
    with a time or a label (``关于…的公告`` / ``发布时间：2024-03-14 09:30``), as on a page
    that lists several notices; not a signer over the bare date of a signature."""
    out = set()
    for i in range(len(all_lines) - 1):
        if kinds[i] == "end_mark" and kinds[i + 1] is None:
            out.add(all_lines[i + 1].start)
        elif kinds[i] is None and kinds[i + 1] == "meta" and stamped(all_lines[i + 1].simple):
            out.add(all_lines[i].start)
    return out
