"""Language data the nlp components read (lang/<code>/*.yaml, *.jsonl), validated once on load."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from bilat.errors import LanguageDataError
from bilat.model.names import fold, word_prefixes
from bilat.nlp.text import longest_match

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class OrgHead:
    """A noun that opens an organisation name ("musée", "ambassade") and its category."""

    category: str
    city_body: bool = False  # "mairie de Paris" names the city itself
    proper_only: bool = False  # only when capitalised ("l’Union européenne", not "l’union")
    cue: bool = False  # names what follows without being part of it ("le groupe Orano" -> Orano)
    whole: bool = False  # a name by itself, capitalised: a seat standing for its office ("l’Élysée")


@dataclass(frozen=True)
class KeywordRule:
    """A word inside an organisation name that refines a generic head's category."""

    keywords: tuple[str, ...]  # folded
    category: str
    heads: tuple[str, ...] = ()  # folded heads it applies to; empty: heads of category "other"


@dataclass(frozen=True)
class Boilerplate:
    lines: tuple[re.Pattern[str], ...]
    bylines: tuple[re.Pattern[str], ...]
    byline_max_words: int
    inline: tuple[re.Pattern[str], ...]
    short_line_words: int
    inline_sources: frozenset[str] = frozenset()  # "sur" in "Lire aussi sur Novastan : …"


@dataclass(frozen=True)
class LangData:
    """All word lists of one language; phrase tables are keyed by folded text."""

    lang: str
    titles: frozenset[str]
    territorial_titles: frozenset[str]  # "maire", "mayor": their complement is a place, never a body
    honorifics: frozenset[str]
    determiners: frozenset[str]
    connectors: frozenset[str]
    locatives: frozenset[str]
    particles: frozenset[str]
    surname_particles: frozenset[str]  # "de" of "Vasseur de Saint Martin": the place is the surname's
    non_actor_heads: frozenset[str]
    member_nouns: frozenset[str]  # "Rectors' Conference", "Conférence des présidents": a body
    not_body_acronyms: frozenset[str]  # "USD", "GDP": an acronym alone that names no body
    mechanism_heads: frozenset[str]  # "commission", "council": what a bilateral mechanism is called
    mechanism_words: frozenset[str]  # "mixte", "joint": they make such a head a mechanism, no actor
    place_nouns: frozenset[str]  # "region", "ville": "the Adjara region" names a place, not a person
    org_heads: dict[str, OrgHead]
    keyword_rules: tuple[KeywordRule, ...]
    media_cues: frozenset[str]
    name_endings: tuple[tuple[str, str], ...]  # (folded ending, category): "Kazakhfilm" is a film body
    tail_heads: dict[str, str]  # folded head word that ends a name -> category ("Astana Opera")
    before_titles: frozenset[str]
    title_articles: frozenset[str]
    boilerplate: Boilerplate
    prepositions: frozenset[str]  # inside a body's name ("de", "of")
    articles: frozenset[str]  # after `article_prepositions` inside a name ("la", "the")
    article_prepositions: frozenset[str]
    conjunctions: frozenset[str]  # "et", "and"
    relatives: frozenset[str]  # open a relative clause ("qui", "who")
    apposition_determiners: frozenset[str]  # "l’", "the"
    adjectives_before: bool  # country adjectives precede their noun ("Kazakh President")
    capitalised_fields: bool  # a title's fields are capitalised ("Minister of Higher Education")
    tail_complements: frozenset[str]  # "of" after "National Museum" takes in "of Korea"
    # categories of bodies whose name a locative does not go on with: "Muséum national d’Histoire
    # naturelle | à Madagascar" acts there (an embassy's "à Madagascar" is part of its name)
    sited_apart: frozenset[str] = frozenset()
    signing_verbs: frozenset[str] = frozenset()  # lemmas: their proper-noun subject is a body

    @cached_property
    def title_prefixes(self) -> frozenset[str]:
        return word_prefixes(self.titles)

    @cached_property
    def org_head_prefixes(self) -> frozenset[str]:
        return word_prefixes(self.org_heads)

    @cached_property
    def media_cue_prefixes(self) -> frozenset[str]:
        return word_prefixes(self.media_cues)

    @cached_property
    def max_phrase_words(self) -> int:
        tables = (self.titles, self.org_heads.keys(), self.media_cues)
        return max(n.count(" ") + 1 for table in tables for n in table)

    def title_at(self, doc: Doc, folds: list[str], start: int) -> int | None:
        """End token of the longest title ("Lt Gen", "ministre de") starting at token `start`."""
        hit = longest_match(doc, folds, start, self._a_title, self.max_phrase_words, self.title_prefixes)
        return hit[0] if hit is not None else None

    def org_head_at(self, doc: Doc, folds: list[str], start: int) -> tuple[int, OrgHead] | None:
        """The longest body's head ("ministère", "national museum") starting at token `start`:
        its end token and what it says of the body."""
        return longest_match(
            doc, folds, start, self.org_heads.get, self.max_phrase_words, self.org_head_prefixes
        )

    def _a_title(self, phrase: str) -> bool | None:
        return phrase in self.titles or None


