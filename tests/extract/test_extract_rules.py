"""Fact extraction on short French texts written for these tests: kinds, status from the
language, dates, participants, anaphora, negation, domains, provenance."""

from __future__ import annotations

import pytest
from spacy.language import Language

from bilat.extract.document import _drop_inside_names, candidate_drafts
from bilat.extract.lexicon import load_lexicon
from bilat.extract.merging import attach_and_merge
from bilat.model.ids import content_hash
from bilat.model.records import Document, Fact
from bilat.nlp.mentions import find_mentions

from .helpers import names, only, rule_facts

pytestmark = pytest.mark.slow


def run(nlp: Language, text: str, published: str | None = "2024-11-05") -> list[Fact]:
    return rule_facts(nlp, text, "fr", published)


def test_signed_memorandum_with_parties_date_and_place(nlp: Language) -> None:
    text = (
        "Le 3 mars 2023, le musée des Beaux-Arts de Lyon et le Musée national du Kazakhstan "
        "ont signé un mémorandum d’entente à Lyon."
    )
    [agreement] = only(run(nlp, text), "agreement")
    assert agreement.kind == "memorandum_of_understanding"
    assert agreement.status == "signed"
    assert agreement.date == "2023-03-03"
    assert agreement.place == "Lyon"
    assert any("Kazakhstan" in n for n in names(agreement))
    assert agreement.rule.startswith("fr.trigger.agreement.memorandum_of_understanding")


@pytest.mark.parametrize(
    ("sentence", "type_", "kind", "status"),
    [
        (
            "Un programme de stages pour des archivistes a été proposé par le ministère.",
            "initiative",
            "internship",
            "proposed",
        ),
        (
            "Les deux villes pourraient envisager des fouilles archéologiques conjointes.",
            "initiative",
            "joint_research",
            "idea",
        ),
        (
            "L’institut est prêt à soutenir la co-organisation d’expositions itinérantes.",
            "initiative",
            "joint_exhibition",
            "agreed",
        ),
        (
            "Le Kazakhstan organisera une semaine du cinéma français à Almaty.",
            "event",
            "film_week",
            "planned",
        ),
        ("Une rencontre entre les deux ministres s’est tenue à Paris.", "event", "meeting", "held"),
        ("Le président a inauguré une exposition au musée d’Orsay.", "event", "exhibition", "held"),
        (
            "Les deux pays prévoient une coproduction cinématographique.",
            "initiative",
            "co_production",
            "planned",
        ),
        (
            "La troisième campagne de fouilles s’est achevée en août.",
            "initiative",
            "joint_research",
            "completed",
        ),
        (
            "Une nouvelle campagne de fouilles est prévue à l’automne.",
            "initiative",
            "joint_research",
            "planned",
        ),
        ("Un programme de formation d’ingénieurs sera lancé en 2025.", "initiative", "training", "planned"),
        ("Un forum universitaire se tiendra à Almaty en mai.", "event", "conference", "planned"),
        (
            "Les deux studios ont convenu de coproduire un long métrage.",
            "initiative",
            "co_production",
            "agreed",
        ),
        ("Le ministre a eu des entretiens avec son homologue italien.", "event", "meeting", "held"),
    ],
)
def test_status_comes_from_the_language(
    nlp: Language, sentence: str, type_: str, kind: str, status: str
) -> None:
    facts = [f for f in run(nlp, sentence) if f.type == type_ and f.kind == kind]
    assert facts, f"no {type_} {kind} in {sentence!r}"
    assert facts[0].status == status


def test_a_later_reference_adds_a_dated_status_change(nlp: Language) -> None:
    text = (
        "Le 6 décembre dernier, Lyon et Almaty ont signé un pacte de coopération. "
        "Dans le détail, ce pacte a été proposé par la partie kazakhe en juillet 2020."
    )
    [pact] = only(run(nlp, text, published="2021-01-15"), "agreement")
    assert pact.kind == "cooperation_pact"
    assert pact.date == "2020-12-06"
    assert [(h.status, h.date) for h in sorted(pact.status_history, key=lambda h: h.date or "")] == [
        ("proposed", "2020-07"),
        ("signed", "2020-12-06"),
    ]
    assert pact.status == "signed"  # the latest change
    assert len(pact.sources) == 2


