"""Tests of bilat.store: migrations, the writer, the actor index and the read API."""
