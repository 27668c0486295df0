"""The metrics stage: every figure a report states, normalised, with what it counts.

``MetricExtractor`` reads each sentence's figures (``quantities``), then the attributes of each
one through the ordered rules of ``attributes`` over one ``words.Clause``:

    共破获案件760起  ->  760起: value 760, unit 起, count, action 破获, object 案件
    警情同比下降21%  ->  21%: percent, change down, basis yoy, object 警情

Who acted (``subject``) and where (``place``) are read from the entity stage's spans only
(``who_where``); a time scope that opens a paragraph (今年以来，…) holds for its later figures
(``change``); the category comes from the taxonomy (``category``). Word lists are in
``pipeline/data/metric_*.json`` (``lexicon.MetricLexicon``); docs/metrics.md explains the rules.

The stage always reads pkuseg words (the tokenize stage runs before it). What a document
teaches the lexicon (a verb written with its complement, 撒开) holds for that document only:
the same document gives the same metrics whatever the worker read before it.

Modules, in the order a figure meets them:
  quantities  find and read figures (the candidate patterns, value, unit, kind, approx)
  words       the clause context and helpers over pkuseg words
  verb_before the verb before a figure that governs it
  action      other places of the governing verb; the action rules
  change      direction, basis, the period grammar
  object, nouns, object_rules   the noun phrase a figure counts; the object rules
  attributes  the ordered list of rules
  who_where   subject and place from the entity spans (scopes: 全省, 市公安局, 该局 read in an area)
  category    the taxonomy rule that fits
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from ... import errors
from ...document import Document, MetricSpan, Reject
from ...dates import period_dates
from ...lexicon import DATA_DIR, alternation, read_words
from ..layout import simplified_view
from .action import batch_verb
from .attributes import read_attributes
from .category import article_organ, read_category, read_statistic, restated_category
from .change import (SAME_DAY, base_year, filed_day, meeting_window, period_matches, read_period,
                     same_day, stated_span, statutory)
from .lexicon import LEXICON_PATH, TAXONOMY_PATH, VERBS_PATH, MetricLexicon
from .quantities import MAY_HOLD_NUMBER, candidates
from .restated import restated_places, restated_windows
from .windows import (AT_MEETING, INQUIRY, MEETING, RELEASING, TOPIC_OPEN, crime_in_verdict, crime_window,
                      is_penalty, justice_step, learned_day, offender_deed, reported_window, reward_offer, standing_stock,
                      threshold_of, verdict_day, verdict_opened)
from .regions import page_area
from .scopes import scope_mentions
from .who_where import article_places, carried_subject, place_mentions, read_place, read_subject
from .words import Clause, clause_start, learn_verbs, verb_clause_start, sentence_starts

__all__ = ["MetricExtractor", "MetricLexicon", "LEXICON_PATH", "TAXONOMY_PATH", "VERBS_PATH"]

# a year a page names: 2026年, or a date written with slashes or dashes (2026/03/18 09:12)
_YEAR = re.compile(r"(?<!\d)((?:19[5-9]|20[0-4])\d)(?:年|[/-](?=[01]?\d[/-][0-3]?\d(?!\d)))")
# a sentence that may state a time scope (一季度, 国庆假期 too)
_MAY_HOLD_PERIOD = re.compile(r"[年来间至季假节日旬]|\d月|上个?月|当[天晚夜]|除夕")
# A window a report's lead states for the whole report (今年以来, 1至8月, 国庆期间), not the
# date of an event (1994年7月).
_WINDOW = re.compile(r"以来|截至|截止|年来|[至到—－-]|季度|半年|期间|假期|前\S{1,2}个?月")
_WHOLE_YEAR = re.compile(r"^(?:\d{4}年|去年|今年)(?:全年)?$")
# 同期 naming the window just stated (浙江省公安厅同期破获…), not a comparison base (去年同期, 与…同期相比)
_RUNNING = re.compile(r"(?:以来|至今|已经?|累计|起)$")  # a window still running when the report was made
_LAUNCH = re.compile(r"上线|开通|启用|投入使用|挂牌成立|正式成立|正式启动|揭牌")  # what starts a running count
# A 期间 phrase that refers back to a window stated before (行动期间, 假期期间, 在此期间), not a named
# one (“九五”期间, 首脑会议期间)
_BACK_WINDOW = re.compile(r"^(?:在|于)?(?:此次|这次|本次|该次|是次|此|这|该|上述)?(?:“[^”]{1,8}”(?:专项|集中|整治|"
                          r"打击|统一|清查|收网|拘捕|抓捕)*(?:行动|活动)|(?:专项|集中|整治|打击|统一|清查|收网|拘捕|抓捕)*"
                          r"(?:行动|活动|假期|长假|节日|节假日|黄金周|小长假)?)(?:期间|(?<=行动)中)$")
_OPERATION = re.compile(r"行动|战役")  # what a 行动中/行动期间 phrase refers back to
_PARTS_OF = re.compile(r"\s*其中")  # 其中，…: parts of the figures just stated
# 从发案类型看，…占比37.4%; 分区域看，…; 按年龄段分，…: a paragraph that breaks down the figures
# of the paragraph before, in its window (when the article's lead states no report window)
# (the dimensions: data/metric_breakdown_dimensions.txt)
_BREAKDOWN = re.compile(r"\s*(?:从|按|分)[\u4e00-\u9fff]{0,6}?(?:"
                        + alternation(read_words(DATA_DIR / "metric_breakdown_dimensions.txt"))
                        + r")(?:上|来)?(?:看|分|分析)[，,：:]")
_SAME_PERIOD = re.compile(r"(?<![年比较与和跟])同期(?!相比|比)")


class MetricExtractor:
    """Find the quantities in each sentence and append them to ``doc.metrics``."""

    name = "metrics"

    def __init__(self, taxonomy_path: str | Path | None = None,
                 lexicon_path: str | Path | None = None, gazetteer=None) -> None:
        self._gazetteer = gazetteer
        self.lexicon = MetricLexicon(lexicon_path, taxonomy_path)

    @property
    def categories(self) -> list[dict]:
        """The taxonomy rules (data/metric_categories.json), in the order they are tried."""
        return self.lexicon.categories

    @property
    def gazetteer(self):
        """The gazetteer of the entity stage (built on first use unless injected)."""
        if self._gazetteer is None:
            from ...places import shared_gazetteer

            self._gazetteer = shared_gazetteer()
        return self._gazetteer

    def __call__(self, doc: Document) -> Document:
        """Append the metrics of ``doc``. A traditional-script page is read through its simplified
        view (報導 as 报导: the word lists are simplified), at the same offsets; ``action``,
        ``object`` and ``subject`` then come in simplified characters."""
        view = simplified_view(doc.clean)
        if view == doc.clean:
            return self._read(doc)
        clean, doc.clean = doc.clean, view
        try:
            return self._read(doc)
        finally:
            doc.clean = clean

    def _read(self, doc: Document) -> Document:
        lex = self.lexicon.for_document()  # what this document teaches stays with it
        reader = _DocumentReader(self, lex, doc)
        paragraph, scope = None, None  # the time scope stated last in the paragraph
        lead = reader.leads  # the scope the lead paragraph of each article opens with
        first_body: dict[int, int] = {}  # the lead paragraph of each article
        counted: set[int] = set()  # articles whose lead paragraph states a figure
        for index, sentence in enumerate(doc.sentences):
            if (sentence.article, sentence.paragraph) != paragraph:
                before = scope if paragraph and paragraph[0] == sentence.article else None
                paragraph, scope = (sentence.article, sentence.paragraph), lead.get(sentence.article)
                if scope is None and before and _BREAKDOWN.match(doc.clean, sentence.start):
                    scope = before  # 从发案类型看，…: the breakdown of the paragraph before
            if sentence.kind == "byline":
                continue
            text = doc.clean[sentence.start:sentence.end]
            carried = scope
            if _MAY_HOLD_PERIOD.search(text):
                last = dated(read_period(text, len(text), reader.published(sentence), heads=True))
                last = filed_day(last, reader.dateline(sentence), reader.published(sentence))  # 昨天，…
                if last[1] is not None and last[1] == last[2] and MEETING.search(text):
                    reader.meetings.setdefault(sentence.article, last)  # 1月24日，…召开新闻发布会
                last = dated(meeting_window(text, last, reader.published(sentence)))  # 1月15日，…召开发布会
                last = same_day(last, carried)  # 11月26日，…。当晚，…
                if last[1] is not None and last[2] is not None and not verdict_opened(text, last) \
                        and crime_window(text, last[0], len(text)):
                    reader.crimes[sentence.article] = last[1:]  # 被告人…在2023年9月至2024年5月期间…
                if not last[0]:  # 被告人在2023年9月至2024年5月期间…: a case's window, for the paragraph
                    scope = dated(stated_span(text, reader.published(sentence)))
                    if scope[1] is not None and scope[2] is not None and crime_window(text, scope[0], len(text)):
                        reader.crimes[sentence.article] = scope[1:]  # 近日，…被告人王某明…在2023年9月至…期间
                    scope = scope if scope[0] else carried
                elif last[0]:
                    scope = started_by(carried, last) if carried else last
                    scope = launched(scope, text)
                    reader.firsts.setdefault(paragraph, scope)
                    if sentence.kind == "body" and report_window(last, reader.published(sentence)) \
                            and not headline_like(doc, sentence, text) and not label_line(text) \
                            and is_lead(first_body, counted, sentence, last):
                        lead.setdefault(sentence.article, LeadWindow(last))  # 今年以来，…: the report's window
            if _OPERATION.search(text):
                reader.note_operation(sentence, text)
            if sentence.kind == "body" and sentence.article not in lead and TOPIC_OPEN.search(text) \
                    and first_body.get(sentence.article, sentence.paragraph) == sentence.paragraph \
                    and not headline_like(doc, sentence, text) and not label_line(text):
                topic = dated(reported_window(text, reader.published(sentence)))
                if topic[0] and report_window(topic, reader.published(sentence)):
                    lead[sentence.article] = LeadWindow(topic)  # …通报了1至5月各地禁毒工作情况
            if sentence.kind == "body" and not headline_like(doc, sentence, text) and not label_line(text):
                first_body.setdefault(sentence.article, sentence.paragraph)
            if MAY_HOLD_NUMBER.search(text):
                found = len(doc.metrics)
                reader.read_sentence(index, text, paragraph, carried)
                if len(doc.metrics) > found and first_body.get(sentence.article) == sentence.paragraph:
                    counted.add(sentence.article)
        restated_windows(doc, lead)
        restated_places(doc)
        return doc


def is_lead(first_body: dict[int, int], counted: set[int], sentence, window: tuple) -> bool:
    """Return True for a paragraph whose window holds for the whole report: the first body
    paragraph, or the one right after it when that one only sets a scene (no figure, no window:
    家住瓦窑西路的市民十分高兴。 / 去年以来，该区开展系列整治行动…) and the window is one still
    running from a stated start (去年以来, 自3月开展专项行动以来; not 去年, 一个世纪以来)."""
    first = first_body.setdefault(sentence.article, sentence.paragraph)
    return sentence.paragraph == first or (
        sentence.paragraph == first + 1 and sentence.article not in counted
        and window[1] is not None and bool(_RUNNING.search(window[0])))


def headline_like(doc: Document, sentence, text: str) -> bool:
    """Return True for a body line that is a headline the page split left in the body: the
    article's first paragraph, one short line without a closing 。！？ (公安部：全国公安机关今年已
    抓获…逾万名); the lead that gives the report's window is the paragraph after it."""
    return sentence.paragraph == 0 and len(text) <= 40 and not text.rstrip().endswith(_CLOSERS)


