"""Full-text search over documents, facts and actors (SQLite FTS5, index kept by search_index):
words matched accent- and case-insensitively, facets with counts, sorted and paginated.

User words are never FTS5 syntax: each word is quoted (`"musee"`), a "quoted phrase" stays a
phrase, the last word is also a prefix (`"guim"*`) unless it is a whole word of the index;
quotes, operators and brackets typed by users are only separators. Past RANK_LIMIT results,
relevance gives way to newest first, and facets count the first FACET_RESULTS results: both
keep a search of 50,000 documents within tens of milliseconds (benchmarks/workbench_load.py).
Passages and titles come back as plain text with the offsets of the matches (`{"text", "marks":
[[start, end], ...]}`): FTS5 marks matches with two control characters that never occur in
indexed text (search_index.clean), which are turned into offsets here, so no markup is ever put
into untrusted text; the pages escape it and add <mark>.
"""

from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import TextClause, text
from sqlalchemy.orm import Session

from bilat.store.rows import chunks

RECORD_TYPES = ("document", "agreement", "initiative", "event", "actor")
FACETS = ("pair", "type", "kind", "status", "domain", "year", "actor", "language")
SORTS = ("relevance", "newest", "oldest")
MAX_WORDS = 16  # words of a query; past this, they are left out
FACET_VALUES = 20  # values shown per facet (the most frequent)
FACET_RESULTS = 1_000  # facets count the first this many results (all of them, up to this many)
RANK_LIMIT = 5_000  # past this many results, newest first: bm25 costs ~2 µs a result (50,000: 0.1 s)
MAX_RANKED = 20_000  # results that can be paged through: offset + limit at most this
OPEN, CLOSE = "\x02", "\x03"  # snippet() markers: search_index.clean keeps them out of the text
_WORD = re.compile(r"[^\W_]+")  # what unicode61 makes tokens of: letters and digits
_CHUNK = re.compile(r'"([^"]*)"?|([^\s"]+)')
_FTS_TABLES = ("search_documents", "search_records")
_WEIGHTS = "10.0, 1.0, 4.0"  # bm25 weights of title, body, names
Hit = tuple[int, float, "str | None"]  # entry id, bm25 score, date
SEARCH_TABLES = frozenset({"search_entries", "search_facets", "search_record_text", *_FTS_TABLES})


def include_name(name: str | None, type_: str, _parents: Any) -> bool:
    """Alembic's filter: the search tables (FTS5 and their shadow tables) are not ORM models."""
    if type_ != "table" or not name:
        return True
    return name not in SEARCH_TABLES and not any(name.startswith(f"{t}_") for t in _FTS_TABLES)


def match_expression(q: str | None) -> str | None:
    """The FTS5 query for what a user typed, or None when it holds no word.

    `musée guim` -> `"musée" "guim"*`; `"musée Guimet" Paris` -> `"musée Guimet" "Paris"*`.
    """
    if not q:
        return None
    parts: list[str] = []
    open_end = False  # whether the last part was typed as a bare word (not a "quoted phrase")
    for phrase, word in _CHUNK.findall(q):
        words = _WORD.findall(phrase if phrase else word)
        if words and len(parts) < MAX_WORDS:
            parts.append('"' + " ".join(words) + '"')
            open_end = bool(word) and len(words[-1]) >= 2  # one letter: no prefix (a scan)
    if not parts:
        return None
    last_word_open = open_end and not q[-1].isspace() and not q.rstrip().endswith('"')
    return " ".join(parts) + ("*" if last_word_open else "")


@dataclass(frozen=True)
class SearchQuery:
    """What to look for: words `q` (none: every record), facet values, years, order and page."""

    q: str | None = None
    facets: dict[str, str] = field(default_factory=dict)  # facet -> value (FACETS)
    since: int | None = None  # first year, included
    until: int | None = None  # last year, included
    sort: str = "relevance"  # relevance (newest first without words) | newest | oldest
    limit: int = 20
    offset: int = 0