def test_a_purpose_is_no_initiative(nlp: Language) -> None:
    text = "Pour faire connaître le programme, un forum universitaire se tiendra à Almaty en mai."
    assert [f.kind for f in run(nlp, text)] == ["conference"]


def test_denied_and_generic_mentions_are_not_facts(nlp: Language) -> None:
    text = (
        "Cet accord, qui n’est pas un jumelage, reste symbolique. Le musée accueille souvent des expositions."
    )
    facts = run(nlp, text)
    assert not [f for f in facts if f.kind in ("twinning", "exhibition")]


def test_an_event_noun_after_d_is_one_event_when_singular(nlp: Language) -> None:
    """ "d'" before a plural is a kind of event ("d'expositions"); before a singular it only
    links two nouns ("l'événement d'inauguration") and names one event."""
    lex = load_lexicon("fr")
    one = "L’événement d’inauguration du festival franco-kazakh s’est déroulé à Almaty le 3 mai 2024."
    many = "Le musée prévoit d’expositions nombreuses avec le Kazakhstan."
    kinds = {}
    for text in (one, many):
        document = Document(
            id="t.txt", source="t.txt", text=text, content_hash=content_hash(text), language="fr"
        )
        sdoc = nlp(text)
        drafts = candidate_drafts(document, sdoc, find_mentions(document, sdoc), lex, broad=True)
        kinds[text] = {d.fact.kind for d in drafts if d.fact.type == "event"}
    assert "inauguration" in kinds[one]
    assert "exhibition" not in kinds[many]


def test_a_cooperation_agreement_is_a_cooperation_pact(nlp: Language) -> None:
    """As "cooperation agreement" is in English: between bodies as often as between states."""
    text = "Le CNRS et l’Académie des sciences du Vietnam ont signé le 2 avril 2001 un accord de coopération."
    [agreement] = only(run(nlp, text), "agreement")
    assert agreement.kind == "cooperation_pact"


def test_an_agreement_told_with_acronyms_then_full_names_is_one(nlp: Language) -> None:
    """The headline names the bodies by their acronyms, the lead spells them out: one agreement."""
    text = (
        "Le CNRS et le CNSSH signent un accord de coopération\n\n"
        "Un accord de coopération entre le Centre national de la recherche scientifique et le "
        "Centre national des sciences sociales et humaines a été signé le 2 avril 2001 à Hanoï."
    )
    [agreement] = only(run(nlp, text, "2001-04-03"), "agreement")
    assert len(agreement.sources) == 2
    assert {"CNRS", "Centre national de la recherche scientifique"} <= names(agreement)


def test_the_items_of_a_list_are_carried_out_by_the_fact_that_opens_it(nlp: Language) -> None:
    text = (
        "Le musée du Louvre et le Musée national du Kazakhstan ont signé un accord de coopération "
        "le 3 mai 2024.\n\nL'accord avec le Musée national du Kazakhstan prévoit :\n"
        "- des échanges de conservateurs ;\n- la formation de jeunes restaurateurs kazakhs.\n"
    )
    [training] = [f for f in only(run(nlp, text, "2024-05-04"), "initiative") if f.kind == "training"]
    assert {"Musée du Louvre", "Musée national du Kazakhstan"} <= names(training)


