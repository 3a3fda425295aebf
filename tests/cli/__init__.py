"""End-to-end tests of the `bilat` command line."""
