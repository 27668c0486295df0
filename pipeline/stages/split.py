"""Split: page → articles (title, kicker, subtitle, bylines, dateline) → paragraphs (sentences:
``sentences.py``).

A page of 法治日报-style reporting is a sequence of lines. An article starts with a short
headline block (kicker, title, subtitle: lines without sentence punctuation) followed by a
byline (``本报记者 丁国锋``) or a dateline paragraph (``本报讯 记者韩宇 近日，…``). Short
punctuation-free lines inside an article are section subheads, not new articles.

Scraped and e-paper pages carry chrome around the articles (navigation, share widgets, date
and source lines, editor lines, footers; see ``chrome.py``): it is set aside first, listed in
``doc.chrome`` and read for the page's date and outlet. Digest items led by a tag
(``【江苏】…``, ``公安|…``) or a dateline (``本报讯``, ``又讯``) are articles of their own; so
are the plain paragraphs under a column line (``要闻简报``) and the photos of a photo page
(a short title over a caption closed by ``… 摄``; a credit line alone is never a headline).
Traditional-script pages are matched through a simplified view, at the same offsets.

A run of sections that follows an article cut off mid-sentence cannot continue that article;
it is attached to the earlier article it continues, recognised by parallel subheads (the
``坚持…不变 / 坚持…不减`` pattern: same opening characters, same length) and shared place
names. Articles whose last paragraph stops mid-sentence are marked truncated, unless the page
closes them (``(完)``, ``责任编辑：…``, a signature date): ``endings.py``. Signers and signature
dates are read in ``signatures.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import ArticleSpan, Author, Document
from . import headers
from .chrome import EDITION, article_openers, find_chrome, glued_editor, glued_meta
from .endings import BARE_CREDIT, closing_chrome, ends_sentence, is_caption, truncated
from .headlines import HEADING_PUNCT, classify, header_fields, is_weak_heading, mark_headlines
from .layout import Line as _Line
from .layout import glued_dates, glued_jumps, item_headline, numbered_items, page_lines, run_on_items, simplified_view
from .metalines import page_published, stamped
from .pagefacts import page_facts
from .signatures import after_signatures, mark_report_signers, organ_signers
from .sentences import MAX_SENTENCE, SentenceSplitter, split_sentences  # noqa: F401 (their home was here)

_PLACE = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:省|市|自治区|自治州|地区|盟|县|区|旗)")


_ITEM_BULLETS = "▲■●◆★▶►"


def _bulleted(doc: Document, line: _Line) -> bool:
    """True when the raw line starts with an item bullet the cleaner dropped (``▲市法院…``)."""
    raw_start = doc.raw_span(line.start, line.start + 1)[0]
    line_start = doc.raw.rfind("\n", 0, raw_start) + 1
    return any(char in _ITEM_BULLETS for char in doc.raw[line_start:raw_start])


def _first_bulleted_item(doc: Document, lines: list[_Line], all_lines: list[_Line],
                         kinds: list[str | None]) -> int | None:
    """Where a digest of bulleted items starts: the page's first line, or the first line under a
    column line further down (``〔某县〕…`` items / ``政法短讯`` / ``■ 3月10日，…`` / ``■ …``); None
    when no such line is bulleted (a list inside an article is left alone)."""
    if lines and _bulleted(doc, lines[0]):
        return 0
    if "column" not in kinds:
        return None
    under_column = {all_lines[i + 1].start for i in range(len(all_lines) - 1)
                    if kinds[i] == "column" and kinds[i + 1] is None}
    return next((i for i, line in enumerate(lines) if line.start in under_column and _bulleted(doc, line)), None)


def _split_tags(lines: list[_Line]) -> list[_Line]:
    """Cut a digest item's tag off its line: ``【江苏】省检察院…`` → ``【江苏】`` + ``省检察院…``."""
    out = []
    for line in lines:
        titled = headers.TITLED_DATELINE.match(line.simple)
        if titled:  # 中新网北京6月1日电 题：“六一”前夕，他们这样守护孩子
            cut = titled.end()
            out.append(_Line(line.start, line.start + cut, line.text[:cut], "headmark", line.simple[:cut]))
            out.append(_Line(line.start + cut, line.end, line.text[cut:], "heading", line.simple[cut:]))
            continue
        if (any(p.match(line.simple) for p in headers.AGENCY_DATELINES)  # 【记者林小明／台中报导】 is no tag
                or headers.SECTION_LABEL.match(line.simple)):  # 【基本案情】2025年3月…: a section, no item
            out.append(line)
            continue
        if headers.LONE_TAG.match(line.simple):  # 【广州】 above its item
            out.append(_Line(line.start, line.end, line.text, "tag", line.simple))
            continue
        skip = _tag_number(line.simple)  # 一、禁毒|… : the item's number before its tag
        match = headers.TAG.match(line.simple[skip:])
        if match and match["bracket"] and _outlet_mark(match["bracket"], line.simple[skip + match.end():]):
            out.append(line)  # 【示例新闻】3月6日，…: a station's mark opening its report, no digest tag
            continue
        if (not match or headers.DATELINE.match(line.simple) or skip + match.end() >= len(line.text)
                or headers.BYLINE.match(line.simple)):  # 记者｜张三, 示例日报客户端 | 记者 张三: no tag
            out.append(line)
            continue
        end = skip + match.end()
        inner = headers.TAG.match(line.simple[end:]) if match["bracket"] else None
        if inner and inner["bar"] and end + inner.end() < len(line.text):
            end += inner.end()  # 【柳州】禁毒|柳州警方…: the bar tag next to the headline is the kicker
        cut = line.start + end
        out.append(_Line(line.start, cut, line.text[:end], "tag", line.simple[:end]))
        rest = line.text[end:]
        lead = len(rest) - len(rest.lstrip())
        out.append(_Line(cut + lead, line.end, rest.strip(), _tagged_headline(line.simple[end + lead:]),
                         simple=line.simple[end + lead:]))
    return out


