"""bilat: sourced records of bilateral cooperation, read from the press."""

__version__ = "0.1.0"
