"""A language's date vocabulary (`bilat/lang/<lang>/dates.yaml`), checked and compiled into patterns.

The words (months, weekdays, cues, relative days, units…) and the pattern templates whose
placeholders they fill; an empty or malformed group is an error. Built once per language and
kept; the date scan (`bilat.model.date_scan`) runs the patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml

from bilat.model.date_anchors import Anchor, line_anchor

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


@dataclass(frozen=True)
class DateLanguage:
    """One language's date words and compiled patterns."""

    words: dict[str, dict[str, Any]]  # data key -> folded word -> value
    patterns: tuple[re.Pattern[str], ...]
    # per pattern: a part of it found wherever it is (a weekday, a year, a month), or None;
    # a pattern with one is only run on the lines that part is found on (see `scan_once`)
    anchors: tuple[Anchor | None, ...] = ()
    label: re.Pattern[str] | None = None  # what a line says before a date that is a field's value


def fold_word(word: str) -> str:
    """A date word as the tables key it: case-folded, one apostrophe, single spaces."""
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
        table.update({fold_word(w): value for w in words})
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
        "targets": {fold_word(w): "target" for w in raw["targets"]},
    }
    if not set(words["units"].values()) <= {"week", "month", "year"}:
        raise ValueError(f"lang/{lang}/dates.yaml: 'units' are week, month and year")
    lists = {k: list(raw[k]) for k in ("articles", "month_prefixes", "unit_articles")}
    for key in ("articles", "month_prefixes", "unit_articles", "year_prefixes", "targets"):
        if not all(isinstance(w, str) and w.strip() for w in raw[key]):
            raise ValueError(f"lang/{lang}/dates.yaml: '{key}' must list words (quote yes, no, on, off)")
    words["capitalised"] = {fold_word(w): True for w in raw.get("capitalised") or []}
    words["labels"] = {fold_word(w): True for w in raw.get("labels") or []}
    if not all(isinstance(w, str) and w.strip() for w in raw.get("labels") or []):
        raise ValueError(f"lang/{lang}/dates.yaml: 'labels' must list words")
    lists["year_prefixes"] = list(raw["year_prefixes"]) + list(raw["targets"])
    lists["this"] = list(cues["this"])
    return words, lists, list(raw["patterns"])


@cache
def date_language(lang: str) -> DateLanguage:
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
    anchors = tuple(line_anchor(t, p, slots, month) for t, p in zip(templates, patterns, strict=True))
    label = None
    if words["labels"]:
        label = re.compile(
            rf"[^\S\n]*(?:{_alternation(list(words['labels']), False)})[^\S\n]*:[^\S\n]*", re.I
        )
    return DateLanguage(words=words, patterns=patterns, anchors=anchors, label=label)
