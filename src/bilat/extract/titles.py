"""Fact titles: a short noun phrase naming the fact (its trigger and the complement or parties
that follow it), read from the trigger's clause without date expressions, trailing clauses
(a comma, a relative pronoun, another finite verb) or dangling function words, and cut at a word
boundary when longer than `MAX_TITLE` characters. Function words come from the language data
(`lang/<code>/names.yaml`), dates from `bilat.model.date_expressions`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from rapidfuzz import fuzz
from spacy.tokens import Span, Token

from bilat.errors import LanguageDataError
from bilat.model.date_expressions import DateMention
from bilat.nlp.langdata import load_lang

MAX_TITLE = 90  # characters, the ellipsis of a cut title included
_FEW_WORDS = 4  # a title shorter than this many words is compared whole
_CLAUSE_PUNCT = frozenset({",", ";", ":", "—", "–", "!", "?", ".", "…", ")", "]", "»", "”"})
_CLOSING = {"(": ")", "[": "]", "«": "»", "“": "”", '"': '"'}  # an aside or a quoted name
_BRACKETS = frozenset({"(", "["})
_QUOTES = ("«", "“", '"')
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")  # a year alone ("la coproduction de 1997") is a date too
_COMMA_IN_QUOTE = re.compile(
    r"[,;]\s*([”»\"])$"
)  # “Treasures of China,” ends a title as “Treasures of China”
_LIST_PUNCT = frozenset({",", "–", "—"})  # before a name, a list or an apposition goes on
_RANGE_TAIL = re.compile(r"\s*[-–/]\s*\d{1,4}\b")
_CLITIC_POS = frozenset({"PRON", "AUX", "PART", "ADV"})  # "s'", "est", "ne": before a verb, with it
_SPACES = re.compile(r"\s+")
_DATELINE = re.compile(r"^(.{2,60}?)\s+(?:-{1,2}|–|—)\s+")  # "KAZINFORM - ", "Beijing, (Xinhua) — "
_NAME_GOES_ON = re.compile(r" [A-ZÀ-Ý][\w-]")  # a capitalised word after a capitalised word: one name
# dependents that end a noun's phrase: coordination, punctuation, apposition, clauses
_NOT_PHRASE = ("conj", "cc", "punct", "appos", "acl:relcl", "relcl", "parataxis", "advcl")


@dataclass(frozen=True)
class TitleWords:
    """What a language's title needs: words that never end one, words opening a relative clause."""

    dangling: frozenset[str]
    relatives: frozenset[str]
    leading: frozenset[str]


def _word_list(raw: dict[str, object], key: str, where: str) -> frozenset[str]:
    words = raw.get(key)
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise LanguageDataError(f"{where}: '{key}' must be a non-empty list of words")
    return frozenset(w.strip().lower() for w in words)


@cache
def title_words(lang: str) -> TitleWords:
    """The words of `lang` that titles need: lang/<code>/fact_titles.yaml and names.yaml."""
    where = f"lang/{lang}/fact_titles.yaml"
    raw = yaml.safe_load(
        resources.files("bilat").joinpath("lang", lang, "fact_titles.yaml").read_text("utf-8")
    )
    if not isinstance(raw, dict):
        raise LanguageDataError(f"{where} must be a mapping")
    data = load_lang(lang)
    dangling = data.determiners | data.connectors | data.prepositions | data.conjunctions | data.articles
    dangling |= _word_list(raw, "dangling", where)
    return TitleWords(
        frozenset(w.lower() for w in dangling), data.relatives, _word_list(raw, "leading", where)
    )


def _finite(token: Token) -> bool:
    return "Fin" in token.morph.get("VerbForm") and token.pos_ in ("VERB", "AUX")


def _gerund(token: Token) -> bool:
    """A present participle heading a clause of its own ("en confiant …", "…, marking …")."""
    morph = token.morph
    return "Part" in morph.get("VerbForm") and "Pres" in morph.get("Tense") and token.dep_ == "advcl"


def _verb_start(verb: Token, floor: int) -> int:
    """Where a finite verb's group starts: its clitics, auxiliaries and negation ("s'est tenue")."""
    start = verb.idx
    for child in verb.lefts:
        clitic = child.pos_ in _CLITIC_POS or (child.pos_ == "ADP" and child.dep_ == "mark")  # "en confiant"
        if child.idx >= floor and clitic and not child.dep_.startswith("nsubj"):
            start = min(start, child.idx)
    return start


