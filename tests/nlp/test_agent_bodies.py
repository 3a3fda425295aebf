"""Bodies read from what the sentence does with a name: an acronym or a name the NER calls a place
that no gazetteer knows, coordinated with a body ("KQ and BRVX") or, as the agents of a verb, with
a country; the proper noun that signs. Ordinary places, acronyms and words stay what they were.
Blank pipelines with the annotations a model could give, on sentences (and bodies) invented for
these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from bilat.nlp.pipeline import add_bilat_pipes


@pytest.fixture(scope="module")
def en() -> Language:
    return add_bilat_pipes(spacy.blank("en"))


def _run(nlp: Language, doc: Doc) -> list[tuple[str, str]]:
    for _name, pipe in nlp.pipeline:
        doc = pipe(doc)
    return [(s.text, s.label_) for s in doc.spans["bilat_mentions"]]


def _mentions(nlp: Language, text: str, ents: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The bilat mentions of `text` when the NER reads `ents` (name, label; first occurrences)."""
    doc: Doc = nlp.make_doc(text)
    spans = [doc.char_span(text.index(name), text.index(name) + len(name), label) for name, label in ents]
    assert all(s is not None for s in spans)
    doc.ents = [s for s in spans if s is not None]
    return _run(nlp, doc)


def _parsed(nlp: Language, rows: str, ents: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """The bilat mentions of a parsed sentence: one "word POS dep head lemma" row per token
    (head as a token index), `ents` as (start, end, label)."""
    table = [row.split() for row in rows.strip().splitlines()]
    words = [r[0] for r in table]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=[not (k + 1 < len(words) and words[k + 1] in {".", ","}) for k in range(len(words))],
        pos=[r[1] for r in table],
        deps=[r[2] for r in table],
        heads=[int(r[3]) for r in table],
        lemmas=[r[4] for r in table],
    )
    doc.ents = [Span(doc, s, e, label) for s, e, label in ents]
    return _run(nlp, doc)


@pytest.mark.parametrize(
    ("text", "ents", "body"),
    [
        # a two-letter acronym the NER calls a place, coordinated with a body
        ("The grant will benefit both KQ and BRVX researchers.", [("KQ", "GPE"), ("BRVX", "ORG")], "KQ"),
        ("Students of KQ and the Norvalis Institute will take part.",
         [("KQ", "GPE"), ("Norvalis Institute", "ORG")], "KQ"),
        ("The Norvalis Institute and Valmorie will share a laboratory.",
         [("Norvalis Institute", "ORG"), ("Valmorie", "GPE")], "Valmorie"),
    ],
)  # fmt: skip
def test_a_name_coordinated_with_a_body_is_a_body(
    en: Language, text: str, ents: list[tuple[str, str]], body: str
) -> None:
    assert (body, "organization") in _mentions(en, text, ents)


def test_the_coordinated_body_is_found_again_in_the_document(en: Language) -> None:
    text = "Both KQ and BRVX will gain. The KQ campus opens in May. KQ will host it."
    found = _mentions(en, text, [("KQ", "GPE"), ("BRVX", "ORG")])
    assert found.count(("KQ", "organization")) == 3


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a known place stays a place; an acronym that names no body stays nothing
        ("Both UK and BRVX researchers will gain.", [("UK", "GPE"), ("BRVX", "ORG")],
         [("UK", "country"), ("BRVX", "organization")]),
        ("The MOU and BRVX were mentioned.", [("BRVX", "ORG")], [("BRVX", "organization")]),
        # not coordinated with a body: an unknown place alone, or beside a country without a verb
        ("The delegation visited KQ last week.", [("KQ", "GPE")], []),
        ("Trade between India and Valmorie is small.", [("India", "GPE"), ("Valmorie", "GPE")],
         [("India", "country")]),
    ],
)  # fmt: skip
def test_places_and_plain_acronyms_stay_what_they_were(
    en: Language, text: str, ents: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert _mentions(en, text, ents) == expected


_AGENTS_WITH_A_COUNTRY = """
la DET det 1 la
Tunisie PROPN nsubj 5 Tunisie
et CCONJ cc 3 et
Valmorie-Ostrande PROPN conj 1 Valmorie-Ostrande
ont AUX aux 5 avoir
développé VERB ROOT 5 développer
une DET det 7 un
coopération NOUN obj 5 coopération
. PUNCT punct 5 .
"""

_BETWEEN_A_COUNTRY_AND = """
Les DET det 1 le
échanges NOUN nsubj 7 échange
entre ADP case 4 entre
la DET det 4 la
Tunisie PROPN nmod 1 Tunisie
et CCONJ cc 6 et
Valmorie-Ostrande PROPN conj 4 Valmorie-Ostrande
croissent VERB ROOT 7 croître
. PUNCT punct 7 .
"""


def test_a_name_acting_with_a_country_is_a_body(blank: Language) -> None:
    found = _parsed(blank, _AGENTS_WITH_A_COUNTRY, [(1, 2, "LOC"), (3, 4, "LOC")])
    assert ("Valmorie-Ostrande", "organization") in found


def test_a_name_after_a_preposition_with_a_country_is_no_body(blank: Language) -> None:
    found = _parsed(blank, _BETWEEN_A_COUNTRY_AND, [(4, 5, "LOC"), (6, 7, "LOC")])
    assert ("Valmorie-Ostrande", "organization") not in found


_SIGNED = """
{subject} {pos} nsubj 1 {lemma}
signed VERB ROOT 1 sign
a DET det 3 a
memorandum NOUN dobj 1 memorandum
with ADP prep 1 with
the DET det 7 the
Brenta PROPN compound 7 Brenta
Agency PROPN pobj 4 Agency
. PUNCT punct 1 .
"""

_SEE_IT_GROW = """
It PRON nsubj 1 it
will AUX aux 2 will
see VERB ROOT 2 see
{subject} PROPN nsubj 4 {lemma}
grow VERB ccomp 2 grow
. PUNCT punct 2 .
"""


def _signing(nlp: Language, subject: str, pos: str) -> list[tuple[str, str]]:
    return _parsed(nlp, _SIGNED.format(subject=subject, pos=pos, lemma=subject.lower()), [])


@pytest.mark.parametrize("subject", ["Norvalis", "Tessarium"])
def test_the_proper_noun_that_signs_is_a_body(en: Language, subject: str) -> None:
    assert (subject, "organization") in _signing(en, subject, "PROPN")


def test_an_ordinary_word_that_signs_is_a_body_only_when_written_as_a_name_elsewhere(en: Language) -> None:
    alone = _signing(en, "Whole", "PROPN")
    assert ("Whole", "organization") not in alone
    rows = _SEE_IT_GROW.format(subject="Whole", lemma="whole")
    signed = "\n".join(
        " ".join([*r.split()[:3], str(int(r.split()[3]) + 6), r.split()[4]])
        for r in _SIGNED.format(subject="Whole", pos="PROPN", lemma="whole").strip().splitlines()
    )
    found = _parsed(en, rows + signed, [])
    assert found.count(("Whole", "organization")) == 2


def test_a_common_noun_that_signs_is_no_body(en: Language) -> None:
    assert _signing(en, "Officials", "NOUN") == [("Brenta Agency", "organization")]