def test_a_reference_back_joins_the_fact_whose_actor_it_names(nlp: Language) -> None:
    """ "L'accord avec l'Académie…" is the accord with the Académie, not the one told last; the
    accord of 1977 between two other bodies is an accord of its own."""
    text = (
        "Le CNRS et l'Académie des sciences du Vietnam ont signé un accord de coopération le 2 avril "
        "2001. En 1977, un accord avait déjà été signé entre l'Institut Pasteur et l'Université de "
        "Hanoï.\n\nL'accord avec l'Académie des sciences du Vietnam prévoit des échanges de chercheurs."
    )
    by_date = {f.date: f for f in only(run(nlp, text, "2001-04-03"), "agreement")}
    assert set(by_date) == {"2001-04-02", "1977"}
    assert any(s.quote.startswith("L'accord avec") for s in by_date["2001-04-02"].sources)
    assert names(by_date["1977"]) == {"Institut Pasteur", "Université de Hanoï"}


def test_weak_words_need_a_cue(nlp: Language) -> None:
    assert not run(nlp, "La promotion du patrimoine est une priorité.")
    [fact] = run(nlp, "La ministre a proposé de promouvoir la mode kazakhe à l’étranger.")
    assert (fact.kind, fact.status) == ("promotion", "proposed")
    assert "fashion" in fact.domains


def test_one_sentence_can_hold_several_facts(nlp: Language) -> None:
    text = (
        "Nous prévoyons de tenir des réunions régulières sur deux axes : "
        "la production cinématographique conjointe et la distribution des films."
    )
    kinds = {f.kind for f in run(nlp, text)}
    assert {"regular_meetings", "co_production"} <= kinds


def test_meeting_during_a_visit_is_part_of_it(nlp: Language) -> None:
    text = (
        "À l’occasion de la visite d’État du président Kassym-Jomart Tokaïev en France, "
        "la ministre Aida Balaïeva a rencontré Laurence des Cars, présidente du musée du Louvre."
    )
    facts = run(nlp, text)
    [visit] = [f for f in facts if f.kind == "state_visit"]
    [meeting] = [f for f in facts if f.kind == "meeting"]
    assert facts[meeting.part_of] is visit if meeting.part_of is not None else False
    assert "Kassym-Jomart Tokaïev" in names(visit)
    assert {"Aida Balaïeva", "Laurence des Cars"} <= names(meeting)
    assert "Kassym-Jomart Tokaïev" not in names(meeting)  # he is the visit's, not the meeting's
    assert "diplomacy" in visit.domains


def test_target_years_do_not_date_a_fact(nlp: Language) -> None:
    text = "Le pays vise la neutralité carbone d’ici 2060 et participe à l’initiative One Water Summit."
    [fact] = run(nlp, text)
    assert fact.date is None
    assert fact.status == "ongoing"


def test_evidence_names_the_rule_and_the_words(nlp: Language) -> None:
    [fact] = run(nlp, "Un programme d’échanges entre les deux musées a été proposé.")
    assert fact.kind == "exchange_programme"
    assert "programme d’échanges" in fact.evidence
    assert "fr.cue.proposed" in fact.rule


def test_an_initiative_after_its_agreement_belongs_to_it(nlp: Language) -> None:
    text = (
        "Lyon et Almaty ont signé un pacte de coopération. "
        "Nous réfléchissons à organiser des expositions ou des concerts."
    )
    facts = run(nlp, text)
    [pact] = only(facts, "agreement")
    [initiative] = only(facts, "initiative")
    assert initiative.framework is not None and facts[initiative.framework] is pact
    assert initiative.status == "idea"


def test_the_verbs_actors_take_part_besides_the_triggers_clause(nlp: Language) -> None:
    text = (
        "Le 4 juin 2024, l’Institut français d’Astana et l’Office national du film du Canada (ONF) "
        "ont signé un accord de coopération qui associe aussi le Musée des beaux-arts de Montréal."
    )
    [agreement] = only(run(nlp, text), "agreement")
    assert {"Institut français d’Astana", "Office national du film du Canada"} <= names(agreement)
    assert any("Montréal" in n for n in names(agreement))


