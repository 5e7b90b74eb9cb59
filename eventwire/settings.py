"""Run-time settings with their defaults. Each can be overridden by an environment variable."""
from __future__ import annotations

import os

# Longest text analysed, in characters. spaCy's own limit is 1,000,000; above it a parse needs
# roughly 1 GB of memory per 100,000 words, so a longer document is refused (code `too_large`)
# rather than risking the batch. News articles are rarely above 50,000 characters.
MAX_CHARS = int(os.environ.get("EVENTWIRE_MAX_CHARS", "1000000"))

# Default DuckDB file for `ingest` and the query commands.
DEFAULT_DB = os.environ.get("EVENTWIRE_DB", "eventwire.duckdb")

# Languages with a full pipeline; other detected languages are reported as skipped.
SUPPORTED_LANGUAGES = ("en",)