def _tag_number(text: str) -> int:
    """The length of a digest item's number printed before its tag (``一、禁毒|…``,
    ``2.【江苏】…`` → 2), else 0: a numbered section of an article (``一、【基本案情】…``) or a
    number before plain text is no tagged item."""
    number = headers.ENUMERATED.match(text)
    if not number:
        return 0
    rest = text[number.end():].lstrip()
    skip = len(text) - len(rest)
    return skip if headers.TAG.match(rest) and not headers.SECTION_LABEL.match(rest) else 0


def _inner_dateline(lead: _Line) -> _Line | None:
    """The dateline after the lead's first sentence, as a line of its own: ``春节前后，正是讨薪
    的高峰时段。示例日报讯（记者 张明）3月4日，…`` → ``示例日报讯（记者 张明）…`` (not a source
    the text cites: ``…。据新华社北京3月4日电，…``); None when the lead has none."""
    stop = lead.simple.find("。", 0, 60) + 1
    match = headers.DATELINE.match(lead.simple[stop:]) if stop else None
    if not match or match.group().startswith("据") or stop >= len(lead.simple) - match.end():
        return None
    return _Line(lead.start + stop, lead.end, lead.text[stop:], "dateline", lead.simple[stop:])


def _mark_continued(lines: list[_Line], all_lines: list[_Line], kinds: list[str | None]) -> None:
    """Text under a ``（上接第一版）`` line below a finished article continues another article:
    it opens an untitled one (``…作案。`` / ``（上接第一版）`` / ``对于拒不执行的…``), as at the top
    of a page; under a headline it is that headline's text."""
    continued = {all_lines[i + 1].start for i in range(len(all_lines) - 1)
                 if kinds[i] == "jump" and "上接" in all_lines[i].simple and kinds[i + 1] is None}
    for above, line in zip(lines, lines[1:]):
        if line.start in continued and line.kind == "body" and ends_sentence(above.text):
            line.kind = "item"


