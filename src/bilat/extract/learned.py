"""The trained decisions over fact candidates: which drafts are facts, of which kind, with which
status. The rules (triggers, broad fact words, cues, the parse) propose the drafts and give the
features; linear models trained by `bilat train` (bilat.train) decide. The models are data:
src/bilat/trained/decisions.json, with the record of what they were trained on beside it.

A model is a logistic regression over binary features, stored as {feature: weights}; scoring a
draft is a sum over its features, so deciding costs microseconds per candidate.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, ORTH, POS
from spacy.symbols import ADJ, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from bilat.errors import LanguageDataError
from bilat.extract.facts import Draft
from bilat.extract.syntax import governing_verb, tense_of, tree_distance
from bilat.model.names import fold
from bilat.model.records import Document, Mention
from bilat.model.vocab import vocab

DECISIONS_NAME = "bilat.decisions.v1"
_LEAD_CHARS = 400
_WINDOW = 3  # words each side of the trigger read as context
_NEGATIONS = frozenset({"ne", "n", "pas", "jamais", "not", "no", "never", "without", "sans"})
_MODALS = frozenset(
    {"could", "would", "may", "might", "should", "pourrait", "pourraient", "devrait", "devraient"}
)
_SENTENCE_ENDS = frozenset({".", "!", "?", "»", '"', "”", ":", ")"})  # a sentence that ends so is finished


@dataclass(frozen=True)
class LinearModel:
    """Multinomial (or, with two classes, binary) logistic regression over binary features."""

    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        """Per class, its probability given the features (repeated or unknown ones count once or
        not at all). The sums are exact (`math.fsum`), so the order the features come in, which
        `set` makes vary with the hash seed, cannot move a probability by its last bit."""
        present = set(features)
        if len(self.classes) == 2:  # one weight per feature: the second class's log-odds
            z = math.fsum((self.intercept[0], *filter(None, map(self._log_odds.get, present))))
            p = 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        rows = [w for w in map(self.weights.get, present) if w is not None]
        z = list(self.intercept)
        if rows:
            columns = zip(*rows, strict=True)
            z = [math.fsum((start, *column)) for start, column in zip(z, columns, strict=True)]
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return {c: v / total for c, v in zip(self.classes, e, strict=True)}

    @cached_property
    def _log_odds(self) -> dict[str, float]:
        """Per feature, its one weight (a model of two classes)."""
        return {f: w[0] for f, w in self.weights.items()}

    def to_json(self) -> dict[str, Any]:
        """Weights stored sparse: per feature, [class index, weight] for the weights kept."""
        return {
            "classes": list(self.classes),
            "intercept": [round(v, 3) for v in self.intercept],
            "weights": {
                f: [[i, round(v, 3)] for i, v in enumerate(w) if round(v, 3)]
                for f, w in sorted(self.weights.items())
            },
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> LinearModel:
        width = len(raw["intercept"])
        weights = {}
        for feature, pairs in raw["weights"].items():
            dense = [0.0] * width
            for i, v in pairs:
                dense[int(i)] = float(v)
            weights[feature] = tuple(dense)
        return cls(tuple(raw["classes"]), tuple(float(v) for v in raw["intercept"]), weights)


@dataclass(frozen=True)
class SentenceWords:
    """What the features read of a draft's sentence, the same for every draft in it: its words
    (tokens neither space nor punctuation) as `_word` gives them, where each starts, and the
    countries named in it."""

    starts: list[int]  # character offset of each word
    words: list[str]
    countries: int
    length: int  # whitespace-separated words of the sentence's text
    ending: str  # the sentence's text, right-stripped, last character


@dataclass
class DocContext:
    """What the features need to know of the document around a draft; what several drafts ask
    of one sentence or token is computed once and kept here (a page has ~20 drafts)."""

    document: Document
    headline_end: int  # end of the first non-empty line
    countries: int  # distinct countries named in the document
    mentions: list[Mention] = field(default_factory=list)
    # title references: (the person, as a mention where the reference stands; their own mention)
    references: list[tuple[Mention, Mention]] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    _sentences: dict[tuple[int, int], SentenceWords] = field(default_factory=dict, repr=False)
    _quote_words: dict[int, str | None] = field(default_factory=dict, repr=False)
    _arrays: _TokenArrays | None = field(default=None, repr=False)

    def sentence_of(self, offset: int) -> int:
        return bisect_right(self.sentence_starts, offset) - 1

    def sentence_words(self, sent: Span, text: str) -> SentenceWords:
        key = (sent.start_char, sent.end_char)
        found = self._sentences.get(key)
        if found is None:
            tokens = self._tokens(sent.doc)
            kept = [i for i in range(sent.start, sent.end) if not tokens.space_or_punct[i]]
            in_sent = [m for m in self.mentions if sent.start_char <= m.start < sent.end_char]
            sentence = text[sent.start_char : sent.end_char].rstrip()
            found = SentenceWords(
                starts=[tokens.idx[i] for i in kept],
                words=[tokens.words[i] for i in kept],
                countries=len({m.country for m in in_sent if m.kind == "country" and m.country}),
                length=len(sentence.split()),
                ending=sentence[-1:],
            )
            self._sentences[key] = found
        return found

    def quote_word(self, doc: Doc, i: int) -> str | None:
        """The `q=` feature of token `i`: its word when a content word (noun, verb, adjective)."""
        if i not in self._quote_words:
            content = self._tokens(doc).content[i]
            self._quote_words[i] = f"q={self.word(doc, i)}" if content else None
        return self._quote_words[i]

    def word(self, doc: Doc, i: int) -> str:
        """`_word(doc[i])`."""
        return self._tokens(doc).words[i]

    def _tokens(self, doc: Doc) -> _TokenArrays:
        if self._arrays is None or self._arrays.doc is not doc:
            self._arrays = _TokenArrays.of(doc)
        return self._arrays


_CONTENT_POS = (NOUN, VERB, ADJ)
_WORDS: dict[tuple[int, int], str] = {}  # (orth, lemma) -> `_word`: string ids are hashes of the strings
_MAX_WORDS = 1 << 16


@dataclass(frozen=True)
class _TokenArrays:
    """What the features read of every token of a doc, read from spaCy's arrays at once (a
    Token object made for each read costs more than the read)."""

    doc: Doc
    strings: Any  # the doc's StringStore
    orth: list[int]
    lemma: list[int]
    idx: list[int]  # character offset
    space_or_punct: list[bool]
    content: list[bool]  # a noun, verb or adjective, not a stop word

    @cached_property
    def words(self) -> list[str]:
        """`_word` of every token (memoised by text and lemma: the same words recur in every page)."""
        memo, strings = _WORDS, self.strings
        out = []
        for key in zip(self.orth, self.lemma, strict=True):
            word = memo.get(key)
            if word is None:
                text = strings[key[0]]
                word = fold(strings[key[1]] or text) or text
                if len(memo) >= _MAX_WORDS:
                    memo.clear()
                memo[key] = word
            out.append(word)
        return out

    @classmethod
    def of(cls, doc: Doc) -> _TokenArrays:
        columns = (
            doc.to_array([ORTH, LEMMA, IDX, IS_SPACE, IS_PUNCT, POS, IS_STOP]).T.tolist()
            if len(doc)
            else [[]] * 7
        )
        orth, lemma, idx, space, punct, pos, stop = columns
        return cls(
            doc=doc,
            strings=doc.vocab.strings,
            orth=orth,
            lemma=lemma,
            idx=idx,
            space_or_punct=[bool(a or b) for a, b in zip(space, punct, strict=True)],
            content=[p in _CONTENT_POS and not s for p, s in zip(pos, stop, strict=True)],
        )


def doc_context(
    document: Document,
    places: list[Mention],
    sents: list[Span] | None = None,
    references: list[tuple[Mention, Mention]] | None = None,
) -> DocContext:
    text = document.text
    stripped = len(text) - len(text.lstrip())
    first_break = text.find("\n", stripped)
    return DocContext(
        document=document,
        headline_end=first_break if first_break >= 0 else len(text),
        countries=len({m.country for m in places if m.kind == "country" and m.country}),
        mentions=places,
        references=list(references or []),
        sentence_starts=[s.start_char for s in sents or ()],
    )


_ACTORS = ("person", "organization")
_ROLE_SENTENCES_BEFORE = 2  # a fact's actors may be named this many sentences before it
_ROLE_SENTENCES_AFTER = 1  # ...or in the next one ("… signed a consortium agreement. It brings
# together the University of X, …"; cross-validated: en 0.413 -> 0.437, fr 0.314 -> 0.315)


def role_candidates(draft: Draft, ctx: DocContext) -> list[Mention]:
    """The person and organisation mentions that may take part in a draft's fact: in its
    sentence, the sentences just before and after it, and the headline; a title reference
    ("le président français") is a mention of the person it stands for."""
    here = ctx.sentence_of(draft.cand.start)
    out = []
    for m in [*ctx.mentions, *(at for at, _person in ctx.references)]:
        if m.kind not in _ACTORS:
            continue
        where = ctx.sentence_of(m.start)
        near = here - _ROLE_SENTENCES_BEFORE <= where <= here + _ROLE_SENTENCES_AFTER
        near = near or m.end <= ctx.headline_end
        if near and not any(m.start == o.start and m.end == o.end for o in out):
            out.append(m)
    return out


def _distance(chars: int) -> str:
    return _bucket(abs(chars) // 20, (0, 1, 3, 7, 15))


def role_features(draft: Draft, m: Mention, ctx: DocContext) -> list[str]:
    """The features of one (draft, actor mention) pair: where the mention stands from the
    trigger, how the parse links them, what the rules made of it."""
    cand, fact = draft.cand, draft.fact
    here, there = ctx.sentence_of(cand.start), ctx.sentence_of(m.start)
    if there == here:
        where = "same"
    elif m.end <= ctx.headline_end:
        where = "headline"
    elif there > here:
        where = f"after{there - here}"
    else:
        where = f"before{here - there}"
    side = "before" if m.end <= cand.start else "after" if m.start >= cand.end else "inside"
    out = [
        f"r_kind={m.kind}",
        f"r_cat={m.category}",
        f"r_type={fact.type}",
        f"r_where={where}",
        f"r_side={side}:{where}",
        f"r_dist={_distance(m.start - cand.start)}:{where}",
        f"r_rule={any(p.start == m.start for p in fact.participants)}",
        f"r_venue={fact.venue is not None and fact.venue.start == m.start}",
        f"r_kind_type={m.kind}:{fact.type}",
        f"r_titled={bool(m.roles)}",
    ]
    source = fact.sources[0]
    out.append(f"r_in_quote={source.start <= m.start and m.end <= source.end}")
    if where == "same":
        doc = cand.sent.doc
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None:
            root = span.root
            out.append(f"r_dep={root.dep_}")
            out.append(f"r_head={_word(root.head)}")
            distance = tree_distance(root, cand.head)
            out.append(f"r_tree={_bucket(distance, (1, 2, 3, 5))}")
            verb = governing_verb(cand.head)
            if verb is not None:
                out.append(f"r_verb_tree={_bucket(tree_distance(root, verb), (1, 2, 3, 5))}:{root.dep_}")
    return out


def _bucket(n: int, edges: tuple[int, ...] = (0, 1, 2, 3, 5, 8)) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _word(token: Token) -> str:
    return fold(token.lemma_ or token.text) or token.text


def draft_features(draft: Draft, ctx: DocContext) -> list[str]:
    """The binary features of one draft: its trigger and rule, the parse around it, its
    participants, dates and countries, where it stands in the page."""
    cand, fact = draft.cand, draft.fact
    text, head, sent = cand.doc_text, cand.head, cand.sent
    doc = sent.doc
    trigger = cand.trigger
    source = "broad" if ".broad." in trigger.name else "rule"
    lang = ctx.document.language or "xx"
    out = [
        f"lang={lang}",
        f"src={source}",
        f"type={fact.type}",
        f"kind={fact.type}:{fact.kind}",
        f"rule={trigger.name}",
        f"word={fact.type}:{fold(cand.text)}",
        f"lemma={ctx.word(doc, head.i)}",
        f"pos={head.pos_}",
        f"dep={head.dep_}",
        f"pos_dep={head.pos_}:{head.dep_}",
        f"parent={ctx.word(doc, head.head.i)}",
        f"gate={draft.extra.get('gate') or 'none'}",
        f"status={fact.type}:{fact.status}",
        f"explicit={bool(fact.status_history)}",
        f"status_rule={fact.rule.split('+', 1)[-1].split('#')[0]}",
        f"tense={tense_of(head)}",
        f"generic={trigger.generic}",
        f"anaphoric={cand.anaphoric}",
        f"attach={draft.attach}",
        f"within_cue={draft.within_cue}",
        f"has_date={fact.date is not None}",
        f"has_place={fact.place is not None}",
        f"has_venue={fact.venue is not None}",
    ]
    if draft.extra.get("framed"):  # an aim or a topic discussed (extract/document.py)
        out.append(f"framed={fact.type}:{draft.extra['framed']}")
    if draft.extra.get("session"):  # a body's name told as a session of it (extract/document.py)
        out.append(f"session={fact.type}:{draft.extra['session']}")
    persons = sum(m.kind == "person" for m in fact.participants)
    orgs = sum(m.kind == "organization" for m in fact.participants)
    cities = sum(m.kind == "city" for m in fact.participants)
    out += [f"persons={_bucket(persons)}", f"orgs={_bucket(orgs)}", f"cities={_bucket(cities)}"]
    out.append(f"actors={_bucket(persons + orgs)}:{fact.type}")
    words = ctx.sentence_words(sent, text)
    out += [
        f"sent_countries={_bucket(words.countries, (0, 1, 2))}",
        f"doc_countries={_bucket(ctx.countries, (0, 1, 2, 3))}",
        f"sent_countries_type={_bucket(words.countries, (0, 1, 2))}:{fact.type}",
    ]
    inside = any(m.start <= cand.start and cand.end <= m.end for m in ctx.mentions if m.kind != "country")
    out.append(f"in_name={inside}")
    if cand.start < ctx.headline_end:
        out.append("where=headline")
    elif cand.start < _LEAD_CHARS:
        out.append("where=lead")
    else:
        out.append(f"where=body{_bucket(cand.start // 500, (1, 2, 3))}")
    out.append(f"sent_words={_bucket(words.length, (3, 6, 10, 20, 40))}")
    if words.ending not in _SENTENCE_ENDS:
        out.append("sent_unfinished")
        if sent.end_char >= len(text.rstrip()) - 1:
            out.append("sent_cut_by_page_end")
    # the words around the trigger (the first word at or after it; the first word, when none is)
    found = bisect_left(words.starts, cand.start)
    position = found if found < len(words.starts) else 0
    for k in range(1, _WINDOW + 1):
        if position - k >= 0:
            out.append(f"w-{k}={words.words[position - k]}")
    after = bisect_left(words.starts, cand.end)
    for k in range(_WINDOW):
        if after + k < len(words.words):
            out.append(f"w+{k + 1}={words.words[after + k]}")
    if set(words.words[max(0, position - 6) : position]) & _NEGATIONS:
        out.append("negated")
    if _MODALS.intersection(words.words):
        out.append("modal")
    source = fact.sources[0]
    quote = doc.char_span(source.start, source.end, alignment_mode="expand")
    if quote is not None:  # the quote's content words, then the clause's verb
        out += [q for q in (ctx.quote_word(doc, i) for i in range(quote.start, quote.end)) if q]
    verb = governing_verb(head)
    if verb is not None:
        out.append(f"verb={ctx.word(doc, verb.i)}")
        out.append(f"verb_is_head={verb.i == head.i}")
    return out


_Kept = list[tuple[bool, float, Draft]]  # (a rule draft?, its probability, the draft)


def _alone_in_sentence(kept: _Kept, threshold: float) -> _Kept:
    """Of the broad drafts kept under `threshold`, those that are the only word for a fact of their
    type in their sentence: no rule draft of the type is kept there, and no likelier broad one (of
    two as likely, the first in the text)."""
    out = []
    for ruled, p, draft in kept:
        if not ruled and p < threshold:
            sent, ftype = draft.cand.sent.start_char, draft.fact.type
            rivals = [
                (r, (q, -o.cand.start))
                for r, q, o in kept
                if o is not draft and o.fact.type == ftype and o.cand.sent.start_char == sent
            ]
            if any(r or rank > (p, -draft.cand.start) for r, rank in rivals):
                continue
        out.append((ruled, p, draft))
    return out


def _same(a: Draft, b: Draft) -> bool:
    """Two drafts that would be one fact: of one type, their triggers overlapping or, of one kind,
    their quotes overlapping."""
    if a.fact.type != b.fact.type or b.attach:
        return False
    if a.cand.start < b.cand.end and b.cand.start < a.cand.end:
        return True
    qa, qb = a.fact.sources[0], b.fact.sources[0]
    return a.fact.kind == b.fact.kind and qa.start < qb.end and qb.start < qa.end


@dataclass(frozen=True)
class Decisions:
    """The trained decisions of one language: `fact` (is the draft a fact?), `kind` and `status`
    per fact type, and the probability above which a draft is kept."""

    lang: str
    fact: LinearModel
    kind: dict[str, LinearModel]
    status: dict[str, LinearModel]
    threshold: float
    role: LinearModel | None = None
    role_threshold: float = 0.5
    kind_margin: float = 0.5  # the trained kind replaces the trigger's when this much likelier
    rule_threshold: float = 0.5  # the same, for a draft the rules alone would keep (its gates hold)
    # per language, a lower threshold for the likeliest broad draft of a sentence and type that no
    # kept draft of that type shares its sentence with (see `_alone_in_sentence`)
    sentence_threshold: dict[str, float] = field(default_factory=dict)
    # per fact type, whether the text allows the kind of the draft's word ("worded"), only
    # "other", or neither: the word's kind gives way to "other" when "other" is this much likelier
    vague: dict[str, LinearModel] = field(default_factory=dict)
    vague_margin: float = 1.0

    def decide(self, drafts: list[Draft], ctx: DocContext) -> list[Draft]:
        """The drafts that are facts, their kind and status set; of two kept drafts of one type
        whose quotes overlap, the likelier one."""
        statuses = vocab().statuses
        kinds = vocab().kinds
        kept: _Kept = []
        low = self.sentence_threshold.get(ctx.document.language or "", self.threshold)
        for draft in drafts:
            features = draft_features(draft, ctx)
            p = self.fact.probabilities(features).get("fact", 0.0)
            draft.extra["p_fact"] = round(p, 3)
            ruled = not draft.extra.get("gate") and ".broad." not in draft.cand.trigger.name
            if draft.extra.get("framed"):  # an aim or a topic (extract/document.py): a fact only when sure
                ruled, threshold = False, self.threshold
            else:
                threshold = self.rule_threshold if ruled else min(self.threshold, low)
            if p < threshold:
                continue
            fact = draft.fact
            model = self.kind.get(fact.type)
            if model is not None:
                ranked = model.probabilities(features)
                best = max((k for k in ranked if k in kinds[fact.type]), key=ranked.__getitem__, default=None)
                margin = ranked[best] - ranked.get(fact.kind, 0.0) if best is not None else 0.0
                if best is not None and best != fact.kind and margin >= self.kind_margin:
                    fact.evidence.append(f"kind {best} (trained, p={ranked[best]:.2f})")
                    fact.kind = best
            model = self.vague.get(fact.type)
            if model is not None and fact.kind != "other" and not draft.attach:
                ranked = model.probabilities(features)
                if ranked.get("other", 0.0) - ranked.get("worded", 0.0) >= self.vague_margin:
                    fact.evidence.append(
                        f"kind other: the text is vaguer than {fact.kind} (trained, p={ranked['other']:.2f})"
                    )
                    fact.kind = "other"
            model = self.status.get(fact.type)
            if model is not None and not draft.attach:
                ranked = model.probabilities(features)
                best = max(
                    (s for s in ranked if s in statuses[fact.type]), key=ranked.__getitem__, default=None
                )
                if best is not None and best != fact.status:
                    fact.evidence.append(f"status {best} (trained, p={ranked[best]:.2f})")
                    fact.status = best
                    for change in fact.status_history:
                        change.status = best
            fact.rule = f"{fact.rule}+{DECISIONS_NAME}"
            kept.append((ruled, p, draft))
        if low < self.threshold:
            kept = _alone_in_sentence(kept, self.threshold)
        out: list[Draft] = []
        # the rules' own drafts first, then by probability: of two drafts that say the same (same
        # type and kind with overlapping quotes, or overlapping triggers) the first is kept
        for _ruled, _p, draft in sorted(kept, key=lambda k: (not k[0], -k[1])):
            if draft.attach or not any(_same(draft, o) for o in out):
                out.append(draft)
        return sorted(out, key=lambda d: d.cand.start)

    def take_part(self, draft: Draft, ctx: DocContext) -> None:
        """The draft's participants: the rules' own (after the document's passes: the next
        sentence's parties, the paragraph's), and the persons and organisations that the role
        model reads as taking part near the draft or near another mention of its fact merged
        into it."""
        if self.role is None or draft.attach:
            return
        fact = draft.fact
        kept = list(fact.participants)
        for teller, m in [(t, m) for t in (draft, *draft.retold) for m in role_candidates(t, ctx)]:
            if any(k.start == m.start and k.end == m.end for k in kept):
                continue
            person = next((p for at, p in ctx.references if at is m), m)  # a title reference's
            if person is not m and any(k.name == person.name for k in kept):
                continue
            p = self.role.probabilities(role_features(teller, m, ctx)).get("takes_part", 0.0)
            if p >= self.role_threshold:
                kept.append(person)
        fact.participants = kept

    def to_json(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "role": self.role.to_json() if self.role is not None else None,
            "role_threshold": self.role_threshold,
            "kind_margin": self.kind_margin,
            "rule_threshold": self.rule_threshold,
            "threshold": self.threshold,
            "sentence_threshold": dict(sorted(self.sentence_threshold.items())),
            "fact": self.fact.to_json(),
            "kind": {t: m.to_json() for t, m in sorted(self.kind.items())},
            "status": {t: m.to_json() for t, m in sorted(self.status.items())},
            "vague": {t: m.to_json() for t, m in sorted(self.vague.items())},
            "vague_margin": self.vague_margin,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Decisions:
        return cls(
            lang=raw["lang"],
            fact=LinearModel.from_json(raw["fact"]),
            kind={t: LinearModel.from_json(m) for t, m in raw["kind"].items()},
            status={t: LinearModel.from_json(m) for t, m in raw["status"].items()},
            threshold=float(raw["threshold"]),
            role=LinearModel.from_json(raw["role"]) if raw.get("role") else None,
            role_threshold=float(raw.get("role_threshold", 0.5)),
            kind_margin=float(raw.get("kind_margin", 0.5)),
            rule_threshold=float(raw.get("rule_threshold", raw["threshold"])),
            sentence_threshold={k: float(v) for k, v in (raw.get("sentence_threshold") or {}).items()},
            vague={t: LinearModel.from_json(m) for t, m in (raw.get("vague") or {}).items()},
            vague_margin=float(raw.get("vague_margin", 1.0)),
        )


TRAINED = "trained"
MODEL_FILE = "decisions.json"


def model_path() -> Path:
    return Path(str(resources.files("bilat").joinpath(TRAINED, MODEL_FILE)))


def write_decisions(path: Path, decisions: Decisions, languages: list[str]) -> None:
    payload = {"name": DECISIONS_NAME, "languages": sorted(languages), "decisions": decisions.to_json()}
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    path.write_text(text + "\n", "utf-8")


def read_decisions(path: Path) -> tuple[Decisions, list[str]]:
    """The decisions of a model file written by `bilat train`, and the languages it was trained on."""
    try:
        raw = json.loads(path.read_text("utf-8"))
        return Decisions.from_json(raw["decisions"]), list(raw["languages"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise LanguageDataError(
            f"{path}: not a decisions model ({exc})", "rebuild it with `bilat train`"
        ) from exc


@cache
def _committed() -> tuple[Decisions, list[str]] | None:
    path = model_path()
    return read_decisions(path) if path.is_file() else None


def load_decisions(lang: str) -> Decisions | None:
    """The committed trained decisions, when they were trained on `lang`; else None (the rules
    decide alone)."""
    committed = _committed()
    if committed is None or lang not in committed[1]:
        return None
    return committed[0]