def _read(lang: str, name: str) -> str:
    path = resources.files("bilat").joinpath("lang", lang, name)
    if not path.is_file():
        raise LanguageDataError(f"lang/{lang}/{name} is missing", "add the file or pick another language")
    return path.read_text("utf-8")


def _yaml(lang: str, name: str) -> dict[str, Any]:
    try:
        raw = yaml.safe_load(_read(lang, name))
    except yaml.YAMLError as exc:
        raise LanguageDataError(f"lang/{lang}/{name} is not valid YAML", str(exc)) from exc
    if not isinstance(raw, dict) or not raw:
        raise LanguageDataError(f"lang/{lang}/{name} is empty or not a mapping")
    return raw


def _words(raw: dict[str, Any], key: str, where: str) -> list[str]:
    value = raw.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise LanguageDataError(f"{where}: '{key}' must be a non-empty list of strings")
    return value


def _optional_words(raw: dict[str, Any], key: str, where: str) -> frozenset[str]:
    """A list of lower-case words that may be empty (but must be a list of strings)."""
    value = raw.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LanguageDataError(f"{where}: '{key}' must be a list of strings (may be empty)")
    return frozenset(w.lower() for w in value)


def _categories(raw: dict[str, Any], key: str, where: str) -> frozenset[str]:
    """A list of organisation categories (model/vocab.yaml), may be empty."""
    from bilat.model.vocab import vocab

    found = _optional_words(raw, key, where)
    unknown = sorted(found - set(vocab().organization_categories))
    if unknown:
        raise LanguageDataError(f"{where}: '{key}' names no organisation category: {', '.join(unknown)}")
    return found


def _flag(raw: dict[str, Any], key: str, where: str) -> bool:
    value = raw.get(key)
    if not isinstance(value, bool):
        raise LanguageDataError(f"{where}: '{key}' must be true or false")
    return value


def _folded(raw: dict[str, Any], key: str, where: str) -> frozenset[str]:
    return frozenset(fold(w) for w in _words(raw, key, where))


def _lower(raw: dict[str, Any], key: str, where: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _words(raw, key, where))


def _patterns(items: list[str], where: str, flags: int = 0) -> tuple[re.Pattern[str], ...]:
    try:
        return tuple(re.compile(p, flags) for p in items)
    except re.error as exc:
        raise LanguageDataError(f"{where}: bad pattern", str(exc)) from exc


