"""Date expressions in text ("le 6 décembre dernier", "en juillet 2020", "hier"): find, resolve, infer.

A value type of the model layer, used by ingest (publication dates) and extract (fact
dates). Spans are found with patterns built from the language's data file
`bilat/lang/<lang>/dates.yaml` (never with a free-text date search, which fires on "Sa" or
"mer"), then resolved by calendar arithmetic against a reference date. Precision is what
the words carry: "décembre" is a month, "en 2021" a year, "hier" a day only when the
reference has a day.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from calendar import monthrange
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

import yaml

from bilat.model.case import lowers_like_patterns, safe_lower
from bilat.model.dates import PartialDate

_WS = r"[^\S\n]+"  # spaces that do not cross a line
# placeholder -> (data key, named group); words are looked up, prefixes carry their separator
_WORD_SLOTS = {"weekday": ("weekdays", "weekday"), "month": ("months", "month"),
               "cue": ("cue_words", "cue"), "relday": ("relative_days", "relday"),
               "unit": ("units", "unit")}  # fmt: skip
_PREFIX_SLOTS = {"this": ("this", "this"), "article": ("articles", None),
                 "month_prefix": ("month_prefixes", "prefix"), "year_prefix": ("year_prefixes", "prefix"),
                 "unit_article": ("unit_articles", None)}  # fmt: skip
_REQUIRED = ("months", "weekdays", "cues", "targets", "relative_days", "units", "articles",
             "month_prefixes", "year_prefixes", "unit_articles", "patterns")  # fmt: skip
_MAX_SHIFT = 6  # years searched around a reference: every day-month-weekday recurs within 11
_SCANS_KEPT = 256  # texts whose date scan is kept: more than a spaCy batch plus its read-ahead


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
    parts: _Parts | None = field(default=None, compare=False, repr=False)
    reference: PartialDate | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class _Parts:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # ISO, Monday = 1
    cue: str | None = None  # past | future | target
    this: bool = False
    offset: int | None = None  # days, for "hier", "demain"
    unit: str | None = None  # week | month | year, for "le mois prochain"
    first_day: int | None = None  # a range "du 4 au 10 mars": 4 (and day 10)


# A part of a pattern found in a text apart: its regex, and whether it is looked for in the text
# in lower case (case-sensitively, which is cheap) rather than in the text as it is.
_Anchor = tuple[re.Pattern[str], bool]


@dataclass(frozen=True)
class _Language:
    words: dict[str, dict[str, Any]]  # data key -> folded word -> value
    patterns: tuple[re.Pattern[str], ...]
    # per pattern: a part of it found wherever it is (a weekday, a year, a month), or None;
    # a pattern with one is only run on the lines that part is found on (see `_scan_once`)
    anchors: tuple[_Anchor | None, ...] = ()
    label: re.Pattern[str] | None = None  # what a line says before a date that is a field's value


def _fold(word: str) -> str:
    return " ".join(word.replace("'", "’").casefold().split())


def _alternation(words: list[str], prefix: bool, capitalised: frozenset[str] = frozenset()) -> str:
    """Regex alternatives for `words`, longest first; a word of `capitalised` only counts when
    written with a capital ("May" the month, never "may")."""
    out = []
    for word in sorted(words, key=len, reverse=True):
        rx = re.escape(word).replace("’", "['’]").replace(r"\ ", _WS)
        if word in capitalised:
            rx = f"(?-i:{re.escape(word[:1].upper())}){re.escape(word[1:])}"
        out.append(rx if not prefix or word.endswith(("-", "’")) else rx + _WS)
    return "|".join(out)


def _words(raw: dict[str, Any], lang: str, key: str, size: int | None = None) -> dict[str, Any]:
    groups = raw.get(key)
    if not isinstance(groups, dict) or (size is not None and len(groups) != size):
        raise ValueError(f"lang/{lang}/dates.yaml: '{key}' needs {size or 'some'} groups of words")
    table: dict[str, Any] = {}
    for value, words in groups.items():
        if not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise ValueError(f"lang/{lang}/dates.yaml: '{key}.{value}' is empty or not a list of words")
        table.update({_fold(w): value for w in words})
    return table


def _path(lang: str) -> Traversable:
    return resources.files("bilat").joinpath("lang", lang, "dates.yaml")


@cache
def has_language(lang: str | None) -> bool:
    """Whether bilat has date vocabulary for this ISO 639-1 language."""
    return bool(lang) and re.fullmatch(r"[a-z]{2,3}", lang or "") is not None and _path(lang or "").is_file()


def _load(lang: str) -> tuple[dict[str, dict[str, Any]], dict[str, list[str]], list[str]]:
    """The data file, checked: word tables, prefix lists and pattern templates."""
    raw = yaml.safe_load(_path(lang).read_text("utf-8")) or {}
    missing = [k for k in _REQUIRED if not raw.get(k)]
    if missing:
        raise ValueError(f"lang/{lang}/dates.yaml: missing or empty {', '.join(missing)}")
    cues = raw["cues"]
    if not all(cues.get(k) for k in ("past", "future", "this")):
        raise ValueError(f"lang/{lang}/dates.yaml: 'cues' needs past, future and this words")
    words = {
        "months": _words(raw, lang, "months", 12),
        "weekdays": _words(raw, lang, "weekdays", 7),
        "day_words": _words(raw, lang, "day_words") if raw.get("day_words") else {},
        "relative_days": _words(raw, lang, "relative_days"),
        "units": _words(raw, lang, "units"),
        "cue_words": _words({"cues": {"past": cues["past"], "future": cues["future"]}}, lang, "cues"),
        "targets": {_fold(w): "target" for w in raw["targets"]},
    }
    if not set(words["units"].values()) <= {"week", "month", "year"}:
        raise ValueError(f"lang/{lang}/dates.yaml: 'units' are week, month and year")
    lists = {k: list(raw[k]) for k in ("articles", "month_prefixes", "unit_articles")}
    for key in ("articles", "month_prefixes", "unit_articles", "year_prefixes", "targets"):
        if not all(isinstance(w, str) and w.strip() for w in raw[key]):
            raise ValueError(f"lang/{lang}/dates.yaml: '{key}' must list words (quote yes, no, on, off)")
    words["capitalised"] = {_fold(w): True for w in raw.get("capitalised") or []}
    words["labels"] = {_fold(w): True for w in raw.get("labels") or []}
    if not all(isinstance(w, str) and w.strip() for w in raw.get("labels") or []):
        raise ValueError(f"lang/{lang}/dates.yaml: 'labels' must list words")
    lists["year_prefixes"] = list(raw["year_prefixes"]) + list(raw["targets"])
    lists["this"] = list(cues["this"])
    return words, lists, list(raw["patterns"])


@cache
def _language(lang: str) -> _Language:
    if not has_language(lang):
        raise ValueError(f"no date vocabulary for language {lang!r} (add lang/{lang}/dates.yaml)")
    words, lists, templates = _load(lang)
    day_words = _alternation(list(words["day_words"]), prefix=False)
    slots = {
        "_": _WS,
        "year": r"(?P<year>(?:1[89]|20)\d\d)(?!\d)",
        "day_num": r"(?P<day>3[01]|[12]\d|0?[1-9])",
        "first_day": r"(?P<first_day>3[01]|[12]\d|0?[1-9])",
        "month_num": r"(?P<month>1[0-2]|0?[1-9])",
        "day": rf"(?P<day>{day_words + '|' if day_words else ''}3[01]|[12]\d|0?[1-9])",
    }
    for slot, (key, group) in _WORD_SLOTS.items():
        capitalised = frozenset(words["capitalised"])
        slots[slot] = f"(?P<{group}>{_alternation(list(words[key]), False, capitalised)})"
    for slot, (list_key, named) in _PREFIX_SLOTS.items():
        alternation = _alternation(lists[list_key], prefix=True)
        slots[slot] = f"(?P<{named}>{alternation})" if named else f"(?:{alternation})"

    def compile_one(template: str) -> re.Pattern[str]:
        unknown = sorted(set(re.findall(r"\{([A-Za-z_]+)\}", template)) - set(slots))
        if unknown:
            raise ValueError(f"lang/{lang}/dates.yaml: unknown placeholder {{{unknown[0]}}} in {template}")
        source = re.sub(r"\{([A-Za-z_]+)\}", lambda m: slots[m.group(1)], template)
        try:
            return re.compile(rf"(?<!\w)(?:{source})(?!\w)", re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"lang/{lang}/dates.yaml: bad pattern {template!r}: {exc}") from exc

    patterns = tuple(compile_one(t) for t in templates)
    month = re.compile(f"(?:{_alternation([w.lower() for w in words['months']], False)})")
    anchors = tuple(_anchor(t, p, slots, month) for t, p in zip(templates, patterns, strict=True))
    label = None
    if words["labels"]:
        label = re.compile(
            rf"[^\S\n]*(?:{_alternation(list(words['labels']), False)})[^\S\n]*:[^\S\n]*", re.I
        )
    return _Language(words=words, patterns=patterns, anchors=anchors, label=label)


_LINE_BREAK = re.compile("\n")
# Slots rare in a text, best first: a pattern that needs one is run only on the lines where it is
# found (weekdays are on ~3% of a text, years on 20-30%, months on 10-20%).
_ANCHOR_SLOTS = ("weekday", "relday", "year", "month")


def _anchor(
    template: str, pattern: re.Pattern[str], slots: dict[str, str], month: re.Pattern[str]
) -> _Anchor | None:
    """The regex of a slot `pattern` cannot match without, when its matches keep to one line;
    else None (the pattern is run on the whole text). Months are looked for in the lower case
    text: every month a case-insensitive pattern matches is one of their lower case words there
    (`safe_lower` says when), and one case-sensitive scan costs a fraction of a case-insensitive one."""
    if not _one_line(pattern) or not pattern.flags & re.IGNORECASE:
        return None
    required = _required_slots(template)
    for slot in _ANCHOR_SLOTS:
        if slot not in required:
            continue
        if slot == "month":
            if lowers_like_patterns(month.pattern) and _one_line(month):
                return month, True
        elif _one_line(anchor := re.compile(slots[slot], pattern.flags)):
            return anchor, False
    return None


def _required_slots(template: str) -> set[str]:
    """The placeholders of a template outside any group, alternative or quantifier: every match
    of the template has a match of each of them."""
    depth, out, i = 0, set(), 0
    while i < len(template):
        ch = template[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a class: to its closing bracket
            end = template.find("]", i + 2)
            i = len(template) if end < 0 else end + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return set()  # alternatives at the top: none of them is needed
        elif ch == "{":
            found = re.match(r"\{([A-Za-z_]+)\}", template[i:])
            if found is not None:
                i += found.end()
                quantified = re.match(r"[?*+]|\{\d", template[i:]) is not None
                if depth == 0 and not quantified:
                    out.add(found.group(1))
                continue
        i += 1
    return out


def _one_line(pattern: re.Pattern[str]) -> bool:
    r"""Whether no match of `pattern` holds a line break and it matches nothing empty: then its
    matches in a text are its matches in each line apart (look-arounds see past the line's ends
    the same: a word boundary or `(?!\w)` at a line end sees the line break as an end)."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except re.error:
        return False
    return parsed.getwidth()[0] > 0 and _keeps_to_line(parsed)


