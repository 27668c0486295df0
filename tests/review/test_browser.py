"""The report in a real browser: headless Chromium lays out every highlight, and screenshots.

The page's own script counts, after layout, the distinct entity and metric ids that own at
least one element with a layout box, and writes the counts into ``#dom-check``; Chromium's
``--dump-dom`` hands the DOM back. Skipped when no Chromium is installed
(``apt-get install -y chromium``). ``--regen-golden`` also refreshes docs/img/report*.png.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from pipeline.review.report import write_report
from tests.conftest import ROOT
from tests.outputs_factory import seed_like_rows, write_outputs

pytestmark = pytest.mark.slow

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--mute-audio"]
PNG = b"\x89PNG\r\n\x1a\n"
# A blank 1280x1400 page is about 8 KB as PNG; a page of highlighted Chinese text is ~300 KB.
MIN_PNG_BYTES = 40_000


def find_chromium() -> str | None:
    """Return the Chromium binary ($FAZHI_CHROMIUM, or the first found on PATH)."""
    if os.environ.get("FAZHI_CHROMIUM"):
        return os.environ["FAZHI_CHROMIUM"]
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        if shutil.which(name):
            return shutil.which(name)
    return None


@pytest.fixture(scope="module")
def chromium():
    binary = find_chromium()
    if binary is None:
        pytest.skip("no Chromium: apt-get install -y chromium")
    return binary


def browse(chromium: str, tmp_path: Path, url: str, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    return subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", *args, url],
                          capture_output=True, timeout=300, check=True)


def rendered_counts(chromium: str, tmp_path: Path, page: Path) -> dict[str, int]:
    """Return the highlight counts the page's script measured after layout, all sections open."""
    dom = browse(chromium, tmp_path, page.as_uri() + "#open-all", "--dump-dom",
                 "--virtual-time-budget=5000").stdout.decode("utf-8")
    tag = re.search(r'<p id="dom-check"[^>]*>', dom)
    assert tag, "the page's script did not run or the DOM dump failed"
    attrs = dict(re.findall(r'([\w-]+)="(\d+)"', tag.group()))
    assert "data-rendered-entities" in attrs, "the page's script did not finish"
    return {k: int(v) for k, v in attrs.items()}


def screenshot(chromium: str, tmp_path: Path, url: str, png: Path, size: str) -> Path:
    browse(chromium, tmp_path, url, f"--screenshot={png}", f"--window-size={size}")
    data = png.read_bytes()
    assert data.startswith(PNG)
    assert len(data) > MIN_PNG_BYTES, f"{png} looks blank ({len(data)} bytes)"
    return png


def test_nested_and_crossing_highlights_all_render(chromium, tmp_path):
    stats = write_report(write_outputs(tmp_path / "outputs"))
    counts = rendered_counts(chromium, tmp_path, stats.path)
    rows = seed_like_rows()
    assert counts["data-rendered-entities"] == len(rows["entities"]) == counts["data-entities"]
    assert counts["data-rendered-metrics"] == len(rows["metrics"]) == counts["data-metrics"]


def test_seed_report_renders_every_entity_and_metric(chromium, seed_outputs, tmp_path, regen):
    stats = write_report(seed_outputs, tmp_path / "report.html", title="fazhi report · outputs/")
    n_entities = pq.read_metadata(next((seed_outputs / "entities").glob("*.parquet"))).num_rows
    n_metrics = pq.read_metadata(next((seed_outputs / "metrics").glob("*.parquet"))).num_rows
    assert n_entities > 50 and n_metrics > 20
    counts = rendered_counts(chromium, tmp_path, stats.path)
    assert counts["data-rendered-entities"] == n_entities
    assert counts["data-rendered-metrics"] == n_metrics

    first = pq.read_table(seed_outputs / "articles", columns=["article_id", "index"]).to_pylist()
    first_id = min(first, key=lambda a: a["index"])["article_id"]
    front = screenshot(chromium, tmp_path, stats.path.as_uri(), tmp_path / "front.png",
                       "1200,1500")
    article = screenshot(chromium, tmp_path, f"{stats.path.as_uri()}#only={first_id}",
                         tmp_path / "article.png", "1200,1500")
    if regen:
        target = ROOT / "docs" / "img"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(article, target / "report.png")
        shutil.copy(front, target / "report-front.png")