def passage(marked: str | None) -> dict[str, Any]:
    """FTS5 output with OPEN/CLOSE markers -> {"text": plain text, "marks": [[start, end], ...]}."""
    out: list[str] = []
    marks: list[list[int]] = []
    length = 0
    start: int | None = None
    for piece in re.split(f"([{OPEN}{CLOSE}])", marked or ""):
        if piece == OPEN:
            start = length
        elif piece == CLOSE:
            if start is not None and length > start:
                marks.append([start, length])
            start = None
        else:
            out.append(piece)
            length += len(piece)
    return {"text": "".join(out), "marks": marks}


def _whole_last_word(session: Session, match: str | None, tables: tuple[str, ...]) -> str | None:
    """The match without its last prefix when the last word is a whole word of the index ("guimet"
    is; "guim" is not): a prefix is expanded into every indexed word it starts, and doing so for
    a common word ("coopération"*) costs more than the rest of the search."""
    if match is None or not match.endswith("*"):
        return match
    exact = match[:-1]
    for table in tables:
        sql = f"SELECT 1 FROM {table} WHERE {table} MATCH :m LIMIT 1"
        if session.execute(_sql(sql), {"m": exact}).first() is not None:
            return exact
    return match


def _tables(query: SearchQuery) -> tuple[str, ...]:
    """The FTS5 tables a query needs: documents only, facts and actors only, or both."""
    wanted = query.facets.get("type")
    if wanted == "document":
        return ("search_documents",)
    if wanted is not None:
        return ("search_records",)
    return _FTS_TABLES


def _filters(query: SearchQuery) -> tuple[list[str], dict[str, Any]]:
    """WHERE clauses on `e` (search_entries) for the facets and years chosen, and their binds."""
    binds: dict[str, Any] = {}
    where: list[str] = []
    for i, (facet, value) in enumerate(sorted(query.facets.items())):
        binds[f"f{i}"], binds[f"v{i}"] = facet, value
        if facet in ("type", "kind", "status"):  # columns of the entry: no list of ids to build
            where.append(f"e.{facet} = :v{i}")
        elif facet == "year":
            where.append(f"substr(e.date, 1, 4) = :v{i}")
        else:
            where.append(
                f"e.id IN (SELECT entry_id FROM search_facets WHERE facet = :f{i} AND value = :v{i})"
            )
    if query.since is not None:
        binds["since"] = f"{query.since:04d}"
        where.append("e.date >= :since")
    if query.until is not None:
        binds["until"] = f"{query.until + 1:04d}"
        where.append("e.date < :until")
    return where, binds


def _date_order(sort: str) -> str:
    """Newest (or oldest) first, undated last, ties by id: the same URL always gives the same page."""
    if sort == "oldest":
        return "e.date IS NULL, e.date ASC, e.id ASC"
    return "e.date IS NULL, e.date DESC, e.id DESC"


def _by_date(session: Session, condition: str, binds: dict[str, Any], sort: str, wanted: int) -> list[Hit]:
    """Every record (no words) by date: dated ones through the index on dates, then undated ones."""
    direction = "ASC" if sort == "oldest" else "DESC"
    dated = "e.date IS NOT NULL" + (f" AND {condition}" if condition else "")
    sql = (
        f"SELECT e.id, 0.0, e.date FROM search_entries e WHERE {dated} "
        f"ORDER BY e.date {direction}, e.id {direction} LIMIT :wanted"
    )
    rows = session.execute(text(sql), binds | {"wanted": wanted}).all()
    if len(rows) < wanted:
        undated = "e.date IS NULL" + (f" AND {condition}" if condition else "")
        sql = f"SELECT e.id, 0.0, e.date FROM search_entries e WHERE {undated} ORDER BY e.id {direction}"
        sql += " LIMIT :n"
        rows += session.execute(text(sql), binds | {"n": wanted - len(rows)}).all()
    return [(int(r[0]), 0.0, r[2]) for r in rows]