def _outlet_mark(tag: str, rest: str) -> bool:
    """True for a bracketed outlet's name before a sentence: ``【示例新闻】3月6日，示例县…。``
    (not a digest's place tag ``【示例县】3月2日，…``, nor a tag over a headline)."""
    return headers.dateline_outlet(f"【{tag}】") == tag and _tagged_headline(rest) == "body"


def _tagged_headline(rest: str) -> str:
    """The text after a tag is a headline when it is short and holds no full stop, even with
    a comma or an exclamation mark: ``以案释法 | 非法捕鱼获刑，还要放流！`` (a kicker over its
    headline), not ``【江苏】省检察院发布典型案例。``; the line's kind."""
    return "tagged_headline" if len(rest) <= 32 and "。" not in rest else "body"


@dataclass
class _Block:
    """An article start (header + byline) or a section (subheads + body) on the page."""

    header: list[_Line]
    bylines: list[_Line]
    body: list[_Line]
    is_article: bool

    @property
    def lines(self) -> list[_Line]:
        return self.header + self.bylines + self.body


def _blocks(lines: list[_Line], titled: set[int] = frozenset(), opens: set[int] = frozenset(),
            signed: set[int] = frozenset()) -> list[_Block]:
    """Group lines into article starts and sections, in page order; a headline that starts at
    one of ``opens`` (``chrome.article_openers``) starts an article, a signer (``signed``) ends
    a notice as its last line."""
    for line in lines:
        line.kind = "body" if line.start in signed else classify(line)
    mark_headlines(lines, titled)
    mark_report_signers(lines)
    blocks: list[_Block] = []
    i = 0
    n = len(lines)
    while i < n:
        j = i
        while j < n and j - i < 3 and ((lines[j].kind == "heading" and not (
                j > i and (headers.ENUMERATED.match(lines[j].simple) or headers.SECTION_HEADING.match(lines[j].simple))))
                or (j == i and lines[j].kind in ("tag", "headmark"))
                or (lines[j].kind == "listed" and not any(h.kind == "listed" for h in lines[i:j]))):
            j += 1
        header = lines[i:j]
        k = j
        while k < n and (lines[k].kind == "byline" or (  # a photo's caption between headline and lead
                header and k + 1 < n and is_caption(lines[k]) and lines[k + 1].kind in ("byline", "dateline"))):
            k += 1
        bylines = lines[j:k]
        starts_article = bool(header) and (bool(bylines) or header[0].kind in ("tag", "headmark")
                                           or any(h.kind == "listed" for h in header)
                                           or (k < n and lines[k].kind == "dateline"))
        if not header and not bylines and lines[i].kind in ("dateline", "item"):
            starts_article = True  # a dateline with no headline: a brief
        body_start = k if (header or bylines) else i
        m = body_start
        # The body runs until the next heading run that starts an article or a section.
        while m < n:
            if m > body_start and lines[m].kind in ("heading", "byline", "tag", "listed"):
                break
            if m > body_start and lines[m].kind in ("dateline", "item"):
                break
            m += 1
        body = lines[body_start:m]
        if not header and not bylines and not body:
            body = [lines[i]]
            m = i + 1
        if any(h.start in opens for h in header) and any("。" in line.simple for line in body):
            starts_article = True  # a headline after a rule or over its own date line, with its text
        blocks.append(_Block(header, bylines, body, starts_article))
        i = m
    if blocks and not blocks[0].is_article and blocks[0].header and len(lines) > 1:
        # The first headline on a page starts an article even without a byline.
        blocks[0].is_article = True
    return blocks


def _brief(block: _Block, previous: _Block) -> bool:
    """On an e-paper page, one headline line over its text, after an article that ends at a
    full stop, is a brief of its own, not a section: ``派出所民警帮走失老人回家``."""
    return (len(block.header) == 1 and len(block.header[0].simple) >= 8 and bool(block.body)
            and not headers.ENUMERATED.match(block.header[0].simple)
            and ends_sentence(previous.lines[-1].text) and len(previous.lines) <= 6)


