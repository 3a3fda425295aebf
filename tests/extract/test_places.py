"""Places implied by words: the city a body is named after, the capital of a country."""

from __future__ import annotations

import pytest

from bilat.extract.places import capital_of, city_in_name


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("Festival de Cannes", "Cannes"),
        ("Alliance française de Bishkek", "Bichkek"),
        ("Musée des Beaux-Arts de Lyon", "Lyon"),
        ("Centre culturel coréen d’Almaty", "Almaty"),
        ("Musée Guimet", None),
        ("Musée de la Marine", None),  # a common word, not a town
        ("Université nationale des arts du Kazakhstan", None),  # a country, not a city
    ],
)
def test_city_a_body_is_named_after(name: str, city: str | None) -> None:
    found = city_in_name(name)
    assert (found.name if found else None) == city


def test_capitals() -> None:
    assert {c: capital_of(c).name for c in ("FR", "KZ", "MN")} == {  # type: ignore[union-attr]
        "FR": "Paris",
        "KZ": "Astana",
        "MN": "Oulan-Bator",
    }
    assert capital_of("XX") is None