def test_the_agent_and_the_companion_of_a_signing_take_part(nlp: Language) -> None:
    text = (
        "Mardi 12 mars 2024, le ministre de l’Énergie, Pierre Durand, a signé avec le ministre "
        "ouzbek de l’Énergie, Jamshid Karimov, un mémorandum d’entente sur l’hydrogène."
    )
    [agreement] = only(run(nlp, text), "agreement")
    assert {"Pierre Durand", "Jamshid Karimov"} <= names(agreement)


def test_an_acronym_used_again_names_the_same_organisation(nlp: Language) -> None:
    text = (
        "Le ministre a visité les ateliers de l’Institut national du patrimoine (INP). "
        "Le 2 mai 2024, la direction du patrimoine d’Ouzbékistan et l’INP ont signé un protocole d’accord."
    )
    [agreement] = only(run(nlp, text), "agreement")
    assert "INP" in names(agreement)


def test_a_ready_to_support_subject_takes_part(nlp: Language) -> None:
    text = "L’Institut français d’Almaty s’est par ailleurs dit prêt à soutenir la formation de traducteurs."
    [training] = [f for f in run(nlp, text) if f.kind == "training"]
    assert names(training) == {"Institut français d’Almaty"}
    assert training.status == "agreed"


def test_an_event_over_days_has_a_start_and_an_end(nlp: Language) -> None:
    text = "Une semaine du cinéma français se tiendra du 4 au 10 mars 2024 à Almaty."
    [week] = only(run(nlp, text), "event")
    assert (week.date, week.end_date) == ("2024-03-04", "2024-03-10")


def test_where_a_fact_took_place_when_no_city_is_introduced(nlp: Language) -> None:
    visit = "Le président ouzbek a entamé le 3 mars 2024 une visite officielle en France."
    [event] = only(run(nlp, visit), "event")
    assert event.place == "Paris"
    festival = "Le 20 mai 2024, le CNC a signé un accord de coopération au Festival de Cannes."
    [agreement] = only(run(nlp, festival), "agreement")
    assert agreement.place == "Cannes"


def test_a_dateline_city_places_the_news_of_the_day(nlp: Language) -> None:
    text = (
        "Un accord sur l’eau\n\nTachkent, 12 mars 2024\n\n"
        "Les deux ministres ont signé mardi un accord intergouvernemental sur l’irrigation.\n"
        "En 2019, une exposition avait été présentée à Lyon."
    )
    facts = run(nlp, text, published="2024-03-12")
    [agreement] = only(facts, "agreement")
    assert agreement.place == "Tachkent"
    assert any(f.place == "Lyon" for f in only(facts, "event"))  # its own place, another year


def test_two_agreements_of_one_kind_with_other_signatories_stay_two(nlp: Language) -> None:
    text = (
        "Le 5 mai 2024, le Musée national du Kazakhstan et le Musée Cernuschi ont signé un mémorandum "
        "d’entente. Le même jour, l’Université de Lyon et l’Université Satbayev ont signé un mémorandum "
        "d’entente sur la recherche."
    )
    agreements = only(run(nlp, text), "agreement")
    assert len(agreements) == 2
    assert not names(agreements[0]) & names(agreements[1])


@pytest.mark.parametrize(
    ("sentence", "type_", "kind"),
    [
        ("Le ministère et le DAAD ont signé le 4 mai 2024 une feuille de route.", "agreement", "partnership"),
        ("Le CNRS et l’Institut d’archéologie ont signé une convention de coopération.", "agreement",
         "cooperation_pact"),
        ("La France et le Maroc ont signé un échange de lettres sur la formation des enseignants.",
         "agreement", "intergovernmental_agreement"),
        ("Les deux pays se sont engagés à accélérer les négociations sur la frontière.", "initiative",
         "other"),
        ("En juillet 2024, l’ambassadrice de France, Sophie Martin, s’est rendue sur le chantier.", "event",
         "working_visit"),
    ],
)  # fmt: skip
def test_more_ways_to_say_a_fact(nlp: Language, sentence: str, type_: str, kind: str) -> None:
    assert [(f.type, f.kind) for f in run(nlp, sentence) if f.type == type_] == [(type_, kind)]