def _dateline_brief(group: list[_Block], block: _Block) -> bool:
    """True for an untitled brief led by its dateline (``又讯　5月4日，…。``), after which a headline
    over its text (``block``) starts an item of its own in a digest, not a section of the brief; a
    bracketed line is no headline (``（记者 张三 李四）`` / ``图片：``)."""
    first = group[0]
    return (len(group) == 1 and not first.header and bool(first.body) and first.body[0].kind == "dateline"
            and bool(block.header) and not block.header[0].simple.startswith(("（", "(", "【", "[")))


def _photo_item(block: _Block) -> bool:
    """A photo on a page of photos: a short title over one caption that closes with the
    photographer's credit (``禁毒宣传`` / ``6月5日，某社区民警…。 通讯员 常青 摄``)."""
    head = block.header[0].simple if len(block.header) == 1 else ""
    body = block.body[:-1] if len(block.body) == 2 and BARE_CREDIT.match(block.body[-1].simple) else block.body
    return (0 < len(head) <= 16 and not headers.ENUMERATED.match(head) and not head.startswith(("（", "("))
            and len(body) == 1 and (is_caption(body[0]) or len(body) < len(block.body)))


def _byline_above_headline(lines: list[_Line]) -> bool:
    """True when a web page prints its byline above the headline, at the top of the page
    (``示例新闻记者 马骁`` / ``2023-07-11 18:22 来源：示例新闻`` / headline / text)."""
    return (len(lines) >= 3 and bool(headers.BYLINE.match(lines[0].simple))
            and classify(lines[1]) == "heading" and classify(lines[2]) not in ("byline", "heading"))


def _column_heading(lines: list[_Line]) -> bool:
    """True when the page's first line names a column over digest items, whatever its name: a
    short line over two or more tagged items (``政法信息`` / ``【市中院发布…】…`` / ``【…】…``)
    or photos (``图说法治`` / ``调解现场`` / ``11月3日，…。 卫东 摄`` / …)."""
    if len(lines) < 3 or lines[0].kind == "tag" or len(lines[0].simple) > 8 or HEADING_PUNCT.search(lines[0].simple):
        return False
    rest = lines[1:]
    if rest[0].kind == "tag":
        return sum(line.kind == "tag" for line in rest) >= 2
    # 调解现场 right above its caption is that photo's title; the line above it is the column.
    return sum(is_caption(line) for line in rest) >= 2 and not is_caption(rest[0]) and is_caption(rest[1])


def _opens_with_column(kinds: list[str | None]) -> bool:
    """True when a column line (``要闻简报``, ``法治动态``) comes before the page's first text."""
    for kind in kinds:
        if kind is None:
            return False
        if kind == "column":
            return True
    return False


def _unmarked_items(lines: list[_Line]) -> bool:
    """Under a column line, paragraphs without bullets or headlines, each one or two sentences,
    are the column's items (``要闻简报`` / ``近日，省高级人民法院…。`` / ``省公安厅部署…。``);
    so are the captions of a page of photos (``图片新闻`` / ``…开展演练。 李想 摄``). True when
    the lines were so read (a headline leading an item is then cut off by ``item_headline``)."""
    credits = [bool(BARE_CREDIT.match(line.simple)) for line in lines]
    if len(lines) - sum(credits) < 2 or any(len(line.simple) > 200 or not (ends_sentence(line.text) or is_caption(line))
                                            or classify(line) != "body"
                                            for line, credit in zip(lines, credits) if not credit):
        return False
    numbered = bool(headers.ENUMERATED.match(lines[0].simple))  # 1、… 图为…。（张太亭摄） 2、…: a photo a number
    for line, credit in zip(lines, credits):
        line.kind = "body" if credit or (numbered and not headers.ENUMERATED.match(line.simple)) else "item"
    return True