def _clause_end(
    sent: Span, text: str, end: int, trigger: tuple[int, int], head: Token, words: TitleWords
) -> tuple[int, list[tuple[int, int]]]:
    """Where the title's clause ends after its trigger, and the asides in it to leave out.

    It ends at clause punctuation (a comma before a name in a list or an apposition is kept), a
    relative pronoun or a finite verb other than the trigger's own. A quoted name is kept whole
    (« L'Akhal-Téké et la France »), an aside in brackets is left out ("(BCA)", "(13)")."""
    asides: list[tuple[int, int]] = []
    tokens = [t for t in sent if trigger[1] <= t.idx]
    skip_to = -1
    for n, token in enumerate(tokens):
        if token.idx < skip_to:
            continue
        if token.idx >= end:
            break
        closing = _CLOSING.get(token.text)
        if closing is not None:
            close = text.find(closing, token.idx + 1, sent.end_char)
            if close < 0:
                return token.idx, asides
            if token.text in _BRACKETS:
                asides.append((token.idx, close + 1))
            else:
                end = max(end, close + 1)  # a quoted name, whole
            skip_to = close + 1
            continue
        if token.text in _CLAUSE_PUNCT:
            following = tokens[n + 1] if n + 1 < len(tokens) else None
            named = following is not None and following.text[:1].isupper() and following.is_alpha
            if token.text in _LIST_PUNCT and named and following.lower_ not in words.dangling:
                continue  # "entre la ministre de la Culture, Aida Balaïeva"
            return token.idx, asides
        if token.lower_ in words.relatives:
            return token.idx, asides
        if (_finite(token) or _gerund(token)) and token.i != head.i and not token.text[:1].isupper():
            return _verb_start(token, trigger[1]), asides
    return end, asides


def _noun_phrase(sent: Span, text: str, start: int, end: int, head: Token) -> tuple[int, int]:
    """The range a title is read from: a noun trigger's whole phrase ("coopérations dans le
    domaine du contenu culturel"), a participle's noun with it ("films doublés en kazakh"), a
    verb's clause from its subject on (not the framing phrase before it), never a word cut in two."""
    if head.pos_ in ("NOUN", "PROPN"):
        end = max(end, min(_phrase_end(head), sent.end_char))
    elif head.dep_ in ("acl", "amod") and head.head.pos_ == "NOUN" and head.head.i < head.i:
        noun = head.head
        start = min(start, noun.idx)
        end = max(end, min(_phrase_end(head), sent.end_char))
    elif head.pos_ in ("VERB", "AUX"):
        subjects = [c for c in head.lefts if c.dep_.startswith("nsubj")]
        if subjects and subjects[0].left_edge.idx > start:
            start = subjects[0].left_edge.idx
    end = _whole_words(text, end, sent.end_char)
    while end < sent.end_char and _NAME_GOES_ON.match(text, end) and _capitalised_before(text, end):
        end = _whole_words(text, end + 1, sent.end_char)  # "Kassym-Jomart" is "Kassym-Jomart Tokaïev"
    return start, end


def _capitalised_before(text: str, end: int) -> bool:
    return text[:end].rsplit(" ", 1)[-1][:1].isupper()


def _whole_words(text: str, end: int, limit: int) -> int:
    """`end` moved past the rest of the word it cuts ("Kassym" is "Kassym-Jomart")."""
    while end < limit and (text[end].isalnum() or (text[end] in "-‐" and text[end + 1 : end + 2].isalnum())):
        end += 1
    return end


def _phrase_end(head: Token) -> int:
    """Where a noun's phrase ends: its complements and modifiers, not what is coordinated with it
    ("la production conjointe et la distribution des films") nor a clause hanging from it."""
    end = head.idx + len(head.text)
    for child in head.rights:
        if child.dep_ in _NOT_PHRASE or child.dep_.startswith(_NOT_PHRASE):
            break
        end = max(end, child.right_edge.idx + len(child.right_edge.text))
    return end


