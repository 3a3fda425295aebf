"""Date expressions in text ("le 6 décembre dernier", "en juillet 2020", "hier") as mentions with values.

A value type of the model layer, used by extract (fact dates). Spans are found by the date
scan (`bilat.model.date_scan`) with patterns built from the language's data file
`bilat/lang/<lang>/dates.yaml` (never with a free-text date search, which fires on "Sa" or
"mer"), then resolved against a reference date (`bilat.model.date_resolution`). Precision is
what the words carry: "décembre" is a month, "en 2021" a year, "hier" a day only when the
reference has a day. Publication dates: `bilat.model.publication_dates`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from bilat.model.date_patterns import date_language, has_language
from bilat.model.date_resolution import candidates, resolve
from bilat.model.date_scan import DateParts, scan
from bilat.model.dates import PartialDate


@dataclass(frozen=True)
class DateMention:
    """A date expression at text[start:end] and its value (None when it cannot be resolved)."""

    start: int
    end: int
    text: str
    value: PartialDate | None
    relative: bool  # its value depends on a reference date (no year written, "hier", "l’an dernier")
    cue: str | None = None  # past ("dernier") | future ("prochain") | target ("d’ici") | this ("ce mardi")
    until: PartialDate | None = None  # last day of a range ("du 4 au 10 mars 2024": value 4, until 10)
    labelled: bool = False  # the value of a field of its own line ("Date : 7 septembre", "When: …")
    # what `reread` needs: the parts the words give and the reference the value was read against
    parts: DateParts | None = field(default=None, compare=False, repr=False)
    reference: PartialDate | None = field(default=None, compare=False, repr=False)


def find_dates(
    text: str, lang: str = "fr", reference: PartialDate | None = None, years: range | None = None
) -> list[DateMention]:
    """Date expressions of `text`, resolved against `reference` (usually the publication date).

    Without a year written, "dernier" picks the latest past reading, "prochain" the first
    future one, and a bare "le 25 octobre" the reading nearest the reference; a weekday
    must match. Without a reference such mentions get value None, unless `years` is given
    and a weekday pins a single year in it ("mardi 5 novembre" with years 2022–2026).
    A language without date vocabulary has no date mentions (see `has_language`).
    """
    if not has_language(lang):
        return []
    label = date_language(lang).label
    found = [
        _mention(
            start, end, text[start:end], parts, resolve(parts, reference, years), reference,
            label is not None and label.fullmatch(text, text.rfind("\n", 0, start) + 1, start) is not None,
        )
        for start, end, parts in scan(text, lang)
    ]  # fmt: skip
    return _read_in_written_years(found)


def _days(mention: DateMention) -> set[tuple[int, int]]:
    """The (month, day) pairs a mention's words name: its day, and a range's first and last."""
    p = mention.parts
    if p is None or p.month is None or p.day is None:
        return set()
    return {(p.month, p.day)} | ({(p.month, p.first_day)} if p.first_day is not None else set())


def _read_in_written_years(mentions: list[DateMention]) -> list[DateMention]:
    """A day written without its year that the text also writes with one ("la saison s'ouvre le
    16 décembre 2016 … la fête a lieu entre le 16 et le 23 décembre") is that day: read in that
    year, when the text writes that day in one year only."""
    written: dict[tuple[int, int], set[int]] = {}
    for m in mentions:
        if m.parts is not None and m.parts.year is not None:
            for day in _days(m):
                written.setdefault(day, set()).add(m.parts.year)
    if not written:
        return mentions
    out = []
    for m in mentions:
        if rereadable(m) and m.parts is not None and m.parts.day is not None:
            years = set().union(*(written.get(day, set()) for day in _days(m)))
            if len(years) == 1:
                m = reread(m, year=years.pop())
        out.append(m)
    return out


def _mention(
    start: int,
    end: int,
    text: str,
    parts: DateParts,
    value: PartialDate | None,
    reference: PartialDate | None,
    labelled: bool = False,
) -> DateMention:
    cue = parts.cue or ("this" if parts.this else None)
    until = None
    first = parts.first_day
    if first is not None and value is not None and value.day is not None and first < value.day:
        until, value = value, PartialDate(value.year, value.month, first)  # dated by its first day
    return DateMention(start, end, text, value, parts.year is None, cue, until, labelled, parts, reference)


def rereadable(mention: DateMention) -> bool:
    """Whether the words leave the year open: a day or month written without a year, a cue
    ("dernier") or "ce" ("le 23 avril", "en septembre"), the kind `reread` reads again."""
    p = mention.parts
    return (
        p is not None and p.year is None and p.month is not None and p.cue is None and not p.this
        and p.unit is None and p.offset is None
    )  # fmt: skip


def reread(mention: DateMention, *, year: int | None = None, tense: str | None = None) -> DateMention:
    """A day or month written without a year (`rereadable`), read again: in the `year` its
    sentence names ("l’édition 2015 … du 23 au 26 avril": 2015-04-23), or in the `tense` of the
    words it belongs to ("past": the latest reading before its reference, "future": the first
    after it; "effectuera une visite en septembre" written in March is the coming September).
    The mention as it was when the new reading is not one date (a weekday that falls on no day of
    that year, a reference too coarse to tell) or when the words name the year themselves."""
    parts = mention.parts
    if parts is None or not rereadable(mention):
        return mention
    if year is not None:
        found = candidates(parts, range(year, year + 1))
        value = found[0] if len(found) == 1 else None
    elif tense in ("past", "future") and mention.reference is not None:
        value = resolve(replace(parts, cue=tense), mention.reference, None)
    else:
        return mention
    again = _mention(
        mention.start, mention.end, mention.text, parts, value, mention.reference, mention.labelled
    )
    return mention if value is None or (again.value, again.until) == (mention.value, mention.until) else again
