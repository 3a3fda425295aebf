"""BILAT_ANONYMOUS_READ and BILAT_SESSION_HOURS: read from the environment, yes/no values checked."""

from __future__ import annotations

import pytest

from bilat.config import Settings, _from_env
from bilat.errors import ConfigError


@pytest.mark.parametrize(
    ("raw", "expected"), [("0", False), ("off", False), ("No", False), ("1", True), ("yes", True)]
)
def test_anonymous_read_from_the_environment(raw: str, expected: bool) -> None:
    assert Settings(**_from_env({"BILAT_ANONYMOUS_READ": raw})).anonymous_read is expected


def test_defaults_and_bad_values() -> None:
    assert Settings().anonymous_read is True  # `make demo` reads without signing in
    assert Settings(**_from_env({"BILAT_SESSION_HOURS": "2"})).session_hours == 2
    with pytest.raises(ConfigError, match="BILAT_ANONYMOUS_READ='maybe' is not a yes/no value"):
        _from_env({"BILAT_ANONYMOUS_READ": "maybe"})
