"""Sign-in rate limiting, kept in the store so that it holds across `bilat serve --workers N`:
MAX_FAILURES failed sign-ins for one name, or from one address, within WINDOW lock further tries
(right or wrong) until the oldest of them is WINDOW old."""

from __future__ import annotations

import math
from datetime import timedelta

from sqlalchemy.orm import Session

from bilat.auth.errors import RateLimited
from bilat.store.accounts import add_failure, clear_failures, failures_since
from bilat.store.tables import utcnow

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)


def check(session: Session, name: str, address: str) -> None:
    """Raise RateLimited (with Retry-After seconds) when this name or address failed too often."""
    now = utcnow()
    failures = failures_since(session, name, address, now - WINDOW)
    if len(failures) >= MAX_FAILURES:
        lifted = failures[-MAX_FAILURES] + WINDOW
        wait = max(1, math.ceil((lifted - now).total_seconds()))
        raise RateLimited(
            f"too many failed sign-ins for this name or from this address; try again in {wait} s",
            "wait, then sign in with the right password; an admin can reset it with `bilat user passwd`",
            retry_after=wait,
        )


def failed(session: Session, name: str, address: str) -> None:
    add_failure(session, name, address)


def succeeded(session: Session, name: str) -> None:
    clear_failures(session, name, before=utcnow() - WINDOW)
