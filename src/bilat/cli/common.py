"""What every command shares: the settings of the run, the consoles, opening the store."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console

from bilat.config import Settings
from bilat.store.db import Store, open_store

console = Console(soft_wrap=True)
console_err = Console(stderr=True, soft_wrap=True)


@dataclass
class State:
    settings: Settings

    def store(self) -> Store:
        return open_store(self.settings.db_url)
