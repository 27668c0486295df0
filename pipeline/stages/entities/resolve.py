"""Resolution: competing candidates of one sentence → flat, non-overlapping entity spans.

Sure rules first, longest first; then soft rules and model spans, longest first. A later
candidate that overlaps a kept span is dropped unless it strictly contains it and may nest it
(``NESTS``): the longest correct span wins (docs/entities.md, "How rules and the model combine").
"""

from __future__ import annotations

from .candidate import MODEL, SURE, Candidate, inside, overlap

# Which labels a longer span may swallow when it strictly contains them.
NESTS = {
    "ORG": {"GPE", "ORG", "LOC"},
    "GPE": {"GPE"},
    "LOC": {"GPE", "LOC"},
    "PERSON": set(),
}
# Rules that yield to a model PERSON they cut through (雷鸣球|路甬祥, 鲍林|先生).
# Verbs that end like an organ (报 of 日报): 市纪委监委 + 通报 is not an organ.
VERB_ENDS = ("通报", "举报", "汇报", "上报", "报道", "情况")
WEAK_RULES = {"rule:loc", "rule:anonymised", "rule:town", "rule:zone"}


def resolve(candidates: list[Candidate], org_heads: tuple[str, ...] = ()) -> list[Candidate]:
    """Return flat, non-overlapping spans: sure rules first, then the rest, longest first.

    ``org_heads`` (局, 院, 公司…) turn on the veto of model ORGs that run into the rules'
    spans without ending like an ORG.
    """
    if len(candidates) < 2:
        return list(candidates)  # nothing to compete with (and nothing vetoes a lone span)
    candidates = _drop_rules_cutting_a_name(candidates)
    if org_heads:
        candidates = _drop_misread_orgs(candidates, org_heads)
    sure = sorted((c for c in candidates if c.tier >= SURE), key=lambda c: (-c.length, c.start))
    rest = sorted((c for c in candidates if c.tier < SURE),
                  key=lambda c: (-c.length, -c.tier, c.start))
    taken: list[Candidate] = []
    for c in sure:
        if not any(overlap(c, t) for t in taken):
            taken.append(c)
    sure_taken = list(taken)
    for c in rest:
        hits = [t for t in taken if overlap(c, t)]
        if not hits:
            taken.append(c)
        elif _may_swallow(c, hits, sure_taken, org_heads):
            for t in hits:
                taken.remove(t)
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


def _drop_rules_cutting_a_name(candidates: list[Candidate]) -> list[Candidate]:
    """Drop weak rule spans that cut through a model PERSON: a road or a 林先生 across a name
    (雷鸣球|路甬祥, 鲍林|先生) is the rule misreading the name."""
    people = [c for c in candidates if c.tier == MODEL and c.label == "PERSON"]
    if not people:
        return candidates
    return [c for c in candidates if c.source not in WEAK_RULES or not any(
        overlap(c, p) and not inside(p, c) and not inside(c, p) for p in people)]


def _drop_misread_orgs(candidates: list[Candidate], org_heads: tuple[str, ...]) -> list[Candidate]:
    """Drop model ORGs that run into what the rules found without ending like an ORG, unless
    all they hold is places at their start (中国女篮, 郑州越秀酒家): 桂林象山区 and
    瓦窑西路片区治安 are misreadings."""
    ruled = [c for c in candidates if c.tier > MODEL]

    def misread(c: Candidate) -> bool:
        hits = [r for r in ruled if overlap(c, r)]
        if not hits or c.text_end.endswith(org_heads):
            return False
        return c.length > 8 or not all(r.label == "GPE" and inside(r, c) and r.end < c.end
                                       for r in hits)

    return [c for c in candidates if not (c.tier == MODEL and c.label == "ORG" and misread(c))]


def _may_swallow(c: Candidate, hits: list[Candidate], sure_taken: list[Candidate],
                 org_heads: tuple[str, ...] = ()) -> bool:
    """Return True when ``c`` may replace the kept spans it overlaps.

    It must strictly contain each and be allowed to nest its label (an ORG over 镇江市). A
    model span that cuts a sure span is wrong about at least one boundary; it may swallow a
    sure ORG only by adding sub-units on the right (…公安局 + 党委) or a name on the left
    (中国 + 全国政协), never a province the rules split off.
    """
    if not all(inside(t, c) and t.length < c.length and t.label in NESTS.get(c.label, set())
               and t.source != "byline" for t in hits):
        return False
    if any(t.source == "rule:org_relative" for t in hits):
        return False  # 联合 + 市公安局: the level word starts the organ
    if c.tier == MODEL and c.label == "ORG" and sum(
            t in sure_taken and t.label == "ORG" for t in hits) > 1:
        return False  # 蓬安县公安局还协调县应急管理局: two organs and the verb between them
    if c.tier == MODEL and c.label == "ORG" and org_heads and any(
            t in sure_taken and t.label == "ORG" and t.start == c.start for t in hits) \
            and (not c.text_end.endswith(org_heads) or c.text_end.endswith(VERB_ENDS)):
        return False  # 六安市纪委监委 + 通报: the organ does not end with the verb after it
    return not any(t in sure_taken and not (t.label == "ORG" and (
        t.start == c.start or (t.end == c.end and not t.fixed_left))) for t in hits)
