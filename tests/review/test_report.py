"""fazhi report: highlights nest without losing a span, text is escaped, the page is offline."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.outputs_factory import RAW, seed_like_rows, write_outputs
from pipeline.cli import cli
from pipeline.review.charts import bar_chart
from pipeline.review.highlight import Mark, highlight
from pipeline.review.report import OPEN_ALL_UP_TO, write_report


class Spans(HTMLParser):
    """Collect, per data-id, the text inside its elements; check the markup is balanced."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str | None] = []
        self.text: dict[str, str] = {}
        self.ids: list[str] = []
        self.plain: list[str] = []
        self.fragments: dict[str, int] = {}

    VOID = {"meta", "br", "rect", "link", "img", "input", "hr"}

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        key = attrs.get("data-id")
        self.stack.append(key)
        if key:
            self.text.setdefault(key, "")
            self.fragments[key] = self.fragments.get(key, 0) + 1
        if attrs.get("id"):
            self.ids.append(attrs["id"])

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        assert self.stack, f"unbalanced </{tag}>"
        self.stack.pop()

    def handle_data(self, data):
        self.plain.append(data)
        for key in set(k for k in self.stack if k):
            self.text[key] += data


def parse(markup: str) -> Spans:
    parser = Spans()
    parser.feed(markup)
    parser.close()
    assert parser.stack == [], "unclosed elements"
    return parser


def mark(key, start, end, kind="entity"):
    return Mark(key, start, end, kind, "ent ent-GPE" if kind == "entity" else "met met-count", key)


# (text, marks as (key, start, end), expected markup with <k> for an opening and </> for a close)
CASES = [
    ("镇江市公安局", [("org", 0, 6), ("gpe", 0, 3)], "<org><gpe>镇江市</>公安局</>"),
    ("案件35起", [("crime", 0, 4), ("num", 2, 5)], "<crime>案件<num>35</></><num+>起</>"),
    ("挽损812.6万元", [("m", 2, 9), ("d", 2, 5)], "挽损<m><d>812</>.6万元</>"),
    ("甲乙", [("a", 0, 1), ("b", 1, 2)], "<a>甲</><b>乙</>"),
    ("甲乙", [("a", 0, 2), ("b", 0, 2)], "<a><b>甲乙</></>"),
    ("甲乙", [("a", 1, 1)], "甲<a></>乙"),
    ("<b>&", [("a", 0, 3)], "<a>&lt;b&gt;</>&amp;"),
    ("无", [], "无"),
]


def simplify(markup: str) -> str:
    markup = re.sub(r'<span class="[^"]*\bcont\b[^"]*"[^>]*data-id="([^"]+)"[^>]*>', r"<\1+>", markup)
    markup = re.sub(r'<span[^>]*data-id="([^"]+)"[^>]*>', r"<\1>", markup)
    return markup.replace("</span>", "</>")


@pytest.mark.parametrize("text,spans,expected", CASES)
def test_highlight_nests_and_splits_crossing_spans(text, spans, expected):
    markup = highlight(text, 0, len(text), [mark(k, s, e) for k, s, e in spans])
    assert simplify(markup) == expected


def test_highlight_clips_to_the_segment_and_skips_spans_outside():
    text = "甲乙丙丁"
    markup = highlight(text, 1, 3, [mark("in", 0, 2), mark("out", 3, 4)])
    assert simplify(markup) == "<in>乙</>丙"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="镇江<>&\"' 35起\n", min_size=1, max_size=30).flatmap(
    lambda text: st.tuples(st.just(text), st.lists(
        st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).map(sorted),
        max_size=8))))
def test_every_span_keeps_exactly_its_characters(case):
    text, intervals = case
    marks = [mark(f"k{n}", s, e, "entity" if n % 2 else "metric")
             for n, (s, e) in enumerate(intervals)]
    parsed = parse(highlight(text, 0, len(text), marks))
    assert "".join(parsed.plain) == text  # lossless: the page shows the raw text exactly
    for m in marks:
        assert parsed.text[m.key] == text[m.start:m.end]  # fragments add up to the span
    assert sorted(parsed.ids) == sorted(m.key for m in marks)  # one DOM id per span


@pytest.fixture()
def outputs(tmp_path):
    return write_outputs(tmp_path / "outputs")