def _org_patterns(
    lang: str,
) -> tuple[dict[str, OrgHead], tuple[KeywordRule, ...], tuple[tuple[str, str], ...], dict[str, str]]:
    where = f"lang/{lang}/org_patterns.jsonl"
    heads: dict[str, OrgHead] = {}
    rules: list[KeywordRule] = []
    endings: list[tuple[str, str]] = []
    tails: dict[str, str] = {}
    for number, line in enumerate(_read(lang, "org_patterns.jsonl").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            category = item["category"]
            if "heads" in item:
                head = OrgHead(
                    category,
                    bool(item.get("city_body")),
                    bool(item.get("proper_only")),
                    bool(item.get("cue")),
                    bool(item.get("whole")),
                )
                for word in _words(item, "heads", f"{where}:{number}"):
                    heads[fold(word)] = head
            elif "tail_heads" in item:
                tails.update({fold(w): category for w in _words(item, "tail_heads", f"{where}:{number}")})
            elif "endings" in item:
                endings += [(fold(w), category) for w in _words(item, "endings", f"{where}:{number}")]
            else:
                words = tuple(fold(w) for w in _words(item, "keywords", f"{where}:{number}"))
                only = tuple(fold(w) for w in item.get("heads_only", []))
                rules.append(KeywordRule(words, category, only))
        except (ValueError, KeyError, TypeError) as exc:
            raise LanguageDataError(f"{where}:{number}: malformed pattern", str(exc)) from exc
    if not heads:
        raise LanguageDataError(f"{where} has no organisation heads")
    return heads, tuple(rules), tuple(endings), tails


def _cue_pattern(cue: str) -> str:
    """A cue matched as words: a word boundary where it starts or ends with a letter ("related:")."""
    before = r"\b" if cue[:1].isalnum() else ""
    after = r"\b" if cue[-1:].isalnum() else ""
    return before + re.escape(cue).replace(r"\ ", r"\s+") + after


@cache
def load_lang(lang: str = "fr") -> LangData:
    """The language data of `lang`, read and checked once per process."""
    titles = _yaml(lang, "titles.yaml")
    names = _yaml(lang, "names.yaml")
    media = _yaml(lang, "media.yaml")
    boiler = _yaml(lang, "boilerplate.yaml")
    heads, rules, endings, tails = _org_patterns(lang)
    where = f"lang/{lang}/boilerplate.yaml"
    bylines = boiler.get("bylines") or {}
    if not isinstance(bylines, dict):
        raise LanguageDataError(f"{where}: 'bylines' must be a mapping")
    try:
        byline_max = int(bylines.get("max_words", 10))
        short = int(boiler.get("short_line_words", 0))
    except (TypeError, ValueError) as exc:
        raise LanguageDataError(f"{where}: word counts must be integers") from exc
    inline = [_cue_pattern(cue) for cue in _words(boiler, "inline", where)]
    names_where = f"lang/{lang}/names.yaml"
    titles_where = f"lang/{lang}/titles.yaml"
    title_set = _folded(titles, "titles", titles_where)
    territorial = _folded(titles, "territorial_titles", titles_where)
    if not territorial <= title_set:
        unknown = ", ".join(sorted(territorial - title_set))
        raise LanguageDataError(f"{titles_where}: territorial titles that are no title: {unknown}")
    return LangData(
        lang=lang,
        titles=title_set,
        territorial_titles=territorial,
        honorifics=_lower(titles, "honorifics", f"lang/{lang}/titles.yaml"),
        determiners=_lower(names, "determiners", f"lang/{lang}/names.yaml"),
        connectors=_lower(names, "connectors", f"lang/{lang}/names.yaml"),
        locatives=_lower(names, "locatives", f"lang/{lang}/names.yaml"),
        particles=_lower(names, "name_particles", f"lang/{lang}/names.yaml"),
        surname_particles=_lower(names, "surname_particles", names_where),
        non_actor_heads=_folded(names, "non_actor_heads", f"lang/{lang}/names.yaml"),
        member_nouns=_folded(names, "member_nouns", f"lang/{lang}/names.yaml"),
        not_body_acronyms=_folded(names, "not_body_acronyms", f"lang/{lang}/names.yaml"),
        mechanism_heads=_folded(names, "mechanism_heads", names_where),
        mechanism_words=_folded(names, "mechanism_words", names_where),
        place_nouns=_folded(names, "place_nouns", names_where),
        org_heads=heads,
        name_endings=endings,
        tail_heads=tails,
        keyword_rules=rules,
        media_cues=_folded(media, "cues", f"lang/{lang}/media.yaml"),
        before_titles=_lower(media, "before_titles", f"lang/{lang}/media.yaml"),
        title_articles=frozenset(_words(media, "title_articles", f"lang/{lang}/media.yaml")),
        boilerplate=Boilerplate(
            lines=_patterns(_words(boiler, "lines", where), where, re.IGNORECASE),
            bylines=_patterns(_words(bylines, "patterns", where), where),
            byline_max_words=byline_max,
            inline=_patterns(inline, where, re.IGNORECASE),
            short_line_words=short,
            inline_sources=_lower(boiler, "inline_sources", where),
        ),
        prepositions=_lower(names, "prepositions", names_where),
        articles=_lower(names, "articles", names_where),
        article_prepositions=_lower(names, "article_prepositions", names_where),
        conjunctions=_lower(names, "conjunctions", names_where),
        relatives=_lower(names, "relatives", names_where),
        apposition_determiners=_lower(names, "apposition_determiners", names_where),
        adjectives_before=_flag(names, "adjectives_before", names_where),
        capitalised_fields=_flag(names, "capitalised_fields", names_where),
        tail_complements=_optional_words(names, "tail_complements", names_where),
        sited_apart=_categories(names, "sited_apart", names_where),
        signing_verbs=_lower(names, "signing_verbs", names_where),
    )
