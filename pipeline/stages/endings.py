"""Endings: how an article's text ends, and whether it is really cut off.

An article ends at a sentence stop (``。``, ``！``, closing quotes allowed), at a photo caption
closed by its credit (``…开展演练。 李想 摄``), at a note on the author (``（作者系…）``), an editor
note (``…调查。（编辑：王五）``) or a release's signature date; the page may close it with chrome
(``(完)``, ``责任编辑：…``, a date line). Anything else stops mid-sentence: the article is
truncated (``下转第二版`` and a read-more link always cut). The splitter asks this module.
"""

from __future__ import annotations

import re

from . import headers
from .chrome import closes_article, cuts_article
from .layout import Line

_TERMINAL = "。！？!?…；;"
_CLOSERS = "”’」』）)》"
# …咨询80余人次。（完）; …偵辦。（編輯：林美玲）1130506 (a wire's date code after the note)
# …调查。【责任编辑：王五】, …调查。 编辑：王五 审核：赵六: editor lines glued to the last paragraph.
_EDITOR_NOTE = re.compile(r"[（(【\[](?:编辑|责编|责任编辑)[:：][^）)】\]]{1,20}[）)】\]]\d{0,8}$|[（(]完[）)]$"
                          r"|(?<=[。！？”])[ \t]*(?:责任编辑|责编|编辑|审核|校对|监制)[:：][^。！？，]{1,30}$")
# A photo credit closing a caption (图为…。 本报记者 王丽 摄) ends the text as a full stop does.
_PHOTO_CREDIT = re.compile(r"[\u4e00-\u9fff·]{2,4}[ \t/]*(?:摄影报道|摄|摄影|供图|制图)[)）]?$")
_AGENCY_PHOTO = re.compile(r"[（(](?:新华社|中新社)[\u4e00-\u9fff]{0,6}发[\u4e00-\u9fff]{0,8}[）)]$")  # （新华社发美联社照片）
# （作者系示例大学法学院教授）: a note on the author closes an article.
_AUTHOR_NOTE = re.compile(r"^[（(](?:作者系|作者为|作者是)[^（）()]{2,40}[）)]$")
# A photo credit on a line of its own: （新华社记者刘前刚摄）, （姜伟尚占摄影报道）.
BARE_CREDIT = re.compile(r"^[（(][^（）()]{2,16}(?:摄|摄影|摄影报道|供图)[）)]$")


def ends_sentence(text: str) -> bool:
    """True when ``text`` stops at a sentence end (closing quotes and brackets allowed)."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


def is_caption(line: Line) -> bool:
    """A photo caption: text closed by the photographer's or agency's credit
    (``…开展演练。 李想 摄``, ``…在滚大雪球。（新华社发）``)."""
    return "。" in line.simple and bool(_PHOTO_CREDIT.search(line.simple) or _AGENCY_PHOTO.search(line.simple))


def closing_chrome(lines: list[Line], kinds: list[str | None]) -> dict[int, tuple[str, str]]:
    """For each article line followed directly by chrome: its end → (kind, chrome text)."""
    out = {}
    for i in range(len(lines) - 1):
        if kinds[i] is None and kinds[i + 1] is not None:
            out[lines[i].end] = (kinds[i + 1], lines[i + 1].simple)
    return out


def truncated(last: Line, closing: dict[int, tuple[str, str]], web: bool = False) -> bool:
    """True when an article is really cut off: its last paragraph stops mid-sentence and the
    page does not close it (``(完)``, ``责任编辑：…``, a date), or, on a web page (a date
    line above its text), it ends in ``……`` (a feature in print may end so);
    ``下转第二版``, ``（未完）`` and a read-more link (``点击阅读全文``) always cut."""
    kind, text = closing.get(last.end, (None, ""))
    if cuts_article(kind, text):
        return True
    if closes_article(kind):
        return False
    body = headers.GLUED_TAIL_BYLINE.sub("", _EDITOR_NOTE.sub("", last.simple))  # …侦办。（记者 张三）
    if (is_caption(last) or headers.SIGNATURE_DATE.search(body) or BARE_CREDIT.match(body)
            or _AUTHOR_NOTE.match(body)):
        return False
    cut = web and body.rstrip().endswith(("…", "..."))  # 至案发时……: a web excerpt cut off
    return last.kind in ("body", "dateline", "item") and (cut or not ends_sentence(body))
