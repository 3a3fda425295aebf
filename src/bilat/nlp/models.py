"""The spaCy model packages bilat knows (models.json): their language, version and the hashes of
their trained weights, and a check that an installed package carries exactly those weights."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from spacy.util import get_package_path, is_package


@dataclass(frozen=True)
class ModelPackage:
    name: str
    lang: str
    version: str
    weights: dict[str, str]  # path inside the model folder -> SHA-256


@cache
def known_models() -> dict[str, ModelPackage]:
    raw = json.loads(resources.files("bilat.nlp").joinpath("models.json").read_text("utf-8"))
    return {
        name: ModelPackage(name, entry["lang"], entry["version"], dict(entry["weights"]))
        for name, entry in raw.items()
        if not name.startswith("_")
    }


def model_dir(package: Path, name: str, version: str) -> Path:
    """The folder holding config.cfg and the weights inside an installed model package."""
    return package / f"{name}-{version}"


def weight_problems(name: str, root: Path | None = None) -> list[str]:
    """What differs between the installed package `name` (or the package folder `root`) and
    models.json: a missing package, a missing weight file, or a weight file with another hash."""
    model = known_models()[name]
    if root is None:
        if not is_package(name):
            return [f"{name} is not installed: run `make install`"]
        root = get_package_path(name)
    folder = model_dir(root, name, model.version)
    problems = []
    for relative, expected in sorted(model.weights.items()):
        path = folder / relative
        if not path.is_file():
            problems.append(f"{name}: {relative} is missing")
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != expected:
            problems.append(f"{name}: {relative} has SHA-256 {digest[:12]}…, expected {expected[:12]}…")
    return problems