def _quoted(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quoted names in text[start:end] («Saison 2024», “Global Ulsan 2019”): dates in them stay."""
    out = []
    at = start
    while at < end:
        opening = min((i for q in _QUOTES if (i := text.find(q, at, end)) >= 0), default=-1)
        if opening < 0:
            break
        close = text.find(_CLOSING[text[opening]], opening + 1, end)
        if close < 0:
            break
        out.append((opening, close + 1))
        at = close + 1
    return out


def _without_dates(
    text: str, start: int, end: int, dates: Iterable[DateMention], words: TitleWords | None = None
) -> list[tuple[int, int]]:
    """The parts of text[start:end] around its date expressions (and the comma after a date that
    opens the title: "Le 6 décembre dernier, Paris et Nur-Sultan …")."""
    parts: list[tuple[int, int]] = []
    at = start
    for d in sorted(dates, key=lambda d: d.start):
        if d.end <= at or d.start >= end:
            continue
        if d.start > at:
            before = _strip_dangling(text[at : d.start], words) if words else text[at : d.start]
            parts.append((at, at + len(before)))  # "la coproduction de [1997] entre…": without "de"
        at = max(at, d.end)
        tail = _RANGE_TAIL.match(text, at, end)  # "2019-2020" read as "2019"
        at = tail.end() if tail else at
        rest = text[at:end]
        if not "".join(text[a:b] for a, b in parts).strip() and rest.lstrip().startswith(","):
            at += len(rest) - len(rest.lstrip()) + 1
    if at < end:
        parts.append((at, end))
    return parts


def _strip_dangling(title: str, words: TitleWords) -> str:
    """Without the function words and punctuation a cut leaves at the end ("Accord signé le")."""
    while True:
        title = title.rstrip(' ,;:-–—(«“"')
        if " " not in title:
            return title
        head, last = title.rsplit(" ", 1)
        if last.lower() not in words.dangling:
            return title
        title = head


def _without_dateline(title: str) -> str:
    """Without an agency dateline opening it ("KAZINFORM - ", "Beijing, (Xinhua) — "): words that
    all start with a capital (or are punctuation) before a dash."""
    match = _DATELINE.match(title)
    if match is None:
        return title
    words = match.group(1).replace(",", " ").split()
    named = all(w.lstrip("([").rstrip(")]")[:1].isupper() for w in words)
    return title[match.end() :] if named and title[match.end() :].strip() else title


def _without_leading(title: str, words: TitleWords) -> str:
    """Without the words a title never starts with ("Cette entente a été signée…")."""
    while " " in title and title.split(" ", 1)[0].lower() in words.leading:
        title = title.split(" ", 1)[1]
    return title


def shorten(title: str, words: TitleWords, limit: int = MAX_TITLE) -> str:
    """`title` in at most `limit` characters, cut at a word boundary and marked with "…"."""
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if " " in cut and not title[limit - 1 : limit].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return _strip_dangling(cut, words) + "…"


def title_likeness(a: str, b: str) -> float:
    """How alike two titles are, 0-100: rapidfuzz's token set ratio (a title inside a longer one
    is alike), but for a title of a few words, which is inside many others ("Formation", "Visit"),
    the ratio of the two titles' words sorted."""
    if min(len(a.split()), len(b.split())) < _FEW_WORDS:
        return float(fuzz.token_sort_ratio(a, b))
    return float(fuzz.token_set_ratio(a, b))


def fact_title(
    sent: Span,
    text: str,
    start: int,
    end: int,
    trigger: tuple[int, int],
    head: Token,
    dates: Iterable[DateMention],
    leading: re.Pattern[str],
    lang: str,
) -> str:
    """The title of a fact read at `trigger` from text[start:end] (the part of its clause that
    names it): its clause up to the first trailing one, without date expressions, without the
    function words `leading` matches at its start or dangling at its end, at most MAX_TITLE long."""
    words = title_words(lang)
    start, end = _noun_phrase(sent, text, start, end, head)
    end, asides = _clause_end(sent, text, end, trigger, head, words)
    quoted = _quoted(text, start, end)
    years = [
        DateMention(m.start(), m.end(), m.group(), None, False) for m in _YEAR.finditer(text, start, end)
    ]
    cut = [d for d in (*dates, *years) if not any(a <= d.start < b for a, b in quoted)]
    cut += [DateMention(a, b, text[a:b], None, False) for a, b in asides]
    pieces = [text[a:b] for a, b in _without_dates(text, start, end, cut, words)]
    title = _SPACES.sub(" ", " ".join(pieces)).strip()
    title = _COMMA_IN_QUOTE.sub(r"\1", title)
    title = _SPACES.sub(" ", title.replace(" ,", ",")).strip(" ,;:")
    title = _without_leading(leading.sub("", _without_dateline(title)), words)
    title = shorten(_strip_dangling(title, words), words)
    if not title:  # everything was a date or a function word: the trigger's own words
        title = leading.sub("", _SPACES.sub(" ", text[trigger[0] : trigger[1]]).strip())
    return title[:1].upper() + title[1:]
