"""Small questions asked of spaCy's parse: which tokens cover a span, how far apart two tokens
are in the tree, the clause a trigger belongs to, and its tense."""

from __future__ import annotations

from itertools import chain

from spacy.tokens import Doc, Span, Token

from bilat.nlp.text import token_texts


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def head_of(tokens: list[Token]) -> Token | None:
    """The token of a multi-token match whose head lies outside the match (its syntactic head)."""
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head.i == token.i:
            return token
    return tokens[0]


def ancestors(token: Token) -> list[Token]:
    return [token, *token.ancestors]


def tree_distance(a: Token, b: Token) -> int:
    """Number of edges between two tokens of one sentence (large when in different trees)."""
    path_a = {t.i: n for n, t in enumerate(ancestors(a))}
    for n, t in enumerate(ancestors(b)):
        if t.i in path_a:
            return n + path_a[t.i]
    return 99


_RELATIVE = ("acl:relcl", "relcl")  # French (UD) and English (ClearNLP) labels


def in_relative_of_another(token: Token, head: Token) -> bool:
    """Whether `token` sits in a relative clause of a noun other than `head` that does not hold
    `head` either: in "la cérémonie, en marge de la visite qu'il effectue depuis dimanche",
    "dimanche" tells of the visit, not of the ceremony."""
    above_head = {t.i for t in ancestors(head)}
    for t in ancestors(token):
        if t.i in above_head:
            return False
        if t.dep_ in _RELATIVE and t.head.i != head.i:
            return True
    return False


def governing_verb(token: Token) -> Token | None:
    """The verb whose clause holds the token; through "doit se rendre" up to "doit", and
    "s'est dite prête à former" up to "dite", which hold the subject."""
    for t in chain((token,), token.ancestors):  # (as `ancestors`, read only as far as needed)
        if t.pos_ in ("VERB", "AUX"):
            while t.dep_ == "xcomp" and t.head.i != t.i:
                head = t.head
                if head.pos_ == "ADJ" and head.head.i != head.i and head.head.pos_ in ("VERB", "AUX"):
                    head = head.head  # "s'est dit prêt à soutenir": up to "dit", past "prêt"
                if head.pos_ not in ("VERB", "AUX"):
                    break
                t = head
            return t
    return None


# Dependency labels: French models use Universal Dependencies ("obl:agent", "acl:relcl"), English
# ones ClearNLP's ("agent" is the "by" of a passive, "prep" a preposition whose object hangs below
# it, "relcl"); neither scheme uses the other's labels, so one set serves both.
_SUBJECTS = ("nsubj",)
_MAX_CLIMB = 4  # verbs climbed to find a shared subject
_AGENTS = ("obl:agent", "agent")  # "signé par X", "signed by X"
_OBLIQUES = ("obl", "obl:arg", "obl:mod", "nmod")
_PREPOSITIONS = ("prep",)  # English: "signed with X" -> with (prep) -> X (pobj)
_RELATIVE_CLAUSES = ("acl:relcl", "relcl")
_PARTICIPLES = ("acl",)  # a participle clause on a noun ("reçu en visite", "arriving in Paris")
_AUXILIARIES = ("aux", "aux:pass", "aux:tense", "cop", "auxpass")
_RELATIVE_TAGS = ("WP", "WDT")  # English "who", "which": a relative subject, like PronType=Rel


def actor_slots(verb: Token, sent: Span, companions: frozenset[str]) -> list[tuple[int, int]]:
    """Character bounds of who acts in a verb's clause: its subject with what is coordinated to
    it ("X et Y ont signé"), the agent of a passive ("a été signé par X") and obliques led by
    a companion preposition ("a signé avec X", `companions` being the language's words). A
    relative subject stands for its antecedent ("Tokayev, who arrived on a state visit"), and so
    does the subject a participle lacks ("Tokaïev, reçu en visite d'État")."""

    def led_by_companion(child: Token) -> bool:
        if child.dep_ in _PREPOSITIONS:
            return child.lower_ in companions
        marks = (c.lower_ for c in child.children if c.dep_ == "case")
        return child.dep_ in _OBLIQUES and any(m in companions for m in marks)

    def slot(child: Token) -> tuple[int, int] | None:
        if child.dep_ in _SUBJECTS and _relative(child) and verb.dep_ in _RELATIVE_CLAUSES:
            return _antecedent(verb, sent)
        return _bounds(child, sent)

    found = [
        slot(child)
        for child in verb.children
        if child.dep_ in _SUBJECTS or child.dep_ in _AGENTS or led_by_companion(child)
    ]
    slots = [s for s in found if s is not None]
    if not any(child.dep_ in _SUBJECTS for child in verb.children):
        inherited = _inherited_subject(verb, sent)
        if inherited is not None:
            slots.append(inherited)
    return slots


