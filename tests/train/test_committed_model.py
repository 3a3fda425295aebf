"""The committed decisions (src/bilat/trained/) are what `bilat train` makes from the annotated
corpora with today's code: a change to the features, the broad words or the rules that feed the
decisions needs `make train` (like `make gazetteers` for the gazetteer)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilat.extract.learned import model_path, read_decisions
from bilat.train import load_corpora, train
from bilat.train.corpus import parse
from bilat.train.fit import examples

REPO = Path(__file__).resolve().parents[2]
TOLERANCE = 0.02  # probabilities may move by rounding and by floating point across machines

pytestmark = pytest.mark.slow


def test_the_committed_model_is_what_training_makes(shared: Path) -> None:
    corpora = load_corpora(
        [shared / "corpus" / "real", shared / "gold" / "seeds.jsonl", REPO / "tests" / "quality" / "dev"],
        [shared / "seeds"],
        10**7,
        print,
    )
    articles = [a for c in corpora for a in c.articles]
    parse(articles)
    fresh = train(articles).decisions
    committed, languages = read_decisions(model_path())
    assert languages == ["en", "fr"]
    assert (committed.threshold, committed.rule_threshold) == (fresh.threshold, fresh.rule_threshold)
    labelled = [e for a in articles for e in examples(a)]
    assert committed.role is not None and fresh.role is not None
    pairs = [(committed.fact, fresh.fact, "fact", e.features) for e in labelled]
    pairs += [(committed.role, fresh.role, "takes_part", r.features) for e in labelled for r in e.roles]
    drift = max(abs(a.probabilities(f)[label] - b.probabilities(f)[label]) for a, b, label, f in pairs)
    assert drift < TOLERANCE, f"the decisions drifted by {drift:.3f}: run `make train` and commit the result"
