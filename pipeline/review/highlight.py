"""Highlights for ``fazhi report``: spans of the raw text marked as HTML, and their tooltips.

Highlights are placed with the stored raw offsets (``documents.raw_text[start:end]``), so the
report also checks them: a span whose text column differs from the raw characters is marked
``bad``. Entities and metrics may nest or cross; ``highlight`` nests them properly and splits
a crossing span into fragments that share its ``data-id``, so no highlight is lost.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Iterable

from .summary import format_number, format_yuan

ENTITY_COLOURS = {
    "PERSON": "#ffd8b1", "ORG": "#c7dcff", "GPE": "#c6efc4", "LOC": "#aeeadf",
    "DATE": "#fff09a", "LAW": "#e2d2ff", "CRIME": "#ffc4d2",
}
METRIC_COLOURS = {
    "count": "#1d4ed8", "money": "#b91c1c", "percent": "#7c3aed", "weight": "#0f766e",
    "length": "#a16207", "area": "#4d7c0f", "volume": "#0e7490", "duration": "#c2410c",
    "other": "#525252",
}
DASH = "—"


def esc(value) -> str:
    """Return ``value`` as HTML text (quotes escaped too, so it is safe in attributes)."""
    return html.escape("" if value is None else str(value), quote=True)


@dataclass
class Mark:
    """A span to highlight, in raw coordinates; ``key`` is the DOM id shared by its fragments."""

    key: str
    start: int
    end: int
    kind: str  # entity | metric
    css: str
    tip: str
    bad: bool = False  # the stored text differs from raw_text[start:end]


def highlight(raw: str, start: int, end: int, marks: Iterable[Mark]) -> str:
    """Return the HTML of ``raw[start:end]`` with every mark that touches it highlighted.

    Nested marks become nested elements. When two marks cross (A=[0,5), B=[3,8)) the inner
    one is closed at A's end and reopened as a continuation fragment, so the markup stays
    well formed and each mark keeps at least one element carrying its ``data-id``.
    """
    clipped = []
    for order, mark in enumerate(marks):
        s, e = max(mark.start, start), min(mark.end, end)
        if s < e or (mark.start == mark.end and start <= mark.start <= end):
            clipped.append((s, e, order, mark))
    clipped.sort(key=lambda item: (item[0], -item[1], item[2]))
    points = sorted({start, end, *(s for s, _, _, _ in clipped), *(e for _, e, _, _ in clipped)})
    out: list[str] = []
    stack: list[tuple[int, Mark]] = []  # (clipped end, mark)
    started: set[str] = set()
    i = 0

    def open_tag(mark: Mark) -> str:
        first = mark.key not in started
        started.add(mark.key)
        classes = f"hl {mark.css}" + ("" if first else " cont") + (" bad" if mark.bad else "")
        ident = f' id="{esc(mark.key)}"' if first else ""
        return f'<span class="{classes}"{ident} data-id="{esc(mark.key)}" title="{esc(mark.tip)}">'

    for n, point in enumerate(points):
        closing = [k for k, (e, _) in enumerate(stack) if e <= point]
        if closing:
            lowest = closing[0]
            reopen = [item for item in stack[lowest:] if item[0] > point]
            out.append("</span>" * (len(stack) - lowest))
            del stack[lowest:]
            for item in reopen:
                out.append(open_tag(item[1]))
                stack.append(item)
        while i < len(clipped) and clipped[i][0] == point:
            s, e, _, mark = clipped[i]
            i += 1
            out.append(open_tag(mark))
            if e == s:  # an empty span still gets its element
                out.append("</span>")
            else:
                stack.append((e, mark))
        if n + 1 < len(points):
            out.append(esc(raw[point:points[n + 1]]))
    out.append("</span>" * len(stack))
    return "".join(out)


# --- marks and tooltips -----------------------------------------------------------------

def value_text(m: dict) -> str:
    """The value of a metric with its unit: 1.2万元 -> "1.2万 = 12,000 元"."""
    unit = m["unit"] or "(no unit)"
    if m["unit"] == "元":
        value = format_yuan(m["value"])
        if m.get("value_max") is not None:
            value += f" to {format_yuan(m['value_max'])}"
        return f"{value} = {format_number(m['value'])} 元" + (f" ({m['currency']})" if m.get("currency") else "")
    value = format_number(m["value"])
    if m.get("value_max") is not None:
        value += f" to {format_number(m['value_max'])}"
    return f"{value} {unit}"


def change_text(m: dict) -> str:
    """The direction of a change and its basis (增长 of 同比), or a dash."""
    if not m.get("change_direction"):
        return DASH
    return f"{m['change_direction']} ({m.get('change_basis') or 'basis ?'})"


def period_text(m: dict) -> str:
    """The period of a metric with its dates (2021年第一季度 [2021-01-01 .. 2021-03-31])."""
    if not m.get("period"):
        return DASH
    dates = ""
    if m.get("period_start") or m.get("period_end"):
        dates = f" [{m.get('period_start') or '?'} .. {m.get('period_end') or '?'}]"
    return f"{m['period']}{dates}"


def metric_tip(m: dict) -> str:
    """Return the hover text of a metric: every normalised attribute, one theme per line."""
    return "\n".join([
        f"metric · {m['quantity_kind']} · {m['category']}",
        f"{m['text']} → {value_text(m)}",
        f"approx: {m.get('approx') or DASH}   action: {m.get('action') or DASH}   "
        f"object: {m.get('object') or DASH}",
        f"subject: {m.get('subject') or DASH}   place: {m.get('place') or DASH}",
        f"change: {change_text(m)}   period: {period_text(m)}",
    ])


def entity_tip(e: dict) -> str:
    """Return the hover text of an entity: label, normalised form and what found it."""
    norm = f" → {e['normalized']}" if e.get("normalized") else ""
    return f"entity · {e['label']}\n{e['text']}{norm}\nsource: {e['source']}"


def entity_mark(e: dict, raw: str) -> Mark:
    """The mark of an entity row, flagged when its text differs from the raw characters."""
    return Mark(f"e-{e['entity_id']}", e["start"], e["end"], "entity",
                f"ent ent-{e['label']}", entity_tip(e), raw[e["start"]:e["end"]] != e["text"])


def metric_mark(m: dict, raw: str) -> Mark:
    """The mark of a metric row, flagged when its text differs from the raw characters."""
    kind = m["quantity_kind"] if m["quantity_kind"] in METRIC_COLOURS else "other"
    return Mark(f"m-{m['metric_id']}", m["start"], m["end"], "metric", f"met met-{kind}",
                metric_tip(m), raw[m["start"]:m["end"]] != m["text"])
