"""Migration revisions of the store, one module each (a package so that it ships with bilat)."""
