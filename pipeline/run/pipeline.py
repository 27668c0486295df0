"""A pipeline is a list of stages; ``Pipeline`` owns batching, errors, counts and validation.

``Pipeline.process`` runs the stages over one Document; ``Pipeline.records`` turns the
annotated Document into validated table rows. ``PipelineSpec`` is how a worker process builds
the same pipeline (a task ships the spec, never a pickled ``nlp``).
"""

from __future__ import annotations

import gc
import os
import signal
import threading
import time
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from pydantic import TypeAdapter, ValidationError

from schemas.records import TABLES

from .. import errors
from ..document import Document
from ..errors import InputError
from ..io import Rejected
from ..stages.clean import Cleaner
from ..stages.split import ArticleSplitter, SentenceSplitter
from ..stages.tokenize import Tokenizer
from .records import build_rows, quarantine_row

DOC_SECONDS = 120  # a document's time budget per stage (docs/reliability.md)
DOC_STAGES = ("clean", "split", "sentences", "tokenize", "entities", "metrics")


class StageTimeout(BaseException):
    """A document ran out of its time budget (a BaseException: stages do not catch it)."""


@contextmanager
def time_budget(seconds: float):
    """Raise StageTimeout in the block after ``seconds`` (in a main thread; else no limit).

    Dask runs tasks in threads, where signals cannot reach: there, the budget does not apply.
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise StageTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    started = time.monotonic()
    outer, interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:  # a timer of the caller's was running: it goes on
            left = max(outer - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, interval)


def default_stages(nlp) -> list:
    from ..stages.entities import EntityTagger
    from ..stages.metrics import MetricExtractor

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
        from ..ner.load import load_nlp

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

        from schemas.arrow import SCHEMAS

        from ..io import document_from_text

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
        heavy part for every document still in the batch at once; if that fails, the failure
        is counted (``<stage>.batch_failed``) and each document runs the stage alone, so a bad
        document is still quarantined alone. Results are the same as one document at a time.
        Exceptions follow the rule in ``pipeline.errors``.
        """
        results = [Result() for _ in items]
        docs: dict[int, Document] = {}
        for k, item in enumerate(items):
            result = results[k]
            result.counts["read.in"] += 1
            if isinstance(item, Rejected):
                result.counts["read.quarantined"] += 1
                if item.reason == errors.SKIPPED:  # listed, not a failure (--strict ignores it)
                    result.counts["read.skipped"] += 1
                result.rows["quarantine"].append(quarantine_row(
                    item.source, None, "read", item.reason, item.message, item.excerpt))
            else:
                result.counts["read.out"] += 1
                docs[k] = item
        for stage in self.stages:
            self._prepare(stage, docs, results)
            for k, doc in list(docs.items()):
                done = self._run_stage(stage, doc, results[k])
                if done is None:
                    del docs[k]
                else:
                    docs[k] = done
        for k, doc in docs.items():
            started = time.perf_counter()
            try:
                self._records(doc, results[k])
            except Exception as exc:  # errors.py: quarantined with the type and message
                results[k].rows.update({t: [] for t in TABLES if t != "quarantine"})
                self._quarantine_doc(results[k], doc, "validate", errors.STAGE_FAILED,
                                     f"{type(exc).__name__}: {exc}")
            results[k].seconds["validate"] += time.perf_counter() - started
        return results

    def _prepare(self, stage, docs: dict[int, Document], results: list[Result]) -> None:
        prepare = getattr(stage, "prepare", None)
        if prepare is None or len(docs) <= 1:
            return
        started = time.perf_counter()
        try:
            with time_budget(DOC_SECONDS * len(docs)):
                prepare(list(docs.values()))
        except (Exception, StageTimeout):  # each document runs the stage on its own next
            results[min(docs)].counts[f"{stage.name}.batch_failed"] += 1
        share = (time.perf_counter() - started) / len(docs)
        for k in docs:
            results[k].seconds[stage.name] += share

    def _run_stage(self, stage, doc: Document, result: Result) -> Document | None:
        """Return the document after ``stage``, or None when it was quarantined."""
        result.counts[f"{stage.name}.in"] += 1
        started = time.perf_counter()
        try:
            with time_budget(DOC_SECONDS):
                doc = stage(doc)
        except InputError as exc:
            self._quarantine_doc(result, doc, stage.name, exc.reason, exc.message)
            return None
        except StageTimeout:
            self._quarantine_doc(result, doc, stage.name, errors.STAGE_TIMEOUT,
                                 f"took more than {DOC_SECONDS} s ({len(doc.raw)} characters)")
            return None
        except Exception as exc:  # one bad document never kills the run (errors.py)
            self._quarantine_doc(result, doc, stage.name, errors.STAGE_FAILED,
                                 f"{type(exc).__name__}: {exc}")
            return None
        finally:
            result.seconds[stage.name] += time.perf_counter() - started
        result.counts[f"{stage.name}.out"] += 1
        return doc

    @staticmethod
    def _quarantine_doc(result: Result, doc: Document, stage: str, reason: str, message: str):
        result.counts[f"{stage}.quarantined"] += 1
        result.rows["quarantine"].append(quarantine_row(
            doc.source, doc.doc_id, stage, reason, message[:1000], doc.raw))

    def records(self, doc: Document) -> dict[str, list[dict]]:
        """Return the validated rows of every table for an annotated Document."""
        result = Result()
        self._records(doc, result)
        return result.rows

    def _records(self, doc: Document, result: Result) -> None:
        rows = build_rows(doc)
        for reject in doc.rejects:
            result.rows["quarantine"].append(quarantine_row(
                doc.source, doc.doc_id, reject.stage, reject.reason, reject.message, reject.excerpt))
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
                result.rows["quarantine"].append(quarantine_row(
                    doc.source, doc.doc_id, "validate", errors.INVALID_RECORD,
                    f"{table} record: {where}: {first['msg']}", str(row.get("text", ""))))
        return good


