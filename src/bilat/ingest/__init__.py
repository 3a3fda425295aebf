"""Ingest, the first stage of the flow: files -> normalised Documents (text, title, language, date)."""

from bilat.ingest.language import detect_language
from bilat.ingest.normalise import normalise
from bilat.ingest.published import published_date
from bilat.ingest.readers import read_file, read_paths

__all__ = ["detect_language", "normalise", "published_date", "read_file", "read_paths"]
