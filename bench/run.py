"""Benchmark fazhi against its floor, pkuseg segmentation, and append the table to RESULTS.md.

What it measures, in one run so that the ratios hold on a noisy machine:
- bare segmentation: the same text, line by line, through ``nlp.tokenizer`` (spacy-pkuseg with
  the same model): the floor;
- ``fazhi run --workers 1`` and ``--workers 2`` on the small corpus (characters per second
  after model load, R1 = pipeline time / segmentation time, the 2-worker speed-up);
- ``--engine dask`` on a 2-worker LocalCluster when ``distributed`` is installed;
- ``--workers 2`` on a corpus ten times larger, resampled from the small one: the peak RSS
  of every process against the small corpus's (memory must stay flat);
- model load time, and the memory fork-sharing saves (sum of RSS minus sum of PSS).

Corpora are built under bench/work/ from the seed page and the People's Daily 1998 corpus in
../shared/corpora (skipped cleanly when absent). Usage: ``python bench/run.py [--chars N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "work"
RESULTS = ROOT / "bench" / "RESULTS.md"
CORPORA = Path(os.environ.get("FAZHI_CORPORA", ROOT.parent / "shared" / "corpora"))
PD1998 = CORPORA / "pd1998" / "199801.utf8.txt"
SEED = ROOT / "seeds" / "000_151922b201effb69.txt"
DOCS_PER_FILE = 200

sys.path.insert(0, str(ROOT))


# --- corpora ----------------------------------------------------------------------------------

def pd_articles() -> list[dict]:
    """Return the PD1998 articles as JSONL records (paragraphs joined by newlines, in order)."""
    from pipeline.evaluation.corpora import read_pd1998

    articles: dict[str, list[str]] = {}
    for para in read_pd1998(PD1998):
        articles.setdefault(para.para_id.rsplit("-", 1)[0], []).append(para.text)
    return [{"id": key, "date": f"{key[:4]}-{key[4:6]}-{key[6:8]}", "text": "\n".join(paras)}
            for key, paras in articles.items()]


def write_corpus(directory: Path, records: list[dict], with_seed: bool = True) -> int:
    """Write ``records`` as JSONL files of DOCS_PER_FILE lines (plus the seed page); return chars."""
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    chars = 0
    if with_seed:
        shutil.copy(SEED, directory / SEED.name)
        chars += len(SEED.read_text(encoding="utf-8"))
    for n, first in enumerate(range(0, len(records), DOCS_PER_FILE)):
        block = records[first:first + DOCS_PER_FILE]
        with open(directory / f"pd1998-{n:04d}.jsonl", "w", encoding="utf-8") as handle:
            for record in block:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        chars += sum(len(r["text"]) for r in block)
    return chars


def build_corpora(chars: int, scale: int) -> dict:
    """Build bench/work/small (about ``chars`` characters) and bench/work/large (``scale`` times)."""
    articles = pd_articles()
    small, total = [], len(SEED.read_text(encoding="utf-8"))
    for record in articles:
        if total >= chars:
            break
        small.append(record)
        total += len(record["text"])
    rng = random.Random(1998)
    large = [dict(small_record, id=f"{small_record['id']}-r{k}")
             for k, small_record in enumerate(rng.choices(small, k=len(small) * scale))]
    return {"small": (WORK / "small", write_corpus(WORK / "small", small), len(small) + 1),
            "large": (WORK / "large", write_corpus(WORK / "large", large), len(large) + 1)}


def corpus_texts(directory: Path):
    for path in sorted(directory.iterdir()):
        if path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                yield json.loads(line)["text"]
        else:
            yield path.read_text(encoding="utf-8")


# --- memory sampling ---------------------------------------------------------------------------

class MemoryWatch:
    """Sample RSS and PSS of a process and its descendants until stopped; keep the peaks."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        import psutil

        self.root = psutil.Process(pid)
        self.interval = interval
        self.peak_rss: dict[int, int] = {}
        self.peak_total_rss = 0
        self.peak_total_pss = 0
        self.peak_saved = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        return False

    def _loop(self) -> None:
        import psutil

        # RSS is cheap to read (statm); PSS needs smaps, about 4 ms per 500 MB process, so it
        # is read every tenth sample only: at every sample it took a tenth of a core from the
        # very runs being timed.
        sample = 0
        while not self._stop.is_set():
            try:
                procs = [self.root] + self.root.children(recursive=True)
            except psutil.Error:
                break
            full = sample % 10 == 0
            sample += 1
            total_rss = total_pss = 0
            for proc in procs:
                try:
                    info = proc.memory_full_info() if full else proc.memory_info()
                except psutil.Error:
                    continue
                self.peak_rss[proc.pid] = max(self.peak_rss.get(proc.pid, 0), info.rss)
                total_rss += info.rss
                total_pss += getattr(info, "pss", info.rss)
            self.peak_total_rss = max(self.peak_total_rss, total_rss)
            if full:
                self.peak_total_pss = max(self.peak_total_pss, total_pss)
                self.peak_saved = max(self.peak_saved, total_rss - total_pss)
            self._stop.wait(self.interval)

    def processes(self) -> list[int]:
        """Peak RSS per process in MB, the driver first, then workers by decreasing size."""
        root = self.peak_rss.get(self.root.pid, 0)
        others = sorted((v for k, v in self.peak_rss.items() if k != self.root.pid
                         and v > 100 * 2**20), reverse=True)  # ignore tiny helper processes
        return [mb(root)] + [mb(v) for v in others]


