"""``fazhi report``: one self-contained HTML file to review a run by eye.

The page has a front part (totals, two inline SVG charts, tables by label, kind and category,
an article index), one collapsible section per article (headline lines, byline, the raw text
with every entity and metric highlighted, the article's metrics table) and the quarantine.
Nothing is fetched from the network: the CSS and the few lines of script are inline, the
charts are inline SVG, fonts are the reader's own.

Highlights are placed with the stored raw offsets (``documents.raw_text[start:end]``), so the
report also checks them: a span whose text column differs from the raw characters is marked
and counted (``pipeline.review.highlight``); the charts are ``pipeline.review.charts``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .charts import bar_chart
from .highlight import (DASH, ENTITY_COLOURS, METRIC_COLOURS, change_text, entity_mark, esc,
                        highlight, metric_mark, period_text)
from .summary import (by_category, count_once, fact_counts, format_number, format_sum, format_yuan,
                      money_by_place, read_facts, read_outputs, read_run_info)

# With more articles than this, the article sections start closed (the index leads to them).
OPEN_ALL_UP_TO = 25


# --- the page -----------------------------------------------------------------------------

@dataclass
class ReportStats:
    """What ``write_report`` put in the page, for the command line to print."""

    path: Path
    bytes: int = 0
    documents: int = 0
    articles: int = 0
    entities: int = 0
    metrics: int = 0
    highlighted: Counter = field(default_factory=Counter)  # entity / metric marks placed
    unplaced: int = 0  # spans outside their article's segments (listed, not inline)
    mismatched: int = 0  # spans whose text differs from raw_text[start:end]
    quarantined: int = 0


def write_report(out: str | Path, dest: str | Path | None = None, *,
                 title: str | None = None) -> ReportStats:
    """Write the HTML report of the run under ``out`` to ``dest``; return what it holds."""
    out = Path(out)
    dest = Path(dest) if dest is not None else out / "report.html"
    page, stats = render_report(out, title=title)
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(page, encoding="utf-8")
    stats.path = dest
    stats.bytes = dest.stat().st_size
    return stats


def render_report(out: str | Path, *, title: str | None = None) -> tuple[str, ReportStats]:
    """Return the HTML page for the run under ``out`` and its ReportStats."""
    out = Path(out)
    tables = read_outputs(out, {
        "documents": ["doc_id", "source", "raw_text", "published", "n_articles"],
        "articles": None, "sentences": ["sentence_id"], "entities": None, "metrics": None,
        "quarantine": None,
    })
    run_info = read_run_info(out)
    documents = tables["documents"].to_pylist()
    articles = tables["articles"].to_pylist()
    entities = tables["entities"].to_pylist()
    metrics = tables["metrics"].to_pylist()
    quarantine = tables["quarantine"].to_pylist()
    facts = read_facts(out)
    once = count_once(metrics, facts)
    once_by_place = count_once(metrics, facts, by_place=True)
    stats = ReportStats(Path(), documents=len(documents), articles=len(articles),
                        entities=len(entities), metrics=len(metrics), quarantined=len(quarantine))

    raw_by_doc = {d["doc_id"]: d["raw_text"] for d in documents}
    ents_by_article: dict[str, list[dict]] = defaultdict(list)
    mets_by_article: dict[str, list[dict]] = defaultdict(list)
    for e in entities:
        ents_by_article[e["article_id"]].append(e)
    for m in metrics:
        mets_by_article[m["article_id"]].append(m)
    articles_by_doc: dict[str, list[dict]] = defaultdict(list)
    for a in sorted(articles, key=lambda a: a["index"]):
        articles_by_doc[a["doc_id"]].append(a)

    open_all = len(articles) <= OPEN_ALL_UP_TO
    sections = []
    for doc in documents:
        sections.append(_document_section(doc, articles_by_doc.get(doc["doc_id"], []),
                                          ents_by_article, mets_by_article, open_all, stats))
    known = {a["article_id"] for a in articles}
    orphans = [("entity", e) for e in entities if e["article_id"] not in known] + \
              [("metric", m) for m in metrics if m["article_id"] not in known]
    if orphans:
        stats.unplaced += len(orphans)
        sections.append(_orphans_section(orphans, raw_by_doc))

    heading = title or f"fazhi report · {out}"
    body = "\n".join([
        f'<header><h1>{esc(heading)}</h1>{_run_line(run_info)}'
        '<nav><a href="#overview">Overview</a> · <a href="#charts">Charts</a> · '
        '<a href="#index">Article index</a> · <a href="#articles">Articles</a> · '
        '<a href="#quarantine">Quarantine</a> · '
        '<button type="button" data-details="open">expand all</button> '
        '<button type="button" data-details="close">collapse all</button> '
        '<a class="if-focus" href="#articles">showing one article: show all</a></nav></header><main>',
        _overview(documents, articles, tables["sentences"].num_rows, entities, metrics,
                  quarantine, stats),
        _charts(once, once_by_place),
        _categories(metrics, facts, once),
        _index(articles, documents, ents_by_article, mets_by_article),
        '<section id="articles"><h2>Articles</h2>' + _legend() + "\n".join(sections) + "</section>",
        _quarantine_section(quarantine),
        '</main><aside id="tip" hidden></aside>',
        f'<p id="dom-check" hidden data-entities="{len(entities)}" data-metrics="{len(metrics)}"></p>',
    ])
    page = (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(heading)}</title>\n<style>{_css()}</style>\n</head>\n"
            f"<body>\n{body}\n<script>{SCRIPT}</script>\n</body>\n</html>\n")
    return page, stats


def _run_line(info: dict) -> str:
    if not info:
        return '<p class="muted">no run.json beside the tables</p>'
    models = ", ".join(sorted(info.get("models", {}))) or "none recorded"
    inputs = ", ".join(map(str, info.get("inputs", [])))
    return (f'<p class="muted">fazhi {esc(info.get("fazhi"))} · inputs {esc(inputs)} '
            f'({esc(info.get("input_files"))} files) · models: {esc(models)}</p>')


def _card(label: str, value: int, anchor: str = "") -> str:
    inner = f'<b>{format_number(value)}</b><span>{esc(label)}</span>'
    return f'<a class="card" href="#{anchor}">{inner}</a>' if anchor else f'<div class="card">{inner}</div>'


def _overview(documents, articles, n_sentences, entities, metrics, quarantine,
              stats: ReportStats) -> str:
    cards = "".join([
        _card("documents", len(documents)), _card("articles", len(articles), "index"),
        _card("sentences", n_sentences), _card("entities", len(entities)),
        _card("metrics", len(metrics)), _card("quarantined", len(quarantine), "quarantine"),
    ])
    by_label = Counter(e["label"] for e in entities)
    label_rows = "".join(
        f'<tr><td><span class="hl ent ent-{esc(label)}">{esc(label)}</span></td>'
        f'<td class="num">{format_number(n)}</td></tr>' for label, n in by_label.most_common())
    by_kind = Counter(m["quantity_kind"] for m in metrics)
    kind_rows = "".join(
        f'<tr><td><span class="hl met met-{esc(k if k in METRIC_COLOURS else "other")}">{esc(k)}</span></td>'
        f'<td class="num">{format_number(n)}</td></tr>' for k, n in by_kind.most_common())
    reasons = Counter((q["stage"], q["reason"]) for q in quarantine)
    reason_rows = "".join(f"<tr><td>{esc(s)}</td><td>{esc(r)}</td><td class=num>{format_number(n)}</td></tr>"
                          for (s, r), n in reasons.most_common()) or \
        '<tr><td colspan="3" class="muted">nothing quarantined</td></tr>'
    placed = stats.highlighted["entity"] + stats.highlighted["metric"]
    checks = [f'<p id="checks" class="{"warn" if stats.mismatched or stats.unplaced else "muted"}">'
              f'Offsets checked: {placed} of {len(entities) + len(metrics)} spans highlighted in '
              f'their article; {stats.mismatched} whose text differs from raw_text[start:end]; '
              f'{stats.unplaced} outside their article (listed where they belong).</p>']
    return f"""<section id="overview"><h2>Overview</h2>
