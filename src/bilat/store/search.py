"""Full-text search over documents, facts and actors (SQLite FTS5, index kept by search_index):
words matched accent- and case-insensitively, facets with counts, sorted and paginated.

User words are never FTS5 syntax: each word is quoted (`"musee"`), a "quoted phrase" stays a
phrase, the last word is also a prefix (`"guim"*`) unless it is a whole word of the index;
quotes, operators and brackets typed by users are only separators. Past RANK_LIMIT results,
relevance gives way to newest first, and facets count the first FACET_RESULTS results: both
keep a search of 50,000 documents within tens of milliseconds (benchmarks/workbench_load.py).
Facets chosen are tags in the FTS5 match (search_index.tag: the users' words are matched in the
title, body and names only) and years are ranges of ids, so FTS5 counts and filters from its
doclists; ids run in date order, so the newest (or oldest) results are its first matches.
Passages and titles come back as plain text with the offsets of the matches (`{"text", "marks":
[[start, end], ...]}`): FTS5 marks matches with two control characters that never occur in
indexed text (search_index.clean), which are turned into offsets here, so no markup is ever put
into untrusted text; the pages escape it and add <mark>. A process keeps its last searches
(search_cache), for the state of the index they read.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import TextClause, text
from sqlalchemy.orm import Session

from bilat.store.rows import chunks
from bilat.store.search_cache import Found, Kept
from bilat.store.search_index import LISTED, SEQ_BITS, tag, year_ids

RECORD_TYPES = ("document", "agreement", "initiative", "event", "actor")
FACETS = ("pair", "type", "kind", "status", "domain", "year", "actor", "language")
SORTS = ("relevance", "newest", "oldest")
MAX_WORDS = 16  # words of a query; past this, they are left out
FACET_VALUES = 20  # values shown per facet (the most frequent)
FACET_RESULTS = 500  # facets count the first this many results (all of them, up to this many)
RANK_LIMIT = 5_000  # past this many results, newest first: bm25 costs ~2 µs a result (50,000: 0.1 s)
MAX_RANKED = 20_000  # results that can be paged through: offset + limit at most this
OPEN, CLOSE = "\x02", "\x03"  # snippet() markers: search_index.clean keeps them out of the text
_WORD = re.compile(r"[^\W_]+")  # what unicode61 makes tokens of: letters and digits
_CHUNK = re.compile(r'"([^"]*)"?|([^\s"]+)')
_FTS_TABLES = ("search_documents", "search_records")
_WEIGHTS = "10.0, 1.0, 4.0, 0.0"  # bm25 weights of title, body, names, tags
_TEXT = "{title body names}"  # the columns users' words are looked for in (not the tags)
# entry id, bm25 score, date, type, ref, kind, status; languages, pairs, domains, actors (search_index.LISTED)
Hit = tuple[Any, ...]
DATED = 1 << SEQ_BITS  # entries' ids from this one on are dated (search_index.entry_block)
SEARCH_TABLES = frozenset(
    {"search_entries", "search_facets", "search_record_text", "search_state", *_FTS_TABLES}
)
CACHE_SIZE = 128  # searches a process keeps (first results, total, order, facet counts), the last used


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
        if session.execute(_sql(sql), {"m": f"{_TEXT} : ({exact})"}).first() is not None:
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


def _match(query: SearchQuery, words: str | None, table: str) -> str | None:
    """The FTS5 match of a table: the words in the text columns, each facet chosen as a tag (the
    year aside: a range of ids); None without either."""
    parts = [f"{_TEXT} : ({words})"] if words else []
    tags = [
        f'"{tag(facet, value)}"'
        for facet, value in sorted(query.facets.items())
        if facet != "year" and not (facet == "type" and table == "search_documents")  # all of them
    ]
    if tags:
        parts.append(f"tags : ({' '.join(tags)})")
    return " AND ".join(parts) or None


def _years(query: SearchQuery, ids: str) -> tuple[str, dict[str, Any]]:
    """The condition on `ids` (entries' ids or FTS5 rowids) for the year, since and until chosen."""
    years = [int(query.facets["year"])] if "year" in query.facets else []
    first = max([y for y in (*years, query.since) if y is not None], default=None)
    last = min([y for y in (*years, query.until) if y is not None], default=None)
    if first is None and last is None:
        return "", {}
    low, high = year_ids(first, last)
    return f" AND {ids} >= :low AND {ids} < :high", {"low": low, "high": high}


_JOIN = "CROSS JOIN search_entries e ON e.id = {t}.rowid"
_COLUMNS = "e.id, {score}, e.date, e.type, e.ref, e.kind, e.status, " + ", ".join(
    f"e.{c}" for c in LISTED.values()
)


def _rows(session: Session, sql: str, binds: dict[str, Any]) -> list[Any]:
    """The rows of a query as the driver's tuples, on the session's own connection and transaction:
    a thousand rows come back several times faster than as SQLAlchemy rows."""
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        return cursor.execute(sql, binds).fetchall()
    finally:
        cursor.close()


def _by_id(session: Session, sql: str, binds: dict[str, Any], ids: str, sort: str, wanted: int) -> list[Hit]:
    """The first `wanted` rows of `sql` (which ends with a WHERE) in date order: its ids, newest
    first (undated last: their ids are the lowest), or oldest first (dated ones, then undated)."""
    if sort != "oldest":
        return _rows(session, f"{sql} ORDER BY {ids} DESC LIMIT :wanted", binds | {"wanted": wanted})
    dated = f"{sql} AND {ids} >= :dated ORDER BY {ids} ASC LIMIT :wanted"
    found = _rows(session, dated, binds | {"dated": DATED, "wanted": wanted})
    if len(found) < wanted:
        undated = f"{sql} AND {ids} < :dated ORDER BY {ids} ASC LIMIT :wanted"
        found += _rows(session, undated, binds | {"dated": DATED, "wanted": wanted - len(found)})
    return found


def _ranked(
    session: Session, query: SearchQuery, words: str | None, wanted: int
) -> tuple[list[Hit], int, str]:
    """The first `wanted` hits in order, how many there are in all, and the order applied: the one
    asked for, except relevance past RANK_LIMIT results (newest first then), and newest first
    without words."""
    tables = _tables(query)
    matches = {t: _match(query, words, t) for t in tables}
    if any(m is None for m in matches.values()):  # no words, no facet but years or type=document
        years, binds = _years(query, "e.id")
        if "type" in query.facets:
            years, binds = f"{years} AND e.type = :type", binds | {"type": query.facets["type"]}
        count = "SELECT count(*) FROM search_entries e" + (f" WHERE 1{years}" if years else "")
        total = int(session.execute(_sql(count), binds).scalar_one())
        order = "oldest" if query.sort == "oldest" else "newest"
        sql = f"SELECT {_COLUMNS.format(score='0.0')} FROM search_entries e WHERE 1{years}"
        return _by_id(session, sql, binds, "e.id", order, wanted), total, order
    per_table: dict[str, tuple[str, dict[str, Any]]] = {}
    total = 0
    for t in tables:
        years, binds = _years(query, f"{t}.rowid")
        per_table[t] = (f"{t} MATCH :match{years}", binds | {"match": matches[t]})
        # FTS5 counts from its doclists alone: facets are tags, years a range of its rowids
        count = f"SELECT count(*) FROM {t} WHERE {per_table[t][0]}"
        total += int(session.execute(_sql(count), per_table[t][1]).scalar_one())

    def joined(t: str, score: str) -> str:
        """The matches of table t with their entries. CROSS JOIN keeps the FTS5 match the outer
        loop, walking its matches in id (date) order."""
        return f"SELECT {_COLUMNS.format(score=score)} FROM {t} {_JOIN.format(t=t)} WHERE {per_table[t][0]}"

    order = "oldest" if query.sort == "oldest" else "newest"
    if words is not None and query.sort == "relevance" and total <= RANK_LIMIT:
        order = "relevance"
    if order != "relevance":
        if len(tables) == 1:
            (t,) = tables
            return (
                _by_id(session, joined(t, "0.0"), per_table[t][1], f"{t}.rowid", order, wanted),
                total,
                order,
            )
        ids: list[tuple[int, float]] = []  # each table's first ids (its doclists alone), then entries
        for t in tables:
            sql = f"SELECT {t}.rowid, 0.0 FROM {t} WHERE {per_table[t][0]}"
            ids += _by_id(session, sql, per_table[t][1], f"{t}.rowid", order, wanted)
        undated_last = (lambda h: (h[0] < DATED, h[0])) if order == "oldest" else (lambda h: -h[0])
        return _with_entries(session, sorted(ids, key=undated_last)[:wanted]), total, order
    scored: list[tuple[int, float]] = []
    for t in tables:  # bm25 of at most RANK_LIMIT matches, each table's best `wanted` kept
        sql = f"SELECT {t}.rowid, bm25({t}, {_WEIGHTS}) AS score FROM {t} WHERE {per_table[t][0]}"
        scored += _rows(
            session, f"{sql} ORDER BY score, {t}.rowid LIMIT :wanted", per_table[t][1] | {"wanted": wanted}
        )
    best = heapq.nsmallest(wanted, scored, key=lambda h: (h[1], h[0]))
    return _with_entries(session, best), total, order


def _with_entries(session: Session, scored: list[tuple[int, float]]) -> list[Hit]:
    """The hits of these (entry id, score), in this order, with their entries' columns."""
    found: dict[int, Any] = {}
    for part in chunks([str(i) for i, _score in scored], 10_000):
        listed = ", ".join(part)  # integers from the index, not user input
        sql = f"SELECT {_COLUMNS.format(score='0.0')} FROM search_entries e WHERE e.id IN ({listed})"
        found.update((r[0], r) for r in _rows(session, sql, {}))
    return [(i, score, *found[i][2:]) for i, score in scored if i in found]


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
    One query per FTS5 table, over the range of the page's ids: FTS5 seeks to a range, whereas
    `rowid IN (...)` ran the match once per id (a prefix, `"coop"*`, expanded each time)."""
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
            f"FROM {table} WHERE {table} MATCH :match AND rowid >= :low AND rowid <= :high "
            f"AND +rowid IN ({listed})"  # +: a filter on the rows of the range, not a lookup
        )
        binds = {"o": OPEN, "c": CLOSE, "match": f"{_TEXT} : ({match})", "low": min(ids), "high": max(ids)}
        for rowid, title, snippet, names, body in session.execute(text(sql), binds).all():
            shown = passage(snippet)
            matched = [passage(line) for line in (names or "").split("\n") if OPEN in line]
            if not shown["marks"]:
                shown = _start(body or "") if body else {"text": "", "marks": []}
            found[int(rowid)] = _Texts(passage(title), shown, matched)
    return found


@lru_cache(maxsize=256)
def _sql(statement: str) -> TextClause:
    """A statement parsed once (SQLAlchemy's text() costs more than SQLite running it here)."""
    return text(statement)


def _facet_counts(hits: list[Hit]) -> dict[str, list[dict[str, Any]]]:
    """Per facet, its values among these hits with their counts (the most frequent first, years
    newest first), from the columns of the entries the search read."""
    years = Counter(h[2][:4] for h in hits if h[2])
    found: dict[str, Counter[str]] = {
        "type": Counter(h[3] for h in hits),
        "kind": Counter(h[5] for h in hits if h[5]),
        "status": Counter(h[6] for h in hits if h[6]),
        "year": Counter({y: n for y, n in years.items() if len(y) == 4 and y.isdigit()}),
    }
    for at, facet in enumerate(LISTED, start=7):  # values separated by spaces: split at once
        found[facet] = Counter(" ".join(h[at] for h in hits if h[at]).split())
    counts: dict[str, list[dict[str, Any]]] = {}
    for facet in FACETS:
        if facet == "year":  # newest first, all of them
            shown = sorted(found[facet].items(), reverse=True)
        elif facet == "type":  # all of them, the most frequent first
            shown = sorted(found[facet].items(), key=lambda vn: (-vn[1], vn[0]))
        else:
            shown = heapq.nsmallest(FACET_VALUES, found[facet].items(), key=lambda vn: (-vn[1], vn[0]))
        counts[facet] = [{"value": value, "count": n} for value, n in shown]
    return counts


def _actor_labels(session: Session, ids: list[str]) -> dict[str, str]:
    labels: dict[str, str] = {}
    for part in chunks(sorted(set(ids))):
        marks = ", ".join(f":a{i}" for i in range(len(part)))
        binds = {f"a{i}": v for i, v in enumerate(part)}
        names = session.execute(_sql(f"SELECT id, name FROM actors WHERE id IN ({marks})"), binds)
        labels.update((id_, name) for id_, name in names)
    return labels


_CACHE = Kept(CACHE_SIZE)


def _key(session: Session, query: SearchQuery) -> tuple[Any, ...]:
    state = session.execute(_sql("SELECT epoch, version FROM search_state")).one()
    facets = tuple(sorted(query.facets.items()))
    limits = (FACET_RESULTS, RANK_LIMIT)
    return (
        str(session.get_bind().url),
        *state,
        *limits,
        query.q,
        facets,
        query.since,
        query.until,
        query.sort,
    )


def _find(session: Session, query: SearchQuery) -> Found:
    """The results of `query` in order, as many as its page needs and FACET_RESULTS at least."""
    key = _key(session, query)
    found = _CACHE.get(key)
    if found is not None and (found.complete or len(found.ranked) >= query.offset + query.limit):
        return found
    match = _whole_last_word(session, match_expression(query.q), _tables(query))
    wanted = min(max(FACET_RESULTS, query.offset + query.limit), MAX_RANKED)
    ranked, total, order = _ranked(session, query, match, wanted)
    found = Found(match, ranked, len(ranked) < wanted, total, order, _facet_counts(ranked[:FACET_RESULTS]))
    _CACHE.put(key, found)
    return found


def search(session: Session, query: SearchQuery) -> dict[str, Any]:
    """One page of what `query` finds: `items` (type, id, kind, status, date; title, passage and
    the names that matched, each with the matches' offsets; score), `total`, `facets` (per
    facet, values with counts) and `facets_over`: how many of the results, in their order, the
    counts cover (all of them up to FACET_RESULTS), `order` (relevance, newest or oldest: the one
    asked for, but newest first when there are more than RANK_LIMIT to rank), `limit`, `offset`."""
    found = _find(session, query)
    order = found.order
    page = found.ranked[query.offset : query.offset + query.limit]
    texts = _passages(session, found.match, {h[0]: h[3] for h in page})
    items = []
    empty = _Texts(passage(""), passage(""), [])
    for entry, score, date, type_, ref, kind, status, *_ in page:
        shown = texts.get(entry, empty)
        items.append(
            {
                "type": type_,
                "id": ref,
                "kind": kind,
                "status": status,
                "date": date,
                "title": shown.title,
                "passage": shown.passage,
                "names": shown.names,
                "score": round(-float(score), 4) if order == "relevance" else None,
            }
        )
    facets = {facet: [dict(v) for v in values] for facet, values in found.facets.items()}
    labels = _actor_labels(session, [v["value"] for v in facets["actor"]])
    for value in facets["actor"]:
        value["label"] = labels.get(value["value"], value["value"])
    return {
        "items": items,
        "total": found.total,
        "limit": query.limit,
        "offset": query.offset,
        "facets": facets,
        "facets_over": min(len(found.ranked), FACET_RESULTS),
        "order": order,
    }