@pytest.mark.parametrize(
    "text",
    [
        "Le Musée national du Kazakhstan a accueilli la délégation et a proposé un programme de stages pour "
        "les restaurateurs.",
        "L’Institut français d’Almaty, qui accueille 900 élèves chaque année, s’est dit prêt à soutenir "
        "la formation des professeurs.",
    ],
)
def test_a_verb_without_subject_shares_its_neighbours(nlp: Language, text: str) -> None:
    [initiative] = only(run(nlp, text), "initiative")
    assert len(names(initiative)) == 1 and names(initiative) <= {
        "Musée national du Kazakhstan",
        "Institut français d’Almaty",
    }


def test_what_an_agreement_plans_is_not_its_status(nlp: Language) -> None:
    text = "Le mémorandum d’entente entre les deux musées prévoit des stages pour les restaurateurs."
    [agreement] = only(run(nlp, text), "agreement")
    assert agreement.status == "signed"


def test_an_agreement_signed_at_the_end_of_a_dated_meeting_is_dated_by_it(nlp: Language) -> None:
    text = (
        "La ministre française et son homologue kirghiz se sont entretenus le 3 avril 2024 à Bichkek. "
        "À l’issue de la rencontre, les deux responsables ont signé une déclaration d’intention."
    )
    facts = run(nlp, text, published="2024-04-05")
    [agreement] = only(facts, "agreement")
    assert agreement.within is not None and facts[agreement.within].kind == "meeting"
    assert agreement.date != "2024-04-05"  # not the publication date: the meeting's, after merging


def test_one_visit_told_on_two_days_by_full_name_and_surname_is_one(nlp: Language) -> None:
    text = (
        "Le ministre français Julien Marchand est arrivé lundi 6 novembre 2023 au Kazakhstan pour une "
        "visite officielle de trois jours. Mercredi 8 novembre, dernier jour de la visite, M. Marchand "
        "a inauguré une école."
    )
    visits = [f for f in run(nlp, text, published="2023-11-09") if f.kind == "official_visit"]
    assert len(visits) == 1 and len(visits[0].sources) == 2


def test_a_visit_told_on_a_later_day_first_is_dated_from_its_first_day(nlp: Language) -> None:
    """An event's date is the day it began: of the days its merged mentions give, the earliest."""
    text = (
        "Le président Amadou Diop, en visite d'État en France, a parlé mardi 7 mai 2024 à Paris. "
        "L'accord a été signé à l'occasion de la visite d'État qu'effectue M. Diop depuis dimanche "
        "5 mai en France."
    )
    [visit] = [f for f in run(nlp, text, published="2024-05-07") if f.kind == "state_visit"]
    assert len(visit.sources) == 2 and visit.date == "2024-05-05"


def test_a_king_named_with_and_without_his_regnal_number_is_one_person(nlp: Language) -> None:
    """ "Baudouin IV" and "le roi Baudouin": the numeral is no surname, the two visits are one."""
    text = (
        "Le roi Baudouin IV est arrivé lundi 6 mai 2024 à Dakar pour une visite d'État. Mardi 7 mai, "
        "une visite officielle du roi Baudouin et du président Macky Sall à Thiès a clos le séjour."
    )
    [visit] = only(run(nlp, text, published="2024-05-10"), "event")
    assert len(visit.sources) == 2


