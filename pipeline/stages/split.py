"""Split: page → articles (title, kicker, subtitle, bylines, dateline) → paragraphs → sentences.

A page of 法治日报-style reporting is a sequence of lines. An article starts with a short
headline block (kicker, title, subtitle: lines without sentence punctuation) followed by a
byline (``本报记者 丁国锋``) or a dateline paragraph (``本报讯 记者韩宇 近日，…``). Short
punctuation-free lines inside an article are section subheads, not new articles.

A run of sections that follows an article cut off mid-sentence cannot continue that article;
it is attached to the earlier article it continues, recognised by parallel subheads (the
``坚持…不变 / 坚持…不减`` pattern: same opening characters, same length) and shared place
names. Articles whose last paragraph stops mid-sentence are marked truncated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import ArticleSpan, Author, Document, SentenceSpan

_HEADING_PUNCT = re.compile(r"[，。；！？：,;!?]")
_BYLINE = re.compile(
    r"^(?P<role>本报记者|本报通讯员|本报特约记者|特约记者|记者|通讯员)[ \t]*"
    r"(?P<names>[\u4e00-\u9fff·]{2,5}(?:[ \t]+[\u4e00-\u9fff·]{2,5})*)[ \t]*$"
)
_DATELINE = re.compile(
    r"^(?P<mark>本报讯|本报[\u4e00-\u9fff\d]{0,12}电|本报[\u4e00-\u9fff\d]{0,12}讯"
    r"|(?:新华社|中新社|人民网)[\u4e00-\u9fff\d]{0,12}电)"
)
_LEAD_AUTHOR = re.compile(
    r"[ \t]*(?P<role>记者|通讯员|特约记者)[ \t]*(?P<name>[\u4e00-\u9fff·]{2,4})(?=[ \t])"
    r"(?P<more>(?:[ \t]+[\u4e00-\u9fff·]{2,4}(?=[ \t]))*)"
)
_PLACE = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:省|市|自治区|自治州|地区|盟|县|区|旗)")
_TERMINAL = "。！？!?…；;"
_CLOSERS = "”’」』）)》"
_SENT_END = re.compile(r"(?:[。！？!?；;]|…+)[”’」』）)》]*")

ROLES = {"记者": "reporter", "本报记者": "reporter", "特约记者": "reporter",
         "本报特约记者": "reporter", "通讯员": "correspondent", "本报通讯员": "correspondent"}
MAX_SENTENCE = 500  # characters; longer runs are cut at a comma, else hard, to bound memory


@dataclass
class _Line:
    start: int
    end: int
    text: str
    kind: str = "body"  # body | heading | byline | dateline


def _lines(text: str) -> list[_Line]:
    lines = []
    pos = 0
    for raw_line in text.split("\n"):
        stripped = raw_line.strip()
        if stripped:
            lead = len(raw_line) - len(raw_line.lstrip())
            start = pos + lead
            lines.append(_Line(start, start + len(stripped), stripped))
        pos += len(raw_line) + 1
    return lines


def _classify(line: _Line) -> str:
    if _BYLINE.match(line.text):
        return "byline"
    if _DATELINE.match(line.text):
        return "dateline"
    if len(line.text) <= 40 and not _HEADING_PUNCT.search(line.text):
        return "heading"
    if is_weak_heading(line.text):
        return "weak"
    return "body"


def is_weak_heading(text: str) -> bool:
    """A short line that may be a headline with punctuation (严打犯罪，守护平安).

    Only a run of such lines followed by a byline or dateline counts as a headline: alone, a
    short line without a full stop is more often the cut-off end of an article.
    """
    return (len(text) <= 32 and not ends_sentence(text) and "。" not in text
            and len(_HEADING_PUNCT.findall(text)) <= 2)


def _mark_headlines(lines: list[_Line]) -> None:
    """Promote a weak heading to a heading when a byline or dateline follows it directly.

    So a headline with a comma is recognised as the title of the article below it; a short
    line without a full stop anywhere else is body text (the cut-off end of an article).
    """
    for i, line in enumerate(lines):
        if line.kind == "weak":
            heads_article = i + 1 < len(lines) and lines[i + 1].kind in ("byline", "dateline")
            line.kind = "heading" if heads_article else "body"


def ends_sentence(text: str) -> bool:
    """True when ``text`` stops at a sentence end (closing quotes and brackets allowed)."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _TERMINAL


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


