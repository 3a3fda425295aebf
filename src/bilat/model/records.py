"""In-memory records passed along the flow: ingest -> nlp -> extract -> resolve -> store.

These are the contract between stages. The export shape (records.md) is produced by
`bilat.export` from the store; it is close to these but not identical (ids are resolved).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Document:
    """A normalised article. Every offset in bilat points into `text`."""

    id: str  # stable id: the file name for files (records.md joins gold on it)
    source: str  # file name, URL or feed item id
    text: str  # NFC-normalised plain text
    content_hash: str  # sha256 hex of `text`
    title: str | None = None
    published: str | None = None  # ISO partial date: 2024, 2024-11, 2024-11-05
    published_basis: str = "none"  # metadata | text | none
    language: str | None = None  # ISO 639-1
    path: str | None = None  # where it was read from, for messages


@dataclass
class Skip:
    """A file that could not be read as a document, and why (one line, for the user)."""

    path: str
    reason: str
    failed: bool = True  # False for harmless skips (unsupported extension)


@dataclass
class Source:
    doc: str
    start: int
    end: int
    quote: str

    def check(self, text: str) -> bool:
        return text[self.start : self.end] == self.quote


@dataclass
class Role:
    title: str
    organization: str | None = None  # in a Mention: the org's name; in the store: an actor id
    country: str | None = None


@dataclass
class Mention:
    """One actor mention in a document, as recognised by the nlp stage."""

    start: int
    end: int
    text: str  # exactly document.text[start:end]
    kind: str  # country | city | region | organization | person
    name: str  # display name for this mention (person without title, gazetteer canonical name)
    key: str | None = None  # gazetteer key when known, e.g. "country:KZ", "city:1526273"
    country: str | None = None  # ISO alpha-2
    category: str | None = None  # organizations only
    roles: list[Role] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # known other names (gazetteer, acronym)


@dataclass
class StatusChange:
    status: str
    date: str | None
    source: Source | None = None


@dataclass
class Fact:
    """An agreement, initiative or event extracted from one document."""

    type: str  # agreement | initiative | event
    kind: str
    title: str
    sources: list[Source]
    status: str | None = None
    status_history: list[StatusChange] = field(default_factory=list)
    participants: list[Mention] = field(default_factory=list)  # parties for agreements
    countries: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    date: str | None = None  # agreements/events: date; initiatives: start
    end_date: str | None = None
    place: str | None = None  # city name
    venue: Mention | None = None
    rule: str = ""  # which rule/pattern produced it, e.g. "fr.triggers.agreement:memorandum"
    evidence: list[str] = field(default_factory=list)  # the tokens that fired
    # relations to other facts of the same document, by index in the document's fact list
    within: int | None = None
    part_of: int | None = None
    framework: int | None = None
    local_id: str = ""  # set by extract: unique within the document


@dataclass
class Extraction:
    """All that the extract stage found in one document."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)


@dataclass
class Actor:
    """A resolved actor: one real entity, whatever the spellings it was seen under."""

    id: str
    kind: str
    name: str
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    category: str | None = None
    roles: list[Role] = field(default_factory=list)  # Role.organization is an actor id here
    external_ids: dict[str, str] = field(default_factory=dict)
