"""Actor precision and recall on the seed articles against the gold actors (issue #3 floors)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from bilat.model.ids import content_hash
from bilat.model.names import fold
from bilat.model.records import Actor, Document
from bilat.nlp.mentions import find_mentions
from bilat.resolve.actors import MemoryIndex, resolve_mentions

pytestmark = pytest.mark.slow

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds.jsonl"
PRECISION_FLOOR = 0.90
RECALL_FLOOR = 0.95


def _names(record: dict[str, object] | Actor) -> set[str]:
    if isinstance(record, Actor):
        return {fold(n) for n in [record.name, *record.aliases]}
    return {fold(str(n)) for n in [record["name"], *record.get("aliases", [])]}  # type: ignore[union-attr]


@pytest.fixture(scope="module")
def predicted(nlp: Language) -> list[Actor]:
    if not SEEDS.is_dir() or not GOLD.is_file():
        pytest.skip(f"seed articles or gold not found under {SHARED} (the shared folder is not checked out)")
    index = MemoryIndex()
    paths = sorted(SEEDS.glob("*.txt"))
    texts = [p.read_text("utf-8") for p in paths]
    for path, text, sdoc in zip(paths, texts, nlp.pipe(texts), strict=True):
        document = Document(id=path.name, source=path.name, text=text, content_hash=content_hash(text))
        index.update(resolve_mentions(find_mentions(document, sdoc), index).actors.values())
    return list(index.actors.values())


def test_actor_precision_and_recall(predicted: list[Actor]) -> None:
    gold = [r for r in map(json.loads, GOLD.read_text("utf-8").splitlines()) if r.get("type") == "actor"]
    false_positives = [a.name for a in predicted if not any(_names(a) & _names(g) for g in gold)]
    required = [g for g in gold if g.get("required", True)]
    missed = [g["name"] for g in required if not any(_names(a) & _names(g) for a in predicted)]
    precision = 1 - len(false_positives) / len(predicted)
    recall = 1 - len(missed) / len(required)
    report = f"precision {precision:.3f} (false: {false_positives}), recall {recall:.3f} (missed: {missed})"
    print(report)
    assert precision >= PRECISION_FLOOR, report
    assert recall >= RECALL_FLOOR, report
