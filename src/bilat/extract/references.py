"""Title references, a document pass of extract: "the Vice President’s visit", "le président
français", "LA VISITE DU PRÉSIDENT DE LA RÉPUBLIQUE FRANÇAISE" stand for the person the document
names with that title (lang/<code>/titles.yaml: titles, reference articles, office holders)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc

from bilat.errors import LanguageDataError
from bilat.extract.lexicon import read_lang_yaml
from bilat.model.names import fold
from bilat.model.records import Mention
from bilat.nlp.components.persons import TITLES
from bilat.nlp.langdata import LangData, load_lang
from bilat.nlp.text import starts_upper, token_folds


@dataclass(frozen=True)
class ReferenceData:
    """One language's words for title references (lang/<code>/titles.yaml), folded."""

    articles: frozenset[str]  # "the", "le", "du": a title after them refers to a person
    holders: dict[str, frozenset[str]]  # "chef de l etat" -> the titles of who holds that office
    state_complements: tuple[tuple[str, ...], ...]  # ("de", "la", "republique"): the person's own state


@dataclass(frozen=True)
class Reference:
    """A title standing for a person: its characters, folded title, and what qualifies it."""

    start: int
    end: int
    title: str  # folded, as in titles.yaml: "vice president", "premier ministre"
    country: str | None  # "président français", "the Indian Prime Minister", "of the French Republic"
    field: str | None  # folded first word of a complement that is no country ("culture")


@dataclass(frozen=True)
class _Holder:
    mention: Mention
    title: str
    country: str | None
    complement: tuple[str, ...]  # folded words after the title in the role ("de la culture")


@cache
def load_references(lang: str) -> ReferenceData:
    """The validated reference words of one language: every office and holder must be a title."""
    where = f"lang/{lang}/titles.yaml"
    raw = read_lang_yaml(lang, "titles.yaml")
    titles = load_lang(lang).titles
    articles = raw.get("reference_articles")
    if not isinstance(articles, list) or not articles or not all(isinstance(a, str) for a in articles):
        raise LanguageDataError(f"{where}: 'reference_articles' must be a non-empty list of words")
    holders_raw = raw.get("office_holders") or {}
    shape = isinstance(holders_raw, dict) and all(
        isinstance(who, list) and who and all(isinstance(w, str) for w in who) for who in holders_raw.values()
    )
    if not shape:
        raise LanguageDataError(f"{where}: 'office_holders' maps a title to a list of titles")
    holders: dict[str, frozenset[str]] = {}
    for office, who in holders_raw.items():
        folded = {fold(w) for w in who}
        unknown = sorted((folded | {fold(office)}) - titles)
        if unknown:
            raise LanguageDataError(f"{where}: office_holders names no title: {', '.join(unknown)}")
        holders[fold(office)] = frozenset(folded)
    states = raw.get("state_complements") or []
    if not isinstance(states, list) or not all(isinstance(s, str) and fold(s) for s in states):
        raise LanguageDataError(f"{where}: 'state_complements' must be a list of phrases")
    return ReferenceData(
        articles=frozenset(fold(a) for a in articles),
        holders=holders,
        state_complements=tuple(tuple(fold(s).split()) for s in states),
    )


def _title_of(folded: str, data: LangData) -> tuple[str, tuple[str, ...]] | None:
    """The longest title a role's folded text opens with, and the words after it."""
    words = folded.split()
    for k in range(min(len(words), data.max_phrase_words), 0, -1):
        if " ".join(words[:k]) in data.titles:
            return " ".join(words[:k]), tuple(words[k:])
    return None


def _holders(mentions: list[Mention], data: LangData) -> list[_Holder]:
    out = []
    for m in mentions:
        if m.kind != "person":
            continue
        for role in m.roles:
            found = _title_of(fold(role.title), data)
            if found is not None:
                out.append(_Holder(m, found[0], role.country or m.country, found[1]))
    return out


def find_references(sdoc: Doc, mentions: list[Mention], cues: list[Mention], lang: str) -> list[Reference]:
    """Every title after a definite article that names no one beside it: not a person's own title
    ("the Foreign Minister Eduard Nalbandian"), not inside a body's name ("Prime Minister's Office")."""
    data, words = load_lang(lang), load_references(lang)
    folds = token_folds(sdoc)
    taken = [(s.start_char, s.end_char) for s in sdoc.spans.get(TITLES, [])]
    taken += [(m.start, m.end) for m in mentions if m.kind in ("person", "organization")]
    countries = {m.start: m for m in [*mentions, *cues] if m.kind == "country" and m.country}
    bodies = {m.start: m.end for m in mentions if m.kind == "organization"}
    out = []
    for i in range(len(sdoc) - 1):
        if folds[i] not in words.articles:
            continue
        j, country = _country_at(sdoc, i + 1, countries)
        end = data.title_at(sdoc, folds, j) if j < len(sdoc) else None
        if end is None:
            continue
        start_char, end_char = sdoc[j].idx, sdoc[end - 1].idx + len(sdoc[end - 1])
        if any(a < end_char and start_char < b for a, b in taken):
            continue
        k, after = _country_at(sdoc, end, countries)
        country = country or after
        k, field, of_country = _complement(sdoc, k, countries, data, words)
        body_end = bodies.get(sdoc[k - 1].idx) if field is not None else None
        while body_end is not None and k < len(sdoc) and sdoc[k].idx < body_end:
            k += 1  # the field is a body's name: "the Rector of Lakeside University" ends after it
        country = country or of_country
        if k < len(sdoc) and _a_name(sdoc, j, k):
            continue  # "the president Amara Diallo": a title the persons component did not take
        title = " ".join(f for f in folds[j:end] if f)
        out.append(Reference(start_char, end_char, title, country, field))
    return out


