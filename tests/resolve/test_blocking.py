"""Blocking in fact merging: clustering compares each fact only with the facts the rules may
accept (resolve.facts._Candidates), and must give the clusters of comparing every pair of a block,
judgements included. Generated facts (Hypothesis, bounded and derandomized) are drawn from small
pools so that they collide: the same people, venues, days, countries, titles that differ by a
plural or a few words, undated and unreadable dates, several facts of one document."""

from __future__ import annotations

from typing import Any
from unittest import mock

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from bilat.extract.titles import title_likeness
from bilat.model.dates import PartialDate, agree
from bilat.resolve import facts
from bilat.resolve.blocking import ByDate
from bilat.resolve.facts import _Candidates, _same, _Seen, cluster

PROPERTY = settings(
    max_examples=150,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
KINDS = {
    "p-tok": "person",
    "p-mac": "person",
    "p-bal": "person",
    "p-dat": "person",
    "o-gui": "organization",
    "o-lou": "organization",
    "o-mnk": "organization",
    "a-ast": "city",
}
ACTORS = (*KINDS, "city-KZ-astana", "country-FR")
PLANS = (
    ("event", "state_visit"),
    ("event", "official_visit"),
    ("event", "working_visit"),
    ("event", "meeting"),
    ("event", "talks"),
    ("event", "exhibition"),
    ("event", "festival"),
    ("agreement", "memorandum_of_understanding"),
    ("agreement", "intergovernmental_agreement"),
    ("agreement", "other"),
    ("initiative", "training"),
    ("initiative", "co_production"),
)
TITLES = (
    "Exposition commune au Louvre",
    "Expositions communes au Louvre",
    "exposition commune",
    "Exposition commune au musée Guimet à Paris",
    "Formation",
    "Formations",
    "formation des restaurateurs",
    "Festival du film kazakh à Paris",
    "Festival du film kazakh",
    "Festival des films kazakhs",
    "Memorandum on museums",
    "Memoranda on museums",
    "Production cinématographique conjointe",
    "Production cinématographique conjointe avec la France",
    "",
)
WORDS = ("du", "film", "musée", "Astana", "commune", "accord", "culture", "kazakh", "Paris")
DATES = (None, "", "soon", "2024", "2025", "2024-11", "2024-12", "2024-11-05", "2024-11-06", "2025-01-02")
COUNTRIES = ((), ("FR",), ("KZ",), ("FR", "KZ"), ("FR", "UZ"), ("KZ", "FR"))
title_strategy = st.one_of(
    st.sampled_from(TITLES),
    st.builds(
        lambda base, extra: f"{base} {' '.join(extra)}".strip(),
        st.sampled_from(TITLES),
        st.lists(st.sampled_from(WORDS), max_size=3),
    ),
)


@st.composite
def fact_records(draw: st.DrawFn) -> list[dict[str, Any]]:
    # each example draws from a few kinds and dates of the pools, so that its facts collide
    plans = draw(st.lists(st.sampled_from(PLANS), min_size=1, max_size=4, unique=True))
    dates = draw(st.lists(st.sampled_from(DATES), min_size=1, max_size=4, unique=True))
    records = []
    for n in range(draw(st.integers(min_value=2, max_value=30))):
        type_, kind = draw(st.sampled_from(plans))
        actors = draw(st.lists(st.sampled_from(ACTORS), max_size=3, unique=True))
        date = draw(st.sampled_from(dates))
        record: dict[str, Any] = {
            "type": type_,
            "id": f"f-{n:03d}",
            "kind": kind,
            "title": draw(title_strategy),
            "sources": [{"doc": f"d{draw(st.integers(0, 9))}", "start": 0, "end": 1, "quote": "x"}],
            "countries": list(draw(st.sampled_from(COUNTRIES))),
        }
        if type_ == "agreement":
            record |= {"parties": actors, "date": date}
        elif type_ == "initiative":
            record |= {"participants": actors, "start": date}
        else:
            venue = draw(st.sampled_from((None, "o-gui", "Palais de la Paix", "a-ast", "city-KZ-astana")))
            record |= {"participants": actors, "date": date, "venue": venue}
        records.append(record)
    return records


@st.composite
def judgements(draw: st.DrawFn, records: list[dict[str, Any]]) -> list[tuple[str, str]]:
    ids = [r["id"] for r in records]
    pairs = st.tuples(st.sampled_from(ids), st.sampled_from(ids)).filter(lambda p: p[0] != p[1])
    return draw(st.lists(pairs, max_size=6))


@PROPERTY
@given(st.data(), st.booleans())
def test_blocked_clustering_is_clustering_over_every_pair(data: st.DataObject, rapidfuzz_pool: bool) -> None:
    records = data.draw(fact_records())
    same, different = data.draw(judgements(records)), data.draw(judgements(records))
    pool = 0 if rapidfuzz_pool else facts.TITLE_POOL  # 0: every title pool goes through rapidfuzz
    with mock.patch.object(facts, "TITLE_POOL", pool):
        blocked = cluster(records, KINDS, same=same, different=different)
    assert blocked == cluster(records, KINDS, same=same, different=different, compare_all=True)


@PROPERTY
@given(fact_records(), st.booleans())
def test_every_pair_the_rules_accept_is_a_candidate(
    records: list[dict[str, Any]], rapidfuzz_pool: bool
) -> None:
    """Stronger than equal clusters (where a missed pair may be joined through others anyway)."""
    seen = [_Seen.of(r, KINDS) for r in records]
    pool = 0 if rapidfuzz_pool else facts.TITLE_POOL
    with mock.patch.object(facts, "TITLE_POOL", pool):
        for type_ in ("agreement", "initiative", "event"):
            block = [s for s in seen if s.type == type_]
            candidates = _Candidates(block)
            for i, a in enumerate(block):
                after = set(candidates.after(i))
                accepted = {j for j in range(i + 1, len(block)) if _same(a, block[j])[0]}
                assert accepted <= after, (a, [block[j] for j in accepted - after])


@PROPERTY
@given(title_strategy, title_strategy)
def test_title_likeness_is_one_of_the_two_ratios_blocking_looks_at(a: str, b: str) -> None:
    """The rapidfuzz pool keeps titles alike by token sort or token set ratio: title_likeness must
    stay one of them (or below both) for blocking to lose nothing."""
    from rapidfuzz import fuzz

    assert title_likeness(a, b) <= max(fuzz.token_sort_ratio(a, b), fuzz.token_set_ratio(a, b))


@PROPERTY
@given(st.lists(st.sampled_from((*DATES, "2023", "2024-01", "2024-11-30", "2024-02-05")), max_size=30))
def test_the_date_index_lists_every_date_that_can_agree(dates: list[str | None]) -> None:
    """By year: at least the dates that agree; fine: exactly those."""
    coarse, fine = ByDate(), ByDate(fine=True)
    for position, date in enumerate(dates):
        coarse.add(position, PartialDate.parse(date))
        fine.add(position, PartialDate.parse(date))
    for date in dates:
        agreeing = {k for k, other in enumerate(dates) if agree(date, other) is not False}
        listed = [k for positions in fine.agreeing(PartialDate.parse(date)) for k in positions]
        assert sorted(listed) == sorted(agreeing)  # each once
        assert agreeing <= {k for positions in coarse.agreeing(PartialDate.parse(date)) for k in positions}


def _event(id: str, doc: str, **fields: Any) -> dict[str, Any]:
    record = {"type": "event", "id": id, "kind": "exhibition", "title": "Exposition", "countries": ["FR"]}
    return record | {"sources": [{"doc": doc, "start": 0, "end": 1, "quote": "x"}], **fields}


def test_a_same_judgement_joins_facts_blocking_never_compares() -> None:
    a = _event("f-1", "d1", title="Exposition de céramiques", date="2021", participants=["o-gui"])
    b = _event("f-2", "d2", title="Festival du film", date="2024-11", participants=["o-lou"])
    assert cluster([a, b], KINDS) == {"f-1": "f-1", "f-2": "f-2"}
    assert cluster([a, b], KINDS, same=[("f-2", "f-1")]) == {"f-1": "f-1", "f-2": "f-1"}


def test_a_different_judgement_holds_against_a_chain_of_candidates() -> None:
    """f-1 ~ f-2 ~ f-3 by venue; judged apart, f-1 and f-3 stay apart whichever joins come first."""
    chain = [_event(f"f-{n}", f"d{n}", venue="o-gui") for n in (1, 2, 3)]
    assert set(cluster(chain, KINDS).values()) == {"f-1"}
    mapping = cluster(chain, KINDS, different=[("f-1", "f-3")])
    assert mapping["f-1"] != mapping["f-3"]
    assert mapping == cluster(chain, KINDS, different=[("f-1", "f-3")], compare_all=True)
