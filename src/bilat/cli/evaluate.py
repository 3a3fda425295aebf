"""`bilat eval GOLD.jsonl`: score the store's export against a gold file (records.md rules)."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from bilat.cli.common import State, console, console_err
from bilat.evaluate import load_jsonl, render_text, report_to_dict, score
from bilat.ingest import read_paths
from bilat.model.records import Document
from bilat.store.queries import export_records


def _texts(folder: Path) -> dict[str, str]:
    """Texts of the files of `folder`, normalised as at ingestion, by file name."""
    return {d.source: d.text for d in read_paths([folder], 10**9) if isinstance(d, Document)}


def command(
    ctx: typer.Context,
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold records (JSONL, records.md)."),
    docs: Path = typer.Option(
        None,
        "--docs",
        exists=True,
        file_okay=False,
        help="Folder of the gold's articles, for checking quotes when the store lacks texts.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    explain: bool = typer.Option(False, "--explain", help="List misses, spurious records and disagreements."),
) -> None:
    """Precision, recall and F1 per type, actors, attribute agreement and provenance validity."""
    state: State = ctx.obj
    gold_records = load_jsonl(gold)
    with state.store().reader() as session:
        predicted = list(export_records(session, with_text=True))
    if not any(r["type"] == "document" for r in predicted):
        console_err.print("the store holds no documents: run `bilat ingest` first", highlight=False)
    report = score(predicted, gold_records, _texts(docs) if docs else None)
    if as_json:
        console.print_json(json.dumps(report_to_dict(report), ensure_ascii=False))
    else:
        render_text(report, explain, console)


def register(app: typer.Typer) -> None:
    app.command("eval")(command)
