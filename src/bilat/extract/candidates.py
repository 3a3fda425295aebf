"""Finds fact triggers in a parsed document: lexicon matches, minus denied, generic-plural and
masked ones (page furniture), each marked anaphoric or not."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

from spacy.tokens import Doc, Span, Token

from bilat.extract.lexicon import Lexicon, Trigger
from bilat.extract.syntax import head_of, sentences, tokens_in
from bilat.model.case import safe_lower
from bilat.nlp.text import doc_text

_LOOKBEHIND = 40  # characters before a trigger read for determiners and negation


@dataclass
class Candidate:
    trigger: Trigger
    start: int
    end: int
    sent: Span
    head: Token
    doc_text: str  # the document's text (spaCy rebuilds Doc.text on every access)
    anaphoric: bool = False

    @property
    def type(self) -> str:
        return self.trigger.type

    @property
    def text(self) -> str:
        return self.doc_text[self.start : self.end]


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


_WORD_START = r"(?<![\w-])"  # how every trigger begins (lexicon.compile_pattern, word_start)
_MAX_PREFIX = 12  # characters of a trigger's beginning written out
_MAX_PREFIXES = 64  # written-out beginnings per trigger, at most
_SMALL_CLASS = 4  # a character class of this many letters or fewer ("[ée]") is written out
_KEY = 4  # characters of the text read to pick the triggers tried at a place
_ZERO_WIDTH = (sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT)
_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT)

_Heads = set[tuple[str, bool]]  # (lower case beginning, whether it may still grow)


def _extend(heads: _Heads, chars: list[str]) -> _Heads:
    """`heads` followed by one of `chars` (one character each)."""
    lowered = [safe_lower(c) for c in chars]
    out: _Heads = set()
    for head, growing in heads:
        if not growing or any(c is None for c in lowered):  # None: sre folds it otherwise than str.lower
            out.add((head, False))
        else:
            out.update((head + c, len(head) + 1 < _MAX_PREFIX) for c in lowered if c is not None)
    return out


def _beginnings(items: Any, heads: _Heads) -> _Heads:
    """What a match of sre's parse tree `items`, after `heads`, begins with, in lower case: every
    match's lower case text starts with one of them. Where the tree is not plain letters (a
    class, a category, a group reference) the beginning stops growing: a shorter beginning is
    still one the match has. Zero-width assertions are passed over."""
    for op, av in items:
        if not any(growing for _, growing in heads):
            break
        if op in _ZERO_WIDTH:
            continue
        if op is sre_parse.LITERAL:
            new = _extend(heads, [chr(av)])
        elif op is sre_parse.IN and len(av) <= _SMALL_CLASS and all(o is sre_parse.LITERAL for o, _ in av):
            new = _extend(heads, [chr(c) for _, c in av])
        elif op is sre_parse.SUBPATTERN:
            new = _beginnings(av[-1], heads)
        elif op is sre_parse.BRANCH:
            new = set().union(*(_beginnings(branch, heads) for branch in av[1]))
        elif op in _REPEATS:
            low, high, sub = av
            new = _beginnings(sub, heads)
            if (low, high) != (1, 1):  # more of it, or not, may follow: what it begins with stops
                new = {(h, False) for h, _ in new}
            if low == 0:
                new |= heads
        else:
            new = {(h, False) for h, _ in heads}
        heads = new if len(new) <= _MAX_PREFIXES else {(h, False) for h, _ in heads}
    return heads


def _alternation(words: set[str]) -> str:
    """A regex matching where one of `words` begins (a word ending where another goes on is
    enough: the longer one need not be looked for)."""
    trie: dict[str, Any] = {}
    for word in sorted(words, key=len):
        node = trie
        for ch in word:
            if "" in node:
                break
            node = node.setdefault(ch, {})
        else:
            node.clear()
            node[""] = {}

    def build(node: dict[str, Any]) -> str:
        if "" in node:
            return ""
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items())]
        return alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"

    return build(trie)


@dataclass
class Beginnings:
    """Where some lexicon regexes may match. Most begin a word (`_WORD_START`) with one of a few
    beginnings in lower case: `scan` finds, in the lower case text, the places where one of them
    starts a word, and the first `_KEY` characters there tell which regexes may match
    (`tried`). The others (`anywhere`: no beginning known) may match anywhere."""

    scan: re.Pattern[str] | None  # None when no regex has beginnings
    beginnings: list[tuple[int, tuple[str, ...]]]  # (regex index, its beginnings)
    anywhere: tuple[int, ...]  # indices of the regexes without
    by_key: dict[str, tuple[int, ...]]

    def tried(self, key: str) -> tuple[int, ...]:
        found = self.by_key.get(key)
        if found is None:
            found = tuple(
                i for i, words in self.beginnings if any(w[: len(key)] == key[: len(w)] for w in words)
            )
            if len(self.by_key) < 1 << 14:
                self.by_key[key] = found
        return found

    def matches(
        self, regexes: tuple[re.Pattern[str], ...], text: str, lowered: str
    ) -> list[tuple[int, re.Match[str]]]:
        """(regex index, match) of every match of each regex with beginnings in `text`
        (`lowered` is `safe_lower(text)`), by start then regex: what each one's `finditer` finds
        (all its matches are non-empty, and do not overlap each other)."""
        if self.scan is None:
            return []
        after = [0] * len(regexes)
        found = []
        for place in self.scan.finditer(lowered):
            start = place.start()
            for i in self.tried(lowered[start : start + _KEY]):
                if start < after[i]:
                    continue
                m = regexes[i].match(text, start)
                if m is not None:
                    found.append((i, m))
                    after[i] = m.end()
        return found


_BEGINNINGS: dict[int, tuple[tuple[re.Pattern[str], ...], Beginnings]] = {}


def beginnings_of(regexes: tuple[re.Pattern[str], ...]) -> Beginnings:
    """The `Beginnings` of `regexes` (kept per tuple: a lexicon's triggers, its cues). A regex
    has none when not written to begin a word, or when it may begin otherwise than with letters
    (a class, a category; an empty match)."""
    known = _BEGINNINGS.get(id(regexes))
    if known is not None and known[0] is regexes:
        return known[1]
    beginnings: list[tuple[int, tuple[str, ...]]] = []
    anywhere = []
    for i, regex in enumerate(regexes):
        words: tuple[str, ...] = ()
        if regex.pattern.startswith(_WORD_START):
            parsed = sre_parse.parse(regex.pattern, regex.flags)
            words = tuple(sorted({h for h, _ in _beginnings(parsed, {("", True)})}))
        if words and "" not in words:
            beginnings.append((i, words))
        else:
            anywhere.append(i)
    everything = {w for _, words in beginnings for w in words}
    scan = re.compile(f"{_WORD_START}(?={_alternation(everything)})") if everything else None
    found = Beginnings(scan, beginnings, tuple(anywhere), {})
    _BEGINNINGS[id(regexes)] = (regexes, found)
    return found


def _trigger_regexes(lex: Lexicon) -> tuple[re.Pattern[str], ...]:
    known = _TRIGGER_REGEXES.get(id(lex))
    if known is None or known[0] is not lex:
        known = (lex, tuple(t.regex for t in lex.triggers))
        _TRIGGER_REGEXES[id(lex)] = known
    return known[1]


_TRIGGER_REGEXES: dict[int, tuple[Lexicon, tuple[re.Pattern[str], ...]]] = {}


def _text_matches(text: str, lex: Lexicon) -> list[tuple[int, int, Trigger]]:
    """Every trigger match in the whole text, by start (then lexicon order): what `finditer` of
    each trigger finds, trying each trigger only where the text, in lower case, starts a word
    with one of the trigger's beginnings (see `Beginnings`)."""
    regexes = _trigger_regexes(lex)
    starts = beginnings_of(regexes)
    lowered = safe_lower(text) if not starts.anywhere else None
    if lowered is None:
        return _text_matches_everywhere(text, lex)
    triggers = lex.triggers
    return [(m.start(), m.end(), triggers[i]) for i, m in starts.matches(regexes, text, lowered)]


def _text_matches_everywhere(text: str, lex: Lexicon) -> list[tuple[int, int, Trigger]]:
    """`_text_matches` for any text: each trigger tried where the lexicon says one may begin."""
    starts = [m.start() for m in lex.trigger_starts.finditer(text)]
    found = []
    for trigger in lex.triggers:
        after = 0
        for start in starts:
            if start < after:
                continue
            m = trigger.regex.match(text, start)
            if m is not None and m.end() > start:
                found.append((start, m.end(), trigger))
                after = m.end()
    found.sort(key=lambda f: f[0])
    return found


def _sentence_matches(
    sent: Span, lex: Lexicon, doc_text: str, in_text: list[tuple[int, int, Trigger]], starts: list[int]
) -> list[tuple[int, int, Trigger]]:
    """The matches inside `sent`, longer ones winning over those they overlap, then earlier
    lexicon entries. A whole-text match running past the sentence end is looked for again in
    the sentence alone, where a shorter form may match."""
    first, last = sent.start_char, sent.end_char
    found = []
    for start, end, trigger in in_text[bisect_left(starts, first) : bisect_left(starts, last)]:
        if end > last:
            return _matches(sent, lex, doc_text)
        found.append((start, end, trigger))
    return _non_overlapping(found, lex)


def _matches(sent: Span, lex: Lexicon, doc_text: str) -> list[tuple[int, int, Trigger]]:
    text, offset = doc_text[sent.start_char : sent.end_char], sent.start_char
    found = []
    for trigger in lex.triggers:
        for m in trigger.regex.finditer(text):
            if m.end() > m.start():
                found.append((offset + m.start(), offset + m.end(), trigger))
    return _non_overlapping(found, lex)


def _non_overlapping(found: list[tuple[int, int, Trigger]], lex: Lexicon) -> list[tuple[int, int, Trigger]]:
    # longer matches win over the ones they overlap; then earlier lexicon entries
    order = lex.trigger_order
    found.sort(key=lambda f: (-(f[1] - f[0]), order[f[2].name]))
    kept: list[tuple[int, int, Trigger]] = []
    for start, end, trigger in found:
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, trigger))
    return sorted(kept, key=lambda f: f[0])


