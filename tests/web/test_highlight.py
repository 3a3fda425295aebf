"""The highlighted article: escaped pieces, one <mark> per piece, nested and overlapping spans."""

from __future__ import annotations

import re
from html import unescape

import pytest

from bilat.web.highlight import highlight

MARK = re.compile(r'<mark class="([^"]*)"(?: id="s-(\d+)")? title="([^"]*)">(.*?)</mark>', re.S)


def _pieces(html: str) -> list[tuple[str, str | None, str, str]]:
    """(classes, anchor, title, visible text) of every mark."""
    return [
        (c, i or None, unescape(t), unescape(re.sub(r"<[^>]+>", "", b))) for c, i, t, b in MARK.findall(html)
    ]


def _visible(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", "", html))


def test_text_is_escaped_and_kept_whole() -> None:
    text = "Avant <script>alert(1)</script> & « après »"
    html = str(highlight(text, [{"start": 6, "end": 14, "kind": "actor", "label": "x<y>", "ref_id": None}]))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert 'title="x&lt;y&gt;"' in html
    assert _visible(html) == text


def test_plain_span_gets_anchor_class_and_link() -> None:
    text = "Le musée du Louvre prête des œuvres."
    html = str(
        highlight(text, [{"start": 3, "end": 18, "kind": "actor", "label": "Louvre", "ref_id": "a-1"}])
    )
    assert _pieces(html) == [("hl-actor", "3", "Louvre", "musée du Louvre")]
    assert '<a href="/actors/a-1">' in html


def test_nested_spans_split_into_segments_carrying_all_kinds() -> None:
    text = "Ils signent un mémorandum avec le musée du Louvre demain."
    outer = {"start": 3, "end": 49, "kind": "agreement", "label": "MoU", "ref_id": "f-1"}
    inner = {"start": 34, "end": 49, "kind": "actor", "label": "Louvre", "ref_id": "a-1"}
    pieces = _pieces(str(highlight(text, [inner, outer])))
    assert [p[3] for p in pieces] == [text[3:34], text[34:49]]
    assert pieces[0][:3] == ("hl-agreement", "3", "MoU")
    assert pieces[1][:3] == ("hl-actor hl-agreement", "34", "MoU · Louvre")
    assert "".join(p[3] for p in pieces) == text[3:49]


def test_overlapping_spans_and_same_start() -> None:
    text = "abcdefghij"
    spans = [
        {"start": 1, "end": 6, "kind": "event", "label": "E", "ref_id": None},
        {"start": 4, "end": 9, "kind": "initiative", "label": "I", "ref_id": None},
        {"start": 4, "end": 5, "kind": "actor", "label": "A", "ref_id": None},
    ]
    pieces = _pieces(str(highlight(text, spans)))
    assert [(p[1], p[3]) for p in pieces] == [("1", "bcd"), ("4", "e"), (None, "f"), (None, "ghi")]
    assert set(pieces[1][0].split()) == {"hl-actor", "hl-event", "hl-initiative"}
    assert set(pieces[2][0].split()) == {"hl-event", "hl-initiative"}
    assert pieces[3][0] == "hl-initiative"


def test_offsets_are_python_string_indices() -> None:
    text = "🇰🇿 Astana 🎬 et Lyon"  # flags and emoji: several code points, UTF-16 pairs
    start = text.index("Lyon")
    pieces = _pieces(
        str(highlight(text, [{"start": start, "end": start + 4, "kind": "actor", "label": "L"}]))
    )
    assert pieces[0][3] == "Lyon"


@pytest.mark.parametrize(
    "span",
    [
        {"start": 5, "end": 5, "kind": "actor", "label": "empty"},
        {"start": -1, "end": 3, "kind": "actor", "label": "before"},
        {"start": 2, "end": 99, "kind": "actor", "label": "after"},
    ],
)
def test_spans_outside_the_text_are_ignored(span: dict[str, object]) -> None:
    text = "Astana et Lyon"
    html = str(highlight(text, [span]))
    assert html == text


def test_unknown_kind_is_marked_other() -> None:
    html = str(highlight("abc", [{"start": 0, "end": 1, "kind": 'x" onclick="1', "label": "?"}]))
    assert 'class="hl-other"' in html
    assert "onclick" not in html
