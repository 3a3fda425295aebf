"""The development gold (tests/quality/dev/) is well formed: its checker finds no problem."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

CHECKER = Path(__file__).resolve().parent / "dev" / "check_gold.py"


def test_dev_gold_passes_its_checker(capsys: pytest.CaptureFixture[str]) -> None:
    main = runpy.run_path(str(CHECKER))["main"]
    assert main() == 0, capsys.readouterr().out
