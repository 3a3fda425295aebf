"""Token-level helpers shared by the bilat components: folded tokens, phrase lookups, name shapes."""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Mapping
from typing import TypeVar

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span, Token

from bilat.model.names import fold

V = TypeVar("V")

_JOINERS = frozenset({"-", "‐", "–", "’", "'"})  # punctuation that may sit inside a phrase
_SENTENCE_END = frozenset({".", "!", "?", "…", ":", ";"})
_ROMAN = re.compile(r"^(?=[IVXL])X{0,3}(IX|IV|V?I{0,3}|L)$")
_ACRONYM = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý0-9&]{1,9}$")
_SHORT_NAME = re.compile(r"^[A-ZÀ-Ý][A-Za-zÀ-ÿ0-9&]{2,9}$")  # "DEFR", "Cirad": one word, a capital first
_MAX_SPELLED = 10  # tokens between a name the text gives and the acronym in brackets that closes it
_FOLDS = "bilat_folds"
_TOKENS = "bilat_tokens"
_TEXT = "bilat_text"
_ENTS = "bilat_ents"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per doc: spaCy joins every token on each access, and retokenizing
    never changes a doc's text, so the cached string stays right."""
    cached = doc.user_data.get(_TEXT)
    if cached is None:
        cached = doc.text
        doc.user_data[_TEXT] = cached
    return cached


def token_texts(doc: Doc) -> list[str]:
    """`token.text` of every token, computed once per doc without making a Token object each
    (cached in user_data, dropped at the end)."""
    cached = doc.user_data.get(_TOKENS)
    if cached is None or len(cached) != len(doc):
        strings = doc.vocab.strings
        cached = [strings[orth] for orth in doc.to_array([ORTH]).tolist()]
        doc.user_data[_TOKENS] = cached
    return cached


def token_folds(doc: Doc) -> list[str]:
    """`fold()` of every token, computed once per doc (cached in user_data, dropped at the end)."""
    cached = doc.user_data.get(_FOLDS)
    if cached is None or len(cached) != len(doc):
        cached = [fold(t) for t in token_texts(doc)]
        doc.user_data[_FOLDS] = cached
    return cached


def ent_bounds(doc: Doc) -> list[tuple[str, int, int]]:
    """(label, start, end) of every NER entity, computed once per doc: `doc.ents` walks the whole
    doc on each access, which made loops over it per name quadratic on long texts (issue 7)."""
    cached = doc.user_data.get(_ENTS)
    if cached is None or cached[0] != len(doc):
        cached = (len(doc), [(e.label_, e.start, e.end) for e in doc.ents])
        doc.user_data[_ENTS] = cached
    return cached[1]


def drop_cache(doc: Doc) -> None:
    doc.user_data.pop(_FOLDS, None)
    doc.user_data.pop(_TOKENS, None)
    doc.user_data.pop(_ENTS, None)


def longest_match(
    doc: Doc,
    folds: list[str],
    start: int,
    lookup: Callable[[str], V | None],
    max_words: int,
    prefixes: Container[str] | None = None,
) -> tuple[int, V] | None:
    """The longest phrase starting at token `start` that `lookup` knows: (end token, value).

    Words are folded tokens; hyphens and apostrophes inside a phrase are skipped, any other
    punctuation or a line break ends it. With `prefixes` (see `word_prefixes`), the search
    stops as soon as no known phrase starts with the words read so far.
    """
    first = folds[start]
    if not first or (prefixes is not None and first not in prefixes):
        return None  # most tokens start no known phrase: decided without building one
    best: tuple[int, V] | None = None
    words: list[str] = []
    for i in range(start, len(doc)):
        if not folds[i]:
            if doc[i].text in _JOINERS and i > start:
                continue
            break
        words.append(folds[i])
        if len(words) > max_words:
            break
        phrase = " ".join(words)
        if prefixes is not None and phrase not in prefixes:
            break
        value = lookup(phrase)
        if value is not None:
            best = (i + 1, value)
    return best


def table_lookup(table: Mapping[str, V]) -> Callable[[str], V | None]:
    return table.get


def starts_upper(text: str) -> bool:
    """Starts with a capital letter ("Kazakhstan", "Khabar24", "ÉLYSÉE"): for a token's text read
    from the doc's cached list (`token_texts`) without making its Token."""
    return text[:1].isupper()


def is_cap(token: Token) -> bool:
    """Starts with a capital letter ("Kazakhstan", "Khabar24", "ÉLYSÉE")."""
    return starts_upper(token.text)