def _blocks(lines: list[_Line]) -> list[_Block]:
    """Group lines into article starts and sections, in page order."""
    for line in lines:
        line.kind = _classify(line)
    _mark_headlines(lines)
    blocks: list[_Block] = []
    i = 0
    n = len(lines)
    while i < n:
        j = i
        while j < n and lines[j].kind == "heading" and j - i < 3:
            j += 1
        header = lines[i:j]
        k = j
        while k < n and lines[k].kind == "byline":
            k += 1
        bylines = lines[j:k]
        starts_article = bool(header) and (bool(bylines) or (k < n and lines[k].kind == "dateline"))
        if not header and not bylines and lines[i].kind == "dateline":
            starts_article = True  # a dateline with no headline: a brief
        body_start = k if (header or bylines) else i
        m = body_start
        # The body runs until the next heading run that starts an article or a section.
        while m < n:
            if m > body_start and lines[m].kind in ("heading", "byline"):
                break
            if m > body_start and lines[m].kind == "dateline":
                break
            m += 1
        body = lines[body_start:m]
        if not header and not bylines and not body:
            body = [lines[i]]
            m = i + 1
        blocks.append(_Block(header, bylines, body, starts_article))
        i = m
    if blocks and not blocks[0].is_article and blocks[0].header and len(lines) > 1:
        # The first headline on a page starts an article even without a byline.
        blocks[0].is_article = True
    return blocks


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
        lines = _lines(doc.clean)
        if not lines:
            doc.articles = []
            return doc
        groups: list[list[_Block]] = []  # one list of blocks per article
        for block in _blocks(lines):
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
        doc.articles = [self._article(doc, idx, blocks, lines) for idx, blocks in enumerate(groups)]
        if not doc.articles[0].title and doc.meta.get("title"):
            doc.articles[0].title = doc.meta["title"]
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

    def _article(self, doc: Document, index: int, blocks: list[_Block], all_lines) -> ArticleSpan:
        first = blocks[0]
        header = [line for line in first.header]
        title, kicker, subtitle = "", None, None
        header_spans: dict = {}
        if first.is_article and header:
            roles = self._header_roles(header)
            for line, role in zip(header, roles):
                header_spans[role] = (line.start, line.end)
            title = next((l.text for l, r in zip(header, roles) if r == "title"), "")
            kicker = next((l.text for l, r in zip(header, roles) if r == "kicker"), None)
            subtitle = next((l.text for l, r in zip(header, roles) if r == "subtitle"), None)
        authors: list[Author] = []
        author_spans: list[tuple[int, int, str, str]] = []
        for line in first.bylines:
            self._byline_authors(line, authors, author_spans)
        dateline = None
        lead = first.body[0] if first.body else None
        if lead is not None and lead.kind == "dateline":
            dateline, lead_authors = self._dateline(lead)
            for start, end, name, role in lead_authors:
                authors.append(Author(name, role))
                author_spans.append((start, end, name, role))
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
                if line in block.bylines:
                    kinds.append("byline")
                elif block is first and first.is_article and line in block.header:
                    kinds.append(next(r for r, span in header_spans.items()
                                      if span == (line.start, line.end)))
                elif line.kind == "heading":
                    kinds.append("subhead")
                else:
                    kinds.append("body")
        last_body = blocks[-1].lines[-1]
        truncated = last_body.kind in ("body", "dateline") and not ends_sentence(last_body.text)
        header_spans["authors"] = author_spans
        header_spans["paragraph_kinds"] = kinds
        return ArticleSpan(index=index, segments=segments, title=title, kicker=kicker,
                           subtitle=subtitle, authors=authors, dateline=dateline,
                           truncated=truncated, header=header_spans, paragraphs=paragraphs)

    @staticmethod
    def _adjacent(a: tuple[int, int], b: tuple[int, int], all_lines: list[_Line]) -> bool:
        return not any(a[1] <= line.start and line.end <= b[0] for line in all_lines)

    @staticmethod
    def _header_roles(header: list[_Line]) -> list[str]:
        if len(header) == 1:
            return ["title"]
        if len(header) == 2:
            if header[1].text.startswith(("—", "-", "——")):
                return ["title", "subtitle"]
            return ["kicker", "title"]
        return ["kicker", "title", "subtitle"]

    @staticmethod
    def _byline_authors(line: _Line, authors: list, spans: list) -> None:
        match = _BYLINE.match(line.text)
        role = ROLES.get(match.group("role"), "other")
        names_start = line.start + match.start("names")
        for name_match in re.finditer(r"[\u4e00-\u9fff·]+", match.group("names")):
            authors.append(Author(name_match.group(), role))
            spans.append((names_start + name_match.start(), names_start + name_match.end(),
                          name_match.group(), role))

    @staticmethod
    def _dateline(line: _Line) -> tuple[str, list]:
        match = _DATELINE.match(line.text)
        mark = match.group("mark")
        spans = []
        pos = match.end()
        while True:
            author = _LEAD_AUTHOR.match(line.text, pos)
            if not author:
                break
            role = ROLES.get(author.group("role"), "other")
            spans.append((line.start + author.start("name"), line.start + author.end("name"),
                          author.group("name"), role))
            more_start = author.start("more")
            for extra in re.finditer(r"[\u4e00-\u9fff·]+", author.group("more")):
                spans.append((line.start + more_start + extra.start(),
                              line.start + more_start + extra.end(), extra.group(), role))
            pos = author.end()
        return mark, spans


