"""Cross-document fact merging: which facts are one, how a cluster folds into one record, and
dates carried along relations."""

from __future__ import annotations

from typing import Any

from bilat.resolve.facts import cluster, finalise, merge_group, merge_reasons, same_fact

KINDS = {"p-tok": "person", "p-mac": "person", "p-bal": "person", "p-dat": "person", "o-gui": "organization"}


def fact(id: str, doc: str, type: str = "event", kind: str = "state_visit", **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "type": type,
        "id": id,
        "kind": kind,
        "title": fields.pop("title", kind),
        "status": "held",
        "status_history": [],
        "sources": [{"doc": doc, "start": 0, "end": 4, "quote": "text"}],
        "countries": ["FR", "KZ"],
        "domains": [],
        "evidence": [],
    }
    if type == "initiative":
        record |= {"participants": [], "start": None, "end": None, "framework": None}
    elif type == "agreement":
        record |= {"parties": [], "date": None, "place": None, "within": None}
    else:
        record |= {
            "participants": [],
            "date": None,
            "end_date": None,
            "place": None,
            "venue": None,
            "part_of": None,
        }
    record.update(fields)
    return record


def test_one_visit_told_by_three_articles_is_one_cluster() -> None:
    records = [
        fact("f-1", "a.txt", participants=["p-tok"]),
        fact("f-2", "b.txt", kind="official_visit", participants=["p-tok", "p-bal"]),
        fact("f-3", "c.txt", kind="official_visit", participants=["p-tok"], date="2024-11-05"),
        fact("f-4", "c.txt", kind="official_visit", participants=["p-mac"]),
    ]
    mapping = cluster(records, KINDS)
    assert mapping["f-1"] == mapping["f-2"] == mapping["f-3"] == "f-1"
    assert mapping["f-4"] == "f-4"  # another visitor, another visit


def test_facts_of_one_document_are_never_merged_here() -> None:
    records = [fact("f-1", "a.txt", participants=["p-tok"]), fact("f-2", "a.txt", participants=["p-tok"])]
    assert cluster(records, KINDS) == {"f-1": "f-1", "f-2": "f-2"}


def test_dates_that_disagree_keep_facts_apart() -> None:
    a = fact("f-1", "a.txt", kind="exhibition", venue="o-gui", date="2021")
    b = fact("f-2", "b.txt", kind="exhibition", venue="o-gui", date="2024-11")
    assert same_fact(a, b, KINDS) == (False, "dates differ")
    b["date"] = None
    assert same_fact(a, b, KINDS)[0]


def test_meetings_merge_only_with_the_same_people() -> None:
    a = fact("f-1", "a.txt", kind="meeting", participants=["p-bal", "p-dat"])
    b = fact("f-2", "b.txt", kind="meeting", participants=["p-bal", "p-tok"])
    assert not same_fact(a, b, KINDS)[0]
    b["participants"] = ["p-dat", "p-bal"]
    assert same_fact(a, b, KINDS)[0]


def test_initiatives_with_alike_titles_merge() -> None:
    a = fact(
        "f-1",
        "a.txt",
        type="initiative",
        kind="co_production",
        title="Production cinématographique conjointe avec la France",
    )
    b = fact(
        "f-2",
        "b.txt",
        type="initiative",
        kind="co_production",
        title="Production cinématographique conjointe",
    )
    c = fact("f-3", "c.txt", type="initiative", kind="co_production", title="Coproduction d’un dessin animé")
    mapping = cluster([a, b, c], KINDS)
    assert mapping["f-2"] == "f-1" and mapping["f-3"] == "f-3"


def test_merge_group_keeps_every_source_and_the_latest_status() -> None:
    a = fact(
        "f-1",
        "a.txt",
        type="agreement",
        kind="cooperation_pact",
        parties=["c-par"],
        date="2020-12",
        status_history=[{"status": "signed", "date": "2020-12-06", "source": None}],
    )
    b = fact(
        "f-2",
        "b.txt",
        type="agreement",
        kind="cooperation_pact",
        parties=["c-ast"],
        date="2020-12-06",
        status="proposed",
        status_history=[{"status": "proposed", "date": "2020-07", "source": None}],
    )
    merged = merge_group([a, b])
    assert [s["doc"] for s in merged["sources"]] == ["a.txt", "b.txt"]
    assert merged["parties"] == ["c-par", "c-ast"]
    assert merged["date"] == "2020-12-06"  # the most precise
    assert [h["status"] for h in merged["status_history"]] == ["proposed", "signed"]
    assert merged["status"] == "signed"
    assert merged["merged_from"] == ["f-1", "f-2"]


