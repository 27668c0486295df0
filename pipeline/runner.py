"""The runner: a pipeline is a list of stages; the runner owns batching, errors, counts, output.

``Pipeline.process`` runs the stages over one Document; ``Pipeline.records`` turns the
annotated Document into validated table rows; ``run`` cuts the inputs into shards
(``pipeline.shards``) that a process pool (forked after the models are loaded, so they are
shared copy-on-write) or a Dask cluster (``pipeline.engine_dask``) turns into part files in a
staging directory, which replaces the previous outputs only when the run is complete; an
interrupted run continues with ``resume=True``.
"""

from __future__ import annotations

import json
import os
import platform
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterable

from pydantic import TypeAdapter, ValidationError

from schemas.records import TABLES

from . import __version__, errors
from .clean import Cleaner
from .document import Document, content_id
from .errors import InputError
from .io import Rejected, commit_outputs
from .split import ArticleSplitter, SentenceSplitter

DOC_STAGES = ("clean", "split", "sentences", "tokenize", "entities", "metrics")
EXCERPT = 200


class Tokenizer:
    """Segment every sentence with pkuseg into a spaCy Doc (``SentenceSpan.doc``)."""

    name = "tokenize"

    def __init__(self, nlp) -> None:
        self.tokenizer = nlp.tokenizer

    def prepare(self, docs: list[Document]) -> None:
        """Segment the sentences of ``docs`` not segmented yet, in one batch where the
        tokenizer has ``pipe`` (fazhi's segmenter)."""
        todo = [(doc, s) for doc in docs for s in doc.sentences if s.doc is None]
        texts = [doc.clean[s.start:s.end] for doc, s in todo]
        pipe = getattr(self.tokenizer, "pipe", None)
        sdocs = pipe(texts) if pipe is not None else map(self.tokenizer, texts)
        for (_, sentence), sdoc in zip(todo, sdocs):
            sentence.doc = sdoc

    def __call__(self, doc: Document) -> Document:
        self.prepare([doc])  # a no-op for the sentences a batch ``prepare`` already did
        return doc


def default_stages(nlp) -> list:
    from .entities import EntityTagger
    from .metrics import MetricExtractor

    tagger = EntityTagger(nlp)
    # One gazetteer for both stages (the metrics stage would otherwise build its own).
    return [Cleaner(), ArticleSplitter(), SentenceSplitter(), Tokenizer(nlp),
            tagger, MetricExtractor(gazetteer=tagger.rules.gaz)]


@dataclass
class Result:
    """What processing one input gives: rows per table, quarantine rows, per-stage counts."""

    rows: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))
    counts: Counter = field(default_factory=Counter)  # "<stage>.in" / ".out" / ".quarantined"
    seconds: Counter = field(default_factory=Counter)

    def merge(self, other: "Result") -> None:
        for table, rows in other.rows.items():
            self.rows[table].extend(rows)
        self.counts.update(other.counts)
        self.seconds.update(other.seconds)


