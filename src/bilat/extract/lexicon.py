"""Loads and validates one language's fact lexicons (triggers, status cues, domains) from lang/<code>/."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from typing import Any

import yaml

from bilat.errors import LanguageDataError
from bilat.model.names import fold
from bilat.model.vocab import FACT_TYPES, vocab

_APOSTROPHE = "['’]"
_QUOTE_IN_CLASS = re.compile(r"\[[^\]]*'[^\]]*\]")


def compile_pattern(pattern: str, where: str, word_start: bool = False) -> re.Pattern[str]:
    """Lexicon regex: `'` matches ' and ’, a space matches any run of spaces; case-insensitive;
    with `word_start`, a match must begin a word ("formation" does not fire inside "information")."""
    if _QUOTE_IN_CLASS.search(pattern):
        raise LanguageDataError(f"{where}: `'` inside [...] in {pattern!r}", "write (?:e|') instead of [e']")
    source = pattern.replace("'", _APOSTROPHE).replace(" ", r"\s+")
    if word_start:
        # ...and end one, unless it ends on an apostrophe ("la possibilité d'une")
        source = rf"(?<![\w-])(?:{source})(?:(?<!\w)|(?!\w))"
    try:
        return re.compile(source, re.IGNORECASE)
    except re.error as exc:
        raise LanguageDataError(
            f"{where}: bad pattern {pattern!r}: {exc}", "fix the regular expression"
        ) from exc


@dataclass(frozen=True)
class Trigger:
    type: str
    kind: str
    regex: re.Pattern[str]
    name: str  # rule name for explanations, e.g. "fr.trigger.agreement.cooperation_pact#0"
    needs_cue: bool = False
    needs_signing: bool = False
    generic: bool = False
    plural_ok: bool = False  # a plural names one fact too ("des entretiens avec X")
    kind_by_domain: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Cue:
    stage: str
    regex: re.Pattern[str]
    name: str


@dataclass(frozen=True)
class Lexicon:
    lang: str
    triggers: tuple[Trigger, ...]
    broad_kinds: frozenset[str]
    related_kinds: tuple[frozenset[str], ...]
    cues: tuple[Cue, ...]
    stages: dict[str, dict[str, str]]
    defaults: dict[str, dict[str, str]]
    domain_words: dict[str, re.Pattern[str]]
    kind_domains: dict[str, tuple[str, ...]]
    anaphoric_before: re.Pattern[str]
    negated_before: re.Pattern[str]
    plural_before: re.Pattern[str]
    within_before: re.Pattern[str]
    session_before: re.Pattern[str]
    session_held: re.Pattern[str]  # beside a body's name: a session of it is held ("was held", "co-chair")
    continuation_openers: re.Pattern[str]
    shared_head_between: re.Pattern[str]  # between two coordinated fact words of one head ("et de")
    new_before: re.Pattern[str]  # before an event word, what tells a new event ("a", "another")
    member_openers: re.Pattern[str]  # "Ce consortium regroupe…": the members of the fact just before
    reporting_after: re.Pattern[str]
    place_before: re.Pattern[str]  # "à", "in" before a city: where, not who
    target_before: re.Pattern[str]  # "d'ici", "by" before a year: a goal, not a date
    aim_before: re.Pattern[str]  # "afin de", "in order to": what follows is an aim, not a fact
    topic_before: re.Pattern[str]  # "au sujet de", "discussed": what follows is a topic, not a fact
    measure_before: re.Pattern[str]  # "heures de", "the number of": what follows is measured, not a fact
    leading_words: re.Pattern[str]  # dropped from the start of a title
    title_quoted: re.Pattern[str]  # a title the text gives; group 1 is the title
    quotes: tuple[tuple[str, str], ...]  # (opening, closing) quotation marks
    city_introducers: frozenset[str]  # folded words before a city ending a body's name
    modals: dict[str, frozenset[str]]  # tense -> auxiliaries that tell it ("will": future)
    both_sides: re.Pattern[str]  # "the two sides", "les deux parties": the actors named before
    companions: frozenset[str] = frozenset()
    # a person's possessive before an initiative ("his research projects"): that person's own
    # work, not cooperation between two sides; None where the language's possessives do not tell
    # a person from a country ("ses projets")
    personal_before: re.Pattern[str] | None = None
    # agreement kinds a plural names only as a group ("accords de coopération", "bilateral
    # agreements"): several agreements whose own kinds the text does not tell, of kind other
    plural_other: frozenset[str] = frozenset()

    def kinds_related(self, a: str, b: str) -> bool:
        return a == b or any(a in g and b in g for g in self.related_kinds)

    @cached_property
    def trigger_starts(self) -> re.Pattern[str]:
        """Zero-width matches where at least one trigger may begin: one pass over a text instead
        of one per trigger, after which only these positions are tried."""
        either = "|".join(f"(?:{t.regex.pattern})" for t in self.triggers)
        # every trigger begins a word (compile_pattern): inside words, one look-behind fails fast
        return re.compile(rf"(?<![\w-])(?=(?:{either}))", re.IGNORECASE)

    @cached_property
    def trigger_order(self) -> dict[str, int]:
        """Trigger name -> its place in the lexicon (earlier entries win ties)."""
        return {t.name: i for i, t in enumerate(self.triggers)}

    @property
    def rule_names(self) -> list[str]:
        return [t.name for t in self.triggers] + [c.name for c in self.cues]


def _read(lang: str, name: str) -> dict[str, Any]:
    try:
        text = resources.files("bilat.lang").joinpath(lang).joinpath(name).read_text("utf-8")
    except FileNotFoundError as exc:
        raise LanguageDataError(
            f"no {name} for language {lang!r}", f"add src/bilat/lang/{lang}/{name}"
        ) from exc
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or not data:
        raise LanguageDataError(f"lang/{lang}/{name} is empty or not a mapping", "see lang/fr for the format")
    return data


def read_lang_yaml(lang: str, name: str) -> dict[str, Any]:
    """A mapping of lang/<code>/<name>, for the other readers of extract."""
    return _read(lang, name)


def _triggers(lang: str, raw: dict[str, Any]) -> tuple[Trigger, ...]:
    v = vocab()
    out: list[Trigger] = []
    for fact_type in FACT_TYPES:
        entries = raw.get(fact_type) or []
        if not entries:
            raise LanguageDataError(f"lang/{lang}/triggers.yaml: no {fact_type} triggers", "add at least one")
        for i, entry in enumerate(entries):
            kind = entry.get("kind")
            where = f"lang/{lang}/triggers.yaml {fact_type}[{i}]"
            if kind not in v.kinds[fact_type]:
                raise LanguageDataError(f"{where}: unknown kind {kind!r}", f"use one of {v.kinds[fact_type]}")
            by_domain = dict(entry.get("kind_by_domain") or {})
            for target in by_domain.values():
                if target not in v.kinds[fact_type]:
                    raise LanguageDataError(f"{where}: unknown kind {target!r} in kind_by_domain")
            out.append(
                Trigger(
                    type=fact_type,
                    kind=kind,
                    regex=compile_pattern(entry["pattern"], where, word_start=True),
                    name=f"{lang}.trigger.{fact_type}.{kind}#{i}",
                    needs_cue=bool(entry.get("needs_cue")),
                    needs_signing=bool(entry.get("needs_signing")),
                    generic=bool(entry.get("generic")),
                    plural_ok=bool(entry.get("plural_ok")),
                    kind_by_domain=by_domain,
                )
            )
    return tuple(out)


def _cues(lang: str, raw: dict[str, Any]) -> tuple[Cue, ...]:
    stages = raw.get("stages") or {}
    cues = []
    for i, entry in enumerate(raw.get("cues") or []):
        where = f"lang/{lang}/status_cues.yaml cues[{i}]"
        if entry.get("stage") not in stages:
            raise LanguageDataError(
                f"{where}: unknown stage {entry.get('stage')!r}", f"use one of {list(stages)}"
            )
        cues.append(
            Cue(
                entry["stage"],
                compile_pattern(entry["pattern"], where, word_start=True),
                f"{lang}.cue.{entry['stage']}#{i}",
            )
        )
    if not cues:
        raise LanguageDataError(f"lang/{lang}/status_cues.yaml: no cues", "add at least one")
    return tuple(cues)


def _check_statuses(lang: str, table: dict[str, dict[str, str]], name: str) -> None:
    v = vocab()
    for key, per_type in table.items():
        for fact_type in FACT_TYPES:
            if name == "stages" and per_type.get(fact_type) is None:
                continue  # this stage says nothing about this type
            if per_type.get(fact_type) not in v.statuses[fact_type]:
                raise LanguageDataError(
                    f"lang/{lang}/status_cues.yaml {name}.{key}: "
                    f"bad {fact_type} status {per_type.get(fact_type)!r}"
                )


@cache
def load_lexicon(lang: str = "fr") -> Lexicon:
    """The validated lexicon of one language; raises LanguageDataError on empty or bad data."""
    triggers = _read(lang, "triggers.yaml")
    status = _read(lang, "status_cues.yaml")
    domains = _read(lang, "domains.yaml")
    stages = status.get("stages") or {}
    _check_statuses(lang, stages, "stages")
    defaults_raw = status.get("defaults") or {}
    defaults = {t: dict(defaults_raw.get(t) or {}) for t in FACT_TYPES}
    v = vocab()
    for t, per_tense in defaults.items():
        if not per_tense or any(s not in v.statuses[t] for s in per_tense.values()):
            raise LanguageDataError(f"lang/{lang}/status_cues.yaml defaults.{t}: missing or bad statuses")
    words = domains.get("words") or {}
    domain_words = {}
    for domain, forms in words.items():
        if domain not in v.domains or not forms:
            raise LanguageDataError(f"lang/{lang}/domains.yaml: bad or empty domain {domain!r}")
        alternatives = "|".join(f"(?:{f})" for f in forms)
        domain_words[domain] = compile_pattern(rf"(?<!\w)(?:{alternatives})(?!\w)", f"domains.{domain}")
    kind_domains = {k: tuple(d) for k, d in (domains.get("kind_domains") or {}).items()}
    for kind, doms in kind_domains.items():
        if any(d not in v.domains for d in doms):
            raise LanguageDataError(f"lang/{lang}/domains.yaml kind_domains.{kind}: unknown domain")

    def pattern(name: str) -> re.Pattern[str]:
        if not status.get(name):
            raise LanguageDataError(f"lang/{lang}/status_cues.yaml: missing {name}")
        return compile_pattern(status[name], name)

    quotes = status.get("quotes")
    if (
        not isinstance(quotes, list)
        or not quotes
        or any(
            not isinstance(q, list) or len(q) != 2 or not all(isinstance(m, str) and m for m in q)
            for q in quotes
        )
    ):
        raise LanguageDataError(f"lang/{lang}/status_cues.yaml: 'quotes' must list [opening, closing] pairs")
    introducers = status.get("city_introducers")
    words_ok = isinstance(introducers, list) and all(isinstance(w, str) for w in introducers)
    if not introducers or not words_ok:
        raise LanguageDataError(f"lang/{lang}/status_cues.yaml: 'city_introducers' must list words")
    modals_raw = status.get("modals") or {}
    if not isinstance(modals_raw, dict) or any(
        t not in ("future", "conditional") or not isinstance(w, list) for t, w in modals_raw.items()
    ):
        raise LanguageDataError(f"lang/{lang}/status_cues.yaml: 'modals' maps future/conditional to words")
    title_quoted = pattern("title_quoted")
    if title_quoted.groups < 1:
        raise LanguageDataError(f"lang/{lang}/status_cues.yaml: 'title_quoted' needs a group (the title)")
    return Lexicon(
        lang=lang,
        triggers=_triggers(lang, triggers),
        broad_kinds=frozenset(triggers.get("broad_kinds") or ()),
        related_kinds=tuple(frozenset(g) for g in triggers.get("related_kinds") or ()),
        cues=_cues(lang, status),
        stages=stages,
        defaults=defaults,
        domain_words=domain_words,
        kind_domains=kind_domains,
        anaphoric_before=pattern("anaphoric_before"),
        negated_before=pattern("negated_before"),
        plural_before=pattern("plural_before"),
        within_before=pattern("within_before"),
        session_before=pattern("session_before"),
        session_held=pattern("session_held"),
        continuation_openers=pattern("continuation_openers"),
        shared_head_between=pattern("shared_head_between"),
        new_before=pattern("new_before"),
        member_openers=pattern("member_openers"),
        reporting_after=pattern("reporting_after"),
        place_before=pattern("place_before"),
        target_before=pattern("target_before"),
        aim_before=pattern("aim_before"),
        topic_before=pattern("topic_before"),
        measure_before=pattern("measure_before"),
        leading_words=pattern("leading_words"),
        title_quoted=title_quoted,
        quotes=tuple((q[0], q[1]) for q in quotes),
        city_introducers=frozenset(fold(w) for w in introducers),
        modals={t: frozenset(w.lower() for w in words) for t, words in modals_raw.items()},
        both_sides=pattern("both_sides"),
        companions=frozenset(w.lower() for w in status.get("companions") or ()),
        personal_before=pattern("personal_before") if status.get("personal_before") else None,
        plural_other=_plural_other(lang, triggers),
    )


def _plural_other(lang: str, triggers: dict) -> frozenset[str]:
    kinds = triggers.get("plural_other") or []
    if not isinstance(kinds, list) or any(k not in vocab().kinds["agreement"] for k in kinds):
        raise LanguageDataError(f"lang/{lang}/triggers.yaml: 'plural_other' must list agreement kinds")
    return frozenset(kinds)
