"""Long texts parsed in pieces (issue 7): one Doc whose text is exactly the input, offsets exact,
the bilat components working on the joined Doc; a text spaCy fails on fails alone."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from bilat.nlp.pipeline import CHUNK_CHARS, parse, parse_long, split_text

# Sentences written for these tests; the places are in the gazetteer, the people are invented.
SENTENCES = (
    "Le ministre Arman Seitkali a rencontré à Astana la délégation venue de Lyon.",
    "Le musée du Louvre et le musée national du Kazakhstan ont signé un accord le 5 mai 2024.",
    "Une exposition commune ouvrira à Paris puis à Almaty en 2025.",
    "Des étudiants kazakhs suivront des stages à Strasbourg.",
    "La mairie de Nantes prépare un jumelage avec Chymkent.",
    "Ce festival réunira des cinéastes français et ouzbeks à Tachkent.",
)


def generated(paragraphs: int, seed: int, single_line: bool = False) -> str:
    """A French text of `paragraphs` paragraphs of 1-4 sentences, or one line without breaks."""
    rng = random.Random(seed)
    paras = [" ".join(rng.choice(SENTENCES) for _ in range(rng.randint(1, 4))) for _ in range(paragraphs)]
    return (" " if single_line else "\n\n").join(paras)


def spans_of(doc: Doc) -> Iterator[tuple[str, int, int, str]]:
    for key, group in doc.spans.items():
        for span in group:
            yield key, span.start_char, span.end_char, span.text
    for ent in doc.ents:
        yield "ents", ent.start_char, ent.end_char, ent.text


# --- split_text -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "limit", "first"),
    [
        ("aaaa bbbb cccc dddd.\n\neeee ffff. gggg\nhhhh", 30, "aaaa bbbb cccc dddd.\n\n"),  # paragraph
        ("aaaa bbbb cccc dddd. eeee\nffff gggg hhhh", 30, "aaaa bbbb cccc dddd. eeee\n"),  # line
        ("aaaa bbbb cccc dddd. eeee ffff gggg hhhh", 30, "aaaa bbbb cccc dddd. "),  # sentence end
        ("aaaa bbbb cccc dddd eeee ffff gggg hhhh", 30, "aaaa bbbb cccc dddd eeee ffff "),  # space
        ("a" * 70, 30, "a" * 30),  # one long word: a hard cut
    ],
)
def test_split_prefers_paragraphs_then_lines_sentences_spaces(text: str, limit: int, first: str) -> None:
    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= limit for p in pieces)
    assert pieces[0] == first


@pytest.mark.parametrize("seed", range(20))
def test_split_pieces_join_into_the_text(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = ["a", "é", " ", "\n", "\n\n", ". ", "!", "»", "\t", "Ж", "\u00a0"]
    text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 3000)))
    limit = rng.randint(2, 400)
    pieces = split_text(text, limit)
    assert "".join(pieces) == text
    assert all(len(p) <= limit for p in pieces)
    assert all(p for p in pieces[:-1])


def test_a_short_text_is_one_piece() -> None:
    assert split_text("Un texte court.", 100) == ["Un texte court."]
    assert split_text("", 100) == [""]


# --- parse_long on the blank pipeline (fast) ----------------------------------------------


@pytest.mark.parametrize("single_line", [False, True])
def test_joined_doc_has_exactly_the_text_and_offsets(blank: Language, single_line: bool) -> None:
    text = generated(60, seed=7, single_line=single_line)
    doc = parse_long(blank, text, 700)
    whole = blank(text)
    assert doc.text == text
    assert len(split_text(text, 700)) > 5
    for _key, start, end, quote in spans_of(doc):
        assert text[start:end] == quote
    # the gazetteer places of the joined doc are those of the text parsed whole
    assert [s.text for s in doc.spans["bilat_places"]] == [s.text for s in whole.spans["bilat_places"]]
    assert [(s.start_char, s.end_char) for s in doc.spans["bilat_mentions"]] == [
        (s.start_char, s.end_char) for s in whole.spans["bilat_mentions"]
    ]


def test_a_text_over_spacys_limit_is_parsed_in_pieces(blank: Language) -> None:
    """Issue 7: a text over nlp.max_length (1,000,000 characters) raised E088 in the nlp thread."""
    filler = "Le texte continue ici, sans aucun nom, pour remplir la page du journal. " * 8
    text = "\n\n".join(f"{filler}{SENTENCES[i % len(SENTENCES)]}" for i in range(1_800))
    assert len(text) > blank.max_length > CHUNK_CHARS
    [(ctx, doc)] = list(parse(blank, [(text, "big")], batch_size=4))
    assert ctx == "big"
    assert isinstance(doc, Doc), doc
    assert doc.text == text
    places = doc.spans["bilat_places"]
    assert len(places) > 1_800
    assert all(text[s.start_char : s.end_char] == s.text for s in places)
    assert places[-1].start_char > len(text) - len(filler) - 100


def test_one_huge_line_without_any_space(blank: Language) -> None:
    text = "Astana " + "x" * 2_500 + " Lyon"
    doc = parse_long(blank, text, 1_000)
    assert doc.text == text
    assert [s.text for s in doc.spans["bilat_places"]] == ["Astana", "Lyon"]


# --- parse: a text spaCy fails on fails alone --------------------------------------------


@Language.component("test_poison")
def _poison(doc: Doc) -> Doc:
    if "POISON" in doc.text:
        raise RuntimeError("poisoned text")
    return doc


@pytest.fixture
def poisoned(blank: Language) -> Iterator[Language]:
    blank.add_pipe("test_poison", first=True)
    try:
        yield blank
    finally:
        blank.remove_pipe("test_poison")


@pytest.mark.parametrize("batch_size", [1, 3, 16])
def test_a_failing_text_fails_alone_in_its_batch(poisoned: Language, batch_size: int) -> None:
    texts = [f"Texte {i} sur Astana." for i in range(10)]
    texts[4] = "Texte POISON sur Lyon."
    out = list(parse(poisoned, [(t, i) for i, t in enumerate(texts)], batch_size))
    assert [i for i, _ in out] == list(range(10))  # order kept
    for i, result in out:
        if i == 4:
            assert isinstance(result, RuntimeError) and "poisoned" in str(result)
        else:
            assert isinstance(result, Doc) and result.text == texts[i]


def test_a_failing_long_text_fails_alone(poisoned: Language) -> None:
    long = generated(400, seed=1) + "\n\nPOISON"
    out = dict(parse(poisoned, [("Avant.", "a"), (long, "long"), ("Après.", "b")], batch_size=16))
    assert isinstance(out["long"], RuntimeError)
    assert isinstance(out["a"], Doc) and isinstance(out["b"], Doc)


# --- the real model on a joined Doc --------------------------------------------------------


@pytest.mark.slow
def test_the_model_and_bilat_components_work_on_a_joined_doc(nlp: Language) -> None:
    text = generated(40, seed=11)
    doc = parse_long(nlp, text, 1_500)
    assert doc.text == text
    assert len(split_text(text, 1_500)) >= 3
    assert doc.has_annotation("DEP") and doc.has_annotation("ENT_IOB") and doc.has_annotation("SENT_START")
    for _key, start, end, quote in spans_of(doc):
        assert text[start:end] == quote
    # every paragraph starts a sentence, and sentences never cross a piece boundary
    starts = {s.start_char for s in doc.sents}
    offset = 0
    for piece in split_text(text, 1_500):
        assert offset in starts
        offset += len(piece)
    mentions = doc.spans["bilat_mentions"]
    names = {s._.bilat["name"] for s in mentions}
    assert {"Astana", "Lyon", "Almaty", "Arman Seitkali"} <= names, names
    whole = nlp(text)
    assert {s.text for s in doc.spans["bilat_places"]} == {s.text for s in whole.spans["bilat_places"]}