class Pipeline:
    """Stages over Documents; heavy objects (``nlp``) are built once and injected."""

    def __init__(self, nlp, stages: list | None = None) -> None:
        self.nlp = nlp
        self.stages = stages if stages is not None else default_stages(nlp)
        self._adapters = {name: TypeAdapter(list[model]) for name, model in TABLES.items()}

    @classmethod
    def load(cls, pkuseg_model: str | os.PathLike | None = None, *, with_ner: bool = True,
             say: Callable[[str], None] | None = None) -> "Pipeline":
        from .tokenize import load_nlp

        pipeline = cls(load_nlp(pkuseg_model, with_ner=with_ner, say=say))
        pipeline.warm()
        return pipeline

    WARM_TEXT = ("镇江市公安局今年以来破获电信网络诈骗案件760起，抓获犯罪嫌疑人1134人，同比下降21%。\n\n"
                 "本报记者 张某某")

    def warm(self) -> None:
        """Run one short document through every stage and the Parquet writer's first use.

        What the stages build on first use (caches, the writer's imports) is then built once,
        before the worker processes are forked, instead of once in every worker.
        """
        import pyarrow as pa

        from .io import document_from_text
        from schemas.arrow import SCHEMAS

        if getattr(self, "_warm", False):
            return
        self.handle_many([document_from_text(self.WARM_TEXT, "<warm-up>")])
        pa.Table.from_pylist([], schema=SCHEMAS["quarantine"])
        self._warm = True

    def process(self, doc: Document, seconds: Counter | None = None) -> Document:
        """Run every stage over ``doc``; an InputError from a stage propagates."""
        for stage in self.stages:
            started = time.perf_counter()
            doc = stage(doc)
            if seconds is not None:
                seconds[stage.name] += time.perf_counter() - started
        return doc

    def handle(self, item: Document | Rejected) -> Result:
        """Process one input into table rows, quarantining what fails. Never raises InputError."""
        return self.handle_many([item])[0]

    def handle_many(self, items: list[Document | Rejected]) -> list[Result]:
        """``handle`` for each of ``items``, stage by stage over the batch.

        A stage with a ``prepare(docs)`` method (the tokenizer, the NER model) first does its
        heavy part for every document still in the batch at once; if that fails, each
        document runs the stage alone, so a bad document is still quarantined alone. Results
        are the same as one document at a time.
        """
        results = [Result() for _ in items]
        docs: dict[int, Document] = {}
        for k, item in enumerate(items):
            result = results[k]
            result.counts["read.in"] += 1
            if isinstance(item, Rejected):
                result.counts["read.quarantined"] += 1
                result.rows["quarantine"].append(dict(
                    source=item.source, doc_id=None, stage="read", reason=item.reason,
                    message=item.message, excerpt=item.excerpt[:EXCERPT]))
            else:
                result.counts["read.out"] += 1
                docs[k] = item
        for stage in self.stages:
            prepare = getattr(stage, "prepare", None)
            if prepare is not None and len(docs) > 1:
                started = time.perf_counter()
                try:
                    prepare(list(docs.values()))
                except Exception:  # each document runs the stage on its own below
                    pass
                share = (time.perf_counter() - started) / len(docs)
                for k in docs:
                    results[k].seconds[stage.name] += share
            for k, doc in list(docs.items()):
                result = results[k]
                result.counts[f"{stage.name}.in"] += 1
                started = time.perf_counter()
                try:
                    docs[k] = stage(doc)
                except InputError as exc:
                    self._quarantine_doc(result, doc, stage.name, exc.reason, exc.message)
                    del docs[k]
                    continue
                except Exception as exc:  # one bad document never kills the run
                    self._quarantine_doc(result, doc, stage.name, errors.STAGE_FAILED,
                                         f"{type(exc).__name__}: {exc}")
                    del docs[k]
                    continue
                finally:
                    result.seconds[stage.name] += time.perf_counter() - started
                result.counts[f"{stage.name}.out"] += 1
        for k, doc in docs.items():
            started = time.perf_counter()
            self._records(doc, results[k])
            results[k].seconds["validate"] += time.perf_counter() - started
        return results

    @staticmethod
    def _quarantine_doc(result: Result, doc: Document, stage: str, reason: str, message: str):
        result.counts[f"{stage}.quarantined"] += 1
        result.rows["quarantine"].append(dict(
            source=doc.source, doc_id=doc.doc_id, stage=stage, reason=reason,
            message=message[:1000], excerpt=doc.raw[:EXCERPT]))

    def records(self, doc: Document) -> dict[str, list[dict]]:
        """Return the validated rows of every table for an annotated Document."""
        result = Result()
        self._records(doc, result)
        return result.rows

    def _records(self, doc: Document, result: Result) -> None:
        rows = build_rows(doc)
        for reject in doc.rejects:
            result.rows["quarantine"].append(dict(
                source=doc.source, doc_id=doc.doc_id, stage=reject.stage, reason=reject.reason,
                message=reject.message, excerpt=reject.excerpt[:EXCERPT]))
            result.counts[f"{reject.stage}.records_quarantined"] += 1
        for table in ("documents", "articles", "sentences", "entities", "metrics"):
            valid = self._validate(table, rows[table], doc, result)
            result.rows[table].extend(valid)

    def _validate(self, table: str, rows: list[dict], doc: Document, result: Result) -> list[dict]:
        result.counts["validate.in"] += len(rows)
        try:
            self._adapters[table].validate_python(rows)
            result.counts["validate.out"] += len(rows)
            return rows
        except ValidationError:
            pass
        model = TABLES[table]
        good = []
        for row in rows:
            try:
                model.model_validate(row)
                good.append(row)
                result.counts["validate.out"] += 1
            except ValidationError as exc:
                result.counts["validate.quarantined"] += 1
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                result.rows["quarantine"].append(dict(
                    source=doc.source, doc_id=doc.doc_id, stage="validate",
                    reason=errors.INVALID_RECORD,
                    message=f"{table} record: {where}: {first['msg']}",
                    excerpt=str(row.get("text", ""))[:EXCERPT]))
        return good