def _keeps_to_line(items: Any) -> bool:
    """Whether these nodes of sre's parse tree never take a line break (True only when sure)."""
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            if arg == 10:
                return False
        elif name == "IN":
            if _matches_newline(arg):
                return False
        elif name == "SUBPATTERN":
            if not _keeps_to_line(arg[-1]):
                return False
        elif name == "BRANCH":
            if not all(_keeps_to_line(alt) for alt in arg[1]):
                return False
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            if not _keeps_to_line(arg[2]):
                return False
        elif name in ("ASSERT", "ASSERT_NOT"):
            if not _keeps_to_line(arg[1]):
                return False
        elif name == "AT":
            if str(arg) not in ("AT_BOUNDARY", "AT_NON_BOUNDARY"):
                return False
        else:  # any character, a back reference, a conditional…: not known to keep to a line
            return False
    return True


_NEWLINE_CATEGORIES = {  # whether the class takes a line break
    "CATEGORY_SPACE": True,
    "CATEGORY_NOT_SPACE": False,
    "CATEGORY_DIGIT": False,
    "CATEGORY_NOT_DIGIT": True,
    "CATEGORY_WORD": False,
    "CATEGORY_NOT_WORD": True,
}


def _matches_newline(items: Any) -> bool:
    """Whether a character class (sre's IN items) takes a line break; True when unsure."""
    negate, member = False, False
    for op, arg in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            member = member or arg == 10
        elif name == "RANGE":
            member = member or arg[0] <= 10 <= arg[1]
        elif name == "CATEGORY" and str(arg) in _NEWLINE_CATEGORIES:
            member = member or _NEWLINE_CATEGORIES[str(arg)]
        else:
            return True
    return member != negate


