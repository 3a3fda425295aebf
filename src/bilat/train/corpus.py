"""Annotated corpora for training: gold records and the articles they annotate, read and parsed
exactly as `bilat ingest` reads and parses them."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from bilat.config import Settings
from bilat.errors import BilatError
from bilat.evaluate import load_jsonl
from bilat.ingest import read_paths
from bilat.model.names import fold
from bilat.model.records import Document, Mention, Skip
from bilat.model.vocab import FACT_TYPES
from bilat.nlp.mentions import boilerplate_ranges, find_country_cues, find_mentions
from bilat.nlp.pipeline import parse_by_language
from bilat.pipeline import Pipelines

Record = dict[str, Any]
_TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")


class CorpusError(BilatError):
    pass


@dataclass
class Article:
    """One annotated article: the document as ingested, its parse and mentions, its gold facts."""

    document: Document
    gold: list[Record]  # gold fact records with a source in this document
    actor_names: dict[str, frozenset[str]] = field(default_factory=dict)  # gold actor id -> folded names
    sdoc: Doc | None = None
    mentions: list[Mention] = field(default_factory=list)
    country_cues: list[Mention] = field(default_factory=list)
    masked: list[tuple[int, int]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.document.id

    @property
    def lang(self) -> str:
        return self.document.language or "xx"


@dataclass
class Corpus:
    gold_path: Path
    records: list[Record]  # the whole gold file (documents and actors too), for scoring
    articles: list[Article]


def _text_index(folders: Iterable[Path]) -> dict[str, Path]:
    """Article files by name under the given folders (first found wins)."""
    found: dict[str, Path] = {}
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.suffix.lower() in _TEXT_SUFFIXES and path.is_file():
                    found.setdefault(path.name, path)
    return found


def _gold_file(given: Path) -> Path:
    path = given / "gold.jsonl" if given.is_dir() else given
    if not path.is_file():
        raise CorpusError(f"{given}: no gold file", "give a gold .jsonl file or a folder holding gold.jsonl")
    return path


def load_corpora(
    given: list[Path], texts: list[Path], max_bytes: int, report: Callable[[str], None] = print
) -> list[Corpus]:
    """Each gold file (or folder with gold.jsonl) with its articles, looked for by file name in
    the gold file's folder and in `texts`. Gold documents whose article is missing are reported
    and left out."""
    corpora = []
    for item in given:
        gold_path = _gold_file(item)
        records = load_jsonl(gold_path)
        index = _text_index([gold_path.parent, *texts])
        facts: dict[str, list[Record]] = {}
        names = {
            r["id"]: frozenset(fold(n) for n in [r.get("name", ""), *r.get("aliases", [])] if n)
            for r in records
            if r["type"] == "actor" and r.get("kind") in ("person", "organization")
        }
        for record in records:
            if record["type"] in FACT_TYPES:
                for doc in {s["doc"] for s in record.get("sources", [])}:
                    facts.setdefault(doc, []).append(record)
        doc_ids = [r["id"] for r in records if r["type"] == "document"]
        paths = []
        for doc_id in doc_ids:
            path = index.get(Path(doc_id).name)
            if path is None:
                report(f"{gold_path}: no article {doc_id!r} under {gold_path.parent} or --texts; left out")
            else:
                paths.append(path)
        articles = []
        for read in read_paths(paths, max_bytes):
            if isinstance(read, Skip):
                report(f"{read.path}: {read.reason}; left out")
                continue
            articles.append(Article(read, facts.get(read.id, []), names))
        corpora.append(Corpus(gold_path, records, articles))
    return corpora


def parse(
    articles: list[Article], settings: Settings, progress: Callable[[int, int], None] | None = None
) -> None:
    """Parse every article with its language's pipeline and find its mentions, as ingest does
    (`bilat.pipeline.Pipelines`, `parse_by_language`); an article in a language without a
    pipeline, or that spaCy fails on, keeps no parse and is left out of training."""
    ordered = sorted(articles, key=lambda a: a.lang)  # one language after the other: full batches
    items = ((a.document.text, a, a.document.language) for a in ordered)
    for done, (article, sdoc) in enumerate(
        parse_by_language(Pipelines(settings).get, items, settings.batch_size), 1
    ):
        if isinstance(sdoc, Doc):
            article.sdoc = sdoc
            article.mentions = find_mentions(article.document, sdoc)
            article.country_cues = find_country_cues(article.document, sdoc)
            article.masked = boilerplate_ranges(sdoc)
        if progress is not None:
            progress(done, len(articles))


def fingerprint(articles: list[Article]) -> list[dict[str, str]]:
    """What the model was trained on: each article's id, language and text hash."""
    return [
        {"id": a.id, "lang": a.lang, "sha256": hashlib.sha256(a.document.text.encode()).hexdigest()[:16]}
        for a in sorted(articles, key=lambda a: a.id)
    ]
