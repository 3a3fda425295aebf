"""Domains of a fact: the domain words of its own span, plus the domains its kind implies."""

from __future__ import annotations

from functools import lru_cache

from bilat.extract.lexicon import Lexicon, load_lexicon
from bilat.model.vocab import vocab


def domains_in(text: str, lex: Lexicon) -> list[str]:
    """The domains whose words `text` holds (a draft asks this of its quote up to three times)."""
    if load_lexicon(lex.lang) is lex:
        return list(_domains_in(text, lex.lang))
    return [domain for domain, regex in lex.domain_words.items() if regex.search(text)]


@lru_cache(maxsize=4096)
def _domains_in(text: str, lang: str) -> tuple[str, ...]:
    return tuple(d for d, regex in load_lexicon(lang).domain_words.items() if regex.search(text))


def domains_for(text: str, kind: str, lex: Lexicon) -> list[str]:
    """Domains in vocabulary order: `domains_for("un accord sur les musées", "other", lex)` -> ["museums"]."""
    found = set(domains_in(text, lex)) | set(lex.kind_domains.get(kind, ()))
    return [d for d in vocab().domains if d in found]
