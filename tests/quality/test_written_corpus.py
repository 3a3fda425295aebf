"""corpus/written/: its gold passes gold_check (quotes equal to the text at their offsets, references
resolve, bilat's vocabularies, ISO dates), it is exactly what make_gold.py builds, and it has the
shape its README describes. Fast: no spaCy."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from quality.gold_check import check_set

ROOT = Path(__file__).resolve().parents[2]
WRITTEN = ROOT / "corpus" / "written"
FACTS = ("agreement", "initiative", "event")


def _records() -> list[dict]:
    return [json.loads(line) for line in (WRITTEN / "gold.jsonl").read_text(encoding="utf-8").splitlines()]


def test_gold_passes_gold_check(tmp_path: Path) -> None:
    # gold_check reads FOLDER/gold.jsonl and FOLDER/articles/*.txt; the pages sit beside the gold here
    (tmp_path / "articles").symlink_to(WRITTEN, target_is_directory=True)
    (tmp_path / "gold.jsonl").symlink_to(WRITTEN / "gold.jsonl")
    problems, counts = check_set(tmp_path)
    assert problems == []
    assert counts["document"] == 40


def test_gold_is_what_make_gold_builds(tmp_path: Path) -> None:
    out = tmp_path / "gold.jsonl"
    subprocess.run([sys.executable, str(WRITTEN / "make_gold.py"), str(out)], check=True, capture_output=True)
    assert out.read_text(encoding="utf-8") == (WRITTEN / "gold.jsonl").read_text(encoding="utf-8")


def test_pages_languages_and_negatives() -> None:
    records = _records()
    docs = {r["id"]: r for r in records if r["type"] == "document"}
    assert sorted(docs) == sorted(
        [f"en{i:02d}.txt" for i in range(1, 21)] + [f"fr{i:02d}.txt" for i in range(1, 21)]
    )
    assert all(d["language"] == d["id"][:2] for d in docs.values())
    facts_per_doc = Counter(s["doc"] for r in records if r["type"] in FACTS for s in r["sources"])
    negatives = {d for d, r in docs.items() if r.get("negative")}
    assert negatives == {f"{lang}{i}.txt" for lang in ("en", "fr") for i in (17, 18, 19, 20)}
    assert not negatives & set(facts_per_doc)
    assert all(facts_per_doc[d] >= 3 for d in set(docs) - negatives)


def test_ids_are_the_corpus_own() -> None:
    for r in _records():
        if r["type"] != "document":
            assert r["id"][:5] in {f"{lang}{i:02d}-" for lang in ("en", "fr") for i in range(1, 21)}, r["id"]
