"""The controlled vocabularies (kinds, statuses, domains), loaded once from vocab.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

FACT_TYPES = ("agreement", "initiative", "event")


@dataclass(frozen=True)
class Vocab:
    actor_kinds: tuple[str, ...]
    organization_categories: tuple[str, ...]
    published_basis: tuple[str, ...]
    kinds: dict[str, tuple[str, ...]]
    statuses: dict[str, tuple[str, ...]]
    compatible_kinds: tuple[frozenset[str], ...]
    domains: tuple[str, ...]

    def kinds_compatible(self, a: str, b: str) -> bool:
        if a == b:
            return True
        return any(a in group and b in group for group in self.compatible_kinds)


@cache
def vocab() -> Vocab:
    raw = yaml.safe_load(resources.files("bilat.model").joinpath("vocab.yaml").read_text("utf-8"))
    for fact_type in FACT_TYPES:
        if not raw[fact_type]["kinds"] or not raw[fact_type]["statuses"]:
            raise ValueError(f"vocab.yaml: {fact_type} needs kinds and statuses")
    return Vocab(
        actor_kinds=tuple(raw["actor_kinds"]),
        organization_categories=tuple(raw["organization_categories"]),
        published_basis=tuple(raw["published_basis"]),
        kinds={t: tuple(raw[t]["kinds"]) for t in FACT_TYPES},
        statuses={t: tuple(raw[t]["statuses"]) for t in FACT_TYPES},
        compatible_kinds=tuple(frozenset(g) for g in raw["compatible_kinds"]),
        domains=tuple(raw["domains"]),
    )
