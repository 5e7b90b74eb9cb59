"""Scoring against the annotated sets of `../shared/eval` (JSON Lines, one shape for all tasks)."""
