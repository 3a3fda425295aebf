"""The actor index the resolver looks names up in: stored actors by folded alias, across documents."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bilat.model.names import fold
from bilat.model.records import Actor
from bilat.store.rows import load_actors
from bilat.store.tables import ActorAlias, ActorRow


class DbActorIndex:
    """Looks up stored actors for `bilat.resolve.actors` (duck-typed: find / candidates / get)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def find(self, kind: str | None, norm: str) -> list[Actor]:
        """Actors having an alias whose folded form is `norm` (optionally of one kind), by id."""
        norm = fold(norm)
        if not norm:
            return []
        query = select(ActorAlias.actor_id).where(ActorAlias.norm == norm)
        if kind is not None:
            query = query.join(ActorRow, ActorRow.id == ActorAlias.actor_id).where(ActorRow.kind == kind)
        return load_actors(self.session, self.session.scalars(query.distinct()))

    def candidates(self, kind: str, token: str) -> list[Actor]:
        """Actors of `kind` having an alias that holds the folded `token` as whole word(s): blocking."""
        token = fold(token)  # fold() leaves no % or _, so the LIKE patterns need no escaping
        if not token:
            return []
        query = (
            select(ActorAlias.actor_id)
            .join(ActorRow, ActorRow.id == ActorAlias.actor_id)
            .where(ActorRow.kind == kind)
            .where(
                or_(
                    ActorAlias.norm == token,
                    ActorAlias.norm.like(f"{token} %"),
                    ActorAlias.norm.like(f"% {token}"),
                    ActorAlias.norm.like(f"% {token} %"),
                )
            )
            .distinct()
        )
        return load_actors(self.session, self.session.scalars(query))

    def all(self) -> list[Actor]:
        """Every stored actor (to preload an in-memory index for a batch run)."""
        return load_actors(self.session, self.session.scalars(select(ActorRow.id).order_by(ActorRow.id)))

    def get(self, actor_id: str) -> Actor | None:
        found = load_actors(self.session, [actor_id])
        return found[0] if found else None
