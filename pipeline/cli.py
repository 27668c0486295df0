"""fazhi's command line: a thin shell over the library API (``pipeline.runner.run`` etc.).

Exit codes: 0 the run completed (quarantined records included, unless --strict); 1 --strict
and something was quarantined; 2 a user mistake (missing path, bad option, no model offline,
an --out fazhi does not own, a read-only or full disk); 130 Ctrl-C; 143 SIGTERM. Each failure
prints one line, never a traceback.
"""

from __future__ import annotations

import signal
import sys
from datetime import date
from pathlib import Path

import click

from .errors import Terminated, UserError

EXIT_QUARANTINED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_TERMINATED = 1, 2, 130, 143


def _fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(EXIT_USAGE)


def _parse_date(ctx, param, value):
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    try:
        year, month, day = (int(part) for part in value.split("-"))
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None
    try:
        date(year, month, day)
    except ValueError as exc:  # 2021-02-29: the form is right, the day does not exist
        raise click.BadParameter(f"{value!r} is not a calendar date ({exc})") from None
    raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="fazhi", prog_name="fazhi")
def cli():
    """fazhi: Chinese legal and public-security news to validated Parquet tables.

    Example: fazhi run seeds/ --out outputs/
    """


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option("--out", "out", default="outputs", show_default=True, type=click.Path(path_type=Path),
              help="Directory for the Parquet tables and run.json.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 256),
              help="Worker processes (the models are loaded once and shared).")
@click.option("--date", "published", callback=_parse_date, metavar="YYYY-MM-DD",
              help="Publication date for inputs that carry none (anchors 今年以来 etc.).")
@click.option("--strict", is_flag=True, help="Exit 1 when anything was quarantined.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary line.")
@click.option("--pkuseg-model", type=click.Path(path_type=Path), envvar="FAZHI_PKUSEG_MODEL",
              help="A pkuseg model directory to use instead of the cached one.")
@click.option("--resume", is_flag=True,
              help="Continue an interrupted run into the same --out, skipping finished shards.")
@click.option("--force", is_flag=True,
              help="Write into an --out holding table folders fazhi did not create (they are "
                   "moved aside, never deleted).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: a process pool on this machine; dask: a Dask cluster (fazhi[dask]).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler address (tcp://host:8786); without it, a LocalCluster of --workers.")
def run(inputs, out, workers, published, strict, quiet, pkuseg_model, resume, force, engine,
        scheduler):
    """Process text and JSONL files (default: seeds/) into Parquet tables (default: outputs/).

    Example: fazhi run seeds/ more/pages.jsonl --out outputs/ --workers 2 --date 2021-11-01

    An interrupted run continues with --resume; --engine dask --scheduler tcp://host:8786
    runs the same work on a Dask cluster. The tables appear in --out all at once when the run
    is complete; fazhi refuses an --out holding table folders it did not write (--force).
    """
    if scheduler and engine != "dask":
        _fail("--scheduler needs --engine dask")
    from .run.driver import run as run_pipeline

    inputs = list(inputs) or [Path("seeds")]
    say = (lambda m: click.echo(m, err=True))
    previous = signal.signal(signal.SIGTERM, _terminate)
    try:
        with _progress(quiet) as advance:
            summary = run_pipeline(inputs, out, workers=workers, published=published,
                                   pkuseg_model=pkuseg_model, say=say, progress=advance,
                                   resume=resume, engine=engine, scheduler=scheduler, force=force,
                                   options={"workers": workers, "date": published,
                                            "strict": strict, "out": str(out),
                                            "engine": engine, "resume": resume})
    except UserError as exc:
        _fail(str(exc))
    except (KeyboardInterrupt, Terminated) as exc:
        code = EXIT_INTERRUPTED if isinstance(exc, KeyboardInterrupt) else EXIT_TERMINATED
        click.echo(f"Interrupted: nothing in {out} changed; the finished shards are kept in "
                   f"{out}/.staging: run the same command with --resume to continue.", err=True)
        sys.exit(code)
    finally:
        signal.signal(signal.SIGTERM, previous)
    rows = summary.rows
    skipped = summary.counts.get("read.skipped", 0)
    quarantined = rows["quarantine"] - skipped
    if not quiet:
        click.echo(
            f"{rows['documents']} documents, {rows['articles']} articles, "
            f"{rows['sentences']} sentences, {rows['entities']} entities, "
            f"{rows['metrics']} metrics, {quarantined} quarantined"
            + (f" ({skipped} skipped: not inputs)" if skipped else "") + f" -> {out}/")
    if strict and quarantined:
        sys.exit(EXIT_QUARANTINED)


