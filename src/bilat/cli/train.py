"""`bilat train [CORPUS...]`: learn the trained decisions from annotated articles, score them by
cross-validation, and write the model and its training record."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import typer

from bilat import __version__
from bilat.cli.common import State, console, console_err, progress_bar
from bilat.evaluate import report_to_dict
from bilat.extract.learned import DECISIONS_NAME, model_path, write_decisions
from bilat.train import cross_validate, load_corpora, train
from bilat.train.corpus import parse
from bilat.train.fit import record

# Used when no corpus is named (paths relative to the working directory, like `make demo`'s
# ../shared/seeds): the real annotated pages, the seeds and the written development set. The
# written blind set (tests/quality/blind) is never trained on.
DEFAULT_CORPORA = ("../shared/corpus/real", "../shared/gold/seeds.jsonl", "tests/quality/dev")
DEFAULT_TEXTS = ("../shared/seeds",)


def _corpus_name(name: str) -> str:
    """ "real" for ../shared/corpus/real/gold.jsonl, "seeds" for ../shared/gold/seeds.jsonl."""
    path = Path(name)
    return name if name == "all" else path.parent.name if path.stem == "gold" else path.stem


def _line(name: str, counts: dict) -> str:
    p, r, f = (counts.get(k) for k in ("precision", "recall", "f1"))
    tally = f"TP {counts['tp']} · FP {counts['fp']} · FN {counts['fn']}"
    return f"{name:<12} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({tally})"


def command(
    ctx: typer.Context,
    corpora: list[Path] = typer.Argument(
        None,
        help="Gold files (records.md), or folders holding gold.jsonl; their articles are looked for by "
        f"file name beside them and in --texts. Default: {', '.join(DEFAULT_CORPORA)} (those that exist).",
    ),
    texts: list[Path] = typer.Option(
        None, "--texts", help=f"More folders to look for articles in. Default: {', '.join(DEFAULT_TEXTS)}."
    ),
    cv: int = typer.Option(
        5, "--cv", min=0, help="Folds of whole documents for cross-validated scores (0: none)."
    ),
    seed: int = typer.Option(0, "--seed", help="Seed of the fold shuffle."),
    out: Path = typer.Option(None, "--out", help=f"Model file to write [default: {model_path()}]."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Score by cross-validation; write nothing."),
) -> None:
    """Train the decisions (facts, kinds, statuses, actors) on annotated articles, cross-validated.

    Scores come from folds of whole documents: never measured on documents a model was trained on."""
    state: State = ctx.obj
    given = list(corpora or [Path(p) for p in DEFAULT_CORPORA if Path(p).exists()])
    if not given:
        console_err.print("no annotated corpus found: name a gold file or folder", highlight=False)
        raise typer.Exit(2)
    folders = list(texts or [Path(p) for p in DEFAULT_TEXTS if Path(p).exists()])
    found = load_corpora(
        given, folders, state.settings.max_bytes, lambda m: console_err.print(m, markup=False)
    )
    articles = [a for c in found for a in c.articles]
    with progress_bar() as progress:
        parsing = progress.add_task("parsing", total=len(articles))
        parse(articles, state.settings, lambda done, _n: progress.update(parsing, completed=done))
        report = None
        if cv:
            folding = progress.add_task("cross-validating", total=cv)
            report = cross_validate(
                found, cv, seed, progress=lambda done, _n: progress.update(folding, completed=done)
            )
        result = train(articles)
    cv_scores = None
    if report is not None:
        cv_scores = {"folds": cv, "seed": seed, "corpora": {}}
        console.print(f"cross-validated, {cv} folds of whole documents ({len(articles)} documents):")
        for name, part in report.items():
            scores = report_to_dict(part)
            actors = {k: v for k, v in scores["actors"].items() if k not in ("missed", "spurious")}
            cv_scores["corpora"][name] = {
                key: scores.get(key) for key in ("facts", "types", "languages", "attributes")
            } | {"actors": actors}
            shown = _corpus_name(name)
            console.print(
                _line(shown, scores["facts"]),
                highlight=False,
                markup=False,
            )
            for lang, entry in sorted((scores.get("languages") or {}).items()):
                console.print(_line(f"  {lang}", entry["facts"]), highlight=False, markup=False)
    console.print(
        f"trained on {len(articles)} documents, {result.examples} drafts ({result.positives} facts)",
        highlight=False,
    )
    if dry_run:
        return
    path = out or model_path()
    languages = sorted(lang for lang, n in result.by_language.items() if n["positives"])
    write_decisions(path, result.decisions, languages)
    training = record(result, found, cv_scores) | {
        "name": DECISIONS_NAME,
        "bilat": __version__,
        "trained_at": datetime.now(UTC).date().isoformat(),
    }
    record_path = path.with_name(path.stem + ".record.json")
    record_path.write_text(json.dumps(training, ensure_ascii=False, indent=1) + "\n", "utf-8")
    console.print(f"wrote {path} ({path.stat().st_size:,} bytes) and {record_path.name}", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("train")(command)
