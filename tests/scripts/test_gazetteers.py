"""The generated gazetteer: lookups it must answer, and no drift from its builder."""

from __future__ import annotations

import gzip
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from bilat.errors import LanguageDataError
from bilat.gazetteers import load_gazetteer, parse
from bilat.model.names import fold

ROOT = Path(__file__).resolve().parents[2]


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_gazetteers", ROOT / "scripts" / "build_gazetteers.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    return _builder()


def test_rebuild_is_identical(builder: ModuleType, tmp_path: Path) -> None:
    """Drift check: `make gazetteers` was run after the last change to its inputs."""
    out = builder.build(tmp_path / "places.json.gz")
    assert out.read_bytes() == builder.OUT.read_bytes(), "run `make gazetteers` and commit the result"


@pytest.mark.parametrize(
    ("name", "key", "canonical", "country"),
    [
        ("nur sultan", "city:1526273", "Astana", "KZ"),
        ("nour soultan", "city:1526273", "Astana", "KZ"),
        ("tselinograd", "city:1526273", "Astana", "KZ"),
        ("alma ata", "city:1526384", "Almaty", "KZ"),
        ("bishkek", "city:1528675", "Bichkek", "KG"),  # display names are French
        ("tashkent", "city:1512569", "Tachkent", "UZ"),
        ("ulaanbaatar", "city:2028462", "Oulan-Bator", "MN"),
        ("beijing", "city:1816670", "Pékin", "CN"),  # not Pekin, Illinois
        ("kazakhstan", "country:KZ", "Kazakhstan", "KZ"),
        ("казахстан", "country:KZ", "Kazakhstan", "KZ"),
        ("қазақстан", "country:KZ", "Kazakhstan", "KZ"),
        ("republique du kazakhstan", "country:KZ", "Kazakhstan", "KZ"),
        ("federation de russie", "country:RU", "Russie", "RU"),
        ("kirghizistan", "country:KG", "Kirghizstan", "KG"),
    ],
)
def test_lookup(name: str, key: str, canonical: str, country: str) -> None:
    best = load_gazetteer().lookup(name)[0]
    assert (best.key, best.name, best.country) == (key, canonical, country)


def test_biggest_city_first_and_actor_id() -> None:
    paris = load_gazetteer().lookup("paris")
    assert paris[0].country == "FR" and len(paris) > 1
    assert paris[0].actor_id == "city-2988507"


def test_common_words_are_not_strong_city_names() -> None:
    gazetteer = load_gazetteer()
    assert all(p.weak for p in gazetteer.lookup("orange") if p.kind == "city")
    assert all(p.weak for p in gazetteer.lookup("mon"))  # small towns need the NER to agree


@pytest.mark.parametrize(
    ("word", "codes"),
    [("kazakhe", ("KZ",)), ("kazakhs", ("KZ",)), ("ouzbèkes", ("UZ",)), ("françaises", ("FR",)),
     ("franco-kazakhes", ("FR", "KZ")), ("grecque", ("GR",)), ("parisien", ())],
)  # fmt: skip
def test_demonyms(word: str, codes: tuple[str, ...]) -> None:
    assert load_gazetteer().demonym(word, "fr") == codes


def test_unreadable_gazetteer_is_a_language_data_error() -> None:
    with pytest.raises(LanguageDataError):
        parse(b"not gzip")
    empty = gzip.compress(json.dumps({"entries": [], "demonyms": {}}).encode())
    with pytest.raises(LanguageDataError):
        parse(empty)


@pytest.mark.parametrize(
    "content",
    ["", "adjectives: {}\ninflection: {}\n",
     "inflection: {feminine: [[a, b]], plural: [[s, s]]}\nadjectives: {NO: [x]}\n",
     "inflection: {feminine: [[on, onne]], plural: [[s, s]]}\nadjectives: {KZ: [kazakh]}\n", ": bad: [yaml"],
)  # fmt: skip
def test_bad_demonym_file_is_refused(builder: ModuleType, tmp_path: Path, content: str) -> None:
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "demonyms.yaml").write_text(content, "utf-8")
    builder.LANG_DIR = tmp_path
    try:
        with pytest.raises(LanguageDataError):
            builder._load_language_data()
    finally:
        builder.LANG_DIR = ROOT / "src" / "bilat" / "lang"


@pytest.mark.parametrize(
    ("name", "french", "english"),
    [
        ("seoul", "Séoul", "Seoul"),
        ("tashkent", "Tachkent", "Tashkent"),
        ("le caire", "Le Caire", "Cairo"),
        ("shymkent", "Chymkent", "Shymkent"),  # lang/en/cities.yaml
        ("coree du sud", "Corée du Sud", "South Korea"),
        ("allemagne", "Allemagne", "Germany"),
    ],
)
def test_places_have_english_display_names(name: str, french: str, english: str) -> None:
    place = load_gazetteer().lookup(name)[0]
    assert (place.name, place.display("fr"), place.display("en"), place.display(None)) == (
        french,
        french,
        english,
        french,
    )


@pytest.mark.parametrize(("name", "country"), [("alexandria", "EG"), ("athens", "GR"), ("vienna", "AT")])
def test_a_citys_name_in_another_language_is_a_main_name(name: str, country: str) -> None:
    """Alexandria is Alexandrie's English name: the Egyptian city, not Alexandria, Virginia,
    whose own name it is."""
    assert load_gazetteer().lookup(name)[0].country == country


def test_korea_alone_is_south_korea() -> None:
    """ISO's English "Korea, Democratic People's Republic of" is read in order, not cut to "Korea"."""
    gazetteer = load_gazetteer()
    assert [p.key for p in gazetteer.lookup("korea")] == ["country:KR"]
    assert gazetteer.lookup(fold("Democratic People's Republic of Korea"))[0].key == "country:KP"


@pytest.mark.parametrize(
    ("word", "codes"),
    [("Kazakh", ("KZ",)), ("Kazakhstani", ("KZ",)), ("Uzbeks", ("UZ",)), ("Japanese", ("JP",)),
     ("Swiss", ("CH",)), ("Sino", ("CN",)), ("kazakhe", ())],
)  # fmt: skip
def test_english_demonyms(word: str, codes: tuple[str, ...]) -> None:
    assert load_gazetteer().demonym(word, "en") == codes