def _terminate(signum, frame):
    raise Terminated()


class _progress:
    """A rich progress bar on a terminal (input bytes done of the total, rate, ETA, documents)."""

    def __init__(self, quiet: bool) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.bar = None
        self.documents = 0

    def __enter__(self):
        if not self.enabled:
            return lambda result: None
        from rich.progress import (BarColumn, DownloadColumn, Progress, TextColumn,
                                   TimeRemainingColumn, TransferSpeedColumn)

        self.bar = Progress(TextColumn("processing"), BarColumn(), DownloadColumn(),
                            TransferSpeedColumn(), TimeRemainingColumn(),
                            TextColumn("{task.fields[documents]} documents"), transient=True)
        self.bar.start()
        task = self.bar.add_task("input", total=None, documents=0)

        def advance(result: dict) -> None:
            if "total" in result:
                self.bar.update(task, total=result["total"])
            self.documents += result.get("items", 0)
            self.bar.update(task, advance=result.get("size", 0), documents=self.documents)

        return advance

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False


@cli.group()
def models():
    """Fetch and locate the models fazhi uses.

    Example: fazhi models fetch
    """


@models.command("fetch")
@click.option("--wheel", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Use a pkuseg-0.0.25 wheel already on disk instead of downloading it.")
def models_fetch(wheel):
    """Download the pkuseg segmentation model through pip into the cache and print where.

    Also compiles the model's tables for fazhi's fast segmenter (once, about 15 seconds).

    Example: fazhi models fetch
    """
    from .nlp.models import default_pkuseg_dir, fetch_pkuseg_model, is_pkuseg_model
    from .nlp.segment import load_segmenter

    target = default_pkuseg_dir()
    if is_pkuseg_model(target) and wheel is None:
        click.echo(f"pkuseg model already in the cache: {target}")
    else:
        try:
            target = fetch_pkuseg_model(target, wheel=wheel)
        except UserError as exc:
            _fail(str(exc))
        click.echo(f"pkuseg model ready: {target}")
    click.echo(f"segmentation tables ready: {load_segmenter(target).path}")


@models.command("where")
def models_where():
    """Print where the pkuseg model and the NER components are.

    Example: fazhi models where
    """
    from .nlp.models import default_pkuseg_dir, is_pkuseg_model
    from .ner.load import NER_DIR, has_ner_model

    pk = default_pkuseg_dir()
    click.echo(f"pkuseg: {pk} ({'present' if is_pkuseg_model(pk) else 'missing: run fazhi models fetch'})")
    click.echo(f"ner:    {NER_DIR} ({'present' if has_ner_model(NER_DIR) else 'missing'})")


@cli.group()
def train():
    """Train fazhi's own models from public corpora.

    Example: fazhi train ner --corpora ../shared/corpora --minutes 60
    """


@train.command("ner")
@click.option("--corpora", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder holding pd1998/, msra/, pd_ner/, cluener/ (see the README).")
@click.option("--out", default=None, type=click.Path(path_type=Path),
              help="Where to save the components (default: pipeline/models/ner).")
@click.option("--minutes", type=float, default=None, help="Stop training after this many minutes.")
def train_ner_command(corpora, out, minutes):
    """Train the NER components (PERSON ORG GPE LOC) on pkuseg words and print the test scores.

    Example: fazhi train ner --corpora ../shared/corpora --minutes 60
    """
    from .ner.load import NER_DIR
    from .training import train_ner

    try:
        scores = train_ner(corpora, out or NER_DIR, minutes=minutes,
                           say=lambda m: click.echo(m, err=True))
    except UserError as exc:
        _fail(str(exc))
    _print_scores(scores)


@cli.group()
def evaluate():
    """Measure fazhi against annotated data (entities or metrics).

    Example: fazhi evaluate metrics --gold tests/gold/metrics_seed.jsonl seeds/
    """


@evaluate.command("metrics")
@click.option("--gold", "gold", required=True, multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold JSONL file(s) (format in tests/gold/README.md).")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--details", is_flag=True, help="List false positives, misses and wrong attributes.")
@click.option("--part", type=click.Choice(["dev", "held_out"]), default=None,
              help="Score only the development or the held-out documents of the gold.")
def evaluate_metrics_command(gold, inputs, as_json, details, part):
    """Print precision, recall and attribute accuracy of the metric extractor on gold data.

    Example: fazhi evaluate metrics --gold tests/gold/metrics_seed.jsonl seeds/
    """
    from .evaluation.metrics import evaluate_metrics
    from .run.pipeline import Pipeline

    try:
        pipeline = Pipeline.load(say=lambda m: click.echo(m, err=True))
        scores = evaluate_metrics(list(gold), inputs, pipeline, details=details, part=part)
    except UserError as exc:
        _fail(str(exc))
    _print_scores(scores, as_json)


@evaluate.command("articles")
@click.option("--gold", "gold", required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold JSONL, one page a line (format in pipeline/evaluation/articles.py).")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--details", is_flag=True, help="List every wrong, missed or extra article.")
def evaluate_articles_command(gold, inputs, as_json, details):
    """Print how well pages are split into articles: precision, recall, pages right, dates.

    Example: fazhi evaluate articles --gold tests/fixtures/pages.gold.jsonl tests/fixtures/pages
    """
    from .evaluation.articles import evaluate_articles

    try:
        scores = evaluate_articles(gold, inputs, details=details)
    except UserError as exc:
        _fail(str(exc))
    _print_scores(scores, as_json)


@evaluate.command("facts")
@click.option("--gold", "gold", required=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Hand marks, one page a line (format in docs/facts.md).")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--date", "published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Publication date for inputs that carry none.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--details", is_flag=True,
              help="List every missed or wrong pair, part, conflict, cross-document pair and sum difference.")
def evaluate_facts_command(gold, inputs, published, as_json, details):
    """Run fazhi on INPUTS and score its count-once links against hand marks: same-statistic
    pairs, republished pairs, parts, conflicts and cross-document pairs; and the sums of money,
    cases and suspects (naive rows, fazhi facts, the hand count; overall and per place).

    Example: fazhi evaluate facts --gold tests/fixtures/facts/.gold.jsonl tests/fixtures/facts --date 2022-11-08 --details
    """
    import tempfile

    from .evaluation.facts import format_details, read_gold, score_run
    from .run.driver import run

    try:
        with tempfile.TemporaryDirectory() as tmp:
            run(inputs, Path(tmp) / "out", published=published.date() if published else None,
                say=lambda m: click.echo(m, err=True))
            scores = score_run(read_gold(gold), Path(tmp) / "out", details=details)
    except UserError as exc:
        _fail(str(exc))
    listed = scores.pop("details", None) if not as_json else None
    _print_scores(scores, as_json)
    if listed is not None:
        click.echo(format_details(listed))


@evaluate.command("ner")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["bio", "cluener", "jsonl"]), default="bio",
              show_default=True, help="bio: char-per-line BIO (MSRA, pd_ner); cluener; jsonl (fazhi's).")
