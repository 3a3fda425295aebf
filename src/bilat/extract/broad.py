"""Broad fact words (lang/<code>/fact_words.yaml): every word that may name a fact, as candidate
triggers for the trained decisions. Matched on lemmas (or forms) folded, plurals included."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import yaml
from spacy.attrs import IDX, IS_SPACE, LEMMA
from spacy.tokens import Doc

from bilat.errors import LanguageDataError
from bilat.extract.lexicon import Trigger
from bilat.model.names import fold
from bilat.model.vocab import FACT_TYPES, vocab
from bilat.nlp.text import token_texts

_NEVER = re.compile(r"(?!)")  # a broad trigger has no pattern of its own: its words are its match
_MAX_WORDS = 5


@dataclass(frozen=True)
class BroadWords:
    lang: str
    phrases: dict[str, list[tuple[tuple[str, ...], Trigger]]]  # first word -> longest phrases first

    def __len__(self) -> int:
        return sum(len(v) for v in self.phrases.values())


def _variants(word: str) -> list[str]:
    """A folded word, then the singulars it may be the plural of (French and English rules)."""
    out = [word]
    if len(word) > 3:
        if word.endswith("aux"):
            out.append(word[:-3] + "al")
        if word.endswith("ies"):
            out.append(word[:-3] + "y")
        if word.endswith(("s", "x")):
            out.append(word[:-1])
    return out


@cache
def load_broad_words(lang: str) -> BroadWords | None:
    """The broad fact words of `lang`, or None when the language has none."""
    path = resources.files("bilat.lang").joinpath(lang).joinpath("fact_words.yaml")
    if not path.is_file():
        return None
    where = f"lang/{lang}/fact_words.yaml"
    try:
        raw = yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as exc:
        raise LanguageDataError(f"{where} is not valid YAML", str(exc)) from exc
    if not isinstance(raw, dict) or set(raw) != set(FACT_TYPES):
        raise LanguageDataError(f"{where}: needs exactly the keys {', '.join(FACT_TYPES)}")
    kinds = vocab().kinds
    phrases: dict[str, list[tuple[tuple[str, ...], Trigger]]] = {}
    for fact_type in FACT_TYPES:
        for kind, words in (raw[fact_type] or {}).items():
            if kind not in kinds[fact_type]:
                raise LanguageDataError(f"{where}: unknown {fact_type} kind {kind!r}")
            if not isinstance(words, list) or not words:
                raise LanguageDataError(f"{where}: {fact_type}.{kind} must be a non-empty list")
            for word in words:
                folded = tuple(fold(str(word)).split())
                if not folded or len(folded) > _MAX_WORDS:
                    raise LanguageDataError(f"{where}: bad entry {word!r} under {fact_type}.{kind}")
                trigger = Trigger(
                    type=fact_type,
                    kind=kind,
                    regex=_NEVER,
                    name=f"{lang}.broad.{fact_type}.{kind}:{'_'.join(folded)}",
                )
                phrases.setdefault(folded[0], []).append((folded, trigger))
    for entries in phrases.values():
        entries.sort(key=lambda e: -len(e[0]))
    return BroadWords(lang, phrases)


@lru_cache(maxsize=1 << 16)
def _lookups(text: str, lemma: str) -> tuple[tuple[str, ...], ...]:
    """What a word may be looked up as: one tuple of keys per part of it. A word is one part,
    its keys in order of trust: its form, its lemma, their singulars (an order, not a set: of two
    entries that match equally long, the first key's wins, the same in every process). A word
    folded into several ("d’accord" to "d accord") is as many parts, each its own key.
    Memoised: the same words recur in every page."""
    pieces = fold(text).split()
    if len(pieces) > 1:
        return tuple((p,) for p in pieces)
    keys = _variants(fold(text))
    if lemma:
        keys += _variants(fold(lemma))
    return (tuple(k for i, k in enumerate(keys) if k and k not in keys[:i]),)


def broad_matches(doc: Doc, words: BroadWords) -> list[tuple[int, int, Trigger]]:
    """(start char, end char, trigger) of every broad word in `doc`, longest phrase first at each
    token, none overlapping; a word folded into several (("d", "accord") from "d’accord") counts
    as its parts."""
    strings = doc.vocab.strings
    texts = token_texts(doc)
    columns = doc.to_array([LEMMA, IDX, IS_SPACE]).T.tolist() if len(doc) else [[], [], []]
    lemmas, starts, spaces = columns
    parts = [
        (i, keys)
        for i, text in enumerate(texts)
        if not spaces[i]
        for keys in _lookups(text, strings[lemmas[i]])
    ]
    found: list[tuple[int, int, Trigger]] = []
    i = 0
    while i < len(parts):
        token, keys = parts[i]
        match = None
        for key in keys:
            for phrase, trigger in words.phrases.get(key, ()):
                n = len(phrase)
                if i + n > len(parts) or (match is not None and n <= match[0]):
                    continue
                if all(phrase[k] in parts[i + k][1] for k in range(1, n)):
                    match = (n, trigger)
        if match is None:
            i += 1
            continue
        n, trigger = match
        last = parts[i + n - 1][0]
        found.append((starts[token], starts[last] + len(texts[last]), trigger))
        i += n
        while i < len(parts) and parts[i][0] == last:
            i += 1
    return found