def mb(n: float) -> int:
    return int(round(n / 2**20))


# --- measured runs -----------------------------------------------------------------------------

def _busy_seconds() -> float:
    import psutil

    t = psutil.cpu_times()
    return t.user + t.nice + t.system + getattr(t, "irq", 0) + getattr(t, "softirq", 0)


def _tree_cpu() -> float:
    import resource

    mine = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + children.ru_utime + children.ru_stime


def measure(cmd: list[str], label: str) -> dict:
    """Run ``cmd`` in a subprocess, watching its memory; return wall time, peaks, others' load.

    ``others`` is the CPU (in cores) that processes outside this benchmark used meanwhile.
    """
    print(f"  {label}: {' '.join(cmd[1:])}", flush=True)
    started = time.perf_counter()
    busy, ours = _busy_seconds(), _tree_cpu()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    with MemoryWatch(proc.pid) as watch:
        stdout, stderr = proc.communicate()
    wall = time.perf_counter() - started
    others = max(0.0, (_busy_seconds() - busy) - (_tree_cpu() - ours)) / wall
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{label} failed ({proc.returncode}):\n{stderr[-3000:]}")
    return {"wall": wall, "others": others, "stdout": stdout, "stderr": stderr,
            "rss": watch.processes(),
            "total_rss": mb(watch.peak_total_rss), "total_pss": mb(watch.peak_total_pss),
            "saved": mb(watch.peak_saved)}


def fazhi_run(corpus: Path, out: Path, workers: int, label: str, engine: str = "local") -> dict:
    if out.exists():
        shutil.rmtree(out)
    cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out),
           "--workers", str(workers), "--quiet"]
    if engine != "local":
        cmd += ["--engine", engine]
    result = measure(cmd, label)
    info = json.loads((out / "run.json").read_text(encoding="utf-8"))
    timings = info["timings"]
    result["load"] = timings["load_seconds"]
    result["process"] = timings["wall_seconds"] - timings["load_seconds"]
    result["stage_seconds"] = timings.get("stage_seconds", {})
    result["cpu"] = info.get("shards", {}).get("cpu_seconds")
    result["rows"] = info["rows"]
    return result


def child_segment(corpus: str, segmenter: str) -> None:
    """Print {load, seconds, chars} for bare segmentation of every line of ``corpus``.

    ``pkuseg`` is the floor: spaCy's tokenizer over spacy-pkuseg, line by line. ``fast`` is
    fazhi's segmenter (the same words), a document's lines in one batch as the pipeline does.
    """
    started = time.perf_counter()
    from pipeline.ner.load import load_nlp

    nlp = load_nlp(with_ner=False, segmenter=segmenter)
    load = time.perf_counter() - started
    tokenizer = nlp.tokenizer
    texts = list(corpus_texts(Path(corpus)))
    chars = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for text in texts:
        lines = [line for line in text.split("\n") if line.strip()]
        if segmenter == "fast":
            for _ in tokenizer.pipe(lines):
                pass
        else:
            for line in lines:
                tokenizer(line)
        chars += len(text)
    print(json.dumps({"load": load, "seconds": time.perf_counter() - started,
                      "cpu": time.process_time() - cpu_started, "chars": chars}))


