"""The French lexicons load and validate; malformed language data is refused with a clear error."""

from __future__ import annotations

import pytest

from bilat.errors import LanguageDataError
from bilat.extract import available_languages
from bilat.extract.domains import domains_for
from bilat.extract.lexicon import _cues, _triggers, compile_pattern, load_lexicon


def test_french_lexicon_loads_with_every_fact_type() -> None:
    lex = load_lexicon("fr")
    assert {t.type for t in lex.triggers} == {"agreement", "initiative", "event"}
    assert lex.cues and lex.domain_words
    assert "fr" in available_languages()


def test_triggers_start_at_word_boundaries() -> None:
    training = [t for t in load_lexicon("fr").triggers if t.kind == "training"]
    assert any(t.regex.search("des formations pour les jeunes") for t in training)
    assert not any(t.regex.search("l’information du public") for t in training)


def test_apostrophes_match_both_forms() -> None:
    regex = compile_pattern("déclaration d'intention", "test")
    assert regex.search("une déclaration d’intention") and regex.search("une déclaration d'intention")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            {
                "agreement": [],
                "initiative": [{"kind": "other", "pattern": "x"}],
                "event": [{"kind": "other", "pattern": "y"}],
            },
            "no agreement triggers",
        ),
        (
            {"agreement": [{"kind": "handshake", "pattern": "x"}], "initiative": [], "event": []},
            "unknown kind",
        ),
        (
            {"agreement": [{"kind": "other", "pattern": "(unclosed"}], "initiative": [], "event": []},
            "bad pattern",
        ),
    ],
)
def test_malformed_triggers_are_refused(raw: dict, message: str) -> None:
    with pytest.raises(LanguageDataError, match=message):
        _triggers("xx", raw)


def test_a_cue_with_an_unknown_stage_is_refused() -> None:
    with pytest.raises(LanguageDataError, match="unknown stage"):
        _cues("xx", {"stages": {"done": {}}, "cues": [{"stage": "maybe", "pattern": "x"}]})


def test_apostrophe_inside_a_character_class_is_refused() -> None:
    with pytest.raises(LanguageDataError, match="inside"):
        compile_pattern("d[e']", "test")


def test_domains_come_from_words_and_kind() -> None:
    lex = load_lexicon("fr")
    assert domains_for("la restauration des manuscrits du musée", "other", lex) == ["museums", "restoration"]
    assert domains_for("un accord", "state_visit", lex) == ["diplomacy"]
    assert "energy" not in domains_for("les pays d’Asie centrale", "other", lex)


def test_english_lexicon_loads_with_every_fact_type() -> None:
    lex = load_lexicon("en")
    assert {t.type for t in lex.triggers} == {"agreement", "initiative", "event"}
    assert "en" in available_languages()
    assert lex.modals["future"] >= {"will", "shall"} and "would" in lex.modals["conditional"]
    assert lex.quotes and lex.city_introducers >= {"of", "in"}


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("en", "the two ministries inked a memorandum of understanding", "memorandum_of_understanding"),
        ("en", "a letter of intent on film co-production", "declaration_of_intent"),
        ("en", "the sister city agreement of 1994", "twinning"),
        ("en", "a state visit to Seoul", "state_visit"),
        ("en", "a student exchange programme", "exchange_programme"),
    ],
)
def test_english_triggers(lang: str, text: str, kind: str) -> None:
    lex = load_lexicon(lang)
    hits = [t for t in lex.triggers if t.regex.search(text)]
    assert hits and hits[0].kind == kind


@pytest.mark.parametrize(
    ("lang", "text", "kind", "matched"),
    [
        ("fr", "Le campus ouvrira trois doubles-diplômes.", "exchange_programme", "doubles-diplômes"),
        ("en", "The two universities offer a dual-degree programme.", "exchange_programme",
         "dual-degree programme"),
        # a counted group of students (a year before them is no count)
        ("fr", "Quelque 250 étudiants tunisiens partiront à Lyon.", "exchange_programme", "étudiants"),
        ("fr", "Une vingtaine d'étudiants seront accueillis.", "exchange_programme", "étudiants"),
        ("fr", "Depuis 2023 étudiants et chercheurs se rencontrent.", None, None),
        ("en", "Some 40 researchers will spend a term in Oslo.", "exchange_programme", "researchers"),
        ("en", "In 2022 students met online.", None, None),
        ("fr", "Une délégation ministérielle est arrivée au Gabon lundi.", "working_visit", "est arrivée au"),
        ("fr", "Le président devrait être le 3 mai à Rome.", "official_visit", "devrait être le 3 mai à"),
        ("en", "The prime minister will be in Rome on 3 May.", "official_visit", "will be in"),
        ("fr", "Le ministre a mené deux entretiens à Tunis.", "talks", "a mené deux entretiens"),
        ("en", "The ministers conducted several discussions in Rome.", "talks",
         "conducted several discussions"),
        ("fr", "Le 4e cycle de consultations aura lieu à Rome.", "meeting", "cycle de"),
        ("en", "The 5th round of consultations will be held in Oslo.", "meeting", "round of"),
        ("fr", "Le sommet adoptera une déclaration politique.", "joint_declaration", "déclaration politique"),
        ("en", "The summit adopted a Political Declaration.", "joint_declaration", "Political Declaration"),
        ("fr", "L'organisation d'événements culturels conjoints.", "other",
         "organisation d'événements culturels conjoints"),
        ("en", "Both cities will hold joint cultural events.", "other", "joint cultural events"),
        ("en", "Thanks to Norway for agreeing to launch a fund.", "other", "agreeing to launch"),
    ],
)  # fmt: skip
def test_triggers_recall_what_the_press_tells(
    lang: str, text: str, kind: str | None, matched: str | None
) -> None:
    """Triggers of both languages for facts the press tells without the usual nouns."""
    found = sorted(
        (m.start(), t.kind, m.group()) for t in load_lexicon(lang).triggers for m in t.regex.finditer(text)
    )
    hits = [(k, g) for _s, k, g in found if g == matched]
    assert hits == [(kind, matched)] if matched else not any(k == "exchange_programme" for _s, k, _g in found)


