"""Fuzzing the readers and the whole ingest (issue 7): generated files (random bytes, texts in
several encodings, HTML soup, empty files) under odd names never raise, every file ends in
exactly one outcome, and every stored quote is the text at its offsets.

Reproducible and bounded for CI: derandomized, no example database, a fixed number of examples;
the spaCy model is loaded once per session, and spaCy's limit is lowered while this module runs
so that a few small texts go through the long-text path (parsed in pieces).
"""

from __future__ import annotations

import io
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st
from rich.console import Console

from bilat.config import Settings
from bilat.ingest import read_paths
from bilat.model.records import Document, Skip
from bilat.nlp.pipeline import load_pipeline
from bilat.pipeline import Outcome, ingest
from bilat.store.db import open_store

pytestmark = pytest.mark.slow  # the whole-ingest fuzz runs the spaCy model

FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure ends in bounded time
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SPACY_LIMIT = 1_500  # spaCy's max_length while this module runs: longer texts are parsed in pieces
MAX_CHARS = 4_000  # BILAT_MAX_CHARS of the ingest fuzz: longer texts are refused
MAX_BYTES = 64 * 1024

# Words written for these tests: French press vocabulary, places of the gazetteer, odd characters.
WORDS = (
    "Le", "musée", "d'Almaty", "et", "la", "mairie", "de", "Lyon", "ont", "signé", "un", "accord",
    "le", "5", "mai", "2024", "à", "Astana", ".", ",", "«", "»", "ministre", "Kazakhstan", "France",
    "festival", "exposition", "coopération", "prévoit", "étudiants", "kazakhs", "Œuvre", "Ж",
    "東京", "ﬁ", "e\u0301", "\u00a0", "\t", "\n", "\n\n", "\r\n", "\x00", "\ufeff", "\u2028", "[/]",
    "[bold]", "&amp;", "\U0001f600", "\x85", "\x1b[31m",
)  # fmt: skip
SENTENCES = (
    "Le musée d'Almaty et le musée des Confluences de Lyon ont signé un accord le 5 mai 2024.",
    "La ministre de la Culture a rencontré à Astana son homologue kazakhe.",
    "Une exposition commune ouvrira à Paris en 2025.",
)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "latin-1", "cp1252", "utf-32")
SUFFIXES = (".txt", ".md", ".html", ".htm", ".TXT", ".pdf", "")
TAGS = ("p", "div", "article", "span", "b", "script", "style", "title", "h1", "li", "table", "td", "meta")
ENTITIES = ("&amp;", "&lt;", "&nbsp;", "&#0;", "&#xD800;", "&#x110000;", "&bogus;", "&#233;", "&")

words = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)
text = st.one_of(words, st.text(max_size=200))
long_text = st.integers(5, 90).map(lambda n: "\n\n".join(SENTENCES[i % 3] * (1 + i % 4) for i in range(n)))


@st.composite
def encoded(draw: st.DrawFn) -> bytes:
    data = draw(st.one_of(text, long_text)).encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    if draw(st.booleans()):  # NULs somewhere
        at = draw(st.integers(0, len(data)))
        data = data[:at] + b"\x00" * draw(st.integers(1, 3)) + data[at:]
    return data


@st.composite
def html_soup(draw: st.DrawFn) -> bytes:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(st.sampled_from(TAGS))
        kind = draw(st.integers(0, 6))
        if kind == 0:
            parts.append(f"<{tag}>")  # never closed
        elif kind == 1:
            parts.append(f"</{tag}>")  # closes nothing
        elif kind == 2:
            parts.append(f'<{tag} data-x="{"x" * draw(st.integers(0, 20_000))}">')  # huge attribute
        elif kind == 3:
            parts.append(draw(st.sampled_from(ENTITIES)))
        elif kind == 4:
            parts.append(f"<{tag}>{draw(text)}</{tag}>")
        elif kind == 5:
            parts.append("<script>var a = '</p>' < 3;</script>")
        else:
            parts.append(draw(st.sampled_from(("<", ">", "<<<>>>", "<!--", "-->", "<![CDATA[", "<?xml?>"))))
    if draw(st.booleans()):
        parts.insert(draw(st.integers(0, len(parts))), f"<p>{draw(st.sampled_from(SENTENCES))}</p>")
    encoding = draw(st.sampled_from(("utf-8", "utf-16", "cp1252")))
    return "".join(parts).encode(encoding, errors="replace")


contents = st.one_of(
    st.binary(max_size=800),
    encoded(),
    html_soup(),
    st.just(b""),
    st.sampled_from(SENTENCES).map(str.encode),
)

# name stems as bytes: spaces, markup, unicode, a leading dash, bytes that are not UTF-8
STEMS = (b"a", b"with space", b"[bold]", b"[/x]", b"[red]x[/red]", "caf\u00e9".encode(), b"-dash",
         b"caf\xe9", b"\xff\xfe", b"\xc3(", b"tab\there", "東京".encode(), b"line\nbreak", b"(1)",
         b"%s{}$", b"'\"")  # fmt: skip


