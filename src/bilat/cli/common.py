"""What every command shares: the settings of the run, the consoles, opening the store."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from bilat.config import Settings
from bilat.store.db import Store, open_store

console = Console(soft_wrap=True)
console_err = Console(stderr=True, soft_wrap=True)


def progress_bar() -> Progress:
    """The progress display of long commands: on standard error, gone when done."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console_err,
        transient=True,
    )


@dataclass
class State:
    settings: Settings

    def store(self) -> Store:
        return open_store(self.settings.db_url)