def child_load() -> None:
    """Print the seconds to load the full pipeline (segmenter, NER, rules, warm-up)."""
    started, cpu_started = time.perf_counter(), time.process_time()
    from pipeline.run.pipeline import Pipeline

    Pipeline.load()
    print(json.dumps({"load": time.perf_counter() - started,
                      "load_cpu": time.process_time() - cpu_started}))


# --- report -----------------------------------------------------------------------------------

def others_running() -> str:
    """Name the busy processes outside this benchmark (the machine is shared)."""
    import psutil

    mine = {os.getpid()} | {p.pid for p in psutil.Process().children(recursive=True)}
    procs = list(psutil.process_iter(["pid", "cmdline"]))
    for proc in procs:
        try:
            proc.cpu_percent(None)
        except psutil.Error:
            pass
    time.sleep(1.0)
    busy = []
    for proc in procs:
        try:
            cpu = proc.cpu_percent(None)
        except psutil.Error:
            continue
        if proc.pid not in mine and cpu >= 20:
            cmd = " ".join(proc.info["cmdline"] or [])[:90]
            busy.append(f"{cpu:.0f}% CPU: `{cmd}`")
    return "; ".join(busy) or "nothing else busy"


def machine() -> str:
    import psutil

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} cores ({cpu}), {psutil.virtual_memory().total / 2**30:.0f} GB RAM, "
            f"Python {platform.python_version()}")


