"""The whole path for a batch of files: ingest -> nlp -> extract -> resolve -> store, one
transaction per document, then cross-document fact merging. CLI, benchmark and tests call it."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from spacy.language import Language

from bilat import __version__
from bilat.config import Settings
from bilat.extract import available_languages, extract
from bilat.extract.learned import DECISIONS_NAME
from bilat.extract.lexicon import load_lexicon
from bilat.extract.status import RULES_NAME
from bilat.ingest import read_paths
from bilat.ingest.names import failure
from bilat.model.records import Document, Extraction, Skip
from bilat.nlp.mentions import boilerplate_ranges, find_country_cues, find_mentions
from bilat.nlp.pipeline import BILAT_PIPES, load_pipeline, parse_by_language
from bilat.resolve.actors import MemoryIndex, resolve_mentions
from bilat.resolve.facts import MERGE_RULES_NAME, cluster
from bilat.store import queries
from bilat.store.curation import fact_judgements
from bilat.store.curation_actors import apply_actor_decisions
from bilat.store.db import Store
from bilat.store.index import DbActorIndex
from bilat.store.listing import rebuild_listing
from bilat.store.runs import (
    end_run,
    finish_run,
    live_runs,
    mark_killed_runs,
    merge_input,
    record_merge,
    stale_merge,
    start_run,
)
from bilat.store.tables import utcnow
from bilat.store.write import save_extraction, set_canonical_ids, stored_hashes

T = TypeVar("T")
NLP_AHEAD = 32  # parsed documents the nlp thread may hold ready (memory: a few MB each at most)


@dataclass
class Outcome:
    path: str
    status: str  # ingested | unchanged | skipped | failed
    reason: str = ""
    doc_id: str | None = None
    facts: int = 0
    extracted: bool = True  # False: stored, but bilat has no language data to read it with


@dataclass
class Summary:
    outcomes: list[Outcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the run did besides documents, one line each

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def counts(self) -> dict[str, int]:
        return {s: self.count(s) for s in ("ingested", "unchanged", "skipped", "failed")}

    @property
    def not_extracted(self) -> dict[str, int]:
        """Documents stored without extraction, by language (bilat has no data for it)."""
        out: dict[str, int] = {}
        for o in self.outcomes:
            if o.status == "ingested" and not o.extracted:
                out[o.reason] = out.get(o.reason, 0) + 1
        return out

    @property
    def ok(self) -> bool:
        """False only when nothing could be ingested (nor was already there)."""
        return self.count("ingested") + self.count("unchanged") > 0


Report = Callable[[Outcome], None]


def _documents(
    paths: Iterable[str | Path], settings: Settings, stored: set[str], summary: Summary, report: Report
) -> Iterator[Document]:
    """New documents only: skips are reported, content in `stored` (hashes) is "unchanged"."""
    seen: set[str] = set()
    for item in read_paths(paths, settings.max_bytes, settings.max_chars):
        if isinstance(item, Skip):
            outcome = Outcome(item.path, "failed" if item.failed else "skipped", item.reason)
        elif item.content_hash in stored or item.content_hash in seen:
            outcome = Outcome(item.path or item.source, "unchanged", "same content already stored")
        else:
            seen.add(item.content_hash)
            yield item
            continue
        summary.outcomes.append(outcome)
        report(outcome)


def _in_background(items: Iterator[T], ahead: int, name: str) -> Iterator[T]:
    """What `items` yields, produced by a thread that runs at most `ahead` items in front.

    spaCy's matrix products release the GIL, so parsing the next documents overlaps with the
    extraction and the writes of this one. An error in the thread is raised here; leaving the
    loop early stops the thread at its next item.
    """
    ready: queue.Queue[tuple[str, object]] = queue.Queue(maxsize=ahead)
    stop = threading.Event()

    def put(entry: tuple[str, object]) -> bool:
        while not stop.is_set():
            try:
                ready.put(entry, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def run() -> None:
        try:
            for item in items:
                if not put(("item", item)):
                    return
            put(("end", None))
        except BaseException as exc:  # handed over to the consuming thread
            put(("error", exc))

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    try:
        while True:
            what, value = ready.get()
            if what == "end":
                return
            if what == "error":
                assert isinstance(value, BaseException)
                raise value
            yield value  # type: ignore[misc]
    finally:
        stop.set()
        thread.join(timeout=1.0)


def ingest(
    paths: Iterable[str | Path], store: Store, settings: Settings, report: Report = lambda _o: None
) -> Summary:
    """Ingest files and folders into the store; each document is written whole or not at all.

    The run is recorded; a run found killed is marked so; a merge that a killed or interrupted run
    left undone is redone first; Ctrl-C (or SIGTERM, which the CLI turns into Ctrl-C) marks the run
    `interrupted`, any other error that escapes marks it `failed`.
    """
    summary = Summary()
    pipelines = Pipelines(settings)
    run_id: str | None = None  # set once the run is committed: from then on it ends marked
    try:
        with store.session() as session:
            killed = mark_killed_runs(session)
            started = start_run(
                session,
                __version__,
                {"models": settings.models, "batch_size": settings.batch_size},
                {
                    "status": RULES_NAME,
                    "merge": MERGE_RULES_NAME,
                    "decisions": DECISIONS_NAME,
                    "lexicon": {lang: len(load_lexicon(lang).rule_names) for lang in pipelines.languages},
                    "pipeline": BILAT_PIPES,
                },
            )
            session.commit()
            run_id = started
        if killed:
            summary.notes.append(
                f"marked killed: {len(killed)} earlier run(s) gone unfinished ({', '.join(killed)})"
            )
        _merge_left_over(store, run_id, summary)
        _ingest_new(paths, store, settings, report, summary, pipelines, run_id)
        with store.reader() as session:
            stale = stale_merge(session, MERGE_RULES_NAME)
        if stale:  # new facts (or another run's, left unmerged): an unchanged store is not merged again
            merge_facts(store, run_id)
    except BaseException as exc:
        if run_id is not None:  # a signal between the run's start and here still ends it marked
            with store.session() as session:
                end_run(session, run_id, summary.counts, "interrupted" if _is_interrupt(exc) else "failed")
        raise
    with store.session() as session:
        finish_run(session, run_id, summary.counts)
    return summary


def _is_interrupt(exc: BaseException) -> bool:
    return isinstance(exc, KeyboardInterrupt | SystemExit)


def _merge_left_over(store: Store, run_id: str, summary: Summary) -> None:
    """Redo the merge when the store's facts are not those the last merge covered, unless another
    live run may still be about to merge them (it will; so will this run, at its end)."""
    with store.reader() as session:
        stale = stale_merge(session, MERGE_RULES_NAME)
        if not stale or live_runs(session, besides=run_id):
            return
    summary.notes.append(f"merging facts first: {stale}")
    merge_facts(store, run_id)


def _ingest_new(
    paths: Iterable[str | Path],
    store: Store,
    settings: Settings,
    report: Report,
    summary: Summary,
    pipelines: Pipelines,
    run_id: str,
) -> None:
    """Ingest the files that are not stored yet, each document in one transaction."""
    # what this run needs of the store is read once, up front
    with store.reader() as session:
        index = MemoryIndex(DbActorIndex(session).all())
        stored = stored_hashes(session)
    docs = _documents(paths, settings, stored, summary, report)
    parsed = parse_by_language(pipelines.get, ((d.text, d, d.language) for d in docs), settings.batch_size)
    for document, sdoc in _in_background(parsed, NLP_AHEAD, "bilat-nlp"):
        outcome = Outcome(document.path or document.source, "ingested")
        stage = "parsing"
        try:  # one bad document never stops the batch, whatever the stage
            if isinstance(sdoc, Exception):
                raise sdoc
            if sdoc is None:  # a language bilat has no data for: stored, not read with another's rules
                mentions, extraction = [], Extraction(document, [], [])
                outcome.extracted, outcome.reason = False, f"language {document.language or 'unknown'}"
            else:
                stage = "finding actors"
                mentions = find_mentions(document, sdoc)
                stage = "extraction"
                cues, masked = find_country_cues(document, sdoc), boilerplate_ranges(sdoc)
                extraction = extract(document, sdoc, mentions, cues, masked)
            stage = "resolution"
            resolution = resolve_mentions(mentions, index)
            stage = "writing"
            with store.session() as session:
                result = save_extraction(session, extraction, resolution, run_id)
            index.update(resolution.actors.values())  # only once stored
            outcome.doc_id, outcome.facts = result.doc_id, result.facts
        except Exception as exc:
            outcome.status, outcome.reason = "failed", failure(stage, exc)
        summary.outcomes.append(outcome)
        report(outcome)


class Pipelines:
    """The spaCy pipeline of each language the settings name, loaded when first needed; None for
    a language bilat has no model or language data for."""

    def __init__(self, settings: Settings) -> None:
        self.models = settings.models
        self.languages = sorted(lang for lang in self.models if lang in available_languages())

    def get(self, lang: str | None) -> Language | None:
        if lang not in self.languages:
            return None
        return load_pipeline(self.models[lang])


def merge_facts(store: Store, run_id: str | None = None) -> int:
    """Recompute which stored facts are one fact told by several documents; returns clusters.

    One transaction: the canonical ids and the record of the merge (what it covered) are committed
    together, so a kill in the middle leaves the previous merge whole. Whatever else must change
    with the merge belongs in this transaction too.
    """
    with store.session() as session:
        started = utcnow()
        covered = merge_input(session, MERGE_RULES_NAME)
        apply_actor_decisions(session)  # actors merged or split by editors stay so in new articles
        rows, stored = queries.facts_to_cluster(session)
        same, different = fact_judgements(session)  # editors' merges and splits stand
        mapping = cluster(rows, queries.actor_kinds(session), same=same, different=different)
        # only the facts whose cluster changed are written (every fact is in `mapping`)
        set_canonical_ids(session, {k: v for k, v in mapping.items() if stored.get(k) != v})
        rebuild_listing(session)  # what the pages list changes with the merge, in its transaction
        clusters = len(set(mapping.values()))
        record_merge(session, covered, clusters, started, run_id)
        session.commit()
    return clusters
