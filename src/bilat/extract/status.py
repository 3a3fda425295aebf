"""Status from the language: the status cue nearest to a trigger in the parse decides; without
one, the tense of the trigger's clause does (registered as `bilat.status_rules.v1`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from bilat.extract.candidates import beginnings_of
from bilat.extract.lexicon import Cue, Lexicon
from bilat.extract.syntax import tense_of, tokens_in, tree_distance
from bilat.model.case import safe_lower

RULES_NAME = "bilat.status_rules.v1"
_MAX_TREE_DISTANCE = 5
_MAX_CHARS_AFTER = 160
_FORWARD = frozenset({"idea", "proposed", "agreed", "planned"})  # stages of what is still to come


@dataclass
class StatusDecision:
    status: str
    explicit: bool  # a cue said so (rather than the tense alone)
    rule: str
    evidence: str
    start: int | None = None  # the cue's span, when there is one
    end: int | None = None


@dataclass
class CueHit:
    stage: str
    name: str
    start: int
    end: int
    tokens: list[Token]


def cue_hits(sent: Span, lex: Lexicon, doc_text: str) -> list[CueHit]:
    hits = []
    for cue, m in _cue_matches(doc_text[sent.start_char : sent.end_char], lex):
        start, end = sent.start_char + m.start(), sent.start_char + m.end()
        hits.append(CueHit(cue.stage, cue.name, start, end, tokens_in(sent.doc, start, end)))
    return hits


def _cue_matches(text: str, lex: Lexicon) -> list[tuple[Cue, re.Match[str]]]:
    """Every match of the lexicon's cues in `text`, cue by cue (in lexicon order), each by start:
    what each cue's `finditer` finds. A cue is tried only where it may begin
    (`candidates.Beginnings`)."""
    lowered = safe_lower(text)
    if lowered is None:
        return _cue_matches_everywhere(text, lex)
    regexes = _cue_regexes(lex)
    starts = beginnings_of(regexes)
    by_cue: list[list[re.Match[str]]] = [[] for _ in regexes]
    for i, m in starts.matches(regexes, text, lowered):
        by_cue[i].append(m)
    for i in starts.anywhere:
        by_cue[i] = list(regexes[i].finditer(text))
    return [(cue, m) for cue, matches in zip(lex.cues, by_cue, strict=True) for m in matches]


def _cue_matches_everywhere(text: str, lex: Lexicon) -> list[tuple[Cue, re.Match[str]]]:
    return [(cue, m) for cue in lex.cues for m in cue.regex.finditer(text)]


_CUE_REGEXES: dict[int, tuple[tuple[Cue, ...], tuple[re.Pattern[str], ...]]] = {}


def _cue_regexes(lex: Lexicon) -> tuple[re.Pattern[str], ...]:
    """The regexes of the lexicon's cues, one tuple per lexicon (`beginnings_of` keeps its work
    per tuple)."""
    known = _CUE_REGEXES.get(id(lex.cues))
    if known is None or known[0] is not lex.cues:
        known = (lex.cues, tuple(c.regex for c in lex.cues))
        _CUE_REGEXES[id(lex.cues)] = known
    return known[1]


def _closeness(hit: CueHit, head: Token, start: int, end: int) -> tuple[int, int, int]:
    tree = min((tree_distance(t, head) for t in hit.tokens), default=99)
    if hit.end <= start:
        chars, after = start - hit.end, 0
    elif hit.start >= end:
        chars, after = hit.start - end, 1
    else:
        chars, after = 0, 0
    return tree, after, chars


def _plans_something(head: Token, hit: CueHit) -> bool:
    """The trigger is the subject of the cue's verb, which has an object of its own."""
    verb = head.head
    return (
        head.dep_ == "nsubj"
        and any(t.i == verb.i for t in hit.tokens)
        and any(c.dep_ in ("obj", "dobj", "xcomp", "ccomp") for c in verb.children)
    )


def decide_status(
    fact_type: str, head: Token, start: int, end: int, hits: list[CueHit], lex: Lexicon, text: str
) -> StatusDecision:
    """The status of a fact whose trigger spans [start, end) with syntactic head `head`."""
    best: tuple[tuple[int, int, int], CueHit] | None = None
    for hit in hits:
        if lex.stages[hit.stage].get(fact_type) is None:
            continue
        if hit.stage in _FORWARD and _plans_something(head, hit):
            continue  # "l'accord prévoit des stages": what it plans, not what it is
        key = _closeness(hit, head, start, end)
        tree, after, chars = key
        if tree > _MAX_TREE_DISTANCE and not (chars <= 3 and not after):
            continue
        if after and chars > _MAX_CHARS_AFTER:
            continue
        if best is None or key < best[0]:
            best = (key, hit)
    if best is not None:
        hit = best[1]
        status = lex.stages[hit.stage][fact_type]
        quote = text[hit.start : hit.end]
        return StatusDecision(status, True, hit.name, quote, hit.start, hit.end)
    tense = tense_of(head, lex.modals)
    status = lex.defaults[fact_type].get(tense) or next(iter(lex.defaults[fact_type].values()))
    return StatusDecision(status, False, f"{lex.lang}.tense.{tense}", tense)


def has_cue(
    head: Token,
    start: int,
    end: int,
    hits: list[CueHit],
    stages: set[str] | None = None,
    max_tree: int = _MAX_TREE_DISTANCE,
) -> bool:
    """Whether a cue (of the given stages) governs the trigger closely enough to count."""
    for hit in hits:
        if stages is not None and hit.stage not in stages:
            continue
        tree, after, chars = _closeness(hit, head, start, end)
        if tree <= max_tree or (chars <= 3 and not after):
            return True
    return False