def split_sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Return (start, end) sentence spans covering ``text`` exactly, offset by ``start``.

    Sentences end at 。！？；…… with their closing quotes (``说：“很安全。”``) and at the end
    of the text; a run longer than ``MAX_SENTENCE`` is cut at its last comma.
    """
    spans = []
    pos = 0
    for match in _SENT_END.finditer(text):
        end = match.end()
        spans.extend(_bounded(text, pos, end))
        pos = end
    if pos < len(text):
        spans.extend(_bounded(text, pos, len(text)))
    return [(start + s, start + e) for s, e in spans if e > s]


def _bounded(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    while e - s > MAX_SENTENCE:
        window = text[s:s + MAX_SENTENCE]
        cut = max(window.rfind("，"), window.rfind(","), window.rfind(" "), window.rfind("、"))
        cut = s + cut + 1 if cut > MAX_SENTENCE // 4 else s + MAX_SENTENCE
        out.append((s, cut))
        s = cut
    out.append((s, e))
    return out


class SentenceSplitter:
    """Cut every paragraph of every article into sentences (``doc.sentences``)."""

    name = "sentences"

    def __call__(self, doc: Document) -> Document:
        sentences = []
        for a_idx, article in enumerate(doc.articles):
            kinds = article.header.get("paragraph_kinds", [])
            index = 0
            for p_idx, (p_start, p_end) in enumerate(article.paragraphs):
                kind = kinds[p_idx] if p_idx < len(kinds) else "body"
                spans = ([(p_start, p_end)] if kind != "body"
                         else split_sentences(doc.clean[p_start:p_end], p_start))
                for s, e in spans:
                    sentences.append(SentenceSpan(a_idx, p_idx, index, s, e, kind))
                    index += 1
        doc.sentences = sentences
        return doc
