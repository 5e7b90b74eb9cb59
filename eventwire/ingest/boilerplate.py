"""Removes page furniture lines ("Comments are closed.", share/subscribe/cookie lines)."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import resources

# Boilerplate is short; a long line that merely contains "subscribe" is content.
_MAX_LINE = 160


@lru_cache(maxsize=None)
def _patterns() -> list[tuple[str, re.Pattern]]:
    data = resources.load("boilerplate.yaml")
    return [(entry["id"], re.compile(entry["pattern"], re.IGNORECASE)) for entry in data["lines"]]


def is_boilerplate(line: str) -> str | None:
    """The id of the pattern that marks `line` as boilerplate, or None."""
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_LINE:
        return None
    for pid, pattern in _patterns():
        if pattern.fullmatch(stripped):
            return pid
    return None


def strip_boilerplate(text: str) -> tuple[str, list[str]]:
    """Text without boilerplate lines, and the lines removed."""
    kept, removed = [], []
    for line in text.split("\n"):
        if is_boilerplate(line):
            removed.append(line.strip())
        else:
            kept.append(line)
    return "\n".join(kept).strip("\n"), removed
