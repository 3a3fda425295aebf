"""Actor resolution: mentions -> one actor per real entity, in a document and across documents.

Places resolve by gazetteer key (Nur-Sultan and Astana are one city). Persons resolve by
name, surname alone ("Tokaïev"), and spelling variants (Tokaïev / Tokayev: a
transliteration-insensitive key, then rapidfuzz). Organisations resolve by name,
acronym ("le CNC" after "… (CNC)"), bare proper part ("le Louvre" -> Musée du Louvre) and
name inclusion within the same category and country. A city's own body ("mairie de
Paris") arrives as a city mention and becomes an alias of the city: bilat records the
city, not its town hall, as the actor (the gold files do the same).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Protocol

from rapidfuzz import fuzz

from bilat.gazetteers import load_gazetteer
from bilat.model.ids import make_id
from bilat.model.names import fold
from bilat.model.records import Actor, Mention, Role

FUZZY_PERSON = 88  # rapidfuzz ratio over transliteration keys of full names
_TRANSLIT = (("tch", "ch"), ("sch", "sh"), ("ch", "sh"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("ou", "u"),
             ("w", "v"), ("y", "i"))  # fmt: skip
_DOUBLE = re.compile(r"(.)\1+")
_ACRONYM = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý0-9&]{1,9}$")
_GLUE = frozenset(
    {"de", "du", "des", "d", "la", "le", "les", "l", "et", "a", "au", "aux", "en", "pour", "sur"}
)


@dataclass
class Resolution:
    mention_actor: list[str]  # actor id per mention, same order as the input mentions
    actors: dict[str, Actor]  # every actor referenced: new or updated, full alias and role lists


class ActorIndex(Protocol):
    def find(self, kind: str | None, norm: str) -> list[Actor]:
        """Actors (of `kind`, or any kind for None) with a name or alias whose fold() == norm."""
        ...

    def candidates(self, kind: str, token: str) -> list[Actor]:
        """Actors of `kind` with a name or alias containing the folded `token` as a word."""
        ...


def translit_key(name: str) -> str:
    """Spelling-insensitive key: "Tokaïev", "Tokayev" -> "tokaev"; "Nour-Soultan" -> "nur sultan"."""
    key = fold(name)
    for old, new in _TRANSLIT:
        key = key.replace(old, new)
    key = _DOUBLE.sub(r"\1", key).replace("ie", "e")
    return _DOUBLE.sub(r"\1", key)


def _names(actor: Actor) -> list[str]:
    return [actor.name, *actor.aliases]


class MemoryIndex:
    """An ActorIndex over a dict of actors, for tests and batch runs."""

    def __init__(self, actors: Iterable[Actor] = ()) -> None:
        self.actors: dict[str, Actor] = {}
        self._norms: dict[str, set[str]] = defaultdict(set)
        self._tokens: dict[str, set[str]] = defaultdict(set)
        self._indexed: dict[str, tuple[set[str], set[str]]] = {}  # id -> the norms and words indexed
        self.update(actors)

    def add(self, actor: Actor) -> None:
        """Add or replace one actor (its names are re-indexed).

        Only what changed is touched: an actor is added again after each mention resolved to it,
        usually with the same names, and a country has dozens of them."""
        norms = {fold(name) for name in _names(actor)}
        tokens = {token for norm in norms for token in norm.split()}
        old_norms, old_tokens = self._indexed.get(actor.id, (set(), set()))
        for norm in old_norms - norms:
            self._norms[norm].discard(actor.id)
        for token in old_tokens - tokens:
            self._tokens[token].discard(actor.id)
        self.actors[actor.id] = actor
        for norm in norms - old_norms:
            self._norms[norm].add(actor.id)
        for token in tokens - old_tokens:
            self._tokens[token].add(actor.id)
        self._indexed[actor.id] = (norms, tokens)

    def update(self, actors: Iterable[Actor]) -> None:
        for actor in actors:
            self.add(actor)

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def find(self, kind: str | None, norm: str) -> list[Actor]:
        found = (self.actors[i] for i in sorted(self._norms.get(norm, ())))
        return [a for a in found if kind is None or a.kind == kind]

    def candidates(self, kind: str, token: str) -> list[Actor]:
        found = (self.actors[i] for i in sorted(self._tokens.get(fold(token), ())))
        return [a for a in found if a.kind == kind]


def _copy(actor: Actor) -> Actor:
    """A copy of `actor` whose lists and ids can change without changing it (its roles are
    shared: resolution replaces a role, never changes one; a deep copy cost more than the rest
    of resolution)."""
    return replace(
        actor, aliases=list(actor.aliases), roles=list(actor.roles), external_ids=dict(actor.external_ids)
    )


def _add_alias(actor: Actor, name: str) -> None:
    name = " ".join(name.split())
    if not name:
        return
    known = {fold(n) for n in _names(actor)}
    if fold(name) not in known:
        actor.aliases.append(name)


def _is_acronym(name: str) -> bool:
    return bool(_ACRONYM.match(name))


def _content(norm: str) -> set[str]:
    return {w for w in norm.split() if w not in _GLUE}


def _variants(word: str) -> set[str]:
    """A few spellings of one folded word to ask an external index with ("tokaiev" -> "tokayev")."""
    out = {word}
    for a, b in (("iev", "yev"), ("yev", "iev"), ("ieva", "yeva"), ("yeva", "ieva"), ("ou", "u"), ("y", "i")):
        if a in word:
            out.add(word.replace(a, b))
    return out


class _Resolver:
    """One call of resolve_mentions: actors touched so far, looked up before the index."""

    def __init__(self, index: ActorIndex) -> None:
        self.index = index
        self.local = MemoryIndex()
        self.gazetteer = load_gazetteer()
        self.pending_roles: list[tuple[str, Role]] = []

    # -- lookups ------------------------------------------------------------------------
    def _take(self, actor: Actor) -> Actor:
        """The local, mutable copy of an actor found in the index."""
        local = self.local.get(actor.id)
        if local is None:
            local = _copy(actor)
            self.local.add(local)
        return local

    def _find(self, kind: str | None, norm: str) -> list[Actor]:
        found = self.local.find(kind, norm)
        seen = {a.id for a in found}
        found += [
            a for a in self.index.find(kind, norm) if a.id not in seen and a.id not in self.local.actors
        ]
        return found

    def _candidates(self, kind: str, words: Iterable[str]) -> list[Actor]:
        out: dict[str, Actor] = {a.id: a for a in self.local.actors.values() if a.kind == kind}
        for word in words:
            for variant in _variants(word):
                for actor in self.index.candidates(kind, variant):
                    out.setdefault(actor.id, actor)
        return list(out.values())

    def _save(self, actor: Actor) -> Actor:
        self.local.add(actor)
        return actor

    # -- kinds --------------------------------------------------------------------------
    def resolve(self, mention: Mention) -> Actor:
        if mention.key:
            actor = self._place(mention)
        elif mention.kind == "person":
            actor = self._person(mention)
        elif mention.kind == "organization":
            actor = self._organization(mention)
        else:
            actor = self._generic(mention)
        for alias in [mention.name, mention.text, *mention.aliases]:
            _add_alias(actor, alias)
        actor.country = actor.country or mention.country
        for role in mention.roles:
            self.pending_roles.append((actor.id, role))
        return self._save(actor)

    def _place(self, mention: Mention) -> Actor:
        assert mention.key is not None
        place = self.gazetteer.get(mention.key)
        actor_id = mention.key.replace(":", "-").lower()
        name = place.name if place else mention.name
        local = self.local.get(actor_id)
        if local is not None:
            return local
        get = getattr(self.index, "get", None)  # optional in the protocol: a direct look-up by id
        stored = get(actor_id) if get is not None else None
        if stored is not None:
            return self._take(stored)
        for actor in self._find(mention.kind, fold(name)):
            if actor.id == actor_id:
                return self._take(actor)
        aliases = sorted(place.aliases) if place else []
        return Actor(id=actor_id, kind=mention.kind, name=name, aliases=list(aliases),
                     country=place.country if place else mention.country)  # fmt: skip

    def _generic(self, mention: Mention) -> Actor:
        hits = self._find(mention.kind, fold(mention.name))
        if hits:
            return self._take(hits[0])
        return Actor(id=make_id("a", mention.kind, fold(mention.name)), kind=mention.kind, name=mention.name)

    def _person(self, mention: Mention) -> Actor:
        norm = fold(mention.name)
        words = norm.split()
        hits = self._find("person", norm)
        if not hits:
            key = translit_key(norm)
            pool = self._candidates("person", words)
            if len(words) == 1:
                hits = [a for a in pool if any(self._surname_match(key, n) for n in _names(a))]
                hits = hits or self._family_name_first(key, pool)
            else:
                hits = [a for a in pool if any(self._full_match(key, n) for n in _names(a))]
        if not hits:
            return Actor(id=make_id("a", "person", norm), kind="person", name=mention.name)
        actor = self._take(self._prefer_local(hits))
        if len(mention.name) > len(actor.name) and len(words) > len(fold(actor.name).split()):
            _add_alias(actor, actor.name)
            actor.name = mention.name  # the longest full form is the canonical name
        return actor

    def _prefer_local(self, hits: list[Actor]) -> Actor:
        local = [a for a in hits if a.id in self.local.actors]
        return (local or hits)[0]

    def _family_name_first(self, key: str, pool: list[Actor]) -> list[Actor]:
        """A family name written first ("Ito Naoki" ... "Ambassador Ito"): in the same document
        only, and only when one person there is so named."""
        first = [
            a
            for a in pool
            if a.id in self.local.actors
            and any(len(p) == 2 and p[0] == key for p in (translit_key(n).split() for n in _names(a)))
        ]
        return first if len(first) == 1 else []

    @staticmethod
    def _surname_match(key: str, name: str) -> bool:
        parts = translit_key(name).split()
        return any(" ".join(parts[i:]) == key for i in range(len(parts)))

    @staticmethod
    def _full_match(key: str, name: str) -> bool:
        other = translit_key(name)
        if other == key:
            return True
        mine, theirs = key.split(), other.split()
        if len(theirs) == 1:  # an actor known by surname only
            return mine[-1] == theirs[0]
        if len(mine) != len(theirs) or mine[0][:1] != theirs[0][:1]:
            return False
        return fuzz.ratio(key, other) >= FUZZY_PERSON

    def _organization(self, mention: Mention) -> Actor:
        norm = fold(mention.name)
        hits = self._find("organization", norm)
        for alias in mention.aliases:
            hits = hits or self._find("organization", fold(alias))
        if not hits and not _is_acronym(mention.name):
            hits = self._contained(mention, norm)
        if not hits:
            return Actor(id=make_id("a", "organization", norm), kind="organization", name=mention.name,
                         country=mention.country, category=mention.category)  # fmt: skip
        actor = self._take(self._prefer_local(hits))
        if mention.category and actor.category in (None, "other"):
            actor.category = mention.category
        if not _is_acronym(mention.name) and (_is_acronym(actor.name) or len(mention.name) > len(actor.name)):
            _add_alias(actor, actor.name)
            actor.name = mention.name  # the full expansion, not the acronym
        return actor

    def _contained(self, mention: Mention, norm: str) -> list[Actor]:
        """Same body under a shorter or longer name: "Louvre" / "Musée du Louvre"; unique match only."""
        mine = _content(norm)
        if not mine:
            return []
        found = []
        for actor in self._candidates("organization", sorted(mine)):
            if mention.country and actor.country and mention.country != actor.country:
                continue
            for name in _names(actor):
                theirs = _content(fold(name))
                if mine == theirs:
                    found.append(actor)
                    break
                small, big = (mine, theirs) if len(mine) < len(theirs) else (theirs, mine)
                same_body = mention.category == actor.category and mention.country == actor.country
                bare = len(small) == 1 and not (mention.country and actor.country)
                if small < big and ((same_body and len(small) >= 2) or (bare and small == mine)):
                    found.append(actor)
                    break
        return found if len(found) == 1 else []

    # -- roles --------------------------------------------------------------------------
    def attach_roles(self) -> None:
        for actor_id, role in self.pending_roles:
            actor = self.local.actors[actor_id]
            organization = None
            if role.organization:
                norm = fold(role.organization)
                hits = self._find("organization", norm) or self._find("city", norm)
                organization = self._take(hits[0]).id if hits else None
            _merge_role(actor, Role(title=role.title, organization=organization, country=role.country))
            actor.country = actor.country or role.country


def _merge_role(actor: Actor, role: Role) -> None:
    """Add a role unless one already says as much; a longer title replaces the one it contains."""
    title = fold(role.title)
    for i, old in enumerate(actor.roles):
        other = fold(old.title)
        compatible = role.country in (None, old.country) or old.country is None
        if not compatible or (
            role.organization and old.organization and role.organization != old.organization
        ):
            continue
        if title in other:
            return
        if other in title:
            actor.roles[i] = Role(
                role.title, role.organization or old.organization, role.country or old.country
            )
            return
    actor.roles.append(role)


def _weak(mention: Mention) -> bool:
    """Short forms are resolved after full names: surnames, acronyms, bare proper parts."""
    if mention.key:
        return False
    if mention.kind == "person":
        return len(fold(mention.name).split()) == 1
    return _is_acronym(mention.name) or len(fold(mention.name).split()) == 1


def resolve_mentions(mentions: list[Mention], index: ActorIndex) -> Resolution:
    """One actor id per mention, and every actor created or updated on the way."""
    resolver = _Resolver(index)
    ids = [""] * len(mentions)
    for i in sorted(range(len(mentions)), key=lambda i: (_weak(mentions[i]), i)):
        ids[i] = resolver.resolve(mentions[i]).id
    resolver.attach_roles()
    return Resolution(mention_actor=ids, actors=dict(resolver.local.actors))