def _number(value: str | None, table: dict[str, Any]) -> int | None:
    return None if value is None else int(value) if value.isdigit() else table.get(_fold(value))


def _parts(m: re.Match[str], lang: _Language) -> _Parts | None:
    g, w = m.groupdict(), lang.words
    year = int(g["year"]) if g.get("year") else None
    month = _number(g.get("month"), w["months"])
    day = _number(g.get("day"), w["day_words"])
    cue = w["cue_words"].get(_fold(g["cue"])) if g.get("cue") else None
    if g.get("prefix") and _fold(g["prefix"]) in w["targets"]:
        cue = "target"
    if day is not None and month is not None:
        try:
            date(year or 2000, month, day)  # 2000 is a leap year: "29 février" stays possible
        except ValueError:
            return None
    return _Parts(
        year=year,
        month=month,
        day=day,
        weekday=w["weekdays"].get(_fold(g["weekday"])) if g.get("weekday") else None,
        cue=cue,
        this=bool(g.get("this")),
        offset=w["relative_days"].get(_fold(g["relday"])) if g.get("relday") else None,
        unit=w["units"].get(_fold(g["unit"])) if g.get("unit") else None,
        first_day=int(g["first_day"]) if g.get("first_day") else None,
    )


@lru_cache(maxsize=_SCANS_KEPT)
def _scan(text: str, lang: str) -> tuple[tuple[int, int, _Parts], ...]:
    """All date expressions of a document's text; see `_scan_once`.

    Kept for the last texts seen: ingest infers a publication date from a text, and
    extraction reads the same text's dates a batch later."""
    return _scan_once(text, lang)