def test_english_words_of_the_clause_are_data() -> None:
    lex = load_lexicon("en")
    assert lex.place_before.search("signed in ") and not lex.place_before.search("signed with ")
    assert lex.target_before.search("double trade by ")
    assert lex.leading_words.sub("", "the memorandum") == "memorandum"
    titled = lex.title_quoted.search("an exhibition entitled “Treasures of the Steppe”")
    assert titled and titled.group(1) == "Treasures of the Steppe"
    assert lex.both_sides.search("The two sides agreed") and lex.both_sides.search("both parties noted")
    assert lex.both_sides.search("Both the prime ministers welcomed")
    assert lex.both_sides.search("both of the sides")
    assert not lex.both_sides.search("both countries")  # countries are no actors to look for


def test_french_words_of_the_clause_are_data() -> None:
    lex = load_lexicon("fr")
    assert lex.place_before.search("signé à ") and lex.target_before.search("d’ici ")
    assert lex.leading_words.sub("", "l’accord") == "accord"
    assert lex.quotes == (("«", "»"),) and lex.modals == {}
    assert lex.both_sides.search("les deux parties ont convenu")
    assert lex.both_sides.search("les deux Premiers ministres ont salué")


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("quotes", [["«"]], "'quotes' must list"),
        ("city_introducers", [], "'city_introducers' must list"),
        ("modals", {"past": ["did"]}, "'modals' maps future/conditional"),
        ("title_quoted", "intitulé «[^»]+»", "needs a group"),
        ("place_before", None, "missing place_before"),
    ],
)
def test_malformed_clause_words_are_refused(
    monkeypatch: pytest.MonkeyPatch, key: str, value: object, message: str
) -> None:
    from bilat.extract import lexicon

    real = lexicon._read

    def fake(lang: str, name: str) -> dict:
        data = dict(real("fr", name))
        if name == "status_cues.yaml":
            data[key] = value
        return data

    monkeypatch.setattr(lexicon, "_read", fake)
    with pytest.raises(LanguageDataError, match=message):
        load_lexicon.__wrapped__("xx")


def test_trafficking_is_no_treaty() -> None:
    """ "la traite des êtres humains" is trafficking; only "traité" names a treaty."""
    treaties = [t for t in load_lexicon("fr").triggers if t.kind == "treaty"]
    assert any(t.regex.search("le traité de coopération") for t in treaties)
    assert any(t.regex.search("LE TRAITÉ DE COOPÉRATION") for t in treaties)
    assert not any(t.regex.search("la lutte contre la traite des êtres humains") for t in treaties)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("reference_articles", [], "'reference_articles' must be"),
        ("office_holders", {"chef de l’état": "président"}, "maps a title to a list"),
        ("office_holders", {"chef de l’état": ["présidente", "calife"]}, "names no title: calife"),
        ("state_complements", "de la république", "'state_complements' must be"),
    ],
)
def test_malformed_title_reference_words_are_refused(
    monkeypatch: pytest.MonkeyPatch, key: str, value: object, message: str
) -> None:
    from bilat.extract import references

    real = references.read_lang_yaml

    def fake(lang: str, name: str) -> dict:
        return {**real(lang, name), key: value}

    monkeypatch.setattr(references, "read_lang_yaml", fake)
    with pytest.raises(LanguageDataError, match=message):
        references.load_references.__wrapped__("fr")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_title_reference_words_load(lang: str) -> None:
    from bilat.extract.references import load_references

    words = load_references(lang)
    assert words.articles and words.holders and words.state_complements


@pytest.mark.parametrize("value", [["festival"], "cooperation_pact"])
def test_plural_kinds_of_kind_other_must_be_agreement_kinds(
    monkeypatch: pytest.MonkeyPatch, value: object
) -> None:
    from bilat.extract import lexicon

    real = lexicon._read

    def fake(lang: str, name: str) -> dict:
        data = dict(real("fr", name))
        if name == "triggers.yaml":
            data["plural_other"] = value
        return data

    monkeypatch.setattr(lexicon, "_read", fake)
    with pytest.raises(LanguageDataError, match="'plural_other' must list agreement kinds"):
        load_lexicon.__wrapped__("xx")
    assert load_lexicon("fr").plural_other == {"cooperation_pact", "intergovernmental_agreement"}
