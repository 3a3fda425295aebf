"""Places a fact's words imply: the city a body is named after, the capital of a country."""

from __future__ import annotations

from functools import cache

from bilat.gazetteers import Place, load_gazetteer
from bilat.model.names import fold

_MAX_CITY_WORDS = 4
_NAMED_TOWN_POPULATION = 50_000  # a town below the major-city size still counts at this size
# what introduces the city at the end of a body's name: "de Lyon", "d’Almaty", "à Paris"
_BEFORE_CITY = frozenset({"de", "d", "du", "a", "au"})


def city_in_name(name: str, introducers: frozenset[str] = _BEFORE_CITY) -> Place | None:
    """The city a body's name ends with: "Festival de Cannes" -> Cannes, "Alliance française de
    Bichkek" -> Bichkek. Major cities, or towns of some size written with a capital (a small
    town's name is too often a common word: "Musée de la Marine"). `introducers` are the folded
    words before the city: the French ones by default, else a lexicon's `city_introducers`."""
    words = fold(name).split()
    capitalised = name.split()[-1][:1].isupper()
    gazetteer = load_gazetteer()
    for n in range(min(_MAX_CITY_WORDS, len(words) - 2), 0, -1):
        if words[-n - 1] not in introducers:
            continue
        for place in gazetteer.lookup(" ".join(words[-n:])):
            big = not place.weak or (capitalised and place.population >= _NAMED_TOWN_POPULATION)
            if place.kind == "city" and big:
                return place
    return None


@cache
def _capitals() -> dict[str, Place]:
    out: dict[str, Place] = {}
    for place in load_gazetteer().places.values():
        if place.kind == "city" and place.capital:
            best = out.get(place.country)
            if best is None or place.population > best.population:
                out[place.country] = place
    return out


def capital_of(country: str) -> Place | None:
    """The capital city of an ISO 3166-1 country (the most populous one when there are several)."""
    return _capitals().get(country)