def _scan_once(text: str, lang: str) -> tuple[tuple[int, int, _Parts], ...]:
    """All date expressions, left to right, without overlaps (the longer match wins).

    A pattern with an anchor (`_anchor`: one that needs a month name, say) is run only on the
    lines where its anchor is found: the same matches, found without reading most of the text."""
    data = _language(lang)
    hits = []
    lines: dict[re.Pattern[str], list[tuple[int, int]]] = {}
    breaks: list[int] | None = None
    lowered: str | bool | None = False  # not computed yet
    for rank, pattern in enumerate(data.patterns):
        anchor = data.anchors[rank] if data.anchors else None
        if anchor is not None and anchor[1] and lowered is False:
            lowered = safe_lower(text)
        if anchor is None or (anchor[1] and lowered is None):
            spans = [(0, len(text))]
        else:
            regex, in_lower = anchor
            if regex not in lines:
                if breaks is None:
                    breaks = [m.start() for m in _LINE_BREAK.finditer(text)]
                where = lowered if in_lower and isinstance(lowered, str) else text
                lines[regex] = _lines_with(regex, where, breaks)
            spans = lines[regex]
        for lo, hi in spans:
            for m in pattern.finditer(text, lo, hi):
                parts = _parts(m, data)
                if parts is not None:
                    hits.append((m.start(), m.end(), rank, parts))
    hits.sort(key=lambda h: (h[0], h[0] - h[1], h[2]))
    chosen: list[tuple[int, int, _Parts]] = []
    for start, end, _rank, parts in hits:
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, end, parts))
    return tuple(chosen)


