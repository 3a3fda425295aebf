"""Exports of the store: JSON Lines (the records.md contract) and more formats by name."""
