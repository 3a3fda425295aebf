"""Fact merging at scale: bilat's whole merge on a store of 50,000 documents, and a small ingest
into that store (which merges again at its end).

    .venv/bin/python benchmarks/merge_scale.py [--documents 50000] [--store PATH] [--seed 8]
        [--ingest DIR] [--compare-all N] [--json]

1. A store of N synthetic documents (default 50,000, ~90,000 facts) is written through bilat's
   writer with the article generator of workbench_load.py, not merged nor listed (the merge
   makes the listing). With --store it is built there once and reused (each run works on a copy).
2. `bilat.pipeline.merge_facts` runs on a copy, timed whole and by step: loading the facts and
   the actors' kinds, clustering (`resolve.facts.cluster`), storing the canonical ids, rebuilding
   the listing and the search index (`store.listing.rebuild_listing`; of which the search index,
   `store.search_index.index_records`).
3. `bilat.pipeline.ingest` of a folder (default ../shared/seeds, the 5 seeds) into the merged
   copy: the whole call (spaCy models loaded beforehand by a warm-up ingest into a scratch store)
   and the merge it ends with, by step.
4. --compare-all N: clustering the facts of the first N documents both ways, by blocking and by
   comparing every pair of a block (what merging did before blocking), timed, and checked equal.

Timings are wall-clock seconds of one run on whatever else the machine is doing, and CPU seconds
(the process's for the whole merge and ingest, the thread's for each step), which the machine's
load moves less; a benchmark, not a test. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from rich.console import Console

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import copy_store  # the benchmarks next to this one
from workbench_load import BATCH, article, resolve

from bilat import pipeline
from bilat.config import settings
from bilat.resolve.facts import cluster
from bilat.store import listing, queries
from bilat.store.db import open_store
from bilat.store.write import save_extraction

err = Console(stderr=True)
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
QUERIES = {  # what merge_facts reads, in bilat.store.queries
    "facts_to_cluster": "load facts",
    "actor_kinds": "load actors",
}
STEPS = {  # what merge_facts calls, by the name it calls it under in bilat.pipeline
    "cluster": "cluster",
    "set_canonical_ids": "store ids",
    "rebuild_listing": "listing + search index",
}
INNER = {"index_records": "of which search index"}  # what rebuild_listing calls, in bilat.store.listing


def build(db: Path, documents: int, seed: int) -> float:
    """Write `documents` synthetic articles (workbench_load.article), unmerged; returns seconds."""
    rng = random.Random(seed)
    began = time.monotonic()
    with open_store(str(db)) as store:
        for first in range(0, documents, BATCH):
            with store.session() as session:
                for n in range(first, min(documents, first + BATCH)):
                    extraction = article(n, rng)
                    save_extraction(session, extraction, resolve(extraction), commit=False)
            if (first + BATCH) % 5000 == 0:
                err.print(f"  {first + BATCH:,} documents written")
    return time.monotonic() - began


@contextlib.contextmanager
def steps_timed() -> Iterator[dict[str, float]]:
    """Seconds spent in each step merge_facts calls, while the block runs (summed over calls)."""
    spent: dict[str, float] = defaultdict(float)
    originals: dict[tuple[Any, str], Callable[..., Any]] = {}

    def timed(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            began, cpu = time.perf_counter(), time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] += time.perf_counter() - began
                spent[f"{label} (CPU)"] += time.thread_time() - cpu

        return run

    for module, steps in ((queries, QUERIES), (pipeline, STEPS), (listing, INNER)):
        for name, label in steps.items():
            if hasattr(module, name):
                originals[(module, name)] = getattr(module, name)
                setattr(module, name, timed(label, originals[(module, name)]))
    try:
        yield spent
    finally:
        for (module, name), function in originals.items():
            setattr(module, name, function)


def time_merge(db: Path) -> dict[str, Any]:
    with open_store(str(db)) as store, steps_timed() as spent:
        began, cpu = time.perf_counter(), time.process_time()
        clusters = pipeline.merge_facts(store)
        total, cpu = time.perf_counter() - began, time.process_time() - cpu
    return {"seconds": total, "cpu_seconds": cpu, "clusters": clusters, "steps": dict(spent)}


def time_ingest(db: Path, folder: Path, work: Path) -> dict[str, Any]:
    config = settings()
    with open_store(str(work / "warm.db")) as scratch:  # loads the spaCy models and word lists
        pipeline.ingest([folder], scratch, config)
    with open_store(str(db)) as store, steps_timed() as spent:
        began, cpu = time.perf_counter(), time.process_time()
        summary = pipeline.ingest([folder], store, config)
        total, cpu = time.perf_counter() - began, time.process_time() - cpu
    return {"seconds": total, "cpu_seconds": cpu, "counts": summary.counts, "merge_steps": dict(spent)}


def compare_all(db: Path, documents: int) -> dict[str, Any]:
    """Blocked and every-pair clustering of the facts of the first `documents` documents."""
    with open_store(str(db)) as store, store.reader() as session:
        rows, _stored = queries.facts_to_cluster(session)
        kinds = queries.actor_kinds(session)
    wanted = {f"doc{n:06d}" for n in range(documents)}
    rows = [r for r in rows if r["sources"] and r["sources"][0]["doc"] in wanted]
    began = time.perf_counter()
    blocked = cluster(rows, kinds)
    blocked_s = time.perf_counter() - began
    began = time.perf_counter()
    every = cluster(rows, kinds, compare_all=True)
    every_s = time.perf_counter() - began
    return {
        "documents": documents,
        "facts": len(rows),
        "blocked_s": blocked_s,
        "every_pair_s": every_s,
        "clusters": len(set(blocked.values())),
        "equal": blocked == every,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=50_000, help="documents in the store [50000]")
    parser.add_argument("--store", type=Path, default=None, help="build the store there once, then reuse it")
    parser.add_argument("--seed", type=int, default=8, help="random seed of the store [8]")
    parser.add_argument("--ingest", type=Path, default=SEEDS, help="folder ingested into the merged store")
    parser.add_argument(
        "--compare-all", type=int, default=0, metavar="N", help="also cluster N documents' facts every-pair"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object instead of lines")
    args = parser.parse_args(argv)
    out: dict[str, Any] = {"documents": args.documents}
    with tempfile.TemporaryDirectory(prefix="bilat-merge-") as tmp:
        work = Path(tmp)
        source = args.store or work / "built.db"
        if source.exists():
            err.print(f"reusing the store {source}")
        else:
            err.print(f"writing {args.documents:,} documents into {source}")
            out["build_s"] = build(source, args.documents, args.seed)
        db = work / "merged.db"
        copy_store(source, db)
        err.print("merging every fact")
        out["merge"] = time_merge(db)
        if args.ingest and args.ingest.is_dir():
            err.print(f"ingesting {args.ingest} into the merged store")
            out["ingest"] = time_ingest(db, args.ingest, work)
        if args.compare_all:
            err.print(f"clustering {args.compare_all:,} documents' facts both ways")
            out["compare_all"] = compare_all(db, args.compare_all)  # the copy: a kept store stays as built
    if args.json:
        print(json.dumps(out, indent=2))
        return 0
    merge = out["merge"]
    steps = ", ".join(f"{k} {v:.1f} s" for k, v in merge["steps"].items())
    print(
        f"merge_facts, {args.documents:,} documents: {merge['seconds']:.1f} s, "
        f"CPU {merge['cpu_seconds']:.1f} s ({steps})"
    )
    if "ingest" in out:
        ingest = out["ingest"]
        steps = ", ".join(f"{k} {v:.1f} s" for k, v in ingest["merge_steps"].items())
        print(
            f"ingest of {args.ingest} into it: {ingest['seconds']:.1f} s, CPU {ingest['cpu_seconds']:.1f} s "
            f"{ingest['counts']} (merge: {steps})"
        )
    if "compare_all" in out:
        c = out["compare_all"]
        print(
            f"cluster {c['facts']:,} facts of {c['documents']:,} documents: blocked {c['blocked_s']:.2f} s, "
            f"every pair {c['every_pair_s']:.1f} s, {c['clusters']:,} clusters, equal: {c['equal']}"
        )
    return 0 if out.get("compare_all", {}).get("equal", True) else 1


if __name__ == "__main__":
    raise SystemExit(main())
