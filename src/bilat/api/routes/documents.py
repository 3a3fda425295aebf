"""/api/documents: the articles, and one article with its text and extracted spans."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from bilat.api.deps import IdPath, PagingDep, SessionDep
from bilat.api.errors import not_found
from bilat.api.schemas import ERROR_RESPONSES, DocumentOut, DocumentSummaryOut, PageOut, sent
from bilat.store import queries

router = APIRouter(tags=["documents"], responses=ERROR_RESPONSES)


@router.get("/documents", response_model=PageOut[DocumentSummaryOut])
def list_documents(session: SessionDep, paging: PagingDep) -> JSONResponse:
    """Documents without their text."""
    items, total = queries.list_documents(session, limit=paging.limit, offset=paging.offset)
    return sent({"items": items, "total": total, "limit": paging.limit, "offset": paging.offset})


@router.get("/documents/{id}", response_model=DocumentOut)
def get_document(id: IdPath, session: SessionDep) -> JSONResponse:
    """One document with its text and every extracted span (character offsets into `text`)."""
    document = queries.get_document(session, id)
    if document is None:
        raise not_found("document", id, "list the documents at /api/documents")
    return sent(document)