def _lines_with(anchor: re.Pattern[str], text: str, breaks: list[int]) -> list[tuple[int, int]]:
    """[start, end) of each line (without its line break) on which `anchor` is found, in order."""
    out: list[tuple[int, int]] = []
    for m in anchor.finditer(text):
        line = bisect_right(breaks, m.start())
        span = (breaks[line - 1] + 1 if line else 0, breaks[line] if line < len(breaks) else len(text))
        if not out or out[-1] != span:
            out.append(span)
    return out


# --- resolution -------------------------------------------------------------------------


def _span(value: PartialDate) -> tuple[date, date]:
    """First and last day a partial date covers."""
    first = value.first_day()
    if value.day:
        return first, first
    if value.month:
        return first, date(value.year, value.month, monthrange(value.year, value.month)[1])
    return first, date(value.year, 12, 31)


def _common(a: PartialDate | None, b: PartialDate | None) -> PartialDate | None:
    """The finest partial date both agree on: 2020-12-06 and 2020-12-20 -> 2020-12."""
    if a is None or b is None or a.year != b.year:
        return None
    if a.month is None or a.month != b.month:
        return PartialDate(a.year)
    if a.day is None or a.day != b.day:
        return PartialDate(a.year, a.month)
    return a


def _candidates(parts: _Parts, years: range) -> list[PartialDate]:
    """Each year's reading of a day or month written without a year, weekday respected."""
    out = []
    for year in years:
        if parts.day is None:
            out.append(PartialDate(year, parts.month))
            continue
        try:
            day = date(year, parts.month or 1, parts.day)
        except ValueError:
            continue
        if parts.weekday is None or day.isoweekday() == parts.weekday:
            out.append(PartialDate.of(day))
    return out


def _pick(cands: list[PartialDate], cue: str | None, at: date, ref: tuple[date, date]) -> PartialDate | None:
    """'dernier': the latest reading wholly before `at`; 'prochain': the first wholly after;
    otherwise the reading nearest the reference period (earlier wins a tie)."""
    if cue == "past":
        past = [c for c in cands if _span(c)[1] < at]
        return max(past) if past else None
    if cue == "future":
        future = [c for c in cands if _span(c)[0] > at]
        return min(future) if future else None

    def distance(c: PartialDate) -> tuple[int, bool]:
        lo, hi = _span(c)
        return max(0, (lo - ref[1]).days, (ref[0] - hi).days), lo > ref[0]

    return min(cands, key=distance) if cands else None


