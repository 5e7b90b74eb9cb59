"""Stable error codes for inputs that could not be analysed.

Codes are part of the public contract: they appear in run summaries, in the `failures` table
and in exports, so scripts can count and filter them. Never rename one; add new ones instead.
"""
from __future__ import annotations

from dataclasses import dataclass

CODES = {
    "not_found": "the path does not exist",
    "unreadable": "the file could not be read (permissions, a directory loop, an I/O error)",
    "binary": "the file holds binary data, not text",
    "encoding": "the bytes are not valid text in UTF-8 or any encoding that could be detected",
    "empty": "no text to analyse (empty file, or nothing left after cleaning)",
    "too_large": "the text is longer than the max_chars setting",
    "bad_html": "the HTML page yielded no article text",
    "bad_json": "a JSON Lines record is not a JSON object with a string `text`",
    "bad_feed": "the file is not a readable RSS/Atom feed",
    "unsupported_language": "the language is not one the pipeline analyses yet",
    "analysis_error": "the analysis raised an unexpected error (a bug: please report it)",
}


@dataclass(frozen=True)
class Failure:
    """An input that was not analysed, with the file (and record) it came from."""

    source: str
    code: str
    reason: str

    def __post_init__(self):
        if self.code not in CODES:
            raise ValueError(f"unknown failure code {self.code!r}")

    def to_dict(self) -> dict:
        return {"source": self.source, "code": self.code, "reason": self.reason}


class InputError(Exception):
    """Raised by readers for one bad input; the batch turns it into a Failure and goes on."""

    def __init__(self, code: str, reason: str):
        super().__init__(reason)
        if code not in CODES:
            raise ValueError(f"unknown failure code {code!r}")
        self.code = code
        self.reason = reason