def _inherited_subject(verb: Token, sent: Span) -> tuple[int, int] | None:
    """The subject a verb without one shares: its coordinated or governing verb's ("X a visité
    le musée et a signé"), or the noun a relative clause hangs on ("X, qui accueille…, s'est
    dite prête": the parser often hangs the main verb under the relative clause)."""
    node = verb
    for _ in range(_MAX_CLIMB):
        head = node.head
        if head.i == node.i or not (sent.start <= head.i < sent.end):
            return None
        if node.dep_ in _RELATIVE_CLAUSES and head.pos_ in ("NOUN", "PROPN"):
            return _antecedent(node, sent)
        if node is verb and node.dep_ in _PARTICIPLES and head.pos_ in ("NOUN", "PROPN"):
            return _antecedent(node, sent)  # "Tokaïev, reçu en visite d'État à Paris"
        if node.dep_ not in ("conj", "advcl", "xcomp") or head.pos_ not in ("VERB", "AUX"):
            return None
        subjects = [c for c in head.children if c.dep_ in _SUBJECTS]
        if subjects and not _relative(subjects[0]):
            return _bounds(subjects[0], sent)
        node = head  # no subject, or a relative "qui": its antecedent, one step up
    return None


def _antecedent(clause: Token, sent: Span) -> tuple[int, int] | None:
    """The noun a relative or participle clause hangs on, without the clause ("Kassym-Jomart
    Tokayev" in "Kassym-Jomart Tokayev, who arrived")."""
    head = clause.head
    if head.i == clause.i or head.pos_ not in ("NOUN", "PROPN") or not sent.start <= head.i < sent.end:
        return None
    doc = head.doc
    start = max(head.left_edge.i, sent.start)
    end = clause.left_edge.idx
    return (doc[start].idx, end) if end > doc[start].idx else None


def _relative(token: Token) -> bool:
    """A relative pronoun ("qui", "who"), which stands for a noun outside its clause."""
    return "Rel" in token.morph.get("PronType") or token.tag_ in _RELATIVE_TAGS


def _bounds(token: Token, sent: Span) -> tuple[int, int]:
    doc = token.doc
    left, right = max(token.left_edge.i, sent.start), min(token.right_edge.i, sent.end - 1)
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def subtree_bounds(token: Token, sent: Span) -> tuple[int, int]:
    """Character bounds of a token's subtree, clipped to its sentence; items coordinated to the
    token ("la production conjointe et la distribution des films") are not part of it."""
    left = max(token.left_edge.i, sent.start)
    right = min(token.right_edge.i, sent.end - 1)
    conj = [c for c in token.rights if c.dep_ == "conj"]
    if conj:
        stop = conj[0].left_edge.i
        while stop - 1 > token.i and token.doc[stop - 1].dep_ in ("cc", "punct"):
            stop -= 1
        right = min(right, stop - 1)
    doc = token.doc
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def tense_of(token: Token, modals: dict[str, frozenset[str]] | None = None) -> str:
    """past | present | future | conditional, from the morphology of the clause's verb; `modals`
    (a lexicon's) are auxiliaries that say it where the morphology does not ("will", "would")."""
    verb = governing_verb(token)
    if verb is None:
        return "present"
    children = [(c, c.dep_) for c in verb.children]
    verb_morph = verb.morph
    verb_tense = verb_morph.get("Tense")
    if "Cnd" in verb_morph.get("Mood"):
        return "conditional"
    if "Fut" in verb_tense:
        return "future"
    auxiliaries = [c for c, dep in children if dep in _AUXILIARIES]
    for t in auxiliaries:
        morph = t.morph
        if "Cnd" in morph.get("Mood"):
            return "conditional"
        if "Fut" in morph.get("Tense"):
            return "future"
    for name in ("future", "conditional"):
        words = (modals or {}).get(name, frozenset())
        if any(t.lower_ in words for t in auxiliaries):
            return name
    aux = any(dep.startswith("aux") for _, dep in children)
    if aux and "Part" in verb_morph.get("VerbForm") and "Pres" not in verb_tense:
        return "past"  # "a signé", "has signed", "was signed"; not "are expanding"
    if any(t in ("Past", "Imp") for t in verb_tense):
        return "past"
    return "present"


def sentences(doc: Doc, text: str) -> list[Span]:
    """The parser's sentences, further cut at line breaks (a headline never joins a paragraph);
    `text` is the doc's text (spaCy rebuilds Doc.text and Span.text on every access)."""
    out = []
    texts = None
    for sent in doc.sents:
        if "\n" not in text[sent.start_char : sent.end_char]:
            out.append(sent)
            continue
        texts = texts or token_texts(doc)
        start = sent.start
        for i in range(sent.start, sent.end):
            if "\n" in texts[i]:
                if i > start:
                    out.append(doc[start:i])
                start = i + 1
        if start < sent.end:
            out.append(doc[start : sent.end])
    return [s for s in out if text[s.start_char : s.end_char].strip()]