@st.composite
def file_name(draw: st.DrawFn) -> bytes:
    stem = draw(st.sampled_from(STEMS))
    suffix = draw(st.sampled_from(SUFFIXES)).encode()
    if draw(st.integers(0, 5)) == 0:  # near the 255-byte limit of a name
        stem = (stem * 255)[: 255 - len(suffix) - draw(st.integers(0, 3))]
    # "/" makes folders ("[/x]"); no part may be empty or hidden (folders leave those out)
    return b"/".join(b"_" + part if part[:1] in (b"", b".") else part for part in (stem + suffix).split(b"/"))


@st.composite
def folders(draw: st.DrawFn) -> dict[bytes, bytes]:
    """Relative paths (bytes) -> contents; some under "a[" so that their path holds "[/]"."""
    names = draw(st.lists(file_name(), min_size=1, max_size=6, unique_by=lambda n: n.lower()))
    files = {}
    for name in names:
        if draw(st.booleans()) and len(name) < 250:
            name = b"a[/]" + name  # the folder "a[" and the file "]..."
        files[name] = draw(contents)
    return files


def write_files(root: bytes, files: dict[bytes, bytes]) -> None:
    for name, data in files.items():
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as fh:
            fh.write(data)


def storable(value: str | None) -> None:
    """Text that SQLite and a UTF-8 terminal take: no lone surrogates."""
    (value or "").encode("utf-8")


# --- the readers -----------------------------------------------------------------------------


@settings(FUZZ, max_examples=150)
@given(files=folders())
def test_readers_give_one_document_or_skip_per_file(files: dict[bytes, bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = os.fsencode(tmp)
        write_files(root, files)
        items = list(read_paths([root], MAX_BYTES, MAX_CHARS))
    assert len(items) == len(files)
    for item in items:
        assert isinstance(item, Document | Skip)
        storable(item.path)
        if isinstance(item, Skip):
            assert item.reason and "\n" not in item.reason
            storable(item.reason)
        else:
            for value in (item.id, item.source, item.title, item.text):
                storable(value)
            assert item.text.strip() and len(item.text) <= MAX_CHARS
            assert "\x00" not in item.text and "\r" not in item.text


# --- the whole ingest ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_spacy_limit() -> Iterator[None]:
    nlp = load_pipeline()
    real = nlp.max_length
    nlp.max_length = SPACY_LIMIT
    try:
        yield
    finally:
        nlp.max_length = real


def console_report(out: io.BytesIO) -> tuple[Console, list[Outcome]]:
    """A console writing strict UTF-8, as a terminal takes it, and the outcomes reported."""
    stream = io.TextIOWrapper(out, encoding="utf-8", errors="strict", write_through=True)
    return Console(file=stream, soft_wrap=True), []


def check_store(db: str) -> int:
    with sqlite3.connect(db) as con:
        texts = dict(con.execute("SELECT id, text FROM documents"))
        for text in texts.values():
            event("stored a text parsed in pieces" if len(text) > SPACY_LIMIT else "stored a text")
        rows = con.execute('SELECT doc_id, start, "end", quote FROM fact_sources').fetchall()
        rows += con.execute('SELECT doc_id, start, "end", text FROM mentions').fetchall()
        for row in con.execute("SELECT id, source, title, text FROM documents"):
            for value in row:
                storable(value)
    for doc_id, start, end, quote in rows:
        assert texts[doc_id][start:end] == quote
    return len(rows)


@settings(FUZZ, max_examples=30)
@given(files=folders())
def test_ingest_never_raises_and_keeps_quotes_exact(
    small_spacy_limit: None, files: dict[bytes, bytes]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = os.fsencode(tmp) + b"/in"
        os.mkdir(root)
        write_files(root, files)
        db = str(Path(tmp) / "bilat.db")
        console, outcomes = console_report(io.BytesIO())

        def report(o: Outcome) -> None:  # as the CLI prints it
            outcomes.append(o)
            console.print(f"{o.path}: {o.status}: {o.reason}", markup=False, highlight=False)

        store = open_store(db)
        try:
            config = Settings(db=db, max_bytes=MAX_BYTES, max_chars=MAX_CHARS)
            summary = ingest([os.fsdecode(root)], store, config, report)
        finally:
            store.close()
        assert outcomes == summary.outcomes
        assert len(summary.outcomes) == len(files)
        for o in summary.outcomes:
            event(f"outcome {o.status}: {o.reason.split(' (')[0][:30]}")
            assert o.status in ("ingested", "unchanged", "skipped", "failed")
            assert "\n" not in o.reason
            if o.status == "failed":  # a reason names what went wrong, never a crash of ours
                assert o.reason and "parsing failed" not in o.reason, o.reason
        check_store(db)