@pytest.mark.parametrize(
    ("text", "agreements"),
    [
        ("Les villes de Lyon et de Bichkek ont signé vendredi une convention de partenariat et de jumelage. "
         "Ce jumelage unit deux villes de la soie.", 1),
        ("Le CNRS et l'Université nationale d'Ouzbékistan ont signé un mémorandum d'entente et un accord "
         "de coopération.", 2),
    ],
)  # fmt: skip
def test_two_fact_words_under_one_head_are_one_agreement(nlp: Language, text: str, agreements: int) -> None:
    """ "Une convention de partenariat et de jumelage" is one agreement, which a later "ce jumelage"
    tells again; "un mémorandum et un accord", each with its article, are two."""
    assert len(only(run(nlp, text), "agreement")) == agreements


def test_a_visit_told_as_held_stays_held_when_a_later_mention_plans_a_meeting(nlp: Language) -> None:
    text = (
        "La visite officielle du ministre français Julien Marchand au Kazakhstan s’est tenue du 6 au "
        "8 novembre 2023. Mercredi, dernier jour de la visite, M. Marchand doit être reçu par le Premier "
        "ministre."
    )
    [visit] = [f for f in run(nlp, text, published="2023-11-07") if f.kind == "official_visit"]
    assert visit.status == "held"


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("La 7e Commission mixte franco-marocaine s'est tenue à Rabat le 3 mai 2024.", True),
        ("Selon la Commission mixte franco-marocaine, les échanges ont doublé.", False),
    ],
)
def test_a_body_counted_in_sessions_is_an_event(nlp: Language, text: str, held: bool) -> None:
    """The session of a joint body (after an ordinal) is a meeting; the body named alone is not."""
    events = [(f.kind, f.status, f.place) for f in run(nlp, text) if f.type == "event"]
    assert events == ([("meeting", "held", "Rabat")] if held else [])


@pytest.mark.parametrize(
    ("text", "initiatives"),
    [
        (
            "Le ministre tunisien de la Formation professionnelle et de l'Emploi, Faouzi Ben "
            "Abderrahman, a reçu l'ambassadeur de France à Tunis.",
            0,
        ),
        ("La France et la Tunisie vont renforcer la formation professionnelle des jeunes.", 1),
    ],
)
def test_a_trigger_inside_a_title_names_the_office(nlp: Language, text: str, initiatives: int) -> None:
    """ "ministre de la Formation professionnelle" is an office, not a training programme."""
    assert len([f for f in run(nlp, text) if f.type == "initiative"]) == initiatives


def test_a_fact_word_inside_a_place_name_is_no_fact(nlp: Language) -> None:
    """ "La Réunion" names a place: the broad word "réunion" in it drafts nothing that stays; the
    same word outside a name still does."""
    text = "Le muséum a une représentante à La Réunion. Une réunion des deux équipes aura lieu à Paris."
    document = Document("t.txt", "t.txt", text, content_hash(text), language="fr")
    sdoc = nlp(text)
    lex = load_lexicon("fr")
    mentions = find_mentions(document, sdoc)
    assert any(m.text == "La Réunion" for m in mentions)
    drafted = candidate_drafts(document, sdoc, mentions, lex, [], True)
    words = [d.cand.text for d in drafted if d.fact.type == "event"]
    assert "Réunion" in words and "réunion" in words  # the broad word drafts both
    kept = [d.cand.text for d in _drop_inside_names(drafted, mentions, lex) if d.fact.type == "event"]
    assert "Réunion" not in kept and "réunion" in kept


def test_a_headline_in_capitals_names_the_president_of_its_country(nlp: Language) -> None:
    """ "DU PRÉSIDENT DE LA RÉPUBLIQUE FRANÇAISE": the French president, named only below it."""
    text = (
        "VISITE DU PRÉSIDENT DE LA RÉPUBLIQUE FRANÇAISE AU SÉNÉGAL\n\n"
        "Le président du Sénégal, Amadou Sall, a invité le président français Emmanuel Laurent à se "
        "rendre à Dakar."
    )
    visit = next(f for f in run(nlp, text) if f.type == "event" and "visit" in f.kind)
    assert "Emmanuel Laurent" in names(visit)
    assert "Amadou Sall" not in names(visit)


