"""``fazhi inspect``: what a run produced, as rich tables on a terminal or as JSON.

``summarize(out)`` reads the Parquet tables and run.json under ``out`` and gives back a plain
dict (the ``--json`` output); ``render`` prints it. Sums are only made where adding makes
sense: counts, money, weights and sizes that are not change rates, one sum per unit (money
in 元, since ``value`` already folds 万 and 亿 in). Percentages and durations are counted,
never added. Sums count each statistic once (``count_once``: the rows of one fact are one
figure, parts of a stated total are left out), and say how many rows they folded.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from schemas.records import TABLES

from ..errors import UserError

ADDITIVE_KINDS = ("count", "money", "weight", "length", "area", "volume")


def read_outputs(out: str | Path, tables: dict[str, list[str] | None] | None = None
                 ) -> dict[str, pa.Table]:
    """Return {table: pyarrow Table} for the run under ``out`` (only ``columns`` when given).

    Raises UserError when ``out`` holds no fazhi outputs, saying how to make them.
    """
    out = Path(out)
    if not out.is_dir():
        raise UserError(f"No such directory: {out} (make one with: fazhi run seeds/ --out {out})")
    wanted = tables if tables is not None else {name: None for name in TABLES}
    missing = [name for name in wanted if not (out / name).is_dir()]
    if missing:
        raise UserError(f"{out} holds no fazhi outputs (missing {', '.join(missing)}); "
                        f"run: fazhi run seeds/ --out {out}")
    return {name: pq.read_table(out / name, columns=_present(out / name, cols))
            for name, cols in wanted.items()}


def _present(table: Path, columns: list[str] | None) -> list[str] | None:
    """``columns`` that the table has: outputs of an older fazhi lack the newer columns."""
    if columns is None:
        return None
    part = next(table.glob("*.parquet"), None)
    if part is None:
        return columns
    names = set(pq.read_schema(part).names)
    return [c for c in columns if c in names]


def read_run_info(out: str | Path) -> dict[str, Any]:
    """Return the parsed run.json under ``out``, or {} when there is none."""
    path = Path(out) / "run.json"
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise UserError(f"{path} is not valid JSON ({exc.msg}); rerun fazhi run") from None


def read_facts(out: str | Path) -> list[dict]:
    """The facts table of the run under ``out`` ([] for outputs of a fazhi without it)."""
    folder = Path(out) / "facts"
    return pq.read_table(folder).to_pylist() if folder.is_dir() else []


def count_once(metrics: list[dict], facts: list[dict] | None = None, by_place: bool = False) -> list[dict]:
    """One row per statistic: the rows that share a fact_id become their first row, with the
    value, place and category of the fact (its most precise statement) and ``statements`` =
    how many rows it folds; rows that are part of a stated total (part_of) are left out, since
    the total counts them. With ``by_place`` (for sums per place) a part is left out only when
    its total is in the same place: 武汉's 5630起 is part of 湖北's 19612起, and 武汉's own figure.
    Rows without a fact_id (an older fazhi's outputs) stay as they are.

    近1.5万起 (headline), 14870起 (lead) → one figure of 14870 with statements 2."""
    by_id = {f["fact_id"]: f for f in facts or []}
    once: dict[str, dict] = {}
    rows = []
    for m in metrics:
        fact_id = m.get("fact_id")
        if fact_id is None:
            rows.append({**m, "statements": 1})
        elif m.get("part_of") and not (by_place and _place_of(by_id.get(m["part_of"]), m)
                                        != _place_of(by_id.get(fact_id), m)):
            continue
        elif fact_id in once:
            once[fact_id]["statements"] += 1
        else:
            fact = by_id.get(fact_id, {})
            row = {**m, "statements": 1, **{k: fact[k] for k in ("value", "value_max", "place", "category")
                                            if k in fact}}
            once[fact_id] = row
            rows.append(row)
    return rows


def _place_of(fact: dict | None, row: dict) -> str:
    source = fact or row
    return source.get("place_code") or source.get("place") or ""


def summable(metric: dict) -> bool:
    """True when adding this metric to others of its unit is meaningful: not a rate, a change,
    a per-day or per-case average, a maximum or a threshold (``statistic`` other than total)."""
    return (metric["quantity_kind"] in ADDITIVE_KINDS and metric.get("change_direction") is None
            and metric.get("statistic") in (None, "total"))


def metric_sums(metrics: list[dict]) -> list[dict]:
    """Return one {unit, quantity_kind, sum, n, approx, rows} per unit over the summable
    metrics (rows of ``count_once``: ``n`` figures, ``rows`` the rows they stand for)."""
    by_unit: dict[tuple[str, str], dict] = {}
    for m in metrics:
        if not summable(m):
            continue
        key = (m["unit"], m["quantity_kind"])
        entry = by_unit.setdefault(key, {"unit": m["unit"], "quantity_kind": m["quantity_kind"],
                                         "sum": 0.0, "n": 0, "approx": 0, "rows": 0})
        entry["sum"] += m["value"]
        entry["n"] += 1
        entry["rows"] += m.get("statements", 1)
        entry["approx"] += m.get("approx") is not None or m.get("value_max") is not None
    return sorted(by_unit.values(), key=lambda e: (-e["n"], e["unit"]))


def money_by_place(metrics: list[dict]) -> list[dict]:
    """Return [{place, yuan, n, rows}] for the money metrics in 元 (rows of ``count_once``:
    ``n`` figures, ``rows`` the rows they stand for), largest total first."""
    totals: dict[str, dict] = {}
    for m in metrics:
        if m["quantity_kind"] != "money" or m["unit"] != "元" or not summable(m):
            continue
        place = m.get("place") or "(no place)"
        entry = totals.setdefault(place, {"place": place, "yuan": 0.0, "n": 0, "rows": 0})
        entry["yuan"] += m["value"]
        entry["n"] += 1
        entry["rows"] += m.get("statements", 1)
    return sorted(totals.values(), key=lambda e: (-e["yuan"], e["place"]))


def summarize(out: str | Path, top: int = 10) -> dict[str, Any]:
    """Return the summary of the run under ``out`` as a JSON-ready dict."""
    out = Path(out)
    tables = read_outputs(out, {
        "documents": ["doc_id"], "articles": ["article_id"], "sentences": ["sentence_id"],
        "entities": ["label", "text", "normalized"],
        "metrics": ["value", "value_max", "unit", "quantity_kind", "approx", "category",
                    "change_direction", "place", "statistic", "fact_id", "part_of"],
        "quarantine": ["stage", "reason", "message", "source"],
    })
    run_info = read_run_info(out)
    entities = tables["entities"].to_pylist()
    metrics = tables["metrics"].to_pylist()
    quarantine = tables["quarantine"].to_pylist()
    facts = read_facts(out)
    once = count_once(metrics, facts)
    categories = by_category(metrics, once)

    places = Counter(e["normalized"] or e["text"] for e in entities if e["label"] == "GPE")
    organs = Counter(e["text"] for e in entities if e["label"] == "ORG")
    reasons: dict[tuple[str, str], dict] = {}
    for q in quarantine:
        key = (q["stage"], q["reason"])
        entry = reasons.setdefault(key, {"stage": q["stage"], "reason": q["reason"], "n": 0,
                                         "example": f"{q['source']}: {q['message']}"})
        entry["n"] += 1

    return {
        "outputs": str(out),
        "tables": {**{name: table.num_rows for name, table in tables.items()},
                   **({"facts": len(facts)} if (out / "facts").is_dir() else {})},
        "entities_by_label": dict(Counter(e["label"] for e in entities).most_common()),
        "metrics_by_kind": dict(Counter(m["quantity_kind"] for m in metrics).most_common()),
        "metrics_by_category": categories,
        "facts": fact_counts(metrics, facts, once),
        "money_by_place": money_by_place(count_once(metrics, facts, by_place=True))[:top],
        "top_places": [{"name": n, "n": c} for n, c in places.most_common(top)],
        "top_organs": [{"name": n, "n": c} for n, c in organs.most_common(top)],
        "quarantine": sorted(reasons.values(), key=lambda e: (-e["n"], e["stage"], e["reason"])),
        "run": _run_part(run_info),
    }


def by_category(metrics: list[dict], once: list[dict]) -> list[dict]:
    """Per category: rows, figures counted once (``facts``), kinds and sums over the figures."""
    rows = Counter(m["category"] for m in metrics)
    figures: dict[str, list[dict]] = defaultdict(list)
    for m in once:
        figures[m["category"]].append(m)
    categories = []
    for category in sorted(set(rows) | set(figures), key=lambda c: (-rows[c], c)):
        items = figures.get(category, [])
        sums = metric_sums(items)
        categories.append({"category": category, "n": rows[category], "facts": len(items),
                           "kinds": dict(Counter(m["quantity_kind"] for m in items).most_common()),
                           "sums": sums, "not_summed": len(items) - sum(s["n"] for s in sums)})
    return categories


def fact_counts(metrics: list[dict], facts: list[dict], once: list[dict]) -> dict[str, int]:
    """How counting once changed the figures: rows, facts, rows folded, parts left out."""
    return {"metric_rows": len(metrics), "facts": len(facts),
            "figures_counted": len(once),
            "rows_folded": sum(m["statements"] - 1 for m in once),
            "parts_left_out": sum(1 for m in metrics if m.get("part_of")),
            "conflicts": sum(1 for f in facts if f.get("conflict"))}


def _run_part(info: dict) -> dict[str, Any]:
    if not info:
        return {}
    timings = info.get("timings", {})
    return {"fazhi": info.get("fazhi"), "versions": info.get("versions", {}),
            "models": info.get("models", {}), "inputs": info.get("inputs", []),
            "input_files": info.get("input_files"), "options": info.get("options", {}),
            "wall_seconds": timings.get("wall_seconds")}


# --- formatting ---------------------------------------------------------------------------

def format_number(value: float) -> str:
    """Return ``value`` with thousands separators, without a useless ``.0``: 1,300,000,000."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_yuan(value: float) -> str:
    """Return an amount in 元 the way Chinese reports write it: 13亿元, 812.6万元, 3,500元."""
    for factor, suffix in ((1e8, "亿元"), (1e4, "万元")):
        if abs(value) >= factor:
            return f"{value / factor:,.2f}".rstrip("0").rstrip(".") + suffix
    return format_number(value) + "元"


def format_sum(entry: dict) -> str:
    """Return one unit's sum for a person: ``13.8亿元`` or ``1,134 人`` (``~`` when approximate)."""
    text = format_yuan(entry["sum"]) if entry["unit"] == "元" else \
        f"{format_number(entry['sum'])} {entry['unit'] or '(no unit)'}"
    return ("~" if entry.get("approx") else "") + text


def _model_line(name: str, meta: Any) -> str:
    if not isinstance(meta, dict):
        return str(meta)
    bits = []
    for key in ("name", "version", "trained_on", "corpora"):
        if meta.get(key):
            bits.append(f"{key} {meta[key]}" if key != "name" else str(meta[key]))
    scores = meta.get("scores") or meta.get("performance")
    if isinstance(scores, dict):
        shown = [f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                 for k, v in scores.items() if isinstance(v, (int, float, str))][:4]
        bits.extend(shown)
    if meta.get("source"):
        first = str(meta["source"]).splitlines()[0]
        bits.append(re.sub(r"(sha256[=:])([0-9a-f]{12})[0-9a-f]{20,}", r"\1\2…", first))
    if meta.get("path"):
        bits.append(str(meta["path"]))
    return "; ".join(bits) or json.dumps(meta, ensure_ascii=False)[:120]


def render(summary: dict[str, Any], console=None) -> None:
    """Print ``summary`` (from ``summarize``) as rich tables."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = console or Console()

    class table(Table):
        """A rich Table whose cells are plain text (names may hold [brackets])."""

        def __init__(self, title: str, *headers: str, right: tuple[int, ...] = ()) -> None:
            super().__init__(title=Text(title, style="bold"), title_justify="left",
                             header_style="dim")
            for i, header in enumerate(headers):
                self.add_column(header, justify="right" if i in right else "left",
                                overflow="fold")

        def add_row(self, *cells, **kwargs) -> None:
            super().add_row(*(Text(str(c)) for c in cells), **kwargs)

    console.print(Text(f"fazhi outputs in {summary['outputs']}", style="bold underline"))
    rows = table("Rows", "table", "rows", right=(1,))
    for name, n in summary["tables"].items():
        rows.add_row(name, format_number(n))
    labels = table("Entities", "label", "n", right=(1,))
    for label, n in summary["entities_by_label"].items():
        labels.add_row(label, format_number(n))
    console.print(_side_by_side(rows, labels))

    once = summary.get("facts") or {}
    cats = table(f"Metrics by category (sums count each statistic once: {once.get('rows_folded', 0)} "
                 f"restated rows folded, {once.get('parts_left_out', 0)} parts of a stated total left out)",
                 "category", "rows", "facts", "kinds", "sum", right=(1, 2))
    for c in summary["metrics_by_category"]:
        kinds = ", ".join(f"{k} {n}" for k, n in c["kinds"].items())
        sums = ", ".join(format_sum(s) for s in c["sums"][:3])
        if len(c["sums"]) > 3:
            sums += f", +{len(c['sums']) - 3} units"
        cats.add_row(c["category"], format_number(c["n"]), format_number(c.get("facts", c["n"])),
                     kinds, sums or "-")
    console.print(cats)

    money = table("Money by place (元, each statistic once)", "place", "total", "facts", "rows",
                  right=(1, 2, 3))
    for m in summary["money_by_place"]:
        money.add_row(m["place"], format_yuan(m["yuan"]), format_number(m["n"]),
                      format_number(m.get("rows", m["n"])))
    places = table("Top places (GPE)", "place", "n", right=(1,))
    for p in summary["top_places"]:
        places.add_row(p["name"], format_number(p["n"]))
    organs = table("Top organs (ORG)", "organ", "n", right=(1,))
    for o in summary["top_organs"]:
        organs.add_row(o["name"], format_number(o["n"]))
    console.print(money)
    console.print(_side_by_side(places, organs))

    quarantine = table("Quarantine", "stage", "reason", "n", "example", right=(2,))
    for q in summary["quarantine"]:
        quarantine.add_row(q["stage"], q["reason"], format_number(q["n"]), q["example"][:100])
    if not summary["quarantine"]:
        quarantine.add_row("-", "nothing quarantined", "0", "")
    console.print(quarantine)

    run = summary.get("run") or {}
    if run:
        info = table("Run", "what", "value")
        versions = run.get("versions") or {}
        info.add_row("versions", ", ".join(f"{k} {v}" for k, v in versions.items() if v))
        for name, meta in (run.get("models") or {}).items():
            info.add_row(f"model {name}", _model_line(name, meta))
        if not run.get("models"):
            info.add_row("models", "none recorded")
        info.add_row("inputs", f"{', '.join(map(str, run.get('inputs', [])))} "
                               f"({run.get('input_files')} files)")
        if run.get("wall_seconds") is not None:
            info.add_row("wall time", f"{run['wall_seconds']:.1f} s")
        console.print(info)
    else:
        console.print("[dim]no run.json: models and versions unknown[/dim]")


def _side_by_side(*tables):
    from rich.columns import Columns

    return Columns(tables, padding=(0, 4))