def build_rows(doc: Document) -> dict[str, list[dict]]:
    """Turn an annotated Document into plain row dicts, offsets in raw coordinates."""
    rows: dict[str, list[dict]] = {"documents": [], "articles": [], "sentences": [],
                                   "entities": [], "metrics": []}
    raw = doc.raw
    rows["documents"].append(dict(
        doc_id=doc.doc_id, source=doc.source, raw_text=raw, clean_text=doc.clean,
        encoding=doc.encoding, published=doc.published, n_articles=len(doc.articles)))
    article_ids = []
    for article in doc.articles:
        segments = [doc.raw_span(s, e) for s, e in article.segments]
        article_id = content_id(doc.doc_id, "article", segments)
        article_ids.append(article_id)
        rows["articles"].append(dict(
            article_id=article_id, doc_id=doc.doc_id, index=article.index, title=article.title,
            kicker=article.kicker, subtitle=article.subtitle,
            authors=[{"name": a.name, "role": a.role} for a in article.authors],
            dateline=article.dateline, start=segments[0][0], end=segments[-1][1],
            segments=[{"start": s, "end": e} for s, e in segments], truncated=article.truncated,
            text="\n\n".join(raw[s:e] for s, e in segments)))
    sentence_ids = []
    for sentence in doc.sentences:
        start, end = doc.raw_span(sentence.start, sentence.end)
        sentence_id = content_id(doc.doc_id, "sentence", start, end)
        sentence_ids.append(sentence_id)
        rows["sentences"].append(dict(
            sentence_id=sentence_id, doc_id=doc.doc_id,
            article_id=article_ids[sentence.article], paragraph=sentence.paragraph,
            index=sentence.index, start=start, end=end, text=raw[start:end],
            tokens=sentence.tokens))
    for entity in doc.entities:
        start, end = doc.raw_span(entity.start, entity.end)
        sentence = doc.sentences[entity.sentence]
        rows["entities"].append(dict(
            entity_id=content_id(doc.doc_id, "entity", start, end, entity.label),
            doc_id=doc.doc_id, article_id=article_ids[sentence.article],
            sentence_id=sentence_ids[entity.sentence], text=raw[start:end], start=start,
            end=end, label=entity.label, normalized=entity.normalized, source=entity.source))
    for metric in doc.metrics:
        start, end = doc.raw_span(metric.start, metric.end)
        sentence = doc.sentences[metric.sentence]
        fields = dict(metric.fields)
        rows["metrics"].append(dict(
            metric_id=content_id(doc.doc_id, "metric", start, end, fields.get("unit"),
                                 fields.get("value")),
            doc_id=doc.doc_id, article_id=article_ids[sentence.article],
            sentence_id=sentence_ids[metric.sentence], text=raw[start:end], start=start,
            end=end, **fields))
    return rows


# --- running over many inputs -------------------------------------------------------------

@dataclass
class RunSummary:
    out: Path
    counts: Counter
    rows: dict[str, int]
    seconds: dict[str, float]
    run_info: dict[str, Any]

    @property
    def quarantined(self) -> int:
        return self.rows.get("quarantine", 0)


