"""`bilat explain ID`: why a fact exists: its rule, the evidence words, sources and status history."""

from __future__ import annotations

import json

import typer
from rich.markup import escape

from bilat.cli.common import State, console
from bilat.errors import NotFound
from bilat.resolve.facts import merge_reasons
from bilat.store.queries import all_fact_rows, get_fact, list_actors


def command(
    ctx: typer.Context,
    fact_id: str = typer.Argument(..., help="A fact id (merged or of one document)."),
    as_json: bool = typer.Option(False, "--json", help="Print the whole record as JSON."),
) -> None:
    """Show the rules and evidence that produced a fact, and every source it has."""
    state: State = ctx.obj
    with state.store().reader() as session:
        fact = get_fact(session, fact_id)
        reasons: list[str] = []
        if fact is not None and len(fact.get("merged_from") or []) > 1:
            members = [r for r in all_fact_rows(session, fact["type"]) if r["id"] in fact["merged_from"]]
            actors, _total = list_actors(session, limit=1_000_000)
            reasons = merge_reasons(members, {a["id"]: a["kind"] for a in actors})
    if fact is None:
        raise NotFound(f"no fact {fact_id!r}", "list ids with `bilat export` or on the web app")
    if as_json:
        console.print_json(json.dumps(fact, ensure_ascii=False))
        return
    console.print(
        f"[bold]{fact['type']} {fact['kind']}[/bold] — {escape(str(fact['title']))}  ({escape(fact['id'])})",
        highlight=False,
    )
    console.print(f"status: {fact.get('status')}   rule: {fact.get('rule')}", highlight=False, markup=False)
    console.print("evidence: " + " | ".join(fact.get("evidence") or []), highlight=False, markup=False)
    for h in fact.get("status_history") or []:
        src = h.get("source") or {}
        console.print(
            f"  {h.get('date') or '?'}  {h['status']:<12} «{src.get('quote', '')}»",
            highlight=False,
            markup=False,
        )
    if fact.get("merged_from"):
        console.print("merged from: " + ", ".join(fact["merged_from"]), highlight=False, markup=False)
        for reason in reasons:
            console.print(f"  {reason}", highlight=False, markup=False)
    for s in fact.get("sources") or []:
        console.print(f"  [{s['doc']} {s['start']}:{s['end']}] {s['quote']}", highlight=False, markup=False)


def register(app: typer.Typer) -> None:
    app.command("explain")(command)
