"""Readers, the first stage of the flow: files and folders in, a stream of Documents or Skips out.

Folders are walked in sorted order, one file at a time, so a folder of any size streams.
Every file yields exactly one item: a normalised Document, or a Skip whose one-line reason,
with the path, tells the user what is wrong. Nothing here raises on bad input.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilat.ingest.charsets import decode
from bilat.ingest.language import detect_language
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
    import trafilatura  # imported on first HTML file: it costs 0.2 s at startup otherwise

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


def read_file(path: str | Path, max_bytes: int) -> Document | Skip:
    """One file as a Document, or a Skip saying why not."""
    path = Path(path)
    suffix = path.suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        return Skip(str(path), f"unsupported file type {suffix or '(no extension)'}", failed=False)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Skip(str(path), f"file too large ({_size(size)} > {_size(max_bytes)} limit)")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)  # never more than the limit, even if the file grew
    except OSError as exc:
        return Skip(str(path), _os_reason(exc))
    if len(data) > max_bytes:  # it grew after stat
        return Skip(str(path), f"file too large (over the {_size(max_bytes)} limit)")
    if not data.strip():
        return Skip(str(path), "empty file")
    raw = decode(data)
    if raw is None:
        return Skip(str(path), "binary file")
    if not raw.strip():
        return Skip(str(path), "empty file")
    try:
        read = reader(raw)
    except _NoText as exc:
        return Skip(str(path), str(exc))
    text = normalise(read.text)
    if not text.strip():
        return Skip(str(path), "empty file")
    language = detect_language(text)
    published, basis = published_date(read.date, text, language)
    title = normalise(read.title).strip() if read.title else None
    return Document(
        id=path.name,
        source=path.name,
        text=text,
        content_hash=content_hash(text),
        title=title or None,
        published=published,
        published_basis=basis,
        language=language,
        path=str(path),
    )


def _walk(folder: Path) -> Iterator[Path | Skip]:
    """Files under `folder`, sorted by name at each level; hidden files and folders left out."""
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield Skip(str(folder), f"cannot list folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_link, is_dir = entry.is_symlink(), entry.is_dir()
        except OSError as exc:
            yield Skip(entry.path, _os_reason(exc))
            continue
        if is_dir and is_link:
            yield Skip(entry.path, "link to a folder, not followed", failed=False)
        elif is_dir:
            yield from _walk(Path(entry.path))
        else:
            yield Path(entry.path)


def read_paths(paths: Iterable[str | Path], max_bytes: int) -> Iterator[Document | Skip]:
    """Documents and Skips for files and folders (recursively), one at a time, in a stable order.

    A file named explicitly is read even if hidden; inside folders hidden entries are left out.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for item in _walk(path):
                yield item if isinstance(item, Skip) else read_file(item, max_bytes)
        elif path.exists() or path.is_symlink():
            yield read_file(path, max_bytes)
        else:
            yield Skip(str(path), "no such file or folder")
