"""Publication date of a document (last ingest step): metadata first, else inferred from the text."""

from __future__ import annotations

from bilat.model.date_patterns import has_language
from bilat.model.dates import PartialDate
from bilat.model.publication_dates import infer_document_date


def published_date(metadata_date: str | None, text: str, lang: str | None) -> tuple[str | None, str]:
    """ISO partial date and its basis: `metadata`, `text` or `none` (records.md `published_basis`).

    `published_date("2021-01-14T08:00:00+01:00", text, "fr")` -> ("2021-01-14", "metadata");
    metadata that does not parse as a date is ignored, and the text is tried instead.
    """
    from_metadata = PartialDate.parse(metadata_date)
    if from_metadata is not None:
        return str(from_metadata), "metadata"
    if not has_language(lang):
        return None, "none"
    inferred, basis = infer_document_date(text, lang or "")
    return (str(inferred), basis) if inferred is not None else (None, "none")
