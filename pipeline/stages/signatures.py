"""Signatures: who signs a release or a report, and the date under the signer.

An official release ends with its signer over a bare date (``…参加。`` / ``示例市人民检察院`` /
``2024年6月2日``); a report opens with its speaker's post and name under the dash subtitle
(``示例市人民法院工作报告`` / ``——在示例市人民代表大会上`` / ``示例市人民法院院长 张三``). The
chrome stage asks this module whether a date line is such a signature date (text, not chrome)
and which lines sign a notice; the splitter asks which line under a dash subtitle is a signer
(a byline, not a headline line). One module reads every signature, so the three agree.
"""

from __future__ import annotations

import re

from .headers import SIGNATURE_DATE, SIGNER, find_date
from .layout import ORGAN_END, Line, dash_subtitle, heading_like
from .metalines import stamped

# 示例市人民检察院, 示例县公安局交警大队: an organ signing a notice.
SIGNER_ORGAN = re.compile(rf"^[\u4e00-\u9fff（）()]{{2,24}}(?:{ORGAN_END})$")


def signature_date(lines: list[Line], kinds: list[str | None], i: int) -> bool:
    """True for a release's signature date (``示例县公安局`` + ``2024年3月9日`` under the text, or
    both on one line, ``示例县公安局　2024年3月9日``): body text, whose date still dates the page
    when no date line did."""
    if i and kinds[i - 1] is None and one_line_signature(lines[i].simple) and "。" in lines[i - 1].simple:
        return True
    return bool(i and kinds[i - 1] is None and SIGNATURE_DATE.fullmatch(lines[i].simple.strip())
                and heading_like(lines[i - 1].simple) and len(lines[i - 1].simple) <= 30)


def one_line_signature(text: str) -> bool:
    """True for an organ and its date on one line: ``示例县公安局　2024年3月9日``."""
    organ, _gap, day = text.strip().rpartition(" ")
    return bool(organ and SIGNER_ORGAN.match(organ.strip()) and SIGNATURE_DATE.fullmatch(day))


def _bare_date(line: Line) -> bool:
    """A short date without a time or a label: ``2024年6月2日``, not ``发布时间：2024-06-02 09:30``."""
    return len(line.simple) <= 16 and find_date(line.simple) is not None and not stamped(line.simple)


def organ_signers(lines: list[Line], kinds: list[str | None]) -> set[int]:
    """Starts of the organs that sign a notice under its text, over a bare date (``…参加。`` /
    ``示例市人民检察院`` / ``2024年6月2日``): the notice's last line, never a headline of the
    notice below it (a headline over a bare date at the top of a page is no signer). A date
    kept as text (``signature_date``) is the notice's last line too."""
    found = {lines[i].start for i in range(1, len(lines)) if kinds[i] is None and kinds[i - 1] is None
             and "。" in lines[i - 1].simple and one_line_signature(lines[i].simple)}  # 示例县公安局　2024年6月2日
    for i in range(1, len(lines) - 1):
        if (kinds[i] is None and kinds[i - 1] is None and "。" in lines[i - 1].simple
                and SIGNER_ORGAN.match(lines[i].simple) and kinds[i + 1] in ("meta", None)
                and _bare_date(lines[i + 1])):
            found.add(lines[i].start)
            if kinds[i + 1] is None:
                found.add(lines[i + 1].start)
    return found


def mark_report_signers(lines: list[Line]) -> None:
    """A signature right under a report's dash subtitle is its byline, not a headline line:
    ``示例市人民法院工作报告`` / ``——在示例市人民代表大会上`` / ``示例市人民法院院长 张三``
    (not ``示例县法院院长 走进社区`` under a kicker)."""
    for above, line in zip(lines, lines[1:]):
        if line.kind == "heading" and dash_subtitle(above) and SIGNER.match(line.simple):
            line.kind = "byline"


def after_signatures(lines: list[Line], kinds: list[str | None], signed: set[int]) -> set[int]:
    """Starts of the lines that open a release when they are a headline: the first text line
    under a signature (``示例县公安局`` / ``2024年4月14日`` / ``关于…的通报`` / ``（第8号）`` / text),
    as on a page that prints several numbered releases one under the other."""
    out = set()
    for i in range(len(lines) - 1):
        if lines[i].start in signed and (kinds[i] is None or _bare_date(lines[i])) and not (
                SIGNER_ORGAN.match(lines[i].simple)):
            after = next((j for j in range(i + 1, len(lines)) if kinds[j] is None), None)
            if after is not None and heading_like(lines[after].simple):
                out.add(lines[after].start)
    return out
