"""Article text as safe HTML with every extracted span wrapped in <mark>, nested spans included.

The text is cut at every span boundary; each piece is escaped on its own and wrapped in one
<mark> carrying the kinds and labels of all spans covering it. Tags are never put into
unescaped text, so the article (untrusted) cannot inject markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

SPAN_KINDS = ("actor", "agreement", "initiative", "event")
_REF_PATHS = {"actor": "/actors/", "agreement": "/facts/", "initiative": "/facts/", "event": "/facts/"}


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str
    label: str
    ref_id: str | None


def _clean(spans: Iterable[Mapping[str, Any]], length: int) -> list[_Span]:
    """Spans inside the text and non-empty; unknown kinds become "other"."""
    out = []
    for s in spans:
        start, end = int(s["start"]), int(s["end"])
        if 0 <= start < end <= length:
            kind = s.get("kind") if s.get("kind") in SPAN_KINDS else "other"
            out.append(_Span(start, end, str(kind), str(s.get("label") or ""), s.get("ref_id")))
    return out


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _mark(piece: str, start: int, covering: list[_Span], starts: set[int]) -> Markup:
    covering = sorted(covering, key=lambda s: (s.end - s.start, s.start))  # innermost first
    kinds = _unique(f"hl-{s.kind}" for s in covering)
    labels = " · ".join(_unique(s.label for s in reversed(covering)))
    id_attr = Markup(' id="s-{}"').format(start) if start in starts else Markup("")
    body: Markup = escape(piece)
    inner = next((s for s in covering if s.ref_id and s.kind in _REF_PATHS), None)
    if inner is not None:
        href = _REF_PATHS[inner.kind] + quote(str(inner.ref_id), safe="")
        body = Markup('<a href="{}">{}</a>').format(href, piece)
    return Markup('<mark class="{}"{} title="{}">{}</mark>').format(" ".join(kinds), id_attr, labels, body)


def highlight(text: str, spans: Iterable[Mapping[str, Any]]) -> Markup:
    """`text` as HTML with spans ({start, end, kind, label, ref_id}) marked; offsets are str indices.

    The piece beginning at a span's start carries `id="s-{start}"`, the anchor that
    `/documents/{doc}#s-{start}` links to.
    """
    clean = _clean(spans, len(text))
    starts = {s.start for s in clean}
    bounds = sorted({0, len(text)} | starts | {s.end for s in clean})
    parts: list[Markup] = []
    for a, b in pairwise(bounds):
        covering = [s for s in clean if s.start <= a and b <= s.end]
        piece = text[a:b]
        parts.append(_mark(piece, a, covering, starts) if covering else escape(piece))
    return Markup("").join(parts)