def is_name_part(token: Token) -> bool:
    """Capitalised, or the lower-case end of a hyphenated name glued to a capitalised start
    ("gon" of "Yong-gon", "cacao" of "café-cacao" is not: its start is not capitalised)."""
    if is_cap(token):
        return True
    doc, i = token.doc, token.i
    return (
        i >= 2
        and doc[i - 1].text in _HYPHENS
        and not doc[i - 1].whitespace_
        and not doc[i - 2].whitespace_
        and is_cap(doc[i - 2])
    )


_HYPHENS = frozenset({"-", "‐", "‑"})


def is_acronym(text: str) -> bool:
    return bool(_ACRONYM.match(text))


def spells(short: str, words: list[str]) -> bool:
    """`short` is made of the first letters of `words`, in order, the first word's first: one
    or more letters from each word it uses, words left out ("DDC" for "Direction du
    développement et de la coopération", "AWEX" for "Agence wallonne à l’exportation",
    "Cirad" for "Centre de coopération internationale en recherche agronomique pour le
    développement")."""
    letters = "".join(fold(short).split())
    folded = [w for w in (fold(w).replace(" ", "") for w in words) if w]
    if not letters or not folded or letters[0] != folded[0][0]:
        return False

    def rest(i: int, j: int) -> bool:  # letters[i:] from words j onwards
        if i == len(letters):
            return True
        for w in range(j, len(folded)):
            word = folded[w]
            k = 0
            while k < len(word) and i + k < len(letters) and word[k] == letters[i + k]:
                k += 1
                if rest(i + k, w + 1):
                    return True
        return False

    return rest(0, 0)


def acronym_end(doc: Doc, start: int, end: int) -> int:
    """Where a name found as tokens start..end really ends when the text closes it with its
    acronym in brackets a few words later: "la Direction du développement | et de la
    coopération (DDC)" ends before "(" if the acronym spells the longer name and not the
    shorter one. Only words, commas and apostrophes may come between; `end` if no such acronym."""
    if is_acronym(doc[start].text):
        return end  # "IJDP and India-Japan … Partnership (IJICP)": an acronym spells no longer name
    k = end
    while k < len(doc) and k - end < _MAX_SPELLED and doc[k].text != "(":
        token = doc[k]
        if "\n" in token.text or "\n" in token.whitespace_:
            return end
        if not (token.is_alpha or token.text in _JOINERS or token.text == "," or token.text[-1:] in "’'"):
            return end
        k += 1
    if k == end or k + 2 >= len(doc) or doc[k].text != "(" or doc[k + 2].text != ")":
        return end
    short = doc[k + 1].text
    if not _SHORT_NAME.match(short) or doc[k - 1].text == ",":
        return end

    def content(a: int, b: int) -> list[str]:
        return [doc[x].text for x in range(a, b) if doc[x].is_alpha and not doc[x].is_stop]

    if spells(short, content(start, end)) or not spells(short, content(start, k)):
        return end
    return k


def bracket_acronym(doc: Doc, start: int, end: int) -> str | None:
    """The acronym in brackets right after the name start..end that spells it, if any:
    "Cirad" after "Centre de coopération internationale en recherche agronomique pour le
    développement", "DEFR" after "Département fédéral de l'économie, … et de la recherche"."""
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return None
    short = doc[end + 1].text
    words = [doc[x].text for x in range(start, end) if doc[x].is_alpha and not doc[x].is_stop]
    return short if _SHORT_NAME.match(short) and spells(short, words) else None


def is_roman(text: str) -> bool:
    return bool(text) and bool(_ROMAN.match(text))


def is_break(token: Token) -> bool:
    """Punctuation or a line break that no name runs across."""
    if "\n" in token.text:
        return True
    return token.is_punct and token.text not in _JOINERS


def sentence_initial(token: Token) -> bool:
    """First word of a sentence or of a line (its capital says nothing about it being a name)."""
    i = token.i - 1
    doc = token.doc
    while i >= 0 and doc[i].text in {"«", "“", '"', "(", "—", "–", "-"}:
        i -= 1
    if i < 0:
        return True
    prev = doc[i]
    return "\n" in prev.text or prev.text in _SENTENCE_END or "\n" in prev.whitespace_


def clean_bounds(span: Span, skip: frozenset[str]) -> tuple[int, int]:
    """Token bounds of `span` without leading `skip` words (case-sensitive), edge punctuation, line breaks."""
    start, end = span.start, span.end
    doc = span.doc
    for i in range(span.start, span.end):  # a name never crosses a line break
        if "\n" in doc[i].text or ("\n" in doc[i].whitespace_ and i + 1 < span.end):
            end = i if "\n" in doc[i].text else i + 1
            break
    while start < end and (doc[start].text in skip or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def span_name(doc: Doc, start: int, end: int) -> str:
    """The text of tokens [start, end) with whitespace runs collapsed."""
    return " ".join(doc[start:end].text.split())
