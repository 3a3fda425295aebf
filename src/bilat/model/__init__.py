"""The data model: vocabularies, records passed between stages, value types, ids."""