def _shift_month(day: date, months: int) -> PartialDate:
    index = day.year * 12 + day.month - 1 + months
    return PartialDate(index // 12, index % 12 + 1)


def _resolve_at(parts: _Parts, at: date, ref: tuple[date, date]) -> PartialDate | None:
    step = {"past": -1, "future": 1}.get(parts.cue or "", 0)
    if parts.offset is not None:
        return PartialDate.of(at + timedelta(days=parts.offset))
    if parts.unit == "year":
        return PartialDate(at.year + step)
    if parts.unit == "month":
        return _shift_month(at, step)
    if parts.unit == "week":
        monday = at - timedelta(days=at.weekday() - 7 * step)
        return _common(PartialDate.of(monday), PartialDate.of(monday + timedelta(days=6)))
    if parts.month is None and parts.weekday is not None:  # "ce mardi", "lundi dernier"
        days = [at + timedelta(days=n) for n in range(-7, 8)]
        cands = [PartialDate.of(d) for d in days if d.isoweekday() == parts.weekday]
        return _pick(cands, parts.cue, at, (at, at))
    if parts.month is None:
        return None
    years = range(at.year - _MAX_SHIFT, at.year + _MAX_SHIFT + 1)
    return _pick(_candidates(parts, years), parts.cue, at, ref)


def _resolve(parts: _Parts, reference: PartialDate | None, years: range | None) -> PartialDate | None:
    if parts.year is not None:
        return PartialDate(parts.year, parts.month, parts.day)
    if reference is None:
        return _pin(parts, years) if years is not None else None
    ref = _span(reference)
    # a coarse reference ("2021") stands for any of its days: keep what all of them agree on
    return _common(_resolve_at(parts, ref[0], ref), _resolve_at(parts, ref[1], ref))


def _pin(parts: _Parts, years: range) -> PartialDate | None:
    """A weekday, day and month ("mardi 5 novembre") name one year in a short window."""
    if parts.year is not None or parts.weekday is None or parts.day is None:
        return None
    cands = _candidates(parts, years)
    return cands[0] if len(cands) == 1 else None


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
    label = _language(lang).label
    return [
        _mention(
            start, end, text[start:end], parts, _resolve(parts, reference, years), reference,
            label is not None and label.fullmatch(text, text.rfind("\n", 0, start) + 1, start) is not None,
        )
        for start, end, parts in _scan(text, lang)
    ]  # fmt: skip


def _mention(
    start: int,
    end: int,
    text: str,
    parts: _Parts,
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
        found = _candidates(parts, range(year, year + 1))
        value = found[0] if len(found) == 1 else None
    elif tense in ("past", "future") and mention.reference is not None:
        value = _resolve(replace(parts, cue=tense), mention.reference, None)
    else:
        return mention
    again = _mention(
        mention.start, mention.end, mention.text, parts, value, mention.reference, mention.labelled
    )
    return mention if value is None or (again.value, again.until) == (mention.value, mention.until) else again


# --- publication date ------------------------------------------------------------------

_PIN_YEARS = 5  # a day-month-weekday triple never recurs within 5 years (29 February aside)
_DATELINE_LINES = 6  # a dateline sits among the first lines: headline, kicker, byline, date
_DATELINE_CHARS = 80  # ...and is short: "Publié le 14 mars 2023 à 18h05", "Bichkek, 5 avril 2024"
_DATELINE_OTHER_WORDS = 4  # words besides the date it may hold (place, "Publié le", the hour)


# A page saved by a collecting tool may open with the date it was published, " date 2016-12-20"
# (or only its month or year): page furniture, and the publication date at its own precision.
_STORED_DATE = re.compile(r"\A\s*date[^\S\n]+(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?\b")
_STORED_DAY_CHARS = 120  # where a day-and-month dateline after a month-precise stored date is read


def stored_date(text: str, lang: str = "fr") -> PartialDate | None:
    """The date a saved page opens with (" date 2016-12"); when it gives the month only, the
    day of a dateline just after it in that month ("Paris, 20 déc (APS) – …") completes it."""
    m = _STORED_DATE.match(text)
    if m is None:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    if month is not None and not 1 <= month <= 12:
        return PartialDate(year) if year else None
    if month is not None and day is None and has_language(lang):
        head = text[m.end() : m.end() + _STORED_DAY_CHARS]
        for _start, _end, parts in _scan_once(head, lang):
            if parts.day is not None and parts.month == month and parts.year in (None, year):
                day = parts.day
                break
    try:
        return PartialDate(year, month, day) if year else None
    except ValueError:
        return PartialDate(year, month)


def dateline(text: str, lang: str = "fr") -> PartialDate | None:
    """The date of a dateline: a short line among the first ones that is a date with its year
    and little else ("Publié le 14 mars 2023 à 18h05", "Astana, 12 octobre 2023"). Press
    articles copied as text keep it, and it is the publication date."""
    found = dateline_at(text, lang)
    return found[2] if found else None


def dateline_at(text: str, lang: str = "fr") -> tuple[int, int, PartialDate] | None:
    """The dateline's line (start and end offsets in `text`) and its date; see `dateline`."""
    if not has_language(lang):
        return None
    lines = 0
    offset = 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if not line.strip():
            continue
        lines += 1
        if lines > _DATELINE_LINES:
            break
        if len(line.strip()) > _DATELINE_CHARS:
            continue
        for d_start, d_end, parts in _scan_once(line, lang):  # lines would crowd out texts
            if parts.year is None or parts.month is None:
                continue
            rest = (line[:d_start] + " " + line[d_end:]).split()
            if len(rest) <= _DATELINE_OTHER_WORDS:
                return start, start + len(line), PartialDate(parts.year, parts.month, parts.day)
    return None


def _event_bounds(parts: _Parts, anchor: PartialDate) -> tuple[date, date] | None:
    """When an article can be written, given "[le 6] décembre dernier" or "[en] mars prochain".

    The relative date is read as its first occurrence at or after the anchor (the latest
    explicit date of the text): articles tell what happened since the dated events they
    recall. "dernier" puts publication after it and before its next return, "prochain"
    after its previous occurrence and before it.
    """
    lo, hi = _span(anchor)
    cands = _candidates(parts, range(anchor.year, anchor.year + _MAX_SHIFT + 1))
    if parts.cue == "past":
        event = next((c for c in cands if _span(c)[1] >= lo), None)
    else:
        event = next((c for c in cands if _span(c)[0] > hi), None)
    if event is None:
        return None
    first, last = _span(event)
    if parts.cue == "past":
        return last + timedelta(days=1), _recurrence(event, 1)[0] - timedelta(days=1)
    return _recurrence(event, -1)[1] + timedelta(days=1), first - timedelta(days=1)


def _recurrence(event: PartialDate, years: int) -> tuple[date, date]:
    """The span of the same day or month `years` later; 29 February falls back to 1 March."""
    if event.month == 2 and event.day == 29 and monthrange(event.year + years, 2)[1] == 28:
        return date(event.year + years, 3, 1), date(event.year + years, 3, 1)
    return _span(PartialDate(event.year + years, event.month, event.day))


def infer_document_date(text: str, lang: str = "fr") -> tuple[PartialDate | None, str]:
    """The publication date a text supports, with its basis: ("text") or (None, "none").

    Used when a document has no date metadata. The evidence, strongest first:

    0. A dateline ("Publié le 14 mars 2023", "Astana, 12 octobre 2023"): see `dateline`.
    1. The anchor is the latest explicit date (one with a year: "en juillet 2020",
       "en 2022"), goals excluded ("d’ici 2060" says nothing of when it was written).
       Without an anchor nothing else can be placed in time, and the answer is none.
    2. A deictic date, "ce mardi 5 novembre", is the day the article speaks from: if it
       has a year, or its weekday names a single year among the anchor's year and the 4
       after (such a triple never recurs within 5 years), that day is the answer.
       A weekday date without "ce" pinned the same way counts as an explicit date.
    3. "[le 6] décembre dernier" / "[en] mars prochain", placed just after the anchor,
       bound the writing date (see `_event_bounds`); the bounds of all such mentions are
       intersected. When the intersection lies inside one year (or month, or day), that
       is the answer: "juillet 2020 … en décembre dernier" can only be written in 2021.
       When it spans years, the answer is its earliest year not before the anchor's.
    4. Otherwise the anchor's year, at year precision: news reports recent or coming events.

    Precision is never finer than the evidence: a year unless rule 2 or 3 gives more.
    """
    if not has_language(lang):
        return None, "none"
    stored = stored_date(text, lang)  # the date a saved page opens with
    if stored is not None:
        return stored, "text"
    stated = dateline(text, lang)  # rule 0
    if stated is not None:
        return stated, "text"
    found = [parts for _, _, parts in _scan(text, lang)]
    explicit = [_resolve(p, None, None) for p in found if p.year is not None and p.cue != "target"]
    anchor = max((d for d in explicit if d is not None), key=lambda d: _span(d)[0], default=None)
    if anchor is None:
        return None, "none"
    window = range(anchor.year, anchor.year + _PIN_YEARS)
    for parts in found:  # rule 2
        if parts.this and parts.day is not None:
            pinned = _resolve(parts, None, None) if parts.year is not None else _pin(parts, window)
            if pinned is not None:
                return pinned, "text"
    pinned_dates = [d for d in (_pin(p, window) for p in found if not p.this) if d is not None]
    anchor = max([anchor, *pinned_dates], key=lambda d: _span(d)[0])
    lo, hi = date.min, date.max  # rule 3
    relative = [p for p in found if p.year is None and p.month is not None and p.cue in ("past", "future")]
    for parts in relative:
        bounds = _event_bounds(parts, anchor)
        if bounds is not None:
            lo, hi = max(lo, bounds[0]), min(hi, bounds[1])
    if relative and lo <= hi and (lo, hi) != (date.min, date.max):
        common = _common(PartialDate.of(lo), PartialDate.of(hi))
        if common is not None:
            return common, "text"
        year = max(anchor.year, lo.year)
        if year <= hi.year:
            return PartialDate(year), "text"
    return PartialDate(anchor.year), "text"  # rule 4
