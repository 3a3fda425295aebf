"""Language data, one folder per language (triggers, cues, domains, titles, patterns)."""