_MODELS: dict[int, dict] = {}


def models_of(pipeline) -> dict:
    """Return the model description for run.json (pkuseg directory identity, NER meta)."""
    key = id(pipeline)
    if key not in _MODELS:
        from ..nlp.models import model_identity

        meta = getattr(pipeline.nlp, "meta", {}) or {}
        models: dict = {}
        if meta.get("fazhi_pkuseg_model"):
            models["pkuseg"] = model_identity(Path(meta["fazhi_pkuseg_model"]))
            models["pkuseg"]["segmenter"] = meta.get("fazhi_segmenter")
        if meta.get("fazhi_ner"):
            models["ner"] = meta["fazhi_ner"]
        _MODELS[key] = models
    return _MODELS[key]


# --- building the pipeline inside a worker ------------------------------------------------------

@dataclass(frozen=True)
class PipelineSpec:
    """How a worker process builds its Pipeline: a task ships this, never a pickled ``nlp``.

    ``stages="basic"`` runs clean, split, sentences and tokenize only; ``blank=True`` uses
    ``spacy.blank("zh")`` (character tokens) instead of pkuseg, for tests.
    """

    pkuseg_model: str | None = None
    with_ner: bool = True
    stages: str = "default"
    blank: bool = False

    def stage_names(self) -> list[str]:
        """Return the names of the stages ``build`` gives, without loading anything."""
        return list(DOC_STAGES[:4] if self.stages == "basic" else DOC_STAGES)

    def build(self):
        if self.blank:
            import spacy

            nlp = spacy.blank("zh")
        else:
            from ..ner.load import load_nlp

            nlp = load_nlp(self.pkuseg_model, with_ner=self.with_ner)
        if self.stages == "basic":
            pipeline = Pipeline(nlp, [Cleaner(), ArticleSplitter(), SentenceSplitter(), Tokenizer(nlp)])
        else:
            pipeline = Pipeline(nlp)
        pipeline.spec = self
        return pipeline


_PIPELINES: dict[PipelineSpec, object] = {}


def pipeline_for(spec: PipelineSpec):
    """Return this process's Pipeline for ``spec``, building it on first use (once per worker)."""
    if spec not in _PIPELINES:
        _PIPELINES[spec] = freeze_models(spec.build())
    return _PIPELINES[spec]


def freeze_models(pipeline):
    """Move the loaded models out of the garbage collector's sight; return ``pipeline``.

    pkuseg's feature table is a dict of millions of entries that every full collection walks
    (about 0.15 s each time); frozen, it is skipped, and forked workers do not touch (and so
    copy) the pages of objects they share with the parent.
    """
    if not getattr(pipeline, "_gc_frozen", False):
        warm = getattr(pipeline, "warm", None)
        if warm is not None:
            warm()
        gc.collect()
        gc.freeze()
        pipeline._gc_frozen = True
    return pipeline
