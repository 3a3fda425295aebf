"""nlp/text.py: the per-doc caches of token texts and folds the components share."""

from __future__ import annotations

import spacy

from bilat.model.names import fold
from bilat.nlp.text import drop_cache, token_folds, token_texts


def test_token_texts_and_folds_are_the_tokens_and_are_kept_per_doc() -> None:
    nlp = spacy.blank("fr")
    doc = nlp("L’ambassadeur du Kazakhstan, M. Dupont, a signé\n\nun accord franco-kazakh.")
    assert token_texts(doc) == [t.text for t in doc]
    assert token_folds(doc) == [fold(t.text) for t in doc]
    assert token_texts(doc) is token_texts(doc)  # computed once
    assert token_folds(doc) is token_folds(doc)
    drop_cache(doc)
    assert "bilat_tokens" not in doc.user_data and "bilat_folds" not in doc.user_data
    assert token_texts(nlp("")) == [] and token_folds(nlp("")) == []
