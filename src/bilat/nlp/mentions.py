"""Actor mentions of a document, read from a doc the bilat pipeline processed (`nlp(document.text)`)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from bilat.gazetteers import load_gazetteer
from bilat.model.records import Document, Mention, Role
from bilat.nlp.components.boilerplate import BOILERPLATE
from bilat.nlp.components.merge import MENTIONS
from bilat.nlp.components.places import DEMONYMS
from bilat.nlp.text import doc_text


def _check(document: Document, sdoc: Doc) -> None:
    if doc_text(sdoc) != document.text:
        raise ValueError(f"{document.id}: the spaCy doc was not made from this document's text")
    if MENTIONS not in sdoc.spans:
        raise ValueError(f"{document.id}: no {MENTIONS} spans; use bilat.nlp.pipeline.load_pipeline()")


def _roles(raw: list[Any]) -> list[Role]:
    roles = []
    for title, organization, country in raw:
        role = Role(title=title, organization=organization, country=country)
        if role not in roles:
            roles.append(role)
    return roles


def find_mentions(document: Document, sdoc: Doc) -> list[Mention]:
    """Countries, cities, organisations and persons named in `document`, in text order.

    `Mention.text == document.text[start:end]` always; persons are named without their
    title and carry the roles the text gives them.
    """
    _check(document, sdoc)
    out = []
    for span in sdoc.spans[MENTIONS]:
        info = span._.bilat or {}
        start, end = span.start_char, span.end_char
        text = document.text[start:end]
        kind = span.label_
        aliases = [a for a in info.get("aliases") or [] if a != info.get("name")]
        out.append(
            Mention(
                start=start,
                end=end,
                text=text,
                kind=kind,
                name=info.get("name") or text,
                key=info.get("key"),
                country=info.get("country"),
                category=info.get("category") if kind == "organization" else None,
                roles=_roles(info.get("roles") or []) if kind == "person" else [],
                aliases=aliases,
            )
        )
    return out


def find_country_cues(document: Document, sdoc: Doc) -> list[Mention]:
    """Country adjectives ("kazakhe", "franco-kazakhes") as country mentions, outside furniture.

    Not actors by themselves; extraction may use them for a fact's countries.
    """
    _check(document, sdoc)
    gazetteer = load_gazetteer()
    furniture = [(s.start_char, s.end_char) for s in sdoc.spans.get(BOILERPLATE, [])]
    out = []
    for span in sdoc.spans.get(DEMONYMS, []):
        if any(a <= span.start_char < b for a, b in furniture):
            continue
        place = gazetteer.get(f"country:{span.label_}")
        if place is None:
            continue
        text = document.text[span.start_char : span.end_char]
        out.append(
            Mention(
                span.start_char,
                span.end_char,
                text,
                "country",
                place.name,
                key=place.key,
                country=place.country,
            )
        )
    return out


def boilerplate_ranges(sdoc: Doc) -> list[tuple[int, int]]:
    """Character ranges of page furniture (newsletter appeals, bylines, "Lire aussi" headlines)."""
    return [(s.start_char, s.end_char) for s in sdoc.spans.get(BOILERPLATE, [])]
