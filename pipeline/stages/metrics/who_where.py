"""Who acted (``subject``) and where (``place``), read from the entity stage's spans only.

呼伦贝尔市公安局 -> subject 呼伦贝尔市公安局, place 内蒙古自治区呼伦贝尔市 (the gazetteer's full
name); a figure without a place of its own takes its paragraph's, then its article's. Never a
substring: a place or organ the entity stage did not tag is not read here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...document import Document
from ...places import ZONE_PATTERN
from .words import clause_start

_DATELINE_AFTER = re.compile(r"\s*\d{1,2}月\d{1,2}日(?:专?电|讯)")  # 新华社北京|1月5日电
_DATELINE_BEFORE = re.compile(r"(?:新华社|中新社|本报)$")
_ZONE = re.compile(ZONE_PATTERN)


@dataclass
class Place:
    """A place named in a sentence (clean document coordinates) and its full name."""

    start: int
    end: int
    name: str  # the gazetteer's full name (江苏省镇江市), else the text


def place_mentions(lex, gaz, doc: Document) -> list[list[Place]]:
    """Return the place mentions of every sentence: GPE entities and the places that
    name an ORG (呼伦贝尔市公安局 -> 内蒙古自治区呼伦贝尔市, 胶州公安 -> 山东省青岛市胶州市),
    each with the gazetteer's full name when it has one."""
    context: set[str] = set()
    for entity in doc.entities:
        if entity.label == "GPE":
            context |= gaz.prefixes(doc.clean[entity.start:entity.end])
    mentions: list[list[Place]] = [[] for _ in doc.sentences]
    for entity in doc.entities:
        if not 0 <= entity.sentence < len(mentions):
            continue
        text = doc.clean[entity.start:entity.end]
        if _DATELINE_AFTER.match(doc.clean, entity.end) or _DATELINE_BEFORE.search(
                doc.clean, max(0, entity.start - 4), entity.start):
            continue  # 新华社北京1月5日电: where it was filed, not what it is about
        if entity.label == "GPE":
            name = entity.normalized or gaz.normalize(text, context) or text
            mentions[entity.sentence].append(Place(entity.start, entity.end, name))
        elif entity.label == "ORG":
            name = org_place(gaz, text, context)
            if name:
                mentions[entity.sentence].append(Place(entity.start, entity.end, name))
    return mentions


def org_place(gaz, org: str, context: set[str]) -> str | None:
    """Return the full name of the most specific place an ORG's name starts with or holds.

    天津市河北区人民法院 -> 天津市河北区; 长航公安局镇江分局 -> 江苏省镇江市; a county's
    short form counts only at the head of the name (胶州公安), where it cannot be a word.
    """
    best, chain_end, local = None, 0, set(context)
    for hit in gaz.pattern.finditer(org):
        name = hit.group(0)
        at_head = hit.start() == chain_end
        if name not in gaz.by_name and name not in gaz.high_short and not at_head:
            continue
        if at_head:
            chain_end = hit.end()
        local |= gaz.prefixes(name)
        best = gaz.normalize(name, local) or best
        zone = _ZONE.match(org, hit.end())
        if zone and best:  # 苏州市高新区公安分局: the zone is the place, as the entity stage says
            best += zone.group(0)
            chain_end = zone.end()
    return best


def most_specific(lex, places: list[Place]) -> list[Place]:
    """Drop the places another of the list lies in: 内蒙古自治区 + 呼伦贝尔市 -> 呼伦贝尔市."""
    names = [p.name for p in places]
    return [p for p in places
            if not any(o != p.name and (o.startswith(p.name) or (p.name in lex.country_names and
                                                                 o not in lex.country_names))
                       for o in names)]


def article_places(lex, doc: Document, mentions: list[list[Place]]) -> dict[int, str]:
    """Return the place of each article: the headline's (title, kicker, subtitle), else
    the first in the lead paragraph (the first body paragraph)."""
    header: dict[int, list[Place]] = {}
    lead: dict[int, tuple[int, list[Place]]] = {}
    for index, sentence in enumerate(doc.sentences):
        found = mentions[index]
        if not found:
            continue
        if sentence.kind in ("title", "kicker", "subtitle"):
            header.setdefault(sentence.article, []).extend(found)
        elif sentence.kind == "body":
            first = lead.get(sentence.article)
            if first is None:
                lead[sentence.article] = (sentence.paragraph, list(found))
            elif first[0] == sentence.paragraph:
                first[1].extend(found)
    out = {}
    for article in set(header) | set(lead):
        if article in header:
            out[article] = most_specific(lex, header[article])[-1].name
        else:
            out[article] = most_specific(lex, lead[article][1])[0].name
    return out