@pytest.mark.parametrize(
    ("text", "taken", "left"),
    [
        pytest.param(
            "Le président Amadou Sall a reçu la délégation française lundi à Dakar.\n"
            "Le chef de l’État a ensuite signé un accord de coopération avec la France.",
            {"Amadou Sall"},
            set(),
            id="the head of state is the president named before",
        ),
        pytest.param(
            "Le Premier ministre Kofi Mensah est arrivé à Paris lundi.\n"
            "Le Premier ministre a signé un mémorandum d’entente avec la France.",
            {"Kofi Mensah"},
            set(),
            id="a capitalised two-word title",
        ),
        pytest.param(
            "La ministre de la Culture, Aïda Sarr, et le ministre de l’Économie, Paul Girard, sont "
            "arrivés à Lyon.\n"
            "La ministre de la Culture a signé un mémorandum d’entente avec le musée des Confluences.",
            {"Aïda Sarr"},
            {"Paul Girard"},
            id="a title with its field is the holder of that field",
        ),
        pytest.param(
            "Le président français Emmanuel Laurent a été reçu par le président sénégalais Amadou Sall.\n"
            "Le président français a signé un accord de coopération culturelle.",
            {"Emmanuel Laurent"},
            {"Amadou Sall"},
            id="a nationality after the title picks that country's holder",
        ),
        pytest.param(
            "Le président Amadou Sall a reçu lundi à Dakar le président Emmanuel Laurent.\n"
            "Le président a signé un accord de coopération culturelle.",
            set(),
            {"Amadou Sall", "Emmanuel Laurent"},
            id="a title two persons hold is no one",
        ),
    ],
)
def test_a_title_reference_is_its_holder(nlp: Language, text: str, taken: set[str], left: set[str]) -> None:
    [agreement] = only(run(nlp, text), "agreement")
    assert taken <= names(agreement)
    assert not left & names(agreement)


@pytest.mark.parametrize(
    ("text", "held"),
    [
        (
            "Les ministres Dupont et Diallo ont coprésidé le comité mixte franco-sénégalais mardi à Dakar.",
            True,
        ),
        ("Le comité mixte franco-sénégalais s'est réuni à Dakar le 4 mars 2024.", True),
        ("Le rapport du comité mixte franco-sénégalais souligne la hausse des échanges.", False),
    ],
)
def test_a_body_told_as_held_is_a_meeting(nlp: Language, text: str, held: bool) -> None:
    """A joint body told as held, chaired or meeting (no ordinal needed) is a session of it, a meeting."""
    events = [(f.kind, f.status, f.place) for f in run(nlp, text) if f.type == "event"]
    assert events == ([("meeting", "held", "Dakar")] if held else [])


@pytest.mark.parametrize(
    ("text", "word", "readings"),
    [
        pytest.param(
            "Le dialogue franco-indien sur le climat s'est tenu à Paris le 4 mars 2024.",
            "dialogue",
            {("initiative", "regular_meetings", "held"), ("event", "meeting", "held")},
            id="a dialogue told as held (a broad word): the body and one session",
        ),
        pytest.param(
            "La Commission mixte franco-ghanéenne s'est tenue à Accra le 4 mars 2024.",
            "Commission mixte",
            {("initiative", "regular_meetings", "held"), ("event", "meeting", "held")},
            id="a joint body told as held: the body and one session",
        ),
        pytest.param(
            "Un accord a été signé en marge de la Commission mixte franco-ghanéenne à Accra.",
            "Commission mixte",
            {("initiative", "regular_meetings", "ordinal"), ("event", "meeting", "ordinal")},
            id="what is done on the margins of a joint body: one session of it",
        ),
        pytest.param(
            "Le comité intergouvernemental franco-ghanéen s'est réuni à Paris le 2 mai 2024.",
            "comité intergouvernemental",
            {("initiative", "regular_meetings", "held"), ("event", "meeting", "held")},
            id="an intergovernmental committee is a joint body too",
        ),
        pytest.param(
            "Depuis 2005, des commissions de partenariat entre la France et le Ghana se tiennent "
            "chaque année.",
            "commissions de partenariat",
            {("initiative", "regular_meetings", None)},
            id="joint bodies that meet yearly: the standing arrangement",
        ),
    ],
)
def test_a_french_joint_body_is_proposed_as_the_body_and_as_a_session(
    nlp: Language, text: str, word: str, readings: set[tuple[str, str, str | None]]
) -> None:
    """A French joint body ("la Commission mixte", "les commissions de partenariat") is a body that
    meets regularly, as in English; told as held, it is proposed as one session of it too."""
    document = Document("t.txt", "t.txt", text, content_hash(text), language="fr")
    sdoc = nlp(text)
    drafted = candidate_drafts(document, sdoc, find_mentions(document, sdoc), load_lexicon("fr"), [], True)
    told = {(d.fact.type, d.fact.kind, d.extra.get("session")) for d in drafted if d.cand.text == word}
    assert told == readings