def _ranked(
    session: Session, query: SearchQuery, match: str | None, wanted: int
) -> tuple[list[Hit], int, str]:
    """The first `wanted` hits in order, how many there are in all, and the order applied: the one
    asked for, except relevance past RANK_LIMIT results (newest first then)."""
    where, binds = _filters(query)
    condition = " AND ".join(where)
    if match is None:
        count = "SELECT count(*) FROM search_entries e" + (f" WHERE {condition}" if condition else "")
        total = int(session.execute(text(count), binds).scalar_one())
        order = "oldest" if query.sort == "oldest" else "newest"
        return _by_date(session, condition, binds, order, wanted), total, order
    binds["match"] = match
    tables = _tables(query)

    def each_table(columns: str) -> str:
        """The matches of every table joined to their entries, filtered: the filters are checked
        before the columns are computed (bm25 only for the hits that pass them). CROSS JOIN keeps
        the FTS5 match the outer loop: SQLite may otherwise scan the entries and run the match
        once per entry (seconds at 50,000 documents)."""
        return " UNION ALL ".join(
            f"SELECT {columns.format(t=t)} FROM {t} CROSS JOIN search_entries e ON e.id = {t}.rowid "
            f"WHERE {t} MATCH :match" + (f" AND {condition}" if condition else "")
            for t in tables
        )

    if condition:
        total = int(session.execute(text(f"SELECT count(*) FROM ({each_table('1')})"), binds).scalar_one())
    else:  # FTS5 counts its matches from the doclists alone
        counts = (f"SELECT count(*) FROM {t} WHERE {t} MATCH :match" for t in tables)
        total = sum(int(session.execute(text(c), binds).scalar_one()) for c in counts)
    order = query.sort if query.sort != "relevance" or total <= RANK_LIMIT else "newest"
    if order != "relevance":
        dated = each_table("e.id, 0.0, e.date")
        sql = f"SELECT * FROM ({dated}) AS e ORDER BY {_date_order(order)} LIMIT :wanted"
        rows = session.execute(text(sql), binds | {"wanted": wanted}).all()
        return [(int(r[0]), 0.0, r[2]) for r in rows], total, order
    sql = each_table(f"e.id, bm25({{t}}, {_WEIGHTS}), e.date")
    # At most RANK_LIMIT rows, each needed to order them: they come back faster as the driver's
    # tuples than as SQLAlchemy rows (on the session's own connection and transaction).
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        found: list[Hit] = cursor.execute(sql, binds).fetchall()
    finally:
        cursor.close()
    return heapq.nsmallest(wanted, found, key=lambda h: (h[1], h[0])), total, order


PASSAGE_CHARS = 240  # of the start of a text shown when the words matched elsewhere


@dataclass
class _Texts:
    title: dict[str, Any]
    passage: dict[str, Any]
    names: list[dict[str, Any]]  # the names (and aliases) that matched, one each


def _start(body: str) -> dict[str, Any]:
    cut = body[:PASSAGE_CHARS]
    return {"text": cut + ("…" if len(body) > PASSAGE_CHARS else ""), "marks": []}


def _passages(session: Session, match: str | None, entries: dict[int, str]) -> dict[int, _Texts]:
    """The title, passage and matched names of these entries (id: record type). The passage is the
    best fragment of the text (a document's text, a fact's quotes) holding the words; when they
    matched only in the title or names, the start of the text, unmarked (an actor's: its aliases).
    One query per FTS5 table: a prefix (`"coop"*`) is expanded once for the page, not once a hit."""
    found: dict[int, _Texts] = {}
    for table in _FTS_TABLES:
        ids = [e for e, type_ in entries.items() if (type_ == "document") == (table == "search_documents")]
        if not ids:
            continue
        listed = ", ".join(str(i) for i in ids)  # integers from the index, not user input
        if match is None:
            sql = f"SELECT rowid, title, substr(body, 1, {PASSAGE_CHARS + 1}), names FROM {table} "
            for rowid, title, body, names in session.execute(text(sql + f"WHERE rowid IN ({listed})")).all():
                shown = _start(body) if body else {"text": (names or "").replace("\n", ", "), "marks": []}
                found[int(rowid)] = _Texts(passage(title), shown, [])
            continue
        sql = (
            f"SELECT rowid, highlight({table}, 0, :o, :c), snippet({table}, 1, :o, :c, '…', 24), "
            f"highlight({table}, 2, :o, :c), substr(body, 1, {PASSAGE_CHARS + 1}) "
            f"FROM {table} WHERE {table} MATCH :match AND rowid IN ({listed})"
        )
        rows = session.execute(text(sql), {"o": OPEN, "c": CLOSE, "match": match}).all()
        for rowid, title, snippet, names, body in rows:
            shown = passage(snippet)
            matched = [passage(line) for line in (names or "").split("\n") if OPEN in line]
            if not shown["marks"]:
                shown = _start(body or "") if body else {"text": "", "marks": []}
            found[int(rowid)] = _Texts(passage(title), shown, matched)
    return found