def commit() -> str:
    try:
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                             capture_output=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"],
                               cwd=ROOT, text=True, capture_output=True).stdout.strip()
        return sha + (" (with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"



# --- one long document, and web pages -------------------------------------------------------

LONG_SIZES = (100_000, 1_000_000, 5_000_000)


def build_long_documents(articles: list[dict]) -> list[tuple[int, Path]]:
    """One text file per size in LONG_SIZES: People's Daily articles run together as one page."""
    folder = WORK / "long"
    folder.mkdir(parents=True, exist_ok=True)
    paragraphs = [p for record in articles for p in record["text"].split("\n") if p.strip()]
    out = []
    for size in LONG_SIZES:
        chunks, total, k = [], 0, 0
        while total < size:
            paragraph = paragraphs[k % len(paragraphs)]
            chunks.append(paragraph)
            total += len(paragraph) + 1
            k += 1
        path = folder / f"long-{size}.txt"
        path.write_text("\n".join(chunks), encoding="utf-8")
        out.append((total, path))
    return out


def build_web_pages(articles: list[dict], n: int = 300) -> tuple[Path, Path]:
    """``n`` HTML pages with page chrome (navigation, share widgets, footer) made from People's
    Daily articles, and a WARC archive of the same pages (written with warcio)."""
    import html as html_lib
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    folder = WORK / "web"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    pages = []
    for k, record in enumerate(articles[:n]):
        paragraphs = [p for p in record["text"].split("\n") if p.strip()]
        title = html_lib.escape(paragraphs[0][:30])
        body = "".join(f"<p>{html_lib.escape(p)}</p>" for p in paragraphs[1:] or paragraphs)
        page = (f"<html><head><title>{title} - 示例网</title>"
                f'<meta name="date" content="{record["date"]}"></head><body>'
                '<div class="nav"><a href="/">首页</a> &gt; <a href="/news">新闻</a> &gt; 正文</div>'
                f'<article><h1>{title}</h1><div class="info">{record["date"]} 来源：示例网</div>'
                f'{body}</article><div class="share">分享到：微信 微博</div>'
                '<footer>版权所有 示例网 未经授权禁止转载</footer></body></html>')
        (folder / f"page-{k:04d}.html").write_text(page, encoding="utf-8")
        pages.append((f"https://news.example.org/{record['id']}.html", page.encode("utf-8")))
    warc = WORK / "web.warc.gz"
    with open(warc, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for uri, data in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                       protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(uri, "response", payload=BytesIO(data),
                                                          http_headers=headers))
    return folder, warc


def child_read(path: str) -> None:
    """Print {seconds, pages} for reading ``path`` into Documents (no stages)."""
    from pipeline.io import Rejected, read_inputs

    started = time.perf_counter()
    pages = sum(1 for item in read_inputs([path]) if not isinstance(item, Rejected))
    print(json.dumps({"seconds": time.perf_counter() - started, "pages": pages}))


def count_once_line(w1: dict, w2: dict) -> str:
    """What the count-once work costs (issue 13's budget: 10% of the run): the staging done in
    the shards (stage ``facts``, CPU summed over workers) and the corpus pass (``link``)."""
    def share(run: dict, workers: int) -> tuple[float, float, float]:
        staged, linked = run["stage_seconds"].get("facts", 0.0), run["stage_seconds"].get("link", 0.0)
        return staged, linked, (staged / workers + linked) / run["process"]

    s1, l1, p1 = share(w1, 1)
    s2, l2, p2 = share(w2, 2)
    return (f"Count once (issue 13): staging in the shards {s1:.2f} s and the linking pass {l1:.2f} s, "
            f"**{p1:.1%}** of the `--workers 1` run; with 2 workers {s2:.2f} s (over both) and {l2:.2f} s, "
            f"**{p2:.1%}** (budget 10%).")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000,
                        help="Size of the small corpus in characters (default 1000000, about 3 MB).")
    parser.add_argument("--scale", type=int, default=10, help="Size of the large corpus, in small corpora.")
    parser.add_argument("--repeat", type=int, default=5,
                        help="Interleaved rounds of the timed runs; the best of each is kept (default 5).")
    parser.add_argument("--no-large", action="store_true", help="Skip the large-corpus memory run.")
    parser.add_argument("--no-dask", action="store_true", help="Skip the Dask engine run.")
    parser.add_argument("--no-record", action="store_true", help="Do not append to RESULTS.md.")
    parser.add_argument("--note", default="", help="A note for the RESULTS.md entry.")
    parser.add_argument("--child-segment", metavar="CORPUS", help=argparse.SUPPRESS)
    parser.add_argument("--segmenter", default="pkuseg", help=argparse.SUPPRESS)
    parser.add_argument("--child-load", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child-read", metavar="PATH", help=argparse.SUPPRESS)
    parser.add_argument("--no-long", action="store_true",
                        help="Skip the one-long-document runs (100k, 1M, 5M characters).")
    parser.add_argument("--no-web", action="store_true", help="Skip the HTML and WARC reading runs.")
    args = parser.parse_args()
    if args.child_segment:
        child_segment(args.child_segment, args.segmenter)
        return 0
    if args.child_load:
        child_load()
        return 0
    if args.child_read:
        child_read(args.child_read)
        return 0

    if not PD1998.exists():
        print(f"bench: skipped, the People's Daily 1998 corpus is not at {PD1998}")
        return 0
    try:
        import psutil  # noqa: F401
    except ImportError:
        print("bench: needs psutil to watch memory (pip install psutil)")
        return 2
    from pipeline.nlp.models import default_pkuseg_dir, is_pkuseg_model

    if not (os.environ.get("FAZHI_PKUSEG_MODEL") or is_pkuseg_model(default_pkuseg_dir())):
        print("bench: skipped, no pkuseg model (run `fazhi models fetch`)")
        return 0

    started = time.perf_counter()
    background = others_running()
    print(f"bench: building corpora under {WORK.relative_to(ROOT)}/", flush=True)
    corpora = build_corpora(args.chars, args.scale)
    small_dir, small_chars, small_docs = corpora["small"]
    large_dir, large_chars, large_docs = corpora["large"]
    print(f"  small: {small_docs} documents, {small_chars} characters; "
          f"large: {large_docs} documents, {large_chars} characters", flush=True)

    use_dask = not args.no_dask
    if use_dask:
        try:
            import distributed  # noqa: F401

            from pipeline.run import dask  # noqa: F401
        except ImportError as exc:
            print(f"  dask: skipped ({exc})")
            use_dask = False
    runs = WORK / "runs"
    rounds: dict[str, list[dict]] = {"seg": [], "fast": [], "load": [], "w1": [], "w2": [],
                                     "dask": []}
    # Interleaved rounds, keeping the best of each: other jobs on the machine only ever add time.
    for number in range(1, args.repeat + 1):
        print(f" round {number} of {args.repeat}", flush=True)
        seg = measure([sys.executable, __file__, "--child-segment", str(small_dir)], "segmentation")
        seg.update(json.loads(seg["stdout"].strip().splitlines()[-1]))
        rounds["seg"].append(seg)
        fast = measure([sys.executable, __file__, "--child-segment", str(small_dir),
                        "--segmenter", "fast"], "fazhi segmentation")
        fast.update(json.loads(fast["stdout"].strip().splitlines()[-1]))
        rounds["fast"].append(fast)
        load = measure([sys.executable, __file__, "--child-load"], "model load")
        load.update(json.loads(load["stdout"].strip().splitlines()[-1]))
        rounds["load"].append(load)
        rounds["w1"].append(fazhi_run(small_dir, runs / "w1", 1, "--workers 1"))
        rounds["w2"].append(fazhi_run(small_dir, runs / "w2", 2, "--workers 2"))
        if use_dask:
            rounds["dask"].append(fazhi_run(small_dir, runs / "dask", 2,
                                            "--engine dask (LocalCluster, 2 workers)", engine="dask"))
    seg = min(rounds["seg"], key=lambda r: r["seconds"])
    seg["cpu"] = min(r["cpu"] for r in rounds["seg"])
    fast = min(rounds["fast"], key=lambda r: r["seconds"])
    load = min(rounds["load"], key=lambda r: r["load"])
    load["load_cpu"] = min(r["load_cpu"] for r in rounds["load"])
    w1 = min(rounds["w1"], key=lambda r: r["process"])
    w1["cpu"] = min(r["cpu"] for r in rounds["w1"])
    w2 = min(rounds["w2"], key=lambda r: r["process"])
    dask = min(rounds["dask"], key=lambda r: r["process"]) if rounds["dask"] else None
    large = None if args.no_large else fazhi_run(large_dir, runs / "large", 2,
                                                 f"--workers 2 on the {args.scale}x corpus")
    articles = pd_articles()
    long_runs = [] if args.no_long else [
        (chars, fazhi_run(path, runs / f"long-{chars}", 1, f"one document of {chars:,} characters"))
        for chars, path in build_long_documents(articles)]
    web = None
    if not args.no_web:
        folder, warc = build_web_pages(articles)
        web = {}
        for name, path in (("HTML", folder), ("WARC", warc)):
            read = measure([sys.executable, __file__, "--child-read", str(path)], f"reading {name}")
            web[name] = json.loads(read["stdout"].strip().splitlines()[-1])

    seg_rate = seg["chars"] / seg["seconds"]
    r1 = w1["process"] / seg["seconds"]
    r1_cpu = w1["cpu"] / seg["cpu"] if w1.get("cpu") else float("nan")
    speedup = w1["process"] / w2["process"]
    lines = [
        f"### {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}, commit {commit()}",
        "",
        f"Machine: {machine()}. Also running at the start: {background}. CPU used by other "
        f"jobs during the segmentation run: {seg['others']:.2f} cores.",
        "Pipeline: full default (clean, split, sentences, tokenize, entities, metrics); "
        f"NER model {'shipped and run' if (ROOT / 'pipeline' / 'models' / 'ner' / 'meta.json').exists() else 'absent (rules only)'}.",
        f"Small corpus: {small_docs} documents, {small_chars:,} characters; large: {large_docs} documents, {large_chars:,} characters. "
        f"Timings: best of {args.repeat} interleaved rounds."
        + (f" Note: {args.note}" if args.note else ""),
        "",
        "| measure | value |",
        "| --- | --- |",
        f"| bare pkuseg segmentation (spacy-pkuseg, the floor) | {seg_rate:,.0f} chars/s ({seg['seconds']:.1f} s) |",
        f"| fazhi's segmenter, same words (`pipeline/nlp/segment.py`) | {fast['chars'] / fast['seconds']:,.0f} chars/s "
        f"({fast['seconds']:.1f} s, {seg['seconds'] / fast['seconds']:.1f}x the floor's speed; load {fast['load']:.2f} s) |",
        f"| `fazhi run --workers 1` | {small_chars / w1['process']:,.0f} chars/s ({w1['process']:.1f} s after load) |",
        f"| `fazhi run --workers 2` | {small_chars / w2['process']:,.0f} chars/s ({w2['process']:.1f} s after load) |",
        f"| **R1** = workers 1 / segmentation, wall time | **{r1:.2f}** (target <= 1.5) |",
        f"| **R1, CPU time** (less sensitive to the other jobs) | **{r1_cpu:.2f}** "
        f"({w1['cpu']:.1f} s of CPU in the shards against {seg['cpu']:.1f} s for segmentation) |",
        f"| **2-worker speed-up** | **{speedup:.2f}x** (target >= 1.8); other jobs used "
        f"{w1['others']:.2f} cores during that `--workers 1` run, {w2['others']:.2f} during that `--workers 2` run |",
        "| speed-up in each round | " + ", ".join(f"{a['process'] / b['process']:.2f}x (others {a['others']:.1f}/{b['others']:.1f} cores)"
                                        for a, b in zip(rounds["w1"], rounds["w2"])) + " |",
    ]
    if dask:
        lines.append(f"| `--engine dask`, 2-worker LocalCluster | {small_chars / dask['process']:,.0f} chars/s "
                     f"({dask['process']:.1f} s after load, {dask['wall']:.1f} s wall with cluster start); "
                     f"**{dask['process'] / w2['process']:.2f}x** the time of `--workers 2` (target <= 1.3) |")
    lines += [
        f"| model load (pkuseg + NER), warm cache | {load['load']:.2f} s wall, "
        f"{load['load_cpu']:.2f} s CPU (target < 3); in the `--workers 1` run: {w1['load']:.2f} s |",
        f"| pkuseg load alone | spacy-pkuseg {seg['load']:.2f} s; fazhi's segmenter {fast['load']:.2f} s |",
        f"| peak RSS, segmentation only | spacy-pkuseg {seg['rss'][0]} MB; fazhi's segmenter {fast['rss'][0]} MB |",
        f"| peak RSS, `--workers 1` | {w1['rss'][0]} MB |",
        f"| peak RSS per process, `--workers 2` small | driver {w2['rss'][0]} MB, workers {', '.join(map(str, w2['rss'][1:]))} MB |",
    ]
    if large:
        growth = max(l / s - 1 for l, s in zip(large["rss"], w2["rss"]))
        lines.append(f"| peak RSS per process, `--workers 2` {args.scale}x corpus | driver {large['rss'][0]} MB, "
                     f"workers {', '.join(map(str, large['rss'][1:]))} MB; largest growth **{growth:+.1%}** (target within 10%) |")
        lines.append(f"| {args.scale}x corpus throughput | {large_chars / large['process']:,.0f} chars/s |")
    for chars, result in long_runs:
        lines.append(f"| one document of {chars:,} characters, `--workers 1` | "
                     f"{result['process'] * 1e6 / chars:.1f} s per million characters "
                     f"({result['process']:.1f} s after load; peak RSS {max(result['rss'])} MB) |")
    if long_runs:
        per_char = [r["process"] / c for c, r in long_runs]
        lines.append(f"| time per character, largest / smallest document | **{max(per_char) / min(per_char):.2f}x** "
                     f"(flat is 1.0: time linear in the size of one document) |")
    if web:
        lines.append("| reading web pages into documents (no stages) | " + "; ".join(
            f"{name} {r['pages'] / r['seconds']:,.0f} pages/s ({r['pages']} pages, {r['seconds']:.1f} s)"
            for name, r in web.items()) + " |")
    lines += [
        f"| fork sharing, `--workers 2` | sum of RSS {w2['total_rss']} MB, sum of PSS {w2['total_pss']} MB: "
        f"**{w2['saved']} MB saved** |",
        "",
        f"Entity tagging against segmentation alone: the entities stage took "
        f"{w1['stage_seconds'].get('entities', float('nan')):.1f} s, "
        f"**{w1['stage_seconds'].get('entities', float('nan')) / seg['seconds']:.2f}x** the floor's segmentation time "
        f"(issue 5's budget: 0.25x).",
        "",
        count_once_line(w1, w2),
        "",
        "Stage seconds, `--workers 1`: " + ", ".join(f"{k} {v:.1f}" for k, v in sorted(
            w1["stage_seconds"].items(), key=lambda kv: -kv[1])),
        f"Benchmark wall time: {time.perf_counter() - started:.0f} s.",
        "",
    ]
    table = "\n".join(lines)
    print()
    print(table)
    if not args.no_record:
        if not RESULTS.exists():
            RESULTS.write_text("# Benchmark results\n\nAppended by `make bench` (bench/run.py), newest last. "
                               "Ratios are measured within one run; absolute rates depend on what "
                               "else the machine was doing.\n\n", encoding="utf-8")
        with open(RESULTS, "a", encoding="utf-8") as handle:
            handle.write(table + "\n")
        print(f"appended to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
