"""A site's own name at the top of a scraped page: ``示例法治在线 | 守护一方平安`` (the name
and its slogan), ``示例法治在线`` alone over the headline and its date line. Both are the site's
chrome, no kicker; the name is the site's, the outlet when the page's source line names an
organ, not a medium (``信息来源：示例区公安局`` on 示例法治在线's page).

Read by the chrome stage (``chrome.py``), which marks such a line ``page_title``.
"""

from __future__ import annotations

import re

from ..lexicon import DATA_DIR, alternation, read_words
from .layout import Line, heading_like
from .metalines import stamped

# 示例法治在线, 示例新闻网, 示例视窗: a news site's name (not an organ's, not a paper's masthead).
_NAME = r"[\u4e00-\u9fff]{2,10}?(?:在线|网|视窗|之窗|客户端|门户网站|新闻网|融媒)"
# 示例法治在线 | 守护一方平安, 示例网 — 权威 及时 公正, 示例在线 · 守护平安: the name and a slogan of five characters
# or more (not a channel's name: 示例网 | 法治 is the site and its channel).
# 示例市公安局, 示例县人民法院: an organ's own site.
_ORGAN = (r"[\u4e00-\u9fff]{1,10}?(?:省|市|县|区|州|旗)[\u4e00-\u9fff]{0,8}?(?:公安局|公安厅|人民检察院|检察院|人民法院|法院"
          r"|司法局|司法厅|政法委|人民政府)(?:[\u4e00-\u9fff]{1,6}?(?:分局|支队|大队))?")
_SLOGAN_LINE = re.compile(rf"^(?P<name>{_NAME}|(?P<organ>{_ORGAN}))[ \t]*(?:[|｜·•・]|[-—–－]{{1,2}})[ \t]*"
                          r"(?P<slogan>(?:[\u4e00-\u9fff][ \t]*){5,24})$")
_NAME_LINE = re.compile(rf"^{_NAME}$")
# 织密防护网, 逃犯难逃法网: a headline or kicker ending in 网, no site's name.
_NOT_SITE_END = re.compile(f"(?:{alternation(read_words(DATA_DIR / 'chrome_not_site_ends.txt'))})$")

# 示例网_平安示例_示例市政法综合信息平台, 法治 - 示例新闻网 - 权威发布: a site's name among its channel, slogan
# or platform in three or four short parts, parted by ``_``, a bar or a dash (a browser title's joints).
PART_SEP = re.compile(r"[ \t]*(?:[_|｜]|[-—–－]{1,2})[ \t]*")
_PART = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9]{2,16}$")


def parted_site(text: str, least: int = 3) -> str | None:
    """The site's name on a line of three or four short parts (``least`` or more), one of them a
    site's name: ``示例网_平安示例_示例市政法综合信息平台`` → 示例网, ``法治 - 示例新闻网 - 权威发布`` →
    示例新闻网 (two parts over the crumbs: ``示例法治在线 - 示例之声`` → 示例法治在线); None for any
    other line (``示例区法院审结一起诈骗案_示例网``, a browser title; ``2026-08-19``)."""
    parts = PART_SEP.split(text)
    if not least <= len(parts) <= 4 or not all(_PART.match(part) for part in parts):
        return None
    return next((part for part in parts if site_name(part)), None)


# 警务动态, 法院要闻: a channel's name after the site's on its top line.
_CHANNEL_END = re.compile(f"^[\u4e00-\u9fff]{{0,4}}(?:{alternation(read_words(DATA_DIR / 'chrome_channel_ends.txt'))})$")


def channel_site(text: str) -> str | None:
    """The site's name on a line of the site and one channel: ``示例平安网 - 警务动态`` → 示例平安网,
    ``示例法治在线_法院要闻`` → 示例法治在线; None for other lines (``示例网 - 守护一方平安``, a slogan;
    ``男子落网 - 警方通报``, no site's name)."""
    parts = PART_SEP.split(text)
    if len(parts) != 2 or not site_name(parts[0]) or not _CHANNEL_END.match(parts[1]):
        return None
    return parts[0]


def site_name(text: str) -> bool:
    """True for a news site's name: ``示例法治在线``, ``示例新闻网`` (not ``逃犯难逃法网``)."""
    return bool(_NAME_LINE.match(text)) and not _NOT_SITE_END.search(text)


def slogan_site(text: str) -> tuple[str, bool] | None:
    """The site's name on a line of its name and slogan, and whether it is an organ's:
    ``示例法治在线 | 守护一方平安`` → (示例法治在线, False), ``示例市公安局 | 对党忠诚 服务人民`` →
    (示例市公安局, True); None for any other line (``示例网 | 法治``, a headline)."""
    found = _SLOGAN_LINE.match(text)
    if not found or _NOT_SITE_END.search(found["name"]):
        return None
    return found["name"], found["organ"] is not None


def site_over_headline(lines: list[Line], kinds: list[str | None], i: int) -> bool:
    """True when line ``i`` is a site's name alone (``示例法治在线``) over the page's headline and
    the headline's date line (a time or a label beside the date): the page's masthead, no kicker."""
    if not _NAME_LINE.match(lines[i].simple) or _NOT_SITE_END.search(lines[i].simple):
        return False
    below = [j for j in range(i + 1, min(len(lines), i + 4)) if kinds[j] is None]
    if not below or not heading_like(lines[below[0]].simple):
        return False
    after = below[0] + 1
    return after < len(lines) and kinds[after] == "meta" and stamped(lines[after].simple)
