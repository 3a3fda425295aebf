"""Tests of bilat.export: JSON Lines and the exporter registry, against records.md."""
