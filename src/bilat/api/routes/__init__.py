"""The JSON API under /api: one router per record kind, each route a call into store.queries."""

from __future__ import annotations

from fastapi import APIRouter

from bilat.api.routes import actors, auth, curation, documents, facts, home, pairs, search, stats

router = APIRouter(prefix="/api")
for _module in (home, facts, documents, actors, pairs, search, stats, curation, auth):
    router.include_router(_module.router)