def test_report_highlights_every_span_and_lists_metrics_and_quarantine(outputs):
    stats = write_report(outputs)
    page = (outputs / "report.html").read_text(encoding="utf-8")
    rows = seed_like_rows()
    assert stats.highlighted["entity"] == len(rows["entities"])
    assert stats.highlighted["metric"] == len(rows["metrics"])
    assert (stats.mismatched, stats.unplaced, stats.quarantined) == (0, 0, 3)
    parsed = parse(page)
    for e in rows["entities"]:
        assert parsed.text[f"e-{e['entity_id']}"] == RAW[e["start"]:e["end"]]
    for m in rows["metrics"]:
        assert parsed.text[f"m-{m['metric_id']}"] == RAW[m["start"]:m["end"]]
        assert f'href="#m-{m["metric_id"]}"' in page  # the article's metrics table links to it
    assert "丁国锋" in page and "记者 reporter" in page
    assert "⋯ continued from raw offset" in page  # the article's second segment
    assert "NUL bytes: this is binary data" in page and "invalid_record" in page
    assert "No article found on this page" in page  # synthetic/blank.txt


def test_hover_text_has_the_normalised_attributes(outputs):
    write_report(outputs)
    page = (outputs / "report.html").read_text(encoding="utf-8")
    tip = html.unescape(re.search(r'id="m-met002"[^>]*title="([^"]*)"', page).group(1))
    for part in ("losses_recovered", "812.6万元 = 8,126,000 元 (CNY)", "approx: about",
                 "action: 挽损", "place: 江苏省镇江市", "period: —"):
        assert part in tip
    rate = html.unescape(re.search(r'id="m-met003"[^>]*title="([^"]*)"', page).group(1))
    assert "change: down (yoy)" in rate


def test_text_from_the_data_is_escaped(outputs):
    write_report(outputs)
    page = (outputs / "report.html").read_text(encoding="utf-8")
    assert page.count("<script>") == 1  # ours; the article's <script>alert(1)</script> is text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<b>团伙</b>" not in page and "&lt;b&gt;团伙&lt;/b&gt;" in page
    assert "<i>说明</i>" not in page


def test_page_needs_no_network(outputs):
    write_report(outputs)
    page = (outputs / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page and "<link" not in page
    assert "<svg" in page  # the charts are inline


def test_offset_mismatch_and_orphan_spans_are_reported_not_lost(tmp_path):
    rows = seed_like_rows()
    rows["entities"][0] = dict(rows["entities"][0], text="别的字")
    rows["metrics"].append(dict(rows["metrics"][0], metric_id="met999", article_id="gone"))
    stats = write_report(write_outputs(tmp_path / "o", rows))
    page = stats.path.read_text(encoding="utf-8")
    assert stats.mismatched == 1 and stats.unplaced == 1
    assert 'class="hl ent ent-ORG bad"' in page
    assert 'data-id="m-met999"' in page and "not in the articles table" in page


def test_many_articles_start_collapsed(tmp_path):
    rows = seed_like_rows()
    first = rows["articles"][0]
    rows["articles"] = [dict(first, article_id=f"a{n}", index=n) for n in range(OPEN_ALL_UP_TO + 1)]
    rows["entities"] = rows["metrics"] = []
    stats = write_report(write_outputs(tmp_path / "o", rows))
    page = stats.path.read_text(encoding="utf-8")
    assert page.count('<details class="article"') == OPEN_ALL_UP_TO + 1
    assert '<details class="article" id="a-a0" open>' not in page
    small = write_report(write_outputs(tmp_path / "p"))
    assert '<details class="article" id="a-art0" open>' in small.path.read_text(encoding="utf-8")


def test_bar_chart_escapes_labels_and_scales_bars():
    svg = bar_chart("t", [("<a>", 10, "10"), ("b", 5, "5")], "#000")
    assert "&lt;a&gt;" in svg and "<a>" not in svg
    widths = [float(w) for w in re.findall(r'<rect[^>]*width="([\d.]+)"', svg)]
    assert widths[0] == pytest.approx(2 * widths[1])


def test_cli_report_writes_the_file_and_says_what_it_holds(outputs, tmp_path):
    dest = tmp_path / "r" / "page.html"
    result = CliRunner().invoke(cli, ["report", str(outputs), "--out", str(dest)])
    assert result.exit_code == 0, result.output
    assert dest.exists()
    assert "2 articles from 2 documents, 7 entities and 6 metrics highlighted, 3 quarantined" \
        in result.output


def test_cli_report_on_a_directory_without_outputs_exits_2(tmp_path):
    result = CliRunner().invoke(cli, ["report", str(tmp_path)])
    assert result.exit_code == 2
    assert "holds no fazhi outputs" in result.output and "fazhi run" in result.output
