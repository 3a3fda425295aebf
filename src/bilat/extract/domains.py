"""Domains of a fact: the domain words of its own span, plus the domains its kind implies."""

from __future__ import annotations

from bilat.extract.lexicon import Lexicon
from bilat.model.vocab import vocab


def domains_in(text: str, lex: Lexicon) -> list[str]:
    return [domain for domain, regex in lex.domain_words.items() if regex.search(text)]


def domains_for(text: str, kind: str, lex: Lexicon) -> list[str]:
    """Domains in vocabulary order: `domains_for("un accord sur les musées", "other", lex)` -> ["museums"]."""
    found = set(domains_in(text, lex)) | set(lex.kind_domains.get(kind, ()))
    return [d for d in vocab().domains if d in found]
