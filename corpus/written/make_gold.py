"""Builds gold.jsonl for the written pages of this folder from the annotations below.

Every fact names its source quotes as strings; this script finds each one in its page (Python
`str` indices over the file read as UTF-8, no normalisation) and fills in `start`/`end`. A quote
must occur exactly once in its page, or be given as (quote, n) for its n-th occurrence (0-based).

    .venv/bin/python corpus/written/make_gold.py [OUT]   # rewrites corpus/written/gold.jsonl (or OUT)
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RECORDS: list[dict[str, Any]] = []
_page: dict[str, str] = {}


def page(
    pid: str,
    lang: str,
    published: str | None,
    title: str,
    negative: bool = False,
    note: str | None = None,
) -> None:
    """Starts a page: its document record. `title` is the headline as written in the page."""
    text = (HERE / f"{pid}.txt").read_text(encoding="utf-8")
    assert title in text, (pid, title)
    _page.clear()
    _page.update(id=pid, doc=f"{pid}.txt", text=text, lang=lang)
    rec: dict[str, Any] = {
        "type": "document",
        "id": f"{pid}.txt",
        "source": f"{pid}.txt",
        "title": title,
        "language": lang,
        "published": published,
        "published_basis": "text" if published else "none",
    }
    if negative:
        rec["negative"] = True
    if note:
        rec["note"] = note
    RECORDS.append(rec)


def _aid(key: str) -> str:
    return f"{_page['id']}-{key}"


def actor(
    key: str,
    kind: str,
    name: str,
    country: str | None,
    aliases: list[str] | None = None,
    required: bool = True,
    category: str | None = None,
    title: str | None = None,
    org: str | None = None,
    note: str | None = None,
) -> None:
    rec: dict[str, Any] = {
        "type": "actor",
        "id": _aid(key),
        "kind": kind,
        "name": name,
        "aliases": aliases or [],
        "country": country,
        "required": required,
    }
    if kind == "organization":
        rec["category"] = category or "other"
    if kind == "person" and title:
        rec["roles"] = [{"title": title, "organization": _aid(org) if org else None, "country": country}]
    if note:
        rec["note"] = note
    RECORDS.append(rec)


def country(key: str, name: str, code: str, aliases: list[str] | None = None, required: bool = True) -> None:
    actor(key, "country", name, code, aliases, required)


def person(key: str, name: str, code: str, title: str, org: str | None = None,
           aliases: list[str] | None = None, required: bool = True) -> None:
    actor(key, "person", name, code, aliases, required, title=title, org=org)


def org(key: str, name: str, code: str | None, category: str, aliases: list[str] | None = None,
        required: bool = True, note: str | None = None) -> None:
    actor(key, "organization", name, code, aliases, required, category=category, note=note)


def place(key: str, name: str, code: str, kind: str = "city", aliases: list[str] | None = None,
          required: bool = False) -> None:
    actor(key, kind, name, code, aliases, required)


def _sources(quotes: list[str | tuple[str, int]]) -> list[dict[str, Any]]:
    text, out = _page["text"], []
    for q in quotes:
        quote, nth = (q, None) if isinstance(q, str) else q
        starts, i = [], text.find(quote)
        while i != -1:
            starts.append(i)
            i = text.find(quote, i + 1)
        assert starts, (_page["id"], quote)
        if nth is None:
            assert len(starts) == 1, (_page["id"], quote, "occurs", len(starts))
            nth = 0
        start = starts[nth]
        out.append({"doc": _page["doc"], "start": start, "end": start + len(quote), "quote": quote})
    return out


def _fact(ftype: str, key: str, kind: str, title: str, who_key: str, who: list[str],
          countries: list[str], status: str, domains: list[str], quotes: list[Any],
          required: bool, kind_any: list[str] | None, note: str | None, extra: dict[str, Any]) -> None:
    rec: dict[str, Any] = {
        "type": ftype,
        "id": _aid(key),
        "kind": kind,
        "title": title,
        who_key: [_aid(w) for w in who],
        "countries": countries,
        "status": status,
        "domains": domains,
    }
    for k, v in extra.items():
        if k in ("within", "part_of", "framework") and v:
            v = _aid(v)
        if k in ("signatories",):
            v = [_aid(w) for w in v]
        if k == "venue" and v and v.startswith("@"):
            v = _aid(v[1:])
        rec[k] = v
    if kind_any:
        rec["kind_any"] = kind_any
    if note:
        rec["note"] = note
    rec["sources"] = _sources(quotes)
    rec["required"] = required
    RECORDS.append(rec)


def agreement(key, kind, title, parties, countries, status, domains, quotes, required=True,
              kind_any=None, note=None, date=None, place=None, signatories=None, within=None):
    extra = {"date": date, "place": place, "within": within}
    if signatories:
        extra["signatories"] = signatories
    _fact("agreement", key, kind, title, "parties", parties, countries, status, domains, quotes,
          required, kind_any, note, extra)


def initiative(key, kind, title, participants, countries, status, domains, quotes, required=True,
               kind_any=None, note=None, start=None, end=None, framework=None):
    _fact("initiative", key, kind, title, "participants", participants, countries, status, domains,
          quotes, required, kind_any, note, {"start": start, "end": end, "framework": framework})


def event(key, kind, title, participants, countries, status, domains, quotes, required=True,
          kind_any=None, note=None, date=None, end_date=None, place=None, venue=None, part_of=None):
    _fact("event", key, kind, title, "participants", participants, countries, status, domains,
          quotes, required, kind_any, note,
          {"date": date, "end_date": end_date, "place": place, "venue": venue, "part_of": part_of})


def main(out_path: Path | None = None) -> None:
    import pages_en  # noqa: F401  (each module calls page/actor/... in order)
    import pages_fr  # noqa: F401

    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids)), "duplicate ids"
    out_path = out_path or HERE / "gold.jsonl"
    with out_path.open("w", encoding="utf-8") as out:
        for rec in RECORDS:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(RECORDS)} records written to {out_path}")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(HERE))
    import make_gold  # the page modules fill make_gold.RECORDS, not __main__'s

    make_gold.main(Path(sys.argv[1]) if len(sys.argv) > 1 else None)
