"""The English language data (lang/en) loads with the loaders of the French data; the name words
that the components once hard-coded in French are data of every language, and checked."""

from __future__ import annotations

import pytest

from bilat.errors import LanguageDataError
from bilat.nlp import langdata
from bilat.nlp.langdata import load_lang


def test_english_data_loads() -> None:
    data = load_lang("en")
    assert {"minister", "prime minister", "ambassador", "rector", "chairman of the board"} <= data.titles
    assert {"mr.", "h.e."} <= data.honorifics
    assert data.org_heads["ministry"].category == "government"
    assert data.tail_heads["university"] == "education" and data.tail_heads["opera"] == "cultural_institution"
    assert data.adjectives_before and data.tail_complements >= {"of"}
    assert data.relatives >= {"who", "which"} and data.conjunctions == {"and", "&"}
    assert any(p.search("Read more: the news") for p in data.boilerplate.lines)
    assert any(p.search("By Anna Karimova") for p in data.boilerplate.bylines)


def test_french_name_words_are_data() -> None:
    data = load_lang("fr")
    assert not data.adjectives_before and data.tail_complements == frozenset()
    assert data.relatives >= {"qui", "dont"} and data.conjunctions == {"et"}
    assert data.prepositions >= {"de", "pour"} and data.articles >= {"la", "l’"}


def _names_with(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    real = langdata._read

    def fake(lang: str, name: str) -> str:
        return text if name == "names.yaml" else real("en", name)

    monkeypatch.setattr(langdata, "_read", fake)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace("adjectives_before: true", "adjectives_before: maybe"), "true or false"),
        (
            lambda t: t.replace("relatives: [who, whom, whose, which, that, where, when]", "relatives: []"),
            "relatives",
        ),
        (lambda t: t.replace("tail_complements: [of, for]", "tail_complements: of"), "tail_complements"),
        (
            lambda t: t.replace('prepositions: [of, for, "on", in, at]', "prepositions: [of, for, on]"),
            "prepositions",
        ),
    ],
)
def test_bad_name_words_are_refused(monkeypatch: pytest.MonkeyPatch, change: object, message: str) -> None:
    original = langdata._read("en", "names.yaml")
    changed = change(original)  # type: ignore[operator]
    assert changed != original
    _names_with(monkeypatch, changed)
    with pytest.raises(LanguageDataError, match=message):
        load_lang.__wrapped__("xx")
