"""What merged facts carry once finalised (issue 8, findings 1 and 2): an inherited date says
where it comes from, the sources count their articles, the status history is in date order."""

from __future__ import annotations

from typing import Any

from bilat.resolve.facts import finalise, in_date_order, merge_group


def fact(id: str, type: str = "event", kind: str = "state_visit", **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {"id": id, "type": type, "kind": kind, "title": id, "status": None}
    record |= {"sources": [], "status_history": [], "countries": [], "domains": [], "evidence": []}
    return record | fields


def src(doc: str, start: int) -> dict[str, Any]:
    return {"doc": doc, "start": start, "end": start + 5, "quote": "texte"}


def test_an_inherited_date_names_the_fact_it_comes_from() -> None:
    visit = fact("f-v", date="2024-11-05")
    meeting = fact("f-m", kind="meeting", part_of="f-v")
    signed = fact("f-a", type="agreement", kind="memorandum_of_understanding", within="f-m")
    own = fact("f-o", type="agreement", kind="treaty", within="f-m", date="2023")
    finalise([signed, own, meeting, visit])  # order does not matter
    assert (meeting["date"], meeting["date_from"]) == ("2024-11", "f-v")
    assert (signed["date"], signed["date_from"]) == ("2024-11", "f-m")
    assert (own["date"], own["date_from"]) == ("2023", None)  # its own date is kept
    assert (visit["date"], visit["date_from"]) == ("2024-11-05", None)


def test_an_event_dated_by_what_was_signed_at_it() -> None:
    festival = fact("f-f", kind="festival")
    deal = fact("f-d", type="agreement", kind="partnership", within="f-f", date="2024-05-20")
    finalise([festival, deal])
    assert (festival["date"], festival["date_from"]) == ("2024-05", "f-d")


def test_sources_count_their_documents() -> None:
    told = fact("f-1", sources=[src("a.txt", 0), src("a.txt", 40), src("b.txt", 3)])
    alone = fact("f-2", sources=[src("a.txt", 90)])
    finalise([told, alone])
    assert told["source_documents"] == 2
    assert alone["source_documents"] == 1


def test_status_history_by_date_then_text_order() -> None:
    history = [
        {"status": "signed", "date": "2020-12", "source": src("a.txt", 0)},
        {"status": "announced", "date": "2020-12", "source": src("a.txt", 300)},
        {"status": "proposed", "date": "2020-07", "source": src("a.txt", 900)},
        {"status": "signed", "date": "2020-12-06", "source": src("a.txt", 200)},
    ]
    order = [(h["status"], h["date"]) for h in in_date_order(history)]
    assert order == [
        ("proposed", "2020-07"),
        ("signed", "2020-12"),
        ("announced", "2020-12"),
        ("signed", "2020-12-06"),
    ]
    alone = merge_group([fact("f-p", type="agreement", kind="cooperation_pact", status_history=history)])
    assert [h["status"] for h in alone["status_history"]] == ["proposed", "signed", "announced", "signed"]
    assert history[0]["status"] == "signed"  # the stored record is left as it was
