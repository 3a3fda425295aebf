"""bilat's spaCy components; each writes one span group and says so in its docstring."""

from __future__ import annotations

from spacy.tokens import Span

# Per-span data of the bilat span groups (country, roles, aliases…), kept in doc.user_data.
if not Span.has_extension("bilat"):
    Span.set_extension("bilat", default=None)