@click.option("--limit", type=int, default=None, help="Evaluate only the first N sentences.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate_ner_command(path, fmt, limit, as_json):
    """Print precision, recall and F1 per label of the entity stage, run through the pipeline.

    Example: fazhi evaluate ner ../shared/corpora/msra/msra_test_bio.txt --format bio
    """
    from .evaluation.ner import evaluate_ner
    from .run.pipeline import Pipeline

    try:
        pipeline = Pipeline.load(say=lambda m: click.echo(m, err=True))
        scores = evaluate_ner(path, fmt, pipeline, limit=limit)
    except UserError as exc:
        _fail(str(exc))
    _print_scores(scores, as_json)


def _print_scores(scores: dict, as_json: bool = False) -> None:
    import json

    if as_json:
        click.echo(json.dumps(scores, ensure_ascii=False, indent=2, default=str))
        return
    if isinstance(scores, dict) and isinstance(scores.get("text"), str):
        click.echo(scores["text"])
        return

    def show(value, indent=0):
        pad = "  " * indent
        for key, item in value.items():
            if isinstance(item, dict):
                click.echo(f"{pad}{key}:")
                show(item, indent + 1)
            elif isinstance(item, float):
                click.echo(f"{pad}{key}: {item:.4f}")
            elif isinstance(item, list):
                click.echo(f"{pad}{key}: {len(item)} items")
            else:
                click.echo(f"{pad}{key}: {item}")

    show(scores)


@cli.command()
@click.argument("outputs", default="outputs", type=click.Path(path_type=Path))
@click.option("--out", "dest", type=click.Path(dir_okay=False, path_type=Path),
              help="HTML file to write  [default: OUTPUTS/report.html]")
@click.option("--title", help="Page title  [default: fazhi report · OUTPUTS]")
def report(outputs, dest, title):
    """Write one self-contained HTML file to review a run: totals, charts, highlighted articles.

    Example: fazhi report outputs/ --out outputs/report.html
    """
    from .review.report import write_report

    try:
        stats = write_report(outputs, dest, title=title)
    except UserError as exc:
        _fail(str(exc))
    documents = f"{stats.documents} document{'s' if stats.documents != 1 else ''}"
    click.echo(f"{stats.path}: {stats.articles} articles from {documents}, "
               f"{stats.highlighted['entity']} entities and {stats.highlighted['metric']} metrics "
               f"highlighted, {stats.quarantined} quarantined ({stats.bytes // 1024} KB)")
    if stats.mismatched or stats.unplaced:
        click.echo(f"warning: {stats.mismatched} spans whose text differs from raw_text[start:end], "
                   f"{stats.unplaced} outside their article (marked in the report)", err=True)


@cli.command("inspect")
@click.argument("outputs", default="outputs", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON, for scripts.")
@click.option("--top", default=10, show_default=True, type=click.IntRange(1, 10000),
              help="How many places, organs and money places to list.")
def inspect_command(outputs, as_json, top):
    """Summarise a run: rows per table, metrics by category with sums, places, organs, quarantine, models.

    Example: fazhi inspect outputs/ --json
    """
    from .review.summary import render, summarize

    try:
        summary = summarize(outputs, top=top)
    except UserError as exc:
        _fail(str(exc))
    if as_json:
        import json

        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        render(summary)


@cli.command()
@click.argument("tables", nargs=-1, metavar="[TABLE]...", type=click.Choice(
    ["documents", "articles", "sentences", "entities", "metrics", "quarantine"]))
@click.option("--json-schema", "json_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write <table>.schema.json (JSON Schema) for every table into this directory.")
@click.option("--markdown", is_flag=True, help="Print a Markdown data dictionary instead.")
@click.option("--json", "as_json", is_flag=True, help="Print the column docs as JSON.")
@click.option("--examples", "examples_from", type=click.Path(path_type=Path), metavar="OUTPUTS",
              help="Add an example value per column, taken from the run in OUTPUTS.")
def schema(tables, json_dir, markdown, as_json, examples_from):
    """Print every table's columns with type, nullability and meaning (from schemas/records.py).

    Example: fazhi schema metrics --examples outputs/
    """
    from schemas import describe

    example = None
    if examples_from is not None:
        try:
            example = describe.examples(examples_from, tables or None)
        except FileNotFoundError as exc:
            _fail(f"{exc} (make one with: fazhi run seeds/ --out {examples_from})")
    if json_dir is not None:
        for path in describe.write_json_schemas(json_dir):
            click.echo(f"wrote {path}")
    elif markdown:
        click.echo(describe.markdown(tables or None, example), nl=False)
    elif as_json:
        import json

        docs = describe.describe(example)
        docs = {name: docs[name] for name in (tables or docs)}
        click.echo(json.dumps(docs, ensure_ascii=False, indent=2))
    else:
        describe.render(tables or None, example=example)


def main() -> None:
    cli(prog_name="fazhi")


if __name__ == "__main__":
    main()
