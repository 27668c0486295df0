"""The entity stage: domain rules for legal news combined with fazhi's statistical NER model.

``EntityTagger`` appends ``EntitySpan``s (clean coordinates, flat, non-overlapping, sorted) to
``doc.entities``. How the two sources combine (see docs/entities.md):

1. Sure rules first: byline names (PERSON, role), titles in 《》 (LAW), offence names from
   the official list of charges (CRIME), calendar and relative dates (DATE), and the ORG
   grammar place + organ (+ sub-units): 镇江市公安局, 长航公安局镇江分局, 河北区检察院第四检察部.
   Among themselves the longest span wins.
2. Then the model's PERSON/ORG/GPE/LOC spans and the softer rules (gazetteer GPE, anonymised
   people 张某某/吴先生, names after a title, roads) compete, longest first. A candidate that
   overlaps a span already taken is dropped, unless it strictly contains it and may nest it
   (an ORG may swallow a GPE or ORG, a GPE or LOC may swallow a GPE): the longest correct span
   wins. A model span never swallows a sure span except by adding sub-units on its right.
3. Vetoes on the model: generic phrases (公安机关, 警方) and place-less organs (市公安局) are
   never ORG; a model ORG that runs into the rules' spans must end like an ORG (局, 院, 公司…);
   spans across a clause, inside campaign names (平安镇江) or ending like a common word are
   dropped. Weak rules (roads, 林先生) yield to a model PERSON they cut through.
4. A name introduced by a byline or a title is tagged again where it recurs.

The modules: ``rules`` (with ``rules_org``, ``rules_place``, ``rules_sites``, ``rules_water``,
``rules_abbreviation``, ``rules_person``, ``rules_law``,
``rules_date``: the compiled rules and their candidate finders), ``model`` (reading and vetting
the model's spans), ``resolve`` (competing candidates → flat spans), ``candidate`` (the span
and its tiers). Every list lives in ``pipeline/data`` (``entity_*``, ``gazetteer_*``).
"""

from __future__ import annotations

import bisect
import re
from datetime import date
from pathlib import Path

from ...dates import anchor_day
from ...document import Document, EntitySpan
from ...lexicon import DATA_DIR, trie_pattern
from ...places import home_divisions
from ...ner.component import char_span_component
from ..layout import simplified_view
from .candidate import MODEL, SOFT, SURE, Candidate, overlap, token_bounds, token_spans
from .model import read_spans, vet_spans
from .resolve import resolve
from .rules import Rules

__all__ = ["Candidate", "EntityTagger", "Rules", "resolve"]