@pytest.mark.parametrize(
    ("text", "first", "then", "facts"),
    [
        (  # the audience, then the session it discussed: two meetings
            "Le ministre malien du Commerce a reçu en audience l'ambassadeur de Turquie. L'audience a "
            "permis d'évoquer la prochaine session de la Commission mixte Mali-Turquie, prévue du 2 au "
            "4 juin 2025 à Bamako.",
            "audience",
            "Commission mixte",
            2,
        ),
        (  # the session, then "la réunion" telling it again: one
            "La 5e Commission mixte Mali-Turquie s'est tenue à Bamako le 3 juin 2025. La réunion a été "
            "coprésidée par les deux ministres.",
            "Commission mixte",
            "réunion",
            1,
        ),
    ],
)
def test_a_session_named_after_another_meeting_is_its_own_meeting(
    nlp: Language, text: str, first: str, then: str, facts: int
) -> None:
    """A body's session merges with a meeting told before it only when that is a session too; a
    later meeting may tell the session again."""
    document = Document("t.txt", "t.txt", text, content_hash(text), language="fr", published="2025-04-10")
    sdoc = nlp(text)
    lex = load_lexicon("fr")
    drafted = candidate_drafts(document, sdoc, find_mentions(document, sdoc), lex, [], True)
    a = [d for d in drafted if d.fact.type == "event" and d.cand.text == first][-1]
    b = next(
        d for d in drafted if d.fact.type == "event" and d.cand.text == then and d.cand.start > a.cand.start
    )
    assert len(attach_and_merge([a, b], lex, text)) == facts


@pytest.mark.parametrize(
    ("text", "facts"),
    [
        ("Le 3 mai 2024, une conférence sur l'eau s'est tenue à Tunis. La rencontre a réuni des "
         "représentants des deux pays.", 1),
        ("Le 3 mai 2024, une conférence sur l'eau s'est tenue à Tunis. Le 20 juin 2024, une réunion des "
         "deux ministres a eu lieu à Berlin.", 2),
    ],
)  # fmt: skip
def test_a_meeting_word_may_tell_a_conference_again(nlp: Language, text: str, facts: int) -> None:
    """A conference, a seminar and a meeting are kinds one article uses for one gathering
    (lang/fr/triggers.yaml related_kinds): "la rencontre" after the conference is that
    conference; a meeting of another date is another."""
    document = Document("t.txt", "t.txt", text, content_hash(text), language="fr", published="2024-05-10")
    sdoc = nlp(text)
    lex = load_lexicon("fr")
    drafted = candidate_drafts(document, sdoc, find_mentions(document, sdoc), lex, [], True)
    events = [d for d in drafted if d.fact.type == "event"]
    assert [d.fact.kind for d in events] == ["conference", "meeting"]
    assert len(attach_and_merge(events, lex, text)) == facts
