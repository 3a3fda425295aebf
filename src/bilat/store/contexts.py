"""A fact's sources grouped by document, each quote with the sentence around it: read by the fact
page, one query per document (the text is cut by SQLite, not loaded whole)."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bilat.store.tables import DocumentRow

WINDOW = 240  # characters read on each side of a quote, cut back to the sentence's edge
MAX_DOCUMENTS = 100  # documents shown per fact at most (the others are counted)
_BEFORE = re.compile(r".*(?:[.!?…»]\s+|\n)", re.S)  # up to the last sentence end before the quote
_AFTER = re.compile(r"^.*?(?:[.!?…](?=\s|$)|\n)", re.S)  # up to the first sentence end after it


def _around(session: Session, doc: str, start: int, end: int) -> tuple[str, str]:
    """The text of the quote's sentence before and after it (SQLite's substr counts characters,
    as Python's offsets do)."""
    left = max(start - WINDOW, 0)
    before, after = session.execute(
        select(
            func.substr(DocumentRow.text, left + 1, start - left),
            func.substr(DocumentRow.text, end + 1, WINDOW),
        ).where(DocumentRow.id == doc)
    ).one()
    before, after = before or "", after or ""
    cut = _BEFORE.match(before)
    if cut is not None:
        before = before[cut.end() :]
    elif left > 0:
        before = "…" + before
    kept = _AFTER.match(after)
    after = after[: kept.end()].rstrip("\n") if kept is not None else after + ("…" if after else "")
    return before, after


def sources_by_document(session: Session, sources: list[dict[str, Any]]) -> dict[str, Any]:
    """`{"documents": [{id, title, published, quotes: [{start, end, quote, before, after}]}],
    "more": n}`: documents by publication date, quotes by position; `more` counts the documents
    past MAX_DOCUMENTS."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for s in sources:
        grouped.setdefault(s["doc"], []).append(s)
    meta = {
        row[0]: row
        for row in session.execute(
            select(DocumentRow.id, DocumentRow.title, DocumentRow.published).where(
                DocumentRow.id.in_(list(grouped))
            )
        )
    }
    order = sorted(grouped, key=lambda d: (meta[d][2] or "9999" if d in meta else "9999", d))
    documents = []
    for doc in order[:MAX_DOCUMENTS]:
        quotes = []
        for s in sorted(grouped[doc], key=lambda s: (s["start"], s["end"])):
            before, after = _around(session, doc, s["start"], s["end"]) if doc in meta else ("", "")
            quotes.append({**s, "before": before, "after": after})
        title = meta[doc][1] if doc in meta else None
        documents.append(
            {"id": doc, "title": title, "published": meta[doc][2] if doc in meta else None, "quotes": quotes}
        )
    return {"documents": documents, "more": max(len(order) - MAX_DOCUMENTS, 0)}