_CLOSERS = ("。", "！", "？", "…", "”", "」", ".", "!", "?")
_LABEL = re.compile(r"[\u4e00-\u9fff]{2,6}[：:]")


def label_line(text: str) -> bool:
    """Return True for a page's label line before the report (索引号：…　发布机构：…, 成文日期：…):
    a line with a label and a colon and no closing 。！？, never the lead paragraph."""
    return not re.search(r"[，,。；;！？]", text) and bool(_LABEL.match(text.lstrip()))


def report_window(found: tuple, published: date | None) -> bool:
    """Return True for a window a report's lead states for the whole report: 今年以来, 1至8月,
    国庆期间, or a whole year that is the publication year or the one before (2023年，全院共…
    published in 2024), not the date of an event (1994年7月) nor a year of history (1971年，…)."""
    period, start, _ = found
    if _WHOLE_YEAR.match(period):
        return start is not None and published is not None and published.year - start.year in (0, 1)
    return bool(_WINDOW.search(period))


def started_by(carried: tuple, found: tuple) -> tuple:
    """Return ``found`` with the start of the running window its paragraph states when it states
    only the end (not the lead's window carried from another paragraph): 今年以来，…。到8月，已抓获300名 -> Jan 1 to Aug 31; 自6月11日开展专项行动以来…。截至10月31日，…
    -> Jun 11 to Oct 31. A closed window (1997年1至11月, 去年) or a single day (1月5日召开会议)
    gives no start, nor does 目前 (a level up to now): the end then stands alone."""
    period, start, end = found
    if isinstance(carried, LeadWindow):
        return found  # 今年以来 (lead) … / 截至10月31日，全市已建成…380个: a stock, no start
    first = carried[1]
    running = _RUNNING.search(carried[0]) or carried[2] is None  # 今年5月4日开通: since then
    if start is not None or end is None or first is None or first > end or not running \
            or period == "目前":  # 目前，全省已建立…: a level up to now keeps no start
        return found
    return period, first, end