class EntityTagger:
    """Tag PERSON ORG GPE LOC DATE LAW CRIME in every sentence of a document."""

    name = "entities"

    def __init__(self, nlp, data_dir: Path = DATA_DIR, *, use_model: bool = True,
                 use_rules: bool = True):
        self.nlp = nlp
        self.use_rules = use_rules  # False gives the bare model, to measure what rules add
        self.rules = Rules(Path(data_dir))
        components = [(n, p) for n, p in nlp.pipeline] if (nlp is not None and use_model) else []
        # fazhi's linear NER, the one model component: character offsets, also inside words.
        self.model = char_span_component(components) if components else None
        self.components = components if self.model is not None else []
        self._prepared: dict[int, tuple[Document, list]] = {}

    def model_spans(self, texts: list[str], docs: list | None = None) -> list[list[tuple[int, int, str]]]:
        """Return the model's (start, end, label) per text, batched over all texts (see
        ``model.read_spans``)."""
        return read_spans(self.nlp, self.model, texts, docs)

    def prepare(self, docs: list[Document]) -> None:
        """Run the model over the sentences of many documents in one batch (``__call__`` uses it)."""
        self._prepared = {}
        if not self.components:
            return
        views = [simplified_view(doc.clean) for doc in docs]  # one per document, not per sentence
        texts = [view[s.start:s.end] for doc, view in zip(docs, views) for s in doc.sentences]
        spans = self.model_spans(texts, [s.doc for doc in docs for s in doc.sentences])
        at = 0
        for doc in docs:
            self._prepared[id(doc)] = (doc, spans[at:at + len(doc.sentences)])
            at += len(doc.sentences)

    def __call__(self, doc: Document) -> Document:
        sentences = doc.sentences
        if not sentences:
            return doc
        view = simplified_view(doc.clean)  # a traditional page read as simplified, same offsets
        texts = [view[s.start:s.end] for s in sentences]
        ready = self._prepared.pop(id(doc), None)
        if ready is not None and ready[0] is doc and len(ready[1]) == len(sentences):
            model = ready[1]
        else:
            model = self.model_spans(texts, [s.doc for s in sentences])
        tokens = [_sentence_words(s, text) for s, text in zip(sentences, texts)]
        bounds = [token_bounds(k) for k in tokens] if self.use_rules else []
        places = [self.rules.scan_places(t, b) for t, b in zip(texts, bounds)]
        names = [t[s:e] for t, spans in zip(texts, places) for s, e in spans]
        known_counties, context = self.rules.gaz.document_places(names)
        home = self._article_homes(sentences, texts, places) if self.use_rules else {}
        cands = self._byline_candidates(doc)
        for i, s in enumerate(sentences):
            if s.kind == "byline" and cands[i]:
                continue
            if not self.use_rules:
                cands[i] += [Candidate(a, b, lab, None, "model", MODEL) for a, b, lab in model[i]]
                continue
            cands[i] += self.rules.candidates(texts[i], tokens[i], doc.published, known_counties,
                                              context, places[i], bounds[i])
            if model[i]:
                cands[i] += vet_spans(self.rules, texts[i], model[i], s.kind, tokens[i],
                                      bounds[i], places[i])
            cands[i] = self.rules.drop_currency_places(texts[i], cands[i])
            cands[i] = self.rules.drop_origin_places(texts[i], cands[i])
        chosen = [resolve(c, self.rules.org_heads) for c in cands]
        if self.use_rules:
            self._tag_people_again(texts, chosen)
        self._append_entities(doc, texts, chosen, context, home)
        doc.entities.sort(key=lambda e: (e.start, e.end))
        return doc

    def _article_homes(self, sentences, texts: list[str], places: list) -> dict:
        """Return per article the units its place-less organs stand for (``home_divisions``
        over the places the article names, in order)."""
        names: dict = {}
        for s, text, spans in zip(sentences, texts, places):
            names.setdefault(s.article, []).extend(text[a:b] for a, b in spans)
        return {art: home_divisions(self.rules.gaz, found) for art, found in names.items()}

    def _byline_candidates(self, doc: Document) -> list[list[Candidate]]:
        """Return the candidates per sentence, with the byline names (PERSON, role) in place."""
        sentences = doc.sentences
        cands: list[list[Candidate]] = [[] for _ in sentences]
        # Sentences are in article order, which is not page order when an article continues.
        order = sorted(range(len(sentences)), key=lambda k: sentences[k].start)
        starts = [sentences[k].start for k in order]
        for (bs, be, _name, role) in _byline_spans(doc):
            j = bisect.bisect_right(starts, bs) - 1
            i = order[j] if j >= 0 else -1
            if i >= 0 and be <= sentences[i].end:
                s0 = sentences[i].start
                cands[i].append(Candidate(bs - s0, be - s0, "PERSON", role, "byline", SURE + 1))
        return cands

    def _tag_people_again(self, texts: list[str], chosen: list[list[Candidate]]) -> None:
        """Tag the other mentions of a name the document introduces with a byline or a title
        (”李志泉说): the same person, with the same title."""
        people: dict[str, str | None] = {}
        for i, spans in enumerate(chosen):
            for c in spans:
                if c.label != "PERSON" or c.normalized == "anonymised" or c.length < 2:
                    continue
                title = c.normalized or self.rules.title_before(texts[i], c.start)
                if c.source == "byline" or title:
                    people.setdefault(texts[i][c.start:c.end], title)
        if not people:
            return
        names = re.compile(trie_pattern(people))
        for i, text in enumerate(texts):
            extra = [Candidate(m.start(), m.end(), "PERSON", people[m.group()], "rule:coref", SOFT)
                     for m in names.finditer(text)
                     if not any(overlap(Candidate(m.start(), m.end(), "", None, "", 0), c)
                                for c in chosen[i])]
            if extra:
                chosen[i] = resolve(chosen[i] + extra)

    def _append_entities(self, doc: Document, texts: list[str], chosen: list[list[Candidate]],
                         context: set[str], home: dict | None = None) -> None:
        """Append the chosen spans to ``doc.entities`` in document coordinates, completing
        ``normalized``: a bare day against the month last named in the article (6月13日 …
        17日), a GPE's full name, a PERSON's title, a place-less organ's unit (市扫黑办 in a
        九江 article → 九江市扫黑办)."""
        sentences = doc.sentences
        anchor: date | None = None  # the last day named in the article, for a bare 17日
        article = None
        for i, spans in enumerate(chosen):
            s0 = sentences[i].start
            if sentences[i].article != article:
                article, anchor = sentences[i].article, None
            for c in spans:
                normalized = c.normalized
                if c.label == "DATE":
                    normalized, anchor = anchor_day(texts[i][c.start:c.end], normalized, anchor,
                                                    doc.published)
                if c.label == "GPE" and normalized is None:
                    normalized = self.rules.gaz.normalize(texts[i][c.start:c.end], context)
                if c.label == "PERSON" and normalized is None:
                    normalized = self.rules.title_before(texts[i], c.start)
                if c.source == "rule:org_relative":
                    normalized = relative_org_name(texts[i][c.start:c.end],
                                                   (home or {}).get(sentences[i].article, {}))
                doc.entities.append(EntitySpan(sentence=i, start=s0 + c.start, end=s0 + c.end,
                                               label=c.label, normalized=normalized,
                                               source=c.source))


def relative_org_name(span: str, home: dict) -> str | None:
    """Return a place-less organ with the article's unit for its level word (市扫黑办 → 九江市扫黑办),
    or None when the document names no such unit."""
    for level in ("自治区", "省", "市", "县", "区", "州", "旗"):
        if span.startswith(level):
            unit = home.get(level)
            return unit.name + span[len(level):] if unit is not None else None
    return None


def _sentence_words(sentence, text: str) -> list[tuple[int, int]] | None:
    """Return the (start, end) of the sentence's pkuseg words, or None when it has no Doc of
    its own (no word boundaries to rely on)."""
    spans = token_spans(sentence.doc) if sentence.doc is not None else None
    if spans and spans[-1][1] > len(text):
        return None  # not this sentence's Doc
    return spans


# Words of a byline that the splitter may hand over as names: 记者, 报道 (issue 15).
BYLINE_ROLE_WORDS = {"记者", "报道", "通讯员", "本报记者", "实习生", "见习记者", "摄影", "摄",
                     "编辑", "责任编辑", "文", "图", "文图", "本报讯", "讯"}


def _byline_spans(doc: Document) -> list[tuple[int, int, str, str]]:
    """Return the (start, end, name, role) of the byline names the splitter found."""
    out = []
    for art in doc.articles:
        for item in art.header.get("authors", []) or []:
            try:
                start, end, name, role = item
            except (TypeError, ValueError):
                continue
            if name in BYLINE_ROLE_WORDS:
                continue  # （记者 梁某远 报道）: 记者 and 报道 are no names
            out.append((int(start), int(end), name, role))
    return out
