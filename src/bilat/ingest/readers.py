"""Readers, the first stage of the flow: files and folders in, a stream of Documents or Skips out.

Folders are walked in sorted order, one file at a time, so a folder of any size streams.
Every file yields exactly one item: a normalised Document, or a Skip whose one-line reason,
with the path, tells the user what is wrong. Nothing here raises on bad input: an error in any
step (decoding, the HTML reader, language id, dating) is that file's Skip, naming the step.
Paths, ids and sources are `shown` (bytes that are not UTF-8 appear as \\xNN).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilat.ingest.charsets import decode
from bilat.ingest.language import detect_language
from bilat.ingest.names import failure, shown
from bilat.ingest.normalise import normalise
from bilat.ingest.published import published_date
from bilat.model.ids import content_hash
from bilat.model.records import Document, Skip


@dataclass
class _Read:
    """What a format reader gets out of a file's text."""

    text: str
    title: str | None = None
    date: str | None = None  # from metadata only


class _NoText(Exception):
    """A file whose format holds no article text; the message is the Skip reason."""


_TITLE_MAX = 200  # a first line longer than this is a paragraph, not a headline


def _first_line(text: str, strip: str = "") -> str | None:
    """The headline: the first non-empty line, unless it is a whole paragraph."""
    for line in text.splitlines():
        title = line.strip().lstrip(strip).strip()
        if title:
            return title if len(title) <= _TITLE_MAX else None
    return None


def _read_text(text: str) -> _Read:
    return _Read(text, title=_first_line(text))


def _read_markdown(text: str) -> _Read:
    return _Read(text, title=_first_line(text, strip="#"))


_LINE_TAGS = frozenset({"lb", "item", "row"})  # start a new line inside a block


def _inline(node: Any, pieces: list[str]) -> None:
    if node.text:
        pieces.append(node.text)
    for child in node:
        if child.tag in _LINE_TAGS:
            pieces.append("\n")
        elif child.tag == "cell":
            pieces.append(" ")
        _inline(child, pieces)
        if child.tail:
            pieces.append(child.tail)


def _blocks(body: Any) -> str:
    """trafilatura's body as text: one block (paragraph, heading, list) per paragraph."""
    blocks = []
    for block in body:
        pieces: list[str] = []
        _inline(block, pieces)
        lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            blocks.append(text)
    return "\n\n".join(blocks)


def _read_html(html: str) -> _Read:
    try:  # imported on first HTML file: it costs 0.2 s at startup otherwise
        import trafilatura
    except ImportError as exc:  # e.g. lxml >= 5.2 without lxml_html_clean (issue 7)
        raise _NoText(
            failure("loading the HTML reader", exc) + "; reinstall bilat's dependencies (lxml_html_clean)"
        ) from exc
    try:
        result = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            # only declared dates: the extensive search would take a date from the article body
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura and lxml raise many kinds on malformed markup
        raise _NoText(f"HTML could not be parsed ({type(exc).__name__})") from exc
    if result is None or isinstance(result, dict):
        raise _NoText("no article text found in HTML")
    text = _blocks(result.body) if result.body is not None else (result.text or "")
    if not text.strip():
        raise _NoText("no article text found in HTML")
    return _Read(text, title=result.title or None, date=result.date or None)


READERS: dict[str, Callable[[str], _Read]] = {
    ".txt": _read_text,
    ".md": _read_markdown,
    ".html": _read_html,
    ".htm": _read_html,
}


def _size(n: int) -> str:
    """`_size(24_222_106)` -> "23.1 MB"."""
    if n < 1024:
        return f"{n} bytes"
    for unit, scale in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    raise AssertionError("unreachable")


def _os_reason(exc: OSError) -> str:
    return f"cannot read: {exc.strerror or exc}"


class _Failed(Exception):
    """A step of reading failed; the message is the Skip reason."""


def _step(what: str, fn: Callable[..., Any], *args: Any) -> Any:
    try:
        return fn(*args)
    except _NoText:
        raise
    except Exception as exc:  # any error of a step is this file's failure, never the run's
        raise _Failed(failure(what, exc)) from exc