@lru_cache(maxsize=64)
def _sql(statement: str) -> TextClause:
    """A statement parsed once (SQLAlchemy's text() costs more than SQLite running it here)."""
    return text(statement)


def _facet_counts(session: Session, ids: list[int]) -> dict[str, list[dict[str, Any]]]:
    """Per facet, its values among these entries with their counts (the most frequent first, years
    newest first)."""
    rows: list[Any] = []
    for part in chunks([str(i) for i in ids], 10_000):
        sql = (
            "SELECT facet, value, count(*) FROM search_facets "
            f"WHERE entry_id IN ({', '.join(part)}) GROUP BY facet, value"  # integers from the index
        )
        rows += session.execute(text(sql)).all()
    counts: dict[str, list[dict[str, Any]]] = {facet: [] for facet in FACETS}
    merged: dict[tuple[str, str], int] = {}
    for facet, value, n in rows:
        merged[facet, value] = merged.get((facet, value), 0) + n
    for (facet, value), n in merged.items():
        if facet in counts:
            counts[facet].append({"value": value, "count": n})
    for facet, values in counts.items():
        if facet == "year":
            values.sort(key=lambda v: str(v["value"]), reverse=True)  # newest first, all of them
        else:
            values.sort(key=lambda v: (-v["count"], v["value"]))
            if facet != "type":
                del values[FACET_VALUES:]
    return counts


def _actor_labels(session: Session, ids: list[str]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for part in chunks(sorted(set(ids))):
        marks = ", ".join(f":a{i}" for i in range(len(part)))
        binds = {f"a{i}": v for i, v in enumerate(part)}
        names = session.execute(text(f"SELECT id, name FROM actors WHERE id IN ({marks})"), binds)
        labels.update((id_, name) for id_, name in names)
    return labels


def search(session: Session, query: SearchQuery) -> dict[str, Any]:
    """One page of what `query` finds: `items` (type, id, kind, status, date; title, passage and
    the names that matched, each with the matches' offsets; score), `total`, `facets` (per
    facet, values with counts) and `facets_over`: how many of the results, in their order, the
    counts cover (all of them up to FACET_RESULTS), `order` (relevance, newest or oldest: the one
    asked for, but newest first when there are more than RANK_LIMIT to rank), `limit`, `offset`."""
    match = _whole_last_word(session, match_expression(query.q), _tables(query))
    wanted = min(max(FACET_RESULTS, query.offset + query.limit), MAX_RANKED)
    ranked, total, order = _ranked(session, query, match, wanted)
    page = ranked[query.offset : query.offset + query.limit]
    described = _describe(session, [h[0] for h in page])
    texts = _passages(session, match, {entry: described[entry][0] for entry, _s, _d in page})
    items = []
    empty = _Texts(passage(""), passage(""), [])
    for entry, score, date in page:
        type_, ref, kind, status = described[entry]
        found = texts.get(entry, empty)
        items.append(
            {
                "type": type_,
                "id": ref,
                "kind": kind,
                "status": status,
                "date": date,
                "title": found.title,
                "passage": found.passage,
                "names": found.names,
                "score": round(-float(score), 4) if order == "relevance" else None,
            }
        )
    counted = [h[0] for h in ranked[:FACET_RESULTS]]
    facets = _facet_counts(session, counted)
    labels = _actor_labels(session, [v["value"] for v in facets["actor"]])
    for value in facets["actor"]:
        value["label"] = labels.get(value["value"], value["value"])
    return {
        "items": items,
        "total": total,
        "limit": query.limit,
        "offset": query.offset,
        "facets": facets,
        "facets_over": len(counted),
        "order": order,
    }


def _describe(session: Session, ids: list[int]) -> dict[int, tuple[str, str, str | None, str | None]]:
    if not ids:
        return {}
    listed = ", ".join(str(i) for i in ids)  # integers from the index, not user input
    rows = session.execute(
        text(f"SELECT id, type, ref, kind, status FROM search_entries WHERE id IN ({listed})")
    )
    return {int(r[0]): (r[1], r[2], r[3], r[4]) for r in rows.all()}
