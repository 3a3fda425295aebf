"""Safe text for what ingest shows and stores about a file: its name and one-line reasons.

Linux hands Python file names whose bytes are not UTF-8 as lone surrogates ("\\udcff"), which
neither a UTF-8 terminal nor SQLite accepts. `shown` turns such bytes, and control characters
(a newline in a name would break a one-line report), into visible `\\xNN` escapes.
"""

from __future__ import annotations

import os
import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_MAX_REASON = 300  # characters of an exception message kept in a report line


def _escape(match: re.Match[str]) -> str:
    return f"\\x{ord(match.group()):02x}"


def shown(path: str | bytes | os.PathLike[str] | os.PathLike[bytes]) -> str:
    """`path` as printable, storable text: `shown(b"caf\\xe9.txt")` -> "caf\\\\xe9.txt"."""
    name = os.fspath(path)
    if isinstance(name, str):
        try:  # surrogates made from undecodable bytes become those bytes again
            name = name.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # other lone surrogates (a str built in code)
            name = name.encode("utf-8", "surrogatepass")
    return _CONTROL.sub(_escape, name.decode("utf-8", "backslashreplace"))


def one_line(text: str, limit: int = _MAX_REASON) -> str:
    """A message as one line without lone surrogates, at most about `limit` characters."""
    text = " ".join(_SURROGATE.sub("\ufffd", text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def failure(stage: str, exc: BaseException) -> str:
    """The reason of a file that failed: `failure("parsing", ValueError("bad"))` ->
    "parsing failed (ValueError: bad)"."""
    message = one_line(str(exc))
    return f"{stage} failed ({type(exc).__name__}{': ' + message if message else ''})"