def read_place(lex, doc: Document, index: int, position: int, mentions: list[list[Place]],
           article_places: dict[int, str]) -> str | None:
    """Return the place a figure at clean ``position`` of sentence ``index`` is about.

    The most specific place named before it in the sentence (the subject ORG's place:
    呼伦贝尔市公安局 -> 呼伦贝尔市), else the last of the earlier sentences of the paragraph,
    else one named after it in the sentence, else the article's (该市, 全市, 辖区 refer back
    to it).
    """
    own = mentions[index]
    before = most_specific(lex, [p for p in own if p.end <= position])
    if before:
        return before[-1].name
    sentence = doc.sentences[index]
    earlier: list[Place] = []
    for k in range(index - 1, -1, -1):
        other = doc.sentences[k]
        if other.article != sentence.article or other.paragraph != sentence.paragraph:
            break
        earlier[:0] = mentions[k]
    earlier = most_specific(lex, earlier)
    if earlier:
        return earlier[-1].name
    after = most_specific(lex, [p for p in own if p.start >= position])
    if after:
        return after[0].name
    return article_places.get(sentence.article)


def read_subject(lex, doc: Document, index: int, text: str, offset: int, position: int,
             by_sentence: dict[int, list]) -> str | None:
    """Return the ORG or PERSON that acts before clean ``position`` in the sentence.

    The last one before the verb, except: a reporter of the byline; one after a preposition
    (按照广东省公安厅部署, 对…); the patient of a passive (张某某等人分别被判处); an ORG that
    is part of a person's title (镇江市委常委、政法委书记……许文介); a person who only
    speaks (许文介介绍，今年以来…: null; an organ that speaks is the one that acted).
    """
    best = None
    for entity in by_sentence.get(index, ()):
        if entity.end > offset + position:
            break
        if entity.label not in ("ORG", "PERSON"):
            continue
        start, end = entity.start - offset, entity.end - offset
        name = doc.clean[entity.start:entity.end]
        if entity.label == "PERSON" and entity.normalized in ("reporter", "correspondent"):
            continue
        if name in lex.not_actors:
            continue  # 新华社北京1月5日电: who reports, not who acted
        if entity.label == "ORG" and lex.title_after_re.match(text, end):
            continue  # 镇江市委常委、政法委书记许文介 / 公安部消防局局长: a title
        if lex.preposition_before_re.search(text[max(0, start - 2):start]):
            if entity.label == "ORG" and re.search(r"(?:据|从)$", text[max(0, start - 1):start]) \
                    and lex.source_re.match(text, end):
                best = name  # 据呼伦贝尔市公安局介绍，/ 记者从…获悉，: the organ that reports
            continue
        if not heads_clause(lex, by_sentence.get(index, ()), text, offset, start):
            continue  # 宣判张某某等人……: an object
        if lex.patient_re.match(text, end) and "被" in text[end:position]:
            continue
        if lex.speech_re.match(text, end):
            best = None if entity.label == "PERSON" else name
            continue
        best = name
    return best


def heads_clause(lex, entities: list, text: str, offset: int, start: int) -> bool:
    """Return True when only places, bylines and a short adverb precede ``start`` in its
    clause: 今年以来，内蒙古自治区呼伦贝尔市公安局…; 本报讯 通讯员朱勇 江苏省苏州市…."""
    clause = clause_start(text, start)
    prefix = list(text[clause:start])
    for entity in entities:
        if entity.label not in ("GPE", "PERSON", "DATE"):
            continue
        if entity.label == "PERSON" and entity.normalized not in ("reporter", "correspondent"):
            continue
        for k in range(max(entity.start - offset, clause), min(entity.end - offset, start)):
            prefix[k - clause] = " "
    return bool(lex.subject_lead_re.fullmatch("".join(prefix)))


def carried_subject(lex, doc: Document, index: int, by_sentence: dict[int, list]) -> str | None:
    """Return the subject of the sentence this one continues after a semicolon.

    呼伦贝尔市公安局……共破获案件760起……；打掉洗钱窝点……51个 -> 呼伦贝尔市公安局.
    """
    sentence = doc.sentences[index]
    k = index - 1
    while k >= 0:
        other = doc.sentences[k]
        if (other.article, other.paragraph) != (sentence.article, sentence.paragraph):
            return None
        text = doc.clean[other.start:other.end]
        if not text.rstrip().endswith(("；", ";")):
            return None
        found = read_subject(lex, doc, k, text, other.start, len(text), by_sentence)
        if found:
            return found
        k -= 1
    return None