def _places(text: str) -> set[str]:
    found = set()
    for match in _PLACE.finditer(text):
        name = match.group(1)
        found.add(name[-2:] if len(name) > 2 else name)
    return found


def _parallel(a: str, b: str) -> bool:
    """Two subheads written to one pattern: same two opening characters, lengths within 1."""
    return len(a) >= 4 and len(b) >= 4 and a[:2] == b[:2] and abs(len(a) - len(b)) <= 1


class ArticleSplitter:
    """Find the articles on ``doc.clean`` and fill ``doc.articles``."""

    name = "split"

    def __call__(self, doc: Document) -> Document:
        lines = glued_jumps(glued_dates(page_lines(doc.clean, simplified_view(doc.clean))))
        all_lines = glued_editor(glued_meta(lines))
        kinds, meta = find_chrome(all_lines)
        doc.chrome = meta.chrome
        doc.published = page_published(doc.published, doc.raw, all_lines, kinds, meta.published)
        closing = closing_chrome(all_lines, kinds)
        lines = _split_tags([line for line, kind in zip(all_lines, kinds) if kind is None])
        if _byline_above_headline(lines):  # 示例新闻记者 马骁 / 2023-07-11 … / headline: page metadata
            doc.chrome = sorted(doc.chrome + [(lines[0].start, lines[0].end, "meta")])
            meta.authors = meta.authors or lines[0].text
            lines = lines[1:]
        column = not _opens_with_column(kinds) and _column_heading(lines)
        if column:  # 政法信息 over 【…】 items: the column's name is chrome
            doc.chrome = sorted(doc.chrome + [(lines[0].start, lines[0].end, "column")])
            lines = lines[1:]
        first_item = _first_bulleted_item(doc, lines, all_lines, kinds)
        if first_item is not None:  # a digest of bulleted items, not a list in an article
            for i, line in enumerate(lines[first_item:], first_item):  # ■ 县法院开展… above 本报讯 … is a headline
                if _bulleted(doc, line):
                    line.kind = "tag" if (i + 1 < len(lines) and not _bulleted(doc, lines[i + 1])
                                          and is_weak_heading(line.simple)) else "item"
            lines = [part for line in lines for part in item_headline(line)]
        numbered_items(lines)
        if (column or _opens_with_column(kinds)) and not headers.numbered_headlines(lines) and _unmarked_items(lines):
            lines = [part for line in lines for part in item_headline(line)]  # 县法院召开…会议　3月2日，…
        lines = run_on_items(lines)
        for line in lines:  # a headline the e-paper page header lists starts an article
            if line.simple in meta.headlines:
                line.kind = "listed"
        if not lines:
            doc.articles = []
            return doc
        groups: list[list[_Block]] = []  # one list of blocks per article
        # A line right above the date/source line is the headline (严打犯罪，守护平安).
        signed = organ_signers(all_lines, kinds)  # 示例市人民检察院 / 2024年6月2日 under a notice: no headline
        _mark_continued(lines, all_lines, kinds)
        titled = {all_lines[i].end for i in range(len(all_lines) - 1)
                  if kinds[i] is None and kinds[i + 1] == "meta" and all_lines[i].start not in signed}
        titled |= _headline_under_date(all_lines, kinds)
        epaper = any(kind == "meta" and EDITION.search(line.simple) for line, kind in zip(all_lines, kinds))
        opens = article_openers(all_lines, kinds) | after_signatures(all_lines, kinds, signed)
        for block in _blocks(lines, titled, opens, signed):
            if not block.is_article and _photo_item(block):
                block.is_article = True  # 禁毒宣传 / 6月5日，…。 通讯员 常青 摄: a photo of its own
            if ((epaper or (groups and _dateline_brief(groups[-1], block))) and not block.is_article and groups
                    and _brief(block, groups[-1][-1])):
                block.is_article = True  # 派出所民警帮走失老人回家 / 12月2日晚，…: an untitled brief
            if block.is_article or not groups:
                groups.append([block])
                continue
            previous = groups[-1]
            last_line = previous[-1].lines[-1]
            if ends_sentence(last_line.text) or last_line.kind == "heading" or not block.header:
                previous.append(block)
                continue
            # The previous article stops mid-sentence: this section continues another one.
            target = self._continued(groups[:-1], block) if len(groups) > 1 else None
            (target if target is not None else previous).append(block)
        web, dated = _dated_on_top(kinds), (frozenset() if epaper else titled)
        doc.articles = [self._article(doc, idx, blocks, lines, closing, web, dated)
                        for idx, blocks in enumerate(groups)]
        if doc.meta.get("title") and (len(doc.articles) == 1 or not doc.articles[0].title):
            doc.articles[0].title = doc.meta["title"]  # the input's title, for a one-article page
        page_facts(doc, meta)
        return doc

    def _continued(self, candidates: list[list[_Block]], block: _Block) -> list[_Block] | None:
        heads = [line.text for line in block.header]
        text = " ".join(line.text for line in block.lines)
        best, best_score = None, 0
        for blocks in candidates:
            subheads = [h.text for b in blocks[1:] for h in b.header] + \
                       [h.text for b in blocks[:1] for h in b.body if h.kind == "heading"]
            score = 2 * sum(_parallel(a, b) for a in heads for b in subheads)
            article_text = " ".join(line.text for b in blocks for line in b.lines)
            score += len(_places(article_text) & (_places(text) | {p for p in _places(article_text) if p in text}))
            if score > best_score:
                best, best_score = blocks, score
        return best

    def _article(self, doc: Document, index: int, blocks: list[_Block], all_lines: list[_Line],
                 closing: dict[int, tuple[str, str]], web: bool = False,
                 dated: frozenset[int] | set[int] = frozenset()) -> ArticleSpan:
        first = blocks[0]
        title, kicker, subtitle, header_spans = header_fields(first.header, first.is_article, dated)
        authors: list[Author] = []
        author_spans: list[tuple[int, int, str, str]] = []
        for line in (line for line in first.bylines if not is_caption(line)):  # a caption names its photographer
            outlet = headers.BYLINE_OUTLET.match(line.simple)
            if outlet:  # 中国时报 记者 王晓明/台北报导
                header_spans.setdefault("credit", line.text[:outlet.end(1 if outlet.group(1) else 2)])
            author_spans.extend(headers.byline_authors(line.simple, line.start))
        dateline = None
        lead = first.body[0] if first.body else None
        if first.header and first.header[0].kind == "headmark":
            lead = first.header[0]
        if lead is not None and lead.kind == "body" and not author_spans:
            lead = _inner_dateline(lead) or lead
        if lead is not None and lead.kind in ("dateline", "headmark"):
            (start, end), lead_authors = headers.lead_dateline(lead)
            dateline = lead.text[start:end]
            author_spans.extend(lead_authors)
            header_spans["dateline_simple"] = lead.simple[start:end]
        if lead is not None and lead.kind == "body" and not author_spans:  # （记者 张三 通讯员 李四）近日，…
            bracket = headers.LEAD_BRACKET.match(lead.simple)
            if bracket:
                author_spans.extend(headers.byline_authors(bracket.group("groups"), lead.start + bracket.start("groups")))
        for line in (line for block in blocks for line in block.lines if line.kind == "tail"):
            credit = headers.TAIL_CREDIT.match(line.simple)
            if credit:  # (星岛日报报道)
                header_spans["credit"] = line.text[credit.start("outlet"):credit.end("outlet")]
            elif not author_spans:  # (记者 王五 通讯员 赵六) at the end
                author_spans.extend(headers.byline_authors(line.simple[1:-1], line.start + 1))
        if not author_spans:  # …提级侦办。（记者 张三 通讯员 李四）: glued to the last paragraph
            author_spans.extend(_glued_tail_authors(blocks[-1].lines[-1]))
        if not author_spans:  # 文字：王丽 under the text (a public account's credits)
            author_spans.extend(span for block in blocks[1:] if not block.header for line in block.bylines
                                for span in headers.byline_authors(line.simple, line.start))
        for start, end, _name, role in author_spans:
            authors.append(Author(doc.clean[start:end], role))
        author_spans = [(s, e, doc.clean[s:e], r) for s, e, _n, r in author_spans]
        segments, paragraphs, kinds = self._layout(blocks, first, header_spans, all_lines)
        header_spans["authors"] = author_spans
        header_spans["paragraph_kinds"] = kinds
        return ArticleSpan(index=index, segments=segments, title=title, kicker=kicker,
                           subtitle=subtitle, authors=authors, dateline=dateline,
                           truncated=truncated(blocks[-1].lines[-1], closing,
                                               web or "网" in header_spans.get("dateline_simple", "")),
                           header=header_spans, paragraphs=paragraphs)

    def _layout(self, blocks: list[_Block], first: _Block, header_spans: dict,
                all_lines: list[_Line]) -> tuple[list, list, list]:
        """Segments (stretches of the page), paragraphs and paragraph kinds of an article."""
        segments: list[tuple[int, int]] = []
        paragraphs: list[tuple[int, int]] = []
        kinds: list[str] = []
        for block in blocks:
            block_lines = block.lines
            seg = (block_lines[0].start, block_lines[-1].end)
            if segments and self._adjacent(segments[-1], seg, all_lines):
                segments[-1] = (segments[-1][0], seg[1])
            else:
                segments.append(seg)
            for line in block_lines:
                paragraphs.append((line.start, line.end))
                if line in block.bylines or line.kind in ("tail", "headmark"):
                    kinds.append("byline")
                elif block is first and first.is_article and line in block.header:
                    kinds.append(next(r for r, span in header_spans.items() if isinstance(span, tuple)
                                      and span[0] <= line.start and line.end <= span[1]))
                elif line.kind in ("heading", "tag", "listed"):
                    kinds.append("subhead")
                else:
                    kinds.append("body")
        return segments, paragraphs, kinds

    @staticmethod
    def _adjacent(a: tuple[int, int], b: tuple[int, int], all_lines: list[_Line]) -> bool:
        return not any(a[1] <= line.start and line.end <= b[0] for line in all_lines)


