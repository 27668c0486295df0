"""One frozen Pydantic model per output table, with the column meanings as field descriptions.

Offsets (``start``/``end``) are Python string indices into ``documents.raw_text``, half-open:
``raw_text[start:end] == text``. Ids are content hashes, so re-runs give identical tables.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Label = Literal["PERSON", "ORG", "GPE", "LOC", "DATE", "LAW", "CRIME"]
QuantityKind = Literal["count", "money", "percent", "weight", "length", "area", "volume",
                       "duration", "other"]
Approx = Literal["over", "under", "about"]
Direction = Literal["up", "down"]
Basis = Literal["yoy", "mom", "other"]
Role = Literal["reporter", "correspondent", "other"]
PlaceLevel = Literal["country", "province", "prefecture", "county", "township"]
PlaceSource = Literal["sentence", "organ", "paragraph", "article", "none"]
Statistic = Literal["total", "average", "rate", "maximum", "threshold"]


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=False)


class Span(Record):
    start: int = Field(ge=0, description="Start offset into documents.raw_text (inclusive).")
    end: int = Field(ge=0, description="End offset into documents.raw_text (exclusive).")

    @model_validator(mode="after")
    def _ordered(self):
        if self.end < self.start:
            raise ValueError(f"end {self.end} < start {self.start}")
        return self


class Chrome(Span):
    kind: str = Field(description="nav, widget, meta (date/source/edition line), page_title, page_header, original_title, editor, end_mark, correction, footer, teaser, comment, column, jump, number (a release's serial or document number) or junk.")


class Document(Record):
    doc_id: str = Field(description="Content hash of the source and raw text.")
    source: str = Field(description="Input path, or path:line / path#id for JSONL records.")
    raw_text: str = Field(description="The text exactly as decoded; all offsets point here.")
    clean_text: str = Field(description="Normalised text (half-width digits, repaired layout breaks).")
    encoding: str = Field(description="Encoding the input was decoded with (utf-8, utf-8-sig, utf-16, gb18030).")
    published: date | None = Field(None, description="Publication date (JSONL date, --date, or printed in the page).")
    n_articles: int = Field(ge=0, description="Number of articles found on the page.")
    url: str | None = Field(None, description="The page's URL, from the input (JSONL url, HTML canonical link, WARC target URI).")
    title: str | None = Field(None, description="The page's title, from the input's metadata (JSONL title, HTML title).")
    chrome: list[Chrome] = Field(default_factory=list, description="Page chrome (navigation, widgets, date/source lines, editor lines, footers, teasers): spans that belong to no article.")
    duplicate_of: str | None = Field(None, description="doc_id of the first near-duplicate of this page in the run (a republication: the same story with other chrome or script), by publication date then doc_id; null for a first copy.")
    similarity: float | None = Field(None, ge=0, le=1, description="Estimated Jaccard similarity of the story text to duplicate_of (MinHash of 5-character shingles).")


class Author(Record):
    name: str = Field(description="The person's name as printed in the byline.")
    role: Role = Field(description="reporter (记者), correspondent (通讯员) or other.")


class Segment(Span):
    pass


class Article(Span):
    article_id: str = Field(description="Content hash of doc_id and the article's segments.")
    doc_id: str = Field(description="The document the article is on.")
    index: int = Field(ge=0, description="Position of the article on the page, from 0.")
    title: str = Field(description="Headline (主题).")
    kicker: str | None = Field(None, description="Line above the headline (引题), if any.")
    subtitle: str | None = Field(None, description="Line below the headline (副题), if any.")
    authors: list[Author] = Field(default_factory=list, description="Bylined people with their roles.")
    dateline: str | None = Field(None, description="Lead marker such as 本报讯 or 新华社北京7月1日电.")
    published: date | None = Field(None, description="The day the page published the article: its date line or edition line, else the input's date (not the filing day of a wire story's dateline).")
    outlet: str | None = Field(None, description="The medium that published the page: one the page names (a masthead, 新华社…电, 来源：南方日报), else the site that names itself (an organ's own site, also for a notice it signs), else the organ a 来源 line names, else the input's site name.")
    segments: list[Segment] = Field(description="Stretches of the page the article covers (several when continued).")
    truncated: bool = Field(description="True when the article is cut off at the end of the page.")
    text: str = Field(description="The article's own raw text: raw_text of each segment, joined by a blank line.")


class Sentence(Span):
    sentence_id: str = Field(description="Content hash of doc_id and the span.")
    doc_id: str
    article_id: str
    paragraph: int = Field(ge=0, description="Paragraph number within the article (header lines count).")
    index: int = Field(ge=0, description="Sentence number within the article.")
    text: str = Field(description="raw_text[start:end].")
    tokens: list[str] = Field(description="pkuseg words of the clean sentence text.")


class Entity(Span):
    entity_id: str
    doc_id: str
    article_id: str
    sentence_id: str
    text: str = Field(description="raw_text[start:end].")
    label: Label = Field(description="PERSON ORG GPE LOC DATE LAW CRIME.")
    normalized: str | None = Field(None, description="Canonical form: ISO date for DATE, full name for GPE, role/anonymised for PERSON.")
    source: str = Field(description="What found it: model, rule:<name>, gazetteer or byline.")


class Metric(Span):
    metric_id: str
    doc_id: str
    article_id: str
    sentence_id: str
    text: str = Field(description="raw_text[start:end]: the number with its unit and qualifiers.")
    value: float = Field(description="Normalised value (万/亿 folded in; percentages 0-100).")
    value_max: float | None = Field(None, description="Upper bound for ranges (30万至50万元).")
    unit: str = Field(description="Unit as written: 起 人 名 个 元 % 吨 米 年 ...")
    quantity_kind: QuantityKind
    currency: str | None = Field(None, description="ISO 4217 code for money (CNY for 元).")
    approx: Approx | None = Field(None, description="over (余 多 超 以上), under (近 不到), about (约 左右); null when exact.")
    action: str | None = Field(None, description="Governing verb as written: 破获 抓获 打掉 查扣 挽损.")
    object: str | None = Field(None, description="What is counted: 案件 犯罪嫌疑人 涉案资产.")
    subject: str | None = Field(None, description="Who acted, when the sentence says.")
    category: str = Field(description="Category from pipeline/data/metric_categories.json, or other.")
    change_direction: Direction | None = Field(None, description="up or down, for change rates.")
    change_basis: Basis | None = Field(None, description="yoy (同比), mom (环比) or other.")
    period: str | None = Field(None, description="Time scope as written: 今年以来, 截至10月31日.")
    period_start: date | None = None
    period_end: date | None = None
    place: str | None = Field(None, description="The area the figure is about: the full official name with its parents (广东省韶关市仁化县), 全国 for national figures, a country name for foreign ones; null when the article gives no clue.")
    place_code: str | None = Field(None, description="6-digit division code of the place (440224; 100000 for 全国); null for foreign countries.")
    place_level: PlaceLevel | None = Field(None, description="Level of the place: country (全国, a foreign country), province, prefecture, county or township.")
    place_source: PlaceSource = Field("none", description="Where the place was read: sentence, organ (the acting organ: 湖北警方, 全省公安机关), paragraph, article (its main area) or none.")
    statistic: Statistic = Field("total", description="total (may be summed), average (平均每天, 人均), rate (shares, changes), maximum (最高) or threshold (50万元以上的案件).")
    fact_id: str | None = Field(None, description="The statistic this row states (facts.fact_id): restatements (headline, lead, body, 上述…, republished copies) share it. Sum facts, not rows.")
    part_of: str | None = Field(None, description="fact_id of the total this figure is part of (其中…, 包括…, a sub-period or sub-area); never folded into it.")


class Quarantine(Record):
    source: str = Field(description="Input path (or path:line) the rejected item came from.")
    doc_id: str | None = Field(None, description="Document id when the document was read.")
    stage: str = Field(description="Stage that rejected it: read, clean, split, tokenize, entities, metrics, validate.")
    reason: str = Field(description="Stable reason code (see pipeline/errors.py).")
    message: str = Field(description="What went wrong, for a person.")
    excerpt: str = Field("", description="Up to 200 characters of the offending input.")


TABLES: dict[str, type[Record]] = {
    "documents": Document,
    "articles": Article,
    "sentences": Sentence,
    "entities": Entity,
    "metrics": Metric,
    "quarantine": Quarantine,
}


class Fact(Record):
    """One statistic counted once: the metrics rows that state it share its fact_id (issue 13)."""

    fact_id: str = Field(description="Content hash of category, object, place, period, unit and the most precise value (scoped to its first document when it has no place, period or category).")
    value: float = Field(description="Value of its most precise statement (14870 for 近1.5万起 / 1.487万起 / 14870起).")
    value_max: float | None = Field(None, description="Upper bound of that statement, for ranges.")
    unit: str = Field(description="Unit of that statement as written.")
    quantity_kind: QuantityKind
    category: str = Field(description="Category of its statements (the first specific one when the most precise has none).")
    object: str | None = Field(None, description="What is counted, without back-reference words (上述).")
    place: str | None = Field(None, description="The place the figure is about.")
    place_code: str | None = Field(None, description="Administrative code of the place, when the metrics carry one.")
    period_start: date | None = None
    period_end: date | None = None
    n_statements: int = Field(ge=1, description="Metrics rows that state it (headline, lead, body, copies).")
    n_documents: int = Field(ge=1, description="Documents that state it (republications included).")
    first_metric_id: str = Field(description="Its first statement: in the first document by publication date then doc_id, the earliest offset.")
    first_doc_id: str = Field(description="The document of that first statement.")
    conflict: bool = Field(description="True when its statements disagree beyond rounding (14.5万人次 vs 145万人次); all rows are kept.")


# Corpus-level tables, written after the shards by the linking pass (not per shard).
CORPUS_TABLES: dict[str, type[Record]] = {"facts": Fact}
# Every published table: the shard tables, then the corpus-level ones.
OUTPUT_TABLES: dict[str, type[Record]] = {**TABLES, **CORPUS_TABLES}