def _too_long(n: int, max_chars: int) -> str:
    return f"{n:,} characters, more than BILAT_MAX_CHARS={max_chars:,}; split the file or raise the limit"


def read_file(
    path: str | bytes | os.PathLike[str], max_bytes: int, max_chars: int | None = None
) -> Document | Skip:
    """One file as a Document, or a Skip saying why not; never raises on what the file holds.

    Texts longer than `max_chars` characters (after decoding and normalising) are refused.
    """
    try:
        return _read_file(Path(os.fsdecode(path)), max_bytes, max_chars)
    except _NoText as exc:
        return Skip(shown(path), str(exc))
    except _Failed as exc:
        return Skip(shown(path), str(exc))
    except Exception as exc:  # a bug of ours: still one file's failure
        return Skip(shown(path), failure("reading", exc))


def _read_file(path: Path, max_bytes: int, max_chars: int | None) -> Document | Skip:
    name = shown(path)
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        return Skip(name, f"unsupported file type {shown(suffix) or '(no extension)'}", failed=False)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Skip(name, f"file too large ({_size(size)} > {_size(max_bytes)} limit)")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)  # never more than the limit, even if the file grew
    except OSError as exc:
        return Skip(name, _os_reason(exc))
    if len(data) > max_bytes:  # it grew after stat
        return Skip(name, f"file too large (over the {_size(max_bytes)} limit)")
    if not data.strip():
        return Skip(name, "empty file")
    raw = _step("decoding", decode, data)
    if raw is None:
        return Skip(name, "binary file")
    if not raw.strip():
        return Skip(name, "empty file")
    read = _step(f"reading {suffix[1:].upper()}", reader, raw)
    text = _step("normalising", normalise, read.text)
    if not text.strip():
        return Skip(name, "empty file")
    if max_chars is not None and len(text) > max_chars:
        return Skip(name, _too_long(len(text), max_chars))
    language = _step("language identification", detect_language, text)
    published, basis = _step("dating", published_date, read.date, text, language)
    title = _step("normalising", normalise, read.title).strip() if read.title else None
    return Document(
        id=shown(path.name),
        source=shown(path.name),
        text=text,
        content_hash=content_hash(text),
        title=title or None,
        published=published,
        published_basis=basis,
        language=language,
        path=name,
    )


# A folder's README, LICENSE or CHANGELOG describes the folder (a corpus, an export), not an article
_FOLDER_NOTES = re.compile(r"(?i)^(?:readme|license|licence|changelog|changes)(?:\.[a-z]+)?$")


def _walk(folder: Path) -> Iterator[Path | Skip]:
    """Files under `folder`, sorted by name at each level; hidden files and folders, and the
    folder's own notes (README, LICENSE, CHANGELOG), left out."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield Skip(shown(folder), f"cannot list folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if _FOLDER_NOTES.match(entry.name):
            yield Skip(shown(entry.path), "the folder's notes, not an article (name it to read it)", False)
            continue
        try:
            is_link, is_dir = entry.is_symlink(), entry.is_dir()
        except OSError as exc:
            yield Skip(shown(entry.path), _os_reason(exc))
            continue
        if is_dir and is_link:
            yield Skip(shown(entry.path), "link to a folder, not followed", failed=False)
        elif is_dir:
            yield from _walk(Path(entry.path))
        else:
            yield Path(entry.path)


def read_paths(
    paths: Iterable[str | bytes | os.PathLike[str]], max_bytes: int, max_chars: int | None = None
) -> Iterator[Document | Skip]:
    """Documents and Skips for files and folders (recursively), one at a time, in a stable order.

    A file named explicitly is read even if hidden; inside folders hidden entries are left out.
    """
    for given in paths:
        try:
            path = Path(os.fsdecode(given))
            if path.is_dir():
                for item in _walk(path):
                    yield item if isinstance(item, Skip) else read_file(item, max_bytes, max_chars)
            elif path.exists() or path.is_symlink():
                yield read_file(path, max_bytes, max_chars)
            else:
                yield Skip(shown(path), "no such file or folder")
        except Exception as exc:  # e.g. a NUL byte in a path given by code
            yield Skip(shown(given), failure("reading", exc))
