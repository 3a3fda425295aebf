"""Language data files: the shipped French ones load; empty or malformed ones are refused."""

from __future__ import annotations

import pytest

from bilat.errors import LanguageDataError
from bilat.nlp import langdata
from bilat.nlp.langdata import load_lang


def test_french_data_loads() -> None:
    data = load_lang("fr")
    assert "ministre" in data.titles and "chef de l etat" in data.titles
    assert data.org_heads["musee"].category == "museum"
    assert data.org_heads["mairie"].city_body
    assert any(p.search("Newsletter") for p in data.boilerplate.lines)


def _with_files(monkeypatch: pytest.MonkeyPatch, **replaced: str) -> None:
    real = langdata._read

    def fake(lang: str, name: str) -> str:
        key = name.replace(".", "_")
        return replaced[key] if key in replaced else real("fr", name)

    monkeypatch.setattr(langdata, "_read", fake)


@pytest.mark.parametrize(
    "files",
    [
        {"titles_yaml": ""},
        {"titles_yaml": "titles: []\nhonorifics: [m.]\n"},
        {"names_yaml": "determiners: [le\n"},
        {"media_yaml": "- just\n- a list\n"},
        {"boilerplate_yaml": "lines: ['(unclosed']\ninline: [lire aussi]\n"},
        {"org_patterns_jsonl": ""},
        {"org_patterns_jsonl": '{"heads": ["musée"]}\n'},
        {"org_patterns_jsonl": "not json\n"},
    ],
)
def test_bad_files_are_refused(monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> None:
    _with_files(monkeypatch, **files)
    with pytest.raises(LanguageDataError):
        load_lang.__wrapped__("xx")


def test_missing_language_is_refused() -> None:
    with pytest.raises(LanguageDataError):
        load_lang.__wrapped__("zz")


def test_a_category_no_body_has_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    names = langdata._read("fr", "names.yaml")
    assert "sited_apart: [museum]" in names
    _with_files(monkeypatch, names_yaml=names.replace("sited_apart: [museum]", "sited_apart: [zoo]"))
    with pytest.raises(LanguageDataError, match="sited_apart"):
        load_lang.__wrapped__("xx")