<div class="cards">{cards}</div>
<div class="grid">
<table><caption>Entities by label</caption><tr><th>label</th><th>n</th></tr>{label_rows or '<tr><td colspan=2 class=muted>none</td></tr>'}</table>
<table><caption>Metrics by kind</caption><tr><th>kind</th><th>n</th></tr>{kind_rows or '<tr><td colspan=2 class=muted>none</td></tr>'}</table>
<table><caption>Quarantined, by reason</caption><tr><th>stage</th><th>reason</th><th>n</th></tr>{reason_rows}</table>
</div>
{''.join(checks)}
</section>"""


def _categories(metrics: list[dict], facts: list[dict], once: list[dict]) -> str:
    rows = []
    for c in by_category(metrics, once):
        kinds = ", ".join(f"{k} {n}" for k, n in c["kinds"].items())
        sums = ", ".join(format_sum(s) for s in c["sums"]) or DASH
        rows.append(f"<tr><td>{esc(c['category'])}</td><td class=num>{format_number(c['n'])}</td>"
                    f"<td class=num>{format_number(c['facts'])}</td>"
                    f"<td>{esc(kinds)}</td><td>{esc(sums)}</td></tr>")
    counted = fact_counts(metrics, facts, once)
    folded, parts = counted["rows_folded"], counted["parts_left_out"]
    return ('<section id="categories"><table class="wide"><caption>Metrics by category and kind '
            '(sums only where adding makes sense: counts and amounts, not rates; each statistic '
            f'counted once: {folded} restated rows folded, {parts} parts of a stated total left out; '
            '~ = some values approximate)</caption><tr><th>category</th><th>rows</th><th>facts</th>'
            '<th>kinds</th><th>sum per unit</th></tr>'
            + ("".join(rows) or '<tr><td colspan=5 class=muted>none</td></tr>') + "</table></section>")


def _charts(once: list[dict], once_by_place: list[dict]) -> str:
    most = Counter(m["category"] for m in once).most_common(15)
    cat_chart = bar_chart("Statistics by category (facts: each counted once)",
                          [(c, n, format_number(n)) for c, n in most], "#4f6bd8")
    money = money_by_place(once_by_place)[:15]
    money_chart = bar_chart("Money by place (sum in 元, each statistic once, change rates excluded)",
                            [(p["place"], p["yuan"], format_yuan(p["yuan"])) for p in money],
                            "#c0392b")
    return f'<section id="charts"><h2>Charts</h2><div class="charts">{cat_chart}{money_chart}</div></section>'


def _index(articles, documents, ents_by_article, mets_by_article) -> str:
    source = {d["doc_id"]: d["source"] for d in documents}
    rows = []
    for n, a in enumerate(articles, start=1):
        flags = "truncated" if a["truncated"] else ""
        rows.append(
            f'<tr><td class=num>{n}</td><td><a href="#a-{esc(a["article_id"])}">{esc(a["title"]) or "(no title)"}</a></td>'
            f'<td class=src>{esc(source.get(a["doc_id"], a["doc_id"]))} #{a["index"]}</td>'
            f'<td class=num>{len(ents_by_article.get(a["article_id"], []))}</td>'
            f'<td class=num>{len(mets_by_article.get(a["article_id"], []))}</td><td>{flags}</td></tr>')
    opened = " open" if len(articles) <= 200 else ""
    return (f'<section id="index"><details{opened}><summary><h2>Article index ({len(articles)})</h2></summary>'
            '<table class="wide"><tr><th>#</th><th>title</th><th>source</th><th>entities</th>'
            f'<th>metrics</th><th></th></tr>{"".join(rows)}</table></details></section>')


def _legend() -> str:
    ents = "".join(f'<span class="hl ent ent-{k}">{k}</span> ' for k in ENTITY_COLOURS)
    mets = "".join(f'<span class="hl met met-{k}">{k}</span> ' for k in METRIC_COLOURS)
    return (f'<p class="legend">Entities (background): {ents}<br>Metrics (box, by kind): {mets}'
            '<br><span class="muted">Hover a highlight for its normalised attributes; '
            'a red wavy underline marks a span whose stored text differs from the raw text.</span></p>')


def _authors(authors: list[dict]) -> str:
    roles = {"reporter": "记者 reporter", "correspondent": "通讯员 correspondent", "other": "other"}
    return " · ".join(f'{esc(a["name"])} <span class="role">{esc(roles.get(a["role"], a["role"]))}</span>'
                      for a in authors)


def _document_section(doc: dict, articles: list[dict], ents_by_article, mets_by_article,
                      open_all: bool, stats: ReportStats) -> str:
    raw = doc["raw_text"]
    published = f" · published {doc['published']}" if doc.get("published") else ""
    parts = [f'<section class="doc" id="d-{esc(doc["doc_id"])}"><h3 class="docname">{esc(doc["source"])}'
             f'<span class="muted"> · {len(articles)} articles{esc(published)} · doc {esc(doc["doc_id"])}</span></h3>']
    if not articles:
        parts.append(f'<p class="muted">No article found on this page. Start of the raw text:</p>'
                     f'<pre class="text">{esc(raw[:600])}</pre>')
    for article in articles:
        parts.append(_article(article, raw, ents_by_article.get(article["article_id"], []),
                              mets_by_article.get(article["article_id"], []), open_all, stats))
    parts.append("</section>")
    return "\n".join(parts)


def _article(a: dict, raw: str, ents: list[dict], mets: list[dict], open_all: bool,
             stats: ReportStats) -> str:
    marks = [entity_mark(e, raw) for e in ents] + [metric_mark(m, raw) for m in mets]
    stats.mismatched += sum(mark.bad for mark in marks)
    segments = [(s["start"], s["end"]) for s in a["segments"]] or [(a["start"], a["end"])]
    blocks, placed = [], set()
    for n, (s, e) in enumerate(segments):
        if n:
            blocks.append(f'<p class="jump">⋯ continued from raw offset {s} ⋯</p>')
        inside = [m for m in marks if m.start < e and m.end > s
                  or (m.start == m.end and s <= m.start <= e and m.key not in placed)]
        placed.update(m.key for m in inside)
        blocks.append(f'<div class="text" data-start="{s}">{highlight(raw, s, e, inside)}</div>')
    for mark in marks:
        if mark.key in placed:
            stats.highlighted[mark.kind] += 1
    missing = [m for m in marks if m.key not in placed]
    stats.unplaced += len(missing)
    if missing:
        items = "".join(f'<li><span class="hl {m.css}" data-id="{esc(m.key)}" title="{esc(m.tip)}">'
                        f'{esc(raw[m.start:m.end]) or "(empty)"}</span> at {m.start}–{m.end}</li>'
                        for m in missing)
        blocks.append(f'<p class="warn">Outside this article\'s segments:</p><ul>{items}</ul>')

    head = []
    if a.get("kicker"):
        head.append(f'<div class="kicker">{esc(a["kicker"])}</div>')
    head.append(f'<div class="title">{esc(a["title"]) or "(no title)"}</div>')
    if a.get("subtitle"):
        head.append(f'<div class="subtitle">{esc(a["subtitle"])}</div>')
    meta = []
    if a.get("authors"):
        meta.append(_authors(a["authors"]))
    if a.get("dateline"):
        meta.append(f'dateline {esc(a["dateline"])}')
    if a["truncated"]:
        meta.append('<span class="warn">truncated at the end of the page</span>')
    meta.append(f'raw {a["start"]}–{a["end"]} in {len(segments)} segment{"s" if len(segments) > 1 else ""}')
    counts = f'{len(ents)} entities · {len(mets)} metrics'
    return (f'<details class="article" id="a-{esc(a["article_id"])}"{" open" if open_all else ""}>'
            f'<summary><span class="n">#{a["index"]}</span>{"".join(head)}'
            f'<span class="counts">{counts} · <a href="#only={esc(a["article_id"])}">alone</a></span></summary>'
            f'<div class="meta">{" · ".join(meta)}</div>'
            f'{"".join(blocks)}{_metrics_table(mets)}</details>')


def _metrics_table(mets: list[dict]) -> str:
    if not mets:
        return '<p class="muted">No metrics in this article.</p>'
    rows = []
    for m in sorted(mets, key=lambda m: m["start"]):
        value = format_number(m["value"])
        if m.get("value_max") is not None:
            value += f"–{format_number(m['value_max'])}"
        rows.append(
            f'<tr><td><a href="#m-{esc(m["metric_id"])}">{esc(m["text"])}</a></td>'
            f'<td class=num>{esc(value)}</td><td>{esc(m["unit"]) or DASH}</td>'
            f'<td>{esc(m["quantity_kind"])}</td><td>{esc(m.get("approx") or DASH)}</td>'
            f'<td>{esc(m.get("action") or DASH)}</td><td>{esc(m.get("object") or DASH)}</td>'
            f'<td>{esc(m.get("subject") or DASH)}</td><td>{esc(m["category"])}</td>'
            f'<td>{esc(change_text(m))}</td><td>{esc(period_text(m))}</td>'
            f'<td>{esc(m.get("place") or DASH)}</td></tr>')
    return ('<table class="metrics"><caption>Metrics in this article</caption><tr><th>text</th>'
            '<th>value</th><th>unit</th><th>kind</th><th>approx</th><th>action</th><th>object</th>'
            '<th>subject</th><th>category</th><th>change</th><th>period</th><th>place</th></tr>'
            + "".join(rows) + "</table>")


def _orphans_section(orphans: list[tuple[str, dict]], raw_by_doc: dict[str, str]) -> str:
    rows = []
    for kind, row in orphans:
        raw = raw_by_doc.get(row["doc_id"], "")
        mark = entity_mark(row, raw) if kind == "entity" else metric_mark(row, raw)
        rows.append(f'<li><span class="hl {mark.css}" data-id="{esc(mark.key)}" title="{esc(mark.tip)}">'
                    f'{esc(row["text"])}</span> {kind} in doc {esc(row["doc_id"])}, article '
                    f'{esc(row["article_id"])} (not in the articles table)</li>')
    return (f'<section class="doc" id="orphans"><h3 class="warn">Spans whose article is missing '
            f'({len(orphans)})</h3><ul>{"".join(rows)}</ul></section>')


def _quarantine_section(quarantine: list[dict]) -> str:
    if not quarantine:
        return '<section id="quarantine"><h2>Quarantine</h2><p class="muted">Nothing was set aside.</p></section>'
    rows = "".join(
        f'<tr><td class=src>{esc(q["source"])}</td><td>{esc(q["stage"])}</td><td>{esc(q["reason"])}</td>'
        f'<td>{esc(q["message"])}</td><td><code>{esc(q["excerpt"])}</code></td></tr>' for q in quarantine)
    opened = " open" if len(quarantine) <= 100 else ""
    return (f'<section id="quarantine"><details{opened}><summary><h2>Quarantine ({len(quarantine)})</h2>'
            '</summary><table class="wide"><tr><th>source</th><th>stage</th><th>reason</th>'
            f'<th>message</th><th>excerpt</th></tr>{rows}</table></details></section>')


def _css() -> str:
    ents = "".join(f".ent-{k}{{background:{c}}}" for k, c in ENTITY_COLOURS.items())
    mets = "".join(f".met-{k}{{border-color:{c};color:{c}}}" for k, c in METRIC_COLOURS.items())
    return CSS + ents + mets


CSS = """
:root{--fg:#1f2328;--muted:#6b7280;--line:#e5e7eb}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1180px;padding:12px 20px 80px;color:var(--fg);
 font:15px/1.55 system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei","PingFang SC","Microsoft YaHei",sans-serif}
h1{font-size:22px;margin:6px 0}h2{font-size:18px;margin:18px 0 8px;display:inline-block}
header{border-bottom:1px solid var(--line);padding-bottom:6px}
nav a{color:#1d4ed8}nav button{font:inherit;font-size:12px;margin-left:4px}
.muted{color:var(--muted)}.warn{color:#b91c1c}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0 14px}
.card{border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:120px;text-decoration:none;color:inherit}
.card b{display:block;font-size:24px}.card span{color:var(--muted);font-size:13px}
.grid{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
table{border-collapse:collapse;margin:8px 0;font-size:13px}
caption{text-align:left;font-weight:600;padding:4px 0;white-space:nowrap}
th,td{border-bottom:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
th{color:var(--muted);font-weight:500}td.num{text-align:right;font-variant-numeric:tabular-nums}
td.src{color:var(--muted);max-width:260px;overflow-wrap:anywhere}
table.wide{width:100%}
.charts{display:flex;flex-wrap:wrap;gap:16px}
figure.chart{margin:0;border:1px solid var(--line);border-radius:8px;padding:8px}
figcaption{font-weight:600;font-size:13px;margin-bottom:4px}
svg text{font-size:12px;fill:#374151}svg text.v{fill:#111827}
summary{cursor:pointer}summary h2{margin:10px 0}
.doc{margin-top:14px}.docname{font-size:14px;border-bottom:2px solid var(--line);padding-bottom:4px}
details.article{border:1px solid var(--line);border-radius:8px;margin:10px 0;padding:6px 14px;
 content-visibility:auto;contain-intrinsic-size:auto 60px}
details.article>summary{list-style-position:outside;padding:4px 0}
.article .n{color:var(--muted);font-size:12px;margin-right:6px}
.kicker{font-size:13px;color:#4b5563;display:inline-block;margin-right:8px}
.title{font-size:17px;font-weight:700;display:inline}
.subtitle{font-size:14px;color:#374151}
.counts{float:right;color:var(--muted);font-size:12px}
.meta{font-size:13px;color:#4b5563;margin:4px 0 6px}.role{color:var(--muted);font-size:12px}
.text{white-space:pre-wrap;line-height:2.05;font-size:15px;padding:6px 0;overflow-wrap:anywhere}
.jump{color:var(--muted);font-size:12px;text-align:center;margin:2px}
.hl{border-radius:3px;padding:0 1px}
.met{border:1.5px solid;font-weight:600;padding:0 2px;border-radius:4px}
.hl .hl{margin:0 1px}
.hl.bad{text-decoration:underline wavy #dc2626}
.hl:hover{outline:2px solid #111827}
.legend{font-size:13px;line-height:2.1}
table.metrics{width:100%;font-size:12.5px}
#tip{position:fixed;right:12px;bottom:12px;max-width:440px;background:#111827;color:#f9fafb;
 padding:8px 12px;border-radius:8px;font-size:13px;white-space:pre-line;box-shadow:0 4px 16px #0004;z-index:9}
.if-focus{display:none}body.focus .if-focus{display:inline;font-weight:600}
body.focus main>section:not(#articles),body.focus .legend~*:not(.doc),body.focus .docname,
body.focus details.article:not(.focused){display:none}
code{font-size:12px;background:#f3f4f6;padding:1px 3px;border-radius:3px;white-space:pre-wrap;word-break:break-all}
"""

# Progressive enhancement only: the page reads fine without it. It opens the details a link
# points into, opens everything for #open-all, shows only one article for #only=<article_id>
# (a link to send a colleague; also what the browser test screenshots), shows the hover panel (the whole nesting of
# highlights under the pointer) and, for #open-all only (it forces layout of every span),
# records how many highlights have a layout box: the browser test reads that back.
SCRIPT = """
(function(){
function openTo(id){var t=id&&document.getElementById(id);if(!t)return;
 for(var d=t.closest('details');d;d=d.parentElement&&d.parentElement.closest('details'))d.open=true;}
function all(open){document.querySelectorAll('details').forEach(function(d){d.open=open;});}
function focusOn(id){var t=document.getElementById('a-'+id);if(!t)return;
 document.body.classList.add('focus');t.classList.add('focused');t.open=true;}
function onHash(){var h=decodeURIComponent(location.hash.slice(1));
 document.body.classList.remove('focus');
 document.querySelectorAll('.focused').forEach(function(d){d.classList.remove('focused');});
 if(h==='open-all')all(true);else if(h.indexOf('only=')===0)focusOn(h.slice(5));else openTo(h);}
window.addEventListener('hashchange',onHash);onHash();
document.querySelectorAll('button[data-details]').forEach(function(b){
 b.addEventListener('click',function(){all(b.dataset.details==='open');});});
var tip=document.getElementById('tip');
document.addEventListener('mouseover',function(ev){var el=ev.target.closest&&ev.target.closest('.hl[title]');
 if(!el){tip.hidden=true;return;}var lines=[];
 for(var n=el;n;n=n.parentElement&&n.parentElement.closest('.hl[title]'))lines.push(n.title);
 tip.textContent=lines.join('\\n\\n');tip.hidden=false;});
if(location.hash==='#open-all'){var seen={entity:{},metric:{}};
 document.querySelectorAll('.text .hl[data-id], li .hl[data-id]').forEach(function(el){
  if(!el.getClientRects().length)return;var id=el.dataset.id;
  (id.charAt(0)==='e'?seen.entity:seen.metric)[id]=1;});
 var check=document.getElementById('dom-check');
 check.dataset.renderedEntities=Object.keys(seen.entity).length;
 check.dataset.renderedMetrics=Object.keys(seen.metric).length;}
})();
"""