def _country_at(sdoc: Doc, k: int, countries: dict[int, Mention]) -> tuple[int, str | None]:
    """Past a country adjective or name at token k ("French", "français"): where it ends and its code."""
    if k < len(sdoc) and sdoc[k].idx in countries:
        m = countries[sdoc[k].idx]
        while k < len(sdoc) and sdoc[k].idx < m.end:
            k += 1
        return k, m.country
    return k, None


def _complement(
    sdoc: Doc, k: int, countries: dict[int, Mention], data: LangData, words: ReferenceData
) -> tuple[int, str | None, str | None]:
    """After a title, "of India", "de la République française" (a country), "de la République"
    (its own state: nothing), "de la Culture" (a field): the token after it, the field's first
    word, the country's code."""
    if k >= len(sdoc) or sdoc[k].lower_ not in data.prepositions:
        return k, None, None
    folds = token_folds(sdoc)
    n = k + 1
    while n < len(sdoc) and sdoc[n].lower_ in data.articles:
        n += 1
    if n >= len(sdoc):
        return k, None, None
    if sdoc[n].idx in countries:
        end, country = _country_at(sdoc, n, countries)
        return end, None, country
    for phrase in words.state_complements:
        if tuple(folds[k : k + len(phrase)]) == phrase:
            return k + len(phrase), None, None
    if starts_upper(sdoc[n].text) and folds[n]:
        return n + 1, folds[n], None
    return k, None, None


def _a_name(sdoc: Doc, title_start: int, k: int) -> bool:
    """A capitalised word right after a title in running text names its holder ("the president
    Amara Diallo"); in a line written in capitals, every word is."""
    token = sdoc[k]
    shouting = sdoc[title_start].is_upper and len(sdoc[title_start]) > 1
    return token.is_alpha and starts_upper(token.text) and not shouting


def _surname(m: Mention) -> str:
    words = fold(m.name).split()
    return words[-1] if words else ""


def reference_mentions(
    sdoc: Doc, mentions: list[Mention], cues: list[Mention], lang: str
) -> list[tuple[Mention, Mention]]:
    """(the person a title reference stands for, as a mention of them where the reference
    stands, the person's own mention), in text order: each reference found by `find_references`
    that `_referent` can answer ("le président français" names the président there)."""
    return [
        (replace(person, start=ref.start, end=ref.end, text=sdoc.text[ref.start : ref.end]), person)
        for ref, person in _resolved(sdoc, mentions, cues, lang)
    ]


def _resolved(
    sdoc: Doc, mentions: list[Mention], cues: list[Mention], lang: str
) -> list[tuple[Reference, Mention]]:
    if not any(m.kind == "person" and m.roles for m in mentions):
        return []
    holders = _holders(mentions, load_lang(lang))
    countries: dict[str, str] = {}
    for m in mentions:
        if m.kind == "person" and m.country:
            countries.setdefault(_surname(m), m.country)
    out = []
    for ref in find_references(sdoc, mentions, cues, lang):
        person = _referent(ref, holders, countries, load_references(lang))
        if person is not None:
            out.append((ref, person))
    return out


def _referent(
    ref: Reference, holders: list[_Holder], countries: dict[str, str], words: ReferenceData
) -> Mention | None:
    """The person a reference stands for: the one named with that title (of that country, with
    that field when the text says) before it; when none is, the only one named after it. Two
    different persons (by surname: "A. Garayev" is "Abulfas Garayev") are no answer; of those
    who fit, the ones whose title has the reference's field win over those whose title has none."""
    titles = {ref.title} | words.holders.get(ref.title, frozenset())
    fitting = []
    for h in holders:
        country = h.country or countries.get(_surname(h.mention))
        if (
            h.title in titles
            and (ref.country is None or country is None or country == ref.country)
            and (ref.field is None or not h.complement or ref.field in h.complement)
        ):
            fitting.append(h)
    # "the Rector of X University": the one named rector of X, rather than one named rector only
    exact = [h for h in fitting if ref.field is not None and ref.field in h.complement]
    fits = [h.mention for h in exact or fitting]
    before = [m for m in fits if m.end <= ref.start]
    named = before or [m for m in fits if m.start >= ref.end]
    return named[-1] if len({_surname(m) for m in named}) == 1 else None
