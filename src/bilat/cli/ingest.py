"""`bilat ingest PATH...`: read files and folders into the store, with progress and a summary."""

from __future__ import annotations

from pathlib import Path

import typer

from bilat.cli.common import State, console, console_err, progress_bar
from bilat.ingest.names import shown
from bilat.pipeline import Outcome
from bilat.pipeline import ingest as run_ingest


def command(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(
        ..., help="Files or folders (.txt, .md, .html, .htm), read recursively."
    ),
    batch_size: int = typer.Option(None, help="Documents per spaCy batch."),
) -> None:
    """Ingest articles: extract actors, agreements, initiatives and events, with their sources."""
    state: State = ctx.obj
    settings = state.settings.with_overrides(batch_size=batch_size)
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        console_err.print(f"{shown(p)}: failed: no such file or folder", highlight=False, markup=False)
    store = state.store()
    with progress_bar() as progress:
        task = progress.add_task("ingesting", total=None)

        def report(o: Outcome) -> None:
            progress.advance(task)
            if o.status in ("failed", "skipped"):
                progress.console.print(f"{o.path}: {o.status}: {o.reason}", highlight=False, markup=False)
            elif o.status == "unchanged":
                progress.console.print(
                    f"{o.path}: unchanged (same content already stored)", highlight=False, markup=False
                )

        summary = run_ingest([p for p in paths if p.exists()], store, settings, report)
    for note in summary.notes:  # what the run did besides documents (a merge redone, killed runs)
        console_err.print(note, highlight=False, markup=False)
    for language, n in sorted(summary.not_extracted.items()):  # before the summary, which ends the output
        console_err.print(
            f"{n} stored but not extracted: {language}, which bilat has no language data for",
            highlight=False,
            markup=False,
        )
    counts = summary.counts
    counts["failed"] += len(missing)
    console.print(
        f"ingested {counts['ingested']} · unchanged {counts['unchanged']} · "
        f"skipped {counts['skipped']} · failed {counts['failed']}"
        + (
            " — nothing new: these contents are all stored already"
            if counts["unchanged"] and not counts["ingested"]
            else ""
        ),
        highlight=False,
    )
    if not summary.ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("ingest")(command)
