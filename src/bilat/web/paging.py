"""What list pages share: the URL of a page's JSON twin and the links around a page of a list."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from bilat.api.deps import Paging


def twin(request: Request, path: str) -> str:
    """The /api URL of a page, with the same query string."""
    query = request.url.query
    return f"/api{path}" + (f"?{query}" if query else "")


def paging(request: Request, total: int, page: Paging) -> dict[str, Any]:
    """Where this page sits in the list, and the links to the pages around it."""

    def at(offset: int) -> str:
        url = request.url.include_query_params(offset=offset)
        return f"{url.path}?{url.query}"

    has_next = page.offset + page.limit < total
    return {
        "total": total,
        "offset": page.offset,
        "limit": page.limit,
        "prev_url": at(max(page.offset - page.limit, 0)) if page.offset > 0 else None,
        "next_url": at(page.offset + page.limit) if has_next else None,
    }
