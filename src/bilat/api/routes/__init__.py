"""The JSON API under /api: one router per record kind, each route a call into store.queries."""

from __future__ import annotations

from fastapi import APIRouter

from bilat.api.routes import actors, documents, facts, stats

router = APIRouter(prefix="/api")
for _module in (facts, documents, actors, stats):
    router.include_router(_module.router)
