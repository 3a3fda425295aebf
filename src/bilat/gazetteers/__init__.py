"""Generated place gazetteer (countries, cities, demonyms), loaded once; see scripts/build_gazetteers.py."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from bilat.errors import LanguageDataError
from bilat.model.names import fold, word_prefixes

FILE = "places.json.gz"


@dataclass(frozen=True)
class Place:
    """One gazetteer entry: a country or a city, with every name it is known under."""

    key: str  # "country:KZ", "city:1526273"
    kind: str  # country | city
    name: str  # canonical display name
    country: str  # ISO 3166-1 alpha-2
    aliases: tuple[str, ...] = ()
    population: int = 0
    capital: bool = False
    weak: bool = False  # a name that is also a common word, or a small town: needs NER agreement
    names: tuple[tuple[str, str], ...] = ()  # (language, display name) where it differs from `name`

    def display(self, lang: str | None) -> str:
        """The display name in a language: "Séoul" in French, "Seoul" in English."""
        return next((n for code, n in self.names if code == lang), self.name)

    @property
    def actor_id(self) -> str:
        """Stable, readable actor id: "country-kz", "city-1526273"."""
        return self.key.replace(":", "-").lower()


@dataclass
class Gazetteer:
    """Name lookups over the places, by folded name (see `bilat.model.names.fold`)."""

    places: dict[str, Place]
    demonyms: dict[str, dict[str, tuple[str, ...]]]  # lang -> folded adjective -> ISO codes
    prefixes: dict[str, dict[str, str]]  # lang -> folded combining form ("franco") -> ISO code
    _by_norm: dict[str, list[Place]] = field(default_factory=dict, repr=False)
    max_words: int = 1
    name_prefixes: frozenset[str] = field(default_factory=frozenset, repr=False)

    def __post_init__(self) -> None:
        ranked: dict[str, list[tuple[tuple[int, int, int, int], Place]]] = {}
        for place in self.places.values():
            # its names in other languages are main names too: "Alexandria" is Egypt's, in English
            main = {fold(place.name)} | {fold(n) for _, n in place.names}
            names = {fold(a): 1 for a in place.aliases} | dict.fromkeys(main, 0)
            for norm, is_alias in names.items():
                if not norm:
                    continue
                # a major city known by another name beats a small town of that name ("Pekin")
                rank = (place.kind != "country", place.weak, is_alias, -place.population)
                ranked.setdefault(norm, []).append((rank, place))
                self.max_words = max(self.max_words, norm.count(" ") + 1)
        self._by_norm = {n: [p for _, p in sorted(items, key=lambda x: x[0])] for n, items in ranked.items()}
        self.name_prefixes = word_prefixes(self._by_norm)

    def lookup(self, norm: str) -> list[Place]:
        """Places named `norm` (already folded), best first: countries, main names, then by population."""
        return self._by_norm.get(norm, [])

    def get(self, key: str) -> Place | None:
        return self.places.get(key)

    def demonym(self, word: str, lang: str = "fr") -> tuple[str, ...]:
        """ISO codes of a country adjective: "kazakhe" -> ("KZ",); "franco-kazakhes" -> ("FR", "KZ")."""
        return self.demonym_folded(fold(word), lang)

    def demonym_folded(self, norm: str, lang: str = "fr") -> tuple[str, ...]:
        """`demonym` for an already folded word ("franco kazakhes")."""
        table = self.demonyms.get(lang, {})
        if norm in table:
            return table[norm]
        parts = norm.split(" ")
        if len(parts) < 2:
            return ()
        prefixes = self.prefixes.get(lang, {})
        codes: list[str] = []
        for part in parts[:-1]:
            if part not in prefixes:
                return ()
            codes.append(prefixes[part])
        last = table.get(parts[-1], ())
        return tuple(codes) + last if last else ()


def parse(raw: bytes) -> Gazetteer:
    """A gazetteer from the gzipped JSON the builder writes."""
    try:
        data = json.loads(gzip.decompress(raw))
        places = {
            e["key"]: Place(
                key=e["key"],
                kind=e["kind"],
                name=e["name"],
                country=e["country"],
                aliases=tuple(e.get("aliases", ())),
                population=int(e.get("population", 0)),
                capital=bool(e.get("capital", False)),
                weak=bool(e.get("weak", False)),
                names=tuple(sorted((e.get("names") or {}).items())),
            )
            for e in data["entries"]
        }
        demonyms = {
            lang: {k: tuple(v) for k, v in d["adjectives"].items()} for lang, d in data["demonyms"].items()
        }
        prefixes = {lang: dict(d["prefixes"]) for lang, d in data["demonyms"].items()}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise LanguageDataError(f"gazetteer {FILE} is unreadable: {exc}", "run `make gazetteers`") from exc
    if not places:
        raise LanguageDataError(f"gazetteer {FILE} is empty", "run `make gazetteers`")
    return Gazetteer(places=places, demonyms=demonyms, prefixes=prefixes)


@cache
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer, parsed once per process."""
    return parse(resources.files("bilat.gazetteers").joinpath(FILE).read_bytes())