def _glued_tail_authors(last: _Line) -> list[tuple[int, int, str, str]]:
    """The authors of a byline glued to the end of an article's last paragraph:
    ``…一律提级侦办。（记者 张三 通讯员 李四）`` → 张三 (reporter), 李四 (correspondent)."""
    found = headers.GLUED_TAIL_BYLINE.search(last.simple) if last.kind == "body" else None
    return headers.byline_authors(found.group("names"), last.start + found.start("names")) if found else []


def _headline_under_date(all_lines: list[_Line], kinds: list[str | None]) -> set[int]:
    """The end of a page's first text line when only chrome is above it, a date line with a time
    or a label among it, and a paragraph follows: a post's headline under its account line
    (``原创 示例公安 2026年06月03日 18:30`` / ``阅读 2.1万`` / ``深夜砸车窗？示例警方72小时破案`` /
    ``5月28日凌晨，…。``), even with a question or exclamation mark. Not under an edition line alone (an
    e-paper page may open with the end of an article from the page before)."""
    first = next((i for i, kind in enumerate(kinds) if kind is None), None)
    if first is None or not any(kind == "meta" and stamped(line.simple)
                                for line, kind in zip(all_lines[:first], kinds[:first])):
        return set()
    below = next((i for i in range(first + 1, len(all_lines)) if kinds[i] is None), None)
    head = all_lines[first].simple
    if below is None or "。" not in all_lines[below].simple or len(head) > 40 or "。" in head:
        return set()
    return {all_lines[first].end}


def _dated_on_top(kinds: list[str | None]) -> bool:
    """True for a web page: a date/source line among its first four lines."""
    return "meta" in kinds[:4]