def run(inputs: Iterable[str | os.PathLike], out: str | os.PathLike, *,
        pipeline: Pipeline | None = None, pkuseg_model=None, workers: int = 1,
        published: date | None = None, say: Callable[[str], None] | None = None,
        progress: Callable[[int], None] | None = None, options: dict | None = None,
        resume: bool = False, engine: str = "local", scheduler: str | None = None,
        spec=None, shard_bytes: int | None = None) -> RunSummary:
    """Process ``inputs`` into Parquet tables under ``out``; return the run's summary.

    The inputs are cut into shards (``pipeline.shards``) whose part files and manifest go to
    ``out/.staging``; ``resume=True`` skips the shards an interrupted run finished there.
    ``engine="dask"`` runs the shards on a Dask cluster (``scheduler``, else a LocalCluster
    of ``workers`` processes) whose workers build their pipeline from ``spec``.
    """
    from . import shards as sharding

    started = time.perf_counter()
    inputs = [str(p) for p in inputs]
    from .io import iter_input_files

    n_files = sum(1 for _ in iter_input_files(inputs))  # raises UserError on a missing path
    if engine not in ("local", "dask"):
        raise errors.UserError(f"unknown engine {engine!r}: use local or dask")
    plan = sharding.plan_shards(inputs, shard_bytes)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    staging = out / sharding.STAGING
    if engine == "dask":
        if spec is None:
            spec = getattr(pipeline, "spec", None) or sharding.PipelineSpec(
                str(pkuseg_model) if pkuseg_model else None)
        stages = spec.stage_names()
    else:
        load_started = time.perf_counter()
        if pipeline is None:
            pipeline = Pipeline.load(pkuseg_model, say=say)
        load_seconds = time.perf_counter() - load_started
        stages = [stage.name for stage in pipeline.stages]
    key = sharding.fingerprint(plan, {"published": published, "stages": stages})
    manifest = sharding.Manifest(staging, key, len(plan), resume=resume, say=say)
    # Biggest first, so that the run does not end waiting on one big shard (output order is
    # set by the part names, not by the order of processing).
    todo = sorted((shard for shard in plan if shard.index not in manifest.done),
                  key=lambda shard: -shard.size)
    try:
        if engine == "dask":
            from .engine_dask import run_dask

            load_seconds = run_dask(todo, staging, spec, manifest, workers=workers,
                                    scheduler=scheduler, published=published, say=say,
                                    progress=progress)
        else:
            sharding.run_local(todo, staging, pipeline, workers, manifest, published=published,
                               progress=progress)
    finally:
        manifest.close()
    results = [manifest.done[index] for index in sorted(manifest.done)]
    sharding.finish_tables(staging)
    totals = Result()
    totals.counts, totals.seconds, rows = sharding.merge_results(results)
    totals.counts["write.in"] = sum(rows.values())
    totals.counts["write.out"] = sum(rows.values())
    models = results[0]["models"] if results else (
        sharding.models_of(pipeline) if pipeline is not None else {})
    run_info = _run_info(pipeline, inputs, n_files, totals, rows, options or {},
                         load_seconds, time.perf_counter() - started, models=models)
    run_info["shards"] = {"total": len(plan), "resumed": len(plan) - len(todo),
                          "cpu_seconds": round(sum(r.get("cpu", 0) for r in results), 3)}
    (staging / "run.json").write_text(json.dumps(run_info, ensure_ascii=False, indent=2,
                                                 default=str), encoding="utf-8")
    (staging / sharding.MANIFEST).unlink(missing_ok=True)
    commit_outputs(staging, out, list(TABLES) + ["run.json"])
    return RunSummary(out, totals.counts, rows, dict(totals.seconds), run_info)


def stage_counts(counts: Counter) -> dict[str, dict[str, int]]:
    """Return {stage: {"in", "out", "quarantined"}} from the flat counter."""
    stages: dict[str, dict[str, int]] = {}
    for key, value in counts.items():
        stage, _, what = key.partition(".")
        stages.setdefault(stage, {"in": 0, "out": 0, "quarantined": 0})
        if what in ("in", "out", "quarantined"):
            stages[stage][what] += value
        else:
            stages[stage][what] = stages[stage].get(what, 0) + value
    return stages


def _run_info(pipeline: Pipeline | None, inputs, n_files, totals: Result, rows, options,
              load_seconds, wall, models: dict | None = None) -> dict:
    import pyarrow
    import pydantic
    import spacy

    try:
        from importlib.metadata import version
        pkuseg_version = version("spacy-pkuseg")
    except Exception:  # pragma: no cover - metadata missing in odd installs
        pkuseg_version = None
    if models is None:  # the Dask engine passes what its workers loaded
        from .shards import models_of

        models = models_of(pipeline)
    return {
        "fazhi": __version__,
        "versions": {"fazhi": __version__, "spacy": spacy.__version__,
                     "spacy_pkuseg": pkuseg_version, "pydantic": pydantic.__version__,
                     "pyarrow": pyarrow.__version__, "python": platform.python_version()},
        "models": models,
        "options": options,
        "inputs": inputs,
        "input_files": n_files,
        "stages": stage_counts(totals.counts),
        "rows": rows,
        "timings": {"load_seconds": round(load_seconds, 3), "wall_seconds": round(wall, 3),
                    "stage_seconds": {k: round(v, 3) for k, v in totals.seconds.items()}},
    }
