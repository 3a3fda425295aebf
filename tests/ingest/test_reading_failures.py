"""Issue 7: no file stops a run. Every failure while reading (the HTML reader's import, any
step's error, odd names with bytes that are not UTF-8, texts past BILAT_MAX_CHARS) is that
file's Skip with a one-line reason; names are shown and stored without lone surrogates."""

from __future__ import annotations

import importlib.abc
import os
import sys
from pathlib import Path

import pytest

from bilat.ingest import readers
from bilat.ingest.readers import read_file, read_paths
from bilat.model.records import Document, Skip

LIMIT = 1024 * 1024
TEXT = "Le musée d'Almaty et le musée des Confluences ont signé un accord le 3 mars 2024 à Lyon.\n"
HTML = f"<html><head><title>Accord</title></head><body><article><p>{TEXT * 3}</p></article></body></html>"


def skip_of(path: str | bytes | Path, **kwargs: int) -> Skip:
    item = read_file(path, LIMIT, **kwargs)
    assert isinstance(item, Skip), item
    assert "\n" not in item.reason
    return item


# --- the HTML reader ------------------------------------------------------------------------


class _NoLxmlClean(importlib.abc.MetaPathFinder):
    """Imports trafilatura as lxml >= 5.2 without lxml_html_clean does: an ImportError."""

    def find_spec(self, fullname: str, path: object, target: object = None) -> None:
        if fullname == "trafilatura":
            raise ImportError(
                "lxml.html.clean module is now a separate project lxml_html_clean. Install "
                "lxml[html_clean] or lxml_html_clean directly."
            )


def test_html_reader_that_cannot_be_imported_fails_the_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 7: with lxml >= 5.2 and no lxml_html_clean, `import trafilatura` raised ImportError
    outside the try and ended the run."""
    (tmp_path / "a.html").write_text(HTML, "utf-8")
    (tmp_path / "b.txt").write_text(TEXT, "utf-8")
    monkeypatch.delitem(
        sys.modules, "trafilatura", raising=False
    )  # imported afresh, through the finder below
    monkeypatch.setattr(sys, "meta_path", [_NoLxmlClean(), *sys.meta_path])
    items = list(read_paths([tmp_path], LIMIT))
    assert [type(i) for i in items] == [Skip, Document]
    skip = items[0]
    assert isinstance(skip, Skip) and skip.failed
    assert skip.reason.startswith("loading the HTML reader failed (ImportError")
    assert "lxml_html_clean" in skip.reason


def test_an_html_reader_error_fails_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.html").write_text(HTML, "utf-8")

    def broken(_body: object) -> str:
        raise KeyError("block")

    monkeypatch.setattr(readers, "_blocks", broken)
    assert skip_of(tmp_path / "a.html").reason == "reading HTML failed (KeyError: 'block')"


def test_lxml_html_clean_is_installed() -> None:
    """trafilatura (through justext) needs it with lxml >= 5.2; the project depends on it."""
    import lxml_html_clean  # noqa: F401


@pytest.mark.parametrize(
    ("target", "stage"),
    [
        ("detect_language", "language identification"),
        ("published_date", "dating"),
        ("decode", "decoding"),
        ("normalise", "normalising"),
    ],
)
def test_an_error_in_any_step_fails_the_file_with_the_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, stage: str
) -> None:
    (tmp_path / "a.txt").write_text(TEXT, "utf-8")

    def broken(*_args: object) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(readers, target, broken)
    assert skip_of(tmp_path / "a.txt").reason == f"{stage} failed (RuntimeError: boom second line)"


def test_a_path_given_with_a_nul_byte_is_a_skip() -> None:
    [item] = list(read_paths(["bad\x00name.txt"], LIMIT))
    assert isinstance(item, Skip)
    assert item.path == "bad\\x00name.txt"


# --- names whose bytes are not UTF-8 ------------------------------------------------------------


@pytest.fixture
def odd_folder(tmp_path: Path) -> bytes:
    """Files whose names hold bytes that are not UTF-8 (Linux allows any byte but / and NUL)."""
    folder = os.fsencode(tmp_path)
    for name in (b"caf\xe9.txt", b"[bold]\xff[x].txt", b"ok.txt"):
        with open(folder + b"/" + name, "wb") as fh:
            fh.write(TEXT.replace("Lyon", name.decode("latin-1")).encode("utf-8"))
    with open(folder + b"/bad\xfe.pdf", "wb") as fh:
        fh.write(b"%PDF-1.4\n")
    return folder


def test_names_with_invalid_utf8_are_shown_with_escapes(odd_folder: bytes) -> None:
    """Issue 7: such names reached the store as lone surrogates (a raw UnicodeEncodeError)."""
    items = list(read_paths([os.fsdecode(odd_folder)], LIMIT))
    docs = {i.id: i for i in items if isinstance(i, Document)}
    assert set(docs) == {"caf\\xe9.txt", "[bold]\\xff[x].txt", "ok.txt"}
    [skip] = [i for i in items if isinstance(i, Skip)]
    assert skip.path.endswith("/bad\\xfe.pdf")
    for doc in docs.values():
        for value in (doc.id, doc.source, doc.path or "", doc.title or "", doc.text):
            value.encode("utf-8")  # no lone surrogate: storable and printable
        assert doc.source == doc.id
        assert (doc.path or "").endswith(doc.id)


def test_bytes_paths_are_read(odd_folder: bytes) -> None:
    item = read_file(odd_folder + b"/caf\xe9.txt", LIMIT)
    assert isinstance(item, Document) and item.id == "caf\\xe9.txt"
    assert [i.id for i in read_paths([odd_folder], LIMIT) if isinstance(i, Document)] == [
        "[bold]\\xff[x].txt",
        "caf\\xe9.txt",
        "ok.txt",
    ]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ok.txt", "ok.txt"),
        (b"caf\xc3\xa9.txt", "café.txt"),
        (b"caf\xe9.txt", "caf\\xe9.txt"),
        (os.fsdecode(b"caf\xe9.txt"), "caf\\xe9.txt"),  # as Linux hands it to Python
        ("line\nbreak.txt", "line\\x0abreak.txt"),  # a report stays one line
        ("lone\ud800.txt", "lone\\xed\\xa0\\x80.txt"),
        (Path("dir") / "[/].txt", "dir/[/].txt"),
    ],
)
def test_shown(name: str | bytes | Path, expected: str) -> None:
    from bilat.ingest.names import shown

    assert shown(name) == expected
    expected.encode("utf-8")


def test_reasons_are_one_short_line() -> None:
    from bilat.ingest.names import failure, one_line

    assert one_line("a\n  b\udcff\tc") == "a b\ufffd c"
    assert len(one_line("x" * 1000)) == 300
    assert failure("parsing", ValueError("")) == "parsing failed (ValueError)"


# --- texts past BILAT_MAX_CHARS -----------------------------------------------------------------


def test_a_text_longer_than_max_chars_is_refused_with_its_reason(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(TEXT * 40, "utf-8")  # 3,560 characters
    n = len(TEXT * 40)
    skip = skip_of(path, max_chars=n - 1)
    assert skip.failed
    assert skip.reason == (
        f"{n:,} characters, more than BILAT_MAX_CHARS={n - 1:,}; split the file or raise the limit"
    )
    assert isinstance(read_file(path, LIMIT, max_chars=n), Document)
    assert isinstance(read_file(path, LIMIT), Document)  # no limit by default
