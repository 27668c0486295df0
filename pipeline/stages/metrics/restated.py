"""A headline figure takes the attributes of the body figure it restates (the guide: a headline
figure is read as the body sentence it restates): its window and its place.

    福州警方秋季行动破获案件3100余起 / 9月1日至11月30日…共破获案件3100余起  ->  Sep 1 to Nov 30
    长江宜昌段禁渔执法 查处非法捕捞案件41起 / 宜昌市公安局…共查处…案件41起   ->  湖北省宜昌市
"""

from __future__ import annotations

from ...document import Document

_PERIOD_FIELDS = ("period", "period_start", "period_end")


def restated_windows(doc: Document, leads: dict[int, tuple] | None = None) -> None:
    """Give a headline figure that states no window the window of the body figure it restates (same
    article, value and unit): 福州警方秋季行动破获案件3100余起 / 9月1日至11月30日秋季行动期间，共破获
    案件3100余起 -> Sep 1 to Nov 30 for the headline's 3100余起 too; else the window the article's
    lead states for the report (``leads``): 太原前10个月破获侵财案件6200余起 / 今年1月至10月，全市…
    共破获6237起 -> Jan 1 to Oct 31 for the rounded headline figure."""
    leads = leads or {}
    sentences = doc.sentences
    body: dict[int, list[dict]] = {}
    for metric in doc.metrics:
        sentence = sentences[metric.sentence]
        fields = metric.fields
        if sentence.kind == "body" and (fields.get("period_start") or fields.get("period_end")):
            body.setdefault(sentence.article, []).append(fields)
    for metric in doc.metrics:
        sentence, fields = sentences[metric.sentence], metric.fields
        if sentence.kind not in ("title", "subtitle"):
            continue
        said = next((f for f in body.get(sentence.article, ()) if restates(fields, f, exact=True)), None)
        if said is None and fields.get("period") is None:
            said = next((f for f in body.get(sentence.article, ()) if restates(fields, f, exact=False)), None)
        lead = leads.get(sentence.article)
        if said:
            fields.update({name: said[name] for name in _PERIOD_FIELDS})
        elif fields.get("period") is None and lead:
            fields.update(dict(zip(_PERIOD_FIELDS, lead)))


_PEOPLE = {"人": "名", "名": "名"}


def restates(headline: dict, body: dict, exact: bool) -> bool:
    """Return True when a headline figure restates a body figure: the same value and unit (拘捕12人 /
    拘捕12名: people counted either way), or, not ``exact``, the body's amount rounded to the
    headline's bound in the same kind (市值逾千萬元 / 市值約1,250萬港元)."""
    value, said = headline.get("value"), body.get("value")
    if value is None or said is None or headline.get("quantity_kind") != body.get("quantity_kind"):
        return False
    if exact:
        unit, other = headline.get("unit"), body.get("unit")
        return value == said and (unit == other or _PEOPLE.get(unit or "") == _PEOPLE.get(other or "", ""))
    if headline.get("quantity_kind") != "money" or headline.get("value_max") is not None:
        return False
    approx = headline.get("approx")
    return (approx == "over" and value <= said < 2 * value) or (approx == "under" and value / 2 < said <= value)


def restated_places(doc: Document) -> None:
    """Give a headline figure the place of the body figure it restates (same article, value, kind and
    unit; the guide: a headline figure takes the attributes of the body sentence it restates):
    长江宜昌段禁渔执法 查处非法捕捞案件41起 / 宜昌市公安局…共查处…案件41起 -> 湖北省宜昌市."""
    sentences = doc.sentences
    body: dict[int, list[dict]] = {}
    for metric in doc.metrics:
        sentence = sentences[metric.sentence]
        if sentence.kind == "body" and metric.fields.get("place"):
            body.setdefault(sentence.article, []).append(metric.fields)
    for metric in doc.metrics:
        sentence, fields = sentences[metric.sentence], metric.fields
        if sentence.kind not in ("title", "subtitle", "kicker"):
            continue
        said = next((f for f in body.get(sentence.article, ()) if restates(fields, f, exact=True)
                     and fields.get("value_max") == f.get("value_max")), None)
        if said:
            fields.update({name: said[name] for name in ("place", "place_code", "place_level", "place_source")})
