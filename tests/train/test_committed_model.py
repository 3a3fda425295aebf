"""The committed decisions (src/bilat/trained/) are what `bilat train` makes from the annotated
corpora with today's code: a change to the features, the broad words or the rules that feed the
decisions needs `make train` (like `make gazetteers` for the gazetteer)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.config import Settings
from bilat.extract.learned import model_path, read_decisions
from bilat.train import load_corpora, train
from bilat.train.corpus import parse
from bilat.train.fit import examples

REPO = Path(__file__).resolve().parents[2]
TOLERANCE = 0.02  # how far a decision's probability may move by rounding and floating point
# A parse can differ in one word across machines or spaCy batches (floating point), and that
# draft's features with it: a few drafts may move more (a change of C moves most of them).
MAY_MOVE = 0.01

pytestmark = pytest.mark.slow


def test_the_committed_model_is_what_training_makes(shared: Path) -> None:
    corpora = load_corpora(
        [shared / "corpus" / "real", shared / "gold" / "seeds.jsonl", REPO / "tests" / "quality" / "dev"],
        [shared / "seeds"],
        10**7,
        print,
    )
    articles = [a for c in corpora for a in c.articles]
    parse(articles, Settings())
    fresh = train(articles).decisions
    committed, languages = read_decisions(model_path())
    assert languages == ["en", "fr"]
    assert (committed.threshold, committed.rule_threshold) == (fresh.threshold, fresh.rule_threshold)
    labelled = [e for a in articles for e in examples(a)]
    assert committed.role is not None and fresh.role is not None
    pairs = [(committed.fact, fresh.fact, "fact", e.features) for e in labelled]
    pairs += [(committed.role, fresh.role, "takes_part", r.features) for e in labelled for r in e.roles]
    moved = sum(abs(a.probabilities(f)[k] - b.probabilities(f)[k]) >= TOLERANCE for a, b, k, f in pairs)
    assert moved <= len(pairs) * MAY_MOVE, (
        f"{moved} of {len(pairs)} decisions moved by {TOLERANCE} or more: run `make train`, commit the result"
    )