def _with_broad(
    found: list[tuple[int, int, Trigger]], broad: list[tuple[int, int, Trigger]]
) -> list[tuple[int, int, Trigger]]:
    """The lexicon's matches, plus the broad words that overlap none of them."""
    extra = [b for b in broad if all(b[1] <= s or b[0] >= e for s, e, _ in found)]
    return sorted(found + extra, key=lambda f: f[0]) if extra else found


def _generic_plural(trigger: Trigger, head: Token, before: str, lex: Lexicon) -> bool:
    """A plural event noun after a plural determiner ("des expositions", "several meetings"):
    a kind of event. The noun itself must be plural: "l'événement d'inauguration", "their
    meeting" name one event."""
    if trigger.plural_ok or not lex.plural_before.search(before):
        return False
    return "Sing" not in head.morph.get("Number")


def find_candidates(
    doc: Doc,
    lex: Lexicon,
    masked: list[tuple[int, int]],
    broad: list[tuple[int, int, Trigger]] | None = None,
    sents: list[Span] | None = None,
) -> list[Candidate]:
    """Triggers outside `masked` ranges (page furniture: "Lire aussi" headlines, newsletters);
    with `broad` matches (bilat.extract.broad), those the lexicon's triggers do not cover too.
    `sents`: `sentences(doc, its text)`, when the caller has them already."""
    text = doc_text(doc)
    in_text = _text_matches(text, lex)
    starts = [m[0] for m in in_text]
    broad_starts = [b[0] for b in broad or ()]
    out = []
    for sent in sents if sents is not None else sentences(doc, text):
        found = _sentence_matches(sent, lex, text, in_text, starts)
        if broad:
            lo, hi = bisect_left(broad_starts, sent.start_char), bisect_left(broad_starts, sent.end_char)
            found = _with_broad(found, [b for b in broad[lo:hi] if b[1] <= sent.end_char])
        for start, end, trigger in found:
            if _inside(start, end, masked):
                continue
            before = text[max(sent.start_char, start - _LOOKBEHIND) : start]
            if lex.negated_before.search(before):
                continue
            if trigger.type == "initiative" and lex.personal_before and lex.personal_before.search(before):
                continue  # "his research projects": one person's work
            head = head_of(tokens_in(doc, start, end))
            if head is None:
                continue
            anaphoric = bool(lex.anaphoric_before.search(before))
            if trigger.type == "event" and not anaphoric and _generic_plural(trigger, head, before, lex):
                continue  # "des expositions": a kind of event, not one event
            out.append(Candidate(trigger, start, end, sent, head, text, anaphoric))
    return out