def test_finalise_dates_a_meeting_from_its_visit() -> None:
    visit = fact("f-v", "a.txt", date="2024-11-05")
    meeting = fact("f-m", "b.txt", kind="meeting", part_of="f-v")
    agreement = fact("f-a", "b.txt", type="agreement", kind="memorandum_of_understanding", within="f-m")
    finalise([visit, meeting, agreement])
    assert meeting["date"] == "2024-11"
    assert agreement["date"] == "2024-11"


def test_merged_visits_take_the_most_formal_kind_and_say_why() -> None:
    a = fact("f-1", "a.txt", kind="official_visit", participants=["p-tok"])
    b = fact("f-2", "b.txt", kind="state_visit", participants=["p-tok"])
    assert merge_group([a, b])["kind"] == "state_visit"
    assert merge_reasons([a, b], KINDS) == ["f-2 ~ f-1: same visitor"]


def test_one_agreement_signed_by_different_people_merges_on_kind_countries_and_day() -> None:
    a = fact("f-1", "a.txt", "agreement", "intergovernmental_agreement", parties=["p-mac"], date="2023-11-07")
    b = fact("f-2", "b.txt", "agreement", "intergovernmental_agreement", parties=["p-bal"], date="2023-11-07")
    same, why = same_fact(a, b, KINDS)
    assert same and why == "same kind of agreement between the same countries on the same day"
    b["date"] = "2023-11"  # a month is not enough when the signatories differ
    assert not same_fact(a, b, KINDS)[0]
    b["date"], b["countries"] = "2023-11-07", ["FR", "UZ"]
    assert not same_fact(a, b, KINDS)[0]


def test_an_undated_report_does_not_chain_two_visits_years_apart() -> None:
    """Each pair may be the same visit (an undated report agrees with any date), but the 2015
    visit and the 2023 one are not one: the cluster's dates must agree with each other."""
    records = [
        fact("f-1", "a.txt", participants=["p-mac"], date="2015-04-11"),
        fact("f-2", "b.txt", participants=["p-mac"]),
        fact("f-3", "c.txt", participants=["p-mac"], date="2023-09"),
    ]
    assert same_fact(records[1], records[2], KINDS)[0]  # the pair alone would join
    mapping = cluster(records, KINDS)
    assert mapping["f-1"] == mapping["f-2"] == "f-1"
    assert mapping["f-3"] == "f-3"
    assert cluster(records, KINDS, same=[("f-1", "f-3")])["f-3"] == "f-1"  # a judgement still joins


def test_an_undated_report_does_not_chain_two_pairs_of_countries() -> None:
    records = [
        fact("f-1", "a.txt", participants=["p-mac"], countries=["FR", "IN"]),
        fact("f-2", "b.txt", participants=["p-mac"], countries=[]),
        fact("f-3", "c.txt", participants=["p-mac"], countries=["KZ", "UZ"]),
    ]
    mapping = cluster(records, KINDS)
    assert mapping["f-1"] == mapping["f-2"] == "f-1" and mapping["f-3"] == "f-3"


def test_visits_of_one_leader_to_two_countries_are_two_visits() -> None:
    """France–India and India–Bangladesh share India but are two pairs: two visits; a fact told
    with a third country may still be the same."""
    a = fact("f-1", "a.txt", participants=["p-mac"], countries=["FR", "IN"])
    b = fact("f-2", "b.txt", participants=["p-mac"], countries=["BD", "IN"])
    assert same_fact(a, b, KINDS) == (False, "countries differ")
    b["countries"] = ["FR", "IN", "BD"]
    assert same_fact(a, b, KINDS)[0]