def planned_end(text: str, cand, fields: dict, start: date | None, end: date | None) -> date | None:
    """Return the last day of a campaign's stated length, for the length itself: 自今年6月11日开展
    为期100天的专项行动 -> 100天 runs Jun 11 to Sep 18. Other figures keep their end."""
    if start is None or fields.get("quantity_kind") != "duration" or not text.endswith("为期", 0, cand.start):
        return end
    days = {"天": 1, "日": 1, "周": 7, "个月": 30, "月": 30}.get(fields.get("unit") or "")
    value = fields.get("value") or 0
    if days is None or fields.get("value_max") is not None or value < 1 or value != int(value):
        return end  # 半个月, 1至2周: no stated last day
    if days in (1, 7):
        return start + timedelta(days=int(value) * days - 1)
    if start.day != 1:
        return end  # 3个月 from Jun 11: no calendar month to end with
    months = start.month - 1 + int(value)
    return date(start.year + months // 12, months % 12 + 1, 1) - timedelta(days=1)


def window_after(text: str, position: int) -> bool:
    """Return True when the sentence states a window of its own in a later clause (…推行“警务助理”
    制度，今年1至10月辖区可防性案件同比下降21.4%): the clause before it sets the scene, and the
    report's lead window is not carried into it."""
    return any(begin > position and opens for begin, _, _, opens in period_matches(text))


class LeadWindow(tuple):
    """The window a report's lead states, carried to its later paragraphs: it dates their
    figures but gives no start to an end stated in another paragraph."""


def launched(scope: tuple, text: str) -> tuple:
    """Return the window a launch opens: 今年5月4日，肇庆公安上线开通“局长信箱” -> from May 4 on, no
    end (a later 截至10月31日 then runs from May 4); 今年10月下旬…建成并投入使用 -> from Oct 21.
    A date without a launch (5月4日召开会议) stays that day."""
    period, start, end = scope
    if start is None or end is None or not _LAUNCH.search(text):
        return scope
    return period, start, None


def year_only(doc: Document) -> date | None:
    """The last day of the latest year an undated document names, as a ``YearOnly``
    (2021年上半年 on an undated page makes 今年以来 start 2021-01-01, with no end)."""
    years = [int(y) for y in _YEAR.findall(doc.clean)]
    return YearOnly(max(years), 12, 31) if years else None


class YearOnly(date):
    """A publication date of which only the year is known: ends that would be this day are unknown."""


def dated(found: tuple) -> tuple:
    """Drop the days that would only come from a year-only publication date (今年以来: no end)."""
    period, start, end = found
    return (period, None if isinstance(start, YearOnly) else start,
            None if isinstance(end, YearOnly) else end)


class _DocumentReader:
    """The figures of one document: the places and entities per sentence, read once."""

    def __init__(self, stage: MetricExtractor, lex: MetricLexicon, doc: Document) -> None:
        self.stage, self.lex, self.doc = stage, lex, doc
        self.by_sentence: dict[int, list] = {}  # entities per sentence, in text order
        for entity in doc.entities:
            self.by_sentence.setdefault(entity.sentence, []).append(entity)
        self.mentions = self.article_places = None
        self.last_figures: tuple[int, list[dict]] = (-1, [])  # the sentence read last, its figures
        self.undated = year_only(doc) if doc.published is None else None
        self.windows: dict[int, tuple] = {}  # the window of the last figure read in each article
        self.verdicts: dict[int, tuple] = {}  # the day of the verdict each article tells last
        self.crimes: dict[int, tuple] = {}  # the days of the crime's own window each article tells last
        self.leads: dict[int, tuple] = {}  # the window the lead of each article opens with
        self.titles: dict[int, tuple | None] = {}  # the window the headline of each article states
        self.firsts: dict[tuple, tuple] = {}  # the window each paragraph states first
        self.meetings: dict[int, tuple] = {}  # the day of the press conference each article reports
        self.operations: dict[int, tuple] = {}  # the window of the operation each article names last

    def published(self, sentence) -> date | None:
        """The date periods are read against: the document's publication date (JSONL date,
        --date, the page's date line), else the article's (its dateline: 新华社北京9月11日电),
        else the year the document names (``year_only``)."""
        doc = self.doc
        if doc.published is not None:
            return doc.published
        if 0 <= sentence.article < len(doc.articles) and doc.articles[sentence.article].published:
            return doc.articles[sentence.article].published
        return self.undated

    def own_period(self, sentence, text: str, cand, carried) -> tuple:
        """The window the figure's sentence states for it, a 当天/当晚 read as the day stated before it
        (in the sentence, the paragraph, the article)."""
        published = self.published(sentence)
        found = filed_day(dated(read_period(text, cand.start, published)), self.dateline(sentence), published)
        if found[0] in SAME_DAY:
            before = dated(read_period(text, text.rfind(found[0], 0, cand.start), published))
            found = same_day(found, before, carried, self.windows.get(sentence.article))
        return found

    def dateline(self, sentence) -> str | None:
        """The dateline of the sentence's article (新华社北京9月11日电), None when it has none."""
        articles = self.doc.articles
        return articles[sentence.article].dateline if 0 <= sentence.article < len(articles) else None

    def window_before(self, sentence) -> tuple | None:
        """The window of the figures a 其中 sentence lists parts of: those of the sentence before in its
        paragraph (…昨日（11日）截獲兩宗…。其中一名男子…藏有約22公斤 -> Nov 11), or the window the
        paragraph before opened with when 其中 opens the paragraph (今年1至11月，全区…。截至11月底，…。 /
        其中，乌鲁木齐市公安局破获…1730起 -> Jan 1 to Nov 30)."""
        index, figures = self.last_figures
        before = self.doc.sentences[index] if 0 <= index < len(self.doc.sentences) else None
        if before is not None and (before.article, before.paragraph) == (sentence.article, sentence.paragraph):
            for fields in reversed(figures):
                if fields.get("period_start") or fields.get("period_end"):
                    return fields["period"], fields["period_start"], fields["period_end"]
            return None
        found = self.firsts.get((sentence.article, sentence.paragraph - 1))
        return found if found and (found[1] or found[2]) else None

    def campaign_start(self, sentence, start, end) -> tuple:
        """Return the days of an event-anchored window (专项行动开展以来) that names no date: from
        the start of a dated window the article's lead opens with (3月5日至4月20日，全省开展
        集中行动… / 专项行动开展以来… -> Mar 5 to the publication date); a lead window that starts
        on Jan 1 (今年以来, 1至8月) dates no campaign."""
        lead = self.leads.get(sentence.article)
        published = self.published(sentence)
        if not lead or lead[1] is None or published is None or (lead[1].month, lead[1].day) == (1, 1) \
                or lead[1] > published or isinstance(published, YearOnly):
            return start, end
        return lead[1], published

    def note_operation(self, sentence, text: str) -> None:
        """Keep the window an operation is stated for, in the clause that names it, for a later
        行动中/行动期间 (警务处于本月10日至13日采取代号“雷霆”的拘捕行动 -> Sep 10 to 13). A single
        day (3月17日，…通报专项行动战果) is when it was reported, not the operation's window."""
        published = self.published(sentence)
        for mention in _OPERATION.finditer(text):
            head = clause_start(text, mention.start())
            spans = [m for m in period_matches(text) if head <= m[0] < mention.start()]
            if not spans:
                continue
            _, start, end = dated((None, *period_dates(spans[-1][2], published)))
            if start is not None and end is not None and start < end:
                self.operations[sentence.article] = (spans[-1][2], start, end)

    def window_named_before(self, sentence, carried, period: str | None = None) -> tuple:
        """Return the days of a 期间 phrase that names no date, from the window stated before it in
        the article: 6月1日至8月31日开展夏季行动。…… / 行动期间，共破获案件120起 -> Jun 1 to Aug 31;
        国庆假期，全市…。 / 假期期间，破获… -> Oct 1 to 7. (None, None) when none was stated."""
        for window in (carried, self.windows.get(sentence.article), self.title_window(sentence)):
            if window is carried and period and _OPERATION.search(period) \
                    and sentence.article in self.operations:
                window = self.operations[sentence.article]  # 本月10日至13日采取…行动。/ 行动中，…
            if window and (window[1] is not None or window[2] is not None):
                return window[1], window[2]
        return None, None

    def title_window(self, sentence) -> tuple | None:
        """The window the article's headline states (一季度, 上半年, 国庆假期, 2023年), with its days
        read against the publication date, or None: 南昌西湖检察一季度批捕…86人 -> Jan 1 to Mar 31."""
        if sentence.article in self.titles:
            return self.titles[sentence.article]
        title, found = self.title(sentence), None
        if title and _MAY_HOLD_PERIOD.search(title):
            found = dated(read_period(title, len(title), self.published(sentence)))
            if found[0] is None or (found[1] is None and found[2] is None) \
                    or not report_window(found, self.published(sentence)):
                found = None
        self.titles[sentence.article] = found
        return found

    def title(self, sentence) -> str:
        """The headline of the sentence's article ('' when it has none)."""
        articles = self.doc.articles
        return articles[sentence.article].title or "" if 0 <= sentence.article < len(articles) else ""

    def organ_heading(self, sentence) -> str:
        """The article's headline, then its kicker and the outlet the page states, where an organ
        that acts for the article may be named (检察护航｜… from 镇雄检察: 检察)."""
        articles = self.doc.articles
        if not 0 <= sentence.article < len(articles):
            return ""
        article = articles[sentence.article]
        return "\n".join(part for part in (article.title, article.kicker, article.outlet) if part)

    def read_sentence(self, index: int, text: str, paragraph, carried) -> None:
        """Append the metrics of sentence ``index`` (``text``) to the document; ``carried`` is
        the time scope of the paragraph so far."""
        doc, lex = self.doc, self.lex
        sentence = doc.sentences[index]
        found, failed = candidates(lex, text)
        for start, end, message in failed:
            doc.rejects.append(Reject(
                stage=self.stage.name, reason=errors.UNPARSED_NUMBER, message=message,
                excerpt=text[max(0, start - 20):end + 20]))
        if not found:
            return
        if self.mentions is None:
            self.mentions = place_mentions(lex, self.stage.gazetteer, doc)
            self.article_places, late = article_places(lex, doc, self.mentions)
            page_area(self.stage.gazetteer, doc, self.article_places)  # 警方… on a Hong Kong page
            for article, area in late.items():
                self.article_places.setdefault(article, area)
            scope_mentions(lex, self.stage.gazetteer, doc, self.mentions, self.article_places)
        entities = self.by_sentence.get(index, ())
        verbs = list(lex.actions_re.finditer(text))
        places = {doc.clean[e.start:e.end] for e in entities if e.label in ("GPE", "LOC")}
        persons = {doc.clean[e.start:e.end] for e in entities if e.label == "PERSON"}
        if sentence.doc is None:
            raise ValueError("the metrics stage reads pkuseg words: run the tokenize stage first")
        # the words as the stage reads the text (the simplified view of a traditional page)
        tokens = [(t.idx, t.idx + len(t.text), text[t.idx:t.idx + len(t.text)]) for t in sentence.doc]
        starts = sentence_starts(text, tokens)
        learn_verbs(lex, tokens)  # 撒开, 搬掉: a verb with its complement is a verb
        before = doc.sentences[index - 1] if index else None
        batch = batch_verb(lex, text, doc.clean[before.start:before.end]) if before is not None and (
            before.article, before.paragraph) == paragraph else None
        previous: list[tuple] = []
        # The figures of the sentence before in the paragraph: a sentence opened by 其中 lists parts of them.
        earlier = self.last_figures[1] if self.last_figures[0] == index - 1 and before is not None \
            and (before.article, before.paragraph) == paragraph else []
        for cand in found:
            fields = dict(value=cand.value, value_max=cand.value_max, unit=cand.unit,
                          quantity_kind=cand.kind, currency=cand.currency, approx=cand.approx)
            fields.update(read_attributes(Clause(lex, text, cand, previous, verbs, tokens, places, persons,
                                                 starts=starts)))
            if batch and fields["action"] in (None, "包括") and not fields["change_direction"]:
                fields["action"] = batch  # 运送年货。这批年货包括干粮5吨: the batch's act
            fields.update(self.who_when_where(index, text, cand, fields, carried))
            fields["category"] = restated_category(fields, text, cand.start, previous, earlier,
                                                   text[cand.end:cand.end + 32], lex)
            previous.append((cand, fields))
            doc.metrics.append(MetricSpan(sentence=index, start=sentence.start + cand.start,
                                          end=sentence.start + cand.end, fields=fields))
        self.last_figures = (index, [fields for _, fields in previous])

    def period_of(self, sentence, text: str, cand, fields: dict, carried) -> tuple:
        """Return (period, start, end) of a figure: the window its sentence states, else the one its
        paragraph or report carries, else the headline's (GUIDE_attribution.md, section 2)."""
        period, period_start, period_end = self.own_period(sentence, text, cand, carried)
        stated = period
        if stated is None and carried and sentence.article not in self.verdicts \
                and self.crimes.get(sentence.article) == tuple(carried[1:]) and justice_step(text, cand.start, cand.end):
            return None, None, None  # …期间…非法采砂。法院以非法采矿罪判处…: not in the crime's window
        if verdict_opened(text, (period, period_start, period_end)):
            self.verdicts[sentence.article] = (period, period_start, period_end)
        elif period is not None:
            self.verdicts.pop(sentence.article, None)
        elif is_penalty(text, cand.start) and sentence.article in self.verdicts:
            return self.verdicts[sentence.article]  # 6月8日，…宣判…。法院以诈骗罪判处…有期徒刑四年
        window = self.operations.get(sentence.article) or self.leads.get(sentence.article)
        if period is None and window and (not carried or carried[1] is None) and threshold_of(text, cand.end):
            return tuple(window)  # 1月5日至4月5日…专项行动…。…涉案金额50万元以上的案件已全部成立专班
        if learned_day(text, (period, period_start, period_end)) \
                or crime_in_verdict(text, cand.start, (period, period_start, period_end)):
            return None, None, None  # 9月1日，记者从…获悉，…查获 / 6月8日，…宣判…，被告人…骗取41.6万元
        period, period_start, period_end = verdict_day(text, cand.start, (period, period_start, period_end),
                                                       self.published(sentence))
        if period_start is not None and period_start == period_end \
                and INQUIRY.search(text, text.rfind(period, 0, cand.start) + len(period), cand.start):
            return None, None, None  # 在3月3日破获的一起诈骗案中，查明该团伙…骗取群众460余人: the case's past
        if period is None and AT_MEETING.match(text) and RELEASING.search(text, 0, cand.start) \
                and sentence.article in self.meetings:
            return self.meetings[sentence.article]  # 1月24日，…召开发布会。…/ 发布会上，…通报了5起典型案例
        if period is None and _PARTS_OF.match(text):  # 其中，…: a part of the figures before
            period, period_start, period_end = self.window_before(sentence) or (None, None, None)
        if period is None and isinstance(carried, LeadWindow) and window_after(text, cand.end):
            carried = None  # 在辖区12个社区推行…，今年1至10月…下降21.4%: the report's window is restated later
        if period is None and carried and offender_deed(text, cand.start, carried):
            carried = None  # 今年1月至4月，…不批准逮捕11人。…犯罪嫌疑人唐某盗窃价值1200余元: no window
        if period is None and carried:  # 今年以来，……。 stated once for the paragraph
            period, period_start, period_end = carried
        elif period is not None and carried:
            period, period_start, period_end = started_by(carried, (period, period_start, period_end))
        elif period is None and _SAME_PERIOD.search(text, 0, cand.start) and sentence.article in self.windows:
            period, period_start, period_end = self.windows[sentence.article]  # 同期破获…: the window just stated
        if period and period.endswith("以来") and period_start is None:
            period_start, period_end = self.campaign_start(sentence, period_start, period_end)
        if period and _BACK_WINDOW.match(period) and period_start is None and period_end is None:
            period_start, period_end = self.window_named_before(sentence, carried, period)
        if period is None and not offender_deed(text, cand.start, self.title_window(sentence)):
            # 苏州上半年破获毒品案件214起 / 缴获各类毒品86公斤: the headline's window
            period, period_start, period_end = self.title_window(sentence) or (None, None, None)
        if period is not None:
            self.windows[sentence.article] = (period, period_start, period_end)
        if stated is None and standing_stock(text, cand.start):  # 全市已设立巡防点位146个: up to now
            period, period_start, period_end = "已", None, self.published(sentence)
        if reward_offer(text, cand.start, cand.end):  # 经查证属实的给予最高3000元奖励: an offer, no window
            period, period_start, period_end = None, None, None
        if statutory(text, cand.start):  # 最高刑罚为…罚款500万港元: a law's, no window
            period, period_start, period_end = None, None, None
        period_end = planned_end(text, cand, fields, period_start, period_end)
        period_start, period_end = base_year(text, cand.start, period_start, period_end)
        return period, period_start, period_end

    def who_when_where(self, index: int, text: str, cand, fields: dict, carried) -> dict:
        """Return subject, category, period and place of a figure whose action and object are read."""
        doc, lex = self.doc, self.lex
        sentence = doc.sentences[index]
        period, period_start, period_end = self.period_of(sentence, text, cand, fields, carried)
        verb_at = text.rfind(fields["action"], 0, cand.start) if fields["action"] else -1
        subject = read_subject(lex, doc, index, text, sentence.start,
                               verb_at if verb_at >= 0 else cand.start, self.by_sentence)
        if subject is None:
            subject = carried_subject(lex, doc, index, self.by_sentence)
        place, source = read_place(doc, index, sentence.start + cand.start, self.mentions,
                                   self.article_places)
        code, level = self.stage.gazetteer.code_and_level(place)
        return dict(
            subject=subject,
            category=read_category(lex, fields, text[:cand.start], verb_clause_start(text, cand.start),
                                   article_organ(text, self.organ_heading(sentence)), text[cand.end:cand.end + 32]),
            period=period, period_start=period_start, period_end=period_end,
            place=place, place_code=code, place_level=level, place_source=source,
            statistic=read_statistic(fields, text, cand.start, cand.end, clause_start(text, cand.start)))


